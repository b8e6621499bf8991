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

    /// Maps a file read-only; nil when it cannot be opened.
    public init?(mapping path: String) {
        let fd = open(path, O_RDONLY)
        guard fd >= 0 else { return nil }
        defer { close(fd) }
        var st = stat()
        guard fstat(fd, &st) == 0, (st.st_mode & S_IFMT) == S_IFREG else { return nil }
        let size = Int(st.st_size)
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
