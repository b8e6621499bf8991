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
