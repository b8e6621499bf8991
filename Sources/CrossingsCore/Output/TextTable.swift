/// Aligned columns for people: left-aligned text, right-aligned numbers,
/// widths measured in terminal cells (so Korean and Cyrillic line up).
///
/// ```swift
/// var t = TextTable(["Period", "Value"], rightAligned: [1])
/// t.add(["2024", "13,221"])
/// print(t.render())
/// ```
///
/// On a terminal, `render(width:)` fits the table to its width by wrapping or truncating (with `…`)
/// only the columns named in `flexible`: text, never a number or its marks; when that would leave
/// a column unreadably narrow, it moves the columns named in `below` under each row, or prints a
/// record per row instead.
public struct TextTable {
    public var headers: [String]
    public var rows: [[String]] = []
    public var rightAligned: Set<Int>
    /// The columns that may give up width when the table is wider than the terminal, and how.
    public var flexible: [Int: Fit] = [:]
    /// The columns that, when the flexible ones cannot give up enough, leave the table for a line of
    /// their own under each row, in this order, joined by " · " (`render(width:)`, layout 3).
    public var below: [Int] = []
    /// The fewest cells a flexible column keeps (or its widest cell, if narrower), where the
    /// general minimum (its longest word) is too few to read it: prose, such as an event's summary.
    public var minimum: [Int: Int] = [:]
    /// What the record layout calls each column, where its header is too long for a label (nil: the
    /// headers). A column called "" joins the one before it.
    public var labels: [String]?

    /// How a flexible column's long cells are made to fit: on more lines, or cut with `…`.
    public enum Fit: Sendable { case wrap, truncate }

    public init(_ headers: [String], rightAligned: Set<Int> = []) {
        self.headers = headers
        self.rightAligned = rightAligned
    }

    public mutating func add(_ row: [String]) { rows.append(row.map(visible)) }

    public func render() -> String {
        let all = [headers] + rows
        var widths = Array(repeating: 0, count: headers.count)
        for row in all { for (i, cell) in row.enumerated() where i < widths.count { widths[i] = max(widths[i], displayWidth(cell)) } }
        var lines: [String] = []
        for (n, row) in all.enumerated() {
            var line = ""
            for (i, cell) in row.enumerated() where i < widths.count {
                let pad = String(repeating: " ", count: widths[i] - displayWidth(cell))
                let isLast = i == widths.count - 1
                if i > 0 { line += "  " }
                line += rightAligned.contains(i) ? pad + cell : (isLast ? cell : cell + pad)
            }
            lines.append(line)
            if n == 0 { lines.append(widths.enumerated().map { String(repeating: "-", count: $0.element) }.joined(separator: "  ")) }
        }
        return lines.joined(separator: "\n") + "\n"
    }

    /// The table fitted to `width` cells, in the first of these layouts that fits:
    /// 1. the table as it is, when it fits;
    /// 2. the flexible columns narrowed, their cells wrapped (at spaces where possible) or cut with
    ///    `…`, but none below its readable minimum (its longest word up to 12 cells, or 8 cells when
    ///    cut, or what `minimum` names) and no other column cut at all;
    /// 3. the columns named in `below` taken out of the table onto a line of their own under each
    ///    row (indented two cells, wrapped), and the rest fitted as in 2 (this comes before 2 when
    ///    2 would leave one of them fewer than `belowMinimum` cells);
    /// 4. a record per row (like `psql \x`): one `Label  value` line per column, the values
    ///    wrapped under each other, a blank line between rows.
    /// A number and its marks are never cut or broken in any of them; no row is left out.
    /// With no width (a pipe, a file, `--wide`), or when the table fits, exactly `render()`.
    public func render(width: Int?) -> String {
        let natural = naturalWidths()
        let n = natural.count
        guard let width, n > 0, natural.reduce(0, +) + 2 * (n - 1) > width else { return render() }
        let all = Array(0..<n)
        let under = below.filter { $0 < n }
        // A column that can go below stays in the table only with room for a line of text in it.
        if let widths = fitted(all, natural, width), under.allSatisfy({ widths[$0] >= min(natural[$0], Self.belowMinimum) }) {
            return renderTable(all, widths, below: [], width: width)
        }
        let kept = all.filter { !under.contains($0) }
        if !under.isEmpty, !kept.isEmpty, width >= 24, let widths = fitted(kept, natural, width) {
            return renderTable(kept, widths, below: under, width: width)
        }
        if let widths = fitted(all, natural, width) { return renderTable(all, widths, below: [], width: width) }
        return renderRecords(width: width)
    }

