import Foundation
import Testing

/// The screens shown in README.md and docs/ are the snapshot goldens, never hand-edited copies:
/// a block after `<!-- snapshot: NAME … -->` must equal `Snapshots/NAME.txt`.
/// `CROSSINGS_RECORD=1 swift test` rewrites the blocks from the goldens (as it rewrites the goldens).
@Suite("Screenshots in the docs")
struct DocScreenshotTests {
    static let documents = ["README.md", "docs/explorer.md"]

    /// Every marked block of a document: the golden's name and the line range of its content.
    static func blocks(_ lines: [String]) -> [(name: String, content: Range<Int>)] {
        var out: [(String, Range<Int>)] = []
        var i = 0
        while i < lines.count {
            let line = lines[i]
            if line.hasPrefix("<!-- snapshot: "), i + 1 < lines.count, lines[i + 1] == "```text" {
                let name = String(line.dropFirst("<!-- snapshot: ".count).prefix { $0 != " " })
                var end = i + 2
                while end < lines.count && lines[end] != "```" { end += 1 }
                out.append((name, (i + 2)..<end))
                i = end
            }
            i += 1
        }
        return out
    }

    @Test("every marked screenshot in the docs is its golden", arguments: documents)
    func screenshots(_ document: String) throws {
        let url = Fixture.root.appendingPathComponent(document)
        var lines = try String(contentsOf: url, encoding: .utf8).components(separatedBy: "\n")
        let found = Self.blocks(lines)
        #expect(!found.isEmpty, "\(document) marks no screenshot")
        let record = ProcessInfo.processInfo.environment["CROSSINGS_RECORD"] == "1"
        // From the last block back, so earlier line ranges stay valid when one is rewritten.
        for (name, range) in found.reversed() {
            let golden = Fixture.root.appendingPathComponent("Tests/CrossingsUITests/Snapshots/\(name).txt")
            let text = try String(contentsOf: golden, encoding: .utf8)
            let expected = text.hasSuffix("\n") ? String(text.dropLast()).components(separatedBy: "\n") : text.components(separatedBy: "\n")
            if record {
                lines.replaceSubrange(range, with: expected)
            } else {
                #expect(Array(lines[range]) == expected, "\(document): the screenshot of \(name) is stale (CROSSINGS_RECORD=1 swift test rewrites it)")
            }
        }
        if record { try lines.joined(separator: "\n").write(to: url, atomically: true, encoding: .utf8) }
    }
}
