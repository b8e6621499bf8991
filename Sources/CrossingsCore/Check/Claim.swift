/// One count in a draft, with what the extractor understood it to count.
public struct Claim: Sendable, Hashable {
    /// The sentence it stands in.
    public var sentence: String
    public var line: Int
    public var column: Int
    public var endColumn: Int
    /// The number with its hedge, as the draft words it: "nearly 13,000".
    public var printed: String
    public var value: ReportedValue
    public var flow: Flow?
    public var period: Period?
    /// Why no period could be given ("last year" without --as-of, "May 2025").
    public var periodProblem: String?
    public var measure: Measure
    /// Empty for totals.
    public var category: String
    /// How the period or flow was read where the draft does not state it outright ("'this year' read as 2023 …").
    public var readingNote: String? = nil
    /// For a comparison ("about 12 times more than the year before"): the factor claimed and the
    /// two figures it relates; flow, period, measure and category are then those of the compared figure.
    public var ratio: RatioClaim? = nil
    /// For the date of a timeline event ("Resolution 2397 passed in 2017").
    public var event: EventClaim? = nil
    /// Written as a count but a trillion or more ("99999999999999999999 North Koreans", "2,000
    /// billion"): no count of travellers is that large; `value` then holds a trillion, not the number.
    public var tooLarge = false

    public enum Kind: String, Sendable { case count, ratio, event }
    /// What the claim is about: a count (the default), a ratio, or an event's date.
    public var kind: Kind { ratio != nil ? .ratio : (event != nil ? .event : .count) }

    public var key: FigureKey? {
        guard let flow, let period else { return nil }
        return FigureKey(flow: flow, period: period, measure: measure, category: category)
    }
}

/// A calendar day (`--as-of 2025-05-08`): the date an article speaks from.
public struct CalendarDay: Sendable, Hashable {
    public var year: Int
    public var month: Int
    public var day: Int

    public init?(parsing text: String) {
        let parts = text.split(separator: "-").map { Int($0) }
        guard parts.count == 3, let y = parts[0], let m = parts[1], let d = parts[2],
              (1900...2199).contains(y), (1...12).contains(m), (1...EventDate.daysIn(m, y)).contains(d) else { return nil }
        year = y; month = m; day = d
    }

    public var quarter: Period { .quarter(year, (month - 1) / 3 + 1) }

    /// `2025-02-09`
    public var description: String {
        func two(_ n: Int) -> String { n < 10 ? "0\(n)" : "\(n)" }
        return "\(year)-\(two(month))-\(two(day))"
    }
}
