import CrossingsCore
import CrossingsUI
import Testing

/// The marks that carry meaning, by role: a `!` is a disagreement only when drawn as a warning, a
/// `*` or a bar is derived only in the derived roles. Plain-text goldens cannot tell those apart.
private let roleLetters: [Role: Character] = [.warning: "!", .derived: "*", .derivedBar: "#"]

/// The screen as text, each row followed (when any of its visible cells has a meaningful role) by a
/// line of one letter per cell for that role: `!` warning, `*` derived, `#` derived bar.
/// Rows start `│`, role lines `^`, so the two never mix.
func styledText(_ screen: Screen) -> String {
    var out: [String] = []
    let text = screen.text.split(separator: "\n", omittingEmptySubsequences: false)
    for y in 0..<screen.height {
        out.append("│" + (y < text.count ? text[y] : ""))
        var roles = ""
        for x in 0..<screen.width {
            let cell = screen.cell(x: x, y: y)
            if cell.isContinuation { continue }
            let letter = cell.text == " " ? nil : roleLetters[cell.style.role]
            roles.append(letter ?? " ")
            // A wide character takes two cells on the row above: keep the letters under it.
            if x + 1 < screen.width, screen.cell(x: x + 1, y: y).isContinuation { roles.append(" ") }
        }
        while roles.hasSuffix(" ") { roles.removeLast() }
        if !roles.isEmpty { out.append("^" + roles) }
    }
    return out.joined(separator: "\n")
}

@Suite("Screens with their roles")
struct StyledSnapshotTests {
    @Test("Counts: derived values and bars, disagreement marks")
    func counts() throws {
        let size = Size(width: 80, height: 24)
        let state = try run([], size: size)
        assertSnapshot(styledText(render(state, size)), named: "styled-counts-80x24")
    }

    @Test("Breakdown: a derived part with its derived bar")
    func breakdown() throws {
        let size = Size(width: 80, height: 24)
        let state = try run(["k", "k", "Enter"], size: size)
        assertSnapshot(styledText(render(state, size)), named: "styled-breakdown-2024-q3-80x24")
    }
}
