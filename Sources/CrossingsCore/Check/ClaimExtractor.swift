/// Finds counts of travellers in a draft and works out, for each, whose travel,
/// which way, when, and in what category. See docs/check.md for what is
/// recognised.
///
/// Context carries from sentence to sentence, as a reader's does: a sentence
/// that names no nationality speaks of the last one named ("During this
/// period, only around 300 people entered the country"), and one that names
/// no period speaks of the last period a sentence was about.
///
/// ```swift
/// let claims = ClaimExtractor(vocabulary: data.vocabulary!, asOf: CalendarDay(parsing: "2025-02-09")).claims(in: "During 2024, 13,221 North Korean citizens entered Russia.")
/// claims[0].key   // KP-RU 2024 total
/// ```
public struct ClaimExtractor {
    public var asOf: CalendarDay?
    /// The words it reads by (the package's vocabulary.csv).
    public var vocabulary: Vocabulary

    public init(vocabulary: Vocabulary, asOf: CalendarDay? = nil) {
        self.vocabulary = vocabulary
        self.asOf = asOf
    }

    struct NumberMention {
        var start: Int          // first token (hedge included)
        var numberStart: Int    // first token of the number itself
        var end: Int            // one past the last token
        var value: Int
        var high: Int?
        var qualifier: Qualifier
        var scaled: Bool
        /// Written as a number but a trillion or more (more than 16 digits, "2,000 billion",
        /// "hundred hundred hundred …"): no count of travellers; `value` is then `largestCount`.
        var tooLarge = false
    }

    /// What `parseNumber` read at a token: its value (a trillion or more only as `tooLarge`),
    /// one past its last token, and whether a scale word or letter multiplied it ("5.5K", "two million").
    struct ParsedNumber {
        var value: Int
        var end: Int
        var scaled: Bool
        var tooLarge = false
        /// Read, but no whole number ("zero point five", "two point five"): no count, and its words are no other number.
        var notACount = false
        static func tooLarge(end: Int, scaled: Bool) -> ParsedNumber {
            ParsedNumber(value: ClaimExtractor.largestCount, end: end, scaled: scaled, tooLarge: true)
        }
    }

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

    /// Claims in a whole document, in order.
    public func claims(in document: String) -> [Claim] {
        claims(in: ClaimExtractor.sentences(of: document))
    }

    /// Claims in a document already cut into sentences (`sentences(of:)`), in order.
    public func claims(in sentences: [Sentence]) -> [Claim] {
        var context = Context()
        var out: [Claim] = []
        for sentence in sentences { out += claims(in: sentence, context: &context) }
        return out
    }

    /// A draft cut into sentences as the readers see it: Windows ("\r\n") and old Mac OS ("\r") line
    /// breaks counted as Unix ones, escape sequences and control characters blanked.
    public static func sentences(of document: String) -> [Sentence] {
        DraftText.sentences(withoutControls(DraftText.unixLineBreaks(document)))
    }

    struct Context: Hashable {
        var flow: Flow?
        var topic: Period?
        var lastMentioned: Period?
        /// The paragraph the last sentence stood in, and the period its first claim spoke of (its lead):
        /// a new paragraph goes back to the lead of the one before, not to a quarter its last sentence
        /// mentioned in passing ("During the same period, 33,110 Russians visited South Korea").
        var paragraph = -1
        var lead: Period?
        var leadOfThisParagraph: Period?
        /// The last figure a claim was about, for "out of 10,000, over a thousand …" (the whole named before).
        var lastKey: FigureKey?
        /// The latest year the document has named: "this year" in an undated article is read as it (and said so).
        var latestYear: Int?
    }

