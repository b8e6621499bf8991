/// A comparison in a draft: "about 12 times more than the year before", "more than
/// doubled the 1,957 …", "rose 40%". The claimed factor with its hedge, and the two
/// figures it relates (`of` / `base`), as the sentence and its context give them.
///
/// The factor is kept as printed digits (`numerator / 10^scale`), like `Ratio`, so a
/// printed "1.6" is checked without binary fractions. A percentage of change is the
/// factor 1 ± p/100, with the hedge applied to the percentage (docs/check.md).
///
/// ```swift
/// // "about 12 times more than the year before"
/// claim.ratio?.numerator == 12; claim.ratio?.qualifier == .about
/// claim.ratio?.holds(13221, over: 1117) == true   // 11.84 lies in 10.8–13.2
/// ```
public struct RatioClaim: Sendable, Hashable {
    public enum Form: String, Sendable { case factor, percentChange = "percent-change" }

    public var numerator: Int
    public var scale: Int
    /// `exact`, `about`, `at-least` or `at-most`.
    public var qualifier: Qualifier
    public var form: Form
    /// A percentage of change downwards ("fell 25%", "a 25 percent drop").
    public var falling: Bool
    /// As the draft words it: "about 12 times", "more than doubled", "rose 40%".
    public var printed: String
    /// The figure compared, and the figure it is compared with; nil when the sentence does not say.
    public var of: FigureKey?
    public var base: FigureKey?
    /// Why `of` or `base` is missing.
    public var problem: String?

    /// `12`, `1.6`, `0.5`.
    public var valueText: String { Ratio.decimalText(numerator, scale: scale) }

    /// `about 12 times`, `at least 2 times`, `+40%`, `about -25%`.
    public var wording: String {
        let hedge: String = switch qualifier {
        case .about: "about "
        case .atLeast: form == .percentChange && falling ? "at least " : "at least "
        case .atMost: "at most "
        case .exact, .range: ""
        }
        switch form {
        case .factor: return "\(hedge)\(valueText) times"
        case .percentChange: return "\(hedge)\(falling ? "-" : "+")\(valueText)%"
        }
    }

    /// The bounds on figure / base as exact fractions (numerator, denominator); nil: no bound.
    /// Factors follow `Ratio` (docs/rules.md); a percentage p of change stands for 1 ± p/100,
    /// with ± half the unit of its last digit (exact) or the larger of that and 10 % of p (about).
    var bounds: (lower: (Int, Int)?, upper: (Int, Int)?)? {
        switch form {
        case .factor:
            return Ratio(id: "", key: RatioClaim.placeholder, base: RatioClaim.placeholder, numerator: numerator, scale: scale,
                         qualifier: qualifier == .range ? .exact : qualifier, printed: printed, producer: "", sourceID: "", locator: "", note: "",
                         location: Location(file: "", line: 0)).bounds
        case .percentChange:
            // In units of 1 / (2,000 × 10^scale): the factor 1 is 2,000 × 10^scale, one point of percentage 20 × 10^scale / 100…
            let unit = Ratio.power(scale)
            let (den, o1) = unit.multipliedReportingOverflow(by: 2000)
            let (delta, o2) = numerator.multipliedReportingOverflow(by: 20)
            let (tolerance, o3) = numerator.multipliedReportingOverflow(by: 2)
            guard !o1, !o2, !o3 else { return nil }
            let center = falling ? den - delta : den + delta
            switch qualifier {
            case .exact, .range: return ((center - 10, den), (center + 10, den))
            case .about:
                let tol = max(10, tolerance)
                return ((center - tol, den), (center + tol, den))
            // "rose more than 40%": 1.4 or more; "fell more than 25%": 0.75 or less (and so on).
            case .atLeast: return falling ? ((0, 1), (center, den)) : ((center, den), nil)
            case .atMost: return falling ? ((center, den), (1, 1)) : ((1, 1), (center, den))
            }
        }
    }

    static let placeholder = FigureKey(flow: Flow(citizens: "XX", destination: "YY"), period: .year(2000), measure: .total)

    /// The range of true ratios the wording allows (nil: no bound that side).
    public var interval: (lower: Double?, upper: Double?) {
        guard let b = bounds else { return (nil, nil) }
        return (b.lower.map { Double($0.0) / Double($0.1) }, b.upper.map { Double($0.0) / Double($0.1) })
    }

