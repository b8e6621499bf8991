#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif
import Foundation

/// A file opened for reading without blocking, with what kind of file it turned out to be.
///
/// Every path crossings reads from a user (a package's files, a draft, an import's input) is opened
/// this one way: with O_NONBLOCK, because a plain open of a named pipe nobody writes to waits for
/// ever; then the descriptor is fstat'ed, because what the path named before the open may not be
/// what was opened. Each caller decides what it accepts: a package file and an import input only a
/// regular file, a draft also a pipe or a device (read up to a limit).
public struct OpenedFile: Sendable {
    public let fd: Int32
    public let kind: Kind
    /// The size fstat gives; meaningful for a regular file only.
    public let size: Int

    /// What a file is, as far as reading it goes.
    public enum Kind: Sendable, Equatable {
        case regular, directory, namedPipe, device, socket, special

        public init(mode: mode_t) {
            switch mode & S_IFMT {
            case S_IFREG: self = .regular
            case S_IFDIR: self = .directory
            case S_IFIFO: self = .namedPipe
            case S_IFCHR, S_IFBLK: self = .device
            case S_IFSOCK: self = .socket
            default: self = .special
            }
        }

        /// "a directory", "a named pipe (FIFO)", …, for messages; nil for a regular file.
        public var name: String? {
            switch self {
            case .regular: nil
            case .directory: "a directory"
            case .namedPipe: "a named pipe (FIFO)"
            case .device: "a device"
            case .socket: "a socket"
            case .special: "a special file"
            }
        }
    }

    /// Why a file could not be opened or stat'ed: the errno, which each caller words its own way.
    public struct Failure: Error, Sendable {
        public var code: Int32
        /// The system's words for it ("No such file or directory").
        public var reason: String { String(cString: strerror(code)) }
        /// The file (or a folder on its path) does not exist.
        public var isMissing: Bool { code == ENOENT || code == ENOTDIR }
    }

    /// Opens `path` read-only, close-on-exec and without blocking, and fstat's what was opened.
    /// With `noFollow`, a symbolic link in the path's last part is refused (errno ELOOP).
    /// The descriptor stays non-blocking until `makeBlocking()`; the caller closes it.
    public static func open(_ path: String, noFollow: Bool = false) throws(Failure) -> OpenedFile {
        #if canImport(Glibc)
        let fd = Glibc.open(path, O_RDONLY | O_NONBLOCK | O_CLOEXEC | (noFollow ? O_NOFOLLOW : 0))
        #else
        let fd = Darwin.open(path, O_RDONLY | O_NONBLOCK | O_CLOEXEC | (noFollow ? O_NOFOLLOW : 0))
        #endif
        guard fd >= 0 else { throw Failure(code: errno) }
        var st = stat()
        guard fstat(fd, &st) == 0 else {
            let code = errno
            _ = closeDescriptor(fd)
            throw Failure(code: code)
        }
        return OpenedFile(fd: fd, kind: Kind(mode: st.st_mode), size: Int(st.st_size))
    }

    /// Waits up to `seconds` for something to read (a named pipe's writer to start); false when nothing came.
    public func waitForInput(seconds: Int) -> Bool {
        var p = pollfd(fd: fd, events: Int16(POLLIN), revents: 0)
        var ready: Int32
        repeat { ready = poll(&p, 1, Int32(seconds * 1000)) } while ready < 0 && errno == EINTR
        return ready != 0
    }

    /// Reads block from now on: a pipe's reader then waits for its writer instead of seeing no data.
    public func makeBlocking() {
        _ = fcntl(fd, F_SETFL, fcntl(fd, F_GETFL) & ~O_NONBLOCK)
    }

    public func close() { _ = Self.closeDescriptor(fd) }

    private static func closeDescriptor(_ fd: Int32) -> Int32 {
        #if canImport(Glibc)
        Glibc.close(fd)
        #else
        Darwin.close(fd)
        #endif
    }
}
