import BundledData
import Testing
@testable import CrossingsCore

/// Large observation files are decoded straight from bytes; every other row goes
/// through the general reader. Both must read the same rows the same way and
/// report the same problems at the same places.
@Suite("Fast path for observation rows")
struct FastPathTests {
    func both(_ files: [String: String]) -> (fast: Result<Dataset, LoadFailure>, general: Result<Dataset, LoadFailure>) {
        func load(_ fast: Bool) -> Result<Dataset, LoadFailure> {
            do { return .success(try PackageLoader.load(origin: "fx", fastPath: fast) { files[$0].map { Array($0.utf8) } }) }
            catch let f as LoadFailure { return .failure(f) }
            catch { return .failure(LoadFailure([])) }
        }
        return (load(true), load(false))
    }

    @Test func theBundledDataReadsTheSameBothWays() throws {
        let (fast, general) = both(BundledData.files)
        let a = try fast.get(), b = try general.get()
        #expect(a.observations.count == b.observations.count)
        #expect(Array(a.observations) == Array(b.observations))
        #expect(Set(a.keys) == Set(b.keys))
        for key in a.keys.prefix(200) { #expect(a.observations(for: key) == b.observations(for: key)) }
    }

    static let header = MiniPackage.observationHeader
    static let shapes = [
        "ds/a,KP-RU,2010-Q1,transport,air,1239,,exact,\"1,239\",FSB border service,ds,Russia_in_master.csv:L6,",
        "ds/b,KP-RU,2010-Q1,transport,rail,933,,exact,933,FSB border service,ds,Russia_in_master.csv:L7,",
        "ds/c,KP-RU,2010-Q2,transport,road,0,,exact,0,FSB border service,ds,L8,\"a note, with a comma\"",
        "ds/d,KP-RU,2010-Q2,transport,sea,7,,exact,seven,FSB border service,ds,L9,\"she said \"\"seven\"\"\"",
        "ds/e,KP-RU,2010-Q3,total,,12000,,about,\"около 12 000\",FSB border service,ds,L10,примечание",
        "ds/f,KP-RU,2022,estimate,workers,20000,50000,range,\"20,000-50,000\",someone,ds,L11,",
        "ds/g,KP-RU,2010..2019,annual-average,,4900,,about,about 4900,FSB border service,ds,L12,",
        "ds/h,KP-RU,2011,total,,5,,at-least,more than 5,FSB border service,ds,L13,북한",
        "ds-no-slash,KP-RU,2012,total,,5,,exact,5,FSB border service,ds,no-colon,",
    ]

    @Test func everyRowShapeReadsTheSameBothWays() throws {
        let body = ([FastPathTests.header] + FastPathTests.shapes).joined(separator: "\r\n") + "\r\n\r\n"
        var files = MiniPackage.files
        files["observations.csv"] = "\u{FEFF}" + body
        files["categories.csv"] = (files["categories.csv"] ?? "") + ["estimate,workers,workers,", "transport,rail,rail,", "transport,road,road,", "transport,sea,sea,"].map { $0 + "\n" }.joined()
        let (fast, general) = both(files)
        let a = try fast.get(), b = try general.get()
        #expect(a.observations.count == FastPathTests.shapes.count)
        #expect(Array(a.observations) == Array(b.observations))
        let d = try #require(a.observations.first { $0.id == "ds/d" })
        #expect(d.note == "she said \"seven\"" && d.printed == "seven")
        let e = try #require(a.observations.first { $0.id == "ds/e" })
        #expect(e.printed == "около 12 000" && e.note == "примечание")
        let air = try #require(a.observations.first { $0.id == "ds/a" })
        #expect(air.printed == "1,239" && air.value == 1239 && air.location.line == 2 && air.locator == "Russia_in_master.csv:L6")
    }

    @Test(arguments: [
        "ds/x,KP-RU,2010-Q1,transport,air, 12,,exact,12,FSB border service,ds,L2,",
        "ds/x,KP-RU,2010-Q1,transport,air,12a,,exact,12,FSB border service,ds,L2,",
        "ds/x,KP-XX,2010-Q1,transport,air,12,,exact,12,FSB border service,ds,L2,",
        "ds/x,KP-RU,2010-Q5,transport,air,12,,exact,12,FSB border service,ds,L2,",
        "ds/x,KP-RU,2010-Q1,transport,,12,,exact,12,FSB border service,ds,L2,",
        "ds/x,KP-RU,2010-Q1,transport,boat,12,,exact,12,FSB border service,ds,L2,",
        "ds/x,KP-RU,2010-Q1,transport,air,12,,roughly,12,FSB border service,ds,L2,",
        "ds/x,KP-RU,2010-Q1,transport,air,12,,exact,12,FSB border service,nosuch,L2,",
        "ds/x,KP-RU,2010-Q1,transport,air,12,,exact,12,FSB border service,ds,,",
        "ds/x,KP-RU,2010-Q1,transport,air,12,,exact,12,FSB border service,ds,L2",
        "ds/x,KP-RU,2010-Q1,transport,air,12,14,exact,12,FSB border service,ds,L2,",
        "ds/1,KP-RU,2010-Q1,transport,air,12,,exact,12,FSB border service,ds,L2,",
        "ds/x,KP-RU,2010-Q1,transport,air,12,,exact,\"12,FSB border service,ds,L2,",
        // A measure like one read before (same length, same first letter) is no such measure
        // (the fast path took 'transpoyt' for transport: the fuzzer's find).
        "ds/y,KP-RU,2010-Q1,transport,air,12,,exact,12,FSB border service,ds,L2,\nds/x,KP-RU,2010-Q1,transpoyt,air,12,,exact,12,FSB border service,ds,L3,",
        "ds/x,KP-RU,2010-Q1,totaI,,12,,exact,12,FSB border service,ds,L2,",
        // A row refused after its flow and category were taken in: no error for them besides the row's own.
        "ds/x,KP-RU,2010-Q1,transport,f,ot0o,,exact,0,FSB border service,ds,L2,",
        "ds/x,KP-XX,2010-Q1,transport,air,1x,,exact,1,FSB border service,ds,L2,",
    ])
    func everyProblemIsReportedTheSameBothWays(row: String) {
        var files = MiniPackage.files
        files["observations.csv"] = (files["observations.csv"] ?? "") + row + "\n"
        let (fast, general) = both(files)
        switch (fast, general) {
        case let (.failure(a), .failure(b)):
            #expect(a.diagnostics == b.diagnostics)
            #expect(!a.diagnostics.isEmpty)
        default:
            Issue.record("both ways must refuse \(row): fast \(fast), general \(general)")
        }
    }
}

/// A file large enough to be read by two threads must read exactly as one thread reads it. The
/// threshold is a load option, so these files are about 100 kB, not the 16 MB (180,000 rows) the
/// default needs; each test asserts from the load's statistics that the split really ran.
@Suite("Split reading of a large observation file")
struct SplitReadTests {
    /// Split anything over 32 kB, even on a machine with one core.
    static let split = LoadOptions(splitThreshold: 32 << 10, splitOnOneCore: true)
    /// Never split.
    static let whole = LoadOptions(splitThreshold: .max)
    static let path = "fx/observations.csv"

