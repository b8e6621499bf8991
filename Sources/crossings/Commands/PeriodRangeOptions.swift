import ArgumentParser
import CrossingsCore

/// The help a command gives `--from` and `--to`: each says what the range selects in its own words
/// ("First period", "Only events from this period on"), while the parsing and its errors are shared.
protocol PeriodRangeHelp {
    static var from: String { get }
    static var to: String { get }
}

/// `--from PERIOD --to PERIOD`, shared by the commands that select a stretch of time. Both are
/// checked once, when the command line is read, and an error names the flag ("--from: …").
struct PeriodRangeOptions<Help: PeriodRangeHelp>: ParsableArguments {
    @Option(name: .customLong("from"), help: ArgumentHelp(Help.from, valueName: "PERIOD"))
    var fromText: String?
    @Option(name: .customLong("to"), help: ArgumentHelp(Help.to, valueName: "PERIOD"))
    var toText: String?

    func validate() throws {
        _ = try Self.period(fromText, flag: "--from")
        _ = try Self.period(toText, flag: "--to")
    }

    /// The first period, nil when not given. Already validated: it does not throw after parsing.
    var from: Period? { try? Self.period(fromText, flag: "--from") }
    /// The last period (inclusive), nil when not given.
    var to: Period? { try? Self.period(toText, flag: "--to") }

    /// Parses a period option, naming the flag in the error.
    static func period(_ text: String?, flag: String) throws -> Period? {
        guard let text else { return nil }
        do { return try Period(parsing: text) } catch {
            throw ValidationError("\(flag): \(error)")
        }
    }
}
