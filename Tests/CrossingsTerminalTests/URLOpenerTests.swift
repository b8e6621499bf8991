import CrossingsTerminal
import CrossingsUI
import Foundation
import Testing

/// The backend's part of `O`: the program on PATH gets the URL as its one argument (no shell), or
/// the URL is copied when there is none; a hostile URL is refused before anything runs.
@Suite struct URLOpenerTests {
    /// A directory holding a fake opener that writes its arguments, one a line, to `args`.
    func fakeOpener() throws -> String {
        let dir = FileManager.default.temporaryDirectory.appendingPathComponent("crossings-opener-\(UUID().uuidString.prefix(8))").path
        try FileManager.default.createDirectory(atPath: dir, withIntermediateDirectories: true)
        let script = dir + "/" + URLOpener.programName
        try "#!/bin/sh\nprintf '%s\\n' \"$@\" > '\(dir)/args.tmp'\nmv '\(dir)/args.tmp' '\(dir)/args'\n"
            .write(toFile: script, atomically: true, encoding: .utf8)
        chmod(script, 0o755)
        return dir
    }

    func waitForFile(_ path: String) -> String? {
        for _ in 0..<100 {
            if let text = try? String(contentsOfFile: path, encoding: .utf8) { return text }
            usleep(50_000)
        }
        return nil
    }

    @Test func opensWithTheProgramOnPATH() throws {
        let dir = try fakeOpener()
        defer { try? FileManager.default.removeItem(atPath: dir) }
        var copied: [String] = []
        let url = "https://example.org/a?b=c&d=$(touch%20x)"
        let result = URLOpener.perform(url, environment: ["PATH": "relative:\(dir):/usr/bin:/bin"]) { copied.append($0) }
        #expect(result == .urlOpened(url, by: URLOpener.programName))
        #expect(copied.isEmpty)
        #expect(waitForFile(dir + "/args") == url + "\n")
    }

    @Test func copiesWhenThereIsNoProgram() throws {
        var copied: [String] = []
        let url = "https://example.org/"
        #expect(URLOpener.perform(url, environment: ["PATH": "/nonexistent"]) { copied.append($0) } == .urlCopied(url))
        #expect(copied == [url])
        #expect(URLOpener.perform(url, environment: [:]) { _ in } == .urlCopied(url))
    }

    @Test("hostile URLs are refused and nothing runs", arguments: [
        "javascript:alert(1)", "https://example.org/\u{1B}]52;c;AAAA\u{07}", "https://example.org/\u{9C}",
        "https://example.org/a b", "file:///etc/passwd", "https://example.org/" + String(repeating: "a", count: 5000),
    ])
    func refused(_ url: String) throws {
        let dir = try fakeOpener()
        defer { try? FileManager.default.removeItem(atPath: dir) }
        var copied: [String] = []
        let result = URLOpener.perform(url, environment: ["PATH": dir]) { copied.append($0) }
        guard case .urlRefused = result else { Issue.record("not refused: \(result)"); return }
        #expect(copied.isEmpty)
        usleep(200_000)
        #expect(!FileManager.default.fileExists(atPath: dir + "/args"))
    }
}
