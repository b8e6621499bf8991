/// A number with its hedge, and the interval of true values its wording allows.
///
/// The agreement rule (docs/agreement.md): every reported value stands for an
/// interval; two values agree when their intervals overlap.
/// - `exact` with all its digits (`13,221`, `370`), or any cell of a dataset: just that number.
/// - `exact` but round (1,000 or more and a multiple of 100, such as `10,000` or `3,100`) or written with a
///   scale word (`6.62 million`, `5.5K`): rounded to its last stated digit,
///   ± half that unit, but never more than ± 10 %.
/// - `about` (about, nearly, roughly…): ± half the unit of its last non-zero
///   digit (at least ± 1), never more than ± 10 %. "nearly" is not read as
///   "below": sources use it both ways.
/// - `at-least`: with "at least" that number or more; with "over", "more than" more than it
///   (13,221 is not "more than 13,221"); `at-most` likewise ("up to" / "fewer than").
/// - `range`: from `value` to `high`.
///
/// ```swift
/// let nearly = ReportedValue(value: 13000, qualifier: .about, printed: "nearly 13,000")
/// nearly.agrees(with: ReportedValue(value: 13221)) == true   // 13,000 ± 500
/// ```
public struct ReportedValue: Hashable, Sendable {
    public var value: Int
    public var high: Int?
    public var qualifier: Qualifier
    public var printed: String
    /// A cell of a statistical table (a `dataset` source): exact to the unit even when
    /// it ends in zeros, unlike a round "10,000" in prose.
    public var tabulated: Bool

    public init(value: Int, high: Int? = nil, qualifier: Qualifier = .exact, printed: String = "", tabulated: Bool = false) {
        self.value = value
        self.high = high
        self.qualifier = qualifier
        self.printed = printed
        self.tabulated = tabulated
    }

    /// The unit the number is rounded to, judged from how it was written.
    public var roundingUnit: Int { ReportedValue.scaleUnit(printed) ?? digitUnit }

    /// The unit of the last non-zero digit: 13,000 → 1,000; 370 → 10.
    var digitUnit: Int {
        guard value != 0 else { return 1 }
        var unit = 1
        while value % (unit * 10) == 0 { unit *= 10 }
        return unit
    }

    /// True when the value is stated to the unit: it can be added up and derived from.
    public var isPrecise: Bool {
        qualifier == .exact && interval.lower == interval.upper
    }

    /// Lowest and highest true value the wording allows (upper nil: no bound).
    public var interval: (lower: Double, upper: Double?) {
        let v = Double(value)
        switch qualifier {
        case .exact:
            // A dataset's cell is a count, whatever its digits (checked first: it is most rows).
            if tabulated { return (v, v) }
            let scaledUnit = ReportedValue.scaleUnit(printed)
            let unit = scaledUnit ?? digitUnit
            // Prose rounds: 10,000 and 3,100 are round figures.
            if scaledUnit == nil && (unit < 100 || value < 1000) { return (v, v) }
            let tol = min(Double(unit) / 2, v / 10)
            return (v - tol, v + tol)
        case .about:
            let tol = min(max(Double(roundingUnit) / 2, 1), max(v / 10, 1))
            return (max(0, v - tol), v + tol)
        // "more than 13,221" is not 13,221 (counts are whole: half a unit off is enough); "at least" is.
        case .atLeast: return (hedgeMark == ">" ? v + 0.5 : v, ReportedValue.vagueUpper(printed, value: value))
        case .atMost: return (0, hedgeMark == "<" ? max(0, v - 0.5) : v)
        case .range: return (v, Double(high ?? value))
        }
    }

    /// "thousands", "hundreds", "tens of thousands", "dozens" printed alone: less than twenty times
    /// the bound (thousands are not five million). Nil for any other wording.
    static func vagueUpper(_ printed: String, value: Int) -> Double? {
        guard !printed.isEmpty, printed.count <= 40 else { return nil }
        let words = printed.lowercased().split { !$0.isLetter }
        guard let last = words.last, ["thousands", "hundreds", "dozens"].contains(last),
              words.allSatisfy({ ["thousands", "hundreds", "dozens", "tens", "of", "several", "many", "some"].contains($0) }) else { return nil }
        return Double(value) * 20 - 1
    }

