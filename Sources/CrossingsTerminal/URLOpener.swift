import CrossingsCore
import CrossingsUI
import Foundation

/// `O`'s effect (`Effect.openURL`): hands a checked http(s) URL to `xdg-open` (Linux) or `open`
/// (macOS) found on PATH, else copies it, and says which as the action to feed back.
///
/// The program is started with posix_spawn and an argument vector (never through a shell), with
/// stdin, stdout and stderr on /dev/null (it cannot read keys or draw over the explorer), in its
/// own process group (Ctrl-C and Ctrl-Z in the explorer do not reach it), signals at their
/// defaults; a thread reaps it. The explorer does not wait for it.
public enum URLOpener {
    #if os(macOS)
    public static let programName = "open"
    #else
    public static let programName = "xdg-open"
    #endif

    /// The first executable `name` in the PATH's directories (empty entries and relative
    /// directories skipped: the working directory is not searched).
    public static func find(_ name: String, path: String?) -> String? {
        for dir in (path ?? "").split(separator: ":", omittingEmptySubsequences: true) where dir.hasPrefix("/") {
            let candidate = dir.hasSuffix("/") ? "\(dir)\(name)" : "\(dir)/\(name)"
            var isDir: ObjCBool = false
            if FileManager.default.fileExists(atPath: candidate, isDirectory: &isDir), !isDir.boolValue,
               access(candidate, X_OK) == 0 {
                return candidate
            }
        }
        return nil
    }

    /// Opens `url`, or copies it with `copy` when there is no program; checks it again first (the
    /// effect may come from anywhere). The returned action goes to the status line.
    public static func perform(_ url: String, environment: [String: String] = ProcessInfo.processInfo.environment,
                               copy: (String) -> Void) -> Action {
        let checked: String
        switch LinkCheck.check(url) {
        case .success(let u): checked = u
        case .failure(let refusal): return .urlRefused(refusal.reason)
        }
        guard let program = find(programName, path: environment["PATH"]) else {
            copy(checked)
            return .urlCopied(checked)
        }
        if let error = spawnDetached(program, [programName, checked]) {
            return .urlRefused("cannot start \(program): \(error)")
        }
        return .urlOpened(checked, by: programName)
    }

    /// Starts `path` with `argv`; nil, or why it could not.
    static func spawnDetached(_ path: String, _ argv: [String]) -> String? {
        var actions = posix_spawn_file_actions_t()
        posix_spawn_file_actions_init(&actions)
        defer { posix_spawn_file_actions_destroy(&actions) }
        posix_spawn_file_actions_addopen(&actions, 0, "/dev/null", O_RDONLY, 0)
        posix_spawn_file_actions_addopen(&actions, 1, "/dev/null", O_WRONLY, 0)
        posix_spawn_file_actions_addopen(&actions, 2, "/dev/null", O_WRONLY, 0)
        var attributes = posix_spawnattr_t()
        posix_spawnattr_init(&attributes)
        defer { posix_spawnattr_destroy(&attributes) }
        var empty = sigset_t()
        sigemptyset(&empty)
        var all = sigset_t()
        sigfillset(&all)
        posix_spawnattr_setsigmask(&attributes, &empty)
        posix_spawnattr_setsigdefault(&attributes, &all)
        posix_spawnattr_setpgroup(&attributes, 0)
        posix_spawnattr_setflags(&attributes, Int16(POSIX_SPAWN_SETPGROUP | POSIX_SPAWN_SETSIGMASK | POSIX_SPAWN_SETSIGDEF))
        var cArgs: [UnsafeMutablePointer<CChar>?] = argv.map { strdup($0) } + [nil]
        defer { for p in cArgs { free(p) } }
        var pid: pid_t = 0
        let rc = posix_spawn(&pid, path, &actions, &attributes, &cArgs, environ)
        guard rc == 0 else { return String(cString: strerror(rc)) }
        // Reaped when it ends, so it leaves no zombie; nothing waits for it.
        let child = pid
        Thread.detachNewThread {
            var status: Int32 = 0
            while waitpid(child, &status, 0) == -1 && errno == EINTR {}
        }
        return nil
    }
}
