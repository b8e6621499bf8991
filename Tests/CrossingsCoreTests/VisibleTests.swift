import Testing
@testable import CrossingsCore

@Suite("visible and displayWidth")
struct VisibleTests {
    @Test func escapeBecomesBackslashE() {
        #expect(visible("a\u{1B}[31mb") == "a\\e[31mb")
    }

    @Test func namedControls() {
        #expect(visible("a\tb\nc\rd") == "a\\tb\\nc\\rd")
    }

    @Test func otherC0AndC1Controls() {
        #expect(visible("\u{00}") == "\\u{00}")
        #expect(visible("x\u{07}y") == "x\\u{07}y")
        #expect(visible("\u{1F}") == "\\u{1F}")
        #expect(visible("\u{7F}") == "\\u{7F}")
        #expect(visible("\u{85}") == "\\u{85}")
        #expect(visible("a\u{9B}2J") == "a\\u{9B}2J")
    }

    @Test func bidiAndInvisibleFormatCharacters() {
        #expect(visible("x\u{202E}y") == "x\\u{202E}y")
        #expect(visible("\u{2066}abc\u{2069}") == "\\u{2066}abc\\u{2069}")
        #expect(visible("a\u{200B}b") == "a\\u{200B}b")
        #expect(visible("\u{FEFF}") == "\\u{FEFF}")
    }

    @Test func ordinaryTextIsUnchanged() {
        for s in ["Пхеньян 평양", "North Korea", "¶19", "13,221 — “nearly”", "café", "e\u{301}"] {
            #expect(visible(s) == s)
        }
    }

    @Test func escapedTextHasNoControlsLeft() {
        let hostile = "\u{1B}]0;title\u{07}\u{9B}31m\u{202E}\u{2066}\u{0}"
        let shown = visible(hostile)
        #expect(!shown.unicodeScalars.contains { escapeForTerminal($0) != nil })
    }

    @Test func displayWidth() {
        #expect(CrossingsCore.displayWidth("") == 0)
        #expect(CrossingsCore.displayWidth("abc") == 3)
        #expect(CrossingsCore.displayWidth("평양") == 4)
        #expect(CrossingsCore.displayWidth("조선민주주의인민공화국") == 22)
        #expect(CrossingsCore.displayWidth("Пхеньян") == 7)
        #expect(CrossingsCore.displayWidth("e\u{301}") == 1)
        #expect(CrossingsCore.displayWidth("a\u{300}\u{301}\u{302}") == 1)
        // A syllable written as conjoining jamo: the leading consonant is wide, the vowel takes no cell.
        #expect(CrossingsCore.displayWidth("\u{1100}\u{1161}") == 2)
        #expect(CrossingsCore.displayWidth("Пхеньян 평양") == 7 + 1 + 4)
    }
}
