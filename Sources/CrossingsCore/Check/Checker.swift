/// Judges each claim against the dataset.
///
/// - supported: the dataset's figure agrees with the claim (the agreement rule of docs/rules.md);
/// - contradicted: the dataset has a different figure for that flow, period and category;
/// - disputed: sources (or a sum of parts) disagree about that figure;
/// - unverifiable: no figure for that flow, period and category.
///
/// ```swift
/// let checker = Checker(data)
/// let finding = checker.check(claim)
/// finding.verdict   // .supported
/// ```
public struct Finding: Hashable, Sendable {
    public enum Verdict: String, Hashable, Sendable, CaseIterable {
        case supported, contradicted, disputed, unverifiable

        /// For editors' problem lists: contradicted is an error, disputed a warning, the rest notes.
        public var severity: Diagnostic.Severity {
            switch self {
            case .contradicted: .error
            case .disputed: .warning
            case .supported, .unverifiable: .note
            }
        }
    }

    public var claim: Claim
    public var verdict: Verdict
    /// One sentence saying why, with the dataset's numbers and their sources.
    public var message: String
    /// The dataset's value (the one the verdict rests on), if any.
    public var expected: Int?
    /// Sources behind the verdict.
    public var sourceIDs: [String]
    /// The rows the verdict was judged against.
    public var rows: [FigureRow]
    /// For a ratio claim: each ratio worked out (Checker+Ratios.swift).
    public var ratios: [WorkedRatio] = []
    /// For an event-date claim: the event's dates by source.
    public var eventDates: [EventDate] = []
}

public final class Checker {
    public let resolver: Resolver
    public var data: Dataset { resolver.data }

    /// What a claim is judged by (judge reads nothing else of it), and the finding it got: a draft
    /// states the same figure for the same key many times, and each judgement formats its sources.
    struct Judged: Hashable {
        var flow: Flow?
        var key: FigureKey?
        var periodProblem: String?
        var value: ReportedValue
    }
    private var judged: [Judged: Finding] = [:]

    public init(_ data: Dataset) { resolver = Resolver(data) }
    public init(resolver: Resolver) { self.resolver = resolver }

    public func check(_ claim: Claim) -> Finding {
        // Ratios and event dates: Checker+Ratios.swift, Checker+Events.swift.
        if let ratio = claim.ratio { return check(claim, ratio: ratio) }
        if let event = claim.event { return check(claim, event: event) }
        if claim.tooLarge { return judgeTooLarge(claim) }
        let asked = Judged(flow: claim.flow, key: claim.key, periodProblem: claim.periodProblem, value: claim.value)
        var finding: Finding
        if let known = judged[asked] {
            finding = known
            finding.claim = claim
        } else {
            finding = judge(claim)
            judged[asked] = finding
        }
        // How the period was read, where the draft did not state it outright: the editor sees the reading.
        if let note = claim.readingNote, claim.key != nil { finding.message += " [\(note)]" }
        return finding
    }

