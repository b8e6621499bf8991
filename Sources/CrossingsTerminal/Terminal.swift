import CNCursesW
import CrossingsUI
import Foundation

/// The only code that talks to ncurses: opening and closing the terminal,
/// reading keys, and writing the cells that changed since the last frame.
final class Terminal {
    private let screen: OpaquePointer
    private let window: UnsafeMutablePointer<WINDOW>
    private let output: UnsafeMutablePointer<FILE>
    private var previous: Screen?
    private let colours: Bool
    /// Source URLs written as OSC 8 hyperlinks (`Hyperlinks.enabled`).
    private let hyperlinks: Bool
    private let inputDescriptor: Int32

    /// Opens the terminal named by $TERM; nil when ncurses does not know it, or it cannot move the cursor.
    init?() {
        // Keys come from the terminal even when standard input is a pipe.
        let input = isatty(0) != 0 ? fdopen(0, "r") : fopen("/dev/tty", "r")
        guard let output = fdopen(1, "w"), let input else { return nil }
        // The terminal's modes before ncurses changes them: what a crash puts back.
        FatalSignals.saveModes(of: fileno(input))
        guard let s = newterm(nil, output, input) else { return nil }
        screen = s
        set_term(s)
        // TERM=dumb and the like: no cursor addressing, no explorer (the caller prints the overview).
        guard crossings_can_address_cursor() != 0 else { endwin(); delscreen(s); return nil }
        guard let w = crossings_stdscr() else { endwin(); delscreen(s); return nil }
        window = w
        self.output = output
        inputDescriptor = fileno(input)
        // From here the explorer owns the terminal: a crash (a trap in update or render) restores it.
        FatalSignals.prepareRestore(output: 1)
        FatalSignals.install()
        cbreak()
        noecho()
        nonl()
        keypad(w, true)
        curs_set(0)
        set_escdelay(25)
        wtimeout(w, Terminal.keyTimeout)
        hyperlinks = Hyperlinks.enabled(ProcessInfo.processInfo.environment)
        let noColor = !(ProcessInfo.processInfo.environment["NO_COLOR"] ?? "").isEmpty
        colours = !noColor && has_colors()
        if colours {
            start_color()
            use_default_colors()
            for (i, role) in Role.allCases.enumerated() {
                let (fg, bg) = Terminal.colour(role)
                init_pair(Int16(i + 1), fg, bg)
            }
        }
        bracketedPaste(true)
    }

    var size: Size { Size(width: Int(getmaxx(window)), height: Int(getmaxy(window))) }

    /// Restores the terminal: normal screen, echo, canonical mode.
    func close() {
        bracketedPaste(false)
        endwin()
        delscreen(screen)
        FatalSignals.uninstall()
    }

    /// After a suspend or a resize: the next frame is written in full.
    func invalidate() {
        previous = nil
        clearok(window, true)
    }

    func suspend() {
        bracketedPaste(false)
        endwin()
        FatalSignals.uninstall()
    }

    func resume() {
        FatalSignals.install()
        // ncurses puts the terminal back into the program's mode on the next refresh.
        reset_prog_mode()
        bracketedPaste(true)
        invalidate()
        wrefresh(window)
    }

    /// Writes a frame, touching only the cells that changed.
    func draw(_ frame: Screen) {
        let full = previous == nil || previous?.size != frame.size
        if full { werase(window) }
        var cc = cchar_t()
        for y in 0..<frame.height {
            for x in 0..<frame.width {
                let cell = frame.cell(x: x, y: y)
                if cell.isContinuation { continue }
                if !full, let previous, previous.cell(x: x, y: y) == cell { continue }
                var chars: [wchar_t] = cell.text.unicodeScalars.prefix(5).map { wchar_t(bitPattern: $0.value) }
                if chars.isEmpty { chars = [wchar_t(32)] }
                chars.append(0)
                let (attrs, pair) = look(cell.style)
                setcchar(&cc, chars, attrs, pair, nil)
                // The bottom-right cell reports an error though it is drawn.
                _ = mvwadd_wch(window, Int32(y), Int32(x), &cc)
            }
        }
        // A cell that no longer links but looks the same is not written by ncurses, and would stay
        // a link in the terminal: ncurses is told it shows something else, so it writes it plainly.
        if hyperlinks, !full, let previous {
            for y in 0..<frame.height {
                for x in 0..<frame.width where previous.cell(x: x, y: y).link != nil && frame.cell(x: x, y: y).link == nil {
                    _ = crossings_redraw_cells(Int32(y), Int32(x), 1)
                }
            }
        }
        wnoutrefresh(window)
        if hyperlinks {
            // A key pressed meanwhile must not cut a doupdate short (ncurses stops to read it): what
            // the frame's doupdate left out would be drawn by the next one, inside a link.
            typeahead(-1)
            doupdate()
            writeLinks(frame, full: full)
            typeahead(inputDescriptor)
        } else {
            doupdate()
        }
        previous = frame
    }

