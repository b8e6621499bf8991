import ArgumentParser

/// The forms a list can be printed in: a table to read, csv and json for other programs.
enum OutputFormat: String, ExpressibleByArgument, CaseIterable {
    case table, csv, json
}

/// `--format table|csv|json`, shared by the commands that print a list in these forms
/// (`sources` has its own: bibliographies are not tables).
struct FormatOptions: ParsableArguments {
    @Option(help: "Output format.")
    var format: OutputFormat = .table
}