    func judge(_ claim: Claim) -> Finding {
        guard let flow = claim.flow else {
            return Finding(claim: claim, verdict: .unverifiable, message: "no flow: the sentence does not say whose travel, or which way",
                           expected: nil, sourceIDs: [], rows: [])
        }
        guard let key = claim.key else {
            return Finding(claim: claim, verdict: .unverifiable,
                           message: "no period for \(flow): \(claim.periodProblem ?? "none recognised")", expected: nil, sourceIDs: [], rows: [])
        }
        // Errata and part-period values are listed with the key, never judged against.
        let rows = resolver.rows(for: key).filter { !$0.status.isSetAside }
        let reported = rows.filter { $0.status == .reported }
        let derived = rows.first { $0.status == .derived }
        let subject = "\(key)"

        if reported.isEmpty && derived == nil, let mean = mean(key) {
            // An average no source gives: the mean of the years' figures, worked out and said so.
            let exact = Double(mean.sum) / Double(mean.years.count)
            let fits = ReportedValue(value: Int(exact.rounded(.down)), high: Int(exact.rounded(.up)), qualifier: .range).agrees(with: claim.value)
            let worked = "the mean of \(mean.years.map(\.description).joined(separator: ", ")) = (\(mean.values.map(formatCount).joined(separator: " + "))) / \(mean.years.count) = \(formatCount(Int(exact.rounded())))"
            let ids = uniqued(mean.sources)
            return Finding(claim: claim, verdict: fits ? .supported : .contradicted,
                           message: "\(subject) is \(worked) — derived, not printed by any source" + (fits ? "" : ", not \(claim.value.display)"),
                           expected: Int(exact.rounded()), sourceIDs: ids, rows: rows)
        }
        if reported.isEmpty && derived == nil, let part = nonZeroPart(claim, key) {
            // "none" over a stretch some part of which had travellers.
            return Finding(claim: claim, verdict: .contradicted,
                           message: "\(subject): no figure for the whole, but \(part.key.period) is \(part.value.display) (\(cite(part))), so not \(claim.value.display)",
                           expected: nil, sourceIDs: part.sourceIDs, rows: [part])
        }
        if reported.isEmpty && derived == nil {
            var message = "no figure for \(subject) in the dataset"
            if let elsewhere = elsewhere(claim, not: key) ?? nearest(claim, to: key) { message += "; \(elsewhere)" }
            return Finding(claim: claim, verdict: .unverifiable, message: message, expected: nil, sourceIDs: [], rows: [])
        }
        // Disputed only when the key's own values disagree (sources, or sources against a sum of parts),
        // and the number printed is one of them; a number that fits none of them is contradicted.
        let ownValuesDisagree = !Resolver.allAgree(rows.map(\.value))
        if ownValuesDisagree {
            let values = rows.map(show).joined(separator: "; ")
            let ids = uniqued(rows.flatMap { $0.status == .derived ? ($0.derivation?.sourceIDs ?? []) : $0.sourceIDs })
            let expected = reported.first(where: { $0.value.isPrecise })?.value.value ?? derived?.value.value
            // A vague bound the others satisfy (">=100" beside 370 and 366) does not make 400 one of the values.
            let precise = rows.filter { $0.value.isPrecise }
            // A claim that holds whichever source is right ("more than 300" for 370 or 366) is what an
            // editor can print: supported, with the disagreement said.
            if rows.allSatisfy({ claim.value.agrees(with: $0.value) }) {
                return Finding(claim: claim, verdict: .supported,
                               message: "\(subject): the dataset's figures disagree (\(values)), and \(claim.value.display) fits every one of them",
                               expected: expected, sourceIDs: ids, rows: rows)
            }
            if (precise.isEmpty ? rows : precise).contains(where: { claim.value.agrees(with: $0.value) }) {
                return Finding(claim: claim, verdict: .disputed, message: "\(subject): the dataset's figures disagree: \(values)",
                               expected: expected, sourceIDs: ids, rows: rows)
            }
            var message = "\(subject) is disputed between \(values); \(claim.value.display) fits none of them"
            if let elsewhere = elsewhere(claim, not: key) { message += "; \(elsewhere)" }
            return Finding(claim: claim, verdict: .contradicted, message: message, expected: expected, sourceIDs: ids, rows: rows)
        }
        // The key's values agree, but it is marked for what surrounds it: said beside the verdict.
        let caveat = rows.first.map { $0.keyAgrees ? "" : "; note: " + $0.disputes.joined(separator: "; ") } ?? ""
        // The sources agree: judge against them all (the derived value is judged only when nothing is reported).
        let basis = reported.isEmpty ? [derived!] : reported
        let best = basis.first { $0.value.isPrecise } ?? basis[0]
        let ids = uniqued(basis.flatMap { $0.status == .derived ? ($0.derivation?.sourceIDs ?? []) : $0.sourceIDs })
        let derivedNote = reported.isEmpty ? " — a derived number, not printed by any source" : ""
        if basis.allSatisfy({ claim.value.agrees(with: $0.value) }) {
            return Finding(claim: claim, verdict: .supported,
                           message: "\(subject) is \(basis.map(show).joined(separator: "; "))\(derivedNote)\(caveat)",
                           expected: best.value.value, sourceIDs: ids, rows: rows)
        }
        var message = "\(subject) is \(basis.map(show).joined(separator: "; "))\(derivedNote), not \(claim.value.display)\(caveat)"
        if let elsewhere = elsewhere(claim, not: key) { message += "; \(elsewhere)" }
        return Finding(claim: claim, verdict: .contradicted, message: message, expected: best.value.value, sourceIDs: ids, rows: rows)
    }

