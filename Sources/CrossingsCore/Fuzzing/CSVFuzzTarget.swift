/// The CSV reader and the row decoders on arbitrary bytes, with the properties every input must
/// keep. The libFuzzer binary (Tests/Fuzz/fuzz.sh csv) and the unit test that replays what it
/// found (Tests/Fuzz/corpus/csv/regression-*) both call this, so a finding is replayed exactly.
///
/// The first byte picks the table (and, with its high bit, puts that table's header in front
/// of the rest, so the decoders are reached quickly); the rest is the file.
///
/// ```swift
/// #expect(CSVFuzzTarget.problems(Array("\u{80}x".utf8)).isEmpty)
/// ```
public enum CSVFuzzTarget {
    /// The tables a row can be decoded as, in the order the first byte picks them.
    static let kinds = ["countries", "categories", "sources", "events", "event_dates", "ratios", "coverage",
                        "errata", "vocabulary", "observations"]

    /// What went wrong with this input: empty when everything held.
    public static func problems(_ input: [UInt8]) -> [String] {
        guard let first = input.first else { return [] }
        let kind = kinds[Int(first & 0x7F) % kinds.count]
        var bytes = Array(input.dropFirst())
        if first & 0x80 != 0 {
            // Bit 4: the header with the table's optional columns, when it has any.
            let forms = PackageLoader.acceptedColumns(kind)
            let header = first & 0x10 == 0 ? forms[0] : forms[forms.count - 1]
            bytes = Array((header.joined(separator: ",") + "\n").utf8) + bytes
        }
        var problems = readerProblems(bytes)
        problems += decoderProblems(bytes, kind: kind)
        return problems
    }

    /// The reader alone, failing on bad UTF-8 and marking it.
    static func readerProblems(_ bytes: [UInt8]) -> [String] {
        var problems: [String] = []
        func read(_ mode: CSVReader.InvalidUTF8) -> (records: [CSVReader.Record], failure: LoadFailure?) {
            var records: [CSVReader.Record] = []
            do {
                try CSVReader.read(bytes, file: "fuzz.csv", invalidUTF8: mode) { records.append($0) }
                return (records, nil)
            } catch let failure as LoadFailure {
                return (records, failure)
            } catch {
                problems.append("the reader threw something other than a LoadFailure: \(error)")
                return (records, nil)
            }
        }
        let strict = read(.fail), marked = read(.mark)
        for (name, result) in [("strict", strict), ("marking", marked)] {
            var previous = (line: 0, offset: 0)
            for r in result.records {
                if r.fields.isEmpty || r.fields.count != r.positions.count {
                    problems.append("\(name): record at line \(r.line) has \(r.fields.count) fields and \(r.positions.count) positions")
                }
                if r.line <= previous.line || r.byteOffset < previous.offset || r.byteOffset > bytes.count {
                    problems.append("\(name): record at line \(r.line) (offset \(r.byteOffset)) follows line \(previous.line) (offset \(previous.offset))")
                }
                for (i, p) in r.positions.enumerated() where p.line < r.line || p.column < 1 || (i > 0 && (p.line, p.column) <= (r.positions[i - 1].line, r.positions[i - 1].column)) {
                    problems.append("\(name): field \(i + 1) of the record at line \(r.line) starts at \(p.line):\(p.column)")
                }
                if r.end.line < r.positions.last?.line ?? r.line || r.end.column < 1 {
                    problems.append("\(name): record at line \(r.line) ends at \(r.end.line):\(r.end.column)")
                }
                previous = (r.end.line, r.byteOffset)
            }
            for d in result.failure?.diagnostics ?? [] where d.location.line < 1 || d.location.column < 1 {
                problems.append("\(name): a diagnostic at \(d.location): \(d.message)")
            }
        }
        // Marking reads on where failing stops at a bad byte, and changes nothing else.
        if strict.failure == nil {
            if marked.failure != nil { problems.append("marking failed where the strict reader did not: \(marked.failure!)") }
            if marked.records.map(\.fields) != strict.records.map(\.fields) || marked.records.contains(where: { $0.invalidUTF8 != nil }) {
                problems.append("marking read valid UTF-8 differently from the strict reader")
            }
        } else if marked.failure == nil, !marked.records.contains(where: { $0.invalidUTF8 != nil }) {
            problems.append("the strict reader failed (\(strict.failure!)) on input the marking reader read without a mark")
        }
        return problems
    }

    /// The rows decoded as the loader decodes `kind`; observations both by the fast path and the
    /// general one, which must agree on every row and every diagnostic.
    static func decoderProblems(_ bytes: [UInt8], kind: String) -> [String] {
        var problems: [String] = []
        let file = FileBytes(bytes)
        let descriptor = Location(file: "datapackage.json", line: 1)
        func diagnostics(_ body: (inout Loader) throws -> Void) -> [Diagnostic] {
            var loader = Loader(origin: "fuzz") { _ in nil }
            do { try body(&loader) } catch let failure as LoadFailure {
                loader.diagnostics += failure.diagnostics
            } catch {
                problems.append("a decoder threw something other than a LoadFailure: \(error)")
            }
            return loader.diagnostics.sorted()
        }
        if kind == "observations" {
            var stores: [ObservationStore] = []
            var found: [[Diagnostic]] = []
            for fast in [true, false] {
                var store = ObservationStore(), rows = 0
                found.append(diagnostics { loader in
                    loader.fastPath = fast
                    try loader.readObservations(file, path: "fuzz/observations.csv", schemaFields: nil, descriptor: descriptor,
                                                into: &store, rows: &rows) { _, _ in }
                })
                store.finish()
                stores.append(store)
            }
            if found[0] != found[1] {
                problems.append("the fast path reported \(found[0]), the general reader \(found[1])")
            } else if found[0].isEmpty, Array(stores[0]) != Array(stores[1]) {
                problems.append("the fast path read \(stores[0].count) observations, the general reader \(stores[1].count), or read them differently")
            }
            problems += messageProblems(found[0])
            return problems
        }
        let found = diagnostics { loader in
            try loader.readTable(file.buffer, file: "fuzz/\(kind).csv", kind: kind, schemaFields: nil, descriptor: descriptor) { me, row in
                switch kind {
                case "countries": _ = me.countryRow(row)
                case "categories": _ = me.categoryRow(row)
                case "sources": _ = me.sourceRow(row)
                case "events": _ = me.eventRow(row)
                case "event_dates": _ = me.eventDateRow(row)
                case "ratios": _ = me.ratioRow(row)
                case "coverage": _ = me.coverageRow(row)
                case "errata": _ = me.erratumRow(row)
                case "vocabulary": _ = me.vocabularyRow(row)
                default: break
                }
            }
        }
        problems += messageProblems(found)
        return problems
    }

    /// A message quotes values cut to 80 characters, so none grows with the input; every
    /// location is a real line and column.
    static func messageProblems(_ diagnostics: [Diagnostic]) -> [String] {
        diagnostics.compactMap { d in
            if d.location.line < 1 || d.location.column < 1 { return "a diagnostic at \(d.location): \(clip(d.message))" }
            if d.message.count > maximumMessage { return "a message of \(d.message.count) characters: \(clip(d.message, 300))" }
            return nil
        }
    }

    /// Longer than any message with its quoted values clipped (the longest lists a header's columns).
    static let maximumMessage = 1_000
}
