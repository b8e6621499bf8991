#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// Writes one line (a newline added when missing) to standard error, where every command's errors
/// go: the CLI's and the explorer backend's alike.
///
/// With `write(2)`, not `FileHandle.write`, which traps when the write fails: a closed, full or
/// broken standard error (`2>&-`, `2>/dev/full`, `2>&1 | head -1`) must not turn an error message
/// into a crash (exit 132) in place of the documented exit status. What cannot be written is lost;
/// the exit status still says what happened.
public func printError(_ text: String) {
    var bytes = Array((text.hasSuffix("\n") ? text : text + "\n").utf8)
    writeAll(2, &bytes)
}

/// Writes every byte to `fd`, retrying on EINTR and short writes; false when the write fails
/// (EPIPE, EBADF, ENOSPC…), with nothing more attempted.
@discardableResult
public func writeAll(_ fd: Int32, _ bytes: inout [UInt8]) -> Bool {
    var offset = 0
    while offset < bytes.count {
        let n = bytes.withUnsafeBytes { write(fd, $0.baseAddress! + offset, $0.count - offset) }
        if n > 0 { offset += n; continue }
        if n < 0, errno == EINTR { continue }
        return false
    }
    return true
}
