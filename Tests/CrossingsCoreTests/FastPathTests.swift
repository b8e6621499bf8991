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

/// A file large enough to be read by two threads must read exactly as one thread reads it.
@Suite("Split reading of a large observation file")
struct SplitReadTests {
    func bigFile(rows: Int, problems: [Int: String] = [:]) -> [String: String] {
        var lines = [MiniPackage.observationHeader]
        lines.reserveCapacity(rows + 1)
        let modes = ["air", "rail", "road", "sea", "foot"]
        for r in 0..<rows {
            if let p = problems[r] { lines.append(p); continue }
            let year = 2000 + (r / 40) % 30, q = (r / 10) % 4 + 1
            let flow = r % 2 == 0 ? "KP-RU" : "RU-KP"
            let value = (r * 7919) % 100_000
            var printed = formatCount(value)
            if printed.contains(",") { printed = "\"\(printed)\"" }
            // Every 997th row takes the general path (an escaped quote in its note).
            let note = r % 997 == 0 ? "\"row \"\"\(r)\"\"\"" : ""
            lines.append("ds/r\(r),\(flow),\(year)-Q\(q),transport,\(modes[r % 5]),\(value),,exact,\(printed),FSB border service,ds,big.csv:L\(r + 2),\(note)")
        }
        var files = MiniPackage.files
        files["observations.csv"] = lines.joined(separator: "\n") + "\n"
        files["categories.csv"] = (files["categories.csv"] ?? "") + ["rail", "road", "sea", "foot"].map { "transport,\($0),\($0),\n" }.joined()
        return files
    }

    func load(_ files: [String: String], fast: Bool) -> Result<Dataset, LoadFailure> {
        do { return .success(try PackageLoader.load(origin: "fx", fastPath: fast) { files[$0].map { Array($0.utf8) } }) }
        catch let f as LoadFailure { return .failure(f) }
        catch { return .failure(LoadFailure([])) }
    }

    @Test func twoThreadsReadWhatOneReads() throws {
        let files = bigFile(rows: 180_000)
        #expect((files["observations.csv"]?.utf8.count ?? 0) > 16 << 20, "the file must be large enough to be split")
        let a = try load(files, fast: true).get(), b = try load(files, fast: false).get()
        #expect(a.observations.count == 180_000)
        #expect(Array(a.observations) == Array(b.observations))
        // Lines of the second half are the file's lines.
        let last = try #require(a.observations.first { $0.id == "ds/r179999" })
        #expect(last.location.line == 180_001)
        #expect(last.locator == "big.csv:L180001")
    }

    @Test func problemsInTheSecondHalfKeepTheirLines() throws {
        let files = bigFile(rows: 180_000, problems: [
            170_000: "ds/bad,KP-RU,2010-Q1,transport,air,12a,,exact,12,FSB border service,ds,L2,",
            175_000: "ds/r5,KP-RU,2010-Q1,transport,air,1,,exact,1,FSB border service,ds,L2,",
        ])
        guard case .failure(let fast) = load(files, fast: true), case .failure(let general) = load(files, fast: false) else {
            Issue.record("both ways must refuse the file")
            return
        }
        #expect(fast.diagnostics == general.diagnostics)
        #expect(fast.diagnostics.contains { $0.location.line == 170_002 && $0.message.contains("'12a'") })
        #expect(fast.diagnostics.contains { $0.message.contains("duplicate observation id 'ds/r5'") })
    }
}
