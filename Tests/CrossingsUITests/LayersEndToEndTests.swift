import Foundation
import Testing

/// The explorer on two packages read as one (`--data DIR --data bundled`, issue 14).
@Suite("Layered packages end to end under tmux", .timeLimit(.minutes(1)), .enabled(if: EndToEnd.tmux != nil, "tmux is not installed"),
       .enabled(if: EndToEnd.binary != nil, "the crossings executable is not built (swift build first)"))
struct LayersEndToEndTests {
    @Test("--data countries --data bundled: the title names both packages; both packages' figures are there")
    func twoLayers() throws {
        let t = try TmuxSession(width: 160, height: 24, arguments: ["--data", Countries.directory, "--data", "bundled"])
        // 46 figures of the fixture and 752 bundled ones.
        t.wait(for: "\(Countries.directory) + bundled: 798 figures")
        t.wait(for: "KP-RU by quarter")
        // The bundled press figures: 2024-Q3 as the press reported it.
        t.wait(for: "5,263")
        // The fixture's flow, from the picker.
        try t.keys("o")
        t.wait(for: "search: _")
        try t.keys("c", "h", "i")
        t.wait(for: "search: chi_")
        try t.keys("Enter")
        t.wait(for: "CN-RU by quarter")
        t.wait(for: "2024-Q4          180")
        try t.keys("q")
        t.expectRestored(exit: 0)
    }

    /// `crossings import russia-in-out` of the real compilation's KP and CN rows
    /// (CrossingsCLITests/Fixtures/russia-in-out-slice) beside the bundled package, which holds the
    /// same KP rows: the two read as one, without error, the compilation's readings once.
    @Test("--data <an import> --data bundled: the title names both packages; the import's figures and the bundled press figures")
    func anImportAndTheBundledPackage() throws {
        let slice = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
            .appendingPathComponent("CrossingsCLITests/Fixtures/russia-in-out-slice").path
        let dir = FileManager.default.temporaryDirectory.appendingPathComponent("crossings-e2e-\(UUID().uuidString.prefix(8))")
        try FileManager.default.createDirectory(at: dir, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: dir) }
        let pkg = dir.appendingPathComponent("full").path
        let importer = Process()
        importer.executableURL = URL(fileURLWithPath: try #require(EndToEnd.binary))
        importer.arguments = ["import", "russia-in-out", slice + "/Russia_in_master.csv", slice + "/Russia_out_master.csv", "--into", pkg]
        importer.standardOutput = FileHandle.nullDevice
        importer.standardError = FileHandle.nullDevice
        try importer.run()
        importer.waitUntilExit()
        #expect(importer.terminationStatus == 0)

        let t = try TmuxSession(width: 160, height: 24, arguments: ["--data", pkg, "--data", "bundled"])
        // 820 imported and 750 bundled figures, less the 410 KP readings both hold.
        t.wait(for: "\(pkg) + bundled: 1,160 figures")
        t.wait(for: "KP-RU by quarter")
        // The bundled press figures: 2024-Q3 as the press reported it.
        t.wait(for: "5,263")
        // The import's other country, from the picker: its last quarter, worked out from its modes.
        try t.keys("o")
        t.wait(for: "search: _")
        try t.keys("c", "h", "i")
        t.wait(for: "search: chi_")
        try t.keys("Enter")
        t.wait(for: "CN-RU by quarter")
        t.wait(for: "2020-Q1      113,807*")
        try t.keys("q")
        t.expectRestored(exit: 0)
    }

    @Test("the same package twice: one error, exit 2, the terminal restored")
    func samePackageTwice() throws {
        let t = try TmuxSession(width: 160, height: 24, arguments: ["--data", Countries.directory, "--data", Countries.directory])
        t.expectRestored(exit: 2)
        // (The line wraps at 160 columns: its start and its end.)
        t.wait(for: "countries/datapackage.json:1:1: error: this package is given twice (--data ")
        t.wait(for: "); give each package once")
        t.wait(for: "nothing was loaded")
    }
}
