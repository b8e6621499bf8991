import CrossingsCore

/// Columns and rows of a terminal.
public struct Size: Hashable, Sendable, CustomStringConvertible {
    public var width: Int
    public var height: Int
    public init(width: Int, height: Int) {
        self.width = max(0, width)
        self.height = max(0, height)
    }
    public var description: String { "\(width)x\(height)" }
}

/// What a cell means; the backend picks colours and attributes for each role
/// (and a monochrome look when the terminal has no colours, or NO_COLOR is set).
public enum Role: UInt8, CaseIterable, Sendable, Hashable {
    case normal, title, tab, activeTab, crumb, header, dim, derived, warning
    case bar, derivedBar, accent, status, key, footer, overlay, overlayTitle, notice
}

/// A role, and whether the cell is on the selected line.
public struct Style: Hashable, Sendable {
    public var role: Role
    public var selected: Bool
    public init(_ role: Role = .normal, selected: Bool = false) {
        self.role = role
        self.selected = selected
    }
    public static let normal = Style()
}

/// One terminal cell: a grapheme (already made visible), its style, and the URL it links to.
/// A wide character takes its cell and the next, which holds a continuation.
public struct Cell: Hashable, Sendable {
    public var text: String
    public var style: Style
    /// The right half of a wide character: drawn by the cell to its left.
    public var isContinuation: Bool
    /// The OSC 8 hyperlink target of this cell: a URL `LinkCheck` passed (never set otherwise; see
    /// `Span.link`). Invisible in the grid's text; the backend writes linked runs as hyperlinks
    /// where the terminal takes them (`Hyperlinks`).
    public var link: String?
    public init(_ text: String = " ", _ style: Style = .normal, continuation: Bool = false, link: String? = nil) {
        self.text = text
        self.style = style
        self.isContinuation = continuation
        self.link = link
    }
    public static let blank = Cell()
}

/// A piece of text with one style, for building lines; optionally a hyperlink.
public struct Span: Hashable, Sendable {
    public var text: String
    public var role: Role
    /// Where the text links to: only ever a URL `LinkCheck` passed (`Span(_:_:url:)` checks it).
    public private(set) var link: String?
    public init(_ text: String, _ role: Role = .normal) {
        self.text = text
        self.role = role
    }

    /// Text that links to `url` when `LinkCheck` passes it, else plain text. The target is the
    /// whole checked URL even when `text` shows only part of it (a wrapped line, or a long URL cut
    /// with `…`): a piece of a URL never links to another URL.
    ///
    /// ```swift
    /// Span("https://example.org/a", url: "https://example.org/a").link   // "https://example.org/a"
    /// Span("javascript:x", url: "javascript:x").link                     // nil
    /// ```
    public init(_ text: String, _ role: Role = .normal, url: String) {
        self.text = text
        self.role = role
        link = try? LinkCheck.check(url).get()
    }
}

/// A grid of styled cells: what one frame of the explorer looks like.
///
/// ```swift
/// var screen = Screen(Size(width: 10, height: 1))
/// screen.put("평양", x: 0, y: 0)   // two wide characters: four cells
/// screen.text                      // "평양"
/// ```
public struct Screen: Hashable, Sendable {
    public let size: Size
    public private(set) var cells: [Cell]

    public init(_ size: Size) {
        self.size = size
        cells = Array(repeating: .blank, count: size.width * size.height)
    }

    public var width: Int { size.width }
    public var height: Int { size.height }

    public func cell(x: Int, y: Int) -> Cell {
        guard x >= 0, y >= 0, x < width, y < height else { return .blank }
        return cells[y * width + x]
    }