    static func row(_ r: Int, note: String = "") -> String {
        let modes = ["air", "rail", "road", "sea", "foot"]
        let year = 2000 + (r / 40) % 30, q = (r / 10) % 4 + 1
        let flow = r % 2 == 0 ? "KP-RU" : "RU-KP"
        let value = (r * 7919) % 100_000
        var printed = formatCount(value)
        if printed.contains(",") { printed = "\"\(printed)\"" }
        return "ds/r\(r),\(flow),\(year)-Q\(q),transport,\(modes[r % 5]),\(value),,exact,\(printed),FSB border service,ds,big.csv:L\(r + 2),\(note)"
    }

    static func package(observations: String) -> [String: String] {
        var files = MiniPackage.files
        files["observations.csv"] = observations
        files["categories.csv"] = (files["categories.csv"] ?? "") + ["rail", "road", "sea", "foot"].map { "transport,\($0),\($0),\n" }.joined()
        return files
    }

    func bigFile(rows: Int, problems: [Int: String] = [:]) -> [String: String] {
        var lines = [MiniPackage.observationHeader]
        lines.reserveCapacity(rows + 1)
        for r in 0..<rows {
            if let p = problems[r] { lines.append(p); continue }
            // Every 97th row takes the general path (an escaped quote in its note).
            lines.append(Self.row(r, note: r % 97 == 0 ? "\"row \"\"\(r)\"\"\"" : ""))
        }
        return Self.package(observations: lines.joined(separator: "\n") + "\n")
    }

