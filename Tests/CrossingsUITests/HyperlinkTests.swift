import BundledData
import Foundation
import Testing
@testable import CrossingsCore
@testable import CrossingsUI

/// Issue 14, links: source URLs as OSC 8 hyperlinks. Which cells link where (invisible in the
/// text), the bytes around a run, that nothing LinkCheck refuses can become a link, and when the
/// backend writes links at all.
@Suite struct HyperlinkTests {
    static let size = Size(width: 80, height: 24)
    static let sourceID = "nknews-2023-10"
    static let url = "https://nknews.org/2023/10/number-of-north-koreans-entering-russia-surges-in-first-half-of-2023-data"

    /// The Sources view, the source found with `/` and opened.
    static let toSource = ["3", "/", sourceID, "Enter", "Enter"]

    /// The bundled package with the source's URL replaced (quoted as CSV).
    static func library(url: String) throws -> Library {
        var files = BundledData.files
        let csv = try #require(files["sources.csv"])
        #expect(csv.contains("," + Self.url + ","))
        let field = "\"" + url.replacingOccurrences(of: "\"", with: "\"\"") + "\""
        files["sources.csv"] = csv.replacingOccurrences(of: "," + Self.url + ",", with: "," + field + ",")
        return Library(try PackageLoader.load(files: files, origin: "data"))
    }

    static func linkedCells(_ screen: Screen) -> [(x: Int, y: Int, url: String)] {
        var out: [(Int, Int, String)] = []
        for y in 0..<screen.height {
            for x in 0..<screen.width { if let u = screen.cell(x: x, y: y).link { out.append((x, y, u)) } }
        }
        return out
    }

    @Test("the Source page's URL field links to the URL, and only its characters do")
    func sourcePageLinksItsURL() throws {
        let state = try run(Self.toSource, size: Self.size)
        let screen = render(state, Self.size)
        let runs = Hyperlinks.runs(screen)
        #expect(!runs.isEmpty)
        // Every run links to the whole URL, and the runs together show exactly it (wrapped at 80).
        #expect(runs.allSatisfy { $0.url == Self.url })
        #expect(runs.map(\.text).joined() == Self.url)
        #expect(runs.allSatisfy { $0.text.count == $0.width })
        // The label is not part of the link.
        let first = try #require(runs.first)
        let row = screen.text.split(separator: "\n", omittingEmptySubsequences: false)[first.y]
        #expect(row.contains("URL"))
        #expect(!first.text.contains("URL"))
        // The grid's text is what it was without links.
        #expect(screen.text.contains("nknews.org/2023/10/number-of-north-koreans"))
        assertSnapshot(linkedText(screen), named: "linked-source-nknews-80x24")
    }

    @Test("a citation's URL line and an event's date line link to their source's URL")
    func citationsAndEventsLink() throws {
        // Counts: c on the selected quarter, every citation; each URL field links to its own URL.
        let size = Size(width: 120, height: 60)
        let cited = render(try run(["c"], size: size), size)
        let runs = Hyperlinks.runs(cited)
        #expect(!runs.isEmpty)
        let data = try Fixture.dataset()
        let urls = Set(data.sources.map(\.url))
        #expect(runs.allSatisfy { urls.contains($0.url) && $0.url.contains($0.text) })
        // Timeline: an event's page lists each date's source with its URL.
        let event = render(try run(["2", "g", "Enter"], size: size), size)
        #expect(Hyperlinks.runs(event).allSatisfy { urls.contains($0.url) })
        #expect(!Hyperlinks.runs(event).isEmpty)
    }

    @Test("hostile URLs stay plain text: no cell links, the text is shown escaped")
    func hostileURLsAreNeverLinked() throws {
        let hostile = [
            "javascript:alert(1)", "file:///etc/passwd", "https://example.org/\u{1B}]8;;https://evil.example\u{1B}\\",
            "https://example.org/\u{07}", "https://example.org/\u{9C}", "https://example.org/\u{1B}\\",
            "https://example.org/" + String(repeating: "a", count: 10_000), "https://exаmple.org/", "-https://example.org",
        ]
        for url in hostile {
            let start = State(library: try Self.library(url: url), size: Self.size)
            let state = press(Self.toSource, on: start).state
            let screen = render(state, Self.size)
            #expect(Self.linkedCells(screen).isEmpty, "\(url.prefix(40).debugDescription) was linked")
            #expect(Hyperlinks.runs(screen).isEmpty)
            #expect(!screen.text.contains("\u{1B}") && !screen.text.contains("\u{07}") && !screen.text.contains("\u{9C}"))
        }
    }

