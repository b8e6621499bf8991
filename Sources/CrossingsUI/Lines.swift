import CrossingsCore

/// Rows an item takes at a width.
func itemHeight(_ item: Item, width: Int) -> Int {
    switch item.content {
    case .field(_, let value): return max(1, wrap(value, max(1, width - fieldLabelWidth - 1)).count)
    case .paragraph(let text): return max(1, wrap(text, max(1, width - 1)).count)
    default: return 1
    }
}

let fieldLabelWidth = 12

/// The lines an item draws, from column 1.
func itemLines(_ item: Item, width: Int, scale: Int) -> [[Span]] {
    switch item.content {
    case .blank:
        return [[]]
    case .heading(let text):
        return [[Span(fit(text, width), .header)]]
    case .line(let spans):
        return [spans]
    case .paragraph(let text):
        return wrap(text, max(1, width - 1)).map { [Span(" " + $0)] }
    case .field(let label, let value):
        let lines = wrap(value, max(1, width - fieldLabelWidth - 1))
        return lines.enumerated().map { i, line in
            [Span(i == 0 ? " " + pad(label, fieldLabelWidth - 1) + " " : String(repeating: " ", count: fieldLabelWidth + 1), .dim), Span(line)]
        }
    case .alternative(let value, let difference, let who, let agrees):
        return [[Span(number(value, 12), .header), Span("  " + number(difference, 8), agrees ? .dim : .warning),
                 Span(agrees ? "   " : " ! ", .warning), Span(who, .dim)]]
    case .count(let row):
        return [row.isPair ? comparedLine(row, width: width, scale: scale) : countLine(row, width: width, scale: scale)]
    case .rank(let row):
        return [rankLine(row, width: width, scale: scale)]
    case .category(let row):
        return [categoryLine(row, width: width, scale: scale)]
    case .event(let e):
        return [eventLine(e, width: width)]
    case .source(let src, let figures, let events):
        return [sourceLine(src, figures: figures, events: events, width: width)]
    }
}

/// A number right-aligned in `width` cells; never cut: a longer one pushes the columns after it.
func number(_ text: String, _ width: Int) -> String {
    cells(text) >= width ? visible(text) : pad(text, width, right: true)
}

/// `45.2%`
func percent(_ p: Double) -> String {
    let tenths = Int((p * 10).rounded())
    return "\(tenths / 10).\(abs(tenths % 10))%"
}

/// A horizontal bar in eighths of a cell.
func bar(_ value: Int, scale: Int, width: Int) -> String {
    guard scale > 0, width > 0, value > 0 else { return "" }
    let eighths = max(1, Int((Double(value) / Double(scale) * Double(width * 8)).rounded()))
    let full = min(width, eighths / 8)
    let rest = full < width ? eighths % 8 : 0
    let partial = ["", "▏", "▎", "▍", "▌", "▋", "▊", "▉"]
    return String(repeating: "█", count: full) + partial[rest]
}