    func claims(in sentence: Sentence, context: inout Context) -> [Claim] {
        let t = sentence.tokens
        if sentence.paragraph != context.paragraph {
            if context.paragraph >= 0, let lead = context.leadOfThisParagraph ?? context.lead {
                context.lead = lead
                context.topic = lead
            }
            context.paragraph = sentence.paragraph
            context.leadOfThisParagraph = nil
        }
        let allNumbers = findNumbers(t)
        let periods = findPeriods(t, numbers: allNumbers)
        let travel = t.contains { vocabulary.travelWords.contains($0.lower) }
        // Only counts bound the windows in which a number's period and category are looked for.
        let numbers = allNumbers.filter { n in
            isCount(n, tokens: t, travel: travel) && !periods.contains { $0.start <= n.numberStart && n.numberStart < $0.end }
        }
        // Resolve the sentence's periods: absolute ones first, then those relative to them.
        let firstAbsolute: Period? = periods.lazy.compactMap { if case .absolute(let p) = $0.kind { p } else { nil } }.first
        // A period fixed by the document's date ("last year 9,985 …, against 6,469 the year before") anchors the rest too.
        let ctx0 = context
        let firstDated: Period? = periods.compactMap { m -> Period? in
            switch m.kind {
            case .lastYear, .thisYear, .currently, .partOfRelativeYear: return resolve(m.kind, anchor: nil, context: ctx0).0
            default: return nil
            }
        }.first
        let anchor = firstAbsolute ?? firstDated ?? context.topic
        var resolved: [(PeriodMention, Period?, String?)] = []
        for m in periods {
            // "that year" is the year of the period named just before it, in this sentence or the last.
            let before = resolved.last { $0.1 != nil }?.1
            var ctx = context
            if let before { ctx.lastMentioned = before }
            let (p, problem) = resolve(m.kind, anchor: anchor, context: ctx)
            resolved.append((m, p, problem))
        }
        let named = mentions(t)
        let sentenceFlowHint = flowHint(named, near: t.count / 2, context: context)

        var out: [Claim] = []
        var ownedByPrevious: Int?   // the start of the period the previous number took from after it
        var subjectCategory: (Measure, String)?   // the category the sentence's subject names, for a list of numbers
        for (i, n) in numbers.enumerated() {
            let prevEnd = i > 0 ? numbers[i - 1].end : 0
            let nextStart = i + 1 < numbers.count ? numbers[i + 1].start : t.count
            // Period: after the number (up to the next number), else before it (back to the previous one), else the sentence's, else the topic.
            var period: Period?, problem: String?
            // "13,221 entered, about 12 times more than the year before": a period of comparison
            // after the number belongs to the comparison, unless the number is itself compared.
            let comparing = isComparison(n, tokens: t)
            // Forward only within the clause: "5,500 entered Russia, bringing that year's total to …".
            var clauseEnd = n.end
            while clauseEnd < nextStart, ![",", ";", "(", ")", "—", "–"].contains(t[clauseEnd].text) { clauseEnd += 1 }
            let forward = resolved.first { m in
                m.0.start >= n.end && m.0.start < clauseEnd && (comparing || !m.0.kind.isComparative)
            }
            // Not one the previous number already took: "from about 5,500 in the fourth quarter of 2024 to 295 in the first quarter of 2025".
            let backward = resolved.last { $0.0.end <= n.start && $0.0.start >= prevEnd && $0.0.start != ownedByPrevious }
            // The nearer of the two ("The 2019 total of 21,000 … was close to the 2024 level"); a tie goes forward.
            var nearest: (PeriodMention, Period?, String?)?
            switch (forward, backward) {
            case let (f?, b?): nearest = (f.0.start - n.end) <= (n.start - b.0.end) ? f : b
            case let (f, b): nearest = f ?? b
            }
            // A compared number with a comparative period of its own ("from the 44 … during the same
            // period last year"): that period is its, not the main clause's before it.
            if comparing, let f = forward, f.0.kind.isComparative { nearest = f }
            // "In 2023, 365 … in the third quarter": the quarter refines the year before it, it does not compete.
            if let f = forward, let b = backward, case .year(let y)? = b.1, f.0.kind.isPartOfContextYear,
               f.1?.year == y { nearest = f }
            if let b = backward, let f = forward, case .absolute(.year(let y)) = f.0.kind, b.0.kind.isPartOfContextYear,
               b.1?.year == y { nearest = b }
            var chosen: PeriodMention?
            defer { ownedByPrevious = chosen.flatMap { $0.start >= n.end ? $0.start : nil } }
            if let m = nearest {
                period = m.1; problem = m.2; chosen = m.0
            } else if let m = resolved.first {
                period = m.1; problem = m.2; chosen = m.0
            } else if let topic = context.topic {
                period = topic
            } else {
                problem = sentence.cut
                    ? "no period in this part of a run-on sentence, cut after \(DraftText.softSentenceTokens) words and signs (a period further on is not read with it), or before it"
                    : "no period in the sentence or before it"
            }
            // "about 540 a month": a rate per month, week or day, which the data does not count by.
            if let unit = ClaimExtractor.ratePerShortTime(n, tokens: t, before: nextStart) {
                period = nil
                problem = "a figure per \(unit); the data counts quarters, halves and years"
            }
            let found = categoryOf(n, tokens: t, prevEnd: prevEnd, nextStart: nextStart)
            var (measure, category) = found.map { ($0.measure, $0.category) } ?? subjectCategory ?? (.total, "")
            if let found { subjectCategory = found.fromBefore ? (found.measure, found.category) : nil }
            var readingNote: String?
            if asOf == nil, let p = period, let kind = chosen?.kind, kind == .thisYear || kind.sameShape(.partOfRelativeYear(.quarter(1), lastYear: false)) {
                readingNote = "'this year' read as \(p.year), the latest year the article names before it (it gives no date; --as-of sets one)"
            }
            if let p = period, chosen?.kind == .pastYear {
                readingNote = "'the past year' read as \(p), the last calendar year before the article's date"
            }
            if measure == .estimate, period == nil, ClaimExtractor.ratePerShortTime(n, tokens: t, before: nextStart) == nil {
                // An estimate counts people present, not trips: one "in May 2025" or with no period in an
                // article dated 2025-11-05 is the estimate of that quarter.
                if let kind = chosen?.kind, case .month(let y, let m) = kind {
                    period = .quarter(y, (m - 1) / 3 + 1)
                    readingNote = "\(ClaimExtractor.monthNames[m - 1]) \(y) is in \(period!): estimates are held by quarter"
                } else if let kind = chosen?.kind, case .pointInYear(let y, let q, let printed) = kind {
                    period = .quarter(y, q)
                    readingNote = "'\(printed)' read as \(period!): estimates are held by quarter"
                } else if let kind = chosen?.kind, case .sinceMonth = kind, let a = asOf {
                    period = a.quarter
                    readingNote = "an estimate as of the article's date, \(a.description) (\(a.quarter))"
                } else if chosen == nil, let a = asOf {
                    period = a.quarter
                    readingNote = "no period given: an estimate as of the article's date, \(a.description) (\(a.quarter))"
                }
            }
            // "about 4,900 a year on average between 2010 and 2019": a per-year average over the range.
            if case .range = period, measure == .total, ClaimExtractor.saysPerYear(t) { measure = .annualAverage; category = "" }
            var flow = flowHint(named, near: n.numberStart, context: context) ?? sentenceFlowHint ?? context.flow
            // Leaving, in the number's own clause: "had returned to their country" in another clause does not count.
            // "left North Korea", "returned to Russia": not the entries the data counts ("left for North Korea" is going there).
            let numberClause = clause(around: n, in: t)
            if flow != nil, numberClause.contains(where: { j in
                vocabulary.exits.contains(t[j].lower) && !(j + 1 < t.count && t[j + 1].lower == "for")
            }) { flow = nil }
            // "13,221 North Koreans did not enter Russia": nothing is claimed to have happened.
            if let j = numberClause.first(where: { j in
                !(n.start..<n.end).contains(j) && (["not", "never"].contains(t[j].lower) || t[j].lower.hasSuffix("n't"))
                    && !(j + 1 < t.count && ["only", "just", "least", "a", "one", "more", "less", "fewer"].contains(t[j + 1].lower))
            }) {
                period = nil
                problem = "the sentence says this did not happen ('\(t[j].text)'): no count to check"
            }
            // Russians going nowhere named, with no earlier sentence to say where: North Korea, the country
            // this tool is about — said beside the verdict ("Russian tourists numbered 1,957 in 2024").
            if flow == nil, named.places.isEmpty, named.nations.contains(where: { $0.code == "RU" }),
               !named.nations.contains(where: { $0.code != "RU" }) {
                flow = Flow(citizens: "RU", destination: "KP")
                readingNote = [readingNote, "no destination named: read as Russians travelling to North Korea"].compactMap { $0 }.joined(separator: "; ")
            }
            // "out of 10,000, …": the whole last spoken of, when nothing in the sentence names another.
            if ClaimExtractor.isOutOf(n, t), let k = context.lastKey, measure == .total || (measure == k.measure && category == k.category) {
                flow = k.flow; period = k.period; measure = k.measure; category = k.category
                readingNote = "'out of \(formatCount(n.value))': the whole named before, \(k)"
            }
            // "13,\u{200B}221": a zero-width character inside the number, dropped as the reader never sees it.
            if let z = t[n.numberStart..<n.end].lazy.compactMap(\.ignoredInvisible).first {
                let hex = String(z.value, radix: 16, uppercase: true)
                let code = "U+" + String(repeating: "0", count: max(0, 4 - hex.count)) + hex
                readingNote = [readingNote, "an invisible character (\(code)) inside the number was ignored"].compactMap { $0 }.joined(separator: "; ")
            }
            let first = t[n.start], last = t[n.end - 1]
            // As written: tokens that touch ("20,000-50,000") stay together.
            var printed = ""
            for j in n.start..<n.end {
                if j > n.start, !(t[j].line == t[j - 1].line && t[j].column == t[j - 1].endColumn) { printed += " " }
                printed += t[j].text
            }
            // A too-large "number" may be 1,000 digits or 10,000 "hundred"s: shown by its start.
            let shown = n.tooLarge && printed.count > 40 ? String(printed.prefix(30)) + "…" : printed
            out.append(Claim(
                sentence: sentence.text, line: first.line, column: first.column,
                endColumn: last.line == first.line ? last.endColumn : first.column + printed.count,
                printed: shown,
                value: n.tooLarge ? ReportedValue(value: n.value, high: nil, qualifier: .atLeast, printed: shown)
                                  : ReportedValue(value: n.value, high: n.high, qualifier: n.qualifier, printed: printed),
                flow: flow, period: period, periodProblem: period == nil ? problem : nil,
                measure: measure, category: category, readingNote: readingNote, tooLarge: n.tooLarge))
        }
        // Update the context for the sentences that follow.
        if let f = out.first(where: { $0.flow != nil })?.flow ?? flowHint(named, near: 0, context: context) {
            context.flow = f
        }
        // The topic is what the sentence is about: its first claim that is not a comparison
        // ("up from 6,469 in 2024" does not move the topic to 2024).
        let main = zip(numbers, out).first { !isComparison($0.0, tokens: t) }?.1
        // A sentence with no count moves the topic only when it is about travellers
        // ("the influx of North Korean students had all but stopped by the first quarter of 2025").
        let aboutTravel = travel || !named.nations.isEmpty
        if let p = main?.period ?? (out.isEmpty && aboutTravel ? resolved.first(where: { $0.1 != nil })?.1 : nil) {
            context.topic = p
        } else if !periods.isEmpty && !resolved.contains(where: { $0.1 != nil }) {
            context.topic = nil  // a period we cannot read ("between January and July"): forget the old one
        }
        if let p = resolved.last(where: { $0.1 != nil })?.1 { context.lastMentioned = p }
        if context.leadOfThisParagraph == nil, let p = main?.period { context.leadOfThisParagraph = p }
        if let k = Array(zip(numbers, out)).last(where: { !isComparison($0.0, tokens: t) && $0.1.key != nil })?.1.key { context.lastKey = k }
        for m in resolved { if case .absolute(let p) = m.0.kind { context.latestYear = max(context.latestYear ?? p.year, p.year) } }
        return out
    }

