/// Checks beyond types: where sources disagree, where parts and wholes do not
/// add up, and who is credited for the same number. Findings are warnings: the
/// dataset keeps every source's number, and the program shows the disagreement
/// rather than picking a winner. (Errors — bad types, missing citations,
/// negative values, unknown ids — stop the load itself; see `PackageLoader`.)
///
/// ```swift
/// for finding in Validator.findings(data) { print(finding) }
/// // data/observations.csv:41:1: warning: KP-RU 2023-Q3 purpose/study: sources disagree: 62 (kbs-2024-01 press-facts P2); 24 (newsrebeat press-facts P3)
/// ```
public enum Validator {
    public static func findings(_ data: Dataset) -> [Diagnostic] {
        let resolver = Resolver(data)
        var out: [Diagnostic] = data.loadWarnings
        func warn(_ at: Location, _ message: String) {
            out.append(Diagnostic(location: at, severity: .warning, message: message))
        }
        func cite(_ o: Observation) -> String { "\(o.sourceID) \(o.locator)" }

        /// 1. Sources that disagree on the value; 2. the same number credited to different producers.
        func sourcesAndProducers(_ key: FigureKey, _ obs: [Observation], _ first: Observation) {
            // 1. Sources that disagree on the value.
            let readings = obs.map(\.reported)
            if !Resolver.allAgree(readings) {
                let groups = grouped(obs, by: \.reported.display)
                warn(first.location, "\(key): sources disagree: " + groups.map { "\($0.key) (\($0.items.map(cite).joined(separator: ", ")))" }.joined(separator: "; "))
            } else {
                // 2. Same number, different producers credited.
                let producers = grouped(obs, by: \.producer)
                // "South Korean intelligence" and "South Korean intelligence (NIS)" are one producer;
                // "the Federal State Statistics Service" and "the FSB border service" are not.
                if Set(producers.map { Attribution.looseName($0.key) }).count > 1 {
                    let who = producers.map { p in "\(p.key) (\(p.items.map(cite).joined(separator: ", ")))" }
                    warn(first.location, "\(key): sources credit different producers: " + who.joined(separator: "; "))
                }
            }
        }
        /// 3. A reported whole that its parts do not add up to.
        func partsAgainstWhole(_ key: FigureKey, _ obs: [Observation], _ first: Observation) {
            // 3. A reported whole that its complete parts do not add up to (each way of adding them up).
            for parts in resolver.resolution(key).derivations where parts.kind == .rollUp || parts.kind == .breakdown {
                let derived = ReportedValue(value: parts.value)
                let disagreeing = obs.filter { !$0.reported.agrees(with: derived) }
                for (value, who) in grouped(disagreeing, by: \.reported.display) {
                    let partSources = parts.sourceIDs.isEmpty ? "" : ", from \(parts.sourceIDs.joined(separator: ", "))"
                    warn(who[0].location, "\(key): \(value) (\(who.map(cite).joined(separator: ", "))) but its parts add up to \(formatCount(parts.value)) (\(parts.formula): \(parts.worked)\(partSources))")
                }
            }
            // 3b. A reported year whose four reported quarters add up to something else, even where
            //     the halves hide it (2023: 153 + 213 + 365 + 382 = 1,113, not 1,117).
            if case .year(let y) = key.period, let whole = resolver.consensus(key),
               // With no half reported, section 3 already adds up the quarters.
               resolver.consensus(key.with(period: .half(y, 1))) != nil || resolver.consensus(key.with(period: .half(y, 2))) != nil {
                let quarters = (1...4).map { key.with(period: .quarter(y, $0)) }
                let values = quarters.compactMap { resolver.consensus($0) }
                if values.count == 4 {
                    let sum = values.reduce(0) { $0 + $1.value }
                    if !ReportedValue(value: sum).agrees(with: whole.observations[0].reported) {
                        let worked = values.map { formatCount($0.value) }.joined(separator: " + ")
                        let who = uniqued(values.flatMap { $0.observations.map(\.sourceID) }).joined(separator: ", ")
                        warn(first.location, "\(key): \(formatCount(whole.value)) (\(whole.observations.map(cite).joined(separator: ", "))) but its four reported quarters add up to \(formatCount(sum)) (\(worked), from \(who))")
                    }
                }
            }
        }

        // One flow at a time, and what the resolver worked out for it is dropped after (a large
        // package has hundreds of flows). Within a flow, only the years where something can
        // disagree are resolved: a year whose sources give only leaves (a quarter's modes, once
        // each) can hold no disagreement, and most of a large import is like that.
        var said = Set<String>()
        for flow in data.flows {
            let keys = data.keys(of: flow)
            // The years the resolver works as whole blocks: the ones that can hold a disagreement.
            let yearsToResolve = Set(keys.compactMap { Resolver.blockYear($0) }.filter { resolver.canDisagree(flow: flow, year: $0) })
            for key in keys {
                let resolve = Resolver.blockYear(key).map { yearsToResolve.contains($0) } ?? false
                if !resolve && data.observations.count(for: key) < 2 { continue }
                // Errata and part-period values are recorded on their own, not as a disagreement.
                let obs = resolve || data.hasErrata || data.hasCoverage ? resolver.resolution(key).readings : data.observations(for: key)
                guard let first = obs.first else { continue }
                sourcesAndProducers(key, obs, first)
                guard resolve else { continue }
                partsAgainstWhole(key, obs, first)
                // 3c. Shown values that cannot add up, found only by comparing them (a part more than
                //     its whole, a whole less than the parts already given): once per finding.
                for reason in resolver.resolution(key).consistencyReasons where said.insert("\(key.flow) \(reason)").inserted {
                    warn(first.location, "\(key.flow) \(reason)")
                }
            }
            // 4. Categories that add up to more than their total.
            var seen = Set<FigureKey>()
            for key in keys.sorted() where key.measure.isBreakdown && yearsToResolve.contains(key.period.year) {
                let group = FigureKey(flow: key.flow, period: key.period, measure: key.measure, category: notStatedCategory)
                guard seen.insert(group).inserted, let residual = resolver.statedExcess(flow: key.flow, period: key.period, measure: key.measure),
                      // Every category stated: section 3 already set their sum against the total.
                      residual.terms.count - 1 < key.measure.fixedCategories.count else { continue }
                let at = data.observations(for: key)[0].location
                warn(at, "\(key.flow) \(key.period) \(key.measure.rawValue): the stated categories add up to more than the total (\(residual.formula): \(residual.worked))")
            }
            resolver.forget(flow: flow)
        }
        // 5. Events whose sources give dates that do not overlap.
        for e in data.events where e.datesDisagree {
            let dates = e.dates.map { "\($0.label) (\($0.sourceID) \($0.locator))" }
            warn(e.location, "event '\(e.id)': sources give different dates: " + dates.joined(separator: "; "))
        }
        // 6. Sources nothing cites.
        let cited = Set(data.observations.map(\.sourceID) + data.events.flatMap { $0.dates.map(\.sourceID) })
            .union(data.ratios.map(\.sourceID) + data.erratumByObservation.values.map(\.sourceID))
        for s in data.sources where !cited.contains(s.id) {
            warn(s.location, "source '\(s.id)' backs no figure and no event")
        }
        // 7. Ratios, errata and parallel estimates (Validator+Annotations.swift).
        out += annotationFindings(data, resolver)
        return out.sorted()
    }
}