    /// `10.8–13.2`, `2 or more`, `at most 0.75`.
    public var intervalText: String {
        let i = interval
        func f(_ x: Double) -> String {
            var s = formatDecimal(x, 3)
            while s.contains("."), s.hasSuffix("0") { s.removeLast() }
            if s.hasSuffix(".") { s.removeLast() }
            return s
        }
        switch (i.lower, i.upper) {
        case let (l?, u?): return "\(f(l))–\(f(u))"
        case let (l?, nil): return "\(f(l)) or more"
        case let (nil, u?): return "\(f(u)) or less"
        case (nil, nil): return "any"
        }
    }

    /// Whether figure / base lies in the interval, in whole-number arithmetic (base above zero).
    public func holds(_ figure: Int, over base: Int) -> Bool {
        guard base > 0, let b = bounds else { return false }
        func compare(_ bound: (Int, Int)) -> Int? {
            let (left, o1) = figure.multipliedReportingOverflow(by: bound.1)
            let (right, o2) = bound.0.multipliedReportingOverflow(by: base)
            if o1 || o2 { return nil }
            return left < right ? -1 : (left > right ? 1 : 0)
        }
        let actual = Double(figure) / Double(base)
        if let lower = b.lower {
            if let c = compare(lower) { if c < 0 { return false } } else if actual < Double(lower.0) / Double(lower.1) { return false }
        }
        if let upper = b.upper {
            if let c = compare(upper) { if c > 0 { return false } } else if actual > Double(upper.0) / Double(upper.1) { return false }
        }
        return true
    }
}

/// Finds comparisons in a sentence and works out what they compare. See `RatioClaim`
/// and docs/check.md ("Ratios and comparisons").
///
/// The compared figure is the sentence's count before the comparison ("13,221 …, about
/// 12 times more"), or one it rises to ("tripled to 3,000"), else, for "this figure" or a
/// sentence with no count, the figure it names by nationality, destination, traveller noun and
/// period ("Russian trips to North Korea rose 40% in 2025"), else the main count of the sentence
/// before. The base is a count
/// after the comparison ("more than doubled the 1,957 Russian tourists in 2024"), else the
/// compared figure changed by what the sentence names: a period ("than the year before",
/// "than in 2023", "year on year"), another country ("the number visiting North Korea").
/// A change with no base named ("entries doubled in 2024") is on the year before, for a year.
struct RatioReader {
    var asOf: CalendarDay?
    /// Country names and demonyms (lower-cased words) → code, from countries.csv.
    var places: [([String], String)]
    var peoples: [([String], String)]
    /// The package's words, for what a traveller noun counts ("tourists" → purpose/tourism).
    var vocabulary: Vocabulary

    init(_ data: Dataset, asOf: CalendarDay?) {
        self.asOf = asOf
        self.vocabulary = data.vocabulary ?? .empty
        // Whose travel and where, in the same words the count reader uses (vocabulary.csv).
        let v = self.vocabulary
        var places = v.countries.map { ($0.words, $0.meaning) }
        var peoples = (v.people + v.adjectives).map { ($0.words, $0.meaning) }
        places.sort { ($0.0.count, $0.0.joined()) > ($1.0.count, $1.0.joined()) }
        peoples.sort { ($0.0.count, $0.0.joined()) > ($1.0.count, $1.0.joined()) }
        self.places = places
        self.peoples = peoples
    }

    struct Mention {
        var start: Int          // hedge included
        var numberStart: Int
        var end: Int
        var numerator: Int
        var scale: Int
        var qualifier: Qualifier
        var form: RatioClaim.Form
        var falling = false
        /// "three times fewer than": the base is the larger figure.
        var inverse = false
        /// A change over time (doubled, rose 40%, a five-fold increase): with no base named, on the year before.
        var change = false
    }

