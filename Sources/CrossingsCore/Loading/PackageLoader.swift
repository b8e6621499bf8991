import Foundation

/// Reads a data package (datapackage.json and its CSV files) into a `Dataset`.
///
/// Every problem is reported as `FILE:LINE:COLUMN: error: MESSAGE`, and a
/// package with any error is not loaded at all: a half-loaded package would
/// give wrong totals without saying so.
///
/// ```swift
/// let data = try PackageLoader.load(directory: "data")           // a folder
/// let same = try PackageLoader.load(files: BundledData.files, origin: "data")  // embedded
/// ```
public enum PackageLoader {
    /// The columns crossings reads, per resource, in order.
    public static let columns: [String: [String]] = [
        "countries": ["code", "name"],
        "categories": ["measure", "category", "label", "description"],
        "sources": ["id", "kind", "outlet", "title", "date", "url", "file", "credited_agency", "chain", "license", "copyright", "note"],
        "observations": ["id", "flow", "period", "measure", "category", "value", "high", "qualifier", "printed", "producer", "source", "locator", "note"],
        "events": ["id", "summary", "tags"],
        "event_dates": ["event", "date", "precision", "printed", "source", "locator", "note"],
        // Optional resources: a package without them (one from `crossings import`) loads as before.
        "ratios": ["id", "flow", "period", "measure", "category", "base_flow", "base_period", "base_measure", "base_category",
                   "value", "qualifier", "printed", "producer", "source", "locator", "note"],
        "coverage": ["observation", "quarters", "note"],
        "errata": ["observation", "reason", "source", "locator"],
        // The words `crossings check` reads drafts by (docs/check.md); a package without one gets the bundled one from the CLI.
        "vocabulary": ["role", "phrase", "meaning", "note"],
    ]

    /// Columns a resource may add after its `columns`, in order. A package lists them in its
    /// schema or not, and its header must match the schema either way: older packages
    /// (and `crossings import`) write categories.csv without `compares`.
    public static let optionalColumns: [String: [String]] = ["categories": ["compares"], "events": ["aliases"]]

    /// The column lists crossings accepts for a resource: without and with its optional columns.
    static func acceptedColumns(_ kind: String) -> [[String]] {
        let base = columns[kind]!
        guard let extra = optionalColumns[kind] else { return [base] }
        return [base, base + extra]
    }

    public static let knownTags: Set<String> = ["data", "diplomacy", "military", "labour", "sanctions", "transport", "education", "tourism", "statement"]

    /// Loads a package from a folder. `progress` is called from the loading thread now and
    /// then (every 65,536 rows, and as each file starts), so a caller can show how far it is.
    /// Only regular files inside the folder are read (after following symlinks): a path the
    /// descriptor names that resolves elsewhere, or a FIFO, device, socket or directory, is refused.
    public static func load(directory: String, progress: (@Sendable (LoadProgress) -> Void)? = nil) throws -> Dataset {
        let dir = directory.hasSuffix("/") && directory.count > 1 ? String(directory.dropLast()) : directory
        let fileManager = FileManager.default
        let realDir = realPath(dir)
        var loader = Loader(origin: dir) { name in
            let full = (dir as NSString).appendingPathComponent(name)
            guard let real = realPath(full) else {
                // Missing (or a dangling symlink): say so, as for any missing file.
                return nil
            }
            guard let realDir, real.hasPrefix(realDir == "/" ? "/" : realDir + "/") else {
                throw FileRefusal(reason: "lies outside the package folder once symlinks are followed; a package may name only its own files")
            }
            return try FileBytes.regularFile(real)
        }
        loader.progress = progress
        loader.size = { name in
            ((try? fileManager.attributesOfItem(atPath: (dir as NSString).appendingPathComponent(name)))?[.size] as? NSNumber)?.intValue ?? 0
        }
        return try loader.run()
    }

    /// The path with every symlink, `.` and `..` resolved; nil when it does not exist.
    static func realPath(_ path: String) -> String? {
        guard let p = realpath(path, nil) else { return nil }
        defer { free(p) }
        return String(cString: p)
    }

