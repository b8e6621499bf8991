import Foundation
import Testing
@testable import CrossingsCore
import BundledData

/// Where the on-disk fixture packages live.
func fixtureDirectory(_ name: String) -> String {
    URL(fileURLWithPath: #filePath).deletingLastPathComponent()
        .appendingPathComponent("Fixtures").appendingPathComponent(name).path
}

func loadFixture(_ name: String) throws -> Dataset {
    try PackageLoader.load(directory: fixtureDirectory(name))
}

func flow(_ s: String) -> Flow { try! Flow(parsing: s) }
func period(_ s: String) -> Period { try! Period(parsing: s) }
func key(_ f: String, _ p: String, _ m: Measure = .total, _ c: String = "") -> FigureKey {
    FigureKey(flow: flow(f), period: period(p), measure: m, category: c)
}

/// A small, valid package held in memory. Tests replace or extend single files.
///
/// Line numbers of the base observations.csv: 1 header, 2 `art/1`, 3 `ds/1`.
enum MiniPackage {
    static let observationHeader = "id,flow,period,measure,category,value,high,qualifier,printed,producer,source,locator,note"
    static let observationRows = [
        "art/1,KP-RU,2024,total,,13000,,about,\"nearly 13,000\",FSB border service,art,¶6,",
        "ds/1,KP-RU,2024-Q1,total,,100,,exact,100,FSB border service,ds,L2,",
    ]

    static let descriptor = """
    {
      "name": "mini",
      "resources": [
        {"name": "countries", "path": "countries.csv",
         "schema": {"fields": [{"name": "code"}, {"name": "name"}]}},
        {"name": "categories", "path": "categories.csv",
         "schema": {"fields": [{"name": "measure"}, {"name": "category"}, {"name": "label"}, {"name": "description"}]}},
        {"name": "sources", "path": "sources.csv"},
        {"name": "observations", "path": "observations.csv"},
        {"name": "events", "path": "events.csv"},
        {"name": "event_dates", "path": "event_dates.csv"}
      ]
    }
    """

    static let files: [String: String] = [
        "datapackage.json": descriptor,
        "countries.csv": "code,name\nKP,North Korea\nRU,Russia\n",
        "categories.csv": "measure,category,label,description\npurpose,study,study,\ntransport,air,air,\n",
        "sources.csv": """
            id,kind,outlet,title,date,url,file,credited_agency,chain,license,copyright,note
            art,article,Example News,A title,2025-05-08,,000_a.txt,FSB,FSB border service > Example News,,,
            ds,dataset,Example Data,,,,,,,MIT,,

            """,
        "observations.csv": ([observationHeader] + observationRows).joined(separator: "\n") + "\n",
        "events.csv": "id,summary,tags\nev,Something happened.,data\n",
        "event_dates.csv": "event,date,precision,printed,source,locator,note\nev,2025-04,late-month,at the end of April,art,¶8,\n",
    ]

    /// The base package with some files replaced (nil removes a file).
    static func with(_ changes: [String: String?]) -> [String: String] {
        var f = files
        for (name, text) in changes { f[name] = text }
        return f
    }

    /// The base package with extra lines appended to one CSV (the first appended line is line `baseLines + 1`).
    static func appending(_ lines: [String], to file: String) -> [String: String] {
        var f = files
        f[file]! += lines.joined(separator: "\n") + "\n"
        return f
    }

    /// The base package with one extra observation row; it is line 4 of observations.csv.
    static func withObservation(_ line: String) -> [String: String] {
        appending([line], to: "observations.csv")
    }
}

/// Loads a package that must fail, and returns its diagnostics (recording an issue if it loads).
func loadErrors(_ files: [String: String], sourceLocation: SourceLocation = #_sourceLocation) -> [Diagnostic] {
    do {
        _ = try PackageLoader.load(files: files, origin: "fx")
        Issue.record("the package loaded, but it should have failed", sourceLocation: sourceLocation)
        return []
    } catch let failure as LoadFailure {
        return failure.diagnostics
    } catch {
        Issue.record("unexpected error \(error)", sourceLocation: sourceLocation)
        return []
    }
}

/// Column (1-based, in characters) where field `index` (0-based) starts in a line without quoted fields.
func columnOfField(_ index: Int, in line: String) -> Int {
    let fields = line.split(separator: ",", omittingEmptySubsequences: false)
    return fields.prefix(index).reduce(1) { $0 + $1.count + 1 }
}

/// Reads CSV text and returns its records, or throws the reader's failure.
func readCSV(_ text: String) throws -> [CSVReader.Record] {
    try readCSV(Array(text.utf8))
}

func readCSV(_ bytes: [UInt8]) throws -> [CSVReader.Record] {
    var out: [CSVReader.Record] = []
    try CSVReader.read(bytes, file: "t.csv") { out.append($0) }
    return out
}

/// The single diagnostic a CSV read fails with.
func csvError(_ bytes: [UInt8], sourceLocation: SourceLocation = #_sourceLocation) -> Diagnostic? {
    do {
        _ = try readCSV(bytes)
        Issue.record("the text was read, but it should have failed", sourceLocation: sourceLocation)
        return nil
    } catch let failure as LoadFailure {
        #expect(failure.diagnostics.count == 1, sourceLocation: sourceLocation)
        return failure.diagnostics.first
    } catch {
        Issue.record("unexpected error \(error)", sourceLocation: sourceLocation)
        return nil
    }
}

/// The bundled vocabulary.csv, as `crossings check` reads drafts by it.
let bundledVocabulary: Vocabulary = {
    do { return try Vocabulary(csv: BundledData.files["vocabulary.csv"] ?? "", file: "data/vocabulary.csv") } catch {
        fatalError("data/vocabulary.csv does not load: \(error)")
    }
}()