    /// Whether a reader of both wordings could be reading about the same number.
    public func agrees(with other: ReportedValue) -> Bool {
        let a = interval, b = other.interval
        let aBelowB = a.upper.map { $0 < b.lower } ?? false
        let bBelowA = b.upper.map { $0 < a.lower } ?? false
        return !aBelowB && !bBelowA
    }

    /// The value as a text shows it, with the source's hedge and unit: `13,221`,
    /// `~13,000`, `>13,220`, `>=1,000`, `~6.62 million`, `>2 million`, `20,000-50,000`.
    /// Every view and command shows a value through this (or `compactDisplay`, in narrow
    /// table columns), so no view drops the hedge. The rule (docs/rules.md):
    /// - the mark comes from the printed wording (`over` → `>`, `at least` → `>=`,
    ///   `under` → `<`, `up to` → `<=`), else from the qualifier;
    /// - a value whose interval is not a single point shows `~` even when its qualifier
    ///   is `exact`: a round `10,000` in prose is `~10,000`; a cell of a dataset
    ///   (`tabulated`) and a number stated to the unit stay exact;
    /// - a number printed with a scale word keeps it: `6.62 million`, not `6,620,000`.
    /// A value with no printed form (worked out by crossings) is an exact count.
    public var display: String { hedgeMark + number(compact: false) }

    /// The same as `display` in a table's narrow column: `~6.62M`, `>2M`, `~13,000`.
    public var compactDisplay: String { hedgeMark + number(compact: true) }

    /// `~`, `>`, `>=`, `<`, `<=` or nothing, as `display` puts before the number.
    public var hedgeMark: String {
        switch qualifier {
        case .range: return ""
        case .about: return "~"
        case .atLeast:
            return ReportedValue.wordedMark(printed, among: [">", ">="]) ?? ">="
        case .atMost:
            return ReportedValue.wordedMark(printed, among: ["<", "<="]) ?? "<="
        case .exact:
            if printed.isEmpty { return "" }
            let i = interval
            return i.upper == i.lower ? "" : "~"
        }
    }

    /// The hedge in words, for sentences: `about`, `more than`, `at least`, `fewer than`,
    /// `at most`, or nothing.
    public var hedgeWords: String {
        switch hedgeMark {
        case "~": "about"
        case ">": "more than"
        case ">=": "at least"
        case "<": "fewer than"
        case "<=": "at most"
        default: ""
        }
    }

    /// The number in the source's unit, without its hedge: `13,221`, `6.62 million`
    /// (`6.62M` compact), `20,000-50,000`.
    public func number(compact: Bool) -> String {
        if qualifier == .range { return "\(formatCount(value))-\(formatCount(high ?? value))" }
        return ReportedValue.scaled(value, printed: printed, compact: compact) ?? formatCount(value)
    }

    /// Phrases of the printed wording and the mark each one means; longer phrases first,
    /// so "no fewer than" is not read as "fewer than".
    static let wordedMarks: [([String], String)] = [
        (["no", "fewer", "than"], ">="), (["no", "less", "than"], ">="), (["not", "less", "than"], ">="),
        (["no", "more", "than"], "<="), (["not", "more", "than"], "<="),
        (["at", "least"], ">="), (["a", "minimum", "of"], ">="),
        (["at", "most"], "<="), (["up", "to"], "<="), (["a", "maximum", "of"], "<="),
        (["more", "than"], ">"), (["in", "excess", "of"], ">"), (["over"], ">"), (["above"], ">"), (["exceeding"], ">"),
        (["fewer", "than"], "<"), (["less", "than"], "<"), (["under"], "<"), (["below"], "<"),
    ]

