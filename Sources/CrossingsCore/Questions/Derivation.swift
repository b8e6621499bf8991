/// A number the program worked out, never one a source printed: how it was
/// computed and from which figures, so its citations are those of its parts.
///
/// ```swift
/// // 2019 = 2019-Q1 + 2019-Q2 + 2019-Q3 + 2019-Q4
/// derivation.formula   // "2019-Q1 + 2019-Q2 + 2019-Q3 + 2019-Q4"
/// derivation.worked    // "4,887 + 4,972 + 5,591 + 6,031 = 21,481"
/// ```
public struct Derivation: Hashable, Sendable {
    public enum Kind: String, Sendable {
        /// A year or half from its quarters or halves.
        case rollUp = "sum of periods"
        /// A total from a complete breakdown (every purpose, or every mode of transport).
        case breakdown = "sum of categories"
        /// A part as the whole minus the other parts.
        case difference = "difference"
        /// What a breakdown leaves unstated: the total minus the stated categories.
        case residual = "not broken out"
    }

    public struct Term: Hashable, Sendable {
        /// +1 or -1.
        public var sign: Int
        public var key: FigureKey
        public var value: Int
        /// Observations that report this term's value; empty when the term is itself derived.
        public var observations: [Observation]
        /// How the term was worked out when no source reports it.
        public var derivation: Derivation?
    }

    public var key: FigureKey
    public var kind: Kind
    public var value: Int
    public var terms: [Term]

    /// `2023 - 2023-Q1 - 2023-Q2 - 2023-Q3`, naming each term by what differs from the result.
    public var formula: String {
        terms.enumerated().map { i, t in
            let name = termName(t.key)
            return i == 0 ? (t.sign < 0 ? "-" + name : name) : (t.sign < 0 ? "- " : "+ ") + name
        }.joined(separator: " ")
    }

    /// `4,887 + 4,972 + 5,591 + 6,031 = 21,481`
    public var worked: String {
        let parts = terms.enumerated().map { i, t in
            i == 0 ? (t.sign < 0 ? "-" : "") + formatCount(t.value) : (t.sign < 0 ? "- " : "+ ") + formatCount(t.value)
        }
        return parts.joined(separator: " ") + " = " + formatCount(value)
    }

    /// Every observation behind the number, through derived terms too.
    public var observations: [Observation] {
        var out: [Observation] = []
        collect(into: &out)
        return out
    }

    private func collect(into out: inout [Observation]) {
        for t in terms {
            out.append(contentsOf: t.observations)
            t.derivation?.collect(into: &out)
        }
    }

    /// Source ids behind the number, first appearance first (without copying the observations:
    /// the explorer asks this for every row on screen).
    public var sourceIDs: [String] {
        var seen = Set<String>(), out: [String] = []
        func visit(_ d: Derivation) {
            for t in d.terms {
                for o in t.observations where seen.insert(o.sourceID).inserted { out.append(o.sourceID) }
                if let inner = t.derivation { visit(inner) }
            }
        }
        visit(self)
        return out
    }

    private func termName(_ k: FigureKey) -> String {
        var parts: [String] = []
        if k.flow != key.flow { parts.append(k.flow.description) }
        if k.period != key.period || k.measure == key.measure && k.category == key.category { parts.append(k.period.description) }
        if k.measure != key.measure || k.category != key.category { parts.append(k.measureLabel) }
        return parts.joined(separator: " ")
    }
}

public func uniqued<T: Hashable>(_ items: [T]) -> [T] {
    var seen = Set<T>()
    return items.filter { seen.insert($0).inserted }
}

/// Items grouped by a key in one pass: groups in the order their first item comes, items in their
/// order within each group (a table, not a search of the groups: one key can have many thousands).
func grouped<T, K: Hashable>(_ items: [T], by key: (T) -> K) -> [(key: K, items: [T])] {
    var groups: [(key: K, items: [T])] = []
    var index: [K: Int] = [:]
    for item in items {
        let k = key(item)
        if let i = index[k] { groups[i].items.append(item) } else {
            index[k] = groups.count
            groups.append((k, [item]))
        }
    }
    return groups
}
