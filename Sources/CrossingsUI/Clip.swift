import CrossingsCore

/// How much of a long text from a data file the explorer lays out.
///
/// A valid package may hold a 3 MB source title or note. Wrapping all of it on every key froze
/// the explorer (6.5 s a key in release): every line drawn from data text is clipped before it is
/// laid out, with its length said, as the Check page does with a long typed sentence.
///
/// ```swift
/// clipped(String(repeating: "a", count: 5_000))  // 1,000 a's + "… (5,000 characters in all)"
/// clipped("No more North Koreans")            // unchanged, not copied
/// ```
enum Clip {
    /// Characters of a data field shown (a title, a note, printed wording, a summary): about 16
    /// lines at 80 columns, so the field and its length fit on an 80×24 screen (the list scrolls
    /// by whole items: the end of a taller one, where the length is, would never show). The
    /// longest field of the bundled package has 642.
    static let field = 1_000
    /// Characters of a line `y` copies (and prints on exit).
    static let copy = 4_000
    /// Characters a single cut line (`fit`, `Screen.put`) looks at past its width in cells: only
    /// the start of a text can show on one line.
    static let lineSlack = 1_024
}

/// The first `limit` characters of `text` and its length, "… (N characters in all)", when it is
/// longer; otherwise `text` itself. A text of at most `limit` UTF-8 bytes is handed back at once.
func clipped(_ text: String, limit: Int = Clip.field) -> String {
    guard text.utf8.count > limit,
          let end = text.index(text.startIndex, offsetBy: limit, limitedBy: text.endIndex), end < text.endIndex
    else { return text }
    return String(text[..<end]) + "… (\(formatCount(text.count)) characters in all)"
}

/// The start of `text` that can show on a line `width` cells wide, and whether anything was cut:
/// its first `4 × width + 1,024` characters (a character takes a cell or two, its escape more;
/// only a run of a thousand zero-width ones could show less). Short text is handed back whole,
/// without being walked.
func lineStart(_ text: String, width: Int) -> (text: String, cut: Bool) {
    let bound = max(0, width) * 4 + Clip.lineSlack
    guard text.utf8.count > bound,
          let end = text.index(text.startIndex, offsetBy: bound, limitedBy: text.endIndex), end < text.endIndex
    else { return (text, false) }
    return (String(text[..<end]), true)
}

/// How much text layout went through, for tests: `wrap` and `fit` add the UTF-8 length of what
/// they are given to the meter set for the task (none outside tests, which costs a look-up).
final class LayoutMeter: @unchecked Sendable {
    @TaskLocal static var current: LayoutMeter?
    /// UTF-8 bytes given to `wrap` and `fit`.
    var bytes = 0
    /// Lines `wrap` made.
    var lines = 0

    static func count(_ text: some StringProtocol, lines: Int = 0) {
        guard let m = current else { return }
        m.bytes += text.utf8.count
        m.lines += lines
    }
}
