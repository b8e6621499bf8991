import Foundation
import Testing

/// `--data` given more than once reads the packages as one; `bundled` names the bundled package
/// (issue 14; docs/data-format.md, "Layering packages"). Fixtures/layers: a and b share a key with
/// different values; collide reuses a's source and observation ids.
@Suite(.enabled(if: Binary.available, "the crossings executable was not built"))
struct LayeredPackageTests {
    static let fixtures = URL(fileURLWithPath: #filePath).deletingLastPathComponent().appendingPathComponent("Fixtures/layers").path
    let a = fixtures + "/a", b = fixtures + "/b", collide = fixtures + "/collide"

    /// The lines of a `figures --wide` table for one period's total.
    func rows(_ out: String, _ prefix: String) -> [String] {
        out.split(separator: "\n").map(String.init).filter { $0.hasPrefix(prefix) }
    }

    @Test func twoLayersAreReadAsOneAndTheirFiguresCompared() throws {
        let run = try Binary.run(["figures", "--data", a, "--data", b, "--flow", "KP-RU", "--from", "2020", "--to", "2020", "--measure", "total", "--wide"])
        #expect(run.status == 0, "\(run.stderr)")
        let year = rows(run.stdout, "KP-RU  2020     total")
        // a's two press values and b's dataset value, each with its source, all marked as disagreeing.
        // (The note's number follows the halves' notes: the default listing has the derived halves too.)
        #expect(year.contains { $0.contains("100  ![") && $0.hasSuffix("press-b P1") }, "\(run.stdout)")
        #expect(year.contains { $0.contains("120  ![") && $0.hasSuffix("layer-b L1") }, "\(run.stdout)")
        #expect(run.stdout.contains("2020: sources disagree (100 vs ~100 vs 120)"))
        // Quarters come from a alone.
        #expect(rows(run.stdout, "KP-RU  2020-Q1  total").first?.hasSuffix("fsb-a L1") == true)
    }

    @Test func eachLayerKeepsItsOwnFileInCitations() throws {
        let run = try Binary.run(["figures", "--data", a, "--data", b, "--flow", "KP-RU", "--measure", "total", "--format", "json"])
        #expect(run.status == 0, "\(run.stderr)")
        #expect(run.stdout.contains("\(b)/observations.csv"), "\(run.stdout.prefix(2000))")
        #expect(run.stdout.contains("\(a)/observations.csv"))
    }

    @Test func aCollidingIdIsAnErrorNamingBothFilesAndNothingIsLoaded() throws {
        let run = try Binary.run(["figures", "--data", a, "--data", collide])
        #expect(run.status == 2)
        #expect(run.stdout.isEmpty)
        #expect(run.stderr.contains("\(collide)/sources.csv:2:1: error: source id 'press-b' is also in \(a)/sources.csv:3:1"), "\(run.stderr)")
        #expect(run.stderr.contains("\(collide)/observations.csv:2:1: error: observation id 'press-b/1' is also in \(a)/observations.csv:6:1"))
        #expect(run.stderr.contains("nothing was loaded (run `crossings validate --data \(a) --data \(collide)` for details)"))
        let validate = try Binary.run(["validate", "--data", a, "--data", collide])
        #expect(validate.status == 1)
        #expect(validate.stdout.contains("\(collide)/sources.csv:2:1: error: source id 'press-b' is also in \(a)/sources.csv:3:1"))
    }

    @Test func bundledLayersOverAPackageAndDisagreementsAreMarked() throws {
        let run = try Binary.run(["figures", "--data", b, "--data", "bundled", "--flow", "KP-RU", "--from", "2024", "--to", "2024", "--measure", "total", "--wide"])
        #expect(run.status == 0, "\(run.stderr)")
        let year = rows(run.stdout, "KP-RU  2024     total")
        #expect(year.contains { $0.contains("15,000  ![") && $0.hasSuffix("layer-b L2") }, "\(run.stdout)")
        #expect(year.contains { $0.contains("13,221  ![") && $0.contains("online-ua-2025-02-09 ¶19") }, "\(run.stdout)")
        #expect(run.stdout.contains("2024: sources disagree (15,000 vs ~13,000 vs 13,221 vs >13,220)"))
        // The bundled events and sources come along.
        let events = try Binary.run(["events", "--data", b, "--data", "bundled", "--format", "csv"])
        #expect(events.status == 0)
        #expect(events.stdout.contains("layer-b-event"))
        #expect(events.stdout.split(separator: "\n").count > 20)
        let sources = try Binary.run(["sources", "--data", b, "--data", "bundled", "--wide"])
        #expect(sources.stdout.contains("layer-b") && sources.stdout.contains("online-ua-2025-02-09"))
    }

    @Test func bundledAloneIsTheBundledPackageAndAFolderNamedBundledIsDotSlash() throws {
        let plain = try Binary.run(["validate"])
        let keyword = try Binary.run(["validate", "--data", "bundled"])
        #expect(keyword.status == plain.status && keyword.stderr == plain.stderr, "\(keyword.stderr)")
        // A folder called bundled is read through ./bundled.
        let dir = FileManager.default.temporaryDirectory.appendingPathComponent("crossings-layers-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: dir, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: dir) }
        try FileManager.default.copyItem(atPath: b, toPath: dir.appendingPathComponent("bundled").path)
        let folder = try Binary.run(["validate", "--data", "./bundled"], cwd: dir.path)
        #expect(folder.status == 0, "\(folder.stdout)\(folder.stderr)")
        #expect(folder.stderr.contains("./bundled: valid — 2 figures, 1 event, 1 source"), "\(folder.stderr)")
    }

    @Test func theOverviewNamesEveryLayer() throws {
        let run = try Binary.run(["--data", b, "--data", "bundled"])
        #expect(run.status == 0, "\(run.stderr)")
        #expect(run.stdout.contains("Data package: \(b) + bundled — "), "\(run.stdout)")
    }

    static let slice = URL(fileURLWithPath: #filePath).deletingLastPathComponent().appendingPathComponent("Fixtures/russia-in-out-slice").path

    /// A temporary folder holding `crossings import russia-in-out` of the real compilation's KP and CN
    /// rows (Fixtures/russia-in-out-slice) in `full`; removed by the caller.
    func importSlice() throws -> (dir: URL, pkg: String) {
        let dir = FileManager.default.temporaryDirectory.appendingPathComponent("crossings-layers-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: dir, withIntermediateDirectories: true)
        let pkg = dir.appendingPathComponent("full").path
        let imported = try Binary.run(["import", "russia-in-out", Self.slice + "/Russia_in_master.csv", Self.slice + "/Russia_out_master.csv", "--into", pkg])
        #expect(imported.status == 0, "\(imported.stderr)")
        return (dir, pkg)
    }

    /// The headline case: an import and the bundled package, which both hold the
    /// compilation's KP rows, read as one. The compilation is one source, each of its readings one
    /// reading, and its numbers are what the import alone says; the bundled press figures and events
    /// are there too.
    @Test func anImportAndTheBundledPackageAreReadAsOneWithTheCompilationOnce() throws {
        let (dir, pkg) = try importSlice()
        defer { try? FileManager.default.removeItem(at: dir) }
        // 820 imported + 750 bundled, less the bundled package's 410 KP readings that the import holds.
        let overview = try Binary.run(["--data", pkg, "--data", "bundled"])
        #expect(overview.status == 0, "\(overview.stderr)")
        #expect(overview.stdout.contains("Data package: \(pkg) + bundled — 1,160 figures, 45 events, 94 sources"), "\(overview.stdout)")

        // The compilation's numbers (quarters, their totals, years; both flows; China too) are the import's alone.
        for flow in ["KP-RU", "RU-KP", "CN-RU"] {
            for by in ["quarter", "year"] {
                let args = ["figures", "--flow", flow, "--from", "2010", "--to", "2019", "--by", by, "--measure", "transport", "--format", "csv"]
                let alone = try Binary.run(args + ["--data", pkg]), layered = try Binary.run(args + ["--data", pkg, "--data", "bundled"])
                #expect(alone.status == 0 && layered.status == 0, "\(layered.stderr)")
                #expect(layered.stdout == alone.stdout, "\(flow) by \(by)")
                #expect(alone.stdout.split(separator: "\n").count > 40)
            }
        }
        // One quarter's air count: one citation, the import's row (the first package's), not two agreeing sources.
        let air = try Binary.run(["figures", "--data", pkg, "--data", "bundled", "--flow", "KP-RU", "--from", "2015-Q1", "--to", "2015-Q1", "--measure", "transport", "--wide"])
        let airRows = rows(air.stdout, "KP-RU  2015-Q1  transport/air")
        #expect(airRows.count == 1 && airRows[0].contains("3,445") && airRows[0].hasSuffix("russia-in-out Russia_in_master.csv:L308"), "\(air.stdout)")
        // The bundled package first: its row is the one kept.
        let bundledFirst = try Binary.run(["figures", "--data", "bundled", "--data", pkg, "--flow", "KP-RU", "--from", "2015-Q1", "--to", "2015-Q1", "--measure", "transport", "--wide"])
        #expect(rows(bundledFirst.stdout, "KP-RU  2015-Q1  transport/air") == [airRows[0].replacingOccurrences(of: "L308", with: "L16963")], "\(bundledFirst.stdout)")
        // One source, with the bundled row.
        let sources = try Binary.run(["sources", "--data", pkg, "--data", "bundled", "--format", "json"])
        #expect(sources.stdout.components(separatedBy: "\"id\" : \"russia-in-out\"").count - 1 == 1, "\(sources.stdout.prefix(500))")
        // The bundled press figures and events.
        let press = try Binary.run(["figures", "--data", pkg, "--data", "bundled", "--flow", "KP-RU", "--from", "2024", "--to", "2024", "--measure", "total", "--wide"])
        #expect(rows(press.stdout, "KP-RU  2024     total").contains { $0.contains("13,221") && $0.contains("online-ua-2025-02-09 ¶19") }, "\(press.stdout)")
        let events = try Binary.run(["events", "--data", pkg, "--data", "bundled", "--format", "csv"])
        #expect(events.status == 0 && events.stdout.split(separator: "\n").count > 40)
        let validate = try Binary.run(["validate", "--data", pkg, "--data", "bundled"])
        #expect(validate.status == 0, "\(validate.stdout)\(validate.stderr)")
    }

    /// The file an import wrote, with `from` replaced by `to` (which must be there).
    func edit(_ pkg: String, _ file: String, _ from: String, _ to: String) throws {
        let path = pkg + "/" + file
        let text = try String(contentsOfFile: path, encoding: .utf8)
        #expect(text.contains(from))
        try text.replacingOccurrences(of: from, with: to).write(toFile: path, atomically: true, encoding: .utf8)
    }

    @Test func oneSourceDefinedTwoWaysIsAnErrorNamingBothRowsAndTheField() throws {
        let (dir, pkg) = try importSlice()
        defer { try? FileManager.default.removeItem(at: dir) }
        try edit(pkg, "sources.csv", "2020-09-15", "2020-09-16")
        let run = try Binary.run(["figures", "--data", pkg, "--data", "bundled"])
        #expect(run.status == 2 && run.stdout.isEmpty)
        #expect(run.stderr.contains("bundled:sources.csv:18:1: error: source id 'russia-in-out' is also in \(pkg)/sources.csv:2:1 (another --data package) with a different date: '2020-09-15' here, '2020-09-16' there"), "\(run.stderr)")
        #expect(run.stderr.split(separator: "\n").count == 2)
    }

    /// One source giving another value for a key in the other package is another reading of it, as
    /// when one package gives both: both shown, marked `!`, a validate warning, whatever the order.
    @Test func oneSourceGivingTwoValuesForOneKeyIsTwoReadingsMarkedInEitherOrder() throws {
        let (dir, pkg) = try importSlice()
        defer { try? FileManager.default.removeItem(at: dir) }
        try edit(pkg, "observations-russia-in-out.csv", "air,3445,,exact,\"3,445\"", "air,3446,,exact,\"3,446\"")
        for order in [[pkg, "bundled"], ["bundled", pkg]] {
            let data = order.flatMap { ["--data", $0] }
            let run = try Binary.run(["figures"] + data + ["--flow", "KP-RU", "--from", "2015-Q1", "--to", "2015-Q1", "--by", "quarter", "--measure", "transport"])
            #expect(run.status == 0, "\(run.stderr)")
            let air = run.stdout.split(separator: "\n").filter { $0.hasPrefix("KP-RU  2015-Q1  transport/air") }
            #expect(air.count == 2 && air.allSatisfy { $0.contains("![1]") }, "\(run.stdout)")
            #expect(air.contains { $0.contains("3,445") } && air.contains { $0.contains("3,446") })
            let validate = try Binary.run(["validate"] + data)
            #expect(validate.status == 0)
            #expect(validate.stdout.contains("KP-RU 2015-Q1 transport/air: sources disagree: 3,44") || validate.stderr.contains("KP-RU 2015-Q1 transport/air: sources disagree: 3,44"), "\(validate.stdout)\(validate.stderr)")
        }
    }

    /// The same package twice is one error, not one per row naming one file twice.
    @Test func theSamePackageTwiceIsOneError() throws {
        for (args, message) in [
            (["--data", a, "--data", a], "\(a)/datapackage.json:1:1: error: this package is given twice (--data \(a)); give each package once"),
            (["--data", a, "--data", a + "/../a/"], "\(a)/../a/datapackage.json:1:1: error: --data \(a)/../a/ is the same package as --data \(a) ("),
            (["--data", "bundled", "--data", b, "--data", "bundled"], "bundled:datapackage.json:1:1: error: the bundled package is given twice (--data bundled); give each package once"),
        ] {
            let run = try Binary.run(["figures"] + args)
            #expect(run.status == 2 && run.stdout.isEmpty)
            #expect(run.stderr.hasPrefix(message), "\(run.stderr)")
            #expect(run.stderr.split(separator: "\n").count == 2, "\(run.stderr)")
        }
    }
}
