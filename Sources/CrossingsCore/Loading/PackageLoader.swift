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
    /// `options` are for tests and benchmarks (when a file is split between two threads); every
    /// other caller leaves them as they are.
    public static func load(directory: String, options: LoadOptions = LoadOptions(),
                            progress: (@Sendable (LoadProgress) -> Void)? = nil) throws -> Dataset {
        let dir = directory.hasSuffix("/") && directory.count > 1 ? String(directory.dropLast()) : directory
        let fileManager = FileManager.default
        let realDir = realPath(dir)
        var loader = Loader(origin: dir) { name in
            let full = (dir as NSString).appendingPathComponent(name)
            guard let real = realPath(full) else {
                // A symlink loop is no missing file: say which it is.
                if errno == ELOOP { throw FileRefusal(reason: "is a loop of symbolic links (\(String(cString: strerror(ELOOP))))") }
                // Missing (or a dangling symlink): say so, as for any missing file.
                return nil
            }
            if real == realDir { throw FileRefusal(reason: "is the package folder itself, not a file in it") }
            guard let realDir, real.hasPrefix(realDir == "/" ? "/" : realDir + "/") else {
                throw FileRefusal(reason: "lies outside the package folder once symlinks are followed; a package may name only its own files")
            }
            return try FileBytes.regularFile(real, inside: realDir)
        }
        loader.options = options
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

    /// Loads a package held in memory: file name → text. Its files are named `origin/FILE` in
    /// messages and citations, or `filePrefix` + FILE when given (`bundled:observations.csv`
    /// for the bundled package read beside another, where `data/…` is no path the user has).
    public static func load(files: [String: String], origin: String, filePrefix: String? = nil) throws -> Dataset {
        var loader = Loader(origin: origin) { name in files[name].map { FileBytes(Array($0.utf8)) } }
        loader.filePrefix = filePrefix
        return try loader.run()
    }

    /// Loads a package through `read`, which returns a file's bytes or nil when it is missing.
    public static func load(origin: String, options: LoadOptions = LoadOptions(), progress: (@Sendable (LoadProgress) -> Void)? = nil,
                            size: ((String) -> Int)? = nil, read: @escaping (String) -> [UInt8]?) throws -> Dataset {
        try load(origin: origin, fastPath: true, options: options, progress: progress, size: size, read: read)
    }

    /// `fastPath: false` sends every observation row through the general reader (tests compare the two).
    static func load(origin: String, fastPath: Bool, options: LoadOptions = LoadOptions(), progress: (@Sendable (LoadProgress) -> Void)? = nil,
                     size: ((String) -> Int)? = nil, read: @escaping (String) -> [UInt8]?) throws -> Dataset {
        var loader = Loader(origin: origin) { name in read(name).map(FileBytes.init) }
        loader.fastPath = fastPath
        loader.options = options
        loader.progress = progress
        loader.size = size
        return try loader.run()
    }
}

/// How a load reads its files. The defaults suit every user; tests set a small split threshold
/// so that the two-thread read runs on files of a few kB.
public struct LoadOptions: Sendable, Equatable {
    /// 16 MB: below it, starting a second thread and joining the halves costs more than it saves.
    public static let defaultSplitThreshold = 16 << 20
    /// An observation file whose rows (the bytes after its header) are more than this many bytes
    /// is read by two threads, each half into its own store, then joined.
    public var splitThreshold: Int
    /// Split even on a machine with one core (off by default: there the second thread only
    /// waits). Tests turn it on, so that the split runs wherever they do.
    public var splitOnOneCore: Bool

    public init(splitThreshold: Int = LoadOptions.defaultSplitThreshold, splitOnOneCore: Bool = false) {
        self.splitThreshold = splitThreshold
        self.splitOnOneCore = splitOnOneCore
    }
}

