import Foundation
#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif
// renameat2's exchange; absent where these files are compiled without the package (the fuzzing
// build), which then replaces with two renames.
#if canImport(CPlatform)
import CPlatform
#endif

/// Puts a written package in place so that no failure loses the package already there.
///
/// The files are written into a temporary folder beside the target (same file system), the
/// folder is loaded with `validate`, and only then renamed into place. Replacing a package
/// (`force`) exchanges the two folders in one step (renameat2 with RENAME_EXCHANGE on Linux,
/// renamex_np with RENAME_SWAP on macOS), so the target path always holds one whole package,
/// and then removes the old one. Where the file system cannot exchange (EINVAL, ENOSYS,
/// ENOTSUP), the old one is renamed aside and the new one renamed in, the old one renamed back
/// if that fails: the target is briefly missing, never mixed. A failure at any step leaves the
/// target exactly as it was and removes the temporary folder.
///
/// The target is checked with lstat (a symlink, even to a package, is refused), and what is
/// taken away from it must be the very folder that was checked (same device and inode): a
/// folder swapped for a symlink or another folder while the package was written is put back
/// and left alone, never removed.
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
        case makeTemporary, write(String), validate, exchange, moveOldAside, moveNewIn, removeOld
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
        if st.st_mode & S_IFMT == S_IFLNK {
            // Not followed: the package would be written wherever the link points, and a link swapped
            // mid-import could send it anywhere.
            throw Failure("\(target) is a symbolic link; give the folder itself (or another --into)")
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
        // The folder that was checked, so that no other one (swapped in since) is ever removed.
        let checked = identity(target)
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
        // mkdtemp makes the folder 0700; a package is for reading by others as any folder is (the umask decides).
        let mask = umask(0o022)
        umask(mask)
        chmod(temporary, 0o777 & ~mask)
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
            // One step: the new package in, the old one where the new one was.
            do {
                try fault(.exchange)
                try exchange(temporary, target)
            } catch let failure as POSIXFailure where [EINVAL, ENOSYS, ENOTSUP, EOPNOTSUPP].contains(failure.code) {
                // This file system cannot exchange: two renames.
                warnings += try replaceByRenaming(temporary, target, parent: parent, base: base, checked: checked, fault: fault)
                break
            } catch {
                throw Failure("\(target): cannot move the new package into place (\(errorText(error))); the old package is left as it was")
            }
            // What came out of the target must be the folder that was checked.
            guard checked != nil, identity(temporary) == checked else {
                do {
                    try exchange(temporary, target)
                } catch {
                    // Neither path holds only our package now: remove nothing.
                    installed = true
                    throw Failure("\(target) was replaced while the package was written, and could not be put back (\(errorText(error))): what was there is now in \(temporary), the new package in \(target)")
                }
                throw Failure("\(target) was replaced while the package was written (by a symlink or another folder); it is left as it is, and nothing was installed")
            }
            installed = true
            do {
                try fault(.removeOld)
                try FileManager.default.removeItem(atPath: temporary)
            } catch {
                warnings.append("\(temporary): cannot remove the replaced package (\(errorText(error))); remove it by hand")
            }
        }
        installed = true
        fsyncPath(parent)
        return (value, warnings)
    }

    /// Where the file system cannot exchange: the old package renamed aside (it must be the folder
    /// that was checked), the new one renamed in, the old one removed; the old one renamed back if
    /// the new one cannot go in. Returns warnings.
    private static func replaceByRenaming(_ temporary: String, _ target: String, parent: String, base: String,
                                          checked: FileIdentity?, fault: (Step) throws -> Void) throws -> [String] {
        let replaced = Failure("\(target) was replaced while the package was written (by a symlink or another folder); it is left as it is, and nothing was installed")
        // Checked before and after the rename: a symlink cannot be renamed over the folder made for it anyway.
        guard checked != nil, identity(target) == checked else { throw replaced }
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
        guard checked != nil, identity(aside) == checked else {
            do { try move(aside, target) } catch {
                throw Failure("\(target) was replaced while the package was written, and could not be put back (\(errorText(error))): what was there is now in \(aside)")
            }
            throw replaced
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
            return ["\(aside): cannot remove the replaced package (\(errorText(error))); remove it by hand"]
        }
        return []
    }

    /// A folder's device and inode, as lstat gives them (a symlink is not followed); nil for
    /// anything but a folder.
    struct FileIdentity: Equatable { var device: UInt64; var inode: UInt64 }

    static func identity(_ path: String) -> FileIdentity? {
        var st = stat()
        guard lstat(path, &st) == 0, st.st_mode & S_IFMT == S_IFDIR else { return nil }
        return FileIdentity(device: UInt64(st.st_dev), inode: UInt64(st.st_ino))
    }

    /// Swaps two existing paths in one step; POSIXFailure(ENOSYS) where that cannot be done.
    static func exchange(_ a: String, _ b: String) throws {
        #if canImport(CPlatform)
        if crossings_exchange_paths(a, b) != 0 { throw POSIXFailure(code: errno) }
        #else
        throw POSIXFailure(code: ENOSYS)
        #endif
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
        let opened: OpenedFile
        do { opened = try OpenedFile.open(path) } catch { throw Failure("\(path): cannot read the file (\(errorText(error.code)))") }
        defer { opened.close() }
        let fd = opened.fd
        guard opened.kind == .regular else {
            throw Failure("\(path): cannot read the file (\(opened.kind == .directory ? "it is a folder" : "not a regular file"))")
        }
        var bytes: [UInt8] = []
        bytes.reserveCapacity(opened.size)
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
