// Periods in a draft: what a sentence names ("the first quarter of 2024", "last year") and what it resolves to.

import Foundation

extension ClaimExtractor {
    enum PeriodKind: Equatable {
        case absolute(Period)
        case unsupported(String)       // a month, or months that are not a quarter, half or year
        case quarterOfContextYear(Int) // "the third quarter"
        case halfOfContextYear(Int)
        case lastYear, thisYear, currently
        case yearBefore                // the previous year, a year earlier, the year before
        case samePeriodLastYear
        case samePeriod                // this period, that period, the same period
        case thatYear
        case previousQuarter
        /// "the first half of this year", "the third quarter of last year": a part of a year relative to the document's date.
        case partOfRelativeYear(PeriodPart, lastYear: Bool)
        /// "May 2025": a month; an estimate (a stock, not a flow) is held by the quarter that contains it.
        case month(Int, Int)
        /// "early 2020", "late 2024": a time in a year; for an estimate, that quarter.
        case pointInYear(Int, quarter: Int, printed: String)
        /// "since September" in a dated article: for an estimate, the article's quarter.
        case sinceMonth(Int)
        /// "over the past year": the calendar year before the article's date.
        case pastYear

        /// "the third quarter", "the first half": a part of a year named elsewhere in the sentence.
        var isPartOfContextYear: Bool {
            switch self {
            case .quarterOfContextYear, .halfOfContextYear: true
            default: false
            }
        }

        /// Periods that name what a number is compared with.
        var isComparative: Bool {
            switch self {
            case .yearBefore, .samePeriodLastYear, .previousQuarter: true
            default: false
            }
        }
    }

    enum PeriodPart: Equatable { case quarter(Int), half(Int) }

    struct PeriodMention { var start: Int; var end: Int; var kind: PeriodKind }

    /// Text from the draft quoted in a message, kept short: a "quarter" of 1,000 digits is shown by its start.
    static func short(_ text: String) -> String { text.count > 24 ? clip(text, 20) : text }

    /// "q5", "h3", "q12": a letter q or h and digits, as a quarter or half is written.
    static func isQuarterOrHalfLike(_ word: String) -> Bool {
        guard let f = word.utf8.first, f == 0x71 || f == 0x68 else { return false }
        let rest = word.utf8.dropFirst()
        return !rest.isEmpty && rest.allSatisfy { $0 >= 0x30 && $0 <= 0x39 }
    }

    /// Words that make a number over a range of years a per-year figure.
    static func saysPerYear(_ t: [Token]) -> Bool {
        for (i, tok) in t.enumerated() {
            let w = tok.lower
            if w == "average" || w == "averaged" || w == "annually" || w == "yearly" { return true }
            // "a year", "per year", "each year" — but not "in a year" (one year, a peak).
            if ["a", "per", "each", "every"].contains(w), i + 1 < t.count, t[i + 1].lower == "year",
               !(w == "a" && i > 0 && ["in", "within", "for"].contains(t[i - 1].lower)) { return true }
        }
        return false
    }

    static let months: [String: Int] = [
        "january": 1, "jan": 1, "february": 2, "feb": 2, "march": 3, "mar": 3, "april": 4, "apr": 4, "may": 5,
        "june": 6, "jun": 6, "july": 7, "jul": 7, "august": 8, "aug": 8, "september": 9, "sep": 9, "sept": 9,
        "october": 10, "oct": 10, "november": 11, "nov": 11, "december": 12, "dec": 12,
    ]
    /// The month of a month's name or abbreviation, asked of many words by both readers: a filter first
    /// (`WordSet`), so most words are not hashed.
    static func month(_ w: String) -> Int? { monthWords.mayContain(w) ? months[w] : nil }
    static let monthWords = WordSet(months.keys)

    /// Periods named relative to another, or to the article's date (matched in this order).
    static let relativePhrases: [([String], PeriodKind)] = [
        (["over", "the", "past", "year"], .pastYear), (["in", "the", "past", "year"], .pastYear),
        (["over", "the", "last", "year"], .pastYear), (["in", "the", "last", "year"], .pastYear),
        (["during", "the", "past", "year"], .pastYear), (["the", "past", "year"], .pastYear),
        (["the", "same", "period", "last", "year"], .samePeriodLastYear), (["same", "period", "last", "year"], .samePeriodLastYear),
        (["the", "same", "period", "a", "year", "earlier"], .samePeriodLastYear),
        (["last", "year"], .lastYear), (["this", "year"], .thisYear), (["that", "year"], .thatYear),
        (["the", "previous", "year"], .yearBefore), (["the", "year", "before"], .yearBefore), (["a", "year", "earlier"], .yearBefore),
        (["the", "previous", "quarter"], .previousQuarter), (["the", "quarter", "before"], .previousQuarter), (["last", "quarter"], .previousQuarter),
        (["the", "same", "period"], .samePeriod), (["this", "period"], .samePeriod), (["that", "period"], .samePeriod),
        (["currently"], .currently), (["at", "present"], .currently),
        (["the", "annual", "total"], .thatYear), (["annual", "total"], .thatYear), (["the", "year's", "total"], .thatYear),
    ]

