// Reading the periods of one sentence: the tokens, what each pattern asks of them, and the order
// in which the patterns are tried (the patterns themselves are in ClaimExtractor+ExplicitPeriods,
// +UnsupportedPeriods and +RelativePeriods).

import Foundation

extension ClaimExtractor {
    /// One sentence's tokens, read for periods. Each pattern is a method that, at token `k`, returns
    /// the period it reads there (with the tokens it takes) or nil. A class, not a struct: its
    /// patterns are asked of every token, and a copy of a struct that holds the vocabulary is dozens
    /// of retains (twice the reader's time in a debug build).
    final class PeriodScanner {
        let t: [Token]
        /// Each number token's year, or nil (`ClaimExtractor.years(_:numbers:)`).
        let years: [Int?]
        let asOf: CalendarDay?
        let vocabulary: Vocabulary

        // The extractor's period types by their short names in the patterns' files too
        // (an extension of a nested type does not see its parent's names).
        typealias PeriodMention = ClaimExtractor.PeriodMention
        typealias PeriodKind = ClaimExtractor.PeriodKind
        typealias PeriodPart = ClaimExtractor.PeriodPart

        init(tokens: [Token], years: [Int?], asOf: CalendarDay?, vocabulary: Vocabulary) {
            self.t = tokens
            self.years = years
            self.asOf = asOf
            self.vocabulary = vocabulary
        }

        /// The period that starts at token `k`, trying the patterns in order; `previous` is the
        /// period read last in the sentence ("… in the first quarter of 2024 to 1,696 in the second").
        func mention(at k: Int, previous: PeriodMention?) -> PeriodMention? {
            // Every token passes the patterns up to `mayStartPeriod`: they are given its word, not each a copy.
            let word = t[k].lower
            // Written like a period, but none the data has: said so, and never read as the year alone.
            if let m = decade(at: k, word: word) { return m }
            if let m = season(at: k) { return m }
            if let m = quarterSpan(at: k, word: word) { return m }
            if let m = impossibleNumberedPart(at: k) { return m }
            if let m = impossibleYear(at: k, word: word) { return m }
            if let m = impossibleNamedPart(at: k, word: word) { return m }
            // Most words start no period: only numbers, the words that can, "q…"/"h…" (Q3, H1),
            // hyphenated words ("january-march") and the vocabulary's named periods are looked at.
            guard mayStartPeriod(at: k, word: word) else { return nil }
            if let m = yearRange(at: k) { return m }
            if let m = day(at: k) { return m }
            if let m = yearDashPart(at: k) { return m }
            if let m = impossibleYearDashPart(at: k) { return m }
            if let m = impossibleQuarterOrHalf(at: k) { return m }
            if let m = quarterOrHalfWithYear(at: k) { return m }
            if let m = ordinalPart(at: k, previous: previous) { return m }
            if let m = monthRange(at: k) { return m }
            if let m = monthWithYear(at: k) { return m }
            if let m = pointInYear(at: k) { return m }
            if let m = sinceMonth(at: k) { return m }
            if let m = relativePhrase(at: k) { return m }
            if let m = year(at: k).map({ PeriodMention(start: k, end: k + 1, kind: .absolute(.year($0))) }) { return m }
            // A named stretch of time from the vocabulary: "during the pandemic".
            if let (p, n) = vocabulary.namedPeriod(t, at: k) { return PeriodMention(start: k, end: k + n, kind: .absolute(p.meaning)) }
            return nil
        }

        func mayStartPeriod(at k: Int, word: String) -> Bool {
            t[k].kind == .number || vocabulary.periodStarts.contains(word)
                || word.utf8.first == 0x71 || word.utf8.first == 0x68 || word.draftHasHyphen
        }

        // MARK: What the patterns ask of the tokens

        /// Token j's lowercased text, or "" past the end.
        func w(_ j: Int) -> String { j < t.count ? t[j].lower : "" }
        func year(at j: Int) -> Int? { j < t.count ? years[j] : nil }

        /// "of 2024", "in 2024", "2024", "this year", "last year" after a quarter or half.
        func yearAfter(_ j: Int) -> (PeriodKind?, Int)? {
            var j = j
            if ["of", "in"].contains(w(j)) { j += 1 }
            // Right after "quarter of", a four-digit number is the year, whatever follows it.
            if j < t.count, t[j].kind == .number, t[j].text.count == 4, let y = Int(t[j].text), (1900...2199).contains(y) {
                return (.absolute(.year(y)), j + 1)
            }
            if w(j) == "this", w(j + 1) == "year" { return (.thisYear, j + 2) }
            if w(j) == "last", w(j + 1) == "year" { return (.lastYear, j + 2) }
            if w(j) == "that", w(j + 1) == "year" { return (.thatYear, j + 2) }
            return nil
        }

