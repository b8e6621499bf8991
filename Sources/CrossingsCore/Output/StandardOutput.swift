#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// Standard output for the commands: written with `write(2)`, unbuffered by stdio, so that a
/// reader that has gone away (`crossings figures --format csv | head -1`) is noticed at once.
/// SIGPIPE is ignored (exit codes stay 0, 1 or 2), so a closed pipe is a failed write: after it,
/// `StandardOutput.closed` is true, nothing more is written, and a command that streams (one flow
/// at a time) stops working out rows nobody will read.
public enum StandardOutput {
    nonisolated(unsafe) public private(set) static var closed = false
    /// Why the write failed when it was not a reader leaving (EPIPE): a full disk, a closed descriptor.
    /// Output was lost, so the command must not report success (`main` exits 2 naming it).
    nonisolated(unsafe) public private(set) static var failure: String?

    /// Writes `text` and `terminator`; does nothing once a write has failed.
    public static func write(_ text: String, terminator: String = "\n") {
        guard !closed else { return }
        var bytes = Array(text.utf8)
        bytes += terminator.utf8
        if !writeAll(1, &bytes) {
            closed = true
            if errno != EPIPE { failure = String(cString: strerror(errno)) }
        }
    }
}