    @Test("a URL longer than a field shows links its shown characters to the whole URL; the length note links nowhere")
    func longURLLinksWhole() throws {
        let long = "https://example.org/" + String(repeating: "abcdefghij", count: 150)  // 1,520 bytes: passes, shown clipped
        #expect(LinkCheck.check(long) == .success(long))
        let start = State(library: try Self.library(url: long), size: Self.size)
        let state = press(Self.toSource, on: start).state
        let item = try #require(state.pageItems().first { if case .link = $0.content { true } else { false } })
        let lines = itemLines(item, width: 79, scale: 0)
        #expect(lines.count > 10)
        let linked = lines.flatMap { $0 }.filter { $0.link != nil }
        #expect(linked.allSatisfy { $0.link == long })
        #expect(linked.map(\.text).joined() == String(long.prefix(Clip.field)))
        let plain = lines.flatMap { $0.dropFirst() }.filter { $0.link == nil }.map(\.text).joined()
        #expect(plain == "… (1,520 characters in all)" || plain.replacingOccurrences(of: " ", with: "") == "…(1,520charactersinall)")
    }

    @Test("an overlay drawn over a link takes its cells: they link no more")
    func overlayCoversLinks() throws {
        let withHelp = render(try run(Self.toSource + ["?"], size: Self.size), Self.size)
        let without = render(try run(Self.toSource, size: Self.size), Self.size)
        #expect(Self.linkedCells(withHelp).count < Self.linkedCells(without).count)
        for (x, y, _) in Self.linkedCells(withHelp) {
            #expect(withHelp.cell(x: x, y: y).text == without.cell(x: x, y: y).text)
        }
    }

    @Test("Span(url:) links only what LinkCheck passes, to the URL as checked")
    func spanAttachment() {
        #expect(Span("x", url: "https://example.org/a").link == "https://example.org/a")
        #expect(Span("x", url: "  https://example.org/a ").link == "https://example.org/a")
        #expect(Span("x", url: "javascript:alert(1)").link == nil)
        #expect(Span("x", url: "").link == nil)
        #expect(Span("x").link == nil)
        var screen = Screen(Size(width: 10, height: 1))
        screen.put([Span("ab"), Span("cd", url: "https://e.org"), Span("ef")], x: 0, y: 0)
        #expect(Hyperlinks.runs(screen) == [Hyperlinks.Run(y: 0, x: 2, width: 2, url: "https://e.org", text: "cd")])
        #expect(screen.text == "abcdef")
    }

    @Test("the bytes of a linked run: ESC ] 8 ; ; URL ESC \\, the text, ESC ] 8 ; ; ESC \\")
    func emittedBytes() {
        let bytes = Array(Hyperlinks.wrapped("nknews.org", url: "https://nknews.org/a;b").utf8)
        let expected: [UInt8] = [0x1B, 0x5D, 0x38, 0x3B, 0x3B] + Array("https://nknews.org/a;b".utf8) + [0x1B, 0x5C]
            + Array("nknews.org".utf8) + [0x1B, 0x5D, 0x38, 0x3B, 0x3B, 0x1B, 0x5C]
        #expect(bytes == expected)
        #expect(Hyperlinks.opening("https://example.org") == "\u{1B}]8;;https://example.org\u{1B}\\")
        #expect(Hyperlinks.closing == "\u{1B}]8;;\u{1B}\\")
        // Refused: the text alone, no sequence.
        #expect(Hyperlinks.wrapped("x", url: "javascript:x") == "x")
    }

