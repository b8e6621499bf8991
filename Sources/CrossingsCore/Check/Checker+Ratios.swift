/// Ratio claims judged against the ratio of the resolved figures (docs/check.md,
/// "Ratios and comparisons"):
///
/// - supported: figure / base lies in the range the wording allows, for every value
///   the two figures can take;
/// - disputed: a figure has several values (its sources disagree, or the Resolver marks it)
///   and the claim fits some combinations and not others; both sides are shown;
/// - contradicted: it fits none;
/// - unverifiable: a figure (named which) has no value, or the sentence names no base.
public struct WorkedRatio: Sendable, Hashable {
    public var figure: Int
    public var base: Int
    /// figure / base, rounded to enough decimals to show which side of a bound it is on.
    public var computed: String
    /// `KP-RU 2024 total / KP-RU 2023 total = 13,221 / 1,117 = 11.8`
    public var formula: String
    public var holds: Bool
    public var sourceIDs: [String]
}

extension Checker {
    /// The values a figure can take in a ratio: its best value, or every candidate when marked.
    func ratioTerms(_ key: FigureKey) -> (values: [Resolver.Resolved], marked: Bool, approximate: [Observation]) {
        let r = resolver.resolution(key)
        if !r.marked, let p = r.primary { return ([p], false, []) }
        let values = r.marked ? r.alternatives : (r.primary.map { [$0] } ?? [])
        return (values, r.marked, r.readings)
    }

    func cite(_ v: Resolver.Resolved) -> String {
        if let d = v.derivation { return "derived: \(d.formula) = \(d.worked)" }
        return v.observations.map { "\($0.sourceID) \($0.locator)" }.joined(separator: ", ")
    }

    func check(_ claim: Claim, ratio r: RatioClaim) -> Finding {
        func unverifiable(_ why: String) -> Finding {
            Finding(claim: claim, verdict: .unverifiable, message: "\(r.printed): \(why)", expected: nil, sourceIDs: [], rows: [])
        }
        guard let of = r.of, let base = r.base else { return unverifiable(r.problem ?? "the sentence does not say what is compared with what") }
        guard r.bounds != nil else { return unverifiable("the factor is too large to check") }
        let a = ratioTerms(of), b = ratioTerms(base)
        for (key, term) in [(of, a), (base, b)] where term.values.isEmpty {
            let approximate = term.approximate.isEmpty ? "" : " (only " + term.approximate.map { "\($0.reported.display) (\($0.sourceID) \($0.locator))" }.joined(separator: "; ") + ")"
            return unverifiable("no precise figure for \(key)\(approximate), so no ratio can be worked out")
        }
        let rows = (resolver.rows(for: of) + resolver.rows(for: base)).filter { !$0.status.isSetAside }
        let ids = uniqued((a.values + b.values).flatMap { $0.derivation?.sourceIDs ?? $0.observations.map(\.sourceID) })
        // Every pair of values the two figures can take.
        var fitting: [String] = [], failing: [String] = [], worked: [WorkedRatio] = []
        let interval = r.interval
        for x in a.values {
            for y in b.values where y.value > 0 {
                let holds = r.holds(x.value, over: y.value)
                let actual = Double(x.value) / Double(y.value)
                // Enough decimals to show which side of a bound the ratio is on.
                var decimals = max(1, r.scale + 1)
                while decimals < 6 {
                    let shown = Double(formatDecimal(actual, decimals)) ?? actual
                    let inside = (interval.lower.map { shown >= $0 } ?? true) && (interval.upper.map { shown <= $0 } ?? true)
                    if inside == holds { break }
                    decimals += 1
                }
                var formula = "\(of) / \(base) = \(formatCount(x.value)) / \(formatCount(y.value)) = \(formatDecimal(actual, decimals))"
                if r.form == .percentChange {
                    let change = (actual - 1) * 100
                    formula += ", a change of \(change >= 0 ? "+" : "")\(formatDecimal(change, 1))%"
                }
                let text = "\(formula) (\(formatCount(x.value)): \(cite(x)); \(formatCount(y.value)): \(cite(y)))"
                worked.append(WorkedRatio(figure: x.value, base: y.value, computed: formatDecimal(actual, decimals), formula: formula, holds: holds,
                                          sourceIDs: uniqued([x, y].flatMap { $0.derivation?.sourceIDs ?? $0.observations.map(\.sourceID) })))
                if holds { fitting.append(text) } else { failing.append(text) }
            }
        }
        guard !fitting.isEmpty || !failing.isEmpty else { return unverifiable("\(base) is 0: no ratio") }
        let allows = "\(r.wording) allows \(r.intervalText)"
        var stored = ""
        let rowsStored = data.ratios.filter { $0.key == of && $0.base == base }
        if !rowsStored.isEmpty {
            stored = "; stored: " + rowsStored.map { "\($0.id) '\($0.printed)' = \($0.wording) (\($0.sourceID) \($0.locator))" }.joined(separator: ", ")
        }
        let disputedTerms = [(of, a), (base, b)].filter { $0.1.marked }.map { "\($0.0)" }
        let note = disputedTerms.isEmpty ? "" : " (\(disputedTerms.joined(separator: " and ")) disputed: every value tried)"
        let verdict: Finding.Verdict
        let message: String
        if failing.isEmpty {
            verdict = .supported
            message = fitting.joined(separator: "; ") + "; \(allows)\(note)\(stored)"
        } else if fitting.isEmpty {
            verdict = .contradicted
            message = failing.joined(separator: "; ") + "; \(allows), not this\(note)\(stored)"
        } else {
            verdict = .disputed
            message = "\(disputedTerms.joined(separator: " and ")) disputed: \(allows); it fits " + fitting.joined(separator: "; ")
                + "; but not " + failing.joined(separator: "; ") + stored
        }
        return Finding(claim: claim, verdict: verdict, message: message, expected: nil, sourceIDs: ids, rows: rows, ratios: worked)
    }

