/// A layer over the page that takes the keys while it is open: the `?` help, the `m` filter
/// menu, the country picker, and the two prompts typed into the status line (`v`, `/`).
///
/// An overlay is one file: its mode, the registry scope its keys are looked up in, how it
/// draws, its actions and its invariants. `render`, `handle(_:)` and `normalize()` look the
/// open one up in ``Overlays/all`` instead of switching on the mode; a key no command binds
/// goes to the scope's ``Fallback`` in the registry (typed into the text, or closing the help).
protocol Overlay: Sendable {
    /// The mode in which it is open.
    var mode: Mode { get }
    /// Where the command registry looks up its keys (and the footer its hints).
    var scope: Scope { get }
    /// Draws it over the page; a prompt, drawn in the status line, draws nothing here.
    func draw(_ s: State, _ screen: inout Screen)
    /// The status line while it is open, in place of the page's; nil keeps the page's.
    func status(_ s: State) -> String?
    /// The footer while it is open, in place of the scope's commands; nil lists those.
    func footer(_ s: State) -> String?
    /// Runs one of its own actions (opening it included); false when the action is not one of them.
    func apply(_ action: Action, to s: inout State) -> Bool
    /// Keeps its scroll or selection in range after every action while it is open.
    func normalize(_ s: inout State)
    /// The action a paste (one line, already cleaned) becomes while it is open; nil ignores it.
    func paste(_ line: String) -> Action?
}

extension Overlay {
    func draw(_ s: State, _ screen: inout Screen) {}
    func status(_ s: State) -> String? { nil }
    func footer(_ s: State) -> String? { nil }
    func normalize(_ s: inout State) {}
    func paste(_ line: String) -> Action? { nil }
}

/// The registry of overlays: a new one is a file under Views/ and a line here.
enum Overlays {
    static let all: [any Overlay] = [
        HelpOverlay(),
        FacetsOverlay(),
        PickerOverlay(),
        CheckPrompt(),
        FilterPrompt(),
    ]

    /// The overlay open in a mode; nil on a page (`.normal`).
    static func open(_ mode: Mode) -> (any Overlay)? {
        all.first { $0.mode == mode }
    }
}

extension State {
    /// The overlay that is open, if any.
    var overlay: (any Overlay)? { Overlays.open(mode) }

    /// Where keys are looked up now: the open overlay's scope, else the page's.
    var keyScope: Scope { overlay?.scope ?? current.page.scope }
}

/// How much a prompt holds. Every key redoes work in the length of what was typed (matching,
/// drawing the prompt), so a paste of megabytes made each key slow (the explorer fuzzer pasted
/// 21,000 characters into the picker: 2.6 s of CPU for the session); no country name, filter or
/// sentence needs more.
enum TypingLimit {
    static let picker = 100
    static let filter = 500
    /// The claim reader cuts a sentence at 3,000 characters anyway.
    static let sentence = 5_000
}

/// A framed box; returns the inner area.
func drawBox(_ screen: inout Screen, x: Int, y: Int, width: Int, height: Int, title: String) -> (x: Int, y: Int, width: Int, height: Int) {
    let style = Style(.overlay)
    for row in y..<(y + height) { screen.fill(x: x, y: row, width: width, style: style) }
    screen.put("┌" + String(repeating: "─", count: max(0, width - 2)) + "┐", x: x, y: y, style: style)
    screen.put("└" + String(repeating: "─", count: max(0, width - 2)) + "┘", x: x, y: y + height - 1, style: style)
    for row in (y + 1)..<max(y + 1, y + height - 1) {
        screen.put("│", x: x, y: row, style: style)
        screen.put("│", x: x + width - 1, y: row, style: style)
    }
    screen.put(" " + fit(title, width - 6) + " ", x: x + 2, y: y, style: Style(.overlayTitle))
    return (x + 2, y + 1, width - 4, height - 2)
}
