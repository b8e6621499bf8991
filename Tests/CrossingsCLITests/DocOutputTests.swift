import Foundation
import Testing

/// Command output shown in README.md is the real output: a ```console block after
/// `<!-- output … -->` starts with `$ swift run crossings ARGS`, and the lines after it
/// must be what `crossings ARGS` prints. `CROSSINGS_RECORD=1 swift test` rewrites them.
@Suite(.enabled(if: Binary.available, "the crossings executable was not built"))
struct DocOutputTests {
    static let root = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()

    /// A merge left half-done in a document (docs/security.md once kept both sides of one) is
    /// caught here, not by a reader.
    @Test func noDocumentHoldsMergeConflictMarkers() throws {
        let docs = Self.root.appendingPathComponent("docs")
        let names = try FileManager.default.contentsOfDirectory(atPath: docs.path).filter { $0.hasSuffix(".md") }.map { "docs/" + $0 } + ["README.md"]
        #expect(names.count > 3)
        for name in names {
            let text = try String(contentsOf: Self.root.appendingPathComponent(name), encoding: .utf8)
            for (i, line) in text.components(separatedBy: "\n").enumerated()
            where line.hasPrefix("<<<<<<< ") || line.hasPrefix(">>>>>>> ") || line == "<<<<<<<" || line == ">>>>>>>" {
                Issue.record("\(name):\(i + 1): a merge conflict marker: \(line)")
            }
        }
    }

    @Test func readmeExamplesAreRealOutput() throws {
        let url = Self.root.appendingPathComponent("README.md")
        var lines = try String(contentsOf: url, encoding: .utf8).components(separatedBy: "\n")
        var blocks: [(args: [String], output: Range<Int>)] = []
        for i in lines.indices where lines[i].hasPrefix("<!-- output") && i + 2 < lines.count && lines[i + 1] == "```console" {
            let command = lines[i + 2]
            #expect(command.hasPrefix("$ swift run crossings "), "\(command)")
            let args = command.dropFirst("$ swift run crossings ".count).split(separator: " ").map(String.init)
            var end = i + 3
            while end < lines.count && lines[end] != "```" { end += 1 }
            blocks.append((args, (i + 3)..<end))
        }
        #expect(!blocks.isEmpty, "README.md shows no command output")
        let record = ProcessInfo.processInfo.environment["CROSSINGS_RECORD"] == "1"
        for (args, range) in blocks.reversed() {
            let run = try Binary.run(args, env: ["COLUMNS": "200"])
            #expect(run.status == 0, "\(args): \(run.stderr)")
            var output = run.stdout.components(separatedBy: "\n")
            if output.last == "" { output.removeLast() }
            if record { lines.replaceSubrange(range, with: output) } else {
                #expect(Array(lines[range]) == output, "README.md: the output of crossings \(args.joined(separator: " ")) is stale (CROSSINGS_RECORD=1 swift test rewrites it)")
            }
        }
        if record { try lines.joined(separator: "\n").write(to: url, atomically: true, encoding: .utf8) }
    }
}