    /// Why a resource path breaks the data package rules, or nil when it keeps them.
    /// Frictionless: a path is relative, POSIX, and has no `..` segment, so a package cannot
    /// reach outside its folder; crossings also reads no URLs.
    public static func pathProblem(_ p: String) -> String? {
        if p.isEmpty { return "is empty" }
        if p.utf8.contains(0) { return "contains a NUL byte" }
        if p.contains("\\") { return "contains a backslash; resource paths separate folders with '/'" }
        if p.contains("://") { return "is a URL; crossings reads only files inside the package folder" }
        if p.hasPrefix("/") { return "is absolute; a resource path is relative to the package folder (Frictionless forbids absolute paths)" }
        if p.split(separator: "/", omittingEmptySubsequences: false).contains("..") {
            return "has a '..' segment; a resource path may not leave the package folder (Frictionless forbids '..')"
        }
        return nil
    }

    /// Loads a package held in memory: file name → text.
    public static func load(files: [String: String], origin: String) throws -> Dataset {
        try load(origin: origin) { files[$0].map { Array($0.utf8) } }
    }

    /// Loads a package through `read`, which returns a file's bytes or nil when it is missing.
    public static func load(origin: String, progress: (@Sendable (LoadProgress) -> Void)? = nil,
                            size: ((String) -> Int)? = nil, read: @escaping (String) -> [UInt8]?) throws -> Dataset {
        try load(origin: origin, fastPath: true, progress: progress, size: size, read: read)
    }

    /// `fastPath: false` sends every observation row through the general reader (tests compare the two).
    static func load(origin: String, fastPath: Bool, progress: (@Sendable (LoadProgress) -> Void)? = nil,
                     size: ((String) -> Int)? = nil, read: @escaping (String) -> [UInt8]?) throws -> Dataset {
        var loader = Loader(origin: origin) { name in read(name).map(FileBytes.init) }
        loader.fastPath = fastPath
        loader.progress = progress
        loader.size = size
        return try loader.run()
    }
}

/// How far a load has got.
public struct LoadProgress: Sendable {
    /// Rows of every file read so far.
    public var rows: Int
    /// Bytes of the package's files read so far, and in all.
    public var bytes: Int
    public var totalBytes: Int
    /// What is being done: "reading observations.csv", "indexing".
    public var phase: String

    /// 0…1; 0 when the size is not known.
    public var fraction: Double { totalBytes > 0 ? min(1, Double(bytes) / Double(totalBytes)) : 0 }
}

/// One load: collects every diagnostic before deciding.
struct Loader {
    let origin: String
    /// A file's bytes; nil when it is missing; throws `FileRefusal` for one that must not be read.
    let read: (String) throws -> FileBytes?
    var diagnostics: [Diagnostic] = []
    var progress: (@Sendable (LoadProgress) -> Void)?
    var size: ((String) -> Int)?
    /// Decode simple observation rows straight from bytes (off only in tests that compare).
    var fastPath = true
    /// Where each `compares` field is, by `measure/category`, for the check that it names a known category.
    var comparesLocations: [String: Location] = [:]

    init(origin: String, read: @escaping (String) throws -> FileBytes?) {
        self.origin = origin
        self.read = read
    }

    func path(_ name: String) -> String { origin.isEmpty || origin == "." ? name : "\(origin)/\(name)" }

    mutating func error(_ at: Location, _ message: String) {
        diagnostics.append(Diagnostic(location: at, severity: .error, message: message))
    }

