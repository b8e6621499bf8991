import Foundation
import Testing

/// `crossings import russia-in-out` on small files in the compilation's format
/// (made up numbers; the quirks are the real file's: CRLF, quoted thousands,
/// names with commas, a non-standard code, Russia's own rows).
@Suite(.enabled(if: Binary.available, "the crossings executable was not built"))
struct ImportCommandTests {
    let inFile = [
        "ENG,Trans,Type,Value,ISO_A2,ISO_A3,M49,Date",
        "Abkhazia,Car,In,\"6,734\",XB,XAB,949,3/31/2010",
        "\"Korea, DR\",Air,In,\"1,239\",KP,PRK,408,3/31/2010",
        "\"Korea, DR\",Rail,In,933,KP,PRK,408,3/31/2010",
        "\"Korea, DR\",Car,In,204,KP,PRK,408,3/31/2010",
        "\"Korea, DR\",Ship,In,0,KP,PRK,408,3/31/2010",
        "\"Korea, DR\",Walk,In,1,KP,PRK,408,3/31/2010",
        "Russia,Air,In,0,RU,RUS,643,3/31/2010",
        "\"Korea, DR\",Air,In,12a,KP,PRK,408,6/30/2010",
        "\"Korea, DR\",Air,In,5,KP,PRK,408,5/31/2010",
        "\"Korea, DR\",Boat,In,5,KP,PRK,408,6/30/2010",
        "\"Korea, DR\",Air,In,\"1,239\",KP,PRK,408,3/31/2010",
    ].joined(separator: "\r\n") + "\r\n"
    let outFile = [
        "ENG,Trans,Type,Value,ISO_A2,ISO_A3,M49,Date",
        "\"Korea, DR\",Air,Out,28,KP,PRK,408,3/31/2010",
    ].joined(separator: "\r\n") + "\r\n"

    @Test func everyRowIsAccountedFor() throws {
        let dir = FileManager.default.temporaryDirectory.appendingPathComponent("crossings-import-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: dir, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: dir) }
        let inPath = dir.appendingPathComponent("Russia_in_master.csv").path
        let outPath = dir.appendingPathComponent("Russia_out_master.csv").path
        try Data(inFile.utf8).write(to: URL(fileURLWithPath: inPath))
        try Data(outFile.utf8).write(to: URL(fileURLWithPath: outPath))
        let pkg = dir.appendingPathComponent("pkg").path

        let run = try Binary.run(["import", "russia-in-out", inPath, outPath, "--into", pkg])
        #expect(run.status == 0, "\(run.stderr)")
        // 11 rows in: 6 imported; rejected: Russia's own, a bad value, a date that ends no quarter, an unknown mode, a duplicate.
        let inLine = try #require(run.stdout.split(separator: "\n").first { $0.hasPrefix(inPath) })
        #expect(inLine.split(separator: " ", omittingEmptySubsequences: true).suffix(3) == ["11", "6", "5"])
        #expect(run.stdout.contains("\(inPath):8: rejected: Russia's own row"))
        #expect(run.stdout.contains("\(inPath):9: rejected: Value '12a' is not a count"))
        #expect(run.stdout.contains("\(inPath):10: rejected: Date '5/31/2010' is not the last day of a quarter"))
        #expect(run.stdout.contains("\(inPath):11: rejected: unknown mode of transport 'Boat'"))
        #expect(run.stdout.contains("\(inPath):12: rejected: duplicate of line 3"))

        // The package loads, keeps the copyright line, and its numbers are the file's.
        #expect(try Binary.run(["validate", "--data", pkg]).status == 0)
        let sources = try String(contentsOfFile: pkg + "/sources.csv", encoding: .utf8)
        #expect(sources.contains("Copyright (c) 2020 Maxim Kobzev"))
        let figures = csvRows(try Binary.run(["figures", "--data", pkg, "--format", "csv", "--flow", "KP-RU"]).stdout)
        let total = try #require(figures.first { $0["measure"] == "total" && $0["period"] == "2010-Q1" })
        let modes: [Int] = [1239, 933, 204, 0, 1]
        #expect(total["value"] == String(modes.reduce(0, +)))
        #expect(total["status"] == "derived")
        let countries = try String(contentsOfFile: pkg + "/countries.csv", encoding: .utf8)
        #expect(countries.contains("KP,\"Korea, DR\""))
        #expect(countries.contains("XB,Abkhazia"))
        let out = csvRows(try Binary.run(["figures", "--data", pkg, "--format", "csv", "--flow", "RU-KP", "--measure", "transport"]).stdout)
        #expect(out.contains { $0["category"] == "air" && $0["value"] == "28" && $0["status"] == "reported" })
    }

    @Test func aFileWithAnotherHeaderIsRefused() throws {
        let path = FileManager.default.temporaryDirectory.appendingPathComponent("crossings-bad-\(UUID().uuidString).csv").path
        try Data("a,b\n1,2\n".utf8).write(to: URL(fileURLWithPath: path))
        defer { try? FileManager.default.removeItem(atPath: path) }
        let run = try Binary.run(["import", "russia-in-out", path, "--into", path + "-pkg"])
        #expect(run.status == 2)
        #expect(run.stderr.contains("\(path):1:1: error: expected the header ENG,Trans,Type,Value"))
    }
}