    /// The mark the printed wording gives, if it is one of `allowed` (a wording that
    /// contradicts the qualifier is not trusted: the qualifier's own mark is used).
    static func wordedMark(_ printed: String, among allowed: [String]) -> String? {
        let words = printed.lowercased().split { !$0.isLetter }.map(String.init)
        guard !words.isEmpty else { return nil }
        var best: (position: Int, mark: String)?
        for (phrase, mark) in wordedMarks where words.count >= phrase.count {
            for i in 0...(words.count - phrase.count) where Array(words[i..<(i + phrase.count)]) == phrase {
                // The earliest phrase wins; at one position the list order (longest first) does.
                if best.map({ i < $0.position }) ?? true { best = (i, mark) }
                break
            }
        }
        guard let best, allowed.contains(best.mark) else { return nil }
        return best.mark
    }

    /// `6620000` printed "6.62 million" → `6.62 million` (`6.62M` compact); nil when
    /// the number was not printed with a scale word, or the value is not what the
    /// printed digits say at that scale (then the plain count is shown).
    static func scaled(_ value: Int, printed: String, compact: Bool) -> String? {
        guard let w = scaleWord(printed) else { return nil }
        let (exponent, decimals) = (w.exponent, w.decimals)
        guard decimals <= exponent else { return nil }
        var unit = 1
        for _ in 0..<(exponent - decimals) { unit *= 10 }
        guard value % unit == 0 else { return nil }
        let units = value / unit
        var scale = 1
        for _ in 0..<decimals { scale *= 10 }
        var text = formatCount(units / scale)
        if decimals > 0 {
            let fraction = String(units % scale)
            text += "." + String(repeating: "0", count: decimals - fraction.count) + fraction
        }
        return compact ? text + w.short : text + " " + w.name
    }

    /// The unit of a number printed with a scale word or suffix: "6.62 million" → 10,000.
    /// Works on bytes: agreement checks call it for every pair of values.
    static func scaleUnit(_ printed: String) -> Int? {
        guard let w = scaleWord(printed) else { return nil }
        var unit = 1
        for _ in 0..<max(0, w.exponent - w.decimals) { unit *= 10 }
        return unit
    }

    /// The scale word after the last number of a printed value ("6.62 million": exponent 6,
    /// 2 decimals), read from the bytes.
    static func scaleWord(_ printed: String) -> (exponent: Int, decimals: Int, name: String, short: String)? {
        let b = Array(printed.utf8)
        func isDigit(_ c: UInt8) -> Bool { c >= 48 && c <= 57 }
        guard let last = b.lastIndex(where: isDigit) else { return nil }
        var start = last
        while start > 0, isDigit(b[start - 1]) || b[start - 1] == UInt8(ascii: ".") || b[start - 1] == UInt8(ascii: ",") { start -= 1 }
        var k = last + 1
        while k < b.count, b[k] == UInt8(ascii: " ") { k += 1 }
        var word: [UInt8] = []
        while k < b.count, let c = Optional(b[k] | 0x20), c >= 97 && c <= 122 { word.append(c); k += 1 }
        let exponent: Int, name: String, short: String
        switch String(decoding: word, as: UTF8.self) {
        case "million", "millions", "mln", "m": (exponent, name, short) = (6, "million", "M")
        case "thousand", "thousands", "k": (exponent, name, short) = (3, "thousand", "K")
        default: return nil
        }
        var decimals = 0
        if let dot = b[start...last].firstIndex(of: UInt8(ascii: ".")) { decimals = last - dot }
        return (exponent, decimals, name, short)
    }
}

/// `13221` → `13,221`; negative numbers keep their sign.
public func formatCount(_ n: Int) -> String {
    let digits = String(n.magnitude)
    var out = ""
    for (i, c) in digits.enumerated() {
        if i > 0 && (digits.count - i) % 3 == 0 { out.append(",") }
        out.append(c)
    }
    return n < 0 ? "-" + out : out
}

import Foundation
