/// Rough sizes in bytes of what is worked out and kept, for memory budgets (issue 11): the
/// resolver's tables here, the explorer's caches in CrossingsUI.
///
/// An estimate, not an exact count: each value's inline size, plus the arrays and strings it
/// owns (a string of 15 bytes or fewer is stored inline, a longer one on the heap). A string or
/// array shared between copies is counted at every copy, so the estimate errs high.
public enum MemoryEstimate {
    /// Bytes of a string's storage outside the value itself.
    public static func string(_ s: String) -> Int { s.utf8.count > 15 ? 32 + s.utf8.count : 0 }

    /// An array's heap block: its header and its elements' inline sizes, spare capacity included
    /// (an array built by appending can hold twice what it counts).
    public static func array<T>(_ a: [T]) -> Int { a.capacity == 0 ? 0 : 32 + a.capacity * MemoryLayout<T>.stride }

    public static func observations(_ obs: [Observation]) -> Int {
        var n = array(obs)
        for o in obs { n += string(o.id) + string(o.printed) + string(o.locator) + string(o.producer) + string(o.note) }
        return n
    }

    public static func derivation(_ d: Derivation?) -> Int {
        guard let d else { return 0 }
        var n = array(d.terms)
        for t in d.terms { n += observations(t.observations) + derivation(t.derivation) }
        return n
    }

    /// A derivation's own terms, not what they rest on: a term's observations and its derivation
    /// are the part's own, already counted with the part's resolution (copies share storage).
    static func shallow(_ d: Derivation?) -> Int { d.map { array($0.terms) } ?? 0 }

    static func resolved(_ r: Resolver.Resolved?) -> Int {
        guard let r else { return 0 }
        return array(r.observations) + shallow(r.derivation)
    }

    /// One key's resolution as a table keeps it: the entry (key, boxed value, hash slot) and what
    /// it owns. Shallow, so charging it costs little beside working it out: readings are put
    /// together from the column store for it (counted with their text), the consensus and
    /// derivations are new arrays over values counted already.
    static func resolution(_ r: Resolver.Resolution) -> Int {
        var n = MemoryLayout<Resolver.Resolution>.stride + MemoryLayout<FigureKey>.stride + 64
        n += observations(r.readings) + observations(r.errata) + observations(r.partial)
        n += resolved(r.consensus) + resolved(r.primary)
        n += array(r.derivations) + r.derivations.reduce(0) { $0 + shallow($1) }
        n += array(r.reasons) + r.reasons.reduce(0) { $0 + string($1) }
        n += array(r.notes) + r.notes.reduce(0) { $0 + string($1) }
        return n
    }
}
