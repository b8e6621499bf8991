import Foundation
import Testing

@Suite(.enabled(if: Binary.available, "the crossings executable was not built"))
struct ValidateCommandTests {
    @Test func bundledDataIsValid() throws {
        let run = try Binary.run(["validate"])
        #expect(run.status == 0, "\(run.stdout)")
        #expect(!run.stdout.contains(": error:"))
        #expect(run.stderr.contains("valid"))
    }

    @Test func aBrokenPackageFailsWithFileLineColumn() throws {
        let pkg = try TempPackage()
        defer { pkg.remove() }
        var lines = try pkg.file("observations.csv").split(separator: "\n", omittingEmptySubsequences: false).map(String.init)
        // Row 3 (line 3): replace its value (6th field) with a non-number, keeping the rest.
        var fields = splitCSV(lines[2])
        fields[5] = "12a"
        func quoted(_ f: String) -> String {
            f.contains(",") || f.contains("\"") ? "\"" + f.replacingOccurrences(of: "\"", with: "\"\"") + "\"" : f
        }
        lines[2] = fields.map(quoted).joined(separator: ",")
        try Data(lines.joined(separator: "\n").utf8).write(to: URL(fileURLWithPath: pkg.path + "/observations.csv"))
        let column = fields[0..<5].map { quoted($0).count + 1 }.reduce(1, +)
        let run = try Binary.run(["validate", "--data", pkg.path])
        #expect(run.status == 1)
        #expect(run.stdout.contains("\(pkg.path)/observations.csv:3:\(column): error: 'value' is '12a'"), "\(run.stdout)")
    }

    @Test func thePackageMayBeNamedWithoutDashDashData() throws {
        let pkg = try TempPackage(replacing: ["countries.csv": "code,name\nKP,North Korea\n"])
        defer { pkg.remove() }
        // `crossings validate DIR` reads DIR, as `--data DIR` does: the broken package, not the bundled one.
        let positional = try Binary.run(["validate", pkg.path])
        let option = try Binary.run(["validate", "--data", pkg.path])
        #expect(positional.status == 1, "\(positional.stderr)")
        #expect(positional.stdout == option.stdout)
        #expect(positional.stdout.contains("\(pkg.path)/"), "\(positional.stdout)")
        let both = try Binary.run(["validate", pkg.path, "--data", pkg.path])
        #expect(both.status == 2, "a package named twice is a usage error: \(both.stderr)")
        #expect(both.stderr.contains("either DIR or --data DIR"))
    }

    @Test func aBrokenPackageIsNotUsedByQueries() throws {
        let pkg = try TempPackage(replacing: ["countries.csv": "code,name\nKP,North Korea\n"])
        defer { pkg.remove() }
        let run = try Binary.run(["figures", "--data", pkg.path])
        #expect(run.status == 2)
        #expect(run.stdout.isEmpty, "nothing is printed from a half-loaded package")
        #expect(run.stderr.contains("is not in countries.csv"))
        // The hint names this package: a bare `crossings validate` would check the bundled one and call it valid.
        #expect(run.stderr.contains("(run `crossings validate \(pkg.path)` for details)") || run.stderr.contains("(run `crossings validate '\(pkg.path)'` for details)"), "\(run.stderr)")
    }

    @Test func controlCharactersInDataAreShownEscaped() throws {
        let pkg = try TempPackage()
        defer { pkg.remove() }
        var events = try pkg.file("events.csv")
        let firstRow = try #require(events.split(separator: "\n").dropFirst().first)
        let id = String(firstRow.split(separator: ",")[0])
        // The row keeps the header's optional columns (aliases), empty.
        let optional = String(repeating: ",", count: max(0, (events.split(separator: "\n").first?.split(separator: ",").count ?? 3) - 3))
        events = events.replacingOccurrences(of: "\(firstRow)\n", with: "\(id),\"Evil \u{1B}[31mred\u{1B}[0m and \u{202E}reversed\",data\(optional)\n")
        try Data(events.utf8).write(to: URL(fileURLWithPath: pkg.path + "/events.csv"))
        for format in ["table", "csv", "json"] {
            let run = try Binary.run(["events", "--data", pkg.path, "--format", format])
            #expect(run.status == 0, "\(run.stderr)")
            #expect(!run.stdout.unicodeScalars.contains { $0.value == 0x1B || $0.value == 0x202E }, "raw escape in \(format) output")
            #expect(run.stdout.contains("Evil"))
        }
        let table = try Binary.run(["events", "--data", pkg.path])
        #expect(table.stdout.contains("Evil \\e[31mred\\e[0m and \\u{202E}reversed"))
    }
}

@Suite(.enabled(if: Binary.available, "the crossings executable was not built"))
struct EventsAndSourcesCommandTests {
    @Test func eventsFilterByTagAndText() throws {
        let all = csvRows(try Binary.run(["events", "--format", "csv"]).stdout)
        #expect(!all.isEmpty)
        let military = csvRows(try Binary.run(["events", "--tag", "military", "--format", "csv"]).stdout)
        #expect(!military.isEmpty && military.count < all.count)
        #expect(military.allSatisfy { $0["tags"]!.split(separator: ";").contains("military") })
        let kursk = csvRows(try Binary.run(["events", "--search", "KURSK", "--format", "csv"]).stdout)
        #expect(!kursk.isEmpty)
        #expect(kursk.allSatisfy { $0["summary"]!.lowercased().contains("kursk") || $0["sources"] != nil })
    }

