// Periods named relative to another or to the article's date ("last year", "the same period a year
// earlier", "since September"): how they are read in a sentence, and what they resolve to.

import Foundation

extension ClaimExtractor.PeriodScanner {
    /// "since September" (no year): up to the article's date.
    func sinceMonth(at k: Int) -> PeriodMention? {
        guard w(k) == "since", let m = ClaimExtractor.month(w(k + 1)), year(at: k + 2) == nil else { return nil }
        return PeriodMention(start: k, end: k + 2, kind: .sinceMonth(m))
    }

    /// "last year", "the previous quarter", "currently", "that year's total": the phrases in
    /// `ClaimExtractor.relativePhrases`, the first that matches.
    func relativePhrase(at k: Int) -> PeriodMention? {
        let word = w(k)
        // Only the phrases that start with this word (most words start none).
        for (phrase, kind) in ClaimExtractor.relativePhrasesByFirst[word] ?? [] where k + phrase.count <= t.count {
            if (0..<phrase.count).allSatisfy({ t[k + $0].lower == phrase[$0] }) {
                return PeriodMention(start: k, end: k + phrase.count, kind: kind)
            }
        }
        // "that year's total": the year of the last period mentioned.
        if word == "that", w(k + 1) == "year's" {
            return PeriodMention(start: k, end: k + 2, kind: .thatYear)
        }
        return nil
    }
}

extension ClaimExtractor {
    /// The period a mention stands for in its sentence and document: `anchor` is the sentence's own
    /// absolute period, `context` what earlier sentences named. Nil and why when there is none.
    func resolve(_ kind: PeriodKind, anchor: Period?, context: Context) -> (Period?, String?) {
        let contextYear = anchor?.year ?? context.topic?.year ?? asOf?.year
        switch kind {
        case .month(let y, let m):
            return (nil, "\(ClaimExtractor.monthNames[m - 1]) \(y) is a month; the data has quarters, halves and years")
        case .pointInYear(_, _, let printed):
            return (nil, "'\(printed)' is not a quarter, half or year")
        case .sinceMonth(let m):
            return (nil, "'since \(ClaimExtractor.monthNames[m - 1])' is not a quarter, half or year")
        case .pastYear:
            guard let a = asOf else { return (nil, "'the past year' needs the article's date (--as-of)") }
            return (.year(a.year - 1), nil)
        case .partOfRelativeYear(let part, let lastYear):
            // With no date, "this year" is the latest year the article has named (said beside the verdict);
            // "last year" cannot be guessed.
            let name = { switch part { case .quarter(let q): "quarter \(q)"; case .half(let h): "half \(h)" } }()
            guard !lastYear, let y = context.latestYear else {
                return (nil, "'\(name) of \(lastYear ? "last" : "this") year' needs the article's date (--as-of)")
            }
            switch part {
            case .quarter(let q): return (.quarter(y, q), nil)
            case .half(let h): return (.half(y, h), nil)
            }
        case .absolute(let p): return (p, nil)
        case .unsupported(let why): return (nil, why)
        case .quarterOfContextYear(let q):
            guard let y = contextYear else { return (nil, "quarter \(q) without a year") }
            return (.quarter(y, q), nil)
        case .halfOfContextYear(let h):
            guard let y = contextYear else { return (nil, "half \(h) without a year") }
            return (.half(y, h), nil)
        case .lastYear:
            guard let a = asOf else { return (nil, "'last year' needs the article's date (--as-of)") }
            return (.year(a.year - 1), nil)
        case .thisYear:
            if asOf == nil, let y = context.latestYear { return (.year(y), nil) }
            guard let a = asOf else { return (nil, "'this year' needs the article's date (--as-of)") }
            return (.year(a.year), nil)
        case .currently:
            guard let a = asOf else { return (nil, "'currently' needs the article's date (--as-of)") }
            return (a.quarter, nil)
        case .yearBefore:
            guard let y = anchor?.year ?? context.topic?.year else { return (nil, "'the year before' of no year") }
            return (.year(y - 1), nil)
        case .samePeriodLastYear:
            guard let p = anchor ?? context.topic else { return (nil, "'the same period last year' of no period") }
            return (p.yearEarlier, nil)
        case .samePeriod:
            guard let p = context.topic ?? anchor else { return (nil, "'this period' of no period") }
            return (p, nil)
        case .thatYear:
            guard let y = context.lastMentioned?.year ?? anchor?.year else { return (nil, "'that year' of no year") }
            return (.year(y), nil)
        case .previousQuarter:
            guard let p = anchor ?? context.topic ?? asOf?.quarter, case .quarter(let y, let q) = p else { return (nil, "'the previous quarter' of no quarter") }
            return (q == 1 ? .quarter(y - 1, 4) : .quarter(y, q - 1), nil)
        }
    }
}
