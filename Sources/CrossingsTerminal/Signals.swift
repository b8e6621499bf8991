import CNCursesW
import Foundation
import Synchronization

/// Signals the explorer handles itself, so that every way out restores the
/// terminal: the handlers only set a flag; the read loop (which wakes at least
/// every 100 ms) sees it, calls endwin, and exits 128 + the signal.
enum Signals {

    static func install() {
        // Touch the globals before any handler can run: their lazy
        // initialisation must not happen inside a signal handler.
        _ = pendingQuit.load(ordering: .relaxed)
        _ = pendingSuspend.load(ordering: .relaxed)
        // SIGQUIT (Ctrl-\) too: without a handler Swift's crash reporter draws over the screen.
        for sig in [SIGINT, SIGTERM, SIGHUP, SIGQUIT] {
            set(sig, onQuitSignal)
        }
        set(SIGTSTP, onSuspendSignal)
    }

    /// Installs a handler without SA_RESTART, so a blocked read returns at once.
    static func set(_ sig: Int32, _ handler: @convention(c) (Int32) -> Void) {
        var action = sigaction()
        action.__sigaction_handler.sa_handler = handler
        sigemptyset(&action.sa_mask)
        action.sa_flags = 0
        sigaction(sig, &action, nil)
    }

    static func reset(_ sig: Int32) {
        var action = sigaction()
        action.__sigaction_handler.sa_handler = SIG_DFL
        sigemptyset(&action.sa_mask)
        sigaction(sig, &action, nil)
    }

    /// Stops the process (as Ctrl-Z would without a handler) until `fg`.
    static func stopUntilContinued() {
        reset(SIGTSTP)
        var unblock = sigset_t()
        sigemptyset(&unblock)
        sigaddset(&unblock, SIGTSTP)
        sigprocmask(SIG_UNBLOCK, &unblock, nil)
        raise(SIGTSTP)
        // Running again after SIGCONT.
        set(SIGTSTP, onSuspendSignal)
    }
}

/// The last SIGINT, SIGTERM, SIGHUP or SIGQUIT received; 0 for none.
let pendingQuit = Atomic<Int32>(0)
/// Set by Ctrl-Z (SIGTSTP): suspend at the next turn of the loop.
let pendingSuspend = Atomic<Int32>(0)

func onQuitSignal(_ sig: Int32) { pendingQuit.store(sig, ordering: .relaxed) }
func onSuspendSignal(_: Int32) { pendingSuspend.store(1, ordering: .relaxed) }

/// A crash inside the explorer (a Swift trap in update or render is SIGILL or SIGTRAP; a bad
/// pointer SIGSEGV or SIGBUS; SIGFPE, SIGABRT) while it owns the terminal: the handler puts the
/// terminal back as it found it, says so in one line, and dies of the same signal, so the exit
/// status (128 + signal) and any core dump stay truthful.
///
/// A signal handler may make only async-signal-safe calls: this one calls tcsetattr, write,
/// sigaction, sigprocmask, raise and _exit, on memory prepared before it is installed (the
/// termios saved before ncurses changed anything, the bytes that leave the alternate screen),
/// and allocates nothing, takes no lock and touches no Swift object.
enum FatalSignals {
    static let handled: [Int32] = [SIGILL, SIGTRAP, SIGSEGV, SIGBUS, SIGFPE, SIGABRT]

    /// What the handler reads, in memory allocated once and never freed.
    struct State {
        /// The terminal's modes before ncurses changed them, for `fd` (nil: not a terminal).
        var termios: UnsafeMutablePointer<termios>
        var haveTermios = false
        var fd: Int32 = -1
        /// Written to `output`: reset attributes, keypad off, cursor visible, normal screen.
        var restore: UnsafeMutablePointer<UInt8>
        var restoreCount = 0
        var output: Int32 = 1
        /// "crossings: internal error (signal " … "); the terminal was restored. …\n"
        var before: UnsafeMutablePointer<UInt8>
        var beforeCount = 0
        var after: UnsafeMutablePointer<UInt8>
        var afterCount = 0
        var digits: UnsafeMutablePointer<UInt8>
        /// The actions in place before ours, put back when the explorer lets go of the terminal.
        var previous: UnsafeMutablePointer<sigaction>
        var installed = false
    }

    nonisolated(unsafe) static let state: UnsafeMutablePointer<State> = {
        let s = UnsafeMutablePointer<State>.allocate(capacity: 1)
        func bytes(_ text: String) -> (UnsafeMutablePointer<UInt8>, Int) {
            let b = Array(text.utf8)
            let p = UnsafeMutablePointer<UInt8>.allocate(capacity: max(b.count, 1))
            p.initialize(from: b, count: b.count)
            return (p, b.count)
        }
        let before = bytes("crossings: internal error (signal ")
        let after = bytes("); the terminal was restored. Please report it, with what you did just before.\n")
        s.initialize(to: State(termios: .allocate(capacity: 1), restore: .allocate(capacity: 256),
                               before: before.0, beforeCount: before.1, after: after.0, afterCount: after.1,
                               digits: .allocate(capacity: 8), previous: .allocate(capacity: 64)))
        s.pointee.termios.initialize(to: termios())
        s.pointee.previous.initialize(repeating: sigaction(), count: 64)
        return s
    }()