    mutating func run() throws -> Dataset {
        let descriptorPath = path("datapackage.json")
        let descriptorFile: FileBytes?
        do {
            descriptorFile = try read("datapackage.json")
        } catch let refusal as FileRefusal {
            throw LoadFailure([Diagnostic(location: Location(file: descriptorPath, line: 1, column: 1), severity: .error,
                                          message: "datapackage.json \(refusal.reason)")])
        }
        guard let descriptorBytes = descriptorFile.map({ Array($0.buffer) }) else {
            throw LoadFailure([Diagnostic(location: Location(file: descriptorPath, line: 1, column: 1), severity: .error,
                                          message: "no datapackage.json: \(origin) is not a crossings data package")])
        }
        let resources = try readDescriptor(descriptorBytes, path: descriptorPath)

        var countries: [Country] = [], categories: [Category] = [], sources: [Source] = []
        var store = ObservationStore(), eventRows: [Event] = [], eventDates: [EventDate] = []
        var ratios: [Ratio] = [], coverage: [Coverage] = [], errata: [Erratum] = []
        var vocabularyRows: [VocabularyRow] = [], hasVocabulary = false
        let totalBytes = progress == nil ? 0 : resources.reduce(0) { $0 + ($1.refused ? 0 : size?($1.path) ?? 0) }
        var bytesBefore = 0, rows = 0
        for resource in resources {
            guard let kind = resourceKind(resource.name), !resource.refused else { continue }
            progress?(LoadProgress(rows: rows, bytes: bytesBefore, totalBytes: totalBytes, phase: "reading \(resource.path)"))
            let opened: FileBytes?
            do {
                opened = try read(resource.path)
            } catch let refusal as FileRefusal {
                error(Location(file: descriptorPath, line: resource.pathLine, column: resource.pathColumn),
                      "resource '\(clip(resource.name))' names \(clip(resource.path)), which \(refusal.reason)")
                continue
            }
            guard let bytes = opened else {
                error(Location(file: descriptorPath, line: resource.line, column: 1),
                      "resource '\(clip(resource.name))' names \(clip(resource.path)), which does not exist")
                continue
            }
            let file = path(resource.path)
            if kind == "vocabulary" { hasVocabulary = true }
            if kind == "observations" {
                let base = bytesBefore, name = resource.path, total = totalBytes
                let report: (Int, Int) -> Void = { [progress] offset, count in
                    progress?(LoadProgress(rows: count, bytes: base + offset, totalBytes: total, phase: "reading \(name)"))
                }
                do {
                    var count = rows
                    try readObservations(bytes, path: file, schemaFields: resource.fields,
                                         descriptor: Location(file: descriptorPath, line: resource.line),
                                         into: &store, rows: &count, progress: report)
                    rows = count
                } catch let failure as LoadFailure {
                    diagnostics += failure.diagnostics
                }
                bytesBefore += bytes.count
                continue
            }
            do {
                try readTable(bytes.buffer, file: file, kind: kind, schemaFields: resource.fields, descriptor: Location(file: descriptorPath, line: resource.line)) { me, row in
                    rows += 1
                    if rows & 0xFFFF == 0, let progress = me.progress {
                        progress(LoadProgress(rows: rows, bytes: bytesBefore + row.record.byteOffset, totalBytes: totalBytes,
                                              phase: "reading \(resource.path)"))
                    }
                    switch kind {
                    case "countries": if let c = me.countryRow(row) { countries.append(c) }
                    case "categories": if let c = me.categoryRow(row) { categories.append(c) }
                    case "sources": if let s = me.sourceRow(row) { sources.append(s) }
                    case "events": if let e = me.eventRow(row) { eventRows.append(e) }
                    case "event_dates": if let d = me.eventDateRow(row) { eventDates.append(d) }
                    case "ratios": if let r = me.ratioRow(row) { ratios.append(r) }
                    case "coverage": if let c = me.coverageRow(row) { coverage.append(c) }
                    case "errata": if let e = me.erratumRow(row) { errata.append(e) }
                    case "vocabulary": if let v = me.vocabularyRow(row) { vocabularyRows.append(v) }
                    default: break
                    }
                }
            } catch let failure as LoadFailure {
                diagnostics += failure.diagnostics
            }
            bytesBefore += bytes.count
        }
        progress?(LoadProgress(rows: rows, bytes: bytesBefore, totalBytes: totalBytes, phase: "indexing"))
        for required in ["countries", "categories", "sources", "events", "event_dates", "observations"]
        where !resources.contains(where: { resourceKind($0.name) == required }) {
            error(Location(file: descriptorPath, line: 1), "datapackage.json lists no '\(clip(required))' resource")
        }
        crossCheck(countries: countries, categories: categories, sources: sources,
                   store: store, events: eventRows, eventDates: eventDates)
        // Only when the package has any of these files: a plain package pays nothing.
        if !ratios.isEmpty || !coverage.isEmpty || !errata.isEmpty || !comparesLocations.isEmpty {
            crossCheckAnnotations(countries: countries, categories: categories, sources: sources, store: store,
                                  ratios: ratios, coverage: &coverage, errata: &errata)
        }
        let vocabulary = hasVocabulary ? buildVocabulary(vocabularyRows, categories: categories, countries: countries) : nil
        if diagnostics.contains(where: { $0.severity == .error }) {
            throw LoadFailure(diagnostics.sorted())
        }
        var datesByEvent: [String: [EventDate]] = [:]
        for d in eventDates { datesByEvent[d.eventID, default: []].append(d) }
        let events = eventRows.map { e -> Event in
            var e = e
            e.dates = (datesByEvent[e.id] ?? []).sorted { ($0.start, $0.sourceID) < ($1.start, $1.sourceID) }
            return e
        }
        store.markTabulated(sources: Set(sources.filter { $0.kind == .dataset }.map(\.id)))
        store.finish()
        var data = Dataset(countries: countries, categories: categories, sources: sources,
                           store: store, events: events, origin: origin, ratios: ratios, coverage: coverage, errata: errata)
        data.vocabulary = vocabulary
        return data
    }

