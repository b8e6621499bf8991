/// Where a record came from: the file and line it was read from, so every
/// finding and every number can be traced back to its row.
public struct Location: Hashable, Sendable, Comparable, CustomStringConvertible {
    public var file: String
    public var line: Int
    public var column: Int

    public init(file: String, line: Int, column: Int = 1) {
        self.file = file
        self.line = line
        self.column = column
    }

    public var description: String { "\(file):\(line):\(column)" }

    public static func < (a: Location, b: Location) -> Bool {
        (a.file, a.line, a.column) < (b.file, b.line, b.column)
    }
}

public struct Country: Hashable, Sendable {
    public var code: String
    public var name: String
    public var location: Location
}

public struct Category: Hashable, Sendable {
    public var measure: Measure
    public var id: String
    public var label: String
    public var description: String
    public var location: Location
    /// For an `estimate` category: the FSB figure it runs parallel to (`compares` in
    /// categories.csv), which the validator holds it apart from. Nil otherwise.
    public var compares: ComparedMeasure? = nil
}

/// An article, press report or dataset that numbers and events are cited to.
public struct Source: Hashable, Sendable, Identifiable {
    public enum Kind: String, CaseIterable, Sendable { case article, press, dataset }

    public var id: String
    public var kind: Kind
    public var outlet: String
    public var title: String
    /// `YYYY`, `YYYY-MM` or `YYYY-MM-DD`; empty when not known.
    public var date: String
    public var url: String
    public var file: String
    public var creditedAgency: String
    /// Producer to outlet, e.g. `FSB border service > EMISS > Radio Free Asia`.
    public var chain: [String]
    public var license: String
    public var copyright: String
    public var note: String
    public var location: Location
}

/// One value that one source gives for one key, exactly as printed.
public struct Observation: Hashable, Sendable, Identifiable {
    public var id: String
    public var key: FigureKey
    public var value: Int
    /// Upper end, for `range` only.
    public var high: Int?
    public var qualifier: Qualifier
    /// The number as the source printed it, hedge included: `nearly 13,000`.
    public var printed: String
    public var producer: String
    public var sourceID: String
    /// `¶19`, `press-facts P6`, `Russia_in_master.csv:L123`.
    public var locator: String
    public var note: String
    public var location: Location
    /// True when the source is a dataset: its values are exact counts whatever their digits.
    public var tabulated: Bool = false

    public var reported: ReportedValue {
        ReportedValue(value: value, high: high, qualifier: qualifier, printed: printed, tabulated: tabulated)
    }
}

/// Something that happened, with the dates its sources give.
public struct Event: Hashable, Sendable, Identifiable {
    public var id: String
    public var summary: String
    public var tags: [String]
    public var location: Location
    /// One per source; sorted by date. Disagreeing sources give different dates.
    public var dates: [EventDate]
    /// How a draft names the event (the optional `aliases` column of events.csv), for
    /// `crossings check`: alternatives, each of terms a sentence must all contain (see `EventAlias`).
    public var aliases: [EventAlias] = []

    /// The date the timeline shows and orders by: where the sources' dates all overlap, the most
    /// precise of them (a source's "19 June 2024" over another's "June 2024"); where they
    /// disagree, the earliest (the event is marked, and every source's date is listed).
    public var date: EventDate? {
        if datesDisagree { return dates.min { $0.start < $1.start } }
        return dates.min { ($0.end - $0.start, $0.start) < ($1.end - $1.start, $1.start) }
    }

    /// True when the sources' dates do not all overlap.
    public var datesDisagree: Bool {
        for a in dates { for b in dates where !a.overlaps(b) { return true } }
        return false
    }
}

/// When one source says an event happened.
public struct EventDate: Hashable, Sendable {
    public enum Precision: String, CaseIterable, Sendable {
        case day, earlyMonth = "early-month", midMonth = "mid-month", lateMonth = "late-month"
        case month, quarter, half, year
    }

    public var eventID: String
    /// `YYYY-MM-DD`, `YYYY-MM`, `YYYY-QN`, `YYYY-HN` or `YYYY`.
    public var date: String
    public var precision: Precision
    public var printed: String
    public var sourceID: String
    public var locator: String
    public var note: String
    public var location: Location

