import BundledData
import CrossingsCore
@testable import CrossingsUI
import Testing

/// `v` in the explorer: type a sentence, Enter, and read the verdicts with their citations.
@Suite("Checking a typed sentence")
struct CheckPromptTests {
    let size = Size(width: 80, height: 24)

    @Test func typingThenEnterShowsEachVerdict() throws {
        let sentence = "In 2024, 20,000 North Koreans entered Russia and 9,985 Russians visited North Korea in 2025."
        let state = try run(["v"] + typed(sentence) + ["Enter"], size: size)
        #expect(state.mode == .normal)
        guard state.current.page.kind == .check, case .text(let checked) = state.current.page.subject else {
            Issue.record("expected the check page, got \(state.current.page)")
            return
        }
        #expect(checked == sentence)
        let text = render(state, size).text
        // The verdicts are the checker's, for the same sentence.
        let findings = Checker(try Fixture.dataset()).check(document: sentence)
        #expect(findings.map(\.verdict) == [.contradicted, .supported])
        #expect(text.contains("CONTRADICTED  “20,000”  KP-RU 2024 total"))
        #expect(text.contains("SUPPORTED  “9,985”  RU-KP 2025 total"))
    }

    @Test func enterOnAVerdictOpensTheCitationsOfItsFigure() throws {
        let state = try run(["v"] + typed("In 2024, 20,000 North Koreans entered Russia.") + ["Enter", "Enter"], size: size)
        guard state.current.page.kind == .citations, let key = state.current.page.figure else {
            Issue.record("expected citations, got \(state.current.page)")
            return
        }
        #expect(key.description == "KP-RU 2024 total")
        // Back twice: the check page, then where we started.
        let back = try run(["v"] + typed("In 2024, 20,000 North Koreans entered Russia.") + ["Enter", "Enter", "Esc", "Esc"], size: size)
        #expect(back.current.page == .counts)
    }

    @Test func escapeCancelsAndKeysTypeRatherThanCommand() throws {
        // "q" and "?" are letters of the sentence while typing, not quit and help.
        let (typing, effects) = try session(["v", "q", "?", "j"], size: size)
        #expect(typing.mode == .checking)
        #expect(typing.checkText == "q?j")
        #expect(effects.isEmpty)
        #expect(render(typing, size).text.contains("check: q?j_"))
        let cancelled = try run(["v", "q", "Esc"], size: size)
        #expect(cancelled.mode == .normal)
        #expect(cancelled.current.page == .counts)
        let erased = try run(["v", "a", "b", "BSpace"], size: size)
        #expect(erased.checkText == "a")
    }

    /// A paste (bracketed by the terminal) is text for the open prompt: several lines become one
    /// sentence, their line breaks and control characters spaces; nothing in it runs as a key.
    @Test func aPasteOfSeveralLinesIsOneSentenceNotKeys() throws {
        var state = try run(["v"], size: size)
        let pasting = advance(state, .paste("In 2024, 20,000 North Koreans\r\nentered Russia.\nq\n\u{1B}[2J?\t"))
        state = pasting.state
        #expect(state.mode == .checking)
        #expect(pasting.effects.isEmpty)
        #expect(state.checkText == "In 2024, 20,000 North Koreans entered Russia. q [2J?")
        #expect(render(state, size).text.contains("check: In 2024, 20,000 North Koreans entered Russia. q"))
        state = advance(state, .key(.enter)).state
        #expect(state.current.page == .check("In 2024, 20,000 North Koreans entered Russia. q [2J?"))
        #expect(render(state, size).text.contains("CONTRADICTED  “20,000”  KP-RU 2024 total"))
    }

    /// Into the filter and the picker alike; with no prompt open a paste does nothing but say so.
    @Test func aPasteGoesToTheOpenPromptOrIsIgnored() throws {
        let filtering = advance(try run(["/"], size: size), .paste("2024\n")).state
        #expect(filtering.current.filter == "2024")
        #expect(filtering.mode == .filtering)
        let picking = advance(try run(["o"], size: size), .paste("Kazakh\nq")).state
        #expect(picking.picker.query == "Kazakh q")
        let idle = try run([], size: size)
        let (pasted, effects) = advance(idle, .paste("q"))
        #expect(effects.isEmpty)
        #expect(pasted.mode == .normal)
        #expect(pasted.current == idle.current)
        #expect(pasted.message.hasPrefix("paste ignored"))
        // A paste of megabytes costs what the prompt holds.
        let huge = advance(try run(["v"], size: size), .paste(String(repeating: "13,221 North Koreans\n", count: 100_000))).state
        #expect(huge.checkText.count == 5_000)
        #expect(huge.message == "typing stops at 5,000 characters")
    }

    /// A sentence of thousands of characters (a paste) is shown by its first 400 on the Check page,
    /// with its length, so the page is not 70 lines of it re-wrapped on every key (the explorer
    /// fuzzer timed out typing over such a page: regression-timeout-pasted-commas-checked.bin).
    @Test func aVeryLongSentenceIsShownByItsStart() throws {
        let sentence = "In 2024, 13,221 North Koreans entered Russia" + String(repeating: ", and so on", count: 400) + "."
        var state = advance(try run(["v"], size: size), .paste(sentence)).state
        state = advance(state, .key(.enter)).state
        #expect(state.current.page == .check(sentence))
        let items = state.pageItems()
        guard case .paragraph(let shown) = items[1].content else {
            Issue.record("expected the sentence as a paragraph, got \(items[1].content)")
            return
        }
        #expect(shown.hasPrefix("“In 2024, 13,221 North Koreans entered Russia, and so on"))
        #expect(shown.hasSuffix("… (\(formatCount(sentence.count)) characters in all)”"))
        #expect(shown.count < 460)
        // The verdict is on the whole sentence.
        #expect(render(state, size).text.contains("SUPPORTED  “13,221”  KP-RU 2024 total"))
    }

    @Test func aSentenceWithoutACountSaysSo() throws {
        let state = try run(["v"] + typed("Nothing to see here.") + ["Enter"], size: size)
        #expect(render(state, size).text.contains("No count of travellers"))
    }
}
