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
        // Written, but rows other than Russia's own were rejected: exit 1.
        #expect(run.status == 1, "\(run.stderr)")
        #expect(run.stderr.contains("5 rows not imported: 4 rejected (listed above); 1 of Russia's own, left out by design"))
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

    // MARK: rejected rows summarised by reason (issue 14)

    @Test func rejectedRowsAreCountedByReasonAndListedWithVerbose() throws {
        let dir = FileManager.default.temporaryDirectory.appendingPathComponent("crossings-import-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: dir, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: dir) }
        let path = dir.appendingPathComponent("Russia_in_master.csv").path
        var rows = ["ENG,Trans,Type,Value,ISO_A2,ISO_A3,M49,Date", "\"Korea, DR\",Air,In,5,KP,PRK,408,3/31/2010"]
        for q in ["3/31", "6/30", "9/30", "12/31"] { for mode in ["Air", "Car"] { rows.append("Russia,\(mode),In,0,RU,RUS,643,\(q)/2011") } }
        rows.append("\"Korea, DR\",Air,In,12a,KP,PRK,408,6/30/2010")
        rows.append("\"Korea, DR\",Air,In,x,KP,PRK,408,9/30/2010")
        try Data((rows.joined(separator: "\n") + "\n").utf8).write(to: URL(fileURLWithPath: path))

        let run = try Binary.run(["import", "russia-in-out", path, "--into", dir.appendingPathComponent("pkg").path])
        #expect(run.status == 1, "\(run.stderr)")
        let out = run.stdout
        #expect(out.contains("Rejected rows by reason (--verbose lists every one):"), "\(out)")
        #expect(out.contains("  8 rows: Russia's own row (ISO_A2 RU), left out by design\n    \(path):3: rejected: Russia's own row"), "\(out)")
        #expect(out.contains("    … and 5 more rows\n"), "\(out)")
        #expect(out.contains("  2 rows: a Value that is not a count\n    \(path):11: rejected: Value '12a' is not a count\n    \(path):12: rejected: Value 'x' is not a count\n"), "\(out)")
        #expect(out.components(separatedBy: ": rejected: ").count - 1 == 5, "\(out)")
        #expect(run.stderr.contains("10 rows not imported: 2 rejected (listed above); 8 of Russia's own, left out by design"), "\(run.stderr)")
        #expect(run.stderr.contains("1 figure for 1 flow;"), "\(run.stderr)")

        let verbose = try Binary.run(["import", "russia-in-out", path, "--into", dir.appendingPathComponent("pkg2").path, "--verbose"])
        #expect(verbose.status == 1)
        #expect(verbose.stdout.components(separatedBy: ": rejected: ").count - 1 == 10, "\(verbose.stdout)")
        for line in 3...12 { #expect(verbose.stdout.contains("\(path):\(line): rejected: ")) }
        #expect(!verbose.stdout.contains("by reason"))
    }

    // MARK: no data lost (issue 11)

    static let dataDir = URL(fileURLWithPath: #filePath).deletingLastPathComponent()
        .deletingLastPathComponent().deletingLastPathComponent().appendingPathComponent("data").path

    /// A scratch folder with the two input files and a copy of the bundled package in `pkg/`.
    func scratch() throws -> (dir: String, inPath: String, outPath: String, pkg: String) {
        let dir = FileManager.default.temporaryDirectory.appendingPathComponent("crossings-import-\(UUID().uuidString)").path
        try FileManager.default.createDirectory(atPath: dir + "/work", withIntermediateDirectories: true)
        let inPath = dir + "/Russia_in_master.csv", outPath = dir + "/Russia_out_master.csv"
        try Data(inFile.utf8).write(to: URL(fileURLWithPath: inPath))
        try Data(outFile.utf8).write(to: URL(fileURLWithPath: outPath))
        try FileManager.default.copyItem(atPath: Self.dataDir, toPath: dir + "/work/pkg")
        return (dir, inPath, outPath, dir + "/work/pkg")
    }

    /// Every file under `dir`, relative path → bytes.
    func snapshot(_ dir: String) -> [String: Data] {
        var all: [String: Data] = [:]
        let e = FileManager.default.enumerator(atPath: dir)
        while let name = e?.nextObject() as? String { all[name] = FileManager.default.contents(atPath: dir + "/" + name) }
        return all
    }

    @Test func aNonEmptyFolderIsRefusedWithoutForce() throws {
        let s = try scratch()
        defer { try? FileManager.default.removeItem(atPath: s.dir) }
        let before = snapshot(s.pkg)
        let run = try Binary.run(["import", "russia-in-out", s.inPath, "--into", s.pkg])
        #expect(run.status == 2)
        #expect(run.stderr == "crossings: \(s.pkg) is not empty; give --force to replace the package in it as a whole, or another --into\n")
        #expect(run.stdout.isEmpty)
        #expect(snapshot(s.pkg) == before)
    }

    @Test func forceReplacesThePackageAsAWhole() throws {
        let s = try scratch()
        defer { try? FileManager.default.removeItem(atPath: s.dir) }
        let run = try Binary.run(["import", "russia-in-out", s.inPath, s.outPath, "--into", s.pkg, "--force"])
        #expect(run.status == 1, "\(run.stderr)")
        // Only the import's files: the bundled observations.csv, ratios.csv, … are gone, not orphaned.
        #expect(Set(try FileManager.default.contentsOfDirectory(atPath: s.pkg)) == [
            "countries.csv", "categories.csv", "sources.csv", "observations-russia-in-out.csv", "events.csv", "event_dates.csv",
            "datapackage.json",
        ])
        #expect(try Binary.run(["validate", "--data", s.pkg]).status == 0)
        // Nothing left beside it.
        #expect(try FileManager.default.contentsOfDirectory(atPath: s.dir + "/work") == ["pkg"])
    }

    /// `--force` replaces the folder as a whole, so an input inside it would go with it: refused, nothing touched.
    /// And the package it writes is readable as any folder (mkdtemp alone made it 0700).
    @Test func anInputInsideTheTargetIsRefusedAndThePackageIsNotPrivate() throws {
        let s = try scratch()
        defer { try? FileManager.default.removeItem(atPath: s.dir) }
        let inside = s.pkg + "/in.csv"
        try FileManager.default.copyItem(atPath: s.inPath, toPath: inside)
        let before = snapshot(s.pkg)
        let run = try Binary.run(["import", "russia-in-out", inside, "--into", s.pkg, "--force"])
        #expect(run.status == 2, "\(run.stderr)")
        #expect(run.stderr.contains("is inside --into"), "\(run.stderr)")
        #expect(snapshot(s.pkg) == before)

        let fresh = s.dir + "/fresh"
        let made = try Binary.run(["import", "russia-in-out", s.outPath, "--into", fresh])
        #expect(made.status == 0, "\(made.stderr)")
        let mode = try #require(try FileManager.default.attributesOfItem(atPath: fresh)[.posixPermissions] as? Int)
        #expect(mode & 0o055 == 0o055 & ~Int(currentUmask()), "mode \(String(mode, radix: 8))")
    }

    func currentUmask() -> mode_t { let m = umask(0o022); umask(m); return m }

    /// A real write failure halfway (a file-size limit: the first files fit, the later ones do not)
    /// leaves the old package byte for byte as it was.
    @Test func aWriteFailingHalfwayLeavesTheOldPackageAsItWas() throws {
        let s = try scratch()
        defer { try? FileManager.default.removeItem(atPath: s.dir) }
        let before = snapshot(s.pkg)
        let binary = try #require(Binary.url).path
        let run = try runProcess(URL(fileURLWithPath: "/bin/sh"), [
            "-c", "trap '' XFSZ; ulimit -f 1; exec \"$0\" import russia-in-out \"$1\" --into \"$2\" --force", binary, s.inPath, s.pkg,
        ])
        #expect(run.status == 2, "\(run.stderr)")
        let lines = run.stderr.split(separator: "\n")
        #expect(lines.count == 1, "\(run.stderr)")
        #expect(run.stderr.hasPrefix("crossings: \(s.pkg)/"))
        #expect(run.stderr.contains("cannot write the file (file too large); the package in \(s.pkg) is left as it was"))
        #expect(!run.stderr.contains("Error Domain") && !run.stderr.contains("NSCocoaErrorDomain"))
        #expect(snapshot(s.pkg) == before)
        #expect(try FileManager.default.contentsOfDirectory(atPath: s.dir + "/work") == ["pkg"])
    }

    @Test func ioFailuresAreOneLineAndExit2() throws {
        let s = try scratch()
        defer { try? FileManager.default.removeItem(atPath: s.dir) }
        let missing = s.dir + "/nope.csv"
        let unread = try Binary.run(["import", "russia-in-out", missing, "--into", s.dir + "/new"])
        #expect(unread.status == 2)
        #expect(unread.stderr == "crossings: \(missing): cannot read the file (no such file or directory)\n")
        let folder = try Binary.run(["import", "russia-in-out", s.dir + "/work", "--into", s.dir + "/new"])
        #expect(folder.status == 2)
        #expect(folder.stderr == "crossings: \(s.dir)/work: cannot read the file (it is a folder)\n")
        // --into under a regular file: the folder cannot be made.
        let blocked = try Binary.run(["import", "russia-in-out", s.inPath, "--into", s.inPath + "/pkg"])
        #expect(blocked.status == 2)
        #expect(blocked.stderr.split(separator: "\n").count == 1, "\(blocked.stderr)")
        #expect(blocked.stderr.hasPrefix("crossings: \(s.inPath)"))
        #expect(!blocked.stderr.contains("Error Domain"))
        let file = try Binary.run(["import", "russia-in-out", s.inPath, "--into", s.inPath, "--force"])
        #expect(file.status == 2)
        #expect(file.stderr == "crossings: \(s.inPath) exists and is not a folder; give another --into\n")
        #expect(!FileManager.default.fileExists(atPath: s.dir + "/new"))
    }

    @Test func aRowWithABadByteIsRejectedAndTheOthersImported() throws {
        let s = try scratch()
        defer { try? FileManager.default.removeItem(atPath: s.dir) }
        // Line 3's country name has a Latin-1 byte (0xE9); line 4's value a stray 0xFF.
        let lines = [
            Array("ENG,Trans,Type,Value,ISO_A2,ISO_A3,M49,Date\r\n".utf8),
            Array("\"Korea, DR\",Air,In,\"1,239\",KP,PRK,408,3/31/2010\r\n".utf8),
            Array("Cura".utf8) + [0xE7] + Array("ao,Air,In,5,CW,CUW,531,3/31/2010\r\n".utf8),
            Array("\"Korea, DR\",Rail,In,9".utf8) + [0xFF] + Array(",KP,PRK,408,3/31/2010\r\n".utf8),
            Array("\"Korea, DR\",Car,In,204,KP,PRK,408,3/31/2010\r\n".utf8),
        ].flatMap { $0 }
        let bad = s.dir + "/latin1.csv"
        try Data(lines).write(to: URL(fileURLWithPath: bad))
        let run = try Binary.run(["import", "russia-in-out", bad, "--into", s.dir + "/new"])
        #expect(run.status == 1, "\(run.stderr)")
        #expect(run.stdout.contains("\(bad):3:5: rejected: byte 0xE7 is not valid UTF-8"))
        #expect(run.stdout.contains("\(bad):4:22: rejected: byte 0xFF is not valid UTF-8"))
        let row = try #require(run.stdout.split(separator: "\n").first { $0.hasPrefix(bad) })
        #expect(row.split(separator: " ").suffix(3) == ["4", "2", "2"])
        #expect(run.stderr.contains("2 rows not imported: 2 rejected (listed above)"))
        let figures = csvRows(try Binary.run(["figures", "--data", s.dir + "/new", "--format", "csv", "--flow", "KP-RU", "--measure", "transport"]).stdout)
        #expect(Set(figures.compactMap { $0["category"] }) == ["air", "road"])
    }
}
