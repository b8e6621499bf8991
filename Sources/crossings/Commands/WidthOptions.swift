import ArgumentParser
import CrossingsCore
import Foundation

/// `--wide`, shared by the commands that print tables: on a terminal a table is fitted to its
/// width (long text wrapped, moved under its row, or each row printed as a record:
/// `TextTable.render(width:)`; numbers and their marks never cut); `--wide`, a pipe or a file get
/// every table in full.
struct WidthOptions: ParsableArguments {
    @Flag(help: "Print tables in full, however wide (as when the output is a pipe or a file).")
    var wide = false

    /// The width to fit tables to: nil (print in full) with --wide or when standard output is not a terminal.
    var width: Int? { wide ? nil : Self.terminalWidth() }

    /// The terminal's width: $COLUMNS when set, else what the terminal says (TIOCGWINSZ); nil off a terminal.
    static func terminalWidth() -> Int? { CrossingsCore.terminalWidth() }
}