    /// Where a row's value comes from: its sources and locators, or the sum it is derived by.
    func cite(_ r: FigureRow) -> String {
        r.status == .derived
            ? "derived: \(r.derivation?.formula ?? "") = \(r.derivation?.worked ?? "")"
            : r.observations.map { "\($0.sourceID) \($0.locator)" }.joined(separator: ", ")
    }

    func show(_ r: FigureRow) -> String { "\(r.value.display) (\(cite(r)))" }

    /// A number of a trillion or more where a count stands: contradicted by what a count can be (the
    /// world has about eight billion people), with the figure the dataset holds for its key, if any.
    func judgeTooLarge(_ claim: Claim) -> Finding {
        var message = "number too large to be a count: a trillion or more, where the world has about 8 billion people"
        guard let key = claim.key else {
            return Finding(claim: claim, verdict: .contradicted, message: message, expected: nil, sourceIDs: [], rows: [])
        }
        let rows = resolver.rows(for: key).filter { !$0.status.isSetAside }
        let basis = rows.filter { $0.status == .reported }.isEmpty ? rows : rows.filter { $0.status == .reported }
        if basis.isEmpty {
            message += "; the dataset holds no figure for \(key)"
        } else {
            message += "; the dataset holds \(basis.map(show).joined(separator: "; ")) for \(key)"
            if !Resolver.allAgree(basis.map(\.value)) { message += " (its sources disagree)" }
        }
        let ids = uniqued(basis.flatMap { $0.status == .derived ? ($0.derivation?.sourceIDs ?? []) : $0.sourceIDs })
        let expected = Resolver.allAgree(basis.map(\.value)) ? basis.first(where: { $0.value.isPrecise })?.value.value : nil
        return Finding(claim: claim, verdict: .contradicted, message: message, expected: expected, sourceIDs: ids, rows: rows)
    }

    /// The years of an annual average's range with their best values, when every year has an
    /// undisputed one (at most 50 years).
    func mean(_ key: FigureKey) -> (years: [Period], values: [Int], sum: Int, sources: [String])? {
        guard key.measure == .annualAverage, case .range(let a, let b) = key.period, case .year(let first) = a, case .year(let last) = b,
              first < last, last - first < 50 else { return nil }
        var years: [Period] = [], values: [Int] = [], sources: [String] = []
        for y in first...last {
            let k = FigureKey(flow: key.flow, period: .year(y), measure: .total)
            let r = resolver.resolution(k)
            guard let v = r.primary, !r.marked else { return nil }
            years.append(.year(y)); values.append(v.value)
            sources += v.derivation?.sourceIDs ?? v.observations.map(\.sourceID)
        }
        return (years, values, values.reduce(0, +), sources)
    }

    /// "1,957 is the RU-KP 2024 purpose/tourism figure": where an exactly stated number does appear.
    func elsewhere(_ claim: Claim, not key: FigureKey) -> String? {
        guard claim.value.qualifier == .exact, claim.value.high == nil, claim.value.value >= 10 else { return nil }
        // A scan of the value column: only the rows with this value are put together
        // (an index of every value would build every observation of a large package).
        let store = data.observations
        let keys = store.rows(withValue: claim.value.value).map { store[$0] }.filter { $0.qualifier == .exact }.map(\.key)
        let candidates = uniqued(keys).filter { $0 != key }
        guard !candidates.isEmpty else { return nil }
        // Prefer the same flow, then the same period, then the same category.
        let ranked = candidates.sorted { a, b in
            func score(_ k: FigureKey) -> Int {
                (k.flow == key.flow ? 4 : 0) + (k.period == key.period ? 2 : 0) + (k.measure == key.measure && k.category == key.category ? 1 : 0)
            }
            return (score(a), b) > (score(b), a)
        }
        let k = ranked[0]
        return "\(formatCount(claim.value.value)) is the \(k.flow) \(k.period) \(k.measureLabel) figure"
    }

