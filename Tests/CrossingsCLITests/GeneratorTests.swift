import Foundation
import Testing

/// `crossings-generate`: the synthetic package for the scale benchmark (docs/performance.md).
@Suite(.enabled(if: Binary.available && Binary.generatorURL != nil, "crossings or crossings-generate was not built"))
struct GeneratorTests {
    /// Runs the generator into a fresh directory and returns it (the caller removes it).
    func generate(rows: Int, seed: Int) throws -> URL {
        let dir = FileManager.default.temporaryDirectory.appendingPathComponent("crossings-generate-\(UUID().uuidString)")
        let process = Process()
        process.executableURL = try #require(Binary.generatorURL)
        process.arguments = ["--observations", String(rows), "--seed", String(seed), "--into", dir.path]
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
}