    /// OSC 8 hyperlinks, after the frame is drawn (typeahead off: `draw`). ncurses cannot write
    /// them, so each linked run is drawn again by ncurses itself between an opening and a closing
    /// sequence: ncurses is told the
    /// run's cells show something else (`crossings_redraw_cells`), and `doupdate` writes exactly
    /// those cells, the same text with the same colours, while the link is open. What ncurses
    /// believes is on screen stays true, its cursor and attributes are its own, and nothing but
    /// the run is written inside the link. A run is written again whenever ncurses may have
    /// written over it: a full frame, or any change on its row (ncurses rewrites only changed
    /// rows, and within them it may reprint unchanged cells rather than move the cursor).
    private func writeLinks(_ frame: Screen, full: Bool) {
        var runs: [Hyperlinks.Run] = []
        for y in 0..<frame.height where full || rowChanged(frame, y) {
            runs += Hyperlinks.runs(frame, row: y)
        }
        for run in runs {
            // Checked again here: only a URL LinkCheck passes is ever written into the terminal.
            guard let open = Hyperlinks.opening(run.url) else { continue }
            fputs(open, output)
            fflush(output)
            _ = crossings_redraw_cells(Int32(run.y), Int32(run.x), Int32(run.width))
            doupdate()
            fputs(Hyperlinks.closing, output)
            fflush(output)
        }
    }

    private func rowChanged(_ frame: Screen, _ y: Int) -> Bool {
        guard let previous, previous.size == frame.size else { return true }
        for x in 0..<frame.width where previous.cell(x: x, y: y) != frame.cell(x: x, y: y) { return true }
        return false
    }

    /// How long a read waits for a key (ms) before the loop looks at signals and the load again.
    static let keyTimeout: Int32 = 100

    /// Bracketed paste (xterm's mode 2004, which tmux, iTerm2, GNOME Terminal, kitty, WezTerm and
    /// Windows Terminal follow): the terminal wraps pasted text in `ESC [200~` … `ESC [201~`, so a
    /// paste is text for a prompt and never runs as keys. A terminal without it ignores the request.
    private func bracketedPaste(_ on: Bool) {
        fputs(on ? "\u{1B}[?2004h" : "\u{1B}[?2004l", output)
        fflush(output)
    }

    /// The next key or paste, or nil after the read timeout. `resized` is set on KEY_RESIZE.
    func readInput(resized: inout Bool) -> Action? {
        guard let key = readKey(resized: &resized) else { return nil }
        guard key == .escape else { return .key(key) }
        switch readBracket(resized: &resized) {
        case .paste(let text): return .paste(text)
        case .strayEnd: return nil
        case .none: return .key(key)
        }
    }

    /// One read: a wide character or a key code, nil at the timeout.
    private func read() -> (code: Bool, value: wint_t)? {
        var ch: wint_t = 0
        let status = wget_wch(window, &ch)
        if status == ERR { return nil }
        return (status == KEY_CODE_YES, ch)
    }

    enum Bracket { case paste(String), strayEnd, none }

    /// After an Esc: the rest of `ESC [200~` and the pasted text up to `ESC [201~`; or a paste's end
    /// with no paste open (`ESC [201~` sent or pasted on its own), swallowed rather than run as Esc,
    /// `2`, `0`, `1`, `~`. Anything else is put back, to be read as the keys it is (Esc, then `[` …).
    private func readBracket(resized: inout Bool) -> Bracket {
        let start: [wint_t] = [0x5B, 0x32, 0x30]            // [20
        var got: [(code: Bool, value: wint_t)] = []
        // The rest of a sequence comes with its Esc; a person pressing Esc waits 5 ms more.
        wtimeout(window, 5)
        defer { wtimeout(window, Terminal.keyTimeout) }
        while got.count < 5, let r = read() {
            got.append(r)
            let n = got.count
            let fits = !r.code && (n <= 3 ? r.value == start[n - 1] : n == 4 ? (r.value == 0x30 || r.value == 0x31) : r.value == 0x7E)
            if !fits { break }
        }
        let values = got.map(\.value)
        if got.count == 5, !got.contains(where: \.code), values[4] == 0x7E {
            return values[3] == 0x30 ? .paste(pastedText(resized: &resized)) : .strayEnd
        }
        // Put back in reverse: ncurses' input queue returns the last one pushed first.
        for r in got.reversed() {
            if r.code { ungetch(Int32(r.value)) } else { unget_wch(wchar_t(bitPattern: r.value)) }
        }
        return .none
    }

