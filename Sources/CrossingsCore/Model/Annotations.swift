/// A ratio as a source printed it: "the figure for `key` is `value` times the
/// figure for `base`" (`ratios.csv`). Nothing is computed from it: the
/// validator only checks it against the figures (see `Resolver.check`).
///
/// The value is kept as the digits the source gave, `numerator / 10^scale`
/// (`1.6` is 16 and 1), so no binary fraction stands between a printed "1.6"
/// and the check.
///
/// ```swift
/// // KP-RU 2024 total is "about 12 times" KP-RU 2023 total
/// ratio.valueText == "12"; ratio.qualifier == .about
/// ratio.interval == (10.8, 13.2)          // about: ± max(half a unit, 10 %)
/// ratio.holds(13221, over: 1117) == true  // 11.84
/// ```
public struct Ratio: Hashable, Sendable, Identifiable {
    public var id: String
    /// The figure the ratio is about.
    public var key: FigureKey
    /// The figure it is a multiple of (an empty base field in the file means the key's).
    public var base: FigureKey
    /// The value as printed, without its scale: `1.6` → 16.
    public var numerator: Int
    /// Digits after the decimal point: `1.6` → 1, `12` → 0.
    public var scale: Int
    /// `exact`, `about`, `at-least` or `at-most` (never `range`).
    public var qualifier: Qualifier
    /// The ratio as the source printed it: `almost twelve times`.
    public var printed: String
    public var producer: String
    public var sourceID: String
    /// `¶19` in one of the five articles, as for observations.
    public var locator: String
    public var note: String
    public var location: Location
    /// Where each field of the row starts, for messages about one field.
    var fieldLocations: [String: Location] = [:]

    public init(id: String, key: FigureKey, base: FigureKey, numerator: Int, scale: Int, qualifier: Qualifier,
                printed: String, producer: String, sourceID: String, locator: String, note: String, location: Location) {
        self.id = id
        self.key = key
        self.base = base
        self.numerator = numerator
        self.scale = scale
        self.qualifier = qualifier
        self.printed = printed
        self.producer = producer
        self.sourceID = sourceID
        self.locator = locator
        self.note = note
        self.location = location
    }

    /// The value as a number (for display and arithmetic that need not be exact).
    public var value: Double { Double(numerator) / Double(Ratio.power(scale)) }

    /// The value as written in the file: `12`, `1.6`, `0.25`.
    public var valueText: String { Ratio.decimalText(numerator, scale: scale) }

    /// `numerator` with `scale` decimal places: (16, 1) → `1.6`, (25, 2) → `0.25`.
    static func decimalText(_ numerator: Int, scale: Int) -> String {
        guard scale > 0 else { return String(numerator) }
        var digits = String(numerator)
        if digits.count <= scale { digits = String(repeating: "0", count: scale - digits.count + 1) + digits }
        digits.insert(".", at: digits.index(digits.endIndex, offsetBy: -scale))
        return digits
    }

    /// `about 12 times`, `at least 2 times`, `1.6 times`.
    public var wording: String {
        let hedge: String = switch qualifier {
        case .about: "about "
        case .atLeast: "at least "
        case .atMost: "at most "
        case .exact, .range: ""
        }
        return "\(hedge)\(valueText) times"
    }

    /// The bounds as exact fractions (numerator, denominator); nil: no bound.
    /// exact: ± half the unit of the last stated digit; about: ± the larger of that
    /// and 10 %; at-least: the value or more; at-most: the value or less.
    var bounds: (lower: (Int, Int)?, upper: (Int, Int)?) {
        let unit = Ratio.power(scale)
        // In twentieths of the unit: the value is 20n, half a unit is 10, 10 % is 2n.
        let denominator = 20 * unit, twenty = 20 * numerator
        switch qualifier {
        case .exact, .range:
            return ((twenty - 10, denominator), (twenty + 10, denominator))
        case .about:
            let tolerance = max(10, 2 * numerator)
            return ((twenty - tolerance, denominator), (twenty + tolerance, denominator))
        case .atLeast: return ((numerator, unit), nil)
        case .atMost: return (nil, (numerator, unit))
        }
    }

