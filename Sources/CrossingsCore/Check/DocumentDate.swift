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

    /// A document's lines, as the checker counts them ("\r\n" and a lone "\r" are line breaks too).
    static func lines(_ document: String, max: Int) -> [String] {
        // Bytes, not Characters: only the first `max` lines are looked at, however long the draft.
        let document = DraftText.unixLineBreaks(document)
        var lines: [String] = []
        let utf8 = document.utf8
        var start = utf8.startIndex
        while lines.count < max, start < utf8.endIndex {
            // memchr: the generic `firstIndex(of:)` took about a hundred instructions a byte of a long line.
            let offset = document[start...].utf8.withContiguousStorageIfAvailable { b in
                b.isEmpty ? nil : memchr(b.baseAddress!, 0x0A, b.count).map { UnsafeRawPointer(b.baseAddress!).distance(to: UnsafeRawPointer($0)) }
            }
            let end = offset.map { $0.map { utf8.index(start, offsetBy: $0) } ?? utf8.endIndex } ?? utf8[start...].firstIndex(of: 0x0A) ?? utf8.endIndex
            var line = Substring(document[start..<end])
            if line.hasSuffix("\r") { line = line.dropLast() }
            lines.append(String(line))
            if end == utf8.endIndex { break }
            start = utf8.index(after: end)
            if start == utf8.endIndex { lines.append("") }
        }
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
        let opening = lines.filter { !$0.trimmingSpaces().isEmpty }.prefix(5)
        guard let first = opening.first else { return (nil, nil) }
        let words = first.trimmingSpaces().split(separator: " ", maxSplits: 2)
        if words.count >= 2, words[0].lowercased() == "date", let day = CalendarDay(parsing: String(words[1])) {
            return (DocumentDate(day: day, how: "the document's first line"), nil)
        }
        // A dateline among the first five lines: a line that is only a date, perhaps with a time
        // ("8 May 2025, 14:23", "May 8, 2025", "2025-05-08"), as articles print under their title.
        for line in opening {
            if let day = dateline(line.trimmingSpaces()) { return (DocumentDate(day: day, how: "its dateline '\(line.trimmingSpaces().prefix(40))'"), nil) }
        }
        return (nil, nil)
    }

    /// "8 May 2025", "8 May 2025, 14:23", "May 8, 2025", "2025-05-08" — a whole line that is a date, else nil.
    static func dateline(_ line: String) -> CalendarDay? {
        // At most 40 characters, without counting every character of a megabyte line.
        guard line.dropFirst(40).isEmpty else { return nil }
        var words = line.replacingOccurrences(of: ",", with: " ").split(separator: " ").map { String($0).lowercased() }
        // A time after the date: "14:23", "14:23 GMT", "2:30 pm".
        if let i = words.firstIndex(where: { $0.contains(":") && $0.split(separator: ":").allSatisfy { $0.allSatisfy(\.isASCIIDigit) && !$0.isEmpty } }), i >= 1 {
            words = Array(words[..<i])
        }
        if words.count == 1 { return CalendarDay(parsing: words[0]) }
        guard words.count == 3 else { return nil }
        func month(_ w: String) -> Int? { ClaimExtractor.months[w.hasSuffix(".") ? String(w.dropLast()) : w] }
        func two(_ n: Int) -> String { n < 10 ? "0\(n)" : "\(n)" }
        let (d, m, y): (String, Int?, String) = month(words[1]) != nil ? (words[0], month(words[1]), words[2]) : (words[1], month(words[0]), words[2])
        guard let m, d.count <= 2, d.allSatisfy(\.isASCIIDigit), let dn = Int(d), y.count == 4, y.allSatisfy(\.isASCIIDigit) else { return nil }
        return CalendarDay(parsing: "\(y)-\(two(m))-\(two(dn))")
    }

    /// Looks only at the front matter and the first non-empty line, so a long draft costs nothing.
    public static func find(in document: String) -> DocumentDate? { inspect(document).date }

    /// The document with its YAML front matter blanked (its lines kept empty, so line numbers stay),
    /// and the date of a first `date YYYY-MM-DD` line or a dateline blanked in place (columns stay):
    /// a title or date there is not prose to check, and "2025-11-05" is no period of a claim.
    public static func withoutFrontMatter(_ document: String) -> String {
        let head = lines(document, max: frontMatterLines + 2)
        if let fm = frontMatter(head) {
            var all = document.split(omittingEmptySubsequences: false, whereSeparator: \.isNewline)
            for k in fm { all[k] = "" }
            return all.joined(separator: "\n")
        }
        let opening = head.indices.filter { !head[$0].trimmingSpaces().isEmpty }.prefix(5)
        guard let first = opening.first else { return document }
        var blank: [(line: Int, range: Range<Int>)] = []
        let firstLine = head[first]
        let lead = firstLine.prefix { $0 == " " || $0 == "\t" || $0 == "\u{FEFF}" }.count
        let words = firstLine.dropFirst(lead).split(separator: " ", maxSplits: 2, omittingEmptySubsequences: false)
        if words.count >= 2, words[0].lowercased() == "date", CalendarDay(parsing: String(words[1])) != nil {
            blank.append((first, lead..<(lead + words[0].count + 1 + words[1].count)))
        } else if let k = opening.first(where: { dateline(head[$0].trimmingSpaces()) != nil }) {
            blank.append((k, 0..<head[k].count))
        }
        guard !blank.isEmpty else { return document }
        var all = document.split(omittingEmptySubsequences: false, whereSeparator: \.isNewline).map(String.init)
        for (k, r) in blank where k < all.count {
            var chars = Array(all[k])
            for i in r where i < chars.count { chars[i] = " " }
            all[k] = String(chars)
        }
        return all.joined(separator: "\n")
    }
}

import Foundation
