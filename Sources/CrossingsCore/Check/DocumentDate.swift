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

    /// Looks only at the front matter and the first non-empty line, so a long draft costs nothing.
    public static func find(in document: String) -> DocumentDate? {
        // "\r\n" is one Character in Swift: split on any line break.
        var lines = document.split(maxSplits: 64, omittingEmptySubsequences: false, whereSeparator: \.isNewline).prefix(64).map(String.init)
        if let first = lines.first, first.hasPrefix("\u{FEFF}") { lines[0] = String(first.dropFirst()) }
        if lines.first?.trimmingSpaces() == "---" {
            for line in lines.dropFirst() {
                let t = line.trimmingSpaces()
                if t == "---" || t == "..." { break }
                guard t.lowercased().hasPrefix("date:") else { continue }
                var value = String(t.dropFirst(5)).trimmingSpaces()
                if value.count >= 2, let q = value.first, q == "\"" || q == "'", value.last == q { value = String(value.dropFirst().dropLast()) }
                if let day = CalendarDay(parsing: String(value.prefix(10))) { return DocumentDate(day: day, how: "its front matter") }
            }
            return nil
        }
        guard let first = lines.first(where: { !$0.trimmingSpaces().isEmpty }) else { return nil }
        let words = first.trimmingSpaces().split(separator: " ", maxSplits: 2)
        if words.count >= 2, words[0].lowercased() == "date", let day = CalendarDay(parsing: String(words[1])) {
            return DocumentDate(day: day, how: "the document's first line")
        }
        return nil
    }

    /// The document with its YAML front matter blanked (its lines kept empty, so line numbers stay):
    /// a title or date there is not prose to check.
    public static func withoutFrontMatter(_ document: String) -> String {
        guard document.hasPrefix("---") || document.hasPrefix("\u{FEFF}---") else { return document }
        var lines = document.split(omittingEmptySubsequences: false, whereSeparator: \.isNewline)
        guard lines.first.map({ String($0).trimmingSpaces().hasSuffix("---") }) == true,
              let end = lines.indices.dropFirst().prefix(200).first(where: { ["---", "..."].contains(String(lines[$0]).trimmingSpaces()) })
        else { return document }
        for k in 0...end { lines[k] = "" }
        return lines.joined(separator: "\n")
    }
}