    /// The fewest cells a column named in `below` keeps in the table (where it needs as many):
    /// narrower, it goes under its row instead.
    public static let belowMinimum = 30

    /// Widths for `columns` in `width` cells (two between columns), or nil when even the flexible
    /// columns' readable minimums leave no room: each flexible column first gets its floor (its
    /// longest word, at most 12 cells, when it wraps, so "purpose/study" is not broken; 8 cells when
    /// it is cut); what is left goes to them in proportion to what each still needs.
    private func fitted(_ columns: [Int], _ natural: [Int], _ width: Int) -> [Int]? {
        var widths = natural
        let flex = columns.filter { flexible[$0] != nil }
        let fixed = columns.filter { flexible[$0] == nil }.map { natural[$0] }.reduce(0, +) + 2 * (columns.count - 1)
        let room = width - fixed
        if flex.map({ natural[$0] }).reduce(0, +) <= room { return widths }
        let floor = flex.map { c -> Int in
            let cap = flexible[c] == .wrap ? min(longestWord(c), 12) : 8
            return min(natural[c], max(cap, minimum[c] ?? 0))
        }
        let floors = floor.reduce(0, +)
        guard floors <= room else { return nil }
        let need = flex.enumerated().map { natural[$0.element] - floor[$0.offset] }.reduce(0, +)
        for (k, c) in flex.enumerated() { widths[c] = floor[k] + (room - floors) * (natural[c] - floor[k]) / max(need, 1) }
        var given = flex.map { widths[$0] }.reduce(0, +)
        for c in flex.reversed() where given < room && widths[c] < natural[c] {
            widths[c] += 1
            given += 1
        }
        return widths
    }

    /// Layouts 2 and 3 of `render(width:)`: `columns` at `widths`, then each row's `below` cells.
    private func renderTable(_ columns: [Int], _ widths: [Int], below under: [Int], width: Int) -> String {
        var lines: [String] = []
        func emit(_ cells: [[String]]) {
            let height = cells.map(\.count).max() ?? 1
            for k in 0..<height {
                var line = ""
                for (j, i) in columns.enumerated() {
                    let cell = k < cells[j].count ? cells[j][k] : ""
                    let pad = String(repeating: " ", count: max(widths[i] - displayWidth(cell), 0))
                    if j > 0 { line += "  " }
                    line += rightAligned.contains(i) ? pad + cell : cell + pad
                }
                while line.hasSuffix(" ") { line.removeLast() }
                lines.append(line)
            }
        }
        func emitBelow(_ row: [String]) {
            let text = under.compactMap { $0 < row.count && !row[$0].isEmpty ? row[$0] : nil }.joined(separator: " · ")
            if !text.isEmpty { lines += wrapped(text, to: width - 2).map { "  " + $0 } }
        }
        emit(columns.map { i in [i < headers.count ? truncated(headers[i], to: widths[i]) : ""] })
        emitBelow(headers)
        lines.append(columns.map { String(repeating: "-", count: widths[$0]) }.joined(separator: "  "))
        for row in rows {
            emit(columns.map { i in
                let cell = i < row.count ? row[i] : ""
                switch flexible[i] {
                case .wrap?: return wrapped(cell, to: widths[i])
                case .truncate?: return [truncated(cell, to: widths[i])]
                case nil: return [cell]
                }
            })
            emitBelow(row)
        }
        return lines.joined(separator: "\n") + "\n"
    }

