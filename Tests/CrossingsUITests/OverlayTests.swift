@testable import CrossingsUI
import Testing

/// The overlays (help, filter menu, picker, the two prompts) and the hints read from the registry.
@Suite("Overlays and key hints")
struct OverlayTests {
    let size = Size(width: 80, height: 24)

    /// The text of one row of a screen.
    func row(_ screen: Screen, _ y: Int) -> String {
        String(screen.text.split(separator: "\n", omittingEmptySubsequences: false)[y])
    }

    /// A help line as drawn (its spans' text).
    func text(_ line: [Span]) -> String { line.map(\.text).joined() }

    @Test("PgDn and Space page the help by its inner height; PgUp comes back")
    func helpPagesByAScreen() throws {
        let open = try run(["?"], size: size)
        let screenful = size.height - 2
        let lines = helpLines(open, width: min(size.width, 100) - 4)
        #expect(lines.count > screenful * 2, "the help should be longer than two screens at 80x24")
        let down = try run(["?", "PgDn"], size: size)
        #expect(down.helpScroll == screenful)
        // The first line after PgDn is the one just below the last line before it.
        #expect(row(render(down, size), 1).contains(text(lines[screenful]).trimmingSuffixSpaces))
        #expect(try run(["?", "Space"], size: size).helpScroll == screenful)
        #expect(try run(["?", "PgDn", "PgDn"], size: size).helpScroll == screenful * 2)
        #expect(try run(["?", "PgDn", "PgDn", "PgUp"], size: size).helpScroll == screenful)
        #expect(try run(["?", "PgDn", "PgUp", "PgUp"], size: size).helpScroll == 0)
        // ↑↓ and j/k still move a line.
        #expect(try run(["?", "Down", "j"], size: size).helpScroll == 2)
        #expect(try run(["?", "PgDn", "k"], size: size).helpScroll == screenful - 1)
    }

    @Test("the last page shows the last line; g, G, Home and End go to either end")
    func helpEnds() throws {
        let open = try run(["?"], size: size)
        let lines = helpLines(open, width: min(size.width, 100) - 4)
        let last = lines.count - (size.height - 2)
        for end in ["G", "End"] {
            let state = try run(["?", end], size: size)
            #expect(state.helpScroll == last)
            let screen = render(state, size)
            #expect(row(screen, size.height - 2).contains(text(lines[lines.count - 1]).trimmingSuffixSpaces))
            #expect(!screen.text.contains("↓ more"))
        }
        // Paging past the end stops on the same last page.
        let pages = Array(repeating: "PgDn", count: lines.count / (size.height - 2) + 3)
        #expect(try run(["?"] + pages, size: size).helpScroll == last)
        #expect(try run(["?", "G", "g"], size: size).helpScroll == 0)
        #expect(try run(["?", "End", "Home"], size: size).helpScroll == 0)
    }

    @Test("a key that closes the help is not also run on the page below")
    func closingKeyIsNotRun() throws {
        let before = try run([], size: size)
        // `1`..`4`, `/`, `o`, `t` mean something on Counts; in the help they only close it.
        for key in ["2", "/", "o", "t", "x", "Tab", "Enter", "Left"] {
            let (state, effects) = press(["?", key], on: before)
            #expect(state.mode == .normal, "\(key) should close the help")
            // The whole state is as before the help opened: nothing ran, nothing was asked of the backend.
            #expect(state == before, "\(key) was run")
            #expect(effects.isEmpty)
        }
        // The help's own closing keys: q closes the help, never quits.
        for key in ["?", "Esc", "q"] {
            let (state, effects) = press(["?", key], on: before)
            #expect(state == before)
            #expect(effects.isEmpty)
        }
        // The fallback is a registry entry, which handle reads.
        #expect(Keymap.action(for: .char("2"), in: .help) == .toggleHelp)
        #expect(Keymap.fallback(in: .help)?.keys == "any other key")
    }

    @Test("hints are read from the registry")
    func hintsFromTheRegistry() throws {
        #expect(Keymap.keyLabel(for: .toggleHelp, in: .help) == "? Esc q")
        #expect(Keymap.keyLabel(for: .toggleHelp, in: .help, limit: 2, separator: " or ") == "? or Esc")
        #expect(Keymap.hint(.toggleHelp, in: .counts, "lists the keys") == "? lists the keys")
        #expect(Keymap.hint(.pickerSelect, in: .picker) == "↵ select")
        #expect(Keymap.hint(.pickerErase, in: .picker, "erases", short: false) == "Backspace erases")
        #expect(Keymap.arrows(for: [.pickerDirection], in: .picker) == "←→")
        #expect(Keymap.arrows(for: [.moveUp, .moveDown], in: .help) == "↑↓")
        // A key another command takes first in a scope is not offered for the action there.
        #expect(!Keymap.keys(for: .back, in: .picker).contains(.left))
        #expect(FacetsOverlay.title == "Filters — ←→ change, x clear, Esc close")
        let open = try run(["?"], size: size)
        #expect(HelpOverlay().footer(open) == "↑↓ scroll · any other key closes")
        let unbound = try run(["z"], size: size)
        #expect(unbound.message == "z does nothing here; ? lists the keys")
        let pasted = advance(try run([], size: size), .paste("text")).state
        #expect(pasted.message == "paste ignored: paste after v (check a sentence), / (filter) or o (pick a country)")
    }

    @Test("each mode but normal has one overlay, and a typing scope types through its fallback")
    func overlayRegistry() {
        for mode in [Mode.filtering, .help, .facets, .checking, .picking] {
            #expect(Overlays.all.filter { $0.mode == mode }.count == 1, "\(mode)")
        }
        #expect(Overlays.open(.normal) == nil)
        #expect(Keymap.action(for: .char("k"), in: .filter) == .filterType("k"))
        #expect(Keymap.action(for: .char("q"), in: .checking) == .checkType("q"))
        #expect(Keymap.action(for: .char("z"), in: .picker) == .pickerType("z"))
        #expect(Keymap.action(for: .char("z"), in: .facets) == nil)
        #expect(Keymap.keymapMarkdown.contains("| any other character | filter-type | Added to the filter |"))
    }
}

private extension String {
    var trimmingSuffixSpaces: String {
        var s = self
        while s.last == " " { s.removeLast() }
        return s
    }
}