    static func load(_ files: [String: String], fast: Bool = true, options: LoadOptions) -> Result<Dataset, LoadFailure> {
        do { return .success(try PackageLoader.load(origin: "fx", fastPath: fast, options: options) { files[$0].map { Array($0.utf8) } }) }
        catch let f as LoadFailure { return .failure(f) }
        catch { return .failure(LoadFailure([])) }
    }

    @Test func twoThreadsReadWhatOneReads() throws {
        let files = bigFile(rows: 1_000)
        #expect((80_000...150_000).contains(files["observations.csv"]?.utf8.count ?? 0), "about 100 kB")
        let a = try Self.load(files, options: Self.split).get()
        #expect(a.loadStatistics.parts == [Self.path: 2], "the file must be read by two threads")
        let one = try Self.load(files, options: Self.whole).get()
        #expect(one.loadStatistics.parts == [Self.path: 1])
        let b = try Self.load(files, fast: false, options: Self.split).get()
        #expect(a.observations.count == 1_000)
        #expect(Array(a.observations) == Array(one.observations))
        #expect(Array(a.observations) == Array(b.observations))
        // Lines of the second half are the file's lines.
        let last = try #require(a.observations.first { $0.id == "ds/r999" })
        #expect(last.location.line == 1_001)
        #expect(last.locator == "big.csv:L1001")
    }

    @Test func problemsInTheSecondHalfKeepTheirLines() throws {
        let files = bigFile(rows: 1_000, problems: [
            900: "ds/bad,KP-RU,2010-Q1,transport,air,12a,,exact,12,FSB border service,ds,L2,",
            // A duplicate of a row in the first half: found across the halves.
            950: "ds/r5,KP-RU,2010-Q1,transport,air,1,,exact,1,FSB border service,ds,L2,",
        ])
        guard case .failure(let fast) = Self.load(files, options: Self.split),
              case .failure(let one) = Self.load(files, options: Self.whole),
              case .failure(let general) = Self.load(files, fast: false, options: Self.split) else {
            Issue.record("every way must refuse the file")
            return
        }
        #expect(fast.statistics.parts == [Self.path: 2], "the file must be read by two threads")
        #expect(fast.diagnostics == one.diagnostics)
        #expect(fast.diagnostics == general.diagnostics)
        #expect(fast.diagnostics.contains { $0.location.line == 902 && $0.message.contains("'12a'") })
        #expect(fast.diagnostics.contains { $0.message.contains("duplicate observation id 'ds/r5'") })
    }

    /// The observation reader alone on one file (no package around it: a sweep reads hundreds of files).
    static func read(_ text: String, options: LoadOptions) -> (observations: [Observation], diagnostics: [Diagnostic], parts: Int?) {
        var loader = Loader(origin: "fx") { _ in nil }
        loader.options = options
        var store = ObservationStore(), rows = 0
        do {
            try loader.readObservations(FileBytes(Array(text.utf8)), path: path, schemaFields: nil, descriptor: Location(file: "fx/datapackage.json", line: 1),
                                        into: &store, rows: &rows) { _, _ in }
        } catch let failure as LoadFailure {
            loader.diagnostics += failure.diagnostics
        } catch {
            Issue.record("\(error)")
        }
        store.finish()
        return (Array(store), loader.diagnostics.sorted(), loader.statistics.parts[path])
    }