    /// Layout 4 of `render(width:)`: a record per row. Each value is beside its label when there is
    /// room (10 cells or more, and its longest word), else under it, indented two cells. Nothing is
    /// cut: text wraps as in a table; a number (a right-aligned column) and the marks that join it
    /// break only between the two, and go under the label whole when they do not fit beside it.
    private func renderRecords(width: Int) -> String {
        let names = (labels ?? headers).map(visible)
        // A column with no label joins the one before it ("5,450 *[1]": a value and its marks).
        var groups: [(label: String, columns: [Int])] = []
        for i in 0..<headers.count {
            let name = i < names.count ? names[i] : headers[i]
            if name.isEmpty, !groups.isEmpty { groups[groups.count - 1].columns.append(i) } else { groups.append((name, [i])) }
        }
        let labelWidth = (groups.map { displayWidth($0.label) }.max() ?? 0) + 2
        var lines: [String] = []
        for (r, row) in rows.enumerated() {
            if r > 0 { lines.append("") }
            for group in groups {
                let cells = group.columns.map { $0 < row.count ? row[$0] : "" }
                guard cells.contains(where: { !$0.isEmpty }) else { continue }
                let whole = Set(group.columns.indices.filter { rightAligned.contains(group.columns[$0]) })
                lines += whole.isEmpty
                    ? labelled(group.label, cells.filter { !$0.isEmpty }.joined(separator: " "), labelWidth: labelWidth, width: width)
                    : labelled(group.label, cells: cells, whole: whole, labelWidth: labelWidth, width: width)
            }
        }
        return lines.map { line in
            var line = line
            while line.hasSuffix(" ") { line.removeLast() }
            return line
        }.joined(separator: "\n") + "\n"
    }

    /// The widest word in a column (its header too), in cells.
    private func longestWord(_ column: Int) -> Int {
        var widest = 0
        for row in [headers] + rows where column < row.count {
            for word in row[column].split(separator: " ") { widest = max(widest, displayWidth(String(word))) }
        }
        return widest
    }

    private func naturalWidths() -> [Int] {
        var widths = Array(repeating: 0, count: headers.count)
        for row in [headers] + rows { for (i, cell) in row.enumerated() where i < widths.count { widths[i] = max(widths[i], displayWidth(cell)) } }
        return widths
    }
}

/// `text` cut to `width` cells, ending in `…` when anything was cut; never inside a number
/// ("10,000 North Koreans" is "10,000…" or "…", not "10,0…", which reads as another number).
public func truncated(_ text: String, to width: Int) -> String {
    guard displayWidth(text) > width else { return text }
    guard width > 0 else { return "" }
    var out = "", used = 0
    for ch in text {
        let w = displayWidth(String(ch))
        if used + w > width - 1 { break }
        out.append(ch)
        used += w
    }
    func inNumber(_ c: Character?) -> Bool { c.map { $0.isNumber || $0 == "," || $0 == "." } ?? false }
    let next = text.dropFirst(out.count).first
    if let last = out.last, last.isNumber || inNumber(last), next.map({ $0.isNumber }) ?? false {
        while inNumber(out.last) { out.removeLast() }
    }
    while out.hasSuffix(" ") { out.removeLast() }
    return out + "…"
}

/// `text` on lines of at most `width` cells: a list ("a P8; b Q16") is broken after its `;` first,
/// so each item stays whole where it can; then at spaces, and inside a word only when the word
/// alone is wider than a line. Nothing is dropped but the spaces where a line breaks.
public func wrapped(_ text: String, to width: Int) -> [String] {
    guard width > 0, displayWidth(text) > width else { return [text] }
    let items = text.components(separatedBy: "; ")
    return packed(items.enumerated().map { $0.offset < items.count - 1 ? $0.element + ";" : $0.element }, joiner: " ", width: width)
}

/// One field of a record, `label` padded to `labelWidth` cells and its value beside it, wrapped
/// under itself; or, where the value does not fit beside it (fewer than 10 cells left, or a word
/// wider than what is left), the label on a line of its own and the value under it, indented two
/// cells. With no width, one line.
public func labelled(_ label: String, _ value: String, labelWidth: Int, width: Int?) -> [String] {
    field(label, value, pieces: value.split(separator: " ").map(String.init), labelWidth: labelWidth, width: width) { wrapped(value, to: $0) }
}

