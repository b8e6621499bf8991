import CrossingsCore
import Foundation

/// What a bare `crossings` prints when it is not on a terminal: the package in one table and commands to try.
enum Overview {
    static func text(_ d: Dataset) -> String {
        var lines: [String] = []
        lines.append("crossings — border crossings between North Korea and Russia, every number with its source")
        lines.append("")
        lines.append("Data package: \(visible(d.origin)) — \(d.observations.count) figures, \(d.events.count) events, \(d.sources.count) sources")
        var t = TextTable(["Flow", "Who", "Periods", "Figures"], rightAligned: [3])
        let counts = d.observations.countsByFlow()
        for flow in d.flows {
            let periods = d.keys(of: flow).map(\.period)
            let span = "\(periods.map(\.firstQuarter).min().map { "\($0.year)" } ?? "")–\(periods.map(\.lastQuarter).max().map { "\($0.year)" } ?? "")"
            t.add([flow.description, d.describe(flow), span, formatCount(counts[flow] ?? 0)])
        }
        lines.append("")
        lines.append(t.render())
        lines.append("""
        Try:
          crossings figures --flow KP-RU --from 2023 --to 2025
          crossings figures --flow KP-RU --by year --measure total
          crossings events --tag military
          crossings sources mediazona-2025-05-08
          crossings validate
          crossings --help
        """)
        return lines.joined(separator: "\n")
    }
}
