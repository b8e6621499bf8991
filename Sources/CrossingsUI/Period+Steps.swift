import CrossingsCore

/// The ranking's `<`/`>` steps and its granularity key (`t`): a period moved or converted.
extension Period {
    /// The period of the same granularity `steps` later (earlier when negative); ranges stay.
    func shifted(by steps: Int) -> Period {
        switch self {
        case .quarter(let y, let q):
            let i = QuarterIndex(y, q).value + steps
            let qi = QuarterIndex(i / 4, i % 4 + 1)
            return .quarter(qi.year, qi.quarter)
        case .half(let y, let h):
            let i = y * 2 + h - 1 + steps
            return .half(i / 2, i % 2 + 1)
        case .year(let y): return .year(y + steps)
        default: return self
        }
    }

    /// The period of a granularity that holds this one's last quarter.
    func converted(to granularity: Granularity) -> Period {
        let last = lastQuarter
        switch granularity {
        case .quarter: return .quarter(last.year, last.quarter)
        case .half: return .half(last.year, (last.quarter + 1) / 2)
        default: return .year(last.year)
        }
    }
}
