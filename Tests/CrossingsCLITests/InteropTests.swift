import Foundation
import Testing

/// Real clients read what crossings writes: frictionless-py validates the data package,
/// pandoc cites from `sources --format csl-json` and reads `--format bibtex`.
/// `.ci/run` installs both; where one is missing, its test is skipped and says so.
enum Tool {
    /// The full path of a command on PATH, or nil.
    static func find(_ name: String) -> String? {
        for dir in (ProcessInfo.processInfo.environment["PATH"] ?? "").split(separator: ":") {
            let path = "\(dir)/\(name)"
            if FileManager.default.isExecutableFile(atPath: path) { return path }
        }
        return nil
    }

    static func run(_ path: String, _ arguments: [String], cwd: String? = nil) throws -> Run {
        try runProcess(URL(fileURLWithPath: path), arguments, cwd: cwd)
    }
}

@Suite(.enabled(if: Binary.available, "the crossings executable was not built"))
struct InteropTests {
    static let dataDir = URL(fileURLWithPath: #filePath).deletingLastPathComponent()
        .deletingLastPathComponent().deletingLastPathComponent().appendingPathComponent("data").path

    @Test(.enabled(if: Tool.find("frictionless") != nil, "frictionless-py is not installed (pip install frictionless)"))
    func frictionlessValidatesTheBundledPackage() throws {
        let run = try Tool.run(Tool.find("frictionless")!, ["validate", "--json", "datapackage.json"], cwd: Self.dataDir)
        let report = try #require(try JSONSerialization.jsonObject(with: Data(run.stdout.utf8)) as? [String: Any], "\(run.stderr)")
        #expect(report["valid"] as? Bool == true, "\(run.stdout.prefix(2000))")
        // Every resource was read, the new side files too.
        let tasks = report["tasks"] as? [[String: Any]] ?? []
        let names = Set(tasks.compactMap { $0["name"] as? String })
        for name in ["observations", "sources", "events", "event_dates", "ratios", "coverage", "errata"] {
            #expect(names.contains(name), "frictionless did not read \(name): \(names.sorted())")
        }
    }

    @Test(.enabled(if: Tool.find("pandoc") != nil, "pandoc is not installed (apt-get install pandoc)"))
    func pandocCitesFromCSLJSONAndReadsBibTeX() throws {
        let dir = FileManager.default.temporaryDirectory.appendingPathComponent("crossings-pandoc-\(UUID().uuidString)").path
        try FileManager.default.createDirectory(atPath: dir, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(atPath: dir) }
        let csl = try Binary.run(["sources", "--format", "csl-json"])
        let bib = try Binary.run(["sources", "--format", "bibtex"])
        let list = try Binary.run(["sources", "--format", "json"])
        #expect(csl.status == 0 && bib.status == 0 && list.status == 0)
        try csl.stdout.write(toFile: dir + "/sources.json", atomically: true, encoding: .utf8)
        try bib.stdout.write(toFile: dir + "/sources.bib", atomically: true, encoding: .utf8)
        let ids = try #require(try JSONSerialization.jsonObject(with: Data(csl.stdout.utf8)) as? [[String: Any]]).compactMap { $0["id"] as? String }
        #expect(ids.count > 50)
        // A draft that cites every source: pandoc must resolve each key (a missing one prints a warning).
        let draft = "---\nbibliography: sources.json\n---\n" + ids.map { "See [@\($0)]." }.joined(separator: "\n\n") + "\n"
        try draft.write(toFile: dir + "/draft.md", atomically: true, encoding: .utf8)
        let pandoc = Tool.find("pandoc")!
        let cited = try Tool.run(pandoc, ["--citeproc", "draft.md", "-t", "plain"], cwd: dir)
        #expect(cited.status == 0, "\(cited.stderr)")
        #expect(!cited.stderr.contains("not found"), "\(cited.stderr.prefix(2000))")
        #expect(cited.stdout.contains("NK News"))
        // BibTeX read back as CSL JSON: one entry per source.
        let back = try Tool.run(pandoc, ["-f", "bibtex", "sources.bib", "-t", "csljson"], cwd: dir)
        #expect(back.status == 0, "\(back.stderr)")
        let entries = try #require(try JSONSerialization.jsonObject(with: Data(back.stdout.utf8)) as? [[String: Any]])
        #expect(Set(entries.compactMap { $0["id"] as? String }) == Set(ids))
    }
}