    /// First and last day covered, as comparable `YYYYMMDD` integers.
    public var start: Int { bounds.0 }
    public var end: Int { bounds.1 }

    var bounds: (Int, Int) { EventDate.bounds(of: date, precision: precision) ?? (0, 0) }

    public func overlaps(_ other: EventDate) -> Bool { start <= other.end && other.start <= end }

    /// The quarter the date falls in (its first day's quarter).
    public var quarter: Period {
        let s = start
        return .quarter(s / 10000, ((s / 100) % 100 - 1) / 3 + 1)
    }

    /// The counts period this date names: its year or half when that is all it says (an event dated
    /// "2017" did not happen in 2017-Q1), else the quarter holding it.
    public var period: Period {
        switch precision {
        case .year: .year(start / 10000)
        case .half: .half(start / 10000, (start / 100) % 100 <= 6 ? 1 : 2)
        default: quarter
        }
    }

    /// Parses a date of the given precision; nil when the form does not fit.
    static func bounds(of date: String, precision: Precision) -> (Int, Int)? {
        let parts = date.split(separator: "-", omittingEmptySubsequences: false).map(String.init)
        guard let first = parts.first, first.count == 4, first.allSatisfy(\.isASCIIDigit), let y = Int(first) else { return nil }
        func num(_ s: String, _ range: ClosedRange<Int>) -> Int? {
            guard s.count == 2, s.allSatisfy(\.isASCIIDigit), let n = Int(s), range.contains(n) else { return nil }
            return n
        }
        let base = y * 10000
        switch (precision, parts.count) {
        case (.year, 1):
            return (base + 101, base + 1231)
        case (.day, 3):
            guard let m = num(parts[1], 1...12), let d = num(parts[2], 1...daysIn(m, y)) else { return nil }
            return (base + m * 100 + d, base + m * 100 + d)
        case (.month, 2), (.earlyMonth, 2), (.midMonth, 2), (.lateMonth, 2):
            guard let m = num(parts[1], 1...12) else { return nil }
            let last = daysIn(m, y)
            let (a, b): (Int, Int) = switch precision {
            case .earlyMonth: (1, 10)
            case .midMonth: (11, 20)
            case .lateMonth: (21, last)
            default: (1, last)
            }
            return (base + m * 100 + a, base + m * 100 + b)
        case (.quarter, 2), (.half, 2):
            let p = parts[1]
            guard p.count == 2, let n = Int(p.dropFirst()) else { return nil }
            if precision == .quarter, p.first == "Q", (1...4).contains(n) {
                let m1 = n * 3 - 2, m2 = n * 3
                return (base + m1 * 100 + 1, base + m2 * 100 + daysIn(m2, y))
            }
            if precision == .half, p.first == "H", (1...2).contains(n) {
                return n == 1 ? (base + 101, base + 630) : (base + 701, base + 1231)
            }
            return nil
        default:
            return nil
        }
    }

    static func daysIn(_ month: Int, _ year: Int) -> Int {
        switch month {
        case 2: (year % 4 == 0 && (year % 100 != 0 || year % 400 == 0)) ? 29 : 28
        case 4, 6, 9, 11: 30
        default: 31
        }
    }

    /// `7 May 2025`, `late April 2025`, `2025-Q2`.
    public var label: String {
        let months = ["January", "February", "March", "April", "May", "June", "July",
                      "August", "September", "October", "November", "December"]
        let parts = date.split(separator: "-").map(String.init)
        switch precision {
        case .day: return "\(Int(parts[2]) ?? 0) \(months[(Int(parts[1]) ?? 1) - 1]) \(parts[0])"
        case .month: return "\(months[(Int(parts[1]) ?? 1) - 1]) \(parts[0])"
        case .earlyMonth: return "early \(months[(Int(parts[1]) ?? 1) - 1]) \(parts[0])"
        case .midMonth: return "mid-\(months[(Int(parts[1]) ?? 1) - 1]) \(parts[0])"
        case .lateMonth: return "late \(months[(Int(parts[1]) ?? 1) - 1]) \(parts[0])"
        case .quarter, .half, .year: return date
        }
    }
}
