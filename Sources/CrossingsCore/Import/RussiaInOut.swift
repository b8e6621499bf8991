import Foundation

/// Turns Maxim Kobzev's compilation of FSB border-service counts
/// (Ksimi/Russia_in_out: `Russia_in_master.csv`, `Russia_out_master.csv`) into a
/// crossings data package, accounting for every row.
///
/// Each input row is one country, one mode of transport, one quarter:
/// `ENG,Trans,Type,Value,ISO_A2,ISO_A3,M49,Date`, e.g.
/// `"Korea, DR",Air,In,"1,239",KP,PRK,408,3/31/2010`.
/// `In` rows are entries of that country's citizens (`KP-RU`); `Out` rows are
/// trips of Russian citizens to it (`RU-KP`).
///
/// ```swift
/// var importer = RussiaInOutImporter()
/// try importer.read(bytes, file: "Russia_in_master.csv")
/// try PackageInstaller.install(importer.packageFiles(), into: "full", force: false) { try PackageLoader.load(directory: $0) }
/// ```
public struct RussiaInOutImporter {
    public static let sourceID = "russia-in-out"
    public static let copyright = "Copyright (c) 2020 Maxim Kobzev"
    /// The source row the import writes: field for field the bundled package's row for the same
    /// compilation (data/sources.csv), so that the two packages read together (`--data full --data
    /// bundled`) hold one source `russia-in-out`, not two that would seem to corroborate each
    /// other; layering refuses one source id defined two ways. A test keeps the two rows equal.
    public static let sourceRow = [
        sourceID, "dataset", "Maxim Kobzev, Ksimi/Russia_in_out (GitHub)",
        "Russia border crossings, 2010-Q1 to 2020-Q1 (data-raw/Russia_in_master.csv, data-raw/Russia_out_master.csv)",
        "2020-09-15", "https://github.com/Ksimi/Russia_in_out", "", "Russia's FSB border service (EMISS statistics portal)",
        "FSB border service > EMISS statistics portal (fedstat.ru indicators 38479, 38480) > Ksimi/Russia_in_out",
        "MIT", copyright,
        "Quarterly counts of border crossings (trips, not distinct people) by country and mode of transport, 2010-Q1 to 2020-Q1; each row is one quarter, not a running total. The bundled package keeps only the North Korea rows (ISO_A2 = KP); `crossings import russia-in-out` reads every country's. Date is the file's last change.",
    ]

    public struct Rejection: Sendable, CustomStringConvertible {
        public var file: String
        public var line: Int
        public var column: Int? = nil
        public var reason: String
        /// The reason without its particulars (the value, the line it duplicates): rows rejected for
        /// the same kind of reason are counted together in the import's summary.
        public var kind: String
        /// Russia's own rows: in every copy of the compilation, left out by design rather than damaged.
        public var byDesign = false
        public var description: String { "\(file):\(line)\(column.map { ":\($0)" } ?? ""): rejected: \(reason)" }
    }

    public struct FileReport: Sendable {
        public var file: String
        public var read = 0
        public var imported = 0
        public var rejected = 0
    }

    public private(set) var observations: [Observation] = []
    public private(set) var countries: [String: String] = [:]
    public private(set) var rejections: [Rejection] = []
    public private(set) var reports: [FileReport] = []
    private var seen: [String: Int] = [:]  // id → line, for duplicates

    public init() {}

    static let modes = ["Air": "air", "Car": "road", "Rail": "rail", "Ship": "sea", "Walk": "foot"]
    static let header = ["ENG", "Trans", "Type", "Value", "ISO_A2", "ISO_A3", "M49", "Date"]

    /// Reads one file of the compilation. Throws on a file that is not CSV or has the wrong header.
    public mutating func read(_ bytes: [UInt8], file: String) throws {
        let name = (file as NSString).lastPathComponent
        var report = FileReport(file: file)
        var headerSeen = false
        var me = self
        defer { self = me }
        try CSVReader.read(bytes, file: file, invalidUTF8: .mark) { record in
            guard headerSeen else {
                headerSeen = true
                if let bad = record.invalidUTF8 {
                    throw LoadFailure([Diagnostic(location: Location(file: file, line: bad.line, column: bad.column), severity: .error,
                                                  message: "the header is not valid UTF-8 (byte 0x\(String(bad.byte, radix: 16, uppercase: true)))")])
                }
                guard record.fields == RussiaInOutImporter.header else {
                    throw LoadFailure([Diagnostic(location: Location(file: file, line: record.line), severity: .error,
                                                  message: "expected the header \(RussiaInOutImporter.header.joined(separator: ",")), found \(record.fields.joined(separator: ","))")])
                }
                return
            }
            report.read += 1
            if let bad = record.invalidUTF8 {
                me.rejections.append(Rejection(file: file, line: bad.line, column: bad.column,
                                               reason: "byte 0x\(String(bad.byte, radix: 16, uppercase: true)) is not valid UTF-8 (the row is not read, so no field of it is guessed at)",
                                               kind: "a byte that is not valid UTF-8"))
                report.rejected += 1
                return
            }
            switch me.convert(record, name: name) {
            case .success(let o):
                if let first = me.seen[o.id] {
                    me.rejections.append(Rejection(file: file, line: record.line, reason: "duplicate of line \(first) (\(o.key.flow) \(o.key.period) \(o.key.category))",
                                                   kind: "a duplicate of an earlier line"))
                    report.rejected += 1
                } else {
                    me.seen[o.id] = record.line
                    me.observations.append(o)
                    report.imported += 1
                }
            case .failure(let reason):
                me.rejections.append(Rejection(file: file, line: record.line, reason: reason.text, kind: reason.kind, byDesign: reason.byDesign))
                report.rejected += 1
            }
        }
        if !headerSeen {
            throw LoadFailure([Diagnostic(location: Location(file: file, line: 1), severity: .error, message: "the file is empty")])
        }
        me.reports.append(report)
    }