    func resourceKind(_ name: String) -> String? {
        if name.hasPrefix("observations") { return "observations" }
        return PackageLoader.columns[name] != nil ? name : nil
    }

    struct Resource {
        var name: String; var path: String; var fields: [String]?; var line: Int
        /// Where the path's value is written (the name's line, column 1, when it cannot be found).
        var pathLine = 0, pathColumn = 1
        /// The path breaks a rule (reported already): the resource is not read.
        var refused = false
    }

    mutating func readDescriptor(_ bytes: [UInt8], path file: String) throws -> [Resource] {
        let json: Any
        do {
            json = try JSONSerialization.jsonObject(with: Data(bytes))
        } catch {
            throw LoadFailure([Diagnostic(location: Location(file: file, line: 1), severity: .error,
                                          message: "datapackage.json is not valid JSON: \(error.localizedDescription)")])
        }
        guard let root = json as? [String: Any], let list = root["resources"] as? [[String: Any]] else {
            throw LoadFailure([Diagnostic(location: Location(file: file, line: 1), severity: .error,
                                          message: "datapackage.json has no \"resources\" list")])
        }
        /// Where `needle` first occurs at or after byte `from`, for messages: a byte search, not a Foundation one.
        func find(_ needle: [UInt8], from: Int = 0) -> (offset: Int, line: Int, column: Int)? {
            guard !needle.isEmpty, needle.count <= bytes.count else { return nil }
            var line = 1, column = 1
            for i in 0...(bytes.count - needle.count) {
                if i >= from, bytes[i] == needle[0], bytes[i..<i + needle.count].elementsEqual(needle) { return (i, line, column) }
                if bytes[i] == UInt8(ascii: "\n") { line += 1; column = 1 } else if bytes[i] & 0xC0 != 0x80 { column += 1 }
            }
            return nil
        }
        /// A string as it is most likely written in the JSON text (nil when escapes make that a guess).
        func quoted(_ s: String) -> [UInt8]? {
            s.unicodeScalars.contains { $0 == "\"" || $0 == "\\" || $0.value < 0x20 } ? nil : Array("\"\(s)\"".utf8)
        }
        return list.enumerated().compactMap { (i, r) -> Resource? in
            guard let name = r["name"] as? String, let p = r["path"] as? String else {
                error(Location(file: file, line: 1), "resource \(i + 1) in datapackage.json needs a \"name\" and a \"path\"")
                return nil
            }
            let named = quoted(name).flatMap { find($0) }
            let line = named?.line ?? 1
            let fields = ((r["schema"] as? [String: Any])?["fields"] as? [[String: Any]])?.compactMap { $0["name"] as? String }
            var resource = Resource(name: name, path: p, fields: fields, line: line)
            resource.pathLine = line
            // The path's own place: its value in the object that holds the name (from its `{`).
            var objectStart = named?.offset ?? 0
            while objectStart > 0, bytes[objectStart] != UInt8(ascii: "{") { objectStart -= 1 }
            // (A value written with escapes cannot be searched for as it is: then the `"path"` key.)
            if let at = quoted(p).flatMap({ find($0, from: objectStart) }) ?? find(Array("\"path\"".utf8), from: objectStart) {
                resource.pathLine = at.line
                resource.pathColumn = at.column
            }
            if let problem = PackageLoader.pathProblem(p) {
                error(Location(file: file, line: resource.pathLine, column: resource.pathColumn),
                      "resource '\(clip(name))' has path '\(clip(p))', which \(problem)")
                resource.refused = true
            }
            return resource
        }
    }