/// A field whose value is a number and its marks (`["~6.62 million", "*[12]"]`): laid out as
/// `labelled` lays out text, but a cell named in `whole` (the number) is never broken or cut, even
/// where it is wider than the line; the others break at spaces (inside a word only when it alone
/// is wider than a line).
public func labelled(_ label: String, cells: [String], whole: Set<Int>, labelWidth: Int, width: Int?) -> [String] {
    let kept = cells.indices.filter { !cells[$0].isEmpty }
    let value = kept.map { cells[$0] }.joined(separator: " ")
    let pieces = kept.flatMap { whole.contains($0) ? [cells[$0]] : cells[$0].split(separator: " ").map(String.init) }
    return field(label, value, pieces: pieces, labelWidth: labelWidth, width: width) { room in
        packedWhole(kept.flatMap { i -> [String] in
            whole.contains(i) ? [cells[i]] : cells[i].split(separator: " ").flatMap { wordWrapped(String($0), to: room) }
        }, to: room)
    }
}

private func field(_ label: String, _ value: String, pieces: [String], labelWidth: Int, width: Int?, broken: (Int) -> [String]) -> [String] {
    let pad = max(labelWidth - displayWidth(label), 1)
    guard let width else { return [label + String(repeating: " ", count: pad) + value] }
    let room = width - labelWidth
    let longest = pieces.map(displayWidth).max() ?? 0
    let parts = broken(room)
    if displayWidth(label) < labelWidth, room >= 10, longest <= room, parts.allSatisfy({ displayWidth($0) <= room }) {
        let lead = String(repeating: " ", count: labelWidth)
        return parts.enumerated().map { $0.offset == 0 ? label + String(repeating: " ", count: pad) + $0.element : lead + $0.element }
    }
    return wordWrapped(label, to: width) + broken(width - 2).map { "  " + $0 }
}

/// `cells` on lines of at most `width` cells, a space between two on a line; a cell is never
/// broken (one wider than a line has a line of its own).
func packedWhole(_ cells: [String], to width: Int) -> [String] {
    var lines: [String] = [], line = ""
    for cell in cells {
        if line.isEmpty { line = cell } else if displayWidth(line) + 1 + displayWidth(cell) <= width { line += " " + cell } else {
            lines.append(line)
            line = cell
        }
    }
    return lines + [line]
}

/// Segments packed greedily into lines of at most `width` cells, joined by `joiner` on a line; a
/// segment wider than a line is broken at spaces on lines of its own.
func packed(_ segments: [String], joiner: String, width: Int) -> [String] {
    var lines: [String] = [], line = "", used = 0
    let joinWidth = displayWidth(joiner)
    func flush() { if used > 0 || !line.isEmpty { lines.append(line) }; line = ""; used = 0 }
    for segment in segments {
        let w = displayWidth(segment)
        if used > 0 && used + joinWidth + w <= width {
            line += joiner + segment
            used += joinWidth + w
        } else if w <= width {
            flush()
            line = segment
            used = w
        } else {
            flush()
            let words = wordWrapped(segment, to: width)
            lines += words.dropLast()
            line = words.last ?? ""
            used = displayWidth(line)
        }
    }
    flush()
    return lines.isEmpty ? [""] : lines
}

/// `text` broken at spaces into lines of at most `width` cells, inside a word only when it alone is
/// wider; the spaces between words on one line are kept as they were ("¶6  2025-Q2  The FSB").
func wordWrapped(_ text: String, to width: Int) -> [String] {
    // Each word with the spaces before it.
    var words: [(gap: String, word: String)] = []
    var gap = "", word = ""
    for ch in text {
        if ch == " " {
            if !word.isEmpty { words.append((gap, word)); gap = ""; word = "" }
            gap.append(ch)
        } else {
            word.append(ch)
        }
    }
    if !word.isEmpty { words.append((gap, word)) }
    var lines: [String] = [], line = "", used = 0
    for (gap, whole) in words {
        var word = whole, w = displayWidth(word)
        if used > 0 && used + gap.count + w <= width {
            line += gap + word
            used += gap.count + w
            continue
        }
        if used > 0 { lines.append(line); line = ""; used = 0 }
        while w > width {
            var head = "", headWidth = 0
            for ch in word {
                let cw = displayWidth(String(ch))
                if headWidth + cw > width { break }
                head.append(ch)
                headWidth += cw
            }
            if head.isEmpty { break }
            // A word with no spaces ("military,transport", "purpose/study", "koreaherald-2024-11-09")
            // breaks after a comma, a slash or a hyphen where it can.
            if head.count < word.count, let mark = head.lastIndex(where: { $0 == "," || $0 == "/" || $0 == "-" }), mark != head.startIndex {
                head = String(head[...mark])
            }
            lines.append(head)
            word.removeFirst(head.count)
            w = displayWidth(word)
        }
        line = word
        used = w
    }
    if used > 0 || lines.isEmpty { lines.append(line) }
    return lines
}

