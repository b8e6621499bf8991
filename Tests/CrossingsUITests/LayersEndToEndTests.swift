import Foundation
import Testing

/// The explorer on two packages read as one (`--data DIR --data bundled`, issue 14).
@Suite("Layered packages end to end under tmux", .timeLimit(.minutes(1)), .enabled(if: EndToEnd.tmux != nil, "tmux is not installed"),
       .enabled(if: EndToEnd.binary != nil, "the crossings executable is not built (swift build first)"))
struct LayersEndToEndTests {
    @Test("--data countries --data bundled: the title names both packages; both packages' figures are there")
    func twoLayers() throws {
        // 46 figures of the fixture and 752 bundled ones; the bundled press figures: 2024-Q3 as the press reported it.
        try TmuxSession.scenario(width: 160, height: 24, arguments: ["--data", Countries.directory, "--data", "bundled"],
                                 firstFrame: ["\(Countries.directory) + bundled: 798 figures", "KP-RU by quarter", "5,263"]) { t in
            // The fixture's flow, from the picker.
            try t.press("o", until: "search: _")
            try t.press("c", "h", "i", until: "search: chi_")
            try t.press("Enter", until: "CN-RU by quarter", "2024-Q4          180")
        }
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

        // 820 imported and 750 bundled figures, less the 410 KP readings both hold; the bundled press figures.
        try TmuxSession.scenario(width: 160, height: 24, arguments: ["--data", pkg, "--data", "bundled"],
                                 firstFrame: ["\(pkg) + bundled: 1,160 figures", "KP-RU by quarter", "5,263"]) { t in
            // The import's other country, from the picker: its last quarter, worked out from its modes.
            try t.press("o", until: "search: _")
            try t.press("c", "h", "i", until: "search: chi_")
            try t.press("Enter", until: "CN-RU by quarter", "2020-Q1      113,807*")
        }
    }

    @Test("the same package twice: one error, exit 2, the terminal restored")
    func samePackageTwice() throws {
        try TmuxSession.scenario(width: 160, height: 24, arguments: ["--data", Countries.directory, "--data", Countries.directory],
                                 firstFrame: [], quit: nil) { t in
            t.expectRestored(exit: 2)
            // (The line wraps at 160 columns: its start and its end.)
            t.wait(for: "countries/datapackage.json:1:1: error: this package is given twice (--data ")
            t.wait(for: "); give each package once")
            t.wait(for: "nothing was loaded")
        }
    }
}
