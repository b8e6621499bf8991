// Periods a draft names outright: years and ranges of years, quarters and halves however they are
// written ("Q3 2024", "2024-Q3", "the third quarter of 2024", "Q1-Q2"), months and spans of months,
// and "early 2020".

import Foundation

extension ClaimExtractor.PeriodScanner {
    /// "Q4-Q1 2024", "Q1 to Q2 2024": a span of quarters or halves. One quarter, half or year when it is
    /// one ("Q1-Q2" is H1); else no period the data has — never the year alone.
    func quarterSpan(at k: Int, word: String) -> PeriodMention? {
        var span: (Substring, Substring, Int)?
        let parts = word.draftHasHyphen ? word.split(separator: "-", omittingEmptySubsequences: false) : []
        if parts.count == 2, quarterOrHalf(parts[0]) != nil, quarterOrHalf(parts[1]) != nil {
            span = (parts[0], parts[1], k + 1)
        } else if quarterOrHalf(word[...]) != nil, ["-", "–", "—", "to", "through"].contains(w(k + 1)), quarterOrHalf(w(k + 2)[...]) != nil {
            span = (word[...], w(k + 2)[...], k + 3)
        }
        guard let (a, b, spanEnd) = span, let (la, na) = quarterOrHalf(a), let (lb, nb) = quarterOrHalf(b) else { return nil }
        let after = yearAfter(spanEnd)
        let end = after.map { $0.1 } ?? spanEnd
        var part: PeriodPart?
        var wholeYear = false
        if la == lb, let na, let nb, na <= nb, (1...(la == "q" ? 4 : 2)).contains(na), (1...(la == "q" ? 4 : 2)).contains(nb) {
            if na == nb { part = la == "q" ? .quarter(na) : .half(na) }
            else if la == "q", na == 1, nb == 2 { part = .half(1) }
            else if la == "q", na == 3, nb == 4 { part = .half(2) }
            else if (la == "q" && na == 1 && nb == 4) || (la == "h" && na == 1 && nb == 2) { wholeYear = true }
        }
        if let part {
            switch part {
            case .quarter(let q): return withYear({ .quarter($0, q) }, after, relative: .quarterOfContextYear(q), start: k, end: spanEnd)
            case .half(let h): return withYear({ .half($0, h) }, after, relative: .halfOfContextYear(h), start: k, end: spanEnd)
            }
        }
        if wholeYear, let (kind, e) = after, case .absolute(.year(let y))? = kind {
            return PeriodMention(start: k, end: e, kind: .absolute(.year(y)))
        }
        return PeriodMention(start: k, end: end, kind: .unsupported("'\(printed(k, end))' is not a quarter, half or year"))
    }

    /// Ranges of years: "between 2010 and 2019", "from 2010 to 2019", "2010-2019", "2010–2019".
    func yearRange(at k: Int) -> PeriodMention? {
        var j = k
        if ["between", "from"].contains(w(k)) { j += 1 }
        guard let a = year(at: j), ["and", "to", "through", "-", "–"].contains(w(j + 1)), let b = year(at: j + 2), a != b,
              j > k || ["-", "–"].contains(w(j + 1)),
              // "2010-20190" or "2010-2019-2020" is no range of years.
              j + 3 >= t.count || !["-", "–"].contains(w(j + 3)),
              // "from 2010 to 2020s": the decade is no year.
              decadeEnd(at: j + 2) == nil else { return nil }
        // Written backwards ("between 2019 and 2010"), it is the same stretch of years.
        return PeriodMention(start: k, end: j + 3, kind: .absolute(.range(.year(min(a, b)), .year(max(a, b)))))
    }

    /// 2024-Q3, 2024-H1
    func yearDashPart(at k: Int) -> PeriodMention? {
        guard let y = year(at: k), w(k + 1) == "-", let p = try? Period(parsing: "\(y)-\(w(k + 2).uppercased())") else { return nil }
        return PeriodMention(start: k, end: k + 3, kind: .absolute(p))
    }

    /// Q3 2024, Q3 of 2024, H1 2023, Q3 alone
    func quarterOrHalfWithYear(at k: Int) -> PeriodMention? {
        let word = w(k)
        guard word.count == 2, let n = Int(word.dropFirst()), word.first == "q" || word.first == "h",
              (word.first == "q" ? 1...4 : 1...2).contains(n) else { return nil }
        let isQ = word.first == "q"
        return withYear({ isQ ? .quarter($0, n) : .half($0, n) }, yearAfter(k + 1),
                        relative: isQ ? .quarterOfContextYear(n) : .halfOfContextYear(n), start: k, end: k + 1)
    }

