import Foundation
#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// Puts a written package in place so that no failure loses the package already there.
///
/// The files are written into a temporary folder beside the target (same file system), the
/// folder is loaded with `validate`, and only then renamed into place. Replacing a package
/// (`force`) renames the old one aside, renames the new one in, and only then removes the old
/// one; if the new one cannot be renamed in, the old one is renamed back. A failure at any
/// step leaves the target exactly as it was and removes the temporary folder.
///
/// ```swift
/// let data = try PackageInstaller.install(files, into: "full", force: false) { try PackageLoader.load(directory: $0) }
/// ```
public enum PackageInstaller {
    /// A failure, said in one line that names the file or folder (no Foundation error dump).
    public struct Failure: Error, CustomStringConvertible {
        public var message: String
        /// Diagnostics of a written package that did not load (shown after the message).
        public var diagnostics: [Diagnostic] = []
        public init(_ message: String, diagnostics: [Diagnostic] = []) {
            self.message = message
            self.diagnostics = diagnostics
        }
        public var description: String { message }
    }

    /// The steps, for tests that make one of them fail (`fault`).
    public enum Step: Equatable, Sendable {
        case makeTemporary, write(String), validate, moveOldAside, moveNewIn, removeOld
    }

    /// What is at the target now.
    public enum Target: Equatable, Sendable { case missing, empty, package }

    /// Checks the target before anything is read or written: a non-empty folder is refused
    /// unless `force`, and even with `force` a folder that is not a data package (no
    /// datapackage.json) or a file is refused, so `--force` cannot remove something else.
    public static func check(_ target: String, force: Bool) throws(Failure) -> Target {
        var st = stat()
        if lstat(target, &st) != 0 {
            if errno == ENOENT { return .missing }
            throw Failure("\(target): \(errorText(errno))")
        }
        guard st.st_mode & S_IFMT == S_IFDIR else {
            throw Failure("\(target) exists and is not a folder; give another --into")
        }
        let entries: [String]
        do { entries = try FileManager.default.contentsOfDirectory(atPath: target) } catch {
            throw Failure("\(target): cannot list the folder (\(errorText(error)))")
        }
        if entries.isEmpty { return .empty }
        guard force else {
            throw Failure("\(target) is not empty; give --force to replace the package in it as a whole, or another --into")
        }
        guard entries.contains("datapackage.json") else {
            throw Failure("\(target) is not empty and holds no datapackage.json; --force replaces only a data package, so give another --into")
        }
        return .package
    }

    /// Writes `files` beside `target`, loads them with `validate`, and renames them into place.
    /// Returns what `validate` returned and warnings (an old package that could not be removed).
    public static func install<T>(_ files: [(name: String, text: String)], into target: String, force: Bool,
                                  fault: (Step) throws -> Void = { _ in },
                                  validate: (String) throws -> T) throws -> (value: T, warnings: [String]) {
        let target = target.count > 1 && target.hasSuffix("/") ? String(target.dropLast()) : target
        let prior = try check(target, force: force)
        let url = URL(fileURLWithPath: target)
        let parent = url.deletingLastPathComponent().path
        let base = url.lastPathComponent
        do {
            try FileManager.default.createDirectory(atPath: parent, withIntermediateDirectories: true)
        } catch {
            throw Failure("\(parent): cannot create the folder (\(errorText(error)))")
        }

        // The new package, beside the target.
        do { try fault(.makeTemporary) } catch { throw Failure("\(parent): cannot create a temporary folder (\(errorText(error)))") }
        var template = Array((parent as NSString).appendingPathComponent(".\(base).importing-XXXXXX").utf8CString)
        guard let made = mkdtemp(&template) else {
            throw Failure("\(parent): cannot create a temporary folder (\(errorText(errno)))")
        }
        let temporary = String(cString: made)
        var installed = false
        defer { if !installed { try? FileManager.default.removeItem(atPath: temporary) } }

        for file in files {
            let path = (temporary as NSString).appendingPathComponent(file.name)
            do {
                try fault(.write(file.name))
                try writeFile(path, file.text)
            } catch {
                throw Failure("\((target as NSString).appendingPathComponent(file.name)): cannot write the file (\(errorText(error))); \(describe(prior, target))")
            }
        }
        fsyncPath(temporary)

        let value: T
        do {
            try fault(.validate)
            value = try validate(temporary)
        } catch let failure as LoadFailure {
            throw Failure("the package written for \(target) does not load; \(describe(prior, target))",
                          diagnostics: failure.diagnostics)
        } catch {
            throw Failure("the package written for \(target) does not load (\(errorText(error))); \(describe(prior, target))")
        }

        var warnings: [String] = []
        switch prior {
        case .missing, .empty:
            // rename(2) replaces an empty folder in one step.
            do {
                try fault(.moveNewIn)
                try move(temporary, target)
            } catch {
                throw Failure("\(target): cannot move the new package into place (\(errorText(error))); \(describe(prior, target))")
            }
        case .package:
            var asideTemplate = Array((parent as NSString).appendingPathComponent(".\(base).replaced-XXXXXX").utf8CString)
            guard let asideMade = mkdtemp(&asideTemplate) else {
                throw Failure("\(parent): cannot create a temporary folder (\(errorText(errno))); the package in \(target) is left as it was")
            }
            let aside = String(cString: asideMade)
            do {
                try fault(.moveOldAside)
                try move(target, aside)  // over the empty folder just made
            } catch {
                rmdir(aside)
                throw Failure("\(target): cannot move the old package aside (\(errorText(error))); it is left as it was")
            }
            do {
                try fault(.moveNewIn)
                try move(temporary, target)
            } catch {
                let reason = errorText(error)
                do {
                    try move(aside, target)
                } catch {
                    throw Failure("\(target): cannot move the new package into place (\(reason)), nor the old one back (\(errorText(error))): the old package is in \(aside)")
                }
                throw Failure("\(target): cannot move the new package into place (\(reason)); the old package is left as it was")
            }
            do {
                try fault(.removeOld)
                try FileManager.default.removeItem(atPath: aside)
            } catch {
                warnings.append("\(aside): cannot remove the replaced package (\(errorText(error))); remove it by hand")
            }
        }
        installed = true
        fsyncPath(parent)
        return (value, warnings)
    }