    /// The token indices of the clause a number stands in (between commas, semicolons, dashes and brackets).
    func clause(around n: NumberMention, in t: [Token]) -> Range<Int> {
        let stops = ClaimExtractor.clauseStops
        var a = n.start, b = n.end
        while a > 0, !stops.contains(t[a - 1].text) { a -= 1 }
        while b < t.count, !stops.contains(t[b].text) { b += 1 }
        return a..<b
    }

    // MARK: Numbers

    func findNumbers(_ t: [Token]) -> [NumberMention] {
        var out: [NumberMention] = []
        var i = 0
        while i < t.count {
            // Most words start no number: only digits, the vocabulary's number words and phrases,
            // "a", "one" and hyphenated words ("twenty-one") are looked at.
            if t[i].kind != .number, !vocabulary.numberStarts.contains(t[i].lower), !t[i].lower.draftHasHyphen { i += 1; continue }
            // "thousands", "tens of thousands", "hundreds": at least the lower bound.
            if let (p, n) = vocabulary.vague(t, at: i) {
                // Up to twenty times the bound: "thousands" is 1,000 to 19,999, not five million.
                let (high, overflow) = p.meaning.multipliedReportingOverflow(by: 20)
                var mention = NumberMention(start: i, numberStart: i, end: i + n, value: p.meaning, high: overflow ? nil : high - 1,
                                            qualifier: overflow ? .atLeast : .range, scaled: true)
                if let (q, k) = vocabulary.hedge(t, endingBefore: i), q == .atLeast { mention.start = k; mention.qualifier = .atLeast; mention.high = nil }
                out.append(mention); i += n; continue
            }
            guard let number = parseNumber(t, at: i) else { i += 1; continue }
            if number.notACount { i = number.end; continue }
            var mention = NumberMention(start: i, numberStart: i, end: number.end, value: number.value, high: nil, qualifier: .exact,
                                        scaled: number.scaled, tooLarge: number.tooLarge)
            // A range: 20,000-50,000, 20,000 to 50,000 (a second number too large to be a count is its own mention).
            let between = i > 0 && t[i - 1].lower == "between"
            let end = number.end
            let joined = end + 1 < t.count && (["-", "–", "—", "to"].contains(t[end].lower) || (between && t[end].lower == "and"))
            let high = joined ? parseNumber(t, at: end + 1).flatMap { $0.notACount ? nil : $0 } : nil
            if !number.tooLarge, let high, !high.tooLarge, high.value > number.value {
                mention.high = high.value
                mention.end = high.end
                mention.qualifier = .range
                if between { mention.start = i - 1 }
            } else if let high, number.tooLarge || high.tooLarge {
                // "10,000 to 99999999999999999999": a range with an end of a trillion or more is one mention, too
                // large to be a count; neither end is read alone as an exact count.
                mention.end = high.end
                mention.value = ClaimExtractor.largestCount
                mention.tooLarge = true
                mention.scaled = number.scaled || high.scaled
                if between { mention.start = i - 1 }
            }
            // The hedge just before it.
            // The hedge next to the number wins: "only around 300" is about 300.
            if mention.qualifier != .range, let (q, k) = vocabulary.hedge(t, endingBefore: i) {
                mention.qualifier = q
                mention.start = k
            }
            out.append(mention)
            i = mention.end
        }
        return out
    }