    @Test func eventsAreInDateOrderAndFilterByPeriod() throws {
        let rows = csvRows(try Binary.run(["events", "--format", "csv"]).stdout)
        let dates = rows.map { $0["date"]! }
        #expect(dates.count > 3)
        let in2025 = csvRows(try Binary.run(["events", "--from", "2025", "--to", "2025", "--format", "csv"]).stdout)
        #expect(!in2025.isEmpty)
        #expect(in2025.allSatisfy { $0["date"]!.hasPrefix("2025") })
    }

    @Test func sourceDetailListsWhatItBacks() throws {
        let run = try Binary.run(["sources", "russia-in-out"])
        #expect(run.status == 0)
        #expect(run.stdout.contains("Copyright (c) 2020 Maxim Kobzev"))
        #expect(run.stdout.contains("Figures it backs (410)"))
    }

    @Test func aNumberSomeoneElseProducedShowsItsOwnChain() throws {
        let run = try Binary.run(["sources", "online-ua-2025-02-09"])
        #expect(run.status == 0)
        let workers = try #require(run.stdout.split(separator: "\n").first { $0.contains("estimate/workers") })
        #expect(workers.contains("South Korean intelligence (via Yonhap) → Ukrainian news site"))
        #expect(!workers.contains("FSB border service"))
        let total = try #require(run.stdout.split(separator: "\n").first { $0.contains("13,221") })
        #expect(total.hasSuffix("as above"))
    }

    @Test func cslJSONAndBibTeX() throws {
        let csl = try Binary.run(["sources", "--format", "csl-json"])
        let items = try #require(try JSONSerialization.jsonObject(with: Data(csl.stdout.utf8)) as? [[String: Any]])
        let ids = csvRows(try Binary.run(["sources", "--format", "json"]).stdout).count
        _ = ids
        #expect(items.allSatisfy { $0["id"] is String && $0["type"] is String })
        #expect(items.contains { $0["type"] as? String == "dataset" })
        let bib = try Binary.run(["sources", "nknews-2023-10", "--format", "bibtex"])
        #expect(bib.stdout.hasPrefix("@article{nknews-2023-10,"))
        #expect(bib.stdout.contains("url = {https://nknews.org/"))
    }

    @Test func overviewWithoutATerminal() throws {
        let run = try Binary.run([])
        #expect(run.status == 0)
        #expect(run.stdout.contains("KP-RU"))
        #expect(run.stdout.contains("crossings figures"))
    }
}

@Suite(.enabled(if: Binary.available, "the crossings executable was not built"))
struct SourcesAnnotationTests {
    /// Tests/CrossingsCoreTests/Fixtures/annotations: article-c prints four ratios and is the evidence for one erratum.
    let fixture = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
        .appendingPathComponent("CrossingsCoreTests/Fixtures/annotations").path

    @Test func sourceDetailListsItsRatiosAndErrata() throws {
        let run = try Binary.run(["sources", "article-c", "--data", fixture])
        #expect(run.status == 0, "\(run.stderr)")
        #expect(run.stdout.contains("Ratios it prints (4):"))
        #expect(run.stdout.contains("¶1     KP-RU 2024 total          about 12 times   KP-RU 2023 total  almost twelve times"), "\(run.stdout)")
        #expect(run.stdout.contains("Errata it is the evidence for (1):\n  ¶5  fsb-a/3: mistranslation: the Korean text says 636"))
        // A source without ratios or errata shows neither heading.
        let other = try Binary.run(["sources", "fsb-a", "--data", fixture])
        #expect(!other.stdout.contains("Ratios it prints") && !other.stdout.contains("Errata it is"))
    }

    @Test func sourceJSONListsRatioAndErratumIDs() throws {
        let run = try Binary.run(["sources", "article-c", "--format", "json", "--data", fixture])
        let json = try JSONSerialization.jsonObject(with: Data(run.stdout.utf8)) as? [String: Any]
        let source = try #require((json?["sources"] as? [[String: Any]])?.first)
        #expect(source["ratios"] as? [String] == ["article-c/r1", "article-c/r2", "article-c/r3", "article-c/r4"])
        #expect(source["errata"] as? [String] == ["fsb-a/3"])
    }

    @Test func validateReportsTheAnnotationFindings() throws {
        let run = try Binary.run(["validate", "--data", fixture])
        #expect(run.status == 0, "warnings do not fail validation")
        #expect(run.stdout.contains("\(fixture)/ratios.csv:3:1: warning: KP-RU 2024 total is printed as 10 times KP-RU 2023 (article-c ¶2), but 13,221 / 1,117 = 11.84"), "\(run.stdout)")
    }
}