    @Test("hostile URLs never open a link: ESC, BEL, C1 ST, ST, newline, spaces around, 10 kB")
    func hostileBytesRefused() {
        for url in ["https://example.org/\u{1B}", "https://example.org/\u{07}", "https://example.org/\u{9C}",
                    "https://example.org/\u{1B}\\", "https://example.org/\n", "https://example.org/\r",
                    " https://example.org", "https://example.org ", "https://example.org/" + String(repeating: "a", count: 10_000),
                    "https://exаmple.org", "javascript:alert(1)", "data:text/html,x", "https://", ""] {
            #expect(Hyperlinks.opening(url) == nil, "\(url.prefix(40).debugDescription)")
            #expect(Hyperlinks.wrapped("t", url: url) == "t")
        }
    }

    @Test("fuzz: whatever the URL, an opened link is the URL between the two fixed parts, printable ASCII only")
    func fuzzOpening() {
        var rng = SplitMix64(seed: 14)
        let alphabet: [Unicode.Scalar] = ["h", "t", "p", "s", ":", "/", "a", ".", ";", "\u{1B}", "\u{07}", "\u{9C}", "\\", "]",
                                           "\u{00}", "\u{7F}", " ", "\n", "é", "\u{202E}", "%", "8"]
        for _ in 0..<5_000 {
            var url = rng.next() % 2 == 0 ? "https://" : ""
            for _ in 0..<Int(rng.next() % 40) { url.unicodeScalars.append(alphabet[Int(rng.next() % UInt64(alphabet.count))]) }
            if rng.next() % 50 == 0 { url += String(repeating: "a", count: 3_000) }
            guard let open = Hyperlinks.opening(url) else { continue }
            #expect(open == "\u{1B}]8;;" + url + "\u{1B}\\")
            #expect(url.utf8.allSatisfy { $0 > 0x20 && $0 < 0x7F })
            #expect(url.utf8.count <= LinkCheck.maxLength)
            #expect(url.lowercased().hasPrefix("http://") || url.lowercased().hasPrefix("https://"))
        }
    }

    @Test("when links are written: CROSSINGS_HYPERLINKS decides, else off with NO_COLOR and on dumb, unknown and linux terminals")
    func enabledRule() {
        #expect(Hyperlinks.enabled(["TERM": "xterm-256color"]))
        #expect(Hyperlinks.enabled(["TERM": "tmux-256color", "NO_COLOR": ""]))
        #expect(!Hyperlinks.enabled(["TERM": "xterm-256color", "NO_COLOR": "1"]))
        for term in ["dumb", "unknown", "linux", ""] { #expect(!Hyperlinks.enabled(["TERM": term])) }
        #expect(!Hyperlinks.enabled([:]))
        #expect(!Hyperlinks.enabled(["TERM": "xterm-256color", "CROSSINGS_HYPERLINKS": "0"]))
        #expect(Hyperlinks.enabled(["TERM": "linux", "CROSSINGS_HYPERLINKS": "1"]))
        #expect(Hyperlinks.enabled(["TERM": "xterm", "NO_COLOR": "1", "CROSSINGS_HYPERLINKS": "1"]))
        #expect(Hyperlinks.enabled(["TERM": "xterm", "CROSSINGS_HYPERLINKS": "yes"]))
    }
}

/// The screen as text, each row with links followed by a line with `@` under every linked cell
/// (rows start `│`, link lines `^`): links are invisible in the text, so a golden shows where.
func linkedText(_ screen: Screen) -> String {
    var out: [String] = []
    let text = screen.text.split(separator: "\n", omittingEmptySubsequences: false)
    for y in 0..<screen.height {
        out.append("│" + (y < text.count ? text[y] : ""))
        var marks = ""
        for x in 0..<screen.width {
            let cell = screen.cell(x: x, y: y)
            if cell.isContinuation { continue }
            marks.append(cell.link == nil ? " " : "@")
            if x + 1 < screen.width, screen.cell(x: x + 1, y: y).isContinuation { marks.append(" ") }
        }
        while marks.hasSuffix(" ") { marks.removeLast() }
        if !marks.isEmpty { out.append("^" + marks) }
    }
    return out.joined(separator: "\n")
}