    mutating func set(x: Int, y: Int, _ cell: Cell) {
        guard x >= 0, y >= 0, x < width, y < height else { return }
        // Overwriting half of a wide character blanks its other half.
        let i = y * width + x
        if cells[i].isContinuation, x > 0 { cells[i - 1] = Cell(" ", cells[i - 1].style) }
        if !cells[i].isContinuation, x + 1 < width, cells[i + 1].isContinuation, !cell.isContinuation {
            cells[i + 1] = Cell(" ", cells[i + 1].style)
        }
        cells[i] = cell
    }

    /// Writes text from (x, y), at most `limit` cells (default: to the right edge).
    /// Control characters and direction overrides are escaped on the way in, so
    /// nothing from a data file can reach the terminal raw. Returns the cells used.
    @discardableResult
    public mutating func put(_ text: String, x: Int, y: Int, style: Style = .normal, limit: Int? = nil) -> Int {
        put(text, x: x, y: y, style: style, limit: limit, link: nil)
    }

    /// The same, the cells linking to `link` (a URL `LinkCheck` passed: `Span.link`).
    @discardableResult
    mutating func put(_ text: String, x: Int, y: Int, style: Style = .normal, limit: Int? = nil, link: String?) -> Int {
        guard y >= 0, y < height, x < width else { return 0 }
        let end = min(width, x + (limit ?? width))
        var col = x
        // Only the start of a long text can show: a 3 MB title is not escaped whole per line drawn.
        let start = lineStart(text, width: end - x).text
        for ch in visible(start) {
            let w = Screen.width(of: ch)
            if w == 0 {
                // A combining mark joins the character before it.
                if col > x, col - 1 < width, col - 1 >= 0 {
                    var prev = cell(x: col - 1, y: y)
                    if prev.isContinuation, col - 2 >= 0 { prev = cell(x: col - 2, y: y); prev.text.append(ch); set(x: col - 2, y: y, prev) } else { prev.text.append(ch); set(x: col - 1, y: y, prev) }
                }
                continue
            }
            if col + w > end {
                // A wide character that does not fit leaves a blank, never half a glyph.
                while col < end { set(x: col, y: y, Cell(" ", style)); col += 1 }
                break
            }
            if col >= 0 { set(x: col, y: y, Cell(String(ch), style, link: link)) }
            if w == 2, col + 1 >= 0 { set(x: col + 1, y: y, Cell("", style, continuation: true, link: link)) }
            col += w
        }
        return max(0, col - x)
    }

    /// Writes spans one after another; returns the column after the last.
    ///
    /// A line wider than `limit` is cut so that what shows is true (issue 14, newcomer review: at
    /// 32×8 the side-by-side compare showed `1` of `1,238`, read as a count):
    /// - a number (`numberText`) shows whole with the marks right after it (`*`, `p`, `!`), or as
    ///   `…` alone where it would be cut;
    /// - a text cut at the edge ends in `…` (a source's outlet cut at 80 columns said nothing);
    ///   cells past the last character of a span (its padding) are cut freely.
    ///
    /// ```swift
    /// var screen = Screen(Size(width: 12, height: 1))
    /// screen.put([Span("2023     "), Span("      1,238"), Span("*")], x: 0, y: 0)
    /// screen.text   // "2023       …"
    /// ```
    @discardableResult
    public mutating func put(_ spans: [Span], x: Int, y: Int, selected: Bool = false, limit: Int? = nil) -> Int {
        let end = min(width, x + (limit ?? width))
        var col = x
        var i = 0
        while i < spans.count, col < end {
            let s = spans[i]
            // A number and the marks that follow it are one unit: whole or `…`.
            var unit = 1
            let isNumber = numberText(s.text)
            if isNumber { while i + unit < spans.count, markText(spans[i + unit].text) { unit += 1 } }
            let needed = CrossingsUI.cells(String(spans[i..<(i + unit)].map(\.text).joined().reversed().drop { $0 == " " }.reversed()))
            if col + needed <= end {
                for s in spans[i..<(i + unit)] where col < end {
                    col += put(s.text, x: col, y: y, style: Style(s.role, selected: selected), limit: end - col, link: s.link)
                }
                i += unit
                continue
            }
            // Its leading blanks first: a `…` right after a digit (`1…` after an events count) would
            // read as a number cut; with no room past them, or no blank after a digit, the column is dropped.
            let room = end - col
            let lead = s.text.prefix { $0 == " " }.count
            let afterDigit = col > x && cell(x: col - 1, y: y).text.first?.isPlainDigit == true
            guard lead > 0 || !afterDigit, isNumber || room > lead else { break }
            if isNumber {
                // Its blanks, then `…`: a column cut here, never a digit of it.
                let shown = String(repeating: " ", count: min(lead, room - 1)) + "…"
                col += put(shown, x: col, y: y, style: Style(s.role, selected: selected), limit: room, link: nil)
            } else {
                let shown = String(repeating: " ", count: lead) + fit(String(s.text.dropFirst(lead)), room - lead)
                col += put(shown, x: col, y: y, style: Style(s.role, selected: selected), limit: room, link: s.link)
            }
            break
        }
        return col
    }

