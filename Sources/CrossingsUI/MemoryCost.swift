import CrossingsCore

/// Rough sizes in bytes of what the explorer's caches keep, for their budgets (issue 11), on
/// the same terms as the resolver's (`MemoryEstimate`): inline sizes plus owned arrays and long
/// strings, shared storage counted at every copy, so erring high.
public enum MemoryCost {
    static func string(_ s: String) -> Int { MemoryEstimate.string(s) }
    static func array<T>(_ a: [T]) -> Int { MemoryEstimate.array(a) }

    static func figure(_ f: ShownFigure?) -> Int {
        guard let f else { return 0 }
        var n = array(f.rows) + string(f.value.printed)
        for r in f.rows { n += MemoryEstimate.observations(r.observations) + MemoryEstimate.derivation(r.derivation) }
        return n
    }

    static func rows(_ rows: [CountRow]) -> Int {
        rows.reduce(array(rows)) { $0 + figure($1.figure) + figure($1.compared) }
    }

    public static func ranking(_ rows: [RankRow]) -> Int {
        rows.reduce(array(rows)) { $0 + figure($1.figure) + string($1.name) + string($1.noChange ?? "") }
    }

    /// An `Item.Extras` box: its header and fields.
    static let extrasBytes = 16 + MemoryLayout<String?>.stride + MemoryLayout<Period?>.stride + MemoryLayout<FigureKey?>.stride
        + MemoryLayout<ShownFigure?>.stride + MemoryLayout<Observation?>.stride

    /// A page: its lines built whole, and for a long one the run of row numbers it makes lines from.
    static func items(_ page: Items) -> Int { page.memoryCost }

    static func items(_ items: [Item]) -> Int {
        var n = array(items)
        for item in items {
            n += string(item.search) + string(item.copy ?? "")
            switch item.content {
            case .count(let r): n += MemoryLayout<CountRow>.stride + 16 + figure(r.figure) + figure(r.compared)
            case .category(let r): n += MemoryLayout<BreakdownRow>.stride + 16 + figure(r.figure) + string(r.label)
            case .heading(let s), .paragraph(let s): n += string(s)
            case .field(let a, let b), .link(let a, url: let b): n += string(a) + string(b)
            case .line(let spans): n += spans.reduce(array(spans)) { $0 + string($1.text) }
            case .alternative(let v, let d, let w, _): n += string(v) + string(d) + string(w)
            case .rank(let r): n += MemoryLayout<RankRow>.stride + 16 + figure(r.figure) + string(r.name)
            case .event: n += MemoryLayout<Event>.stride + 16
            case .source: n += MemoryLayout<Source>.stride + 32
            case .blank: break
            }
            // The figure `y` copies is the row's own (its arrays shared), so it is not counted again.
            if item.copy != nil || item.quarter != nil || item.citeOther != nil || item.copyFigure != nil || item.copyObservation != nil {
                n += extrasBytes
            }
        }
        return n
    }
}
