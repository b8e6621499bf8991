/// Findings from the optional files: printed ratios that the figures do not
/// bear out, errata, and estimates that run parallel to an FSB count. Kept apart
/// from Validator.swift so each kind is a function of its own.
///
/// ```text
/// data/ratios.csv:2:1: warning: KP-RU 2024 total is printed as about 12 times KP-RU 2023 (online-ua-2025-02-09 ¶19), but 13,221 / 1,117 = 11.84
/// data/errata.csv:2:1: warning: KP-RU 2024 purpose/study: 6,636 (news1-2025-rfa press-facts P6) is recorded as an erratum: mistranslation (rfa-2025 ¶4)
/// data/observations.csv:40:1: warning: RU-KP 2024: Rosstat counts 2,008 (estimate/rosstat-trips, rosstat-2025 T2) where the FSB border count is 6,469 (total): different producers and measures, kept apart
/// ```
extension Validator {
    /// Every finding of this file's kinds, unsorted.
    static func annotationFindings(_ data: Dataset, _ resolver: Resolver) -> [Diagnostic] {
        ratioFindings(data, resolver) + erratumFindings(data) + comparesFindings(data, resolver)
    }

    /// `1,117`, or `1,117 (derived)` for a worked-out value: a reader must see which numbers were computed.
    static func shown(_ r: Resolver.Resolved) -> String {
        formatCount(r.value) + (r.isDerived ? " (derived)" : "")
    }

    /// Each printed ratio against the figures: a warning when it does not hold, or cannot be checked.
    static func ratioFindings(_ data: Dataset, _ resolver: Resolver) -> [Diagnostic] {
        data.ratios.compactMap { ratio -> Diagnostic? in
            let check = resolver.check(ratio)
            // The base as the reader would say it: flow and period, and the measure when it is not the key's.
            let base = ratio.base.measureLabel == ratio.key.measureLabel ? "\(ratio.base.flow) \(ratio.base.period)" : ratio.base.description
            let claim = "\(ratio.key) is printed as \(ratio.wording) \(base) (\(ratio.sourceID) \(ratio.locator))"
            let message: String
            switch check.verdict {
            case .holds: return nil
            case .fails:
                guard let f = check.figure, let b = check.base else { return nil }
                message = "\(claim), but \(shown(f)) / \(shown(b)) = \(check.actualText)"
            case .noValue(let key):
                message = "ratio \(ratio.id) not checked: no single value for \(key) (\(claim))"
            case .zeroBase:
                message = "ratio \(ratio.id) not checked: \(ratio.base) is 0 (\(claim))"
            }
            return Diagnostic(location: ratio.location, severity: .warning, message: message)
        }
    }

    /// Each erratum, so that a reader of the findings knows the number is kept but known to be wrong.
    static func erratumFindings(_ data: Dataset) -> [Diagnostic] {
        data.erratumByObservation.values.compactMap { e -> Diagnostic? in
            guard let o = data.observation(at: e.row) else { return nil }
            return Diagnostic(location: e.location, severity: .warning,
                              message: "\(o.key): \(o.reported.display) (\(o.sourceID) \(o.locator)) is recorded as an erratum: \(e.reason) (\(e.sourceID) \(e.locator))")
        }
    }

    /// Estimates that run parallel to an FSB figure (`compares`) and do not agree with it:
    /// said once, so nobody reads the gap as a contradiction to resolve.
    static func comparesFindings(_ data: Dataset, _ resolver: Resolver) -> [Diagnostic] {
        let parallels = Dictionary(data.categories.compactMap { c in c.compares.map { (c.id, $0) } },
                                   uniquingKeysWith: { a, _ in a })
        guard !parallels.isEmpty else { return [] }
        var out: [Diagnostic] = []
        for flow in data.flows {
            for key in data.keys(of: flow) where key.measure == .estimate {
                guard let parallel = parallels[key.category] else { continue }
                let fsbKey = key.with(measure: parallel.measure, category: parallel.category)
                // The FSB figure: its one value, else every value its sources give (they disagree).
                let fsbValues: [(ReportedValue, String)]
                if let fsb = resolver.best(fsbKey) {
                    fsbValues = [(ReportedValue(value: fsb.value), shown(fsb))]
                } else {
                    fsbValues = resolver.resolution(fsbKey).readings.map { ($0.reported, $0.reported.display) }
                }
                guard !fsbValues.isEmpty else { continue }
                let fsbText = uniqued(fsbValues.map(\.1)).joined(separator: " or ")
                let fsbIntervals = Intervals(fsbValues.map(\.0))
                // A count of part of the period is not set against the whole period's.
                for o in data.observations(for: key) where data.coverage(ofObservation: o.id) == nil
                    && !fsbIntervals.anyAgrees(with: o.reported) {
                    out.append(Diagnostic(location: o.location, severity: .warning, message:
                        "\(key.flow) \(key.period): \(o.producer) counts \(o.reported.display) (\(key.measureLabel), \(o.sourceID) \(o.locator)) where the FSB border count is \(fsbText) (\(parallel.label)): different producers and measures, kept apart"))
                }
            }
        }
        return out
    }
}

/// Whether a value agrees with any of many (the agreement rule: intervals that overlap), without
/// setting it against each: the intervals sorted by lower bound, with the highest upper bound among
/// each prefix. A value agrees with one of them exactly when, among those that start no later than
/// it ends, the highest upper bound reaches its lower bound. n log n for n values and as many questions.
struct Intervals {
    private var lowers: [Double] = []
    /// The highest upper bound of the first i + 1 intervals (infinity for "or more").
    private var highestUpper: [Double] = []

    init(_ values: [ReportedValue]) {
        let sorted = values.map { v -> (Double, Double) in let i = v.interval; return (i.lower, i.upper ?? .infinity) }
            .filter { $0.0 <= $0.1 }  // an empty interval agrees with nothing
            .sorted { $0.0 < $1.0 }
        var highest = -Double.infinity
        for (lower, upper) in sorted {
            highest = max(highest, upper)
            lowers.append(lower)
            highestUpper.append(highest)
        }
    }

    func anyAgrees(with value: ReportedValue) -> Bool {
        let i = value.interval
        let upper = i.upper ?? .infinity
        guard i.lower <= upper else { return false }
        // How many intervals start no later than the value ends.
        var lo = 0, hi = lowers.count
        while lo < hi {
            let mid = (lo + hi) / 2
            if lowers[mid] <= upper { lo = mid + 1 } else { hi = mid }
        }
        return lo > 0 && highestUpper[lo - 1] >= i.lower
    }
}
