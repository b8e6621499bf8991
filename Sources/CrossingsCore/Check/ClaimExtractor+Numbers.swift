// Numbers in a draft: where they stand, what they are worth, and whether they count travellers.

import Foundation

extension ClaimExtractor {
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

    /// "out of 10,000," — a number that names the whole of what follows.
    static func isOutOf(_ n: NumberMention, _ t: [Token]) -> Bool {
        n.start >= 2 && t[n.start - 2].lower == "out" && t[n.start - 1].lower == "of" && n.end < t.count && t[n.end].text == ","
    }

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

    /// A trillion: a number this large or larger is too large to be a count of travellers (the
    /// world's population is about eight billion), and is read only to say so.
    static let largestCount = 1_000_000_000_000

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
}
