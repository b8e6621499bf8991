import CrossingsCore

/// `O` (issue 14, links): which URL a line leads to, and whether it may be handed to a program.
///
/// A package's URLs are data, so untrusted: only an `http://` or `https://` URL of printable ASCII
/// without spaces, and of bounded length, is ever passed on (to `xdg-open`/`open`, or the clipboard).
/// Anything else is refused with a reason the status line shows.
public enum LinkCheck {
    /// The longest URL handed on; longer ones are refused, never cut (a cut URL is another URL).
    public static let maxLength = 2048

    /// The URL as it may be opened, or why not. Leading and trailing spaces are dropped; nothing
    /// else is changed (no percent-encoding: a refused URL is shown, not rewritten).
    public static func check(_ raw: String) -> Result<String, Refusal> {
        let url = raw.trimmingSpaces
        if url.isEmpty { return .failure(.empty) }
        if url.utf8.count > maxLength { return .failure(.tooLong) }
        // Printable ASCII only: no control characters (ESC, BEL, C1 such as U+009C), no spaces, no
        // non-ASCII (look-alike letters). `"`, `<`, `>`, `\`, `^`, backtick, `{`, `|`, `}` are not
        // allowed in a URL either.
        for b in url.utf8 where b <= 0x20 || b >= 0x7F || Array("\"<>\\^`{|}".utf8).contains(b) {
            return .failure(.character)
        }
        let lower = url.lowercased()
        guard lower.hasPrefix("http://") || lower.hasPrefix("https://") else { return .failure(.scheme) }
        // A host after the scheme.
        let rest = url.drop(while: { $0 != ":" }).dropFirst(3)
        guard let first = rest.first, first != "/", first != "?", first != "#" else { return .failure(.noHost) }
        return .success(url)
    }

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
    var trimmingSpaces: String {
        let scalars = unicodeScalars
        guard let start = scalars.firstIndex(where: { $0 != " " }),
              let end = scalars.lastIndex(where: { $0 != " " }) else { return "" }
        return String(scalars[start...end])
    }
}

extension State {
    /// The source the selected line leads to: the line's own source (a Sources row, a citation or
    /// observation line, an event's date), else the page's (anywhere on a Source page).
    var selectedSourceID: String? {
        let item = selectedItem
        if case .source(let s, _, _)? = item?.content { return s.id }
        if let open = item?.open, open.kind == .source, let id = open.text { return id }
        if let o = item?.copyObservation { return o.sourceID }
        if current.page.kind == .source { return current.page.text }
        return nil
    }

    /// `O`: the selected source's URL to the backend (`Effect.openURL`), or why not.
    mutating func openURL() {
        guard let id = selectedSourceID, let source = library.source(id) else {
            message = "no source on this line"; return
        }
        switch LinkCheck.check(source.url) {
        case .success(let url):
            outbox.append(.openURL(url))
            message = "opening " + url
        case .failure(let refusal):
            message = "not opened: " + refusal.reason + (source.url.isEmpty ? "" : " (" + clipped(source.url, limit: 200) + ")")
        }
        messageInFull = true
    }
}