    private static func describe(_ prior: Target, _ target: String) -> String {
        switch prior {
        case .missing: "nothing was written to \(target)"
        case .empty: "\(target) is left as it was"
        case .package: "the package in \(target) is left as it was"
        }
    }

    struct POSIXFailure: Error { var code: Int32 }

    private static func move(_ from: String, _ to: String) throws {
        if rename(from, to) != 0 { throw POSIXFailure(code: errno) }
    }

    /// Writes a whole file and flushes it to disk, with errno on failure.
    static func writeFile(_ path: String, _ text: String) throws {
        let fd = open(path, O_WRONLY | O_CREAT | O_EXCL | O_CLOEXEC, 0o644)
        guard fd >= 0 else { throw POSIXFailure(code: errno) }
        var failure: Int32 = 0
        var text = text
        text.withUTF8 { bytes in
            var offset = 0
            while offset < bytes.count {
                let n = write(fd, bytes.baseAddress! + offset, bytes.count - offset)
                if n < 0 {
                    if errno == EINTR { continue }
                    failure = errno
                    return
                }
                offset += n
            }
        }
        if failure == 0, fsync(fd) != 0 { failure = errno }
        if close(fd) != 0, failure == 0 { failure = errno }
        if failure != 0 { throw POSIXFailure(code: failure) }
    }

    private static func fsyncPath(_ path: String) {
        let fd = open(path, O_RDONLY | O_DIRECTORY | O_CLOEXEC)
        if fd >= 0 { _ = fsync(fd); close(fd) }
    }

    static func errorText(_ code: Int32) -> String { String(cString: strerror(code)).lowercased() }

    /// One short phrase for an error: strerror for a POSIX code (also inside a Foundation
    /// error), never the whole NSError.
    static func errorText(_ error: Error) -> String {
        if let p = error as? POSIXFailure { return errorText(p.code) }
        if let f = error as? Failure { return f.message }
        let ns = error as NSError
        if ns.domain == NSPOSIXErrorDomain { return errorText(Int32(ns.code)) }
        if let underlying = ns.userInfo[NSUnderlyingErrorKey] as? NSError, underlying.domain == NSPOSIXErrorDomain {
            return errorText(Int32(underlying.code))
        }
        if ns.domain == NSCocoaErrorDomain {
            switch ns.code {
            case NSFileNoSuchFileError, NSFileReadNoSuchFileError: return errorText(ENOENT)
            case NSFileWriteNoPermissionError, NSFileReadNoPermissionError: return errorText(EACCES)
            case NSFileWriteOutOfSpaceError: return errorText(ENOSPC)
            case NSFileWriteVolumeReadOnlyError: return errorText(EROFS)
            case NSFileWriteFileExistsError: return errorText(EEXIST)
            default: break
            }
        }
        return "\(error)".split(separator: "\n").first.map(String.init) ?? "failed"
    }

    /// Reads a whole input file, refusing anything but a regular file (a FIFO would block),
    /// with a one-line reason naming it.
    public static func readInput(_ path: String) throws(Failure) -> [UInt8] {
        let fd = open(path, O_RDONLY | O_NONBLOCK | O_CLOEXEC)
        guard fd >= 0 else { throw Failure("\(path): cannot read the file (\(errorText(errno)))") }
        defer { close(fd) }
        var st = stat()
        guard fstat(fd, &st) == 0 else { throw Failure("\(path): cannot read the file (\(errorText(errno)))") }
        guard st.st_mode & S_IFMT == S_IFREG else {
            throw Failure("\(path): cannot read the file (\(st.st_mode & S_IFMT == S_IFDIR ? "it is a folder" : "not a regular file"))")
        }
        var bytes: [UInt8] = []
        bytes.reserveCapacity(Int(st.st_size))
        var chunk = [UInt8](repeating: 0, count: 1 << 16)
        while true {
            let n = chunk.withUnsafeMutableBytes { read(fd, $0.baseAddress!, $0.count) }
            if n < 0 {
                if errno == EINTR { continue }
                throw Failure("\(path): cannot read the file (\(errorText(errno)))")
            }
            if n == 0 { break }
            bytes.append(contentsOf: chunk[0..<n])
        }
        return bytes
    }
}
