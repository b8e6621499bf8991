/// The page `crossings` prints with no subcommand off a terminal (and the explorer prints when
/// it cannot open one): what the package holds, flow by flow, and commands to try.
public enum Overview {
    /// `width`: the terminal's, to fit the text and the table to, as the commands' tables are
    /// (nil: in full).
    public static func text(_ d: Dataset, width: Int? = nil) -> String {
        var lines: [String] = []
        lines.append(wrappedProse("crossings — border crossings between North Korea and Russia, every number with its source", width: width))
        lines.append("")
        lines.append(wrappedProse("Data package: \(visible(d.origin)) — \(counted(d.observations.count, "figure")), \(counted(d.events.count, "event")), \(counted(d.sources.count, "source"))", width: width))
        var t = TextTable(["Flow", "Who", "Periods", "Figures"], rightAligned: [3])
        t.flexible = [1: .wrap]
        let counts = d.observations.countsByFlow()
        for flow in d.flows {
            let periods = d.keys(of: flow).map(\.period)
            let span = "\(periods.map(\.firstQuarter).min().map { "\($0.year)" } ?? "")–\(periods.map(\.lastQuarter).max().map { "\($0.year)" } ?? "")"
            t.add([flow.description, d.describe(flow), span, formatCount(counts[flow] ?? 0)])
        }
        lines.append("")
        lines.append(t.render(width: width))
        lines.append("Try:")
        for command in [
            "crossings figures --flow KP-RU --from 2023 --to 2025",
            "crossings figures --flow KP-RU --by year --measure total",
            "crossings events --tag military",
            "crossings sources mediazona-2025-05-08",
            "crossings validate",
            "crossings --help",
        ] { lines.append(wrappedProse("  " + command, width: width, indent: 4)) }
        return lines.joined(separator: "\n")
    }
}

/// "1 figure", "66,675 figures": a count with thousands separators and its noun, singular for one.
public func counted(_ n: Int, _ noun: String, plural: String? = nil) -> String {
    "\(formatCount(n)) \(n == 1 ? noun : plural ?? noun + "s")"
}
