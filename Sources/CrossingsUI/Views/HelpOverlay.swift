/// The `?` list: the marks, then every key from the registry, the page's own first.
///
/// It scrolls a line with ↑↓, a screen with PgDn/Space and PgUp, to either end with g/G; any
/// other key closes it and does nothing else (the help scope's ``Fallback``).
struct HelpOverlay: Overlay {
    var mode: Mode { .help }
    var scope: Scope { .help }

    func draw(_ s: State, _ screen: inout Screen) { drawHelp(s, &screen) }

    func footer(_ s: State) -> String? { Self.footer }

    /// `↑↓ scroll · any other key closes`. The hints of the help are worked out once: the
    /// registry is fixed, and the help is drawn (and measured) after every key while it is open.
    static let footer: String = {
        let scroll = Keymap.arrows(for: [.moveUp, .moveDown], in: .help) + " scroll"
        guard let other = Keymap.fallback(in: .help) else { return scroll }
        return scroll + " · " + other.keys + " " + other.footer
    }()

    /// `Keys — ? or Esc closes`
    static let title = "Keys — " + Keymap.keyLabel(for: .toggleHelp, in: .help, limit: 2, separator: " or ") + " closes"

    /// The key that shows a number's citations, where the marks are explained (`c`).
    static let cite = Keymap.keyLabel(for: .cite, in: .counts, limit: 1)

    func apply(_ action: Action, to s: inout State) -> Bool {
        switch action {
        case .toggleHelp:
            s.mode = s.mode == .help ? .normal : .help
            s.helpScroll = 0
        case .moveDown where s.mode == .help: s.helpScroll += 1
        case .moveUp where s.mode == .help: s.helpScroll = max(0, s.helpScroll - 1)
        case .pageDown where s.mode == .help: s.helpScroll += Self.screenful(s.size)
        case .pageUp where s.mode == .help: s.helpScroll = max(0, s.helpScroll - Self.screenful(s.size))
        case .first where s.mode == .help: s.helpScroll = 0
        // Clamped to the last screen by `normalize`.
        case .last where s.mode == .help: s.helpScroll = Int.max
        default: return false
        }
        return true
    }

    func normalize(_ s: inout State) {
        let lines = helpLines(s, width: Self.box(s.size).width - 4).count
        s.helpScroll = min(max(0, s.helpScroll), max(0, lines - Self.screenful(s.size)))
    }

    /// The box: the whole height, at most 100 cells wide, centred.
    static func box(_ size: Size) -> (x: Int, width: Int, height: Int) {
        let width = min(size.width, 100)
        return ((size.width - width) / 2, width, size.height)
    }

    /// Lines of the list on screen at once (the box less its frame): what PgDn moves by.
    static func screenful(_ size: Size) -> Int { max(1, box(size).height - 2) }
}

/// The lines of the help overlay, from the registry, wrapped to a width.
func helpLines(_ s: State, width: Int) -> [[Span]] {
    var lines: [[Span]] = []
    let here = s.current.page.scope
    let keyWidth = width >= 60 ? 24 : 0
    func entry(_ keys: String, _ help: String, keyRole: Role = .key) {
        if keyWidth > 0 {
            for (i, line) in wrap(help, max(1, width - keyWidth)).enumerated() {
                lines.append([Span(i == 0 ? pad(keys, keyWidth - 1) + " " : String(repeating: " ", count: keyWidth), keyRole), Span(line)])
            }
        } else {
            lines.append([Span(fit(keys, width), keyRole)])
            for line in wrap(help, max(1, width - 2)) { lines.append([Span("  " + line)]) }
        }
    }
    lines.append([Span("Marks", .header)])
    let cite = HelpOverlay.cite
    for (mark, meaning) in [("*", "derived: worked out by crossings, printed by no source"), ("!", "the values cannot all be true: sources disagree, parts do not add up, or it rests on such a value (\(cite) says why)"),
                            ("p", "covers only part of its period (\(cite) says how much)"),
                            ("~  >  >=  <  <=", "about (or a round number), more than, at least, fewer than, at most, as the source hedged it"), ("·  blank", "no figure: a gap, never zero"),
                            ("Src", "how many sources stand behind the value (for a derived value: behind its parts)"),
                            ("Alt  +N", "how many other values exist for the period: \(cite) lists them side by side")] {
        entry(mark, meaning, keyRole: .warning)
    }
    // The keys of the page you are on first, then the rest.
    for scope in [here] + Scope.allCases.filter({ $0 != here }) {
        let commands = Keymap.all.filter { $0.scopes.contains(scope) }
        guard !commands.isEmpty else { continue }
        lines.append([])
        lines.append([Span(scope.rawValue + (scope == here ? " (you are here)" : ""), .header)])
        if let other = Keymap.fallback(in: scope) { entry(other.keys, other.help) }
        for c in commands { entry(c.keys.map(\.label).joined(separator: " "), c.help) }
    }
    return lines
}

func drawHelp(_ s: State, _ screen: inout Screen) {
    let box = HelpOverlay.box(Size(width: screen.width, height: screen.height))
    let inner = drawBox(&screen, x: box.x, y: 0, width: box.width, height: box.height, title: HelpOverlay.title)
    let lines = helpLines(s, width: inner.width)
    let maxScroll = max(0, lines.count - inner.height)
    let scroll = min(s.helpScroll, maxScroll)
    for (n, line) in lines.dropFirst(scroll).prefix(inner.height).enumerated() {
        screen.put(line.map { Span($0.text, $0.role == .normal ? .overlay : $0.role) }, x: inner.x, y: inner.y + n, limit: inner.width)
    }
    if scroll < maxScroll { screen.put("↓ more", x: inner.x + inner.width - 6, y: inner.y + inner.height, style: Style(.overlayTitle)) }
}