    /// first quarter (of 2025), second half (of 2023), first six months of 2023; "last quarter" alone
    /// is the one before; "the second" after a quarter or half is that part again.
    func ordinalPart(at k: Int, previous: PeriodMention?) -> PeriodMention? {
        let word = w(k)
        let (ordinalWord, o) = ordinalWord(at: k)
        guard let ord = ClaimExtractor.ordinals[ordinalWord] else { return nil }
        if w(k + o + 1) == "quarter" {
            if ord == 4 && word == "last" && yearAfter(k + o + 2) == nil {
                return PeriodMention(start: k, end: k + o + 2, kind: .previousQuarter)
            }
            return withYear({ .quarter($0, ord) }, yearAfter(k + o + 2), relative: .quarterOfContextYear(ord), start: k, end: k + o + 2)
        }
        if w(k + o + 1) == "half", ord <= 2 || word == "last" || word == "second" {
            let h = word == "last" ? 2 : ord
            return withYear({ .half($0, h) }, yearAfter(k + o + 2), relative: .halfOfContextYear(h), start: k, end: k + o + 2)
        }
        if let again = samePartAgain(at: k, ordinal: ord, length: o + 1, previous: previous) { return again }
        if ["six", "three"].contains(w(k + o + 1)), w(k + o + 2) == "months" {
            let isHalf = w(k + o + 1) == "six"
            let n = ord == 1 ? 1 : (isHalf ? 2 : 4)
            return withYear({ isHalf ? .half($0, n) : .quarter($0, n) }, yearAfter(k + o + 3),
                            relative: isHalf ? .halfOfContextYear(n) : .quarterOfContextYear(n), start: k, end: k + o + 3)
        }
        return nil
    }

    /// "… in the first quarter of 2024 to 1,696 in the second": the part named before, again.
    func samePartAgain(at k: Int, ordinal ord: Int, length: Int, previous: PeriodMention?) -> PeriodMention? {
        guard k > 0, t[k - 1].lower == "the", ord <= 4,
              k + length >= t.count || t[k + length].kind == .punct || ["and", "or", "to", "with", "while", "when", "as"].contains(w(k + length)),
              let previous else { return nil }
        let kind: PeriodKind?
        switch previous.kind {
        case .absolute(.quarter(let y, _)): kind = .absolute(.quarter(y, ord))
        case .absolute(.half(let y, _)) where ord <= 2: kind = .absolute(.half(y, ord))
        case .quarterOfContextYear: kind = .quarterOfContextYear(ord)
        case .halfOfContextYear where ord <= 2: kind = .halfOfContextYear(ord)
        default: kind = nil
        }
        return kind.map { PeriodMention(start: k, end: k + length, kind: $0) }
    }

    /// Month ranges: (from|between) July (to|and|-) September (2024); January-March 2025
    func monthRange(at k: Int) -> PeriodMention? {
        var j = k
        if ["from", "between"].contains(w(j)) { j += 1 }
        var m1: Int?, m2: Int?
        // Most words are no month: only then are their parts looked at ("January-March").
        let parts = w(j).draftHasHyphen ? w(j).split(separator: "-").map(String.init) : []
        if parts.count == 2, let a = ClaimExtractor.month(parts[0]), let b = ClaimExtractor.month(parts[1]) {
            m1 = a; m2 = b; j += 1
        } else if let a = ClaimExtractor.month(w(j)), ["to", "and", "-", "–", "through", "until"].contains(w(j + 1)), let b = ClaimExtractor.month(w(j + 2)) {
            m1 = a; m2 = b; j += 3
        }
        guard let a = m1, let b = m2, a <= b else { return nil }
        var year: Int?
        if let y = self.year(at: j) { year = y; j += 1 } else if w(j) == "of" || w(j) == "in", let y = self.year(at: j + 1) { year = y; j += 2 }
        let span = t[k..<j].map(\.text).joined(separator: " ")
        let period: ((Int) -> Period)?
        switch (a, b) {
        case (1, 12): period = { .year($0) }
        case (1, 6): period = { .half($0, 1) }
        case (7, 12): period = { .half($0, 2) }
        case (1, 3), (4, 6), (7, 9), (10, 12): period = { .quarter($0, (a - 1) / 3 + 1) }
        default: period = nil
        }
        guard let period else {
            return PeriodMention(start: k, end: j, kind: .unsupported("'\(span)' is not a quarter, half or year"))
        }
        guard let year else {
            let q = (a - 1) / 3 + 1
            if b - a == 2 { return PeriodMention(start: k, end: j, kind: .quarterOfContextYear(q)) }
            if b - a == 5 { return PeriodMention(start: k, end: j, kind: .halfOfContextYear(a == 1 ? 1 : 2)) }
            return PeriodMention(start: k, end: j, kind: .unsupported("'\(span)' gives no year"))
        }
        return PeriodMention(start: k, end: j, kind: .absolute(period(year)))
    }

    /// A single month with a year: May 2025
    func monthWithYear(at k: Int) -> PeriodMention? {
        let word = w(k)
        guard let month = ClaimExtractor.month(word), word != "may" || year(at: k + 1) != nil else { return nil }
        var j = k + 1
        if w(j) == "." { j += 1 }
        guard let y = year(at: j) else { return nil }
        return PeriodMention(start: k, end: j + 1, kind: .month(y, month))
    }

    /// "early 2020", "late 2024", "the end of 2024" (also "early-2020").
    func pointInYear(at k: Int) -> PeriodMention? {
        let word = w(k)
        guard ["early", "late", "end"].contains(word) || (word == "the" && w(k + 1) == "end" && w(k + 2) == "of") else { return nil }
        var j = k + 1
        if word == "the" { j = k + 3 } else if word == "end", w(j) == "of" { j += 1 }
        if w(j) == "-" { j += 1 }
        guard let y = year(at: j) else { return nil }
        let q = word == "early" ? 1 : 4
        return PeriodMention(start: k, end: j + 1, kind: .pointInYear(y, quarter: q, printed: t[k...j].map(\.text).joined(separator: " ")))
    }
}
