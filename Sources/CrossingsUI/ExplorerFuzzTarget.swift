import CrossingsCore

/// The explorer driven by arbitrary bytes, with the properties every frame must keep. The
/// libFuzzer binary (Tests/Fuzz/fuzz.sh explorer) and the unit test that replays what it found
/// (Tests/Fuzz/corpus/explorer/regression-*) both call this, so a finding is replayed exactly.
///
/// The first byte picks the terminal's size (tiny ones included); each following byte is a
/// key, a resize, or a hostile piece of text typed key by key (past 64 characters, pasted as a
/// terminal's bracketed paste): escapes, NULs, numbers too large for any count, runs of thousands of characters.
/// Every action goes through `update`, and every frame through `render`.
///
/// ```swift
/// #expect(ExplorerFuzzTarget.problems(Array("\u{0}v1\u{84}\u{6E}".utf8), library: Library(data)).isEmpty)
/// ```
public enum ExplorerFuzzTarget {
    public static let sizes = [Size(width: 1, height: 1), Size(width: 2, height: 3), Size(width: 10, height: 5),
                               Size(width: 31, height: 7), Size(width: 32, height: 8), Size(width: 33, height: 9),
                               Size(width: 40, height: 12), Size(width: 80, height: 24), Size(width: 132, height: 40),
                               Size(width: 0, height: 0)]

    /// Every key the terminal layer can produce that matters: the named keys, printable ASCII,
    /// and the control keys the keymap binds.
    static let keys: [Key] = [.up, .down, .left, .right, .pageUp, .pageDown, .home, .end, .enter, .escape,
                              .backspace, .tab, .backTab]
        + (0x20...0x7E).map { Key.char(Character(Unicode.Scalar(UInt8($0)))) }
        + ["f", "b", "c", "l", "u", "d", "z", "w"].map { Key.ctrl($0) }

    /// Text a user (or a paste) may put into the `v` prompt, the filter or the picker.
    static let hostile: [String] = [
        "\u{1B}[2J\u{1B}[31m", "\u{0}", "\u{7F}\u{8}", "\u{9B}31m", "\u{202E}evil", "\u{200B}\u{FEFF}",
        "99999999999999999999999999999", "9,223,372,036,854,775,808", "-9223372036854775808", "18446744073709551616",
        String(repeating: "9", count: 400), String(repeating: "x", count: 3_000), String(repeating: "1,", count: 600),
        String(repeating: " ", count: 500), String(repeating: "🇰🇵", count: 200), String(repeating: "e\u{301}", count: 100),
        "13,221 North Koreans entered Russia in 2024.", "In 2024, 13221 North Koreans entered Russia, 2 times more than in 2023.",
        "평양 Пхеньян", "👩‍👩‍👧‍👦", "\t\r\n", "1e308", "½ ٣٤٥ 𝟗𝟗", "2024-Q5", "1/0", "a\u{0}b\u{1B}c", "%@%n%s",
        "1,000,000,000,000,000 trips in 2024; 0.0001 times as many as in 1900", "Q1 Q2 Q3 Q4 2010..2099", "KP-RU RU-KP",
    ]

    /// What went wrong: empty when every frame held. The library may be shared between inputs
    /// (building one per input is most of the time: its caches only remember answers).
    public static func problems(_ input: [UInt8], library: Library) -> [String] {
        guard let first = input.first else { return [] }
        var size = sizes[Int(first) % sizes.count]
        var state = State(library: library, size: size)
        var problems = frameProblems(render(state, size), size)
        var quit = false
        // As the backend runs it: a check answered at once; a quit ends the session.
        func send(_ action: Action) {
            guard !quit else { return }
            let (next, effects) = advance(state, action)
            state = next
            quit = effects.contains(.quit)
        }
        for b in input.dropFirst() {
            if quit { break }
            switch Int(b) {
            case 0..<keys.count:
                send(.key(keys[Int(b)]))
            case keys.count..<(keys.count + sizes.count):
                size = sizes[Int(b) - keys.count]
                send(.resize(size))
            default:
                let text = hostile[Int(b) % hostile.count]
                for c in text.prefix(64) { send(.key(.char(c))) }
                // The rest as a terminal's bracketed paste: into the open prompt, or ignored.
                let rest = String(text.dropFirst(64))
                if !rest.isEmpty { send(.paste(rest)) }
            }
            problems += frameProblems(render(state, size), size)
            if !problems.isEmpty { break }
        }
        return problems
    }

    /// A frame is exactly the terminal's size, no cell holds a character that would act on the
    /// terminal instead of being shown, and no cell links to a URL `LinkCheck` refuses.
    static func frameProblems(_ screen: Screen, _ size: Size) -> [String] {
        var problems: [String] = []
        if screen.size != size || screen.cells.count != size.width * size.height {
            problems.append("a frame of \(screen.size) (\(screen.cells.count) cells) for a terminal of \(size)")
        }
        for (i, cell) in screen.cells.enumerated() where cell.text.unicodeScalars.contains(where: { escapeForTerminal($0) != nil }) {
            problems.append("cell \(i % max(1, size.width)),\(i / max(1, size.width)) holds \(visible(cell.text)) raw")
            break
        }
        // A link (OSC 8) only ever to a URL the backend would write as it is.
        for (i, cell) in screen.cells.enumerated() where cell.link.map({ Hyperlinks.opening($0) == nil }) ?? false {
            problems.append("cell \(i % max(1, size.width)),\(i / max(1, size.width)) links to \(visible(cell.link ?? "")), which LinkCheck refuses")
            break
        }
        return problems
    }
}