    /// A number at token i: digits (13,221 / 13 221 / 13221), with a scale (5.5K, 1.43 million), or in
    /// words (ten thousand). One of a trillion or more is read whole and marked too large, never
    /// multiplied past what an Int holds: "2,000 billion", 20 digits, "hundred hundred hundred …".
    func parseNumber(_ t: [Token], at i: Int) -> ParsedNumber? {
        let tok = t[i]
        let largest = Double(ClaimExtractor.largestCount)
        if tok.kind == .number {
            let digits = DraftText.digits(of: tok.text)
            // No count of travellers has more than 13 digits: a longer run is too large (never converted).
            let long = digits.prefix { $0 != "." }.count > 16
            guard let parsed = long ? largest : Double(digits) else { return nil }  // "1.2.3": no number
            let base = parsed
            if i + 1 < t.count, let scale = vocabulary.scales[t[i + 1].lower], scale >= 1000 {
                let adjacent = t[i + 1].column == tok.endColumn && t[i + 1].line == tok.line
                if adjacent || t[i + 1].lower.count > 1 {
                    let value = (base * Double(scale)).rounded()
                    guard value.isFinite, value < largest, let n = Int(exactly: value) else { return .tooLarge(end: i + 2, scaled: true) }
                    return ParsedNumber(value: n, end: i + 2, scaled: true)
                }
            }
            if long || !base.isFinite || base >= largest { return .tooLarge(end: i + 1, scaled: false) }
            // By bytes (`digits` is ASCII): `contains(".")` went through Foundation's string search.
            guard !digits.utf8.contains(0x2E), let n = Int(exactly: base.rounded()) else { return nil }
            return ParsedNumber(value: n, end: i + 1, scaled: false)
        }
        if let decimal = decimalInWords(t, at: i) { return decimal }
        // Words: "ten thousand", "a thousand", "three", "two million", "a dozen"; zero alone ("none", "no").
        if let (p, length) = Vocabulary.match(vocabulary.numberPhrasesByFirst, t, at: i) { return ParsedNumber(value: p.meaning, end: i + length, scaled: false) }
        if vocabulary.numbers[tok.lower] == 0 { return ParsedNumber(value: 0, end: i + 1, scaled: false) }
        var k = i
        var total = 0, current = 0, sawNumber = false, tooLarge = false, lastScale = 0
        func scale(_ w: String) -> Int? {
            // Scale words, not letters ("five m" is no five million): thousand, million, mln, billion, trillion …
            guard w != "hundred", w.utf8.count > 2, let s = vocabulary.scales[w], s >= 1000 else { return nil }
            return s
        }
        func multiplier(_ k: Int) -> Bool { k < t.count && (t[k].lower == "hundred" || scale(t[k].lower) != nil) }
        if tok.lower == "a" || tok.lower == "one", multiplier(i + 1) {
            current = 1; sawNumber = true; k = i + 1
        } else if multiplier(i), multiplier(i + 1) {
            // "hundred hundred …", "thousand million": multipliers with no number before them.
            current = 1; sawNumber = true
        }
        let limit = ClaimExtractor.largestCount
        while k < t.count {
            let w = t[k].lower
            // Past the largest count the words are read to their end and marked too large (never an overflow).
            if let n = wordValue(w) {
                if !tooLarge { current += n }
                sawNumber = true; k += 1; continue
            }
            if w == "hundred", sawNumber {
                if !tooLarge {
                    current = max(current, 1) * 100
                    if current >= limit { tooLarge = true }
                }
                k += 1; continue
            }
            if let s = scale(w), sawNumber {
                if !tooLarge {
                    // A larger scale multiplies all before it ("a thousand billion"); a smaller one adds ("two million three thousand").
                    let (value, overflow) = total > 0 && s > lastScale
                        ? (total + current).multipliedReportingOverflow(by: s)
                        : { let (part, o1) = max(current, 1).multipliedReportingOverflow(by: s)
                            let (sum, o2) = total.addingReportingOverflow(part)
                            return (sum, o1 || o2) }()
                    if overflow || value >= limit { tooLarge = true } else { total = value; current = 0; lastScale = s }
                }
                k += 1; continue
            }
            if w == "and", sawNumber, k + 1 < t.count, wordValue(t[k + 1].lower) != nil, current >= 100 || total > 0 { k += 1; continue }
            break
        }
        guard sawNumber, k > i else { return nil }
        if tooLarge || total + current >= limit { return .tooLarge(end: k, scaled: true) }
        return ParsedNumber(value: total + current, end: k, scaled: total > 0)
    }

    /// The words of a digit after "point" ("zero point five"): "no" and "none" are zero only as counts.
    static let zeroDigitWords: Set<String> = ["zero", "nought", "naught", "oh", "o"]

    /// "zero point five million", "one point two million": a decimal in words, read whole ("point" and the
    /// digits after it, then a scale word). Whole only with a scale that makes it so; else no count
    /// (`notACount`), so "zero point five million" is never "five million". Nil where no "point" follows.
    func decimalInWords(_ t: [Token], at i: Int) -> ParsedNumber? {
        guard t[i].kind == .word else { return nil }
        // The whole part: "zero", or number words up to "point".
        var j = i
        while j < t.count, j < i + 8, t[j].kind == .word, t[j].lower != "point" { j += 1 }
        guard j > i, j + 1 < t.count, t[j].lower == "point" else { return nil }
        var whole = 0
        if j == i + 1, ClaimExtractor.zeroDigitWords.contains(t[i].lower) {
            whole = 0
        } else {
            let part = Array(t[i..<j])
            guard let p = parseNumber(part, at: 0), p.end == part.count, !p.tooLarge, !p.notACount else { return nil }
            whole = p.value
        }
        var k = j + 1
        var fraction = ""
        while k < t.count, fraction.count < 12 {
            let w = t[k].lower
            if ClaimExtractor.zeroDigitWords.contains(w) { fraction += "0" }
            else if let d = vocabulary.numbers[w], (1...9).contains(d) { fraction += String(d) }
            else { break }
            k += 1
        }
        guard !fraction.isEmpty, let f = Double("0." + fraction) else { return nil }
        var value = Double(whole) + f
        var scaled = false
        if k < t.count, t[k].lower != "hundred", t[k].lower.utf8.count > 2, let s = vocabulary.scales[t[k].lower], s >= 1000 {
            value *= Double(s); scaled = true; k += 1
        }
        if value >= Double(ClaimExtractor.largestCount) { return .tooLarge(end: k, scaled: scaled) }
        let rounded = value.rounded()
        guard scaled, abs(value - rounded) < 1e-6 * max(1, value), let n = Int(exactly: rounded) else {
            return ParsedNumber(value: 0, end: k, scaled: scaled, notACount: true)
        }
        return ParsedNumber(value: n, end: k, scaled: true)
    }

    /// Text from the draft quoted in a message, kept short: a "quarter" of 1,000 digits is shown by its start.
    static func short(_ text: String) -> String { text.count > 24 ? String(text.prefix(20)) + "…" : text }

    /// "q5", "h3", "q12": a letter q or h and digits, as a quarter or half is written.
    static func isQuarterOrHalfLike(_ word: String) -> Bool {
        guard let f = word.utf8.first, f == 0x71 || f == 0x68 else { return false }
        let rest = word.utf8.dropFirst()
        return !rest.isEmpty && rest.allSatisfy { $0 >= 0x30 && $0 <= 0x39 }
    }

    /// "out of 10,000," — a number that names the whole of what follows.
    static func isOutOf(_ n: NumberMention, _ t: [Token]) -> Bool {
        n.start >= 2 && t[n.start - 2].lower == "out" && t[n.start - 1].lower == "of" && n.end < t.count && t[n.end].text == ","
    }

    /// Where a clause ends: the readers' work on a number stays inside its clause.
    static let clauseStops: Set<String> = [",", ";", "(", ")", "—", "–", ":"]