    /// A row of a table, with its header, for typed field access that records errors.
    struct Row {
        var record: CSVReader.Record
        var file: String
        var index: [String: Int]

        func raw(_ name: String) -> String { record.fields[index[name]!] }
        /// A column the file may leave out (`compares`): empty when it has none.
        func optional(_ name: String) -> String { index[name].map { record.fields[$0] } ?? "" }
        func at(_ name: String) -> Location {
            let p = record.positions[index[name]!]
            return Location(file: file, line: p.line, column: p.column)
        }
        var start: Location { Location(file: file, line: record.line, column: 1) }
    }

    mutating func readTable(_ bytes: UnsafeBufferPointer<UInt8>, file: String, kind: String, schemaFields: [String]?, descriptor: Location,
                            _ body: (inout Loader, Row) -> Void) throws {
        let accepted = PackageLoader.acceptedColumns(kind)
        var expected = accepted[0]
        if let schemaFields {
            if accepted.contains(schemaFields) {
                expected = schemaFields
            } else {
                let forms = accepted.map { $0.joined(separator: ",") }.joined(separator: " or ")
                error(descriptor, "the schema of '\(clip(kind))' lists fields \(clip(schemaFields.joined(separator: ","))); crossings reads \(forms)")
            }
        }
        /// Without fields in the schema, a header with the optional columns chooses that form.
        let chooseByHeader = schemaFields == nil && accepted.count > 1
        var index: [String: Int] = [:]
        var header: [String]?
        var headerOK = true
        var me = self
        defer { self = me }
        try CSVReader.read(bytes, file: file) { record in
            guard header != nil else {
                header = record.fields
                if chooseByHeader, let form = accepted.last(where: { $0 == record.fields }) { expected = form }
                let before = me.diagnostics.count
                for (i, name) in expected.enumerated() {
                    if i >= record.fields.count {
                        me.error(Location(file: file, line: record.line, column: record.end.column),
                                 "missing column '\(clip(name))' (the header must be \(expected.joined(separator: ",")))")
                    } else if record.fields[i] != name {
                        let p = record.positions[i]
                        me.error(Location(file: file, line: p.line, column: p.column),
                                 "column \(i + 1) is '\(clip(record.fields[i]))', expected '\(clip(name))' (the header must be \(expected.joined(separator: ",")))")
                    }
                }
                if record.fields.count > expected.count {
                    let p = record.positions[expected.count]
                    me.error(Location(file: file, line: p.line, column: p.column), "unexpected column '\(clip(record.fields[expected.count]))'")
                }
                for (i, name) in expected.enumerated() { index[name] = i }
                headerOK = me.diagnostics.count == before
                return
            }
            guard headerOK else { return }
            if record.fields.count != expected.count {
                let at: (line: Int, column: Int) = record.fields.count > expected.count ? record.positions[expected.count] : record.end
                me.error(Location(file: file, line: at.line, column: at.column),
                         "expected \(expected.count) fields, found \(record.fields.count)")
                return
            }
            body(&me, Row(record: record, file: file, index: index))
        }
        if header == nil { me.error(Location(file: file, line: 1), "the file is empty (it needs a header row)") }
    }
}
