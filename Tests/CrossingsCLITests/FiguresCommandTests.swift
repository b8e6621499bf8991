import Foundation
import Testing

/// Observations read straight from the bundled CSV files, independently of the core library.
enum RawData {
    static let dataDir = URL(fileURLWithPath: #filePath).deletingLastPathComponent()
        .deletingLastPathComponent().deletingLastPathComponent().appendingPathComponent("data")

    static func observations() throws -> [[String: String]] {
        var rows: [[String: String]] = []
        for name in try FileManager.default.contentsOfDirectory(atPath: dataDir.path) where name.hasPrefix("observations") && name.hasSuffix(".csv") {
            rows += csvRows(try String(contentsOf: dataDir.appendingPathComponent(name), encoding: .utf8))
        }
        return rows
    }
}

@Suite(.enabled(if: Binary.available, "the crossings executable was not built"))
struct FiguresCommandTests {
    @Test func csvHasExactlyTheDocumentedColumns() throws {
        let run = try Binary.run(["figures", "--flow", "KP-RU", "--format", "csv"])
        #expect(run.status == 0)
        let header = try #require(run.stdout.split(separator: "\n").first)
        let columns = "flow,period,measure,category,value,high,qualifier,status,sources,display,agrees,covers_quarters,change_percent,change_note,disputes,notes"
        #expect(header == Substring(columns))
        for row in csvRows(run.stdout) {
            #expect(row.count == columns.split(separator: ",").count)
            // The hedge is kept in display: the integer value alone would lose it.
            switch row["qualifier"]! {
            case "about": #expect(row["display"]!.hasPrefix("~"), "\(row)")
            case "at-least": #expect(row["display"]!.hasPrefix(">"), "\(row)")
            case "at-most": #expect(row["display"]!.hasPrefix("<"), "\(row)")
            default: break
            }
            #expect(["reported", "derived", "erratum", "partial"].contains(row["status"]!))
            #expect(["true", "false"].contains(row["agrees"]!))
            if row["agrees"] == "false" { #expect(row["disputes"] != "", "a marked row says why: \(row)") }
            #expect(Int(row["value"]!) != nil, "value must be a plain integer: \(row)")
            if row["status"] == "derived" { #expect(row["sources"] == "", "derived rows cite no source directly: \(row)") }
            if row["qualifier"] != "range" { #expect(row["high"] == "") }
            if row["measure"] == "total" { #expect(row["category"] == "") }
        }
    }

    @Test func everyReportedRowMatchesTheObservationsInTheDataFiles() throws {
        let run = try Binary.run(["figures", "--format", "csv"])
        #expect(run.status == 0)
        // Errata and part-period values are printed too, each with a status of its own: nothing is left out.
        let printed = csvRows(run.stdout).filter { ["reported", "erratum", "partial"].contains($0["status"]!) }
        // Every source of every raw observation is on a row of its key and value (rows of one value can
        // differ in hedge: "about 40" and "40"), and no value is printed twice with the same hedge.
        var expected: [String: Set<String>] = [:]
        for o in try RawData.observations() {
            let k = [o["flow"]!, o["period"]!, o["measure"]!, o["category"]!, o["value"]!, o["high"]!].joined(separator: "|")
            expected[k, default: []].insert(o["source"]!)
        }
        var seen: [String: Set<String>] = [:]
        var shown = Set<String>()
        for r in printed {
            let k = [r["flow"]!, r["period"]!, r["measure"]!, r["category"]!, r["value"]!, r["high"]!].joined(separator: "|")
            #expect(shown.insert(k + "|" + r["display"]! + "|" + r["status"]!).inserted, "one row per value as shown: \(k) \(r["display"]!) printed twice")
            seen[k, default: []].formUnion(r["sources"]!.split(separator: ";").map(String.init))
        }
        #expect(seen == expected)
    }

    @Test func disagreeingSourcesShowAsTwoRows() throws {
        // Find, in the raw data, a key that two sources give different exact values for.
        var byKey: [String: Set<String>] = [:]
        for o in try RawData.observations() where o["qualifier"] == "exact" {
            byKey[[o["flow"]!, o["period"]!, o["measure"]!, o["category"]!].joined(separator: "|"), default: []].insert(o["value"]!)
        }
        let disputed = try #require(byKey.first { $0.value.count > 1 && !$0.key.contains("..") })
        let parts = disputed.key.split(separator: "|", omittingEmptySubsequences: false).map(String.init)
        var args = ["figures", "--flow", parts[0], "--from", parts[1], "--to", parts[1], "--measure", parts[2], "--format", "csv"]
        if parts[2] == "total" { args += [] }
        let run = try Binary.run(args)
        // Every printed value is a row (an erratum or a part-period value with a status of its own).
        let rows = csvRows(run.stdout).filter { ["reported", "erratum", "partial"].contains($0["status"]!) && $0["period"] == parts[1] && $0["category"] == parts[3] }
        #expect(Set(rows.map { $0["value"]! }).isSuperset(of: disputed.value))
    }

    @Test func aYearIsDerivedFromItsQuartersModes() throws {
        // Sum the 2019 KP-RU transport rows straight from the data file.
        let expected = try RawData.observations()
            .filter { $0["flow"] == "KP-RU" && $0["period"]!.hasPrefix("2019-Q") && $0["measure"] == "transport" }
            .reduce(0) { $0 + Int($1["value"]!)! }
        #expect(expected > 0)
        let run = try Binary.run(["figures", "--flow", "KP-RU", "--by", "year", "--from", "2019", "--to", "2019", "--measure", "total", "--format", "csv"])
        let derived = csvRows(run.stdout).filter { $0["status"] == "derived" }
        #expect(derived.count == 1)
        #expect(derived.first?["value"] == String(expected))
        #expect(derived.first?["period"] == "2019")
    }

    @Test func jsonCarriesCitationsAndFormulas() throws {
        let run = try Binary.run(["figures", "--flow", "KP-RU", "--from", "2019", "--to", "2019", "--by", "year", "--format", "json"])
        #expect(run.status == 0)
        let object = try JSONSerialization.jsonObject(with: Data(run.stdout.utf8)) as? [String: Any]
        let figures = try #require(object?["figures"] as? [[String: Any]])
        let derived = try #require(figures.first { $0["status"] as? String == "derived" && $0["measure"] as? String == "total" })
        let formula = try #require(derived["formula"] as? String)
        #expect(formula.contains("2019-Q1") && formula.contains("2019-Q4"))
        let citations = try #require(derived["citations"] as? [[String: Any]])
        // A quarter is cited by its reported total where a source gives one, else by its five modes.
        #expect(citations.count >= 4)
        for c in citations {
            let source = try #require(c["source"] as? String), locator = try #require(c["locator"] as? String)
            #expect(!locator.isEmpty)
            if source == "russia-in-out" { #expect(locator.contains("Russia_in_master.csv:L")) }
        }
    }

    @Test func tableIsForPeople() throws {
        let run = try Binary.run(["figures", "--flow", "KP-RU", "--from", "2024", "--to", "2024", "--measure", "total"])
        #expect(run.status == 0)
        #expect(run.stdout.contains("13,221"), "thousands separators")
        #expect(run.stdout.contains("~13,000"), "approximate values marked")
        #expect(run.stdout.contains("* derived"), "legend")
        #expect(run.stdout.contains("news1-2025-rfa press-facts P6"), "citations with locators")
    }

    @Test func hedgesAndUnitsAreKeptInTheTableAndJSON() throws {
        let table = try Binary.run(["figures", "--flow", "RU-TR", "--flow", "RU-EG", "--flow", "KP-RU", "--from", "2024", "--to", "2025", "--measure", "total"])
        #expect(table.stdout.contains("~6.62 million"), "a number printed with a scale word keeps it, and its rounding")
        #expect(table.stdout.contains(">2 million"), "over 2 million")
        #expect(table.stdout.contains(">13,220"), "over 13,220")
        #expect(!table.stdout.contains("6,620,000") && !table.stdout.contains(">=2,000,000"))
        let json = try Binary.run(["figures", "--flow", "RU-TR", "--format", "json"])
        let figures = try #require((try JSONSerialization.jsonObject(with: Data(json.stdout.utf8)) as? [String: Any])?["figures"] as? [[String: Any]])
        #expect(figures.first?["value"] as? Int == 6_620_000)
        #expect(figures.first?["qualifier"] as? String == "exact")
        #expect(figures.first?["display"] as? String == "~6.62 million")
    }

    @Test func citationsInJSONCarryTheObservationsOwnChain() throws {
        let run = try Binary.run(["figures", "--flow", "KP-RU", "--from", "2024", "--to", "2024", "--measure", "estimate", "--format", "json"])
        let figures = try #require((try JSONSerialization.jsonObject(with: Data(run.stdout.utf8)) as? [String: Any])?["figures"] as? [[String: Any]])
        let citations = figures.flatMap { ($0["citations"] as? [[String: Any]]) ?? [] }
        let troops = try #require(citations.first { $0["observation"] as? String == "mediazona-2025-05-08/2" })
        #expect(troops["chain"] as? [String] == ["media reports (not named)", "Mediazona (English edition)"])
        #expect(troops["credited_agency"] as? String == "")
    }

    @Test func derivedValuesAreMarkedInTheTable() throws {
        let run = try Binary.run(["figures", "--flow", "KP-RU", "--by", "year", "--from", "2018", "--to", "2018", "--measure", "total"])
        let line = try #require(run.stdout.split(separator: "\n").first { $0.hasPrefix("KP-RU  2018") })
        #expect(line.contains("*"))
        #expect(line.contains("= 2018-Q1 + 2018-Q2 + 2018-Q3 + 2018-Q4"))
    }

    @Test func unknownFlowSaysSo() throws {
        let run = try Binary.run(["figures", "--flow", "CN-RU"])
        #expect(run.status == 0)
        #expect(run.stderr.contains("no figures for flow CN-RU"))
        #expect(run.stdout.contains("No figures match."))
    }

    @Test func worksFromAnyDirectory() throws {
        let run = try Binary.run(["figures", "--flow", "RU-KP", "--from", "2025", "--to", "2025", "--format", "csv"], cwd: "/")
        #expect(run.status == 0)
        #expect(csvRows(run.stdout).contains { $0["value"] == "9985" })
    }
}

@Suite(.enabled(if: Binary.available, "the crossings executable was not built"))
struct UsageErrorTests {
    @Test(arguments: [
        (["figures", "--from", "2024-Q5"], "--from"),
        (["figures", "--to", "soon"], "--to"),
        (["figures", "--by", "month"], "--by"),
        (["figures", "--flow", "KP"], "--flow"),
        (["figures", "--measure", "people"], "--measure"),
        (["figures", "--format", "xml"], "--format"),
        (["figures", "--from", "2025", "--to", "2024"], "--from"),
        (["events", "--tag", "weather"], "--tag"),
        (["sources", "--format", "ris"], "--format"),
        (["figures", "--bogus"], "--bogus"),
        (["nonsense"], "nonsense"),
    ])
    func usageErrorsExitTwoAndNameTheFlag(args: [String], flag: String) throws {
        let run = try Binary.run(args)
        #expect(run.status == 2, "\(args): \(run.stderr)")
        #expect(run.stderr.contains(flag), "\(args): \(run.stderr)")
        #expect(run.stdout.isEmpty)
    }

    @Test func helpExitsZero() throws {
        let run = try Binary.run(["figures", "--help"])
        #expect(run.status == 0)
        #expect(run.stdout.contains("--measure"))
    }

    @Test func missingDataFolderExitsTwo() throws {
        let run = try Binary.run(["figures", "--data", "/nonexistent/crossings-data"])
        #expect(run.status == 2)
        #expect(run.stderr.contains("/nonexistent/crossings-data"))
    }

    @Test func unknownSourceExitsTwo() throws {
        let run = try Binary.run(["sources", "no-such-source"])
        #expect(run.status == 2)
        #expect(run.stderr.contains("no source 'no-such-source'"))
    }
}
