#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif
import Foundation

/// A file's bytes: mapped from disk (pages already read can be handed back to
/// the kernel, so a large file does not stay resident), or held in memory.
public final class FileBytes: @unchecked Sendable {
    public let buffer: UnsafeBufferPointer<UInt8>
    private let owned: UnsafeMutableBufferPointer<UInt8>?
    private let mapped: UnsafeMutableRawPointer?

    public init(_ bytes: [UInt8]) {
        let copy = UnsafeMutableBufferPointer<UInt8>.allocate(capacity: max(1, bytes.count))
        _ = copy.initialize(from: bytes)
        owned = copy
        mapped = nil
        buffer = UnsafeBufferPointer(start: copy.baseAddress, count: bytes.count)
    }

    /// Maps a file read-only; nil when it is missing or is not a regular file.
    public convenience init?(mapping path: String) {
        guard let opened = try? FileBytes.openRegular(path) else { return nil }
        self.init(fd: opened.fd, size: opened.size)
        close(opened.fd)
    }

    /// Maps a regular file read-only: nil when it does not exist; `FileRefusal` when it is
    /// anything else (a FIFO, a device, a socket, a directory) or cannot be read. Never blocks:
    /// the file is stat'ed before it is opened, opened with O_NONBLOCK, and fstat'ed again.
    ///
    /// With `inside`, the file opened must lie in that folder (a path with every symlink resolved):
    /// it is opened without following a symlink in its last part, and where the system says which
    /// file a descriptor is (Linux: /proc/self/fd), that file is checked too. A package's file is
    /// resolved and checked first, and this closes the gap between the check and the open, in which
    /// someone who can write to the folder could swap the file for a symlink to another.
    public static func regularFile(_ path: String, inside: String? = nil) throws -> FileBytes? {
        guard let opened = try openRegular(path, noFollow: inside != nil) else { return nil }
        if let inside, let actual = openedPath(opened.fd), !(actual == inside || actual.hasPrefix(inside == "/" ? "/" : inside + "/")) {
            close(opened.fd)
            throw FileRefusal(reason: "lies outside the package folder once symlinks are followed (it changed while it was opened); a package may name only its own files")
        }
        defer { close(opened.fd) }
        guard let bytes = FileBytes(fd: opened.fd, size: opened.size) else {
            throw FileRefusal(reason: "cannot be mapped (\(String(cString: strerror(errno))))")
        }
        return bytes
    }

    /// The path of the file an open descriptor is, where the system says (nil elsewhere).
    static func openedPath(_ fd: Int32) -> String? {
        var buffer = [CChar](repeating: 0, count: Int(PATH_MAX) + 1)
        let n = readlink("/proc/self/fd/\(fd)", &buffer, Int(PATH_MAX))
        guard n > 0 else { return nil }
        return String(decoding: buffer[0..<n].map { UInt8(bitPattern: $0) }, as: UTF8.self)
    }

    private static func openRegular(_ path: String, noFollow: Bool = false) throws -> (fd: Int32, size: Int)? {
        // Stat'ed before the open too: a FIFO or a device named by a package is not even opened.
        var st = stat()
        if stat(path, &st) != 0 {
            if errno == ENOENT || errno == ENOTDIR { return nil }
            throw FileRefusal(reason: "cannot be read (\(String(cString: strerror(errno))))")
        }
        if let kind = OpenedFile.Kind(mode: st.st_mode).name { throw FileRefusal(reason: "is \(kind), not a regular file") }
        let opened: OpenedFile
        do { opened = try OpenedFile.open(path, noFollow: noFollow) } catch {
            if error.isMissing { return nil }
            if noFollow && error.code == ELOOP {
                throw FileRefusal(reason: "became a symbolic link while it was opened; a package may name only its own files")
            }
            throw FileRefusal(reason: "cannot be read (\(error.reason))")
        }
        if let kind = opened.kind.name {
            opened.close()
            throw FileRefusal(reason: "is \(kind), not a regular file")
        }
        return (opened.fd, opened.size)
    }

    /// Maps `size` bytes of an open regular file (an empty file maps to an empty buffer).
    private init?(fd: Int32, size: Int) {
        owned = nil
        if size == 0 {
            mapped = nil
            buffer = UnsafeBufferPointer(start: nil, count: 0)
            return
        }
        guard let p = mmap(nil, size, PROT_READ, MAP_PRIVATE, fd, 0), p != MAP_FAILED else { return nil }
        _ = madvise(p, size, MADV_SEQUENTIAL)
        mapped = p
        buffer = UnsafeBufferPointer(start: p.assumingMemoryBound(to: UInt8.self), count: size)
    }

    deinit {
        if let mapped { munmap(mapped, buffer.count) }
        owned?.deallocate()
    }

    public var count: Int { buffer.count }

    /// Lets the kernel drop the pages of [from, upTo): they have been read and will not be again.
    /// Threads reading different parts of the file may call it at once.
    public func discard(from start: Int, upTo offset: Int) {
        guard let mapped else { return }
        let page = Int(sysconf(Int32(_SC_PAGESIZE)))
        let first = ((start + page - 1) / page) * page, end = (offset / page) * page
        guard end > first else { return }
        _ = madvise(mapped + first, end - first, MADV_DONTNEED)
    }
}

/// A file a package names that crossings will not read, and why ("is a directory, not a regular file").
public struct FileRefusal: Error, Sendable {
    public var reason: String
    public init(reason: String) { self.reason = reason }
}