    /// Before ncurses touches the terminal: its modes, to be put back by the handler.
    static func saveModes(of fd: Int32) {
        let s = state
        s.pointee.fd = fd
        s.pointee.haveTermios = tcgetattr(fd, s.pointee.termios) == 0
    }

    /// Once ncurses has read the terminal's description: the bytes that undo what the explorer
    /// turned on (sgr0, rmkx, cnorm, bracketed paste, rmcup), or the xterm ones where the description has none.
    static func prepareRestore(output: Int32) {
        func capability(_ name: String, _ fallback: String) -> [UInt8] {
            guard let p = tigetstr(name), Int(bitPattern: p) != -1 else { return Array(fallback.utf8) }
            return stripPadding(Array(String(cString: p).utf8))
        }
        // Bracketed paste off too (Terminal turns it on): a shell left in it would wrap pastes in `ESC [200~`.
        let bytes = capability("sgr0", "\u{1B}[m") + capability("rmkx", "") + capability("cnorm", "\u{1B}[?25h")
            + Array("\u{1B}[?2004l".utf8) + capability("rmcup", "\u{1B}[?1049l")
        let s = state
        s.pointee.restoreCount = min(bytes.count, 256)
        s.pointee.restore.update(from: bytes, count: s.pointee.restoreCount)
        s.pointee.output = output
    }

    /// terminfo padding (`$<5>`, `$<2*/>`) is for tputs, not for the terminal.
    static func stripPadding(_ b: [UInt8]) -> [UInt8] {
        var out: [UInt8] = []
        var i = 0
        while i < b.count {
            if b[i] == UInt8(ascii: "$"), i + 1 < b.count, b[i + 1] == UInt8(ascii: "<"),
               let close = b[(i + 2)...].firstIndex(of: UInt8(ascii: ">")) {
                i = close + 1
                continue
            }
            out.append(b[i])
            i += 1
        }
        return out
    }

    /// While the explorer owns the terminal (from newterm to endwin, and again after a resume).
    static func install() {
        let s = state
        guard !s.pointee.installed else { return }
        // An alternate stack, so that a stack overflow's SIGSEGV can still be handled (once, for the main thread).
        if !altStackReady {
            var stack = stack_t()
            let size = 64 << 10
            stack.ss_sp = UnsafeMutableRawPointer.allocate(byteCount: size, alignment: 16)
            stack.ss_size = size
            stack.ss_flags = 0
            sigaltstack(&stack, nil)
            altStackReady = true
        }
        for sig in handled {
            var action = sigaction()
            action.__sigaction_handler.sa_handler = onFatalSignal
            sigemptyset(&action.sa_mask)
            // Other signals wait while the terminal is being put back.
            for other in handled + [SIGINT, SIGTERM, SIGHUP, SIGQUIT, SIGTSTP] where other != sig { sigaddset(&action.sa_mask, other) }
            action.sa_flags = Int32(SA_ONSTACK)
            sigaction(sig, &action, s.pointee.previous + Int(sig))
        }
        s.pointee.installed = true
    }

    /// The explorer gave the terminal back (it quit, or is suspended): the actions before ours return.
    static func uninstall() {
        let s = state
        guard s.pointee.installed else { return }
        for sig in handled { sigaction(sig, s.pointee.previous + Int(sig), nil) }
        s.pointee.installed = false
    }

    nonisolated(unsafe) static var altStackReady = false
}

/// The fatal-signal handler: async-signal-safe calls only (see `FatalSignals`).
func onFatalSignal(_ sig: Int32) {
    let s = FatalSignals.state
    if s.pointee.haveTermios { _ = tcsetattr(s.pointee.fd, TCSANOW, s.pointee.termios) }
    writeAll(s.pointee.output, s.pointee.restore, s.pointee.restoreCount)
    writeAll(2, s.pointee.before, s.pointee.beforeCount)
    // The signal's number, in decimal, without formatting calls.
    var n = Int(sig), count = 0
    repeat {
        s.pointee.digits[count] = UInt8(48 + n % 10)
        n /= 10
        count += 1
    } while n > 0 && count < 8
    var i = 0, j = count - 1
    while i < j { let t = s.pointee.digits[i]; s.pointee.digits[i] = s.pointee.digits[j]; s.pointee.digits[j] = t; i += 1; j -= 1 }
    writeAll(2, s.pointee.digits, count)
    writeAll(2, s.pointee.after, s.pointee.afterCount)
    // Die of the same signal: the default action, unblocked, raised again. (A fault re-raises on
    // return anyway; a signal sent with kill does not.)
    var action = sigaction()
    action.__sigaction_handler.sa_handler = SIG_DFL
    sigemptyset(&action.sa_mask)
    action.sa_flags = 0
    sigaction(sig, &action, nil)
    var unblock = sigset_t()
    sigemptyset(&unblock)
    sigaddset(&unblock, sig)
    sigprocmask(SIG_UNBLOCK, &unblock, nil)
    raise(sig)
    _exit(128 + sig)
}

/// write(2) until done or an error, for the handler.
func writeAll(_ fd: Int32, _ p: UnsafeMutablePointer<UInt8>, _ count: Int) {
    var offset = 0
    while offset < count {
        let n = write(fd, p + offset, count - offset)
        if n > 0 { offset += n } else if n < 0 && errno == EINTR { continue } else { break }
    }
}
