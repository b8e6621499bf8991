/// Whether a source's URL may leave crossings: handed to a program (`O` in the explorer), written
/// into the terminal as an OSC 8 hyperlink's target, or accepted by `crossings validate` without a
/// warning (issue 14, links).
///
/// A package's URLs are data, so untrusted: only an `http://` or `https://` URL of printable ASCII
/// without spaces, and of bounded length, is ever passed on (to `xdg-open`/`open`, the clipboard,
/// or an OSC 8 sequence). Anything else is refused with a reason the status line shows.
///
/// ```swift
/// LinkCheck.check("https://example.org/a")   // .success("https://example.org/a")
/// LinkCheck.check("javascript:alert(1)")     // .failure(.scheme)
/// ```
public enum LinkCheck {
    /// The longest URL handed on; longer ones are refused, never cut (a cut URL is another URL).
    public static let maxLength = 2048

    /// The URL as it may be opened, or why not. Leading and trailing spaces are dropped; nothing
    /// else is changed (no percent-encoding: a refused URL is shown, not rewritten).
    public static func check(_ raw: String) -> Result<String, Refusal> {
        // Measured before anything is copied: a 3 MB url field is refused at once on every frame
        // that shows it.
        let bytes = raw.utf8
        let lead = bytes.prefix(while: { $0 == 0x20 }).count
        if lead == bytes.count { return .failure(.empty) }
        let trail = bytes.reversed().prefix(while: { $0 == 0x20 }).count
        if bytes.count - lead - trail > maxLength { return .failure(.tooLong) }
        let url = raw.trimmingBlanks
        // Printable ASCII only: no control characters (ESC, BEL, C1 such as U+009C), no spaces, no
        // non-ASCII (look-alike letters). `"`, `<`, `>`, `\`, `^`, backtick, `{`, `|`, `}` are not
        // allowed in a URL either.
        for b in url.utf8 where b <= 0x20 || b >= 0x7F || excluded.contains(b) {
            return .failure(.character)
        }
        let lower = url.lowercased()
        guard lower.hasPrefix("http://") || lower.hasPrefix("https://") else { return .failure(.scheme) }
        // A host after the scheme.
        let rest = url.drop(while: { $0 != ":" }).dropFirst(3)
        guard let first = rest.first, first != "/", first != "?", first != "#" else { return .failure(.noHost) }
        return .success(url)
    }

    private static let excluded = Set("\"<>\\^`{|}".utf8)

    public enum Refusal: Error, Hashable, Sendable {
        case empty, tooLong, character, scheme, noHost

        /// For the status line.
        public var reason: String {
            switch self {
            case .empty: "this source has no URL"
            case .tooLong: "the URL is longer than \(LinkCheck.maxLength) bytes"
            case .character: "the URL has a space, control or non-ASCII character"
            case .scheme: "only http:// and https:// URLs are opened"
            case .noHost: "the URL has no host"
            }
        }
    }
}

private extension String {
    var trimmingBlanks: String {
        let scalars = unicodeScalars
        guard let start = scalars.firstIndex(where: { $0 != " " }),
              let end = scalars.lastIndex(where: { $0 != " " }) else { return "" }
        return String(scalars[start...end])
    }
}
