import CrossingsCore
@testable import CrossingsUI
import Testing

/// Issue 14, newcomer review: at 32×8 the side-by-side compare cut RU-KP's 1,238 to `1`, which read
/// as a count, and the Sources list cut outlets with no `…`. Every list row of every view, at
/// widths 20 to 200, is checked against the line its item stands for (drawn without a limit):
/// - every number on screen is a whole number of that line, at its place, with the marks after it
///   (`*`, `p`, `!`); a number that would be cut shows as `…` or not at all;
/// - no digit is followed by `…` (the start of a number cut in a text);
/// - a row that is not its whole line ends in `…`, or was cut at a gap between columns.
@Suite struct WholeCellTests {
    /// Every list view: Counts by quarter, half and year, side by side, Breakdown (a quarter, a
    /// year), a Series, Citations, Ranking, Check, Sources, a Source, Timeline.
    static let screens: [(String, [String])] = [
        ("counts", []), ("counts-halves", ["t"]), ("counts-years", ["t", "t"]),
        ("side-by-side", ["x"]), ("side-by-side-years", ["t", "t", "x"]),
        ("breakdown", ["Enter"]), ("breakdown-2024", ["t", "t", "k", "Enter"]),
        ("series", ["t", "t", "Enter", "/", "st", "Enter", "t"]),
        ("citations", ["Enter", "Enter"]), ("citations-2024-Q4", ["k", "c"]),
        ("ranking", ["4"]),
        ("check", ["v"] + typed("In 2024, 13,221 North Koreans entered Russia, up from 1,238.") + ["Enter"]),
        ("sources", ["3"]), ("source", ["3", "Enter"]), ("timeline", ["2"]),
    ]

    /// Every width where the columns change most (32 to 64), then a sample to 200; below 32 the
    /// screen is the "too small" notice.
    static let widths: [Int] = [20, 31] + Array(32...64) + Array(stride(from: 67, through: 130, by: 3)) + [140, 160, 200]

    @Test("every number on screen whole, every cut text ending in …", arguments: screens.map(\.0))
    func wholeCells(_ name: String) throws {
        let words = try #require(Self.screens.first { $0.0 == name }).1
        let start = try run(words, size: Size(width: 80, height: 24))
        var problems: [String] = []
        for width in Self.widths {
            for height in [8, 16] {
                let size = Size(width: width, height: height)
                let s = update(start, .resize(size)).state
                problems += audit(s, size).map { "\(name) at \(size): \($0)" }
            }
            if problems.count > 20 { break }
        }
        #expect(problems.isEmpty, "\(problems.prefix(20).joined(separator: "\n"))")
    }

    @Test("the review's case: at 32×8 the second flow's 1,238 shows whole or as …, never as 1")
    func compareAt32x8() throws {
        let s = try run(["t", "t", "x"], size: Size(width: 32, height: 8))
        let text = render(s, Size(width: 32, height: 8)).text
        #expect(text.contains("2023"), "\(text)")
        for line in text.split(separator: "\n") where line.hasPrefix(" 2023") || line.hasPrefix("›2023") {
            #expect(line.hasSuffix("…") || line.hasSuffix("1,238"), "“\(line)”")
        }
        #expect(audit(s, Size(width: 32, height: 8)).isEmpty)
    }

    @Test("a number's span whole or …; a text's cut ends in …; a cut inside a number backs off to its start")
    func spans() {
        var screen = Screen(Size(width: 12, height: 1))
        screen.put([Span("2023     "), Span("      1,238"), Span("*")], x: 0, y: 0)
        #expect(screen.text == "2023       …")
        screen = Screen(Size(width: 18, height: 1))
        screen.put([Span("2023     "), Span("  1,238"), Span("*"), Span("!"), Span("   4")], x: 0, y: 0)
        #expect(screen.text == "2023       1,238*!")  // with its marks; the sources column dropped
        screen = Screen(Size(width: 17, height: 1))
        screen.put([Span("2023     "), Span("  1,238"), Span("*"), Span("!")], x: 0, y: 0)
        #expect(screen.text == "2023       …")  // its `!` would be lost: the number goes too
        screen = Screen(Size(width: 20, height: 1))
        screen.put([Span("ukrinform-2024  "), Span("  Ukrainian news site")], x: 0, y: 0)
        #expect(screen.text == "ukrinform-2024    U…")
        #expect(fit("entries rose to 13,221 in 2024", 21) == "entries rose to …")
        #expect(fit("entries rose to 13,221 in 2024", 22) == "entries rose to …")
        #expect(fit("entries rose to 13,221 in 2024", 23) == "entries rose to 13,221…")
        #expect(fit("2023-Q1 total", 6) == "2023-…")
    }
}

