/// Works out numbers the sources do not print: wholes from complete parts,
/// missing parts by difference, "not stated" residuals, and year-on-year change.
///
/// Only precise values (exact, stated to the unit) on which every source
/// agrees are added up; a part that sources disagree about stops the sum.
/// A difference takes a reported whole and reported or summed siblings, never
/// another difference, so a derived number can never be derived from itself.
///
/// ```swift
/// let resolver = Resolver(data)
/// resolver.derive(FigureKey(flow: kpru, period: .year(2019), measure: .total))?.value   // 21,481
/// ```
public final class Resolver {
    public let data: Dataset
    /// Worked-out values, one table per flow: a single table for a large package grows to
    /// hundreds of thousands of entries, and each time it doubles it rehashes them all
    /// (a 27 ms pause on one key in the explorer).
    private var composedCache: [Flow: [FigureKey: Resolved?]] = [:]

    public init(_ data: Dataset) { self.data = data }

    /// A value usable in arithmetic, and how it is known.
    public struct Resolved: Hashable, Sendable {
        public var value: Int
        public var observations: [Observation]
        public var derivation: Derivation?
        public var isDerived: Bool { derivation != nil }

        func term(_ key: FigureKey, sign: Int) -> Derivation.Term {
            Derivation.Term(sign: sign, key: key, value: value, observations: observations, derivation: derivation)
        }
    }

    /// The one precise value that every source for the key agrees with, if there is one.
    public func consensus(_ key: FigureKey) -> Resolved? {
        let obs = data.observations(for: key)
        let precise = obs.filter { $0.reported.isPrecise }
        guard let first = precise.first, precise.allSatisfy({ $0.value == first.value }) else { return nil }
        let reading = first.reported
        guard obs.allSatisfy({ $0.reported.agrees(with: reading) }) else { return nil }
        return Resolved(value: first.value, observations: precise, derivation: nil)
    }

    /// Reported consensus, else a sum of complete parts.
    public func composed(_ key: FigureKey) -> Resolved? {
        if let cached = composedCache[key.flow]?[key] { return cached }
        let result = consensus(key) ?? compose(key).map { Resolved(value: $0.value, observations: [], derivation: $0) }
        composedCache[key.flow, default: [:]][key] = result
        return result
    }

    /// The key as a sum of complete parts (periods, then categories), ignoring its own reported values.
    public func compose(_ key: FigureKey) -> Derivation? {
        guard key.measure != .estimate, key.measure != .annualAverage, key.category != notStatedCategory else { return nil }
        for partition in key.period.partitions.reversed() {
            let parts = partition.map { key.with(period: $0) }
            if let d = sum(key, .rollUp, parts) { return d }
        }
        if key.measure == .total {
            for measure in [Measure.transport, .purpose] {
                let parts = measure.fixedCategories.map { key.with(measure: measure, category: $0) }
                if let d = sum(key, .breakdown, parts) { return d }
            }
        }
        return nil
    }

    private func sum(_ key: FigureKey, _ kind: Derivation.Kind, _ parts: [FigureKey]) -> Derivation? {
        var terms: [Derivation.Term] = []
        for part in parts {
            guard let r = composed(part) else { return nil }
            terms.append(r.term(part, sign: 1))
        }
        return Derivation(key: key, kind: kind, value: terms.reduce(0) { $0 + $1.value }, terms: terms)
    }

    /// The key worked out from other figures: a sum of parts, or else a difference.
    public func derive(_ key: FigureKey) -> Derivation? {
        compose(key) ?? difference(key)
    }