        /// A quarter or half with the year after it (`yearAfter`), or `relative` (of the year named elsewhere) without one.
        func withYear(_ make: (Int) -> Period, _ after: (PeriodKind?, Int)?, relative: PeriodKind, start: Int, end: Int) -> PeriodMention {
            guard let (kind, e) = after, let kind else { return PeriodMention(start: start, end: end, kind: relative) }
            switch kind {
            case .absolute(let p): return PeriodMention(start: start, end: e, kind: .absolute(make(p.year)))
            case .thisYear, .lastYear:
                if let a = asOf { return PeriodMention(start: start, end: e, kind: .absolute(make(kind == .lastYear ? a.year - 1 : a.year))) }
                if case .quarterOfContextYear(let q) = relative { return PeriodMention(start: start, end: e, kind: .partOfRelativeYear(.quarter(q), lastYear: kind == .lastYear)) }
                if case .halfOfContextYear(let h) = relative { return PeriodMention(start: start, end: e, kind: .partOfRelativeYear(.half(h), lastYear: kind == .lastYear)) }
            default: break
            }
            return PeriodMention(start: start, end: e, kind: .unsupported("'\(t[start..<e].map(\.text).joined(separator: " "))' needs --as-of"))
        }

        func touching(_ a: Int, _ b: Int) -> Bool { t[a].line == t[b].line && t[a].endColumn == t[b].column }

        /// Tokens a to b as written: those that touch ("5th", "2020s") stay together.
        func printed(_ a: Int, _ b: Int) -> String {
            var s = ""
            for j in a..<b { if j > a, !touching(j - 1, j) { s += " " }; s += t[j].text }
            return ClaimExtractor.short(s)
        }

        func allDigits(_ j: Int) -> Bool { t[j].kind == .number && t[j].text.utf8.allSatisfy { $0 >= 0x30 && $0 <= 0x39 } }

        /// "q4", "h1": a letter and a number as a quarter or half is written, valid or not.
        func quarterOrHalf(_ s: Substring) -> (Character, Int?)? {
            guard ClaimExtractor.isQuarterOrHalfLike(String(s)) else { return nil }
            return (s.first!, Int(s.dropFirst()))
        }

        /// The ordinal at k as one word, and how many tokens past the first it takes: "5th" is a
        /// number and its suffix ("5", "th"), read as one word; any other word is itself.
        func ordinalWord(at k: Int) -> (word: String, extra: Int) {
            hasOrdinalSuffix(at: k) ? (w(k) + w(k + 1), 1) : (w(k), 0)
        }

        /// "5th", "21st": digits and a suffix that touches them.
        func hasOrdinalSuffix(at k: Int) -> Bool {
            k + 1 < t.count && allDigits(k) && ["st", "nd", "rd", "th"].contains(w(k + 1)) && touching(k, k + 1)
        }

        // MARK: Ranges written with dots

        /// "2023-Q1..2024-Q3", "2024-Q3..2023-Q1": two periods joined by ".." (or "…") are one range, read as the
        /// data writes it, or no period at all; never the second alone.
        func joiningRanges(_ out: [PeriodMention]) -> [PeriodMention] {
            var merged: [PeriodMention] = []
            for m in out {
                if let previous = merged.last, previous.end < m.start {
                    let gap = previous.end..<m.start
                    let dots = gap.count == 2 && t[gap.lowerBound].text == "." && t[gap.lowerBound + 1].text == "."
                        || gap.count == 1 && t[gap.lowerBound].text == "…"
                    if dots, touching(previous.end - 1, gap.lowerBound), touching(gap.upperBound - 1, m.start), gap.dropFirst().allSatisfy({ touching($0 - 1, $0) }) {
                        var kind = PeriodKind.unsupported("'\(printed(previous.start, m.end))' is no period the data has (a range runs from an earlier period to a later one)")
                        if case .absolute(let a) = previous.kind, case .absolute(let b) = m.kind, let r = try? Period(parsing: "\(a)..\(b)") { kind = .absolute(r) }
                        merged[merged.count - 1] = PeriodMention(start: previous.start, end: m.end, kind: kind)
                        continue
                    }
                }
                merged.append(m)
            }
            return merged
        }
    }
}