    /// What the row the split falls in looks like.
    enum Boundary: String, CaseIterable, CustomTestStringConvertible {
        case plain, crlf, quotedNewline, escapedQuotes, blankLines, multibyte, refusedRow, noFinalNewline, insideTheLastLine
        var testDescription: String { rawValue }
    }

    /// A file whose middle sweeps byte by byte across a row of each kind (the padding of the last
    /// row moves it): every split reads what one thread reads, with the same lines and the same
    /// errors; the split runs wherever the line break after the middle is outside quotes.
    @Test(arguments: Boundary.allCases)
    func everySplitPointReadsTheSame(_ kind: Boundary) throws {
        let eol = kind == .crlf ? "\r\n" : "\n"
        let probe: String
        switch kind {
        case .quotedNewline: probe = Self.row(10, note: "\"a note\non two lines\"")
        case .escapedQuotes: probe = Self.row(10, note: "\"she said \"\"fifty\"\", twice\"")
        case .blankLines: probe = Self.row(10) + eol + eol
        case .multibyte: probe = Self.row(10, note: "\"примечание, 북한\"")
        case .refusedRow: probe = "ds/r10,KP-RU,2010-Q1,transport,air,12a,,exact,12,FSB border service,ds,L2,"
        default: probe = Self.row(10)
        }
        let before = (0..<10).map { Self.row($0) }, after = (11..<19).map { Self.row($0) }
        let header = MiniPackage.observationHeader + eol
        var splits = 0, positions = 0
        // Twice the probe's length in padding moves the middle across all of it.
        for pad in stride(from: 0, through: kind == .insideTheLastLine ? 20 : 2 * probe.utf8.count + 4, by: 2) {
            var last = Self.row(19, note: String(repeating: "x", count: pad))
            if kind == .insideTheLastLine { last = Self.row(19, note: String(repeating: "x", count: 4_000 + pad)) }
            var text = header + (before + [probe] + after + [last]).joined(separator: eol)
            if kind != .noFinalNewline && kind != .insideTheLastLine { text += eol }
            let bytes = Array(text.utf8), bodyStart = header.utf8.count
            let middle = bodyStart + (bytes.count - bodyStart) / 2
            let lineBreak = bytes[middle...].firstIndex(of: 0x0A)
            // Where one thread must read it all: the line break after the middle is inside quotes, or there is none.
            let quotedBreak = kind == .quotedNewline ? (header + before.joined(separator: eol) + eol + Self.row(10, note: "\"a note")).utf8.count : nil
            let mustStayWhole = lineBreak == nil || lineBreak == quotedBreak || lineBreak == bytes.count - 1
            let a = Self.read(text, options: LoadOptions(splitThreshold: 0, splitOnOneCore: true))
            let one = Self.read(text, options: Self.whole)
            #expect(one.parts == 1)
            #expect(a.observations == one.observations, "pad \(pad)")
            #expect(a.diagnostics == one.diagnostics, "pad \(pad)")
            if kind == .refusedRow {
                #expect(a.diagnostics.contains { $0.location.line == 12 && $0.message.contains("'12a'") }, "pad \(pad): \(a.diagnostics)")
                #expect(a.observations.count == 19, "pad \(pad)")
            } else {
                #expect(a.diagnostics.isEmpty, "pad \(pad): \(a.diagnostics)")
                #expect(a.observations.count == 20, "pad \(pad)")
            }
            let parts = a.parts
            positions += 1
            if parts == 2 { splits += 1 }
            #expect(parts == (mustStayWhole ? 1 : 2), "pad \(pad): middle at \(middle), line break at \(lineBreak ?? -1)")
        }
        if kind == .insideTheLastLine {
            #expect(splits == 0, "the middle is inside the last line: nothing to split at")
        } else {
            #expect(splits > 0, "the split must run: \(splits) of \(positions) positions split")
        }
    }
}