    static let multiplierWords: [String: (Int, Int, Bool)] = [   // numerator, scale, a change verb
        "twice": (2, 0, false), "thrice": (3, 0, false),
        "double": (2, 0, false), "doubled": (2, 0, true), "doubling": (2, 0, true), "doubles": (2, 0, true),
        "triple": (3, 0, false), "tripled": (3, 0, true), "tripling": (3, 0, true), "triples": (3, 0, true),
        "treble": (3, 0, false), "trebled": (3, 0, true),
        "quadruple": (4, 0, false), "quadrupled": (4, 0, true), "quintupled": (5, 0, true),
        "halved": (5, 1, true), "halving": (5, 1, true),
    ]
    static let rising: Set<String> = [
        "rise", "rose", "risen", "rising", "rises", "up", "increase", "increased", "increases", "increasing", "grew", "grow", "grown",
        "growth", "jump", "jumped", "climbed", "climb", "surge", "surged", "higher", "gain", "gained", "more", "soared",
    ]
    static let falling: Set<String> = [
        "fall", "fell", "fallen", "falling", "falls", "down", "drop", "dropped", "dropping", "drops", "decrease", "decreased",
        "decline", "declined", "declining", "lower", "fewer", "less", "plunged", "plunge", "slumped", "shrank", "reduction",
        "reduced", "slid", "decreasing",
    ]
    static var clauseMarks: Set<String> { ClaimExtractor.clauseStops }
    static let travelNouns: Set<String> = [
        "entries", "entry", "visitors", "visits", "tourists", "travellers", "travelers", "arrivals", "trips", "crossings", "number",
        "figure", "numbers", "flow", "entered", "visited", "travelled", "traveled", "arrived", "citizens", "nationals",
    ]

    /// A factor in words, from the vocabulary: "twelve", "zero", "hundred" ("no" and "none" are no factor).
    func numberWord(_ w: String) -> Int? {
        if w == "no" || w == "none" { return nil }
        if let n = vocabulary.numbers[w] { return n }
        return w == "hundred" ? vocabulary.scales["hundred"] : nil
    }

    /// A number at k, digits ("12", "1.6") or a word ("twelve"): numerator, scale, end. Nil beyond a billion or four decimals.
    func number(_ t: [Token], at k: Int) -> (Int, Int, Int)? {
        guard k < t.count else { return nil }
        let tok = t[k]
        if tok.kind == .number {
            let text = DraftText.digits(of: tok.text)
            let parts = text.split(separator: ".", omittingEmptySubsequences: false)
            guard parts.count <= 2, let whole = parts.first, !whole.isEmpty, whole.count <= 9 else { return nil }
            let fraction = parts.count == 2 ? parts[1] : ""
            guard fraction.count <= 4, let n = Int(whole + fraction) else { return nil }
            return (n, fraction.count, k + 1)
        }
        if let n = numberWord(tok.lower) { return (n, 0, k + 1) }
        return nil
    }