    /// "crossed into Russia 1,117 times", "left for North Korea 6,469 times": "N times" after a verb of
    /// travel in its clause, with no comparison after it ("12 times more", "three times as many"): a count
    /// of trips, not a ratio. The count reader and the ratio reader both ask this, so a number is one or the other.
    static func timesCountTrips(_ t: [Token], _ vocabulary: Vocabulary, number k: Int, after e: Int) -> Bool {
        let ratioAfter: Set<String> = ["more", "less", "fewer", "as", "higher", "lower", "larger", "smaller", "greater", "the", "that",
                                       "than", "over", "those", "bigger", "what"]
        if e < t.count, ratioAfter.contains(t[e].lower) { return false }
        var j = k - 1
        while j >= 0, !clauseStops.contains(t[j].text) {
            let w = t[j].lower
            if vocabulary.entries.contains(w) || vocabulary.exits.contains(w) || ["made", "recorded"].contains(w) { return true }
            j -= 1
        }
        return false
    }

    /// A number word above zero: "three", "twenty", and tens and units joined, "twenty-one".
    func wordValue(_ w: String) -> Int? {
        if let n = vocabulary.numbers[w] { return n > 0 ? n : nil }
        guard w.draftHasHyphen else { return nil }
        let parts = w.split(separator: "-").map(String.init)
        guard parts.count == 2, let tens = vocabulary.numbers[parts[0]], let units = vocabulary.numbers[parts[1]],
              tens >= 20, tens % 10 == 0, tens < 100, (1...9).contains(units) else { return nil }
        return tens + units
    }

    /// The words of a rate's unit (`ratePerShortTime`), made once: a dictionary literal in the function was built at every number.
    static let rateUnits = ["month": "month", "week": "week", "day": "day", "monthly": "month", "weekly": "week", "daily": "day"]

    /// "540 a month", "about 20 per day", "300 monthly": the unit, when the number is a rate over less than a quarter.
    static func ratePerShortTime(_ n: NumberMention, tokens t: [Token], before end: Int) -> String? {
        let units = ClaimExtractor.rateUnits
        var k = n.end
        let stop = min(end, n.end + 5)
        while k < stop, ![",", ";", ".", "(", ")"].contains(t[k].text) {
            let w = t[k].lower
            if ["monthly", "weekly", "daily"].contains(w) { return units[w] }
            if ["a", "per", "each", "every"].contains(w), k + 1 < t.count, let u = units[t[k + 1].lower], ["month", "week", "day"].contains(u) { return u }
            k += 1
        }
        return nil
    }