    struct Reason: Error { var text: String; var kind: String; var byDesign = false }

    mutating func convert(_ record: CSVReader.Record, name: String) -> Result<Observation, Reason> {
        let f = record.fields
        guard f.count == 8 else { return .failure(Reason(text: "expected 8 fields, found \(f.count)", kind: "not 8 fields")) }
        let (country, trans, type, valueText, code, date) = (f[0], f[1], f[2], f[3], f[4], f[7])
        guard code.count == 2, code.allSatisfy({ $0.isASCII && $0.isUppercase }) else {
            return .failure(Reason(text: "ISO_A2 '\(code)' is not two capital letters", kind: "an ISO_A2 that is not two capital letters"))
        }
        guard code != "RU" else {
            return .failure(Reason(text: "Russia's own row (ISO_A2 RU): citizens of Russia entering or leaving Russia is not a flow between two countries",
                                   kind: "Russia's own row (ISO_A2 RU), left out by design", byDesign: true))
        }
        guard let mode = RussiaInOutImporter.modes[trans] else {
            return .failure(Reason(text: "unknown mode of transport '\(trans)' (expected Air, Car, Rail, Ship, Walk)", kind: "an unknown mode of transport"))
        }
        let flow: Flow
        switch type {
        case "In": flow = Flow(citizens: code, destination: "RU")
        case "Out": flow = Flow(citizens: "RU", destination: code)
        default: return .failure(Reason(text: "unknown Type '\(type)' (expected In or Out)", kind: "an unknown Type"))
        }
        let digits = valueText.replacingOccurrences(of: ",", with: "")
        guard !digits.isEmpty, digits.utf8.allSatisfy({ $0 >= 48 && $0 <= 57 }), let value = digits.count <= Loader.countDigits ? Int(digits) : nil,
              valueText.range(of: #"^\d{1,3}(,\d{3})*$|^\d+$"#, options: .regularExpression) != nil else {
            let tooLarge = digits.count > Loader.countDigits && digits.utf8.allSatisfy({ $0 >= 48 && $0 <= 57 })
            return .failure(tooLarge ? Reason(text: "Value '\(clip(valueText))' is too large to be a count (a trillion or more)", kind: "a Value too large to be a count")
                                     : Reason(text: "Value '\(clip(valueText))' is not a count", kind: "a Value that is not a count"))
        }
        let parts = date.split(separator: "/").map { Int($0) }
        guard parts.count == 3, let m = parts[0], let d = parts[1], let y = parts[2], (1900...2199).contains(y),
              [3: 31, 6: 30, 9: 30, 12: 31][m] == d else {
            return .failure(Reason(text: "Date '\(date)' is not the last day of a quarter (M/D/YYYY)", kind: "a Date that is not the last day of a quarter"))
        }
        let period = Period.quarter(y, m / 3)
        if countries[code] == nil { countries[code] = country }
        let direction = type == "In" ? "in" : "out"
        let o = Observation(
            id: "\(RussiaInOutImporter.sourceID)/\(direction)-\(code)-\(period)-\(mode)",
            key: FigureKey(flow: flow, period: period, measure: .transport, category: mode),
            value: value, high: nil, qualifier: .exact, printed: valueText, producer: "FSB border service",
            sourceID: RussiaInOutImporter.sourceID, locator: "\(name):L\(record.line)", note: "",
            location: Location(file: name, line: record.line), tabulated: true)
        return .success(o)
    }