/// Prose (a legend, a note) broken at spaces into lines of at most `width` cells, continuation
/// lines indented by `indent` cells; with no width, the text as it is.
public func wrappedProse(_ text: String, width: Int?, indent: Int = 0) -> String {
    guard let width, displayWidth(text) > width else { return text }
    let lead = String(text.prefix { $0 == " " })
    let margin = max(indent, lead.count)
    guard width > margin else { return text }
    // A legend's entries are three spaces apart: a line breaks between entries where it can.
    let lines = packed(String(text.dropFirst(lead.count)).components(separatedBy: "   "), joiner: "   ", width: width - margin)
    let pad = String(repeating: " ", count: indent)
    return lines.enumerated().map { ($0.offset == 0 ? lead : pad) + $0.element }.joined(separator: "\n")
}

/// Terminal cells a string takes: wide East Asian characters count two, combining marks none.
public func displayWidth(_ s: String) -> Int {
    s.unicodeScalars.reduce(0) { $0 + cellWidth($1) }
}

/// Cells one scalar takes (0, 1 or 2), by the same rule the terminal uses.
public func cellWidth(_ s: Unicode.Scalar) -> Int {
    let v = s.value
    if v == 0 { return 0 }
    if v < 0x20 || (0x7F..<0xA0).contains(v) { return 0 }
    switch s.properties.generalCategory {
    case .nonspacingMark, .enclosingMark, .format: return 0
    default: break
    }
    if (0x1160...0x11FF).contains(v) || v == 0x200B { return 0 }
    return isWide(v) ? 2 : 1
}

private func isWide(_ v: UInt32) -> Bool {
    switch v {
    case 0x1100...0x115F, 0x231A...0x231B, 0x2329...0x232A, 0x23E9...0x23EC, 0x23F0, 0x23F3, 0x25FD...0x25FE,
         0x2614...0x2615, 0x2648...0x2653, 0x267F, 0x2693, 0x26A1, 0x26AA...0x26AB, 0x26BD...0x26BE,
         0x26C4...0x26C5, 0x26CE, 0x26D4, 0x26EA, 0x26F2...0x26F3, 0x26F5, 0x26FA, 0x26FD, 0x2705,
         0x270A...0x270B, 0x2728, 0x274C, 0x274E, 0x2753...0x2755, 0x2757, 0x2795...0x2797, 0x27B0, 0x27BF,
         0x2B1B...0x2B1C, 0x2B50, 0x2B55, 0x2E80...0x303E, 0x3041...0x33FF, 0x3400...0x4DBF, 0x4E00...0x9FFF,
         0xA000...0xA4CF, 0xA960...0xA97F, 0xAC00...0xD7A3, 0xF900...0xFAFF, 0xFE10...0xFE19, 0xFE30...0xFE6F,
         0xFF00...0xFF60, 0xFFE0...0xFFE6, 0x16FE0...0x16FE4, 0x17000...0x18CFF, 0x1B000...0x1B2FF,
         0x1F004, 0x1F0CF, 0x1F18E, 0x1F191...0x1F19A, 0x1F200...0x1F251, 0x1F300...0x1F64F, 0x1F680...0x1F6FF,
         0x1F7E0...0x1F7EB, 0x1F90C...0x1F9FF, 0x1FA70...0x1FAFF, 0x20000...0x2FFFD, 0x30000...0x3FFFD:
        return true
    default:
        return false
    }
}