    func mentions(_ t: [Token]) -> [Mention] {
        let vocabulary = self.vocabulary
        var out: [Mention] = []
        func w(_ j: Int) -> String { j >= 0 && j < t.count ? t[j].lower : "" }
        var k = 0
        while k < t.count {
            // Most words are no factor: only digits, number words, multipliers, "…fold" and "half" are looked at.
            if t[k].kind != .number, !vocabulary.factorStarts.contains(t[k].lower),
               !(t[k].lower.utf8.count > 4 && t[k].lower.utf8.suffix(4).elementsEqual("fold".utf8)) {
                k += 1; continue
            }
            var found: Mention?
            if let (n, s, e) = number(t, at: k) {
                if w(e) == "times", ClaimExtractor.timesCountTrips(t, vocabulary, number: k, after: e + 1) {
                    // "left for North Korea 6,469 times in 2024": times that count trips, not a ratio (as the count reader).
                } else if w(e) == "times" {
                    var m = Mention(start: k, numberStart: k, end: e + 1, numerator: n, scale: s, qualifier: .exact, form: .factor)
                    if ["fewer", "less", "lower", "smaller"].contains(w(e + 1)) { m.inverse = true; m.end = e + 2 }
                    found = m
                } else if w(e) == "fold" || (w(e) == "-" && w(e + 1) == "fold") {
                    found = Mention(start: k, numberStart: k, end: w(e) == "fold" ? e + 1 : e + 2, numerator: n, scale: s, qualifier: .exact,
                                    form: .factor, change: true)
                } else if w(e) == "%" || w(e) == "percent" || (w(e) == "per" && w(e + 1) == "cent") {
                    let end = w(e) == "per" ? e + 2 : e + 1
                    found = Mention(start: k, numberStart: k, end: end, numerator: n, scale: s, qualifier: .exact, form: .percentChange, change: true)
                }
            } else if t[k].kind == .word {
                let word = t[k].lower
                if let (n, s, change) = RatioReader.multiplierWords[word] {
                    found = Mention(start: k, numberStart: k, end: k + 1, numerator: n, scale: s, qualifier: .exact, form: .factor, change: change)
                } else if word.hasSuffix("fold"), word.count > 4 {
                    // "fivefold", "five-fold", "tenfold"
                    var stem = String(word.dropLast(4))
                    if stem.hasSuffix("-") { stem.removeLast() }
                    if let n = numberWord(stem) {
                        found = Mention(start: k, numberStart: k, end: k + 1, numerator: n, scale: 0, qualifier: .exact, form: .factor, change: true)
                    }
                } else if word == "half", k > 0, !["first", "second", "last", "1st", "2nd", "a", "the", "this", "that"].contains(w(k - 1)),
                          !(w(k + 1) == "of" && t.indices.contains(k + 2) && (t[k + 2].kind == .number || ["the", "this", "that", "last", "next"].contains(w(k + 2)) && ["year", "year's"].contains(w(k + 3)))),
                          w(k + 1) != "year", w(k + 1) != "-" {
                    // "more than half the number", "about half": a share compared, only with a hedge.
                    found = Mention(start: k, numberStart: k, end: k + 1, numerator: 5, scale: 1, qualifier: .exact, form: .factor)
                    if vocabulary.hedge(t, endingBefore: k) == nil {
                        found = nil
                    }
                }
            }
            guard var m = found else { k += 1; continue }
            // The hedge just before it.
            if let (q, s) = vocabulary.hedge(t, endingBefore: m.numberStart) { m.qualifier = q; m.start = s }
            if m.form == .percentChange {
                // A change needs a direction: "rose 40%", "up 12%", "a 25 percent drop"; "40% of visitors" is a share.
                if w(m.end) == "of" { k = m.end; continue }
                var direction: Bool?
                var j = m.start - 1
                while j >= max(0, m.start - 4), !RatioReader.clauseMarks.contains(t[j].text) {
                    if RatioReader.rising.contains(t[j].lower) { direction = true; break }
                    if RatioReader.falling.contains(t[j].lower) { direction = false; break }
                    j -= 1
                }
                if direction == nil {
                    for j in m.end..<min(t.count, m.end + 2) where !RatioReader.clauseMarks.contains(t[j].text) {
                        if RatioReader.rising.contains(t[j].lower) { direction = true; break }
                        if RatioReader.falling.contains(t[j].lower) { direction = false; break }
                    }
                }
                guard let direction else { k = m.end; continue }
                m.falling = !direction
            } else if !m.change {
                // "increased 12 times", "grew three times": a change.
                let before = t[max(0, m.start - 3)..<m.start].map(\.lower)
                if before.contains(where: { RatioReader.rising.contains($0) && $0 != "more" || RatioReader.falling.contains($0) && !["fewer", "less", "lower"].contains($0) }) {
                    m.change = true
                }
            }
            out.append(m)
            k = m.end
        }
        return out
    }

