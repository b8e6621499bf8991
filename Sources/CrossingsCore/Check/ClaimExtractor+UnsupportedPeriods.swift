// Periods a draft writes that the data does not count by, or that cannot be (decades, seasons,
// days, a fifth quarter, the year 99999): each read as one mention that says why, so the number
// beside it is not checked against the year alone.

import Foundation

extension ClaimExtractor.PeriodScanner {
    /// "2020s", "1990's": a decade; one past its "s".
    func decadeEnd(at j: Int) -> Int? {
        guard j + 1 < t.count, allDigits(j), t[j].text.utf8.count == 4, t[j].text.utf8.last == 0x30 else { return nil }
        if t[j + 1].lower == "s", touching(j, j + 1) { return j + 2 }
        if j + 2 < t.count, t[j + 1].lower == "'", t[j + 2].lower == "s", touching(j, j + 1), touching(j + 1, j + 2) { return j + 3 }
        return nil
    }

    /// "the 2020s": a decade, which the data does not count by; never the year it starts with.
    func decade(at k: Int, word: String) -> PeriodMention? {
        guard let e = decadeEnd(at: k) ?? (word == "the" ? decadeEnd(at: k + 1) : nil) else { return nil }
        return PeriodMention(start: k, end: e, kind: .unsupported("'\(printed(k, e))' is a decade; the data has quarters, halves and years"))
    }

    /// "2024/25", "2024/2025": a season or fiscal year across two years, which the data does not count by.
    /// (The next year, and no third part: "2025/02/09" is a day.)
    func season(at k: Int) -> PeriodMention? {
        guard let y = year(at: k), k + 2 < t.count, t[k + 1].text == "/", touching(k, k + 1), touching(k + 1, k + 2), allDigits(k + 2),
              let next = Int(t[k + 2].text), t[k + 2].text.utf8.count == 2 ? next == (y + 1) % 100 : t[k + 2].text.utf8.count == 4 && next == y + 1,
              !(k + 3 < t.count && t[k + 3].text == "/" && touching(k + 2, k + 3)) else { return nil }
        return PeriodMention(start: k, end: k + 3, kind: .unsupported("'\(printed(k, k + 3))' spans two years; the data has quarters, halves and years"))
    }

    /// "the 5th quarter", "the 3rd half": an ordinal in digits that is no part of a year.
    func impossibleNumberedPart(at k: Int) -> PeriodMention? {
        guard hasOrdinalSuffix(at: k) else { return nil }
        let n = t[k].text.utf8.count <= 4 ? Int(t[k].text) : nil
        guard w(k + 2) == "quarter" && !(1...4).contains(n ?? 0) || w(k + 2) == "half" && !(1...2).contains(n ?? 0) else { return nil }
        let end = yearAfter(k + 3).map { $0.1 } ?? k + 3
        return PeriodMention(start: k, end: end, kind: .unsupported("'\(printed(k, end))' is no quarter or half of a year"))
    }

    /// "In 99999, …", "in the year 0": a year by its place, but none the data could hold (1900–2199);
    /// said as the period's problem, and the number is no count.
    func impossibleYear(at k: Int, word: String) -> PeriodMention? {
        guard k + 1 < t.count, t[k + 1].kind == .number, t[k + 1].text.utf8.allSatisfy({ $0 >= 0x30 && $0 <= 0x39 }), year(at: k + 1) == nil,
              word == "year" || (k == 0 && ["in", "during", "since", "by", "until"].contains(word) && w(k + 2) == ",") else { return nil }
        return PeriodMention(start: k + 1, end: k + 2, kind: .unsupported("'\(ClaimExtractor.short(t[k + 1].text))' is no year the data could hold (1900–2199)"))
    }

    /// "the fifth quarter of 2024", "the third half": no such part of a year.
    func impossibleNamedPart(at k: Int, word: String) -> PeriodMention? {
        guard ["fifth", "5th", "sixth", "6th", "seventh", "7th", "eighth", "8th"].contains(word) && w(k + 1) == "quarter"
            || ["third", "3rd", "fourth", "4th"].contains(word) && w(k + 1) == "half" else { return nil }
        let end = yearAfter(k + 2).map { $0.1 } ?? k + 2
        return PeriodMention(start: k, end: end, kind: .unsupported("'\(t[k..<end].map(\.text).joined(separator: " "))' is no quarter or half of a year"))
    }

    /// 2025-02-09: a day, which the data does not count by.
    func day(at k: Int) -> PeriodMention? {
        guard year(at: k) != nil, w(k + 1) == "-", k + 4 < t.count, t[k + 2].kind == .number, w(k + 3) == "-", t[k + 4].kind == .number else { return nil }
        return PeriodMention(start: k, end: k + 5, kind: .unsupported("\(t[k..<k + 5].map(\.text).joined()) is a day; the data has quarters, halves and years"))
    }

    /// 2024-Q5, 2024-H3: written like a quarter or half, but there is none such; never read as the year alone.
    func impossibleYearDashPart(at k: Int) -> PeriodMention? {
        guard let y = year(at: k), w(k + 1) == "-", ClaimExtractor.isQuarterOrHalfLike(w(k + 2)) else { return nil }
        return PeriodMention(start: k, end: k + 3, kind: .unsupported("'\(y)-\(ClaimExtractor.short(t[k + 2].text))' is no quarter (Q1–Q4) or half (H1, H2)"))
    }

    /// Q5 2024, H3: written like a quarter or half, but there is none such.
    func impossibleQuarterOrHalf(at k: Int) -> PeriodMention? {
        let word = w(k)
        guard ClaimExtractor.isQuarterOrHalfLike(word), !(word.count == 2 && (word.first == "q" ? 1...4 : 1...2).contains(Int(word.dropFirst()) ?? 0)) else { return nil }
        let end = yearAfter(k + 1).map { $0.1 } ?? k + 1
        return PeriodMention(start: k, end: end, kind: .unsupported("'\(ClaimExtractor.short(t[k..<end].map(\.text).joined(separator: " ")))' is no quarter (Q1–Q4) or half (H1, H2)"))
    }
}
