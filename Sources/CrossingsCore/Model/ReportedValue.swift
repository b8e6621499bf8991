/// A number with its hedge, and the interval of true values its wording allows.
///
/// The agreement rule (docs/agreement.md): every reported value stands for an
/// interval; two values agree when their intervals overlap.
/// - `exact` with all its digits (`13,221`, `370`), or any cell of a dataset: just that number.
/// - `exact` but round (a multiple of 1,000, such as `10,000`) or written with a
///   scale word (`6.62 million`, `5.5K`): rounded to its last stated digit,
///   ± half that unit, but never more than ± 10 %.
/// - `about` (about, nearly, roughly…): ± half the unit of its last non-zero
///   digit (at least ± 1), never more than ± 10 %. "nearly" is not read as
///   "below": sources use it both ways.
/// - `at-least` (over, more than): that number or more; `at-most`: or fewer.
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
    public var roundingUnit: Int {
        if let scaled = ReportedValue.scaleUnit(printed) { return scaled }
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
            let unit = roundingUnit
            let scaled = ReportedValue.scaleUnit(printed) != nil
            if tabulated || (unit < 1000 && !scaled) { return (v, v) }
            let tol = min(Double(unit) / 2, v / 10)
            return (v - tol, v + tol)
        case .about:
            let tol = min(max(Double(roundingUnit) / 2, 1), max(v / 10, 1))
            return (max(0, v - tol), v + tol)
        case .atLeast: return (v, nil)
        case .atMost: return (0, v)
        case .range: return (v, Double(high ?? value))
        }
    }

    /// Whether a reader of both wordings could be reading about the same number.
    public func agrees(with other: ReportedValue) -> Bool {
        let a = interval, b = other.interval
        let aBelowB = a.upper.map { $0 < b.lower } ?? false
        let bBelowA = b.upper.map { $0 < a.lower } ?? false
        return !aBelowB && !bBelowA
    }

    /// `13,221`, `~13,000`, `>=13,220`, `20,000-50,000`.
    public var display: String {
        if qualifier == .range { return "\(formatCount(value))-\(formatCount(high ?? value))" }
        return qualifier.mark + formatCount(value)
    }

    /// The unit of a number printed with a scale word or suffix: "6.62 million" → 10,000.
    /// Works on bytes: agreement checks call it for every pair of values.
    static func scaleUnit(_ printed: String) -> Int? {
        let b = Array(printed.utf8)
        func isDigit(_ c: UInt8) -> Bool { c >= 48 && c <= 57 }
        guard let last = b.lastIndex(where: isDigit) else { return nil }
        var start = last
        while start > 0, isDigit(b[start - 1]) || b[start - 1] == UInt8(ascii: ".") || b[start - 1] == UInt8(ascii: ",") { start -= 1 }
        var k = last + 1
        while k < b.count, b[k] == UInt8(ascii: " ") { k += 1 }
        var word: [UInt8] = []
        while k < b.count, let c = Optional(b[k] | 0x20), c >= 97 && c <= 122 { word.append(c); k += 1 }
        let exponent: Int
        switch String(decoding: word, as: UTF8.self) {
        case "million", "millions", "mln", "m": exponent = 6
        case "thousand", "thousands", "k": exponent = 3
        default: return nil
        }
        var decimals = 0
        if let dot = b[start...last].firstIndex(of: UInt8(ascii: ".")) { decimals = last - dot }
        var unit = 1
        for _ in 0..<max(0, exponent - decimals) { unit *= 10 }
        return unit
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
