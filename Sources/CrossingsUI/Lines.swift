import CrossingsCore

/// Rows an item takes at a width.
func itemHeight(_ item: Item, width: Int) -> Int {
    switch item.content {
    case .field(_, let value): return max(1, wrap(value, max(1, width - fieldLabelWidth - 1)).count)
    case .link(_, let url): return max(1, wrap(linkText(url), max(1, width - fieldLabelWidth - 1)).count)
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
        return fieldLines(label, wrap(value, max(1, width - fieldLabelWidth - 1))) { [Span($0)] }
    case .link(let label, let url):
        let lines = wrap(linkText(url), max(1, width - fieldLabelWidth - 1))
        guard let checked = try? LinkCheck.check(url).get() else { return fieldLines(label, lines) { [Span($0)] } }
        // Every piece of a wrapped URL links to the whole of it. A URL longer than a field shows
        // (`Clip.field`) is cut there and says its length: the characters shown link to the whole
        // URL, the `… (N characters in all)` after them to nothing. A checked URL is printable
        // ASCII without spaces, so a character is a cell and `wrap` breaks it only by width.
        var left = min(checked.count, Clip.field)
        return fieldLines(label, lines) { line in
            let n = min(left, line.count)
            left -= n
            return [Span(String(line.prefix(n)), url: checked), Span(String(line.dropFirst(n)))].filter { !$0.text.isEmpty }
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

/// A field's lines: the label on the first, the value's lines under one another.
private func fieldLines(_ label: String, _ lines: [String], _ value: (String) -> [Span]) -> [[Span]] {
    lines.map(value).enumerated().map { i, spans in
        [Span(i == 0 ? " " + pad(label, fieldLabelWidth - 1) + " " : String(repeating: " ", count: fieldLabelWidth + 1), .dim)] + spans
    }
}

/// What a URL field shows: the URL as checked (`LinkCheck`: its spaces around dropped) or as
/// written when refused, clipped as any field (`Clip.field`); "not known" when empty.
private func linkText(_ url: String) -> String {
    url.isEmpty ? "not known" : clipped((try? LinkCheck.check(url).get()) ?? url)
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