    /// The pasted text, up to the closing `ESC [201~`. A terminal that never sends it (or a paste that
    /// stalls) ends the paste after half a second of silence; past the longest prompt the text is only
    /// scanned for the end, not kept. A real end comes alone: text right behind an end (within 10 ms,
    /// the same burst) is the rest of the same paste, whose text held `ESC [201~` — the injection
    /// `x ESC[201~ q …` would otherwise quit the explorer and hand the rest to the shell.
    /// A resize during the paste is not lost with the keys: `resized` says so, and the frame is redrawn
    /// at the new size (it went on drawing the old one until the next real change).
    private func pastedText(resized: inout Bool) -> String {
        let closing: [wint_t] = [0x1B, 0x5B, 0x32, 0x30, 0x31, 0x7E]
        var text: [Unicode.Scalar] = []
        var tail: [wint_t] = []
        var wait: Int32 = 500
        while true {
            wtimeout(window, wait)
            guard let r = read() else { break }
            if r.code {  // a key sequence inside the paste: not text
                if Int32(r.value) == KEY_RESIZE { resized = true }
                continue
            }
            tail.append(r.value)
            if tail.count > closing.count { tail.removeFirst() }
            if tail == closing {
                text.removeLast(min(text.count, closing.count - 1))
                tail.removeAll()
                wait = 10
                continue
            }
            wait = 500
            if text.count < Terminal.pasteLimit, let scalar = Unicode.Scalar(UInt32(r.value)) { text.append(scalar) }
        }
        var out = ""
        out.unicodeScalars.append(contentsOf: text)
        return out
    }

    /// The most of a paste kept: twice the longest prompt (the prompt keeps what it holds).
    static let pasteLimit = 10_000

    /// The next key, or nil after the read timeout. `resized` is set on KEY_RESIZE.
    private func readKey(resized: inout Bool) -> Key? {
        var ch: wint_t = 0
        let status = wget_wch(window, &ch)
        if status == ERR { return nil }
        if status == KEY_CODE_YES {
            switch Int32(ch) {
            case KEY_RESIZE: resized = true; return nil
            case KEY_UP: return .up
            case KEY_DOWN: return .down
            case KEY_LEFT: return .left
            case KEY_RIGHT: return .right
            case KEY_PPAGE: return .pageUp
            case KEY_NPAGE: return .pageDown
            case KEY_HOME: return .home
            case KEY_END: return .end
            case KEY_BACKSPACE: return .backspace
            case KEY_ENTER: return .enter
            case KEY_BTAB: return .backTab
            default: return nil
            }
        }
        switch ch {
        case 10, 13: return .enter
        case 27: return .escape
        case 8, 127: return .backspace
        case 9: return .tab
        case 1...26: return .ctrl(Character(UnicodeScalar(UInt8(ch) + 96)))
        default:
            guard let scalar = UnicodeScalar(UInt32(ch)) else { return nil }
            return .char(Character(scalar))
        }
    }

    // MARK: Looks

    private func look(_ style: Style) -> (attr_t, Int16) {
        var attrs: attr_t = colours ? Terminal.colourAttributes(style.role) : Terminal.monochrome(style.role)
        if style.selected { attrs |= crossings_A_REVERSE }
        let pair: Int16 = colours ? Int16((Role.allCases.firstIndex(of: style.role) ?? 0) + 1) : 0
        return (attrs, pair)
    }

    /// Foreground and background of each role in colour (-1: the terminal's default).
    static func colour(_ role: Role) -> (Int16, Int16) {
        switch role {
        case .title, .tab: (Int16(COLOR_WHITE), Int16(COLOR_BLUE))
        case .activeTab: (Int16(COLOR_YELLOW), Int16(COLOR_BLUE))
        case .crumb: (Int16(COLOR_CYAN), -1)
        case .derived, .derivedBar: (Int16(COLOR_CYAN), -1)
        case .warning, .notice: (Int16(COLOR_RED), -1)
        case .bar: (Int16(COLOR_GREEN), -1)
        case .accent, .key: (Int16(COLOR_YELLOW), -1)
        case .status: (Int16(COLOR_BLACK), Int16(COLOR_WHITE))
        case .overlay, .overlayTitle: (Int16(COLOR_WHITE), Int16(COLOR_BLACK))
        default: (-1, -1)
        }
    }

    static func colourAttributes(_ role: Role) -> attr_t {
        switch role {
        case .header, .activeTab, .warning, .notice, .key, .overlayTitle, .crumb: crossings_A_BOLD
        case .dim: crossings_A_DIM
        default: attr_t(A_NORMAL)
        }
    }

    /// Without colours (a monochrome terminal, or NO_COLOR set): attributes only.
    static func monochrome(_ role: Role) -> attr_t {
        switch role {
        case .title, .tab, .status: crossings_A_REVERSE
        case .activeTab: crossings_A_REVERSE | crossings_A_BOLD
        case .header, .crumb, .warning, .notice, .key, .overlayTitle, .accent: crossings_A_BOLD
        case .dim, .derivedBar: crossings_A_DIM
        case .derived: crossings_A_UNDERLINE
        default: attr_t(A_NORMAL)
        }
    }
}
