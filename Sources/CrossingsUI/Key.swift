/// A key press, as the backend reads it.
public enum Key: Hashable, Sendable {
    case char(Character)
    case ctrl(Character)
    case up, down, left, right
    case pageUp, pageDown, home, end
    case enter, escape, backspace, tab, backTab

    /// How the key is written in the help, the footer and docs/keymap.md.
    public var label: String {
        switch self {
        case .char(" "): "Space"
        case .char(let c): String(c)
        case .ctrl(let c): "Ctrl-" + String(c).uppercased()
        case .up: "↑"
        case .down: "↓"
        case .left: "←"
        case .right: "→"
        case .pageUp: "PgUp"
        case .pageDown: "PgDn"
        case .home: "Home"
        case .end: "End"
        case .enter: "Enter"
        case .escape: "Esc"
        case .backspace: "Backspace"
        case .tab: "Tab"
        case .backTab: "Shift-Tab"
        }
    }

    /// The short form for the footer.
    public var short: String {
        switch self {
        case .enter: "↵"
        case .backspace: "⌫"
        default: label
        }
    }
}

extension Key {
    /// Keys as tmux names them (`Down`, `Enter`, `Esc`, `BSpace`, `Tab`, `BTab`, `PgDn`, `PgUp`,
    /// `Home`, `End`, `Space`), or the characters of any other word typed one by one.
    /// Tests and the benchmark script the explorer with these.
    ///
    /// ```swift
    /// Key.keys("2024")    // [.char("2"), .char("0"), .char("2"), .char("4")]
    /// Key.keys("Enter")   // [.enter]
    /// ```
    public static func keys(_ word: String) -> [Key] {
        switch word {
        case "Up": [.up]
        case "Down": [.down]
        case "Left": [.left]
        case "Right": [.right]
        case "Enter": [.enter]
        case "Esc": [.escape]
        case "BSpace": [.backspace]
        case "Tab": [.tab]
        case "BTab": [.backTab]
        case "PgDn": [.pageDown]
        case "PgUp": [.pageUp]
        case "Home": [.home]
        case "End": [.end]
        case "Space": [.char(" ")]
        default: word.map { Key.char($0) }
        }
    }
}
