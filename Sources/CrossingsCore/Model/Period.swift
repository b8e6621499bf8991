import Foundation

/// A stretch of time the FSB (or a source) counts over: a year, a half, a
/// quarter, or an inclusive range of those (`2010..2019`).
///
/// ```swift
/// let q = try Period(parsing: "2024-Q3")
/// q.year == 2024; q.granularity == .quarter
/// Period.year(2024).contains(q) == true
/// ```
public enum Period: Hashable, Sendable, Comparable, CustomStringConvertible {
    case year(Int)
    case half(Int, Int)      // year, 1...2
    case quarter(Int, Int)   // year, 1...4
    indirect case range(Period, Period)

    public enum Granularity: String, CaseIterable, Sendable, Comparable {
        case quarter, half, year, range
        var rank: Int { switch self { case .quarter: 0; case .half: 1; case .year: 2; case .range: 3 } }
        public static func < (a: Granularity, b: Granularity) -> Bool { a.rank < b.rank }
    }

    public struct ParseError: Error, Equatable, CustomStringConvertible {
        public let text: String
        public var description: String {
            "'\(clip(text))' is not a period (use 2024, 2024-H1, 2024-Q3 or a range such as 2010..2019)"
        }
    }

    public init(parsing raw: String) throws {
        // The common forms, straight from the bytes: this runs for every row of large packages.
        let b = Array(raw.utf8)
        func digit(_ c: UInt8) -> Int? { c >= 48 && c <= 57 ? Int(c - 48) : nil }
        if b.count >= 4, let d0 = digit(b[0]), let d1 = digit(b[1]), let d2 = digit(b[2]), let d3 = digit(b[3]) {
            let y = d0 * 1000 + d1 * 100 + d2 * 10 + d3
            if (1900...2199).contains(y) {
                if b.count == 4 { self = .year(y); return }
                if b.count == 7, b[4] == UInt8(ascii: "-"), let n = digit(b[6]) {
                    if b[5] == UInt8(ascii: "Q"), (1...4).contains(n) { self = .quarter(y, n); return }
                    if b[5] == UInt8(ascii: "H"), (1...2).contains(n) { self = .half(y, n); return }
                }
            }
        }
        let text = raw.trimmingCharacters(in: .whitespaces)
        if let dots = text.range(of: "..") {
            let a = try Period(parsing: String(text[..<dots.lowerBound]))
            let b = try Period(parsing: String(text[dots.upperBound...]))
            guard a.firstQuarter <= b.lastQuarter, !a.isRange, !b.isRange else { throw ParseError(text: raw) }
            self = .range(a, b)
            return
        }
        let parts = text.split(separator: "-", omittingEmptySubsequences: false)
        guard let first = parts.first, first.count == 4, first.allSatisfy(\.isASCIIDigit),
              let y = Int(first), y >= 1900, y <= 2199 else { throw ParseError(text: raw) }
        if parts.count == 1 { self = .year(y); return }
        guard parts.count == 2, parts[1].count == 2, let n = Int(parts[1].dropFirst()),
              parts[1].dropFirst().allSatisfy(\.isASCIIDigit) else { throw ParseError(text: raw) }
        switch parts[1].first {
        case "Q" where (1...4).contains(n): self = .quarter(y, n)
        case "H" where (1...2).contains(n): self = .half(y, n)
        default: throw ParseError(text: raw)
        }
    }

    public var description: String {
        switch self {
        case .year(let y): "\(y)"
        case .half(let y, let h): "\(y)-H\(h)"
        case .quarter(let y, let q): "\(y)-Q\(q)"
        case .range(let a, let b): "\(a)..\(b)"
        }
    }

    public var granularity: Granularity {
        switch self {
        case .year: .year
        case .half: .half
        case .quarter: .quarter
        case .range: .range
        }
    }

    public var isRange: Bool { if case .range = self { true } else { false } }

    /// The calendar year the period starts in.
    public var year: Int { firstQuarter.year }

    /// Quarters counted from year 0, so periods compare as plain integers.
    public var firstQuarter: QuarterIndex {
        switch self {
        case .year(let y): QuarterIndex(y, 1)
        case .half(let y, let h): QuarterIndex(y, h * 2 - 1)
        case .quarter(let y, let q): QuarterIndex(y, q)
        case .range(let a, _): a.firstQuarter
        }
    }

    public var lastQuarter: QuarterIndex {
        switch self {
        case .year(let y): QuarterIndex(y, 4)
        case .half(let y, let h): QuarterIndex(y, h * 2)
        case .quarter(let y, let q): QuarterIndex(y, q)
        case .range(_, let b): b.lastQuarter
        }
    }

    /// How many quarters the period spans.
    public var quarterCount: Int { lastQuarter.value - firstQuarter.value + 1 }

    /// True when every quarter of `other` lies inside this period.
    public func contains(_ other: Period) -> Bool {
        firstQuarter <= other.firstQuarter && other.lastQuarter <= lastQuarter
    }

    /// The same period one year earlier (for year-on-year change).
    public var yearEarlier: Period {
        switch self {
        case .year(let y): .year(y - 1)
        case .half(let y, let h): .half(y - 1, h)
        case .quarter(let y, let q): .quarter(y - 1, q)
        case .range(let a, let b): .range(a.yearEarlier, b.yearEarlier)
        }
    }

    /// The parts a period is the sum of, one level down: a year's halves and
    /// quarters (as alternatives), a half's quarters.
    public var partitions: [[Period]] {
        switch self {
        case .year(let y): [[.half(y, 1), .half(y, 2)], (1...4).map { .quarter(y, $0) }]
        case .half(let y, let h): [[.quarter(y, h * 2 - 1), .quarter(y, h * 2)]]
        case .quarter, .range: []
        }
    }

    /// Every period of `granularity` that lies within this one.
    public func periods(of granularity: Granularity) -> [Period] {
        let first = firstQuarter, last = lastQuarter
        var out: [Period] = []
        for y in first.year...last.year {
            let candidates: [Period]
            switch granularity {
            case .quarter: candidates = (1...4).map { .quarter(y, $0) }
            case .half: candidates = [.half(y, 1), .half(y, 2)]
            case .year, .range: candidates = [.year(y)]
            }
            out += candidates.filter { contains($0) }
        }
        return out
    }

    /// In ledger order: by the quarter a period ends in, and a whole after its
    /// parts (2024-Q1, 2024-Q2, 2024-H1, …, 2024-Q4, 2024-H2, 2024).
    public static func < (a: Period, b: Period) -> Bool {
        if a.lastQuarter != b.lastQuarter { return a.lastQuarter < b.lastQuarter }
        return a.firstQuarter > b.firstQuarter
    }
}

/// A quarter as one integer (year × 4 + quarter − 1), for cheap comparisons.
public struct QuarterIndex: Hashable, Comparable, Sendable {
    public let value: Int
    public init(_ year: Int, _ quarter: Int) { value = year * 4 + quarter - 1 }
    public var year: Int { value / 4 }
    public var quarter: Int { value % 4 + 1 }
    public static func < (a: QuarterIndex, b: QuarterIndex) -> Bool { a.value < b.value }
}

extension Character {
    var isASCIIDigit: Bool { asciiValue.map { $0 >= 48 && $0 <= 57 } ?? false }
}
