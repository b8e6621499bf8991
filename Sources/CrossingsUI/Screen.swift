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
    @discardableResult
    public mutating func put(_ spans: [Span], x: Int, y: Int, selected: Bool = false, limit: Int? = nil) -> Int {
        let end = min(width, x + (limit ?? width))
        var col = x
        for s in spans where col < end {
            col += put(s.text, x: col, y: y, style: Style(s.role, selected: selected), limit: end - col, link: s.link)
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
    for ch in safe {
        let w = Screen.width(of: ch)
        if used + w > width - 1 { break }
        out.append(ch)
        used += w
    }
    return out + "…"
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