    /// Count claims with the document's ratio and event-date claims put in among them, in order.
    func withComparisons(_ counts: [Claim], in sentences: [Sentence], asOf: CalendarDay?) -> [Claim] {
        var previousMain: Claim?
        return withComparisons(counts, in: sentences, events: EventReader(data, asOf: asOf), ratios: RatioReader(data, asOf: asOf),
                               previous: &previousMain)
    }

    /// The same for a run of a document's sentences (IncrementalChecker reads a paragraph at a time):
    /// `previousMain` is the last sentence's main count before the run, and after it.
    func withComparisons(_ counts: [Claim], in sentences: some Collection<Sentence>, events: EventReader, ratios: RatioReader,
                         previous previousMain: inout Claim?) -> [Claim] {
        var out: [Claim] = []
        var next = 0
        for sentence in sentences {
            guard let first = sentence.tokens.first, let last = sentence.tokens.last else { continue }
            var own: [Claim] = []
            while next < counts.count {
                let c = counts[next]
                let afterStart = (c.line, c.column) >= (first.line, first.column)
                let beforeEnd = (c.line, c.column) < (last.line, last.endColumn)
                if afterStart && beforeEnd { own.append(c); next += 1 } else if !afterStart { out.append(c); next += 1 } else { break }
            }
            // A number the count reader took ("entered Russia 1,117 times") is not also a ratio.
            let comparisons = ratios.claims(in: sentence, counts: own.filter { !$0.tooLarge }, previous: previousMain).filter { r in
                !own.contains { $0.line == r.line && $0.column <= r.column && r.column < $0.endColumn }
            }
            let added = comparisons + events.claims(in: sentence)
            out += (own + added).sorted { ($0.line, $0.column) < ($1.line, $1.column) }
            if let main = own.first(where: { !$0.tooLarge }) { previousMain = main }
        }
        out += counts[next...]
        return out
    }
}