/// What a load did, beyond its result: how each observation file was read. Tests assert with it
/// that the split read really ran.
public struct LoadStatistics: Sendable, Equatable {
    /// Per observation file read (its path as messages name it): the parts it was read in, 1, or 2
    /// when two threads read it. A file refused before its rows (a wrong header) is not listed.
    public var parts: [String: Int] = [:]

    public init() {}

    /// The files read by more than one thread, sorted.
    public var splitFiles: [String] { parts.filter { $0.value > 1 }.keys.sorted() }
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
    /// The largest datapackage.json read (bytes): the bundled one is 20 kB.
    static let descriptorLimit = 4 << 20

    let origin: String
    /// A file's bytes; nil when it is missing; throws `FileRefusal` for one that must not be read.
    let read: (String) throws -> FileBytes?
    var diagnostics: [Diagnostic] = []
    var progress: (@Sendable (LoadProgress) -> Void)?
    var size: ((String) -> Int)?
    /// Decode simple observation rows straight from bytes (off only in tests that compare).
    var fastPath = true
    var options = LoadOptions()
    /// What this load did (how each observation file was read), kept on the dataset or the failure.
    var statistics = LoadStatistics()
    /// Where each `compares` field is, by `measure/category`, for the check that it names a known category.
    var comparesLocations: [String: Location] = [:]
    /// Resources that could not be read whole (missing, refused, empty, a wrong header, a CSV syntax
    /// error): references into them are not checked, so one root cause is not buried under an error
    /// for every row that cites it.
    var unreliable: Set<String> = []
    /// Keys of rows that were read but rejected with an error of their own (a source with a bad date,
    /// a row with a bad byte), by resource kind: a reference to one is no further error.
    var rejected: [String: Set<String>] = [:]
    /// Resources listed without a name or path (an error already): not reported missing as well.
    var unnamed: Set<String> = []

    /// What other files refer to a row of `kind` by (countries by code, categories by measure/category).
    static func key(_ kind: String, _ fields: [String]) -> String? {
        switch kind {
        case "countries", "sources", "events", "event_dates": return fields.first
        case "categories": return fields.count > 1 ? "\(fields[0])/\(fields[1])" : nil
        default: return nil
        }
    }

    /// Whether a reference to `key` in `kind` is known to be missing, rather than lost to an error reported already.
    func missing(_ kind: String, _ key: String) -> Bool {
        !unreliable.contains(kind) && rejected[kind]?.contains(key) != true
    }

    init(origin: String, read: @escaping (String) throws -> FileBytes?) {
        self.origin = origin
        self.read = read
    }

    /// What a file's name is prefixed with in locations, instead of `origin/` (see `load(files:origin:filePrefix:)`).
    var filePrefix: String?

    func path(_ name: String) -> String {
        if let filePrefix { return filePrefix + name }
        return origin.isEmpty || origin == "." ? name : "\(origin)/\(name)"
    }

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
        // A descriptor names files and their columns, not data: a few kB. Parsing one of 50 MB of
        // `{}` took 3 GB (Foundation's objects), so a larger one is refused before it is parsed.
        guard descriptorBytes.count <= Loader.descriptorLimit else {
            throw LoadFailure([Diagnostic(location: Location(file: descriptorPath, line: 1, column: 1), severity: .error,
                                          message: "datapackage.json is \(formatCount(descriptorBytes.count)) bytes; a descriptor is at most \(formatCount(Loader.descriptorLimit)) (it lists the package's files and columns, not data)")])
        }
        let resources = try readDescriptor(descriptorBytes, path: descriptorPath)