    /// Terminal escape sequences (`ESC [ 31 m`, `ESC ] 0 ; … BEL`) and other control characters
    /// blanked, one space each, so lines and columns stay: `\e[31m` is no "31 m(illion)".
    static func withoutControls(_ text: String) -> String {
        // Bytes, not scalars: C0 controls are one byte, C1 controls (U+0080…U+009F) are 0xC2 0x80…0x9F.
        var previous: UInt8 = 0
        // Over the bytes in place: the generic `utf8.contains(where:)` took about 30 instructions a byte.
        func hasControl(_ bytes: UnsafeBufferPointer<UInt8>) -> Bool {
            for b in bytes {
                defer { previous = b }
                if (b < 0x20 && b != 0x0A && b != 0x09 && b != 0x0D) || b == 0x7F || (previous == 0xC2 && b >= 0x80 && b <= 0x9F) { return true }
            }
            return false
        }
        guard text.utf8.withContiguousStorageIfAvailable(hasControl) ?? Array(text.utf8).withUnsafeBufferPointer(hasControl)
        else { return text }
        var out = String.UnicodeScalarView()
        var scalars = Array(text.unicodeScalars)[...]
        while let c = scalars.popFirst() {
            if c == "\u{9B}" {
                // The 8-bit CSI: parameters up to a final byte, as after ESC [.
                out.append(" ")
                while let d = scalars.first, d != "\n" { scalars.removeFirst(); out.append(" "); if (0x40...0x7E).contains(d.value) { break } }
            } else if c == "\u{1B}" {
                out.append(" ")
                if let next = scalars.first, next == "[" {
                    // CSI: "[", then parameters and intermediates up to a final byte in @…~.
                    scalars.removeFirst(); out.append(" ")
                    while let d = scalars.first, d != "\n" { scalars.removeFirst(); out.append(" "); if (0x40...0x7E).contains(d.value) { break } }
                } else if let next = scalars.first, next == "]" || next == "P" || next == "_" || next == "^" {
                    // OSC and other strings: up to BEL or ESC \ (a line break ends them too, so lines stay).
                    while let d = scalars.first, d != "\n" {
                        scalars.removeFirst(); out.append(" ")
                        if d == "\u{07}" { break }
                        if d == "\u{1B}", scalars.first == "\\" { scalars.removeFirst(); out.append(" "); break }
                    }
                }
            } else if (c.value < 0x20 && c != "\n" && c != "\t" && c != "\r") || (0x7F...0x9F).contains(c.value) {
                // Between digits not a space: "13\u{0}221" must not read as "13 221"; elsewhere a blank.
                let digitBefore = out.last.map { $0.properties.numericType != nil && $0.isASCII } ?? false
                let digitAfter = scalars.first.map { $0.properties.numericType != nil && $0.isASCII } ?? false
                out.append(digitBefore && digitAfter ? "\u{FFFD}" : " ")
            } else {
                out.append(c)
            }
        }
        return String(out)
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

    /// Words that make a sentence about counting travel, beside the vocabulary's verbs and nouns.
    static let statisticWords: Set<String> = [
        "number", "numbers", "numbered", "totaled", "totalled", "total", "increase", "decrease", "influx", "figure", "figures",
        "rose", "fell", "dropped", "declined", "grew", "surged", "destinations",
        "reporting", "reported", "recorded", "registered", "counted", "did",
    ]

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

    /// Verbs whose subject country is the travellers' own: "North Korea sent/deployed/dispatched …".
    static let senderVerbs: Set<String> = ["sent", "send", "sends", "sending", "deployed", "deploys", "deploying", "dispatched",
                                           "dispatches", "dispatching", "transferred", "supplied", "had"]

    static let monthNames = ["January", "February", "March", "April", "May", "June", "July", "August", "September", "October", "November", "December"]

    static let ordinals: [String: Int] = [
        "first": 1, "1st": 1, "second": 2, "2nd": 2, "third": 3, "3rd": 3, "fourth": 4, "4th": 4, "final": 4, "last": 4,
    ]

    /// A trillion: a number this large or larger is too large to be a count of travellers (the
    /// world's population is about eight billion), and is read only to say so.
    static let largestCount = 1_000_000_000_000

    static let yearPrepositions: Set<String> = ["in", "during", "of", "since", "throughout", "by", "for", "until", "till", "before", "after"]

    static let comparisonWords: Set<String> = [
        "from", "than", "compared", "versus", "vs", "doubled", "tripled", "halved", "against", "double", "twice", "triple",
    ]

    /// "from 6,469 in 2024 and 1,238 in 2023", "than the 44 …": numbers the sentence compares with, not its subject.
    func isComparison(_ n: NumberMention, tokens t: [Token]) -> Bool {
        let lower = max(0, n.start - 3)
        if t[lower..<n.start].contains(where: { ClaimExtractor.comparisonWords.contains($0.lower) }) { return true }
        // The next item of a list that started with a comparison.
        guard n.start >= 1, ["and", ","].contains(t[n.start - 1].lower) else { return false }
        var k = n.start - 2
        while k >= max(0, n.start - 6) {
            if t[k].kind == .number, k >= 1 {
                let prev = NumberMention(start: k, numberStart: k, end: k + 1, value: 0, high: nil, qualifier: .exact, scaled: false)
                return isComparison(prev, tokens: t)
            }
            k -= 1
        }
        return false
    }

    /// Whether a number counts travellers (not a year, a share, money, an age or a date).
    func isCount(_ n: NumberMention, tokens t: [Token], travel: Bool) -> Bool {
        let first = t[n.numberStart]
        // Zero in words ("no", "none", "zero") only right before whom or what it counts:
        // "none by train", "no North Koreans entered" — not "no more", "no data", "none of this".
        if first.kind == .word, n.value == 0 {
            let k = n.end
            let before = vocabulary.person(t, at: k) != nil || vocabulary.traveller(t, at: k) != nil || matchCategory(t, at: k) != nil
                || vocabulary.adjective(t, at: k) != nil
            return before && !vocabulary.units.contains(t[min(k, t.count - 1)].lower)
        }
        // Part of a compound or a date: COVID-19, 2025-02-09, 02.
        if first.kind == .number, first.text.count > 1, first.text.hasPrefix("0") { return false }
        if n.numberStart >= 2, t[n.numberStart - 1].text == "-", t[n.numberStart - 1].column + 1 == first.column,
           t[n.numberStart - 2].endColumn == t[n.numberStart - 1].column { return false }
        if n.end + 1 < t.count, t[n.end].text == "-", t[n.end].column == t[n.end - 1].endColumn,
           t[n.end + 1].kind == .number, t[n.end + 1].column == t[n.end].endColumn, n.high == nil { return false }
        // A number in words needs a noun, a category or a hedge: "two nations" is not a count, "a mere three" is.
        if first.kind == .word && !countedNounAfter(n, tokens: t) && categoryRightAfter(n, tokens: t) == nil
            && n.start == n.numberStart && !(n.end < t.count && ["citing", "were", "was", "came", "entered"].contains(t[n.end].lower)) {
            return false
        }
        if first.kind == .word && n.start == n.numberStart && !countedNounAfter(n, tokens: t) && categoryRightAfter(n, tokens: t) == nil {
            return false
        }
        let next = n.end < t.count ? t[n.end] : nil
        let afterNext = n.end + 1 < t.count ? t[n.end + 1] : nil
        // A control character inside it (shown as U+FFFD): the number is broken, not read.
        if let next, next.text == "\u{FFFD}", next.column == t[n.end - 1].endColumn { return false }
        if n.numberStart > 0, t[n.numberStart - 1].text == "\u{FFFD}", t[n.numberStart - 1].endColumn == first.column { return false }
        // A summand: "153 + 213 + 365 + 382" (as a citation's note adds parts up) — arithmetic, not counts.
        // "13,221+" (a plus stuck to the number, nothing after it) is no sum.
        if let next, next.text == "+", n.end + 1 < t.count, t[n.end + 1].kind == .number { return false }
        if n.numberStart >= 2, t[n.numberStart - 1].text == "+", t[n.numberStart - 2].kind == .number { return false }
        // A digit with a combining mark stuck to it ("1\u{301}3,2\u{301}21"): the number is broken, and
        // neither piece ("3", "21") is read as a count, which would be a number the draft does not show.
        func markedDigit(_ k: Int) -> Bool {
            t[k].kind == .punct && t[k].text.unicodeScalars.contains { $0.properties.numericType != nil }
        }
        func touching(_ a: Int, _ b: Int) -> Bool { t[a].line == t[b].line && t[a].endColumn == t[b].column }
        var k = n.end
        while k < t.count, k < n.end + 8, touching(k - 1, k) {
            if markedDigit(k) { return false }
            k += 1
        }
        k = n.numberStart - 1
        while k >= 0, k > n.numberStart - 9, touching(k, k + 1) {
            if markedDigit(k) { return false }
            k -= 1
        }
        // A group mark, or a slash, between this number and another with no space: "13'2210" (no thousands
        // group), "2024/25" (two years), "3/4". Neither piece is a count the draft states.
        func joiner(_ k: Int) -> Bool {
            t[k].kind == .punct && (t[k].text == "/" || t[k].text.count == 1 && DraftText.groupMarks.contains(t[k].text.first!))
        }
        if n.end + 1 < t.count, joiner(n.end), touching(n.end - 1, n.end), touching(n.end, n.end + 1), t[n.end + 1].kind == .number { return false }
        if n.numberStart >= 2, joiner(n.numberStart - 1), touching(n.numberStart - 2, n.numberStart - 1), touching(n.numberStart - 1, n.numberStart),
           t[n.numberStart - 2].kind == .number { return false }
        // A margin: "13,221 ± 5", "+/- 5", "+- 5", "plus or minus 5" — the 5 is no count.
        if n.numberStart >= 1 {
            var sign = "", k = n.numberStart - 1
            while k >= 0, k >= n.numberStart - 3, t[k].kind == .punct { sign = t[k].text + sign; k -= 1 }
            if ["±", "∓", "+/-", "+-", "-/+", "+/−", "+−"].contains(sign) { return false }
            if n.numberStart >= 3, t[n.numberStart - 3].lower == "plus", t[n.numberStart - 2].lower == "or", t[n.numberStart - 1].lower == "minus" { return false }
        }
        // Letters stuck to it: "1e400", "3x" — not a count ("5.5K" and "1st" are read elsewhere).
        if let next, next.kind == .word, next.line == t[n.end - 1].line, next.column == t[n.end - 1].endColumn, n.high == nil,
           vocabulary.scales[next.lower] == nil { return false }
        // A time of day: "14:23".
        if let next, next.text == ":", let a = afterNext, a.kind == .number { return false }
        if n.numberStart >= 2, t[n.numberStart - 1].text == ":", t[n.numberStart - 2].kind == .number { return false }
        if let next {
            // "crossed into Russia 1,117 times in 2023": times that count trips, not a ratio (the ratio reader asks the same).
            if next.lower == "times", ClaimExtractor.timesCountTrips(t, vocabulary, number: n.numberStart, after: n.end + 1) { return true }
            if vocabulary.units.contains(next.lower) { return false }
            if next.lower == "-" || next.lower == "–", let a = afterNext, vocabulary.units.contains(a.lower) || a.lower.hasPrefix("year") || a.lower == "fold" { return false }
            if next.lower == "-", let a = afterNext, a.lower.hasPrefix("q") || a.lower.hasPrefix("h") { return false }
            if ClaimExtractor.month(next.lower) != nil { return false }
        }
        if n.numberStart > 0 {
            let prev = t[n.numberStart - 1]
            if vocabulary.marker(t, endingBefore: n.numberStart) { return false }
            if ClaimExtractor.month(prev.lower) != nil { return false }
            if prev.lower == "." && n.numberStart > 1 && ClaimExtractor.month(t[n.numberStart - 2].lower) != nil { return false }
            if prev.lower == "q" || prev.lower == "h" { return false }
        }
        if let next, next.lower == "of", let a = afterNext, a.lower == "the" || a.lower == "them" {
            // "3 of the 10 students" is a count; "one of the ..." rarely is.
            if n.value < 2 { return false }
        }
        let counted = countedNounAfter(n, tokens: t)
        // A bare year: 1900-2199 written without separators ("in 2024 North Koreans…" is a year too).
        // A number token's "," is one byte, looked for as one (`contains(",")` was Foundation's string search).
        if first.kind == .number, !first.text.utf8.contains(0x2C), first.text.count == 4, (1900...2199).contains(n.value), n.high == nil,
           !counted || (n.start == n.numberStart && n.start > 0 && ClaimExtractor.yearPrepositions.contains(t[n.start - 1].lower)) {
            return false
        }
        if first.kind == .number, first.text.count == 4, !first.text.utf8.contains(0x2C), n.end < t.count, t[n.end].lower == "s" { return false }
        if counted { return true }
        // "out of 10,000, over a thousand …": the whole the next number is part of.
        if ClaimExtractor.isOutOf(n, t) { return true }
        // "Of these, 3,765 were for study": a part of the count before it.
        if n.start >= 3, t[n.start - 1].text == ",", ["these", "them", "those", "which", "whom"].contains(t[n.start - 2].lower),
           ["of", "among"].contains(t[n.start - 3].lower) { return true }
        if isParenthesised(n, tokens: t) && travel { return true }
        if categoryRightAfter(n, tokens: t) != nil { return true }
        // "numbered 1,156", "dropped to 2,486 from 3,460": a number in a sentence about travel.
        guard travel else { return false }
        if let next, next.kind == .punct, next.text == "," || next.text == ".", n.numberStart > 0, t[n.numberStart - 1].lower == "of" { return false }
        return n.value >= 0
    }

    func countedNounAfter(_ n: NumberMention, tokens t: [Token]) -> Bool {
        var k = n.end
        var steps = 0
        while k < t.count, steps < 4 {
            let w = t[k]
            if w.kind == .punct && w.text != "-" { return false }
            // A verb or a relative word ends the noun phrase: "two countries agreed that North Koreans …".
            if vocabulary.entries.contains(w.lower) || vocabulary.exits.contains(w.lower)
                || ["that", "who", "which", "where", "when", "and", "or", "but", "as"].contains(w.lower) { return false }
            if vocabulary.traveller(t, at: k) != nil || vocabulary.person(t, at: k) != nil { return true }
            if w.kind == .number { return false }
            k += 1; steps += 1
        }
        return false
    }

    func isParenthesised(_ n: NumberMention, tokens t: [Token]) -> Bool {
        n.start > 0 && t[n.start - 1].text == "(" && n.end < t.count && t[n.end].text == ")"
    }

    func categoryRightAfter(_ n: NumberMention, tokens t: [Token]) -> (Measure, String)? {
        matchCategory(t, at: n.end)
    }

    /// A category phrase at token k ("by rail"), or a traveller noun that names one ("tourists", "crews"),
    /// unless the next word makes it something else ("tourist destinations", "student visas").
    func matchCategory(_ t: [Token], at k: Int) -> (Measure, String)? {
        matchCategory(t, at: k, explicit: true).map { ($0.0, $0.1) } ?? matchCategory(t, at: k, explicit: false).map { ($0.0, $0.1) }
    }

    /// A category phrase at token k ("by rail") when `explicit`, else a traveller noun that implies one
    /// ("tourists", "crews"), unless the next word makes it something else ("tourist destinations",
    /// "student visas"). With the phrase's length.
    func matchCategory(_ t: [Token], at k: Int, explicit: Bool) -> (Measure, String, Int)? {
        var found: (Measure, String, Int)?
        if explicit {
            if let (p, n) = vocabulary.category(t, at: k) {
                // A category word that modifies a traveller noun is the noun's: "train and aircraft crews" are crews.
                var j = k + n
                while j < min(t.count, k + n + 3), t[j].kind == .word {
                    if let (tp, _) = vocabulary.traveller(t, at: j), tp.meaning.measure != .total { return nil }
                    j += 1
                }
                found = (p.meaning.measure, p.meaning.category, n)
            }
        } else if let (p, n) = vocabulary.traveller(t, at: k), p.meaning.measure != .total {
            found = (p.meaning.measure, p.meaning.category, n)
        }
        guard let (measure, category, n) = found else { return nil }
        if k + n < t.count, vocabulary.notAfters.contains(t[k + n].lower) { return nil }
        return (measure, category, n)
    }

    // MARK: Categories

    /// The nearest category phrase: right after the number (up to seven words, in its clause), else before it (back to the previous number).
    /// The category of the number at n: a category phrase named outright ("by rail", "on private
    /// visits") after the number (up to ten words, in its clause), else before it (back to the previous
    /// number); only then the category a traveller noun implies ("tourists", "workers"), after, then
    /// before. `fromBefore` says it came from before the number (the sentence's subject), which the
    /// next number of a list shares ("students entered 38 times in Q1 and 332 times in Q2").
    func categoryOf(_ n: NumberMention, tokens t: [Token], prevEnd: Int, nextStart: Int) -> (measure: Measure, category: String, fromBefore: Bool)? {
        let parenthesised = isParenthesised(n, tokens: t)
        func after(_ explicit: Bool) -> (Measure, String)? {
            var k = n.end
            // Up to twelve words on, within the clause: "1,156, personal visits came to 666" keeps them apart.
            while k < min(nextStart, n.end + 12), ![",", ";", "(", ")"].contains(t[k].text) {
                if let c = matchCategory(t, at: k, explicit: explicit) { return (c.0, c.1) }
                k += 1
            }
            return nil
        }
        func before(_ explicit: Bool) -> (Measure, String)? {
            var k = n.start - 1
            // Not past a semicolon or a full new subject: "thousands of troops were in Russia; 13,221 North
            // Koreans entered" — the troops are not what 13,221 counts.
            while k >= prevEnd, t[k].text != ";", vocabulary.person(t, at: k) == nil {
                if matchCategory(t, at: k, explicit: explicit) != nil {
                    // The longest phrase that reaches this word: "business delegations", not "delegations".
                    var best = matchCategory(t, at: k, explicit: explicit)!
                    for j in stride(from: k - 1, through: max(prevEnd, k - 3), by: -1) {
                        if let c = matchCategory(t, at: j, explicit: explicit), j + c.2 > k, j + c.2 <= n.start { best = c }
                    }
                    return (best.0, best.1)
                }
                k -= 1
            }
            return nil
        }
        func find(_ explicit: Bool) -> (Measure, String, Bool)? {
            let first = parenthesised ? before(explicit).map { ($0.0, $0.1, true) } : after(explicit).map { ($0.0, $0.1, false) }
            return first ?? (parenthesised ? after(explicit).map { ($0.0, $0.1, false) } : before(explicit).map { ($0.0, $0.1, true) })
        }
        let named = find(true), implied = find(false)
        // Troops or workers moved "by ship" are an estimate of troops, not the FSB's count by sea.
        if let i = implied, i.0 == .estimate, named.map({ $0.0 != .estimate }) ?? true { return (i.0, i.1, i.2) }
        return (named ?? implied).map { ($0.0, $0.1, $0.2) }
    }

    // MARK: Flows

    struct Mention {
        var index: Int
        var code: String
        /// A place travelled from ("returned from North Korea"), not to.
        var origin = false
    }

    /// Whose travel: citizens named by a people noun ("North Koreans"), an adjective before a traveller
    /// noun ("DPRK citizens", "Russian tourists", within three words), or a traveller noun with the
    /// country after "of"/"from" ("citizens of North Korea", "visitors from Russia").
    /// Also returns the token ranges these use, so their countries are not taken for destinations.
    func nationalityMentions(_ t: [Token]) -> (mentions: [Mention], used: [Range<Int>]) {
        var out: [Mention] = [], used: [Range<Int>] = []
        var k = 0
        while k < t.count {
            // One lookup for the three tables below: most words start no phrase of any.
            if !vocabulary.mentionStarts.contains(t[k].lower) { k += 1; continue }
            if let (p, n) = vocabulary.person(t, at: k) {
                out.append(Mention(index: k, code: p.meaning)); used.append(k..<k + n); k += n; continue
            }
            if let (p, n) = vocabulary.adjective(t, at: k) {
                // An adjective counts only before a traveller noun: "Russian tourists", not "Russian media".
                var j = k + n, noun = false
                while j < min(t.count, k + n + 4), t[j].kind == .word {
                    if vocabulary.traveller(t, at: j) != nil { noun = true; break }
                    j += 1
                }
                // Or one person: "not a single North Korean entered Russia by rail".
                let verb = k + n < t.count && (vocabulary.entries.contains(t[k + n].lower) || vocabulary.exits.contains(t[k + n].lower)
                                               || ["was", "is", "with"].contains(t[k + n].lower))
                if noun || verb { out.append(Mention(index: k, code: p.meaning)); used.append(k..<k + n); k += n; continue }
            }
            if let (_, n) = vocabulary.traveller(t, at: k), k + n < t.count, vocabulary.origins.contains(t[k + n].lower) {
                var j = k + n + 1
                if j < t.count, t[j].lower == "the" { j += 1 }
                if let (c, m) = vocabulary.country(t, at: j) {
                    out.append(Mention(index: k, code: c.meaning)); used.append(j..<j + m); k = j + m; continue
                }
            }
            k += 1
        }
        return (out, used)
    }

    /// Countries named as places, outside the nationality phrases.
    func countryMentions(_ t: [Token], skipping used: [Range<Int>]) -> [Mention] {
        var out: [Mention] = []
        var k = 0
        while k < t.count {
            if used.contains(where: { $0.contains(k) }) { k += 1; continue }
            if let (c, n) = vocabulary.country(t, at: k) {
                var j = k - 1
                if j >= 0, t[j].lower == "the" { j -= 1 }
                let origin = j >= 0 && t[j].lower != "of" && vocabulary.origins.contains(t[j].lower)
                out.append(Mention(index: k, code: c.meaning, origin: origin)); k += n; continue
            }
            k += 1
        }
        return out
    }

    /// Nationalities and countries named in a sentence, found once per sentence.
    struct Mentions {
        var nations: [Mention]
        var places: [Mention]
    }

    func mentions(_ t: [Token]) -> Mentions {
        var (nations, used) = nationalityMentions(t)
        // The places found below, kept while `used` is unchanged: the same search need not run twice.
        var placesSoFar: [Mention]?
        // A country that sends or has people abroad is whose citizens they are: "North Korea sent
        // approximately 15,000 labour migrants to Russia", "North Korea had about 5,000 workers in Russia".
        if nations.isEmpty {
            placesSoFar = countryMentions(t, skipping: used)
            for m in placesSoFar! {
                let end = m.index + (vocabulary.country(t, at: m.index)?.1 ?? 1)
                var j = end
                while j < min(t.count, end + 3), ["has", "have", "had", "also", "reportedly", "already", "then", "since"].contains(t[j].lower) {
                    if ["had", "has", "have"].contains(t[j].lower), j + 1 < t.count, !ClaimExtractor.senderVerbs.contains(t[j + 1].lower) { break }
                    j += 1
                }
                if j < t.count, ClaimExtractor.senderVerbs.contains(t[j].lower) || (j > end && ["had", "has"].contains(t[j - 1].lower) && j == end + 1) {
                    nations.append(Mention(index: m.index, code: m.code)); used.append(m.index..<end)
                    placesSoFar = nil
                    break
                }
            }
        }
        // A country named inside a nationality phrase is not a destination; nor is one an adjective names.
        let places = (placesSoFar ?? countryMentions(t, skipping: used)).filter { m in !nations.contains { $0.index == m.index } }
        return Mentions(nations: nations, places: places)
    }

    func flowHint(_ m: Mentions, near position: Int, context: Context) -> Flow? {
        // Where they went: a place travelled from is no destination ("Russians returned from North Korea").
        let nations = m.nations, places = m.places.filter { !$0.origin }
        let citizens = nations.min { abs($0.index - position) < abs($1.index - position) }?.code
        switch citizens {
        case nil:
            // Russians still the subject, and a new destination named: "… like Turkey (6.62 million)".
            if let f = context.flow, f.citizens == "RU", !m.places.contains(where: \.origin),
               let place = places.filter({ $0.code != "RU" }).min(by: { abs($0.index - position) < abs($1.index - position) }) {
                return Flow(citizens: "RU", destination: place.code)
            }
            return nil
        case "RU":
            let destination = places.filter { $0.code != "RU" }.min { abs($0.index - position) < abs($1.index - position) }?.code
                ?? (m.places.contains(where: \.origin) ? nil : context.flow.flatMap { $0.citizens == "RU" ? $0.destination : nil })
            guard let destination else { return nil }
            return Flow(citizens: "RU", destination: destination)
        case let code?:
            if places.contains(where: { $0.code != "RU" && $0.code != code }) && !places.contains(where: { $0.code == "RU" }) { return nil }
            return Flow(citizens: code, destination: "RU")
        }
    }

    // MARK: Periods

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

import Foundation

extension ClaimExtractor.PeriodKind {
    /// Whether both are "a part of a relative year" (whatever the part).
    func sameShape(_ other: Self) -> Bool {
        if case .partOfRelativeYear(_, let a) = self, case .partOfRelativeYear(_, let b) = other { return a == b }
        return false
    }
}
