import CrossingsCore

/// Source URLs as OSC 8 hyperlinks (issue 14, links): which runs of a frame link where, the bytes
/// that open and close a link, and whether the terminal gets them at all. Pure; the backend
/// (`Terminal.draw`) writes the bytes around the text ncurses draws.
///
/// ```swift
/// Hyperlinks.wrapped("example.org", url: "https://example.org")
/// // "\u{1B}]8;;https://example.org\u{1B}\\example.org\u{1B}]8;;\u{1B}\\"
/// Hyperlinks.opening("javascript:alert(1)")   // nil: never written
/// ```
public enum Hyperlinks {
    /// A run of cells on one row that link to one URL: what the backend writes as one hyperlink.
    public struct Run: Hashable, Sendable {
        public var y: Int
        public var x: Int
        /// Cells, a wide character's continuation included.
        public var width: Int
        public var url: String
        /// What the cells show (what ncurses drew there).
        public var text: String
    }

    /// `ESC ] 8 ; ; URL ESC \`: opens a link to `url`, or nil when `LinkCheck` refuses it or would
    /// change it. So no ESC, BEL, C1 control (U+009C is ST to some terminals), space or non-ASCII
    /// byte can ever reach the terminal through a link, and no URL longer than 2,048 bytes.
    public static func opening(_ url: String) -> String? {
        guard case .success(let checked) = LinkCheck.check(url), checked == url else { return nil }
        return "\u{1B}]8;;" + url + "\u{1B}\\"
    }

    /// `ESC ] 8 ; ; ESC \`: ends the link (the text after it links nowhere).
    public static let closing = "\u{1B}]8;;\u{1B}\\"

    /// The bytes of one linked run as a terminal receives them: the opening, the text, the closing;
    /// the text alone when the URL is refused. The backend writes the same three parts, the text
    /// drawn by ncurses between them.
    public static func wrapped(_ text: String, url: String) -> String {
        guard let open = opening(url) else { return text }
        return open + text + closing
    }

    /// Every linked run of a frame, row by row: the longest runs of adjacent cells with the same
    /// link. A run's cells are drawn by the frame exactly as shown (its text), so writing them
    /// again inside a link changes nothing a reader sees.
    public static func runs(_ screen: Screen) -> [Run] {
        var out: [Run] = []
        for y in 0..<screen.height {
            out += runs(screen, row: y)
        }
        return out
    }

    /// The linked runs of one row.
    public static func runs(_ screen: Screen, row y: Int) -> [Run] {
        var out: [Run] = []
        var x = 0
        while x < screen.width {
            guard let url = screen.cell(x: x, y: y).link else { x += 1; continue }
            var end = x
            var text = ""
            while end < screen.width, screen.cell(x: end, y: y).link == url {
                let c = screen.cell(x: end, y: y)
                if !c.isContinuation { text += c.text }
                end += 1
            }
            out.append(Run(y: y, x: x, width: end - x, url: url, text: text))
            x = end
        }
        return out
    }

    /// Whether the explorer writes hyperlinks, from its environment:
    ///
    /// - `CROSSINGS_HYPERLINKS=1` turns them on, `=0` off, whatever else is set;
    /// - otherwise they are off with `NO_COLOR` set (not empty) — it asks for plain output, and a
    ///   link is styled by many terminals — and for `TERM` empty, `dumb`, `unknown` or `linux` (the
    ///   Linux console has no OSC 8); on for every other terminal. A terminal without OSC 8
    ///   ignores the sequence (it is an OSC string, which terminals skip when they do not know it).
    public static func enabled(_ environment: [String: String]) -> Bool {
        switch environment["CROSSINGS_HYPERLINKS"] {
        case "1": return true
        case "0": return false
        default: break
        }
        if !(environment["NO_COLOR"] ?? "").isEmpty { return false }
        let term = environment["TERM"] ?? ""
        return !["", "dumb", "unknown", "linux"].contains(term)
    }
}