    /// Ratio claims of a sentence, given its count claims and the main count of the sentence before.
    func claims(in sentence: Sentence, counts: [Claim], previous: Claim?) -> [Claim] {
        let t = sentence.tokens
        let found = mentions(t)
        guard !found.isEmpty else { return [] }
        // Where each count stands among the tokens.
        let placed: [(Int, Claim)] = counts.compactMap { c in
            t.firstIndex { $0.line == c.line && $0.column == c.column }.map { ($0, c) }
        }
        let words = t.map(\.lower)
        // Dates that are periods ("last year" and "this year" with the document's date).
        let dates = DraftDate.find(t, relativeTo: asOf).filter { $0.period != nil }
        var out: [Claim] = []
        for (i, m) in found.enumerated() {
            let regionEnd = i + 1 < found.count ? found[i + 1].start : t.count
            let regionStart = i > 0 ? found[i - 1].end : 0
            var problem: String?
            // The compared figure.
            var subject: FigureKey?
            var subjectCount: Claim?
            /// The date that gave the compared figure its period (not the base's), and a "from" date that is the base's.
            var subjectDate: Int?
            var fromDate: Int?
            if let (_, c) = placed.last(where: { $0.0 < m.start && $0.0 >= regionStart }) {
                subjectCount = c
            } else if m.change, let (_, c) = placed.first(where: { p in
                p.0 >= m.end && p.0 < regionEnd && (p.0 >= 1 && ["to", "reaching", "reach", "reached"].contains(words[p.0 - 1]))
            }) {
                subjectCount = c
            }
            // A count after the comparison is its base ("more than doubled the 1,957 Russian tourists in 2024").
            let countAfter = placed.first { $0.0 >= m.end && $0.0 < regionEnd && $0.1 != subjectCount }?.1
            if let c = subjectCount {
                subject = c.key
                if subject == nil { problem = "the compared figure has no key: " + (c.flow == nil ? "no flow" : "no period (\(c.periodProblem ?? "none"))") }
            } else {
                // "This figure more than doubled …", or a sentence about travellers with no count of its own.
                let anaphora = words.prefix(4).contains { ["this", "that", "it", "which"].contains($0) }
                let aboutTravel = words.contains { RatioReader.travelNouns.contains($0) } || !occurrences(peoples, words).isEmpty
                guard anaphora || aboutTravel else { continue }
                let own = anaphora ? nil : namedFigure(t, words, dates, from: regionStart, comparison: m, regionEnd: regionEnd, previous: previous?.key)
                if let own {
                    // "Russian trips to North Korea rose 40% in 2025": the figure named by its flow and period.
                    subject = own.key
                    subjectDate = own.date
                    fromDate = own.from
                } else if let p = previous?.key {
                    subject = p
                    // A nationality before the comparison that is not the last one's: a figure not named.
                    if let code = occurrences(peoples, Array(words[regionStart..<m.start])).last?.1, code != p.flow.citizens {
                        subject = nil
                        problem = "the compared figure is not named (no count before the comparison)"
                    }
                    // "Entries rose 40% in 2024": the period after a change, not introduced as its base, is the compared figure's.
                    if m.change, countAfter == nil,
                       let (di, d) = dates.enumerated().first(where: { $0.1.start >= m.end && $0.1.start < regionEnd && !isBaseMarked($0.1.start, words) }), let p2 = d.period {
                        subject = subject?.with(period: p2)
                        subjectDate = di
                    } else if let (di, d) = dates.enumerated().last(where: { $0.1.end <= m.start && $0.1.start >= regionStart }), let p2 = d.period {
                        subject = subject?.with(period: p2)
                        subjectDate = di
                    }
                } else {
                    problem = "the compared figure is not named (no count before it in the sentence or the one before, and no nationality with a period)"
                }
            }
            // The base.
            var base: FigureKey?
            if let c = countAfter, c.key != nil || subject == nil {
                base = c.key
                if base == nil, problem == nil { problem = "the base figure has no key: " + (c.flow == nil ? "no flow" : "no period (\(c.periodProblem ?? "none"))") }
            } else if let s = subject {
                // A count after the comparison that the count reader could not place ("the 1,957 of the year
                // before"): the base is the compared figure changed by what the sentence names, as with no count.
                var b = s
                let region = Array(words[m.end..<regionEnd])
                // Another country: "the number visiting North Korea".
                if s.flow.citizens == "RU", let code = occurrences(places, region).first(where: { $0.1 != "RU" && $0.1 != s.flow.destination })?.1 {
                    b.flow = Flow(citizens: "RU", destination: code)
                } else if s.flow.destination == "RU", let code = occurrences(peoples, region).first(where: { $0.1 != "RU" && $0.1 != s.flow.citizens })?.1 {
                    b.flow = Flow(citizens: code, destination: "RU")
                }
                // A share of the whole: "more than half of all visitors", "of the total".
                if !s.category.isEmpty, region.prefix(4).contains("of"), region.prefix(5).contains(where: { ["all", "total", "overall", "whole"].contains($0) }) {
                    b.measure = .total; b.category = ""
                }
                // A period: "than the year before", "than in 2023", "year on year", "the previous quarter".
                if let fromDate, let p = dates[fromDate].period {
                    b.period = p
                } else if let p = comparativePeriod(region, of: s.period) {
                    b.period = p
                } else if let (_, d) = dates.enumerated().first(where: { $0.0 != subjectDate && $0.1.start >= m.end && $0.1.start < regionEnd
                            && (isBaseMarked($0.1.start, words) || !m.change) }),
                          let p = d.period {
                    b.period = p
                }
                if b == s {
                    if m.change, case .year(let y) = s.period {
                        b.period = .year(y - 1)
                    } else if m.change {
                        problem = problem ?? "the sentence does not say what \(s.period) is compared with (the year before? the previous quarter?)"
                    } else {
                        problem = problem ?? "compared with what: the sentence names no other figure"
                    }
                }
                if b != s { base = b }
            }
            var of = subject
            if m.inverse { swap(&of, &base) }
            let first = t[m.start], last = t[m.end - 1]
            var printed = ""
            for k in m.start..<m.end {
                if k > m.start, !(t[k].line == t[k - 1].line && t[k].column == t[k - 1].endColumn) { printed += " " }
                printed += t[k].text
            }
            let ratio = RatioClaim(numerator: m.numerator, scale: m.scale, qualifier: m.qualifier, form: m.form, falling: m.falling,
                                   printed: printed, of: of, base: base, problem: (of == nil || base == nil) ? (problem ?? "no base") : nil)
            let shown = Ratio.power(m.scale) > 0 ? m.numerator / Ratio.power(m.scale) : m.numerator
            out.append(Claim(sentence: sentence.text, line: first.line, column: first.column,
                             endColumn: last.line == first.line ? last.endColumn : first.column + printed.count,
                             printed: printed, value: ReportedValue(value: shown, qualifier: m.qualifier == .range ? .exact : m.qualifier, printed: printed),
                             flow: of?.flow, period: of?.period, periodProblem: nil,
                             measure: of?.measure ?? .total, category: of?.category ?? "", ratio: ratio))
        }
        return out
    }

