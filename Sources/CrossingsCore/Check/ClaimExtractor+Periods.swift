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

    /// The periods a sentence names, in order. Each token is offered to the patterns in
    /// `PeriodScanner.mention(at:previous:)`; the first that reads a period there takes its tokens.
    func findPeriods(_ t: [Token], numbers: [NumberMention]) -> [PeriodMention] {
        let scanner = PeriodScanner(tokens: t, years: years(t, numbers: numbers), asOf: asOf, vocabulary: vocabulary)
        var out: [PeriodMention] = []
        var k = 0
        while k < t.count {
            if let m = scanner.mention(at: k, previous: out.last) {
                out.append(m); k = m.end
            } else {
                k += 1
            }
        }
        return scanner.joiningRanges(out)
    }

    /// Each number token's year, worked out once: `year(at:)` is asked of the same token by one
    /// pattern after another, and a number may ask for the noun after it.
    func years(_ t: [Token], numbers: [NumberMention]) -> [Int?] {
        func yearAt(_ j: Int) -> Int? {
            guard j < t.count, t[j].kind == .number, t[j].text.count == 4, let y = Int(t[j].text), (1900...2199).contains(y) else { return nil }
            if j > 0, ClaimExtractor.yearPrepositions.contains(t[j - 1].lower) { return y }
            // Not a year when it is itself a count ("2000 people").
            if numbers.contains(where: { $0.numberStart == j }) && countedNounAfter(NumberMention(start: j, numberStart: j, end: j + 1, value: y, high: nil, qualifier: .exact, scaled: false), tokens: t) { return nil }
            return y
        }
        return t.indices.map { t[$0].kind == .number ? yearAt($0) : nil }
    }
}

extension ClaimExtractor.PeriodKind {
    /// Whether both are "a part of a relative year" (whatever the part).
    func sameShape(_ other: Self) -> Bool {
        if case .partOfRelativeYear(_, let a) = self, case .partOfRelativeYear(_, let b) = other { return a == b }
        return false
    }
}
