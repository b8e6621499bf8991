import CrossingsCore
import CrossingsUI
import Testing

/// `O` (issue 14, links): the selected source's URL as an effect, and only a safe http(s) URL.
@Suite struct LinkTests {
    let size = Size(width: 80, height: 24)

    @Test func oOnASourcesRowAsksTheBackendToOpenItsURL() throws {
        let (state, effects) = try session(["3", "/", "nknews-2023-10", "Enter", "O"], size: size)
        let url = "https://nknews.org/2023/10/number-of-north-koreans-entering-russia-surges-in-first-half-of-2023-data"
        #expect(effects == [.openURL(url)])
        #expect(state.message == "opening " + url)
        // The backend's answers, on the status line.
        #expect(update(state, .urlOpened(url, by: "xdg-open")).state.message == "opened with xdg-open: " + url)
        #expect(update(state, .urlCopied(url)).state.message == "no xdg-open or open to open it with; copied: " + url)
        #expect(update(state, .urlRefused("only http:// and https:// URLs are opened")).state.message
                == "not opened: only http:// and https:// URLs are opened")
    }

    @Test func oOnASourcePageAndOnACitationLine() throws {
        // Anywhere on the source's own page.
        let onPage = try session(["3", "/", "nknews-2023-10", "Enter", "Enter", "Down", "Down", "O"], size: size)
        #expect(onPage.effects.count == 1)
        if case .openURL(let u)? = onPage.effects.first { #expect(u.hasPrefix("https://nknews.org/")) } else { Issue.record("no openURL") }
        // A citation line leads to its source: Counts, c, the first source line.
        let cited = try session(["c", "Down", "Down", "Down", "O"], size: size)
        #expect(cited.effects.allSatisfy { if case .openURL = $0 { true } else { false } })
    }

    @Test func aSourceWithoutURLAndALineWithoutSourceOpenNothing() throws {
        let none = try session(["3", "/", "mediazona-2025-05-08", "Enter", "O"], size: size)
        #expect(none.effects.isEmpty)
        #expect(none.state.message == "not opened: this source has no URL")
        let counts = try session(["O"], size: size)
        #expect(counts.effects.isEmpty)
        #expect(counts.state.message == "no source on this line")
    }

    @Test func onlyPrintableHTTPURLsPass() {
        #expect(LinkCheck.check("https://example.org/a?b=c#d") == .success("https://example.org/a?b=c#d"))
        #expect(LinkCheck.check("  HTTP://example.org  ") == .success("HTTP://example.org"))
        #expect(LinkCheck.check("") == .failure(.empty))
        #expect(LinkCheck.check("https://example.org/\u{1B}]52;c;AAAA\u{07}") == .failure(.character))
        #expect(LinkCheck.check("https://example.org/\u{1B}\\") == .failure(.character))
        #expect(LinkCheck.check("https://example.org/\u{07}") == .failure(.character))
        #expect(LinkCheck.check("https://example.org/\u{9C}") == .failure(.character))
        #expect(LinkCheck.check("https://example.org/a b") == .failure(.character))
        #expect(LinkCheck.check("https://example.org/\n") == .failure(.character))
        #expect(LinkCheck.check("https://exаmple.org/") == .failure(.character))  // a Cyrillic а
        #expect(LinkCheck.check("javascript:alert(1)") == .failure(.scheme))
        #expect(LinkCheck.check("file:///etc/passwd") == .failure(.scheme))
        #expect(LinkCheck.check("-https://example.org") == .failure(.scheme))
        #expect(LinkCheck.check("https:///etc/passwd") == .failure(.noHost))
        #expect(LinkCheck.check("https://") == .failure(.noHost))
        #expect(LinkCheck.check("https://example.org/" + String(repeating: "a", count: 3000)) == .failure(.tooLong))
        #expect(LinkCheck.check("https://example.org/" + String(repeating: "a", count: 2000)) != .failure(.tooLong))
    }
}
