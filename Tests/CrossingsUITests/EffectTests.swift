import CrossingsCore
import CrossingsUI
import Testing

/// `update` is pure: what reaches outside the state (the clipboard, quitting, the checker) comes
/// out as effects, and whole states compare equal.
@Suite struct EffectTests {
    let size = Size(width: 80, height: 24)

    @Test func copyIsAnEffectWithTheLineTheStatusShows() throws {
        let start = try run([], size: size)
        let (copied, effects) = update(start, .key(.char("y")))
        let line = try #require(copiedLines(effects).first)
        #expect(effects == [.copy(line)])
        #expect(line.contains("citizens of North Korea"))
        #expect(copied.message == "copied: " + line)
        // Nothing else changed: the same state but for the note.
        var expected = start
        expected.message = copied.message
        expected.messageInFull = true  // the copied line is shown whole (issue 14)
        #expect(copied == expected)
    }

    @Test func quitIsAnEffectAndLeavesTheStateAsItWas() throws {
        let start = try run(["Down"], size: size)
        let (after, effects) = update(start, .key(.char("q")))
        #expect(effects == [.quit])
        #expect(after == start)
        // `q` typed into a prompt is a letter, not a quit.
        #expect(update(try run(["/"], size: size), .key(.char("q"))).effects.isEmpty)
    }

    @Test func theCheckerRunsInTheBackendNotInRender() throws {
        let sentence = "In 2024, 13,221 North Koreans entered Russia."
        var state = try run(["v"], size: size)
        state = update(state, .checkType(sentence)).state
        let (asked, effects) = update(state, .key(.enter))
        #expect(effects == [.check(sentence)])
        #expect(asked.current.page == .check(sentence))
        // Until the answer comes, the page says so; rendering never checks.
        #expect(render(asked, size).text.contains("Checking…"))
        let findings = Checker(try Fixture.dataset()).check(document: sentence)
        let (answered, more) = update(asked, .checked(sentence, findings))
        #expect(more.isEmpty)
        #expect(answered.checks[sentence] == findings)
        #expect(render(answered, size).text.contains("SUPPORTED"))
        // The backend's own performer gives the same answer.
        #expect(asked.library.answer(.check(sentence)) == .checked(sentence, findings))
        #expect(advance(state, .key(.enter)).state == answered)
        // Back out of the page: its verdicts are let go.
        #expect(update(answered, .key(.backspace)).state.checks.isEmpty)
    }

    @Test func statesCompareWhole() throws {
        let a = try run(["t", "Down", "Enter"], size: size)
        let b = try run(["t", "Down", "Enter"], size: size)
        #expect(a.current == b.current && a.granularity == b.granularity)
        // Two loads of the data are two libraries: states compare their library by identity.
        #expect(a != b)
        let c = advance(a, .resize(size)).state
        #expect(c == a)
        #expect(advance(a, .key(.down)).state != a)
    }

    /// Checking the sentence on screen again is that page, not a second copy (Backspace then leaves it).
    @Test func theSameSentenceTwiceIsOnePage() throws {
        let sentence = "In 2024, 13,221 North Koreans entered Russia."
        var state = try run([], size: size)
        for _ in 0..<2 {
            state = advance(state, .key(.char("v"))).state
            state = advance(state, .checkType(sentence)).state
            state = advance(state, .key(.enter)).state
        }
        #expect(state.stack.count == 2)
        #expect(state.checks.count == 1)
        #expect(advance(state, .key(.backspace)).state.current.page == .counts)
    }
}