    /// The package's files, name and text, in the order they are written: the same files and
    /// columns as the bundled data/. `PackageInstaller.install` puts them in place.
    public func packageFiles() -> [(name: String, text: String)] {
        var files: [(name: String, text: String)] = []
        func write(_ name: String, _ text: String) { files.append((name, text)) }
        var countriesCSV = CSVWriter.dataLine(PackageLoader.columns["countries"]!)
        var all = countries
        all["RU"] = all["RU"] ?? "Russia"
        for (code, name) in all.sorted(by: { $0.key < $1.key }) { countriesCSV += CSVWriter.dataLine([code, name]) }
        write("countries.csv", countriesCSV)

        var categoriesCSV = CSVWriter.dataLine(PackageLoader.columns["categories"]!)
        let labels = ["air": "by air", "rail": "by rail", "road": "by road (car, bus)", "sea": "by sea or river", "foot": "on foot"]
        for c in Measure.transport.fixedCategories { categoriesCSV += CSVWriter.dataLine(["transport", c, labels[c] ?? c, ""]) }
        write("categories.csv", categoriesCSV)

        var sourcesCSV = CSVWriter.dataLine(PackageLoader.columns["sources"]!)
        sourcesCSV += CSVWriter.dataLine(RussiaInOutImporter.sourceRow)
        write("sources.csv", sourcesCSV)

        var obsCSV = CSVWriter.dataLine(PackageLoader.columns["observations"]!)
        obsCSV.reserveCapacity(observations.count * 110)
        for o in observations.sorted(by: { ($0.key, $0.id) < ($1.key, $1.id) }) {
            obsCSV += CSVWriter.dataLine([o.id, o.key.flow.description, o.key.period.description, o.key.measure.rawValue,
                                          o.key.category, String(o.value), "", o.qualifier.rawValue, o.printed, o.producer,
                                          o.sourceID, o.locator, o.note])
        }
        write("observations-russia-in-out.csv", obsCSV)
        write("events.csv", CSVWriter.dataLine(PackageLoader.columns["events"]!))
        write("event_dates.csv", CSVWriter.dataLine(PackageLoader.columns["event_dates"]!))
        write("datapackage.json", PackageDescriptor.json(
            name: "russia-in-out", title: "Border crossings of every country to and from Russia, 2010–2020 (FSB border service)",
            observationFiles: ["observations-russia-in-out.csv"],
            licenses: [["name": "MIT", "path": "https://opensource.org/licenses/MIT", "title": "MIT License, \(RussiaInOutImporter.copyright)"]]))
        return files
    }
}

/// A datapackage.json for a package crossings writes (imports, synthetic data).
public enum PackageDescriptor {
    public static func json(name: String, title: String, observationFiles: [String], licenses: [[String: String]]) -> String {
        let keys: [String: [String]] = [
            "countries": ["code"], "categories": ["measure", "category"], "sources": ["id"], "events": ["id"],
            "event_dates": ["event", "source", "locator"],
        ]
        let integer: Set<String> = ["value", "high"]
        let required: [String: Set<String>] = [
            "countries": ["code", "name"], "categories": ["measure", "category", "label"], "sources": ["id", "kind", "outlet"],
            "observations": ["id", "flow", "period", "measure", "value", "qualifier", "printed", "producer", "source", "locator"],
            "events": ["id", "summary", "tags"], "event_dates": ["event", "date", "precision", "source", "locator"],
        ]
        func resource(_ resourceName: String, kind: String, path: String) -> [String: Any] {
            let fields: [[String: Any]] = PackageLoader.columns[kind]!.map { f in
                var field: [String: Any] = ["name": f, "type": integer.contains(f) ? "integer" : "string"]
                if required[kind]?.contains(f) == true { field["constraints"] = ["required": true] }
                return field
            }
            var schema: [String: Any] = ["fields": fields, "primaryKey": keys[kind] ?? ["id"]]
            if kind == "observations" {
                schema["foreignKeys"] = [["fields": "source", "reference": ["resource": "sources", "fields": "id"]]]
            }
            if kind == "event_dates" {
                schema["foreignKeys"] = [["fields": "event", "reference": ["resource": "events", "fields": "id"]],
                                         ["fields": "source", "reference": ["resource": "sources", "fields": "id"]]]
            }
            return ["name": resourceName, "path": path, "profile": "tabular-data-resource", "format": "csv",
                    "encoding": "utf-8", "schema": schema]
        }
        var resources = [
            resource("countries", kind: "countries", path: "countries.csv"),
            resource("categories", kind: "categories", path: "categories.csv"),
            resource("sources", kind: "sources", path: "sources.csv"),
        ]
        for (i, file) in observationFiles.enumerated() {
            let resourceName = i == 0 ? "observations" : "observations-\(i + 1)"
            resources.append(resource(observationFiles.count == 1 ? (file as NSString).deletingPathExtension : resourceName, kind: "observations", path: file))
        }
        resources.append(resource("events", kind: "events", path: "events.csv"))
        resources.append(resource("event_dates", kind: "event_dates", path: "event_dates.csv"))
        let object: [String: Any] = ["name": name, "title": title, "licenses": licenses, "resources": resources]
        let data = (try? JSONSerialization.data(withJSONObject: object, options: [.prettyPrinted, .sortedKeys, .withoutEscapingSlashes])) ?? Data()
        return String(decoding: data, as: UTF8.self) + "\n"
    }
}