    /// The range of true ratios the wording allows (nil: no bound that side).
    /// `12` exact → 11.5–12.5; `1.6` → 1.55–1.65; about `12` → 10.8–13.2;
    /// at-least `2` → 2 or more; at-most `2` → 2 or less.
    public var interval: (lower: Double?, upper: Double?) {
        let b = bounds
        return (b.lower.map { Double($0.0) / Double($0.1) }, b.upper.map { Double($0.0) / Double($0.1) })
    }

    /// Whether a worked-out ratio lies in `interval` (bounds included).
    public func holds(actual: Double) -> Bool {
        let i = interval
        if let lower = i.lower, actual < lower { return false }
        if let upper = i.upper, actual > upper { return false }
        return true
    }

    /// Whether `figure / base` lies in `interval`, in whole-number arithmetic (no
    /// rounding at the edges: 23 / 2 = 11.5 holds for an exact 12). `base` must be above zero.
    public func holds(_ figure: Int, over base: Int) -> Bool {
        precondition(base > 0, "a ratio needs a base above zero")
        // figure / base >= p / q  ⇔  figure × q >= p × base (all positive).
        func compare(_ bound: (Int, Int)) -> Int? {
            let (left, o1) = figure.multipliedReportingOverflow(by: bound.1)
            let (right, o2) = bound.0.multipliedReportingOverflow(by: base)
            if o1 || o2 { return nil }
            return left < right ? -1 : (left > right ? 1 : 0)
        }
        let b = bounds
        if let lower = b.lower {
            guard let c = compare(lower) else { return holds(actual: Double(figure) / Double(base)) }
            if c < 0 { return false }
        }
        if let upper = b.upper {
            guard let c = compare(upper) else { return holds(actual: Double(figure) / Double(base)) }
            if c > 0 { return false }
        }
        return true
    }

    static func power(_ scale: Int) -> Int {
        var p = 1
        for _ in 0..<scale { p *= 10 }
        return p
    }
}

/// An observation whose value covers only part of its period (`coverage.csv`):
/// a "2024" figure that holds three quarters of data.
///
/// ```swift
/// data.coverage(ofObservation: "kbs-2024-12/1")?.quarters == 3
/// ```
public struct Coverage: Hashable, Sendable {
    public var observationID: String
    /// How many quarters of data the value covers: 1 ≤ quarters < the quarters of its period.
    public var quarters: Int
    public var note: String
    public var location: Location
    /// Where the quarters field starts.
    var quartersLocation: Location
    /// The observation's position in the store (set when the package is checked).
    var row: Int = -1
}

/// An observation kept as printed but known to be wrong (`errata.csv`), with
/// the evidence: a source and a place in it.
///
/// ```swift
/// let e = data.erratum(forObservation: "news1-2025-rfa/6")
/// e?.reason   // "mistranslation: the Russian text says 636"
/// ```
public struct Erratum: Hashable, Sendable {
    public var observationID: String
    public var reason: String
    public var sourceID: String
    public var locator: String
    public var location: Location
    var sourceLocation: Location
    var locatorLocation: Location
    /// The observation's position in the store (set when the package is checked).
    var row: Int = -1
}

/// An FSB figure an `estimate` category runs parallel to (`compares` in
/// `categories.csv`): `total`, `purpose/tourism`, `transport/air`.
///
/// ```swift
/// data.category(.estimate, "rosstat-trips")?.compares?.label == "total"
/// ```
public struct ComparedMeasure: Hashable, Sendable, CustomStringConvertible {
    /// `total`, `purpose` or `transport`.
    public var measure: Measure
    /// Empty for `total`.
    public var category: String

    public init(measure: Measure, category: String = "") {
        self.measure = measure
        self.category = category
    }

    /// `total`, `purpose/tourism`.
    public var label: String { category.isEmpty ? measure.rawValue : "\(measure.rawValue)/\(category)" }
    public var description: String { label }
}
