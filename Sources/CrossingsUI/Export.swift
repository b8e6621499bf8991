import CrossingsCore
import Foundation

/// `e`: the page on screen as a CSV table, each number with the citation line `y` copies.
///
/// A view says what it exports (`PageView.export`, none by default); `update` turns that into
/// `Effect.export(table)`, and the backend picks the file (`Export.fileName`: the current
/// directory or `$CROSSINGS_EXPORT_DIR`, today's date, `-2`, `-3`… rather than overwrite),
/// writes it, and answers `Action.exported(path, rows)` or `Action.exportFailed(name, why)`.
///
/// The file is RFC 4180 (a field holding a comma, a quote or a line break is quoted, quotes
/// doubled), its lines ending in a line feed as every CSV crossings writes (spreadsheets read both). Values are plain integers (`13221`) with the
/// hedge and marks in a column of their own (`marks`: `~`, `>`, `>=`, `<`, `<=`, `*` derived,
/// `p` part of the period, `!` disputed), the printed form beside them (`display`), so a
/// spreadsheet never loses a hedge. Text from data is written as it is (a file is not a terminal:
/// no `visible()`), but a text field starting with `=`, `+`, `-`, `@`, a tab or a carriage return
/// gets a leading `'` so a spreadsheet does not run it as a formula (CSV injection); fields that
/// are numbers (`-12.5`) are left alone. The citation column is `Citation.line`, whole (`y`
/// clips a very long one; the file need not).
public struct ExportTable: Hashable, Sendable {
    /// The file name's stem, without the date: `crossings-KP-RU-by-quarter`.
    public var name: String
    public var header: [String]
    public var rows: [[String]]

    public init(name: String, header: [String], rows: [[String]]) {
        self.name = name
        self.header = header
        self.rows = rows
    }

    /// The table as RFC 4180 CSV, lines ending in a line feed like every CSV crossings writes.
    public var csv: String { csv(forTerminal: false) }

    /// The same, each field first through `visible()` when it is printed (`crossings figures
    /// --shown`, `crossings events` with `--format csv`): a terminal gets no control character.
    public func csv(forTerminal: Bool) -> String {
        ([header] + rows).map { $0.map { Export.field(forTerminal ? visible($0) : $0) }.joined(separator: ",") + "\n" }.joined()
    }
}

public enum Export {
    /// One field, guarded against formulas and quoted as RFC 4180 asks.
    public static func field(_ raw: String) -> String {
        var s = raw
        if let first = s.unicodeScalars.first, "=+-@\t\r".unicodeScalars.contains(first), !isNumber(s) { s = "'" + s }
        guard s.contains(where: { $0 == "," || $0 == "\"" || $0 == "\n" || $0 == "\r" }) else { return s }
        return "\"" + s.replacingOccurrences(of: "\"", with: "\"\"") + "\""
    }

    /// `12`, `-12.5`, `+1083.6%`: a number a spreadsheet reads as one, which no formula guard should spoil.
    static func isNumber(_ s: String) -> Bool {
        var rest = Substring(s)
        if rest.first == "-" || rest.first == "+" { rest = rest.dropFirst() }
        if rest.last == "%" { rest = rest.dropLast() }
        let parts = rest.split(separator: ".", omittingEmptySubsequences: false)
        guard !rest.isEmpty, parts.count <= 2 else { return false }
        return parts.allSatisfy { !$0.isEmpty && $0.allSatisfy { $0.isASCII && $0.isNumber } }
    }

    /// `crossings-KP-RU-by-quarter-2026-11-28.csv`, then `…-2.csv`, `…-3.csv` (attempt 2, 3…).
    /// `name` keeps only letters, digits, `-` and `_`: a file name from data cannot climb directories.
    public static func fileName(_ name: String, date: String, attempt: Int = 1) -> String {
        let safe = String(name.map { $0.isASCII && ($0.isLetter || $0.isNumber || $0 == "-" || $0 == "_") ? $0 : "-" })
        return safe + "-" + date + (attempt > 1 ? "-\(attempt)" : "") + ".csv"
    }

    /// The columns of a figure: which, its value as an integer, the hedge and marks, the printed
    /// form, how many sources, and the citation line.
    public static let figureColumns = ["flow", "period", "measure", "category", "label", "value", "high", "marks", "display", "sources",
                                       "source_ids", "citation"]

    /// `~`, `>=`… then `*` derived, `p` part of the period, `!` disputed: every mark the screen shows.
    public static func marks(_ f: ShownFigure) -> String {
        f.value.hedgeMark + (f.isDerived ? "*" : "") + (f.partialQuarters != nil ? "p" : "") + (f.agrees ? "" : "!")
    }