    /// "than in 2023", "compared with 2023", "from 2023", "on 2023", "over 2023", "as in 2023".
    /// The marker may stand a few small words before the date ("compared with 2023", "than in the
    /// second quarter"), but not across other words: in "twice as high in 2024 as in 2023" only 2023 is marked.
    func isBaseMarked(_ start: Int, _ words: [String]) -> Bool {
        let markers: Set<String> = ["than", "from", "on", "over", "compared", "against", "versus", "vs", "as", "comparison"]
        let fillers: Set<String> = ["in", "the", "of", "with", "to", "that", "those", "during", "for", "a"]
        var k = start - 1
        while k >= 0, k >= start - 4 {
            if markers.contains(words[k]) { return true }
            guard fillers.contains(words[k]) else { return false }
            k -= 1
        }
        return false
    }

    /// A figure named by its nationality, destination, traveller noun and period, with no count: "Russian
    /// trips to North Korea rose 40% in 2025", "North Korean entries in the third quarter of 2024 were about
    /// three times …", "In 2025, Russians visited South Korea ten times as often as North Korea", "Russian
    /// tourist trips to North Korea doubled from 2024 to 2025" (the figure is 2025, the base 2024). Nil when
    /// the sentence names no nationality before the comparison, or no period (nor does the sentence before).
    func namedFigure(_ t: [Token], _ words: [String], _ dates: [DraftDate], from regionStart: Int, comparison m: Mention, regionEnd: Int,
                     previous: FigureKey?) -> (key: FigureKey, date: Int?, from: Int?)? {
        let before = Array(words[regionStart..<m.start])
        guard let (at, code) = occurrences(peoples, before).last else { return nil }
        var flow: Flow
        if code == "RU" {
            // Russians go where the sentence says, before the comparison; else where the sentence before said.
            if let dest = occurrences(places, before).last(where: { $0.1 != "RU" && $0.0 > at })?.1 {
                flow = Flow(citizens: "RU", destination: dest)
            } else if let p = previous, p.flow.citizens == "RU" {
                flow = p.flow
            } else {
                return nil
            }
        } else {
            flow = Flow(citizens: code, destination: "RU")
        }
        // What the travellers' noun counts: "tourists" → purpose/tourism; an estimate noun ("workers") in a
        // sentence about entries is a count of entries, as the dataset records such comparisons.
        var measure = Measure.total, category = ""
        var k = regionStart + at
        while k < m.start {
            if let (phrase, end) = vocabulary.traveller(t, at: k) {
                if phrase.meaning.measure != .total, measure == .total { measure = phrase.meaning.measure; category = phrase.meaning.category }
                k = max(end, k + 1)
            } else {
                k += 1
            }
        }
        if measure == .estimate, words.contains(where: { vocabulary.entries.contains($0) || ["entering", "entries", "arriving", "arrivals"].contains($0) }) {
            measure = .total; category = ""
        }
        // The period: "from 2024 to 2025" after the comparison (the figure is the later); a date before the
        // comparison; the first after it not marked as the base's; else the sentence before's.
        for (i, d) in dates.enumerated() where d.start >= m.end && d.start < regionEnd && i + 1 < dates.count {
            let next = dates[i + 1]
            if d.start >= 1, ["from", "between"].contains(words[d.start - 1]), next.start == d.end + 1, ["to", "and"].contains(words[d.end]),
               let p = next.period {
                return (FigureKey(flow: flow, period: p, measure: measure, category: category), i + 1, i)
            }
        }
        if let (i, d) = dates.enumerated().last(where: { $0.1.end <= m.start && $0.1.start >= regionStart && !isBaseMarked($0.1.start, words) }),
           let p = d.period {
            return (FigureKey(flow: flow, period: p, measure: measure, category: category), i, nil)
        }
        if let (i, d) = dates.enumerated().first(where: { $0.1.start >= m.end && $0.1.start < regionEnd && !isBaseMarked($0.1.start, words) }),
           let p = d.period {
            return (FigureKey(flow: flow, period: p, measure: measure, category: category), i, nil)
        }
        if let p = previous, p.flow == flow {
            return (FigureKey(flow: flow, period: p.period, measure: measure, category: category), nil, nil)
        }
        return nil
    }