    /// Paints a run of cells with a style (blanking their text).
    public mutating func fill(x: Int, y: Int, width w: Int, style: Style) {
        guard w > 0 else { return }
        for c in max(0, x)..<min(width, x + w) { set(x: c, y: y, Cell(" ", style)) }
    }

    /// Gives every cell of a row the selected look, keeping its role.
    mutating func select(row y: Int, from x: Int = 0, width w: Int? = nil) {
        guard y >= 0, y < height else { return }
        let end = min(width, x + (w ?? width))
        for c in max(0, x)..<end {
            let i = y * width + c
            cells[i].style.selected = true
        }
    }

    /// Cells a grapheme takes: 0 for a lone combining mark, 2 for wide East Asian text.
    public static func width(of ch: Character) -> Int {
        var w = 0
        for s in ch.unicodeScalars { w = max(w, cellWidth(s)) }
        return w
    }

    /// The screen as text: one line per row, trailing spaces trimmed.
    public var text: String {
        var lines: [String] = []
        lines.reserveCapacity(height)
        for y in 0..<height {
            var line = ""
            for x in 0..<width {
                let c = cells[y * width + x]
                if !c.isContinuation { line += c.text }
            }
            while line.hasSuffix(" ") { line.removeLast() }
            lines.append(line)
        }
        return lines.joined(separator: "\n")
    }
}

/// Cells a string takes on screen, after escaping.
func cells(_ text: String) -> Int {
    visible(text).reduce(0) { $0 + Screen.width(of: $1) }
}

/// Cuts text to at most `width` cells, ending with `…` when cut.
func fit(_ text: String, _ width: Int) -> String {
    guard width > 0 else { return "" }
    // A long text is cut to what a line can show first: measuring and escaping all of a 3 MB
    // field for one line of it was most of a frame.
    let (start, cut) = lineStart(text, width: width)
    LayoutMeter.count(start)
    let safe = visible(start)
    if !cut, cells(safe) <= width { return safe }
    var out = ""
    var used = 0
    var next: Substring = ""
    for (n, ch) in zip(safe.indices, safe) {
        let w = Screen.width(of: ch)
        if used + w > width - 1 { next = safe[n...].prefix(2); break }
        out.append(ch)
        used += w
    }
    return withoutCutNumber(out, next: next) + "…"
}

/// What is kept of a cut text, without the start of a number cut in two: `2,5` of `2,500` read
/// as a number, `…` alone says something was cut. `next` is the text cut off (its first two characters).
func withoutCutNumber(_ kept: String, next: Substring) -> String {
    func digit(_ c: Character?) -> Bool { c?.isPlainDigit ?? false }
    func separator(_ c: Character?) -> Bool { c == "," || c == "." }
    let last = kept.last, beforeLast = kept.dropLast().last
    let first = next.first, second = next.dropFirst().first
    let keptEndsInNumber = digit(last) || (separator(last) && digit(beforeLast))
    let cutStartsInNumber = digit(first) || (separator(first) && digit(second))
    guard keptEndsInNumber, cutStartsInNumber else { return kept }
    var out = Substring(kept)
    while let c = out.last, digit(c) || separator(c) { out = out.dropLast() }
    return String(out)
}