    /// A figure's fields; a gap (no figure) keeps its key and label with empty values.
    public static func figureFields(_ key: FigureKey, label: String, _ f: ShownFigure?, _ data: Dataset) -> [String] {
        let which = [key.flow.description, key.period.description, key.measure.rawValue, key.category, label]
        guard let f else { return which + ["", "", "", "", "", "", "no figure: no source gives one and none can be worked out"] }
        return which + [String(f.value.value), f.value.high.map(String.init) ?? "", marks(f), f.display, String(f.sourceCount),
                        f.sourceIDs.joined(separator: ";"), Citation.line(f, data)]
    }

    /// Counts: one row per period of the flow's total (both flows' rows, side by side), or of the
    /// category Counts shows with a category facet, or a Series page's category: each row names the
    /// key its value is for, never "Total" over a category's number.
    public static func counts(_ rows: [CountRow], flow: Flow, compare: Flow?, granularity: Period.Granularity, _ data: Dataset,
                              measure: Measure = .total, category: String = "") -> ExportTable {
        func key(_ f: Flow, _ p: Period) -> FigureKey { FigureKey(flow: f, period: p, measure: measure, category: category) }
        let label = measure == .total ? "Total" : (data.category(measure, category)?.label ?? category)
        var out: [[String]] = []
        for r in rows {
            out.append(figureFields(key(flow, r.period), label: label, r.figure, data))
            if let compare {
                out.append(figureFields(key(compare, r.period), label: label, r.compared, data))
            }
        }
        let flows = compare.map { "\(flow)-and-\($0)" } ?? flow.description
        let what = measure == .total ? "" : "-\(measure.rawValue)-\(category)"
        return ExportTable(name: "crossings-\(flows)\(what)-by-\(granularity.rawValue)", header: figureColumns, rows: out)
    }

    /// The columns of an event: as `crossings events --format csv` gives them, and its citation line.
    public static let eventColumns = ["id", "date", "precision", "tags", "summary", "dates_disagree", "sources", "citation"]

    public static func eventFields(_ e: Event, _ data: Dataset) -> [String] {
        [e.id, e.date?.date ?? "", e.date?.precision.rawValue ?? "", e.tags.joined(separator: ";"), e.summary,
         e.datesDisagree ? "yes" : "no", uniqued(e.dates.map(\.sourceID)).joined(separator: ";"), Citation.line(e, data)]
    }

    /// Breakdown: the period's total, then each category shown, in the order shown.
    public static func breakdown(_ rows: [BreakdownRow], flow: Flow, period: Period, _ data: Dataset) -> ExportTable {
        ExportTable(name: "crossings-\(flow)-\(period)-breakdown", header: figureColumns,
                    rows: rows.map { figureFields($0.key, label: $0.label, $0.figure, data) })
    }

    /// Ranking: each country's rank by value (whatever the order shown), its figure, and the change on a year earlier.
    public static func ranking(_ rows: [RankRow], period: Period, direction: Direction, _ data: Dataset) -> ExportTable {
        let header = ["rank", "code", "country"] + figureColumns + ["change_percent", "change"]
        let out = rows.map { r -> [String] in
            let key = FigureKey(flow: r.flow, period: period, measure: .total)
            let percent = r.change?.percent.map { String(format: "%.1f", $0) } ?? ""
            let change = r.change?.display ?? r.noChange.map { "n/a: " + $0 } ?? ""
            return [r.rank.map(String.init) ?? "", r.code, r.name] + figureFields(key, label: "Total", r.figure, data) + [percent, change]
        }
        return ExportTable(name: "crossings-ranking-\(direction == .exits ? "trips" : "entries")-\(period)", header: header, rows: out)
    }

    public static func events(_ events: [Event], _ data: Dataset) -> ExportTable {
        ExportTable(name: "crossings-timeline", header: eventColumns, rows: events.map { eventFields($0, data) })
    }
}

extension State {
    /// `e`: the page's lines as the view exports them (after the `/` filter, in the order shown),
    /// handed to the backend to write.
    mutating func export() {
        let page = current.page
        guard let table = page.view.export(page, pageItems(), self) else {
            message = "nothing to export on this page; " + Keymap.hint(.toggleHelp, in: page.scope, "lists the keys")
            return
        }
        guard !table.rows.isEmpty else { message = "nothing to export: no line here"; return }
        outbox.append(.export(table))
        message = "exporting \(table.rows.count) row\(table.rows.count == 1 ? "" : "s")…"
    }
}

extension State {
    /// The backend wrote the file: its name first (a long directory is cut, never the name), on a
    /// status line of its own.
    mutating func exported(_ path: String, rows: Int) {
        let slash = path.lastIndex(of: "/")
        let dir = slash.map { String(path[..<$0]) } ?? "."
        let name = slash.map { String(path[path.index(after: $0)...]) } ?? path
        let what = "exported \(formatCount(rows)) row\(rows == 1 ? "" : "s") to "
        message = what + (dir == "." ? path : name + " in " + dir)
        // Whole, as a failed export's: at 32×8 `exported 15 rows to ./crossing…` hid the file's name.
        messageFirst = true
        messageInFull = true
    }
}