    /// For a claim of none (0) about a key with no figure: a part of its period (a year of a range, a
    /// half or quarter of a year) whose undisputed figure is more than none.
    func nonZeroPart(_ claim: Claim, _ key: FigureKey) -> FigureRow? {
        guard claim.value.value == 0, claim.value.qualifier == .exact || claim.value.qualifier == .atMost else { return nil }
        var parts: [Period] = []
        switch key.period {
        case .range(.year(let a), .year(let b)) where a <= b && b - a < 100: parts = (a...b).map { .year($0) }
        case .year(let y): parts = [.half(y, 1), .half(y, 2)] + (1...4).map { .quarter(y, $0) }
        case .half(let y, let h): parts = [.quarter(y, 2 * h - 1), .quarter(y, 2 * h)]
        default: return nil
        }
        for p in parts {
            let k = FigureKey(flow: key.flow, period: p, measure: key.measure, category: key.category)
            let rows = resolver.rows(for: k).filter { !$0.status.isSetAside }
            guard Resolver.allAgree(rows.map(\.value)) else { continue }
            if let r = rows.first(where: { $0.status == .reported && !claim.value.agrees(with: $0.value) }) { return r }
        }
        return nil
    }

    /// For a key the dataset holds nothing for, the nearest that it does: a figure of the same flow and
    /// period that fits the claimed number ("about 5,000 fits the KP-RU 2025-Q4 estimate/workers figure"),
    /// else the same figure's nearest period.
    func nearest(_ claim: Claim, to key: FigureKey) -> String? {
        let keys = data.observations.keys(of: key.flow).prefix(20_000)
        for k in keys where k.period == key.period && k != key {
            let values = data.observations.observations(for: k).filter { data.erratumByObservation[$0.id] == nil }
            if let o = values.first(where: { claim.value.agrees(with: $0.reported) }) {
                return "\(claim.value.display) fits the \(k.flow) \(k.period) \(k.measureLabel) figure: \(o.reported.display) (\(o.sourceID) \(o.locator))"
            }
        }
        let same = keys.filter { $0.measure == key.measure && $0.category == key.category && $0.period != key.period }
        guard let (k, _) = same.map({ ($0, abs($0.period.firstQuarter.value - key.period.firstQuarter.value)) }).min(by: { ($0.1, $0.0.period.firstQuarter.value) < ($1.1, $1.0.period.firstQuarter.value) }),
              let best = resolver.best(k) else { return nil }
        return "the nearest figure held is \(k.flow) \(k.period) \(k.measureLabel): \(formatCount(best.value))"
    }

    /// Every finding in a document.
    public func check(document: String, asOf: CalendarDay? = nil) -> [Finding] {
        check(document: document, asOf: asOf, limit: Int.max).findings
    }

    /// The most claims `crossings check` judges in one run: each finding holds its figures and sources
    /// (about 1 KB printed, several in memory), so a draft of 80,000 "It tripled." took 600 MB a
    /// megabyte. A book-length draft has a few thousand claims.
    public static let claimLimit = 10_000

    /// The findings of a document's first `limit` claims, and how many claims past them were not judged.
    public func check(document: String, asOf: CalendarDay? = nil, limit: Int) -> (findings: [Finding], unchecked: Int) {
        // The date line or front matter of a draft is not prose to read (DocumentDate).
        // Line breaks first: a draft with old Mac OS line breaks ("\r") has lines too.
        let prose = DocumentDate.withoutFrontMatter(DraftText.unixLineBreaks(document))
        let sentences = ClaimExtractor.sentences(of: prose)
        let counts = ClaimExtractor(vocabulary: data.vocabulary ?? .empty, asOf: asOf).claims(in: sentences)
        let claims = withComparisons(counts, in: sentences, asOf: asOf)
        return (claims.prefix(max(0, limit)).map(check), max(0, claims.count - max(0, limit)))
    }
}
