/// A printed ratio against the figures it relates: both resolved with
/// `Resolver.best` (reported consensus, else derived), divided, and the result
/// held against the ratio's interval (docs/rules.md).
///
/// ```swift
/// let check = Resolver(data).check(ratio)   // "about 12 times"
/// check.figure?.value == 13221; check.base?.value == 1117
/// check.actualText == "11.84"; check.verdict == .holds
/// ```
public struct RatioCheck: Sendable {
    public enum Verdict: Hashable, Sendable {
        /// figure / base lies in the ratio's interval.
        case holds
        /// It does not.
        case fails
        /// This figure has no single value (none, or sources disagree): nothing to divide.
        case noValue(FigureKey)
        /// The base is zero: no ratio.
        case zeroBase
    }

    public var ratio: Ratio
    public var figure: Resolver.Resolved?
    public var base: Resolver.Resolved?
    public var verdict: Verdict

    /// figure / base, when both are known and the base is above zero.
    public var actual: Double? {
        guard let f = figure, let b = base, b.value > 0 else { return nil }
        return Double(f.value) / Double(b.value)
    }

    /// The worked-out ratio with enough decimals to show which side of a bound it is on:
    /// two, or more when two would round it onto the bound.
    public var actualText: String {
        guard let actual else { return "" }
        var decimals = max(2, ratio.scale + 1)
        while decimals < 8 {
            let shown = Double(formatDecimal(actual, decimals)) ?? actual
            if ratio.holds(actual: shown) == ratio.holds(actual: actual) { break }
            decimals += 1
        }
        return formatDecimal(actual, decimals)
    }
}

extension Resolver {
    /// Checks a printed ratio against the figures (see `RatioCheck`).
    public func check(_ ratio: Ratio) -> RatioCheck {
        let figure = best(ratio.key), base = best(ratio.base)
        let verdict: RatioCheck.Verdict
        if figure == nil {
            verdict = .noValue(ratio.key)
        } else if let base, let figure {
            verdict = base.value == 0 ? .zeroBase : (ratio.holds(figure.value, over: base.value) ? .holds : .fails)
        } else {
            verdict = .noValue(ratio.base)
        }
        return RatioCheck(ratio: ratio, figure: figure, base: base, verdict: verdict)
    }
}

/// `11.84` from 11.8415…, with a dot whatever the locale.
func formatDecimal(_ x: Double, _ decimals: Int) -> String {
    var unit = 1.0
    for _ in 0..<decimals { unit *= 10 }
    let scaled = (x * unit).rounded()
    guard scaled.magnitude < 1e15 else { return String(x) }
    let n = Int(scaled)
    let whole = n / Int(unit), fraction = abs(n % Int(unit))
    guard decimals > 0 else { return String(whole) }
    let digits = String(fraction)
    return (n < 0 && whole == 0 ? "-" : "") + "\(whole)." + String(repeating: "0", count: decimals - digits.count) + digits
}