        var countries: [Country] = [], categories: [Category] = [], sources: [Source] = []
        var store = ObservationStore(), eventRows: [Event] = [], eventDates: [EventDate] = []
        var ratios: [Ratio] = [], coverage: [Coverage] = [], errata: [Erratum] = []
        var vocabularyRows: [VocabularyRow] = [], hasVocabulary = false
        let totalBytes = progress == nil ? 0 : resources.reduce(0) { $0 + ($1.refused ? 0 : size?($1.path) ?? 0) }
        var bytesBefore = 0, rows = 0
        for resource in resources where resource.refused {
            if let kind = resourceKind(resource.name) { unreliable.insert(kind) }
        }
        var pathsRead: [String: String] = [:]  // path, without "." segments → the resource that named it first
        for resource in resources {
            guard let kind = resourceKind(resource.name), !resource.refused else { continue }
            // A file is read once: listed again (under another name), it would be read again for each
            // listing, and every row of it reported as a duplicate.
            let normalized = resource.path.split(separator: "/").filter { $0 != "." && !$0.isEmpty }.joined(separator: "/")
            if let first = pathsRead[normalized] {
                error(Location(file: descriptorPath, line: resource.pathLine, column: resource.pathColumn),
                      "resource '\(clip(resource.name))' names \(clip(resource.path)), which resource '\(clip(first))' names already; each file is listed once")
                continue
            }
            pathsRead[normalized] = resource.name
            progress?(LoadProgress(rows: rows, bytes: bytesBefore, totalBytes: totalBytes, phase: "reading \(resource.path)"))
            let opened: FileBytes?
            do {
                opened = try read(resource.path)
            } catch let refusal as FileRefusal {
                error(Location(file: descriptorPath, line: resource.pathLine, column: resource.pathColumn),
                      "resource '\(clip(resource.name))' names \(clip(resource.path)), which \(refusal.reason)")
                unreliable.insert(kind)
                continue
            }
            guard let bytes = opened else {
                unreliable.insert(kind)
                error(Location(file: descriptorPath, line: resource.pathLine, column: resource.pathColumn),
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
                    unreliable.insert("observations")
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
                unreliable.insert(kind)
            }
            bytesBefore += bytes.count
        }
        progress?(LoadProgress(rows: rows, bytes: bytesBefore, totalBytes: totalBytes, phase: "indexing"))
        for required in ["countries", "categories", "sources", "events", "event_dates", "observations"]
        where !resources.contains(where: { resourceKind($0.name) == required }) && !unnamed.contains(required) {
            error(Location(file: descriptorPath, line: 1), "datapackage.json lists no '\(clip(required))' resource")
            unreliable.insert(required)
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
            var failure = LoadFailure(diagnostics.sorted())
            failure.statistics = statistics
            throw failure
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
        data.loadWarnings = diagnostics.filter { $0.severity != .error }
        data.loadStatistics = statistics
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
            throw LoadFailure([Loader.jsonError(error, bytes, file: file)])
        }
        guard let root = json as? [String: Any] else {
            throw LoadFailure([Diagnostic(location: Location(file: file, line: 1), severity: .error,
                                          message: "datapackage.json is not a JSON object (a data package descriptor is {\"resources\": [...]})")])
        }
        guard let list = root["resources"] as? [Any] else {
            throw LoadFailure([Diagnostic(location: Location(file: file, line: 1), severity: .error,
                                          message: root["resources"] == nil ? "datapackage.json has no \"resources\" list"
                                            : "datapackage.json's \"resources\" is not a list")])
        }
        // Where each resource's name and path are written, from the text's structure (any key order).
        let structure = DescriptorLayout(bytes)
        let layout = structure.resources
        let places = layout.count == list.count ? layout : []
        let at = DescriptorLayout.positions(of: places.flatMap { [$0.start, $0.name, $0.path, $0.schema].compactMap { $0 } }
                                               + structure.duplicateKeys.flatMap { [$0.offset, $0.firstOffset] }, in: bytes)
        // A key given twice in one object: JSONSerialization keeps the last silently, so a package
        // could show one path to a reader of the file and have another read.
        for d in structure.duplicateKeys {
            let p = at[d.offset], first = at[d.firstOffset]
            error(Location(file: file, line: p?.line ?? 1, column: p?.column ?? 1),
                  "key \"\(clip(d.key))\" is given twice in one object of datapackage.json (first at line \(first?.line ?? 1)); each key once")
        }
        var firstByName: [String: Int] = [:]
        return list.enumerated().compactMap { (i, element) -> Resource? in
            let place = i < places.count ? places[i] : nil
            let named = place?.name.flatMap { at[$0] }
            let start = place.flatMap { at[$0.start] }
            guard let r = element as? [String: Any] else {
                error(Location(file: file, line: start?.line ?? 1, column: start?.column ?? 1),
                      "resource \(i + 1) in datapackage.json is \(Loader.jsonKind(element)), not an object with a \"name\" and a \"path\"")
                return nil
            }
            guard let name = r["name"] as? String, let p = r["path"] as? String else {
                // At its name when it has one; and the resource it was meant to be is not reported missing too.
                if let kind = (r["name"] as? String).flatMap(resourceKind) { unreliable.insert(kind); unnamed.insert(kind) }
                let path = place?.path.flatMap { at[$0] }
                let what: String
                switch (r["name"] as? String, r["path"]) {
                case (let n?, nil): what = "resource '\(clip(n))' in datapackage.json has no \"path\""
                case (let n?, let other?):
                    what = "resource '\(clip(n))' in datapackage.json has a \"path\" that is \(Loader.jsonKind(other)); crossings reads one file per resource, named by a string"
                default: what = "resource \(i + 1) in datapackage.json needs a \"name\" (a string) and a \"path\""
                }
                error(Location(file: file, line: path?.line ?? named?.line ?? start?.line ?? 1,
                               column: path?.column ?? named?.column ?? start?.column ?? 1), what)
                return nil
            }
            let line = named?.line ?? 1
            // Listed twice under one name: the second would be read as well, or instead.
            if let first = firstByName[name] {
                error(Location(file: file, line: line, column: named?.column ?? 1),
                      "resource '\(clip(name))' is listed twice in datapackage.json (first at line \(first)); each resource once")
                if let kind = resourceKind(name) { unreliable.insert(kind) }
                return nil
            }
            firstByName[name] = line
            // A resource crossings does not read (a README, a table of another tool) is said, not passed
            // over silently; the package still loads.
            guard resourceKind(name) != nil else {
                let known = PackageLoader.columns.keys.filter { $0 != "observations" }.sorted().joined(separator: ", ")
                diagnostics.append(Diagnostic(location: Location(file: file, line: line, column: named?.column ?? 1), severity: .warning,
                    message: "resource '\(clip(name))' is not read: crossings reads \(known), and resources whose name starts with 'observations'"))
                return nil
            }
            if let schema = r["schema"], !(schema is [String: Any]) {
                let p = place?.schema.flatMap { at[$0] }
                error(Location(file: file, line: p?.line ?? line, column: p?.column ?? 1),
                      "resource '\(clip(name))' has a \"schema\" that is \(Loader.jsonKind(schema)), not an object with \"fields\"")
                // Not read; and not reported missing as well.
                if let kind = resourceKind(name) { unreliable.insert(kind); unnamed.insert(kind) }
                return nil
            }
            let fields = ((r["schema"] as? [String: Any])?["fields"] as? [[String: Any]])?.compactMap { $0["name"] as? String }
            var resource = Resource(name: name, path: p, fields: fields, line: line)
            // A key given twice inside it (reported above): which value was meant is unknown, so it is not read.
            if let place, let end = place.end, structure.duplicateKeys.contains(where: { place.start < $0.offset && $0.offset < end }) {
                resource.refused = true
            }
            resource.pathLine = line
            // The path's own place: its value in this resource's object.
            if let path = place?.path.flatMap({ at[$0] }) {
                resource.pathLine = path.line
                resource.pathColumn = path.column
            }
            if let problem = PackageLoader.pathProblem(p) {
                error(Location(file: file, line: resource.pathLine, column: resource.pathColumn),
                      "resource '\(clip(name))' has path '\(clip(p))', which \(problem)")
                resource.refused = true
            }
            return resource
        }
    }