/// Whether a span's text is a number (a value, a count, a share, a change, a year), possibly
/// padded: `      1,238`, `~6.62M`, `20,000-50,000`, `(56.6%)`, `+1`, `2024`. A line cut at the
/// screen's edge shows such a span whole or as `…` (`Screen.put(_ spans:)`).
func numberText(_ text: String) -> Bool {
    var t = text.trimmedOfBlanks
    for word in [" million", " billion", " thousand"] { t = t.replacingOccurrences(of: word, with: "") }
    guard t.contains(where: \.isPlainDigit) else { return false }
    return t.allSatisfy { $0.isPlainDigit || ",.-–−~<>=≥≤+%()/MKBk".contains($0) }
}

/// Whether a span's text is a mark shown right after a number (`*` derived, `p` partial, `!`
/// disagreement, or their blank slots).
func markText(_ text: String) -> Bool {
    !text.isEmpty && text.count <= 2 && text.allSatisfy { " *p!x".contains($0) }
}

extension Character {
    var isPlainDigit: Bool { asciiValue.map { $0 >= 48 && $0 <= 57 } ?? false }
}

extension String {
    var trimmedOfBlanks: String {
        String(drop { $0 == " " }.reversed().drop { $0 == " " }.reversed())
    }
}

/// Pads (or cuts) text to exactly `width` cells; numbers go right.
func pad(_ text: String, _ width: Int, right: Bool = false) -> String {
    let t = fit(text, width)
    let gap = String(repeating: " ", count: max(0, width - cells(t)))
    return right ? gap + t : t + gap
}

/// The end of `text` that fits in `width` cells, escaped, with no escape cut in two. Walks back
/// from the end once: dropping characters from the front until the rest fitted measured the
/// rest again each time, quadratic in a long sentence (the fuzzer's 3,000 characters in a 1×1
/// terminal never finished).
func tail(_ text: String, _ width: Int) -> String {
    var used = 0
    var start = text.endIndex
    while start > text.startIndex {
        let before = text.index(before: start)
        let w = cells(String(text[before]))
        if used + w > width { break }
        used += w
        start = before
    }
    return visible(String(text[start...]))
}

/// Splits text into lines of at most `width` cells, at spaces where it can.
func wrap(_ text: String, _ width: Int) -> [String] {
    guard width > 0 else { return [] }
    LayoutMeter.count(text)
    let safe = visible(text)
    var lines: [String] = []
    var line = ""
    var used = 0
    for word in safe.split(separator: " ", omittingEmptySubsequences: false) {
        let w = String(word)
        var ww = cells(w)
        if used > 0 && used + 1 + ww <= width {
            line += " " + w
            used += 1 + ww
            continue
        }
        if used > 0 { lines.append(line); line = ""; used = 0 }
        // A word longer than the line is broken by cells; what is left is counted down, not
        // measured again per line (that was quadratic in a long word on a narrow screen).
        var rest = Substring(w)
        while ww > width {
            var head = ""
            var hw = 0
            while let ch = rest.first, hw + Screen.width(of: ch) <= width {
                head.append(ch)
                hw += Screen.width(of: ch)
                rest = rest.dropFirst()
            }
            if head.isEmpty, let ch = rest.first { head.append(ch); hw += Screen.width(of: ch); rest = rest.dropFirst() }
            lines.append(head)
            ww -= hw
        }
        line = String(rest)
        used = ww
    }
    if !line.isEmpty || lines.isEmpty { lines.append(line) }
    LayoutMeter.count("", lines: lines.count)
    return lines
}