    /// A period named relative to the compared one.
    func comparativePeriod(_ region: [String], of period: Period) -> Period? {
        func has(_ phrase: [String]) -> Bool { !EventAlias.occurrences(of: phrase, in: region).isEmpty }
        let yearEarlier: [[String]] = [
            ["the", "year", "before"], ["the", "previous", "year"], ["a", "year", "earlier"], ["a", "year", "ago"], ["the", "year", "earlier"],
            ["the", "same", "period", "last", "year"], ["same", "period", "a", "year", "earlier"], ["year", "on", "year"], ["year-on-year"],
            ["the", "prior", "year"], ["the", "preceding", "year"],
        ]
        if yearEarlier.contains(where: has) { return period.yearEarlier }
        // "than last year": the year before the compared one only when that one is this year, or no date says otherwise.
        if has(["last", "year"]), case .year(let y) = period, asOf == nil || asOf?.year == y { return .year(y - 1) }
        if has(["the", "previous", "quarter"]) || has(["the", "quarter", "before"]) || has(["last", "quarter"]) || has(["the", "preceding", "quarter"]),
           case .quarter(let y, let q) = period {
            return q == 1 ? .quarter(y - 1, 4) : .quarter(y, q - 1)
        }
        // "those of the second quarter", "than in the first half": the compared figure's year.
        let year: Int? = switch period {
        case .year(let y), .quarter(let y, _), .half(let y, _): y
        case .range: nil
        }
        if let year {
            for (i, w) in region.enumerated() where i + 1 < region.count && i >= 1 && region[i - 1] == "the" {
                guard let n = DraftDate.ordinals[w], ["quarter", "half"].contains(region[i + 1]) else { continue }
                // Not one with its own year ("the second quarter of 2023": a date, read elsewhere).
                let after = region.dropFirst(i + 2).prefix(2)
                if after.contains(where: { $0.count == 4 && $0.allSatisfy(\.isASCIIDigit) }) { continue }
                if region[i + 1] == "quarter" { return .quarter(year, n) }
                if n <= 2 { return .half(year, n) }
            }
        }
        return nil
    }

    /// Where each listed phrase occurs (first word's position), in order; longer phrases win a position.
    func occurrences(_ list: [([String], String)], _ words: [String]) -> [(Int, String)] {
        var out: [(Int, String)] = []
        var taken = Set<Int>()
        for (phrase, code) in list {
            let hits = EventAlias.occurrences(of: phrase, in: words)
            var k = 0
            while k < hits.count {
                let i = hits[k]
                if !taken.contains(i) { out.append((i, code)) }
                for j in i..<(i + phrase.count) { taken.insert(j) }
                k += phrase.count
            }
        }
        return out.sorted { $0.0 < $1.0 }
    }
}