    static let relativePhrasesByFirst: [String: [([String], PeriodKind)]] = Dictionary(grouping: relativePhrases, by: { $0.0[0] })

    /// Every word other than a number that can start a period in `findPeriods`, beside the vocabulary's
    /// named periods (`Vocabulary.periodStarts` holds both).
    static let periodStarts: Set<String> = Set(["between", "from", "early", "late", "end", "the", "since", "that"])
        .union(ordinals.keys).union(months.keys).union(relativePhrasesByFirst.keys)

    static let monthNames = ["January", "February", "March", "April", "May", "June", "July", "August", "September", "October", "November", "December"]

    static let ordinals: [String: Int] = [
        "first": 1, "1st": 1, "second": 2, "2nd": 2, "third": 3, "3rd": 3, "fourth": 4, "4th": 4, "final": 4, "last": 4,
    ]

    static let yearPrepositions: Set<String> = ["in", "during", "of", "since", "throughout", "by", "for", "until", "till", "before", "after"]

    func findPeriods(_ t: [Token], numbers: [NumberMention]) -> [PeriodMention] {
        var out: [PeriodMention] = []
        var k = 0
        func w(_ j: Int) -> String { j < t.count ? t[j].lower : "" }
        func yearAt(_ j: Int) -> Int? {
            guard j < t.count, t[j].kind == .number, t[j].text.count == 4, let y = Int(t[j].text), (1900...2199).contains(y) else { return nil }
            if j > 0, ClaimExtractor.yearPrepositions.contains(t[j - 1].lower) { return y }
            // Not a year when it is itself a count ("2000 people").
            if numbers.contains(where: { $0.numberStart == j }) && countedNounAfter(NumberMention(start: j, numberStart: j, end: j + 1, value: y, high: nil, qualifier: .exact, scaled: false), tokens: t) { return nil }
            return y
        }
        // Each number token's year, worked out once: `year(at:)` is asked of the same token by one
        // pattern after another, and a number may ask for the noun after it.
        let years: [Int?] = t.indices.map { t[$0].kind == .number ? yearAt($0) : nil }
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
        /// "2020s", "1990's": a decade; one past its "s".
        func decade(at j: Int) -> Int? {
            guard j + 1 < t.count, allDigits(j), t[j].text.utf8.count == 4, t[j].text.utf8.last == 0x30 else { return nil }
            if t[j + 1].lower == "s", touching(j, j + 1) { return j + 2 }
            if j + 2 < t.count, t[j + 1].lower == "'", t[j + 2].lower == "s", touching(j, j + 1), touching(j + 1, j + 2) { return j + 3 }
            return nil
        }
        /// "q4", "h1": a letter and a number as a quarter or half is written, valid or not.
        func quarterOrHalf(_ s: Substring) -> (Character, Int?)? {
            guard ClaimExtractor.isQuarterOrHalfLike(String(s)) else { return nil }
            return (s.first!, Int(s.dropFirst()))
        }
        while k < t.count {
            let word = w(k)
            // "the 2020s": a decade, which the data does not count by; never the year it starts with.
            if let e = decade(at: k) ?? (word == "the" ? decade(at: k + 1) : nil) {
                out.append(PeriodMention(start: k, end: e, kind: .unsupported("'\(printed(k, e))' is a decade; the data has quarters, halves and years")))
                k = e; continue
            }
            // "2024/25", "2024/2025": a season or fiscal year across two years, which the data does not count by.
            // (The next year, and no third part: "2025/02/09" is a day.)
            if let y = year(at: k), k + 2 < t.count, t[k + 1].text == "/", touching(k, k + 1), touching(k + 1, k + 2), allDigits(k + 2),
               let next = Int(t[k + 2].text), t[k + 2].text.utf8.count == 2 ? next == (y + 1) % 100 : t[k + 2].text.utf8.count == 4 && next == y + 1,
               !(k + 3 < t.count && t[k + 3].text == "/" && touching(k + 2, k + 3)) {
                out.append(PeriodMention(start: k, end: k + 3, kind: .unsupported("'\(printed(k, k + 3))' spans two years; the data has quarters, halves and years")))
                k += 3; continue
            }
            // "Q4-Q1 2024", "Q1 to Q2 2024": a span of quarters or halves. One quarter, half or year when it is
            // one ("Q1-Q2" is H1); else no period the data has — never the year alone.
            do {
                var span: (Substring, Substring, Int)?
                let parts = word.draftHasHyphen ? word.split(separator: "-", omittingEmptySubsequences: false) : []
                if parts.count == 2, quarterOrHalf(parts[0]) != nil, quarterOrHalf(parts[1]) != nil {
                    span = (parts[0], parts[1], k + 1)
                } else if quarterOrHalf(word[...]) != nil, ["-", "–", "—", "to", "through"].contains(w(k + 1)), quarterOrHalf(w(k + 2)[...]) != nil {
                    span = (word[...], w(k + 2)[...], k + 3)
                }
                if let (a, b, spanEnd) = span, let (la, na) = quarterOrHalf(a), let (lb, nb) = quarterOrHalf(b) {
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
                        let m: PeriodMention
                        switch part {
                        case .quarter(let q): m = withYear({ .quarter($0, q) }, after, relative: .quarterOfContextYear(q), start: k, end: spanEnd)
                        case .half(let h): m = withYear({ .half($0, h) }, after, relative: .halfOfContextYear(h), start: k, end: spanEnd)
                        }
                        out.append(m); k = m.end; continue
                    }
                    if wholeYear, let (kind, e) = after, case .absolute(.year(let y))? = kind {
                        out.append(PeriodMention(start: k, end: e, kind: .absolute(.year(y)))); k = e; continue
                    }
                    out.append(PeriodMention(start: k, end: end, kind: .unsupported("'\(printed(k, end))' is not a quarter, half or year")))
                    k = end; continue
                }
            }
            // "the 5th quarter": an ordinal in digits is a number and its suffix, read as one word.
            var ordinalWord = word, o = 0
            if k + 1 < t.count, allDigits(k), ["st", "nd", "rd", "th"].contains(w(k + 1)), touching(k, k + 1) {
                ordinalWord = word + w(k + 1); o = 1
                let n = t[k].text.utf8.count <= 4 ? Int(t[k].text) : nil
                if w(k + 2) == "quarter" && !(1...4).contains(n ?? 0) || w(k + 2) == "half" && !(1...2).contains(n ?? 0) {
                    let end = yearAfter(k + 3).map { $0.1 } ?? k + 3
                    out.append(PeriodMention(start: k, end: end, kind: .unsupported("'\(printed(k, end))' is no quarter or half of a year")))
                    k = end; continue
                }
            }
            // "In 99999, …", "in the year 0": a year by its place, but none the data could hold (1900–2199);
            // said as the period's problem, and the number is no count.
            if k + 1 < t.count, t[k + 1].kind == .number, t[k + 1].text.utf8.allSatisfy({ $0 >= 0x30 && $0 <= 0x39 }), year(at: k + 1) == nil,
               (word == "year" || (k == 0 && ["in", "during", "since", "by", "until"].contains(word) && w(k + 2) == ",")) {
                out.append(PeriodMention(start: k + 1, end: k + 2, kind: .unsupported("'\(ClaimExtractor.short(t[k + 1].text))' is no year the data could hold (1900–2199)")))
                k += 2; continue
            }
            // "the fifth quarter of 2024", "the third half": no such part of a year.
            if ["fifth", "5th", "sixth", "6th", "seventh", "7th", "eighth", "8th"].contains(word) && w(k + 1) == "quarter"
                || ["third", "3rd", "fourth", "4th"].contains(word) && w(k + 1) == "half" {
                let end = yearAfter(k + 2).map { $0.1 } ?? k + 2
                out.append(PeriodMention(start: k, end: end, kind: .unsupported("'\(t[k..<end].map(\.text).joined(separator: " "))' is no quarter or half of a year")))
                k = end; continue
            }
            // Most words start no period: only numbers, the words below that can, "q…"/"h…" (Q3, H1),
            // hyphenated words ("january-march") and the vocabulary's named periods are looked at.
            if t[k].kind != .number, !vocabulary.periodStarts.contains(word),
               word.utf8.first != 0x71, word.utf8.first != 0x68, !word.draftHasHyphen {
                k += 1; continue
            }
            // Ranges of years: "between 2010 and 2019", "from 2010 to 2019", "2010-2019", "2010–2019".
            do {
                var j = k
                if ["between", "from"].contains(word) { j += 1 }
                if let a = year(at: j), ["and", "to", "through", "-", "–"].contains(w(j + 1)), let b = year(at: j + 2), a != b,
                   j > k || ["-", "–"].contains(w(j + 1)),
                   // "2010-20190" or "2010-2019-2020" is no range of years.
                   j + 3 >= t.count || !["-", "–"].contains(w(j + 3)),
                   // "from 2010 to 2020s": the decade is no year.
                   decade(at: j + 2) == nil {
                    // Written backwards ("between 2019 and 2010"), it is the same stretch of years.
                    out.append(PeriodMention(start: k, end: j + 3, kind: .absolute(.range(.year(min(a, b)), .year(max(a, b))))))
                    k = j + 3; continue
                }
            }
            // 2025-02-09: a day, which the data does not count by.
            if year(at: k) != nil, w(k + 1) == "-", k + 4 < t.count, t[k + 2].kind == .number, w(k + 3) == "-", t[k + 4].kind == .number {
                out.append(PeriodMention(start: k, end: k + 5, kind: .unsupported("\(t[k..<k + 5].map(\.text).joined()) is a day; the data has quarters, halves and years")))
                k += 5; continue
            }
            // 2024-Q3, 2024-H1
            if let y = year(at: k), w(k + 1) == "-", let p = try? Period(parsing: "\(y)-\(w(k + 2).uppercased())") {
                out.append(PeriodMention(start: k, end: k + 3, kind: .absolute(p))); k += 3; continue
            }
            // 2024-Q5, Q5 2024, H3: written like a quarter or half, but there is none such; never read as the year alone.
            if let y = year(at: k), w(k + 1) == "-", ClaimExtractor.isQuarterOrHalfLike(w(k + 2)) {
                out.append(PeriodMention(start: k, end: k + 3, kind: .unsupported("'\(y)-\(ClaimExtractor.short(t[k + 2].text))' is no quarter (Q1–Q4) or half (H1, H2)")))
                k += 3; continue
            }
            if ClaimExtractor.isQuarterOrHalfLike(word), !(word.count == 2 && (word.first == "q" ? 1...4 : 1...2).contains(Int(word.dropFirst()) ?? 0)) {
                let end = yearAfter(k + 1).map { $0.1 } ?? k + 1
                out.append(PeriodMention(start: k, end: end, kind: .unsupported("'\(ClaimExtractor.short(t[k..<end].map(\.text).joined(separator: " ")))' is no quarter (Q1–Q4) or half (H1, H2)")))
                k = end; continue
            }
            // Q3 2024, Q3 of 2024, H1 2023, Q3 alone
            if word.count == 2, let n = Int(word.dropFirst()), word.first == "q" || word.first == "h",
               (word.first == "q" ? 1...4 : 1...2).contains(n) {
                let isQ = word.first == "q"
                let m = withYear({ isQ ? .quarter($0, n) : .half($0, n) }, yearAfter(k + 1),
                                 relative: isQ ? .quarterOfContextYear(n) : .halfOfContextYear(n), start: k, end: k + 1)
                out.append(m); k = m.end; continue
            }
            // first quarter (of 2025), second half (of 2023), first six months of 2023
            if let ord = ClaimExtractor.ordinals[ordinalWord] {
                if w(k + o + 1) == "quarter" {
                    if ord == 4 && word == "last" && yearAfter(k + o + 2) == nil {
                        out.append(PeriodMention(start: k, end: k + o + 2, kind: .previousQuarter)); k += o + 2; continue
                    }
                    let m = withYear({ .quarter($0, ord) }, yearAfter(k + o + 2), relative: .quarterOfContextYear(ord), start: k, end: k + o + 2)
                    out.append(m); k = m.end; continue
                }
                if w(k + o + 1) == "half", ord <= 2 || word == "last" || word == "second" {
                    let h = word == "last" ? 2 : ord
                    let m = withYear({ .half($0, h) }, yearAfter(k + o + 2), relative: .halfOfContextYear(h), start: k, end: k + o + 2)
                    out.append(m); k = m.end; continue
                }
                // "… in the first quarter of 2024 to 1,696 in the second": the part named before, again.
                if k > 0, t[k - 1].lower == "the", ord <= 4,
                   k + o + 1 >= t.count || t[k + o + 1].kind == .punct || ["and", "or", "to", "with", "while", "when", "as"].contains(w(k + o + 1)),
                   let previous = out.last {
                    var kind: PeriodKind?
                    switch previous.kind {
                    case .absolute(.quarter(let y, _)): kind = .absolute(.quarter(y, ord))
                    case .absolute(.half(let y, _)) where ord <= 2: kind = .absolute(.half(y, ord))
                    case .quarterOfContextYear: kind = .quarterOfContextYear(ord)
                    case .halfOfContextYear where ord <= 2: kind = .halfOfContextYear(ord)
                    default: kind = nil
                    }
                    if let kind { out.append(PeriodMention(start: k, end: k + o + 1, kind: kind)); k += o + 1; continue }
                }
                if ["six", "three"].contains(w(k + o + 1)), w(k + o + 2) == "months" {
                    let isHalf = w(k + o + 1) == "six"
                    let n = ord == 1 ? 1 : (isHalf ? 2 : 4)
                    let m = withYear({ isHalf ? .half($0, n) : .quarter($0, n) }, yearAfter(k + o + 3),
                                     relative: isHalf ? .halfOfContextYear(n) : .quarterOfContextYear(n), start: k, end: k + o + 3)
                    out.append(m); k = m.end; continue
                }
            }
            // Month ranges: (from|between) July (to|and|-) September (2024); January-March 2025
            if let m = monthRange(t, at: k, yearAt: year) {
                out.append(m); k = m.end; continue
            }
            // A single month with a year: May 2025
            if let month = ClaimExtractor.month(word), word != "may" || year(at: k + 1) != nil {
                var j = k + 1
                if w(j) == "." { j += 1 }
                if let y = year(at: j) {
                    out.append(PeriodMention(start: k, end: j + 1, kind: .month(y, month)))
                    k = j + 1; continue
                }
            }
            // "early 2020", "late 2024" (also "early-2020").
            if ["early", "late", "end"].contains(word) || (word == "the" && w(k + 1) == "end" && w(k + 2) == "of") {
                var j = k + 1
                if word == "the" { j = k + 3 } else if word == "end", w(j) == "of" { j += 1 }
                if w(j) == "-" { j += 1 }
                if let y = year(at: j) {
                    let q = word == "early" ? 1 : 4
                    out.append(PeriodMention(start: k, end: j + 1, kind: .pointInYear(y, quarter: q, printed: t[k...j].map(\.text).joined(separator: " "))))
                    k = j + 1; continue
                }
            }
            // "since September" (no year): up to the article's date.
            if word == "since", let m = ClaimExtractor.month(w(k + 1)), year(at: k + 2) == nil {
                out.append(PeriodMention(start: k, end: k + 2, kind: .sinceMonth(m))); k += 2; continue
            }
            // Relative periods.
            // Only the phrases that start with this word (most words start none).
            let phrases = ClaimExtractor.relativePhrasesByFirst[word] ?? []
            var matched = false
            for (phrase, kind) in phrases where k + phrase.count <= t.count {
                if (0..<phrase.count).allSatisfy({ t[k + $0].lower == phrase[$0] }) {
                    // "that year's total": the year of the last period mentioned.
                    out.append(PeriodMention(start: k, end: k + phrase.count, kind: kind))
                    k += phrase.count
                    matched = true
                    break
                }
            }
            if matched { continue }
            if word == "that", w(k + 1) == "year's" {
                out.append(PeriodMention(start: k, end: k + 2, kind: .thatYear)); k += 2; continue
            }
            if let y = year(at: k) {
                out.append(PeriodMention(start: k, end: k + 1, kind: .absolute(.year(y)))); k += 1; continue
            }
            // A named stretch of time from the vocabulary: "during the pandemic".
            if let (p, n) = vocabulary.namedPeriod(t, at: k) {
                out.append(PeriodMention(start: k, end: k + n, kind: .absolute(p.meaning))); k += n; continue
            }
            k += 1
        }
        // "2023-Q1..2024-Q3", "2024-Q3..2023-Q1": two periods joined by ".." (or "…") are one range, read as the
        // data writes it, or no period at all; never the second alone.
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

    func monthRange(_ t: [Token], at k: Int, yearAt: (Int) -> Int?) -> PeriodMention? {
        func w(_ j: Int) -> String { j < t.count ? t[j].lower : "" }
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
        if let y = yearAt(j) { year = y; j += 1 } else if w(j) == "of" || w(j) == "in", let y = yearAt(j + 1) { year = y; j += 2 }
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

extension ClaimExtractor.PeriodKind {
    /// Whether both are "a part of a relative year" (whatever the part).
    func sameShape(_ other: Self) -> Bool {
        if case .partOfRelativeYear(_, let a) = self, case .partOfRelativeYear(_, let b) = other { return a == b }
        return false
    }
}