    /// A part as its whole minus its siblings.
    public func difference(_ key: FigureKey) -> Derivation? {
        guard key.measure != .estimate, key.measure != .annualAverage, key.category != notStatedCategory else { return nil }
        var candidates: [(whole: FigureKey, siblings: [FigureKey])] = []
        let p = key.period
        switch p {
        case .quarter(let y, let q):
            let h = (q + 1) / 2
            let sibling = q % 2 == 1 ? q + 1 : q - 1
            candidates.append((key.with(period: .half(y, h)), [key.with(period: .quarter(y, sibling))]))
            candidates.append((key.with(period: .year(y)), (1...4).filter { $0 != q }.map { key.with(period: .quarter(y, $0)) }))
            candidates.append((key.with(period: .year(y)), [key.with(period: .half(y, 3 - h)), key.with(period: .quarter(y, sibling))]))
        case .half(let y, let h):
            candidates.append((key.with(period: .year(y)), [key.with(period: .half(y, 3 - h))]))
            let other = 3 - h
            candidates.append((key.with(period: .year(y)), [key.with(period: .quarter(y, 2 * other - 1)), key.with(period: .quarter(y, 2 * other))]))
        default: break
        }
        if key.measure.isBreakdown {
            let others = key.measure.fixedCategories.filter { $0 != key.category }.map { key.with(measure: key.measure, category: $0) }
            candidates.append((key.with(measure: .total, category: ""), others))
        }
        for (whole, siblings) in candidates {
            // The whole must be reported: a whole summed from parts would contain this key itself.
            guard let w = consensus(whole) else { continue }
            var terms = [w.term(whole, sign: 1)]
            var ok = true
            for s in siblings {
                guard let r = composed(s) else { ok = false; break }
                terms.append(r.term(s, sign: -1))
            }
            guard ok else { continue }
            let value = terms.reduce(0) { $0 + $1.sign * $1.value }
            // Fewer than zero crossings: the whole and its parts disagree (the validator says so); no answer here.
            guard value >= 0 else { continue }
            return Derivation(key: key, kind: .difference, value: value, terms: terms)
        }
        return nil
    }

    /// What a breakdown leaves unstated: the total minus the categories that are known.
    /// Nil when no category is known, when every category is, or when a stated
    /// category has no single precise value (sources disagree, or it is approximate).
    public func notStated(flow: Flow, period: Period, measure: Measure) -> Derivation? {
        guard measure.isBreakdown else { return nil }
        let totalKey = FigureKey(flow: flow, period: period, measure: .total)
        guard let total = composed(totalKey) else { return nil }
        var terms = [total.term(totalKey, sign: 1)]
        var missing = 0
        for c in data.categories(of: measure) {
            let k = FigureKey(flow: flow, period: period, measure: measure, category: c)
            if let r = composed(k) {
                terms.append(r.term(k, sign: -1))
            } else if !data.observations(for: k).isEmpty {
                return nil  // a stated category whose value is disputed or approximate: the remainder is unknown
            } else {
                missing += 1
            }
        }
        guard terms.count > 1, missing > 0 else { return nil }
        let key = FigureKey(flow: flow, period: period, measure: measure, category: notStatedCategory)
        return Derivation(key: key, kind: .residual, value: terms.reduce(0) { $0 + $1.sign * $1.value }, terms: terms)
    }

    /// The best precise value for a key: reported consensus, else derived.
    public func best(_ key: FigureKey) -> Resolved? {
        if key.category == notStatedCategory {
            return notStated(flow: key.flow, period: key.period, measure: key.measure).map { Resolved(value: $0.value, observations: [], derivation: $0) }
        }
        return consensus(key) ?? derive(key).map { Resolved(value: $0.value, observations: [], derivation: $0) }
    }

    /// Change on the same period a year earlier.
    public struct Change: Hashable, Sendable {
        public var current: Resolved
        public var previous: Resolved
        public var previousKey: FigureKey
        public var difference: Int { current.value - previous.value }
        /// Percent change; nil when the earlier value is zero.
        public var percent: Double? { previous.value == 0 ? nil : Double(difference) * 100 / Double(previous.value) }
        public var isDerived: Bool { current.isDerived || previous.isDerived }

        /// `+151.7%`, `-12.0%`, or `new` from zero.
        public var display: String {
            guard let p = percent else { return current.value == 0 ? "0" : "new" }
            let rounded = (p * 10).rounded() / 10
            return (rounded > 0 ? "+" : "") + String(format: "%.1f%%", rounded)
        }
    }

    public func change(_ key: FigureKey) -> Change? {
        // A remainder covers different categories from one period to the next: no like-for-like change.
        guard !key.period.isRange, key.category != notStatedCategory, let current = best(key) else { return nil }
        let earlier = key.with(period: key.period.yearEarlier)
        guard let previous = best(earlier) else { return nil }
        return Change(current: current, previous: previous, previousKey: earlier)
    }
}

import Foundation
