import Foundation
import Testing

/// `crossings lsp` in a real editor: Neovim, headless, runs Tests/Editors/nvim-lsp.lua (diagnostics,
/// hover, code action, the change after it). `.ci/run` installs neovim; without it the test is
/// skipped, saying so.
@Suite(.enabled(if: Binary.available, "the crossings executable was not built"))
struct NeovimLSPTests {
    static let script = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
        .appendingPathComponent("Editors/nvim-lsp.lua").path

    @Test(.enabled(if: Tool.find("nvim") != nil, "nvim is not installed (apt-get install neovim; .ci/run installs it)"))
    func neovimShowsDiagnosticsHoverAndAppliesTheFix() throws {
        let result = FileManager.default.temporaryDirectory.appendingPathComponent("crossings-nvim-\(UUID().uuidString).txt").path
        defer { try? FileManager.default.removeItem(atPath: result) }
        let run = try runProcess(URL(fileURLWithPath: Tool.find("nvim")!), ["--headless", "-u", "NONE", "-c", "luafile \(Self.script)"],
                                 env: ["CROSSINGS_BIN": Binary.url!.path, "CROSSINGS_NVIM_RESULT": result])
        let report = (try? String(contentsOfFile: result, encoding: .utf8)) ?? "(no result file)\n\(run.stderr)"
        #expect(run.status == 0, "\(report)")
        // The script ran to its end: every check it makes is listed, none failed.
        let lines = report.split(separator: "\n")
        #expect(lines.count == 14 && lines.allSatisfy { $0.hasPrefix("ok ") }, "\(report)")
    }
}