/// What is wrong with the list rows of a screen: see `WholeCellTests`.
func audit(_ s: State, _ size: Size) -> [String] {
    guard !size.tooSmall else { return [] }
    let screen = render(s, size)
    let layout = Layout(s, size)
    guard layout.listHeight > 0, layout.listWidth > 1 else { return [] }
    let items = visibleItems(s.items(s.current.page), filter: s.current.filter)
    // Each item's lines drawn whole, from column 1 as on screen (bars blanked: their length depends on the scale).
    var whole: [[String]] = []
    // Those that can be on screen: the list scrolls by whole items to keep the selection in sight.
    let near = max(0, s.current.selected - layout.listHeight)..<min(items.count, s.current.selected + layout.listHeight + 1)
    for j in near {
        for line in itemLines(items[j], width: layout.listWidth - 1, scale: 1) {
            var wide = Screen(Size(width: layout.listWidth + 300, height: 1))
            wide.put(line, x: 1, y: 0)
            whole.append(cellTexts(wide, row: 0, from: 0, to: wide.width))
        }
    }
    var problems: [String] = []
    for y in layout.listTop..<(layout.listTop + layout.listHeight) {
        let row = cellTexts(screen, row: y, from: 0, to: layout.listWidth)
        let shown = row.dropFirst().joined()
        guard !shown.trimmingCharacters(in: .whitespaces).isEmpty else { continue }
        // The line it shows: the one agreeing with it longest from the left (column 0 holds `›`).
        var best: [String] = [], agreed = -1
        for line in whole {
            var n = 1
            while n < row.count, n < line.count, row[n] == line[n] { n += 1 }
            if n > agreed { agreed = n; best = line }
        }
        let problem = check(row, against: best)
        if let problem { problems.append("row \(y) “\(shown)” (its line “\(best.prefix(layout.listWidth + 30).joined())”): \(problem)") }
    }
    return problems
}

/// The cells of a row as strings (a wide character's continuation as ""), bars blanked.
private func cellTexts(_ screen: Screen, row y: Int, from: Int, to: Int) -> [String] {
    (from..<min(to, screen.width)).map { x in
        let c = screen.cell(x: x, y: y)
        if c.isContinuation { return "" }
        return "▏▎▍▌▋▊▉█".contains(c.text) && !c.text.isEmpty ? " " : c.text
    }
}

private func isDigit(_ s: String) -> Bool { s.count == 1 && s.first!.isASCII && s.first!.isNumber }

/// The words of a row of cells (runs of non-blank cells): where each starts and ends, its text.
private func words(_ cells: [String]) -> [(start: Int, end: Int, text: String)] {
    var out: [(Int, Int, String)] = []
    var i = 0
    while i < cells.count {
        guard cells[i] != " ", cells[i] != "" else { i += 1; continue }
        var j = i, w = ""
        while j < cells.count, cells[j] != " " { w += cells[j]; j += 1 }
        out.append((i, j, w))
        i = j
    }
    return out
}

/// A word that is a number as a view shows one (its marks after it): `1,238`, `5,450*`, `~300`,
/// `1,000-3,000`, `(56.6%)`, `+1`, `2024`, `“13,221”`; not `2025-Q1`, `news1-2026-02`, `¶8;`.
private func isNumberWord(_ word: String) -> Bool {
    var w = Substring(word)
    while let c = w.last, "*!p".contains(c) { w = w.dropLast() }
    return w.contains { $0.isASCII && $0.isNumber } && w.allSatisfy { ($0.isASCII && $0.isNumber) || ",.-~<>=+%()/MKBk“”\"".contains($0) }
}

private func check(_ row: [String], against line: [String]) -> String? {
    let lineWords = Dictionary(words(line).map { ($0.start, $0.text) }, uniquingKeysWith: { a, _ in a })
    func digitAt(_ k: Int) -> Bool { k < line.count && isDigit(line[k]) }
    for (start, end, word) in words(row) where word.contains(where: { $0.isASCII && $0.isNumber }) {
        if word.hasSuffix("…") {
            // A text cut after a number: the number must end there (`2025…` of `2025-Q1`, not `13,2…` of `13,221`).
            let k = end - 1
            let cutAfterDigit = k > 0 && isDigit(row[k - 1]) || (k > 1 && (row[k - 1] == "," || row[k - 1] == ".") && isDigit(row[k - 2]))
            if cutAfterDigit, k < line.count, line[k] != "…", digitAt(k) || ((line[k] == "," || line[k] == ".") && digitAt(k + 1)) {
                return "“\(word)” at column \(start): a number cut (its line: “\(lineWords[start] ?? "")”)"
            }
            continue
        }
        let whole = lineWords[start]
        if let whole, isNumberWord(whole) {
            if word != whole { return "“\(word)” at column \(start) stands for “\(whole)”: a number cut" }
        } else if isNumberWord(word), word != whole {
            return "“\(word)” at column \(start) is not a whole number of its line (“\(whole ?? "")”)"
        }
    }
    // The marks after a number, a blank apart (the `!` of `1,238 !`), go with it.
    for (start, end, word) in words(line) where isNumberWord(word) {
        if end + 1 < line.count, line[end] == " ", line[end + 1] == "!", end + 1 < row.count, row[start..<end].joined() == word, row[end + 1] != "!" {
            return "“\(word)” shown without its “!”"
        }
    }
    // A cut label runs into no value: `t…1,000-3,000` read as one word.
    for k in row.indices.dropLast() where row[k] == "…" && isDigit(row[k + 1]) { return "“…\(row[k + 1])”: no gap between a cut text and a number" }
    // A row that is not its whole line: cut with `…`, or at a gap between columns.
    func trimmed(_ cells: [String]) -> [String] {
        var c = Array(cells.dropFirst())
        while let last = c.last, last == " " || last == "" { c.removeLast() }
        return c
    }
    let r = trimmed(row), l = trimmed(line)
    if r != l, r.last != "…" {
        let cutAtGap = r.count < l.count && Array(l.prefix(r.count)) == r && l[r.count] == " "
        if !cutAtGap { return "cut without …" }
    }
    return nil
}
