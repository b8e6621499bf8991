import Foundation
import Testing

/// `crossings-generate`: the synthetic package for the scale benchmark (docs/performance.md).
@Suite(.enabled(if: Binary.available && Binary.generatorURL != nil, "crossings or crossings-generate was not built"))
struct GeneratorTests {
    /// Runs the generator into a fresh directory and returns it (the caller removes it).
    func generate(rows: Int, seed: Int, format: String? = nil) throws -> URL {
        let dir = FileManager.default.temporaryDirectory.appendingPathComponent("crossings-generate-\(UUID().uuidString)")
        let process = Process()
        process.executableURL = try #require(Binary.generatorURL)
        process.arguments = (format.map { ["--format", $0] } ?? []) + ["--observations", String(rows), "--seed", String(seed), "--into", dir.path]
        process.standardError = FileHandle.nullDevice
        try process.run()
        process.waitUntilExit()
        #expect(process.terminationStatus == 0)
        return dir
    }

    func bytes(_ dir: URL) throws -> [String: Data] {
        var files: [String: Data] = [:]
        for name in try FileManager.default.contentsOfDirectory(atPath: dir.path) {
            files[name] = try Data(contentsOf: dir.appendingPathComponent(name))
        }
        return files
    }

    @Test func sameSeedSameBytesOtherSeedOtherBytes() throws {
        let a = try generate(rows: 2000, seed: 7), b = try generate(rows: 2000, seed: 7), c = try generate(rows: 2000, seed: 8)
        defer { for d in [a, b, c] { try? FileManager.default.removeItem(at: d) } }
        let first = try bytes(a)
        #expect(Set(first.keys) == ["datapackage.json", "countries.csv", "categories.csv", "sources.csv",
                                    "observations-synthetic.csv", "events.csv", "event_dates.csv"])
        #expect(first == (try bytes(b)))
        #expect(first["observations-synthetic.csv"] != (try bytes(c))["observations-synthetic.csv"])
    }

    @Test func writesAValidPackageOfExactlyNObservations() throws {
        let dir = try generate(rows: 2000, seed: 7)
        defer { try? FileManager.default.removeItem(at: dir) }
        let run = try Binary.run(["validate", "--data", dir.path])
        #expect(run.status == 0, "\(run.stdout)\(run.stderr)")

        let text = try String(contentsOf: dir.appendingPathComponent("observations-synthetic.csv"), encoding: .utf8)
        let rows = csvRows(text)
        #expect(rows.count == 2000)
        #expect(Set(rows.map { $0["id"] ?? "" }).count == 2000)
        #expect(rows.allSatisfy { $0["measure"] == "transport" && $0["source"] == "synthetic" && $0["qualifier"] == "exact" })
        #expect(Set(rows.compactMap { $0["category"] }) == ["air", "rail", "road", "sea", "foot"])
        #expect(rows.first?["locator"] == "synthetic:L2")
        #expect(rows.contains { $0["value"] == "0" })
        // printed is the value with thousands separators
        #expect(rows.allSatisfy { row in
            guard let v = Int(row["value"] ?? "") else { return false }
            var grouped = String(v)
            for i in stride(from: grouped.count - 3, to: 0, by: -3) {
                grouped.insert(",", at: grouped.index(grouped.startIndex, offsetBy: i))
            }
            return row["printed"] == grouped
        })
        // both directions, and the source says it is synthetic
        #expect(rows.contains { $0["flow"]?.hasSuffix("-RU") == true } && rows.contains { $0["flow"]?.hasPrefix("RU-") == true })
        #expect(try String(contentsOf: dir.appendingPathComponent("sources.csv"), encoding: .utf8).contains("SYNTHETIC"))
    }

    // MARK: --format russia-in-out (issue 15: the benchmark's raw compilation CSV)

    /// Rows of a file in the compilation's format (CRLF lines), as field dictionaries.
    func rawRows(_ url: URL) throws -> [[String: String]] {
        let text = try String(contentsOf: url, encoding: .utf8)
        return csvRows(text.replacingOccurrences(of: "\r\n", with: "\n"))
    }

    @Test func rawFormatIsTheCompilationsAndDeterministic() throws {
        let a = try generate(rows: 3000, seed: 7, format: "russia-in-out"), b = try generate(rows: 3000, seed: 7, format: "russia-in-out")
        defer { for d in [a, b] { try? FileManager.default.removeItem(at: d) } }
        let first = try bytes(a)
        #expect(Set(first.keys) == ["Russia_in_master.csv", "Russia_out_master.csv"])
        #expect(first == (try bytes(b)))
        var total = 0
        for (name, type) in [("Russia_in_master.csv", "In"), ("Russia_out_master.csv", "Out")] {
            let text = String(decoding: try #require(first[name]), as: UTF8.self)
            // The compilation's header and line ends, exactly.
            #expect(text.hasPrefix("ENG,Trans,Type,Value,ISO_A2,ISO_A3,M49,Date\r\n"))
            #expect(text.hasSuffix("\r\n") && !text.replacingOccurrences(of: "\r\n", with: "").contains("\n"))
            let rows = try rawRows(a.appendingPathComponent(name))
            total += rows.count
            #expect(rows.allSatisfy { $0["Type"] == type })
            #expect(Set(rows.compactMap { $0["Trans"] }) == ["Air", "Car", "Rail", "Ship", "Walk"])
            #expect(rows.allSatisfy { ["3/31/2000", "6/30/2000"].contains($0["Date"] ?? "") })
            // Values: plain under 1,000, else with thousands separators (quoted in the file).
            #expect(rows.allSatisfy { row in
                let v = row["Value"] ?? ""
                return v.range(of: #"^([0-9]{1,3}|[1-9][0-9]{0,2}(,[0-9]{3})+)$"#, options: .regularExpression) != nil
            })
            #expect(rows.contains { $0["Value"]?.contains(",") == true } && rows.contains { $0["Value"] == "0" })
            // A value with separators is quoted, as in the compilation ("6,734"), never bare.
            #expect(text.range(of: #",(In|Out),[0-9]{1,3},[0-9]{3}"#, options: .regularExpression) == nil)
            #expect(text.range(of: #",(In|Out),"[0-9]{1,3}(,[0-9]{3})+","#, options: .regularExpression) != nil)
            // Real codes from the compilation; a name with a comma is quoted.
            #expect(rows.contains { $0["ISO_A2"] == "CN" && $0["ISO_A3"] == "CHN" && $0["M49"] == "156" && $0["ENG"] == "China" })
            #expect(text.contains(#""Congo, Democratic Republic","#))
        }
        #expect(total == 3000)
    }

    /// `crossings import russia-in-out` of the raw files gives the synthetic package's numbers:
    /// the same keys (flow, period, category) with the same values, no row more or less.
    @Test func importOfTheRawFilesHasTheSyntheticPackagesNumbers() throws {
        let package = try generate(rows: 3000, seed: 7), raw = try generate(rows: 3000, seed: 7, format: "russia-in-out")
        let imported = FileManager.default.temporaryDirectory.appendingPathComponent("crossings-generate-import-\(UUID().uuidString)")
        defer { for d in [package, raw, imported] { try? FileManager.default.removeItem(at: d) } }
        let run = try Binary.run(["import", "russia-in-out", raw.appendingPathComponent("Russia_in_master.csv").path,
                                  raw.appendingPathComponent("Russia_out_master.csv").path, "--into", imported.path])
        #expect(run.status == 0, "\(run.stdout)\(run.stderr)")
        func numbers(_ url: URL) throws -> [String: String] {
            let rows = csvRows(try String(contentsOf: url, encoding: .utf8))
            var out: [String: String] = [:]
            for row in rows { out["\(row["flow"] ?? "") \(row["period"] ?? "") \(row["measure"] ?? "") \(row["category"] ?? "")"] = row["value"] }
            #expect(out.count == rows.count)
            return out
        }
        let synthetic = try numbers(package.appendingPathComponent("observations-synthetic.csv"))
        let fromRaw = try numbers(imported.appendingPathComponent("observations-russia-in-out.csv"))
        #expect(synthetic.count == 3000)
        #expect(fromRaw == synthetic)
        // And the question the benchmark asks gets the same answer from both.
        let ask = ["figures", "--flow", "CN-RU", "--by", "quarter", "--measure", "total", "--format", "csv"]
        let a = try Binary.run(ask + ["--data", package.path]), b = try Binary.run(ask + ["--data", imported.path])
        #expect(a.status == 0 && b.status == 0)
        func values(_ text: String) -> [String] { csvRows(text).map { "\($0["period"] ?? "") \($0["measure"] ?? "") \($0["value"] ?? "")" } }
        #expect(!values(a.stdout).isEmpty)
        #expect(values(a.stdout) == values(b.stdout))
    }
}
