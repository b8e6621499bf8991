/// The date a draft states for itself, for "last year", "this year" and "currently":
/// YAML front matter (`date: 2025-05-08`), else a leading `date YYYY-MM-DD` line (as the stored
/// articles open). `--as-of` overrides both.
///
/// ```swift
/// DocumentDate.find(in: "---\ntitle: x\ndate: 2025-05-08\n---\nText")?.day   // 2025-05-08, from front matter
/// DocumentDate.find(in: " date 2025-02-09 North Korea sent …")?.how            // "the document's first line"
/// ```
public struct DocumentDate: Sendable, Hashable {
    public var day: CalendarDay
    /// Where it was found, in words for the output.
    public var how: String

    /// Front matter is at most this many lines; a longer block is not taken for it.
    static let frontMatterLines = 200

    /// A document's lines, as the checker counts them ("\r\n" is one Character in Swift: any line break).
    static func lines(_ document: String, max: Int) -> [String] {
        var lines = document.split(maxSplits: max, omittingEmptySubsequences: false, whereSeparator: \.isNewline).prefix(max).map(String.init)
        if let first = lines.first, first.hasPrefix("\u{FEFF}") { lines[0] = String(first.dropFirst()) }
        return lines
    }

    /// The line range of YAML front matter: a first line that is exactly `---`, closed by `---` or
    /// `...` within 200 lines, every line in between empty, a comment or `key: value` (so a Markdown
    /// draft that opens with a `---` rule and prose is not mistaken for it).
    static func frontMatter(_ lines: [String]) -> ClosedRange<Int>? {
        guard lines.first?.trimmingSpaces() == "---" else { return nil }
        for k in lines.indices.dropFirst().prefix(frontMatterLines) {
            let t = lines[k].trimmingSpaces()
            if t == "---" || t == "..." { return 0...k }
            guard t.isEmpty || t.hasPrefix("#") || t.hasPrefix("- ") || isYAMLKey(t) || lines[k].hasPrefix(" ") else { return nil }
        }
        return nil
    }

    static func isYAMLKey(_ line: String) -> Bool {
        guard let colon = line.firstIndex(of: ":") else { return false }
        let key = line[..<colon]
        return !key.isEmpty && key.allSatisfy { $0.isLetter || $0.isNumber || $0 == "_" || $0 == "-" }
    }

    /// The document's date and, where a date is written but cannot be read, why (for a warning).
    public static func inspect(_ document: String) -> (date: DocumentDate?, problem: String?) {
        let lines = lines(document, max: frontMatterLines + 2)
        if let fm = frontMatter(lines) {
            for line in lines[fm].dropFirst() {
                let t = line.trimmingSpaces()
                guard t.lowercased().hasPrefix("date:") else { continue }
                var value = String(t.dropFirst(5)).trimmingSpaces()
                if value.count >= 2, let q = value.first, q == "\"" || q == "'", value.last == q { value = String(value.dropFirst().dropLast()) }
                // YYYY-MM-DD, alone or followed by a time ("2025-05-08T10:00:00Z", "2025-05-08 10:00").
                let day = String(value.prefix(10)), rest = value.dropFirst(10)
                if let d = CalendarDay(parsing: day), rest.isEmpty || rest.first == "T" || rest.first == " " {
                    return (DocumentDate(day: d, how: "its front matter"), nil)
                }
                return (nil, "the front matter's date '\(value.prefix(40))' is not a date (YYYY-MM-DD): give --as-of")
            }
            return (nil, nil)
        }
        guard let first = lines.first(where: { !$0.trimmingSpaces().isEmpty }) else { return (nil, nil) }
        let words = first.trimmingSpaces().split(separator: " ", maxSplits: 2)
        guard words.count >= 2, words[0].lowercased() == "date" else { return (nil, nil) }
        if let day = CalendarDay(parsing: String(words[1])) { return (DocumentDate(day: day, how: "the document's first line"), nil) }
        return (nil, nil)
    }

    /// Looks only at the front matter and the first non-empty line, so a long draft costs nothing.
    public static func find(in document: String) -> DocumentDate? { inspect(document).date }

    /// The document with its YAML front matter blanked (its lines kept empty, so line numbers stay):
    /// a title or date there is not prose to check.
    public static func withoutFrontMatter(_ document: String) -> String {
        guard let fm = frontMatter(lines(document, max: frontMatterLines + 2)) else { return document }
        var all = document.split(omittingEmptySubsequences: false, whereSeparator: \.isNewline)
        for k in fm { all[k] = "" }
        return all.joined(separator: "\n")
    }
}
