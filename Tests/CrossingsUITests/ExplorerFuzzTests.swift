import BundledData
import CrossingsCore
@testable import CrossingsUI
import Foundation
import Testing

/// The explorer on hostile sessions: what the fuzzer found (Tests/Fuzz/corpus/explorer), replayed
/// through the same `ExplorerFuzzTarget` the fuzzing binary runs, and the fixes it led to.
@Suite("Explorer fuzzing regressions")
struct ExplorerFuzzTests {
    static let corpus = Fixture.root.appendingPathComponent("Tests/Fuzz/corpus/explorer")

    /// Every session the fuzzer ever found a problem in, and every seed: each frame the size of
    /// its terminal, nothing raw on it, and the whole session in bounded time.
    @Test func sessionsTheFuzzerFound() throws {
        let library = Library(try Fixture.dataset())
        let names = try FileManager.default.contentsOfDirectory(atPath: Self.corpus.path).sorted()
        #expect(names.contains { $0.hasPrefix("regression-") })
        for name in names {
            let bytes = Array(try Data(contentsOf: Self.corpus.appendingPathComponent(name)))
            let started = Date()
            #expect(ExplorerFuzzTarget.problems(bytes, library: library).isEmpty, "\(name)")
            // Generous for a debug build on a busy machine; the quadratic prompt never finished.
            #expect(Date().timeIntervalSince(started) < 30, "\(name)")
        }
    }

    /// The `v` prompt keeps the end of the sentence in sight, escapes included, at any width, in
    /// time linear in the sentence (it was quadratic: 3,000 characters in a 1×1 terminal never
    /// finished under the fuzzer).
    @Test func aLongHostileSentenceInTheCheckPrompt() throws {
        let sentence = String(repeating: "\u{1B}[2J", count: 1_000) + String(repeating: "x", count: 900) + "\u{1B}END"
        let library = Library(try Fixture.dataset())
        for size in [Size(width: 1, height: 1), Size(width: 2, height: 3), Size(width: 10, height: 5), Size(width: 80, height: 24)] {
            // Typed at 80×24, then drawn at the size: below 32×8 keys do nothing (issue 14), the screen is still drawn.
            var state = State(library: library, size: Size(width: 80, height: 24))
            state = advance(state, .key(.char("v"))).state
            state = advance(state, .checkType(sentence)).state
            state = advance(state, .resize(size)).state
            #expect(state.checkText == sentence)
            let started = Date()
            let screen = render(state, size)
            #expect(Date().timeIntervalSince(started) < 5, "\(size)")
            #expect(screen.cells.count == size.width * size.height)
            #expect(!screen.cells.contains { $0.text.unicodeScalars.contains { $0.value == 0x1B } })
            if size.width == 80 { #expect(screen.text.contains("xxx\\eEND_")) }
        }
    }

    /// A paste into a prompt is kept to what the prompt needs, and says so: each key costs the
    /// length of what was typed (a 21,000-character picker query made 49 keys cost 1.2 s).
    @Test func pastesAreCutToThePromptsLimit() throws {
        let library = Library(try Fixture.dataset())
        let size = Size(width: 80, height: 24)
        var state = advance(advance(State(library: library, size: size), .key(.char("v"))).state, .checkType(String(repeating: "y", count: 6_000))).state
        #expect(state.checkText.count == 5_000)
        #expect(render(state, size).text.contains("typing stops at 5,000 characters"))
        state = advance(advance(State(library: library, size: size), .key(.char("o"))).state, .pickerType(String(repeating: "1,", count: 10_000))).state
        #expect(state.picker.query.count == 100)
        state = advance(state, .pickerType("x")).state
        #expect(state.picker.query.count == 100)
        state = advance(advance(State(library: library, size: size), .key(.char("/"))).state, .filterType(String(repeating: "z", count: 600))).state
        #expect(state.current.filter.count == 500)
    }

    /// A word longer than the screen is broken into lines of at most the width, in linear time,
    /// and nothing of it is lost.
    @Test func wrappingAVeryLongWord() {
        let word = String(repeating: "평", count: 30_000) + "x"
        let started = Date()
        let lines = wrap(word, 3)
        #expect(Date().timeIntervalSince(started) < 10)
        #expect(lines.count == 30_000)  // the last line is "평x"
        #expect(lines.allSatisfy { cells($0) <= 3 })
        #expect(lines.joined() == word)
        #expect(wrap("ab\u{1B}cd", 1) == ["a", "b", "\\", "e", "c", "d"])
    }
}
