import ArgumentParser
import CrossingsCore

/// The help a command gives `--from` and `--to`: each says what the range selects in its own words
/// ("First period", "Only events from this period on"), while the parsing and its errors are shared.
protocol PeriodRangeHelp {
    static var from: String { get }
    static var to: String { get }
}

/// `--from PERIOD --to PERIOD`, shared by the commands that select a stretch of time. Parsed in
/// one place, an error naming the flag ("--from: …"). A command checks the range in its own
/// `validate()` through `parsed()`, after its other options: ArgumentParser would check a group's
/// own `validate()` first, and the error said for `--flow X --from Y` would change.
struct PeriodRangeOptions<Help: PeriodRangeHelp>: ParsableArguments {
    @Option(name: .customLong("from"), help: ArgumentHelp(Help.from, valueName: "PERIOD"))
    var fromText: String?
    @Option(name: .customLong("to"), help: ArgumentHelp(Help.to, valueName: "PERIOD"))
    var toText: String?

    /// Both periods (nil where not given), or a `ValidationError` naming the flag.
    func parsed() throws -> (from: Period?, to: Period?) {
        (try Self.period(fromText, flag: "--from"), try Self.period(toText, flag: "--to"))
    }

    /// Parses a period option, naming the flag in the error.
    static func period(_ text: String?, flag: String) throws -> Period? {
        guard let text else { return nil }
        do { return try Period(parsing: text) } catch {
            throw ValidationError("\(flag): \(error)")
        }
    }
}
