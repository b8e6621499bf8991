import CNCursesW
import CrossingsCore
import CrossingsUI
import Foundation
import Synchronization

/// The full-screen explorer: a loop that reads keys, runs the pure `update`,
/// and draws what `render` returns.
enum Explorer {
    /// Runs until `q` or a signal; returns the exit status (0, or 128 + signal).
    /// Lines copied with `y` are printed after the terminal is restored.
    static func run(_ dataset: Dataset) -> Int32 {
        setlocale(LC_ALL, "")
        Signals.install()
        let library = Library(dataset)
        guard let terminal = Terminal() else {
            printError("crossings: cannot open the explorer on this terminal (TERM=\(visible(ProcessInfo.processInfo.environment["TERM"] ?? "")))")
            print(Overview.text(dataset))
            return 2
        }
        var state = State(library: library, size: terminal.size)
        var copiedSoFar = 0
        var dirty = true
        var status: Int32 = 0
        while true {
            let sig = pendingQuit.load(ordering: .relaxed)
            if sig != 0 { status = 128 + sig; break }
            if pendingSuspend.exchange(0, ordering: .relaxed) != 0 {
                terminal.suspend()
                Signals.stopUntilContinued()
                terminal.resume()
                state = update(state, .resize(terminal.size))
                dirty = true
            }
            if dirty {
                terminal.draw(render(state, state.size))
                dirty = false
            }
            var resized = false
            let key = terminal.readKey(resized: &resized)
            if resized {
                terminal.invalidate()
                state = update(state, .resize(terminal.size))
                dirty = true
            }
            guard let key else { continue }
            state = update(state, .key(key))
            dirty = true
            if state.copied.count > copiedSoFar {
                for line in state.copied[copiedSoFar...] { copyToClipboard(line) }
                copiedSoFar = state.copied.count
            }
            if state.quit { break }
        }
        terminal.close()
        for line in state.copied { print("Copied: \(line)") }
        return status
    }

    /// OSC 52: asks the terminal to put the text on its clipboard. Terminals
    /// without support ignore it; the line is printed on exit as well.
    static func copyToClipboard(_ text: String) {
        let payload = Data(text.utf8).base64EncodedString()
        let sequence = Array("\u{1B}]52;c;\(payload)\u{07}".utf8)
        sequence.withUnsafeBytes { buffer in
            guard let base = buffer.baseAddress else { return }
            var offset = 0
            while offset < buffer.count {
                let n = write(1, base + offset, buffer.count - offset)
                if n <= 0 { break }
                offset += n
            }
        }
    }
}