    /// What a JSON value is, for messages: "null", "a number", "a list" …
    static func jsonKind(_ value: Any) -> String {
        switch value {
        case is NSNull: "null"
        case is String: "a string"
        case is [Any]: "a list"
        case is [String: Any]: "an object"
        case is NSNumber: "a number or true/false"
        default: "not a JSON value crossings reads"
        }
    }

    /// A JSON syntax error at its line and column, from the byte offset Foundation gives in its
    /// debug description ("Invalid value around character 13."), with that description as the
    /// reason; "The data is not in the correct format" alone says neither what nor where.
    static func jsonError(_ error: Error, _ bytes: [UInt8], file: String) -> Diagnostic {
        var detail = ((error as NSError).userInfo[NSDebugDescriptionErrorKey] as? String) ?? error.localizedDescription
        var offset: Int?
        var utf8 = Unicode.UTF8.ForwardParser(), iterator = bytes.makeIterator(), valid = 0
        scan: while true {
            switch utf8.parseScalar(from: &iterator) {
            case .valid(let encoded): valid += encoded.count
            case .emptyInput: break scan
            case .error: offset = valid; break scan
            }
        }
        if let offset {
            // Foundation names where the string starts; the byte itself is more use.
            detail = "byte 0x\(String(bytes[offset], radix: 16, uppercase: true)) is not valid UTF-8"
        } else if let r = detail.range(of: "character ") {
            offset = Int(detail[r.upperBound...].prefix { $0.isASCII && $0.isNumber })
        } else if detail.contains("end of file") {
            offset = bytes.count
        }
        var line = 1, column = 1
        if let offset {
            for b in bytes.prefix(min(offset, bytes.count)) {
                if b == UInt8(ascii: "\n") { line += 1; column = 1 } else if b & 0xC0 != 0x80 { column += 1 }
            }
        }
        var reason = detail
        if let r = reason.range(of: " around character ") ?? reason.range(of: " starting from character ") {
            reason = String(reason[..<r.lowerBound])
        }
        reason = reason.hasSuffix(".") ? String(reason.dropLast()) : reason
        if !reason.hasPrefix("byte") { reason = reason.prefix(1).lowercased() + reason.dropFirst() }
        return Diagnostic(location: Location(file: file, line: line, column: column), severity: .error,
                          message: "datapackage.json is not valid JSON: \(clip(reason))")
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
        try CSVReader.read(bytes, file: file, invalidUTF8: .mark) { record in
            guard header != nil else {
                header = record.fields
                if let bad = record.invalidUTF8 {
                    me.error(Location(file: file, line: bad.line, column: bad.column),
                             "byte 0x\(String(bad.byte, radix: 16, uppercase: true)) in the header is not valid UTF-8 (save the file as UTF-8)")
                    headerOK = false
                    return
                }
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
            // A row with a bad byte is rejected alone, at the byte; the rest of the file is read.
            if let bad = record.invalidUTF8 {
                me.error(Location(file: file, line: bad.line, column: bad.column),
                         "byte 0x\(String(bad.byte, radix: 16, uppercase: true)) is not valid UTF-8 (save the file as UTF-8; the row is not read)")
                if let key = Loader.key(kind, record.fields) { me.rejected[kind, default: []].insert(key) }
                return
            }
            if record.fields.count != expected.count {
                let at: (line: Int, column: Int) = record.fields.count > expected.count ? record.positions[expected.count] : record.end
                me.error(Location(file: file, line: at.line, column: at.column),
                         "expected \(expected.count) fields, found \(record.fields.count)")
                if let key = Loader.key(kind, record.fields) { me.rejected[kind, default: []].insert(key) }
                return
            }
            let before = me.diagnostics.count
            body(&me, Row(record: record, file: file, index: index))
            if me.diagnostics.count > before, let key = Loader.key(kind, record.fields) { me.rejected[kind, default: []].insert(key) }
        }
        if header == nil { me.error(Location(file: file, line: 1), "the file is empty (it needs a header row)") }
        if header == nil || !headerOK { me.unreliable.insert(kind) }
    }
}
