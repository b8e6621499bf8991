import BundledData
import CrossingsCore
import CrossingsUI
import Foundation
import Testing

/// The bundled dataset, loaded once for every test.
enum Fixture {
    static let data: Dataset? = try? PackageLoader.load(files: BundledData.files, origin: "data")

    static func dataset() throws -> Dataset {
        try #require(data, "the bundled data package did not load")
    }

    /// The package root, from this file's path.
    static let root = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
}

/// Keys as words, as in tmux (see `Key.keys`).
func keys(_ words: [String]) -> [Key] { words.flatMap(Key.keys) }

/// A state after pressing keys at a size.
func run(_ words: [String], size: Size) throws -> State {
    try session(words, size: size).state
}

/// The same, with every effect the keys asked the backend for (a check is answered at once, as the backend does).
func session(_ words: [String], size: Size) throws -> (state: State, effects: [Effect]) {
    press(words, on: State(data: try Fixture.dataset(), size: size))
}

/// Keys pressed on a state, with the effects they asked for.
func press(_ words: [String], on start: State) -> (state: State, effects: [Effect]) {
    var state = start
    var effects: [Effect] = []
    for k in keys(words) {
        let step = advance(state, .key(k))
        state = step.state
        effects += step.effects
    }
    return (state, effects)
}

/// The lines a list of effects copies.
func copiedLines(_ effects: [Effect]) -> [String] {
    effects.compactMap { if case .copy(let line) = $0 { line } else { nil } }
}

/// Compares text with a golden file under Snapshots/. A missing golden is
/// written and the test fails saying so; CROSSINGS_RECORD=1 rewrites them all.
func assertSnapshot(_ text: String, named name: String, sourceLocation: SourceLocation = #_sourceLocation) {
    let dir = URL(fileURLWithPath: #filePath).deletingLastPathComponent().appendingPathComponent("Snapshots")
    let file = dir.appendingPathComponent(name + ".txt")
    let record = ProcessInfo.processInfo.environment["CROSSINGS_RECORD"] == "1"
    let existing = try? String(contentsOf: file, encoding: .utf8)
    if record || existing == nil {
        try? FileManager.default.createDirectory(at: dir, withIntermediateDirectories: true)
        do { try (text + "\n").write(to: file, atomically: true, encoding: .utf8) } catch {
            Issue.record("could not write snapshot \(file.path): \(error)", sourceLocation: sourceLocation)
        }
        if existing == nil {
            Issue.record("recorded a new snapshot at \(file.path): review it, then run the tests again", sourceLocation: sourceLocation)
        }
        return
    }
    guard let existing else { return }
    let expected = existing.hasSuffix("\n") ? String(existing.dropLast()) : existing
    if expected != text {
        let a = expected.split(separator: "\n", omittingEmptySubsequences: false)
        let b = text.split(separator: "\n", omittingEmptySubsequences: false)
        var diff: [String] = []
        for i in 0..<max(a.count, b.count) {
            let x = i < a.count ? String(a[i]) : "", y = i < b.count ? String(b[i]) : ""
            if x != y { diff.append("line \(i + 1):\n  golden: \(x)\n  actual: \(y)") }
        }
        let shown: String = diff.prefix(8).joined(separator: "\n")
        let message = "screen differs from \(file.lastPathComponent) (CROSSINGS_RECORD=1 rewrites it):\n\(shown)\n--- actual screen ---\n\(text)"
        Issue.record(Comment(rawValue: message), sourceLocation: sourceLocation)
    }
}
