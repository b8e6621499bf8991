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
            let shown = n.tooLarge && printed.count > 40 ? clip(printed, 30) : printed
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

    /// Where a clause ends: the readers' work on a number stays inside its clause.
    static let clauseStops: Set<String> = [",", ";", "(", ")", "—", "–", ":"]

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

    /// Words that make a sentence about counting travel, beside the vocabulary's verbs and nouns.
    static let statisticWords: Set<String> = [
        "number", "numbers", "numbered", "totaled", "totalled", "total", "increase", "decrease", "influx", "figure", "figures",
        "rose", "fell", "dropped", "declined", "grew", "surged", "destinations",
        "reporting", "reported", "recorded", "registered", "counted", "did",
    ]
}

import Foundation
