/// Who an observation's number comes from: its chain from producer to outlet, the
/// agency it is credited to, and how strong an attribution its producer is.
///
/// A source has one default chain (`FSB border service > … > online.ua`), but one
/// of its numbers may come from someone else: online.ua's "thousands" of workers
/// is South Korean intelligence's estimate, not FSB data. The rule: an
/// observation's chain is its source's chain when the observation's producer is
/// the chain's first element or the source's credited agency (compared loosely:
/// case-insensitive, without a parenthesised suffix such as "(as credited)");
/// otherwise it is `PRODUCER > OUTLET`, and the source's credited agency is not
/// the observation's credit.
///
/// ```swift
/// data.chain(of: troops)    // ["media reports (not named)", "Mediazona (English edition)"]
/// data.credit(of: troops)   // ""
/// ```
extension Dataset {
    /// Producer to outlet, for this observation (see the type's note).
    public func chain(of o: Observation) -> [String] {
        guard let s = sourceByID[o.sourceID] else { return [o.producer] }
        if usesSourceChain(o, s) { return s.chain.isEmpty ? [o.producer, s.outlet] : s.chain }
        return [o.producer, s.outlet]
    }

    /// The agency the source credits for this observation's number; empty when the
    /// observation has a producer of its own.
    public func credit(of o: Observation) -> String {
        guard let s = sourceByID[o.sourceID], usesSourceChain(o, s) else { return "" }
        return s.creditedAgency
    }

    /// True when the observation came through its source's default chain.
    public func usesSourceChain(_ o: Observation) -> Bool {
        guard let s = sourceByID[o.sourceID] else { return false }
        return usesSourceChain(o, s)
    }

    func usesSourceChain(_ o: Observation, _ s: Source) -> Bool {
        let producer = Attribution.looseName(o.producer)
        guard !producer.isEmpty else { return true }
        if let first = s.chain.first, Attribution.looseName(first) == producer { return true }
        return !s.creditedAgency.isEmpty && Attribution.looseName(s.creditedAgency) == producer
    }

    /// Observations in the order a citation names them, strongest attribution first
    /// (docs/rules.md, "Citing a figure"): grouped by producer, producers by
    /// `Attribution.strength`; within a producer, datasets before press and articles,
    /// then the shortest chain, then the most recent date. One observation per source.
    public func citationOrder(_ obs: [Observation]) -> [(producer: String, observations: [Observation])] {
        var seen = Set<String>()
        var groups: [(producer: String, observations: [Observation])] = []
        for o in obs where seen.insert(o.sourceID).inserted {
            if let i = groups.firstIndex(where: { $0.producer == o.producer }) {
                groups[i].observations.append(o)
            } else {
                groups.append((o.producer, [o]))
            }
        }
        for i in groups.indices {
            groups[i].observations.sort { a, b in
                let x = outletRank(a), y = outletRank(b)
                if x.kind != y.kind { return x.kind < y.kind }
                if x.chain != y.chain { return x.chain < y.chain }
                if x.date != y.date { return x.date > y.date }
                return a.sourceID < b.sourceID
            }
        }
        // Stable: producers of equal strength keep their first-appearance order.
        let ordered = groups.enumerated().sorted { a, b in
            let x = Attribution.strength(a.element.producer), y = Attribution.strength(b.element.producer)
            return x != y ? x < y : a.offset < b.offset
        }
        return ordered.map(\.element)
    }

    private func outletRank(_ o: Observation) -> (kind: Int, chain: Int, date: String) {
        let s = sourceByID[o.sourceID]
        return (s?.kind == .dataset ? 0 : 1, chain(of: o).count, s?.date ?? "")
    }
}

public enum Attribution {
    /// A name compared loosely: lower-cased, without a parenthesised suffix, trimmed.
    /// `Federal Statistics Service of Russia (as credited)` → `federal statistics service of russia`.
    public static func looseName(_ name: String) -> String {
        var n = name.trimmingSpaces()
        if n.hasSuffix(")"), let open = n.lastIndex(of: "(") { n = String(n[..<open]).trimmingSpaces() }
        return n.lowercased()
    }

    /// The parenthesised suffix of a producer, lower-cased: `as credited`, `presumed`, `estimate`.
    static func suffix(_ name: String) -> String {
        let n = name.trimmingSpaces()
        guard n.hasSuffix(")"), let open = n.lastIndex(of: "(") else { return "" }
        return String(n[n.index(after: open)..<n.index(before: n.endIndex)]).lowercased()
    }

    /// How strong an attribution a producer is; lower is stronger.
    /// - tier 0: a primary statistical producer (the FSB border service, Rosstat, the MVD, a ministry);
    /// - tier 1: intelligence agencies and officials;
    /// - tier 2: estimates, media reports and unnamed or other producers.
    /// Within a tier, a producer stated plainly comes before one only "as credited" or "presumed".
    public static func strength(_ producer: String) -> (tier: Int, hedged: Int) {
        let suffix = suffix(producer)
        let hedged = suffix.contains("as credited") || suffix.contains("presumed") ? 1 : 0
        let name = " " + producer.lowercased() + " "
        if suffix.contains("estimate") || suffix.contains("not named") || name.contains("media report") || name.contains("unnamed") {
            return (2, hedged)
        }
        let statistical = ["fsb", "border service", "statistics service", "statistical service", "rosstat", "mvd",
                           "interior ministry", "ministry", "emiss", "federal security service"]
        if statistical.contains(where: name.contains) { return (0, hedged) }
        let officials = ["intelligence", "official", "ambassador", "minister", "government", " nis ", "embassy", "spokes",
                         "president", "kremlin"]
        if officials.contains(where: name.contains) { return (1, hedged) }
        return (2, hedged)
    }

    /// A source's date in words: `2025-05-08` → `8 May 2025`, `2025-05` → `May 2025`, `2025` → `2025`;
    /// anything else as it is.
    public static func dateInWords(_ date: String) -> String {
        let months = ["January", "February", "March", "April", "May", "June", "July",
                      "August", "September", "October", "November", "December"]
        let parts = date.split(separator: "-", omittingEmptySubsequences: false).map(String.init)
        guard let year = parts.first, year.count == 4, Int(year) != nil else { return date }
        switch parts.count {
        case 1: return year
        case 2:
            guard let m = Int(parts[1]), (1...12).contains(m) else { return date }
            return "\(months[m - 1]) \(year)"
        case 3:
            guard let m = Int(parts[1]), (1...12).contains(m), let d = Int(parts[2]), (1...31).contains(d) else { return date }
            return "\(d) \(months[m - 1]) \(year)"
        default: return date
        }
    }
}

extension String {
    func trimmingSpaces() -> String {
        var s = Substring(self)
        while s.first?.isWhitespace == true { s = s.dropFirst() }
        while s.last?.isWhitespace == true { s = s.dropLast() }
        return String(s)
    }
}
