import CNCursesW
import CrossingsCore
import CrossingsUI
import Foundation
import Synchronization

/// The full-screen explorer: a loop that reads keys, runs the pure `update`,
/// and draws what `render` returns.
public enum Explorer {
    /// Loads the data package on a background thread (with a progress screen when that takes
    /// more than 200 ms; q and Ctrl-C still quit), then runs until `q` or a signal.
    /// Returns the exit status (0, or 128 + signal); rethrows the load's error once the
    /// terminal is restored. Lines copied with `y` are printed after the terminal is restored.
    public static func run(origin: String, load: @escaping @Sendable (@escaping @Sendable (LoadProgress) -> Void) throws -> Dataset) throws -> Int32 {
        setlocale(LC_ALL, "")
        Signals.install()
        let job = LoadJob(origin: origin)
        let thread = Thread {
            do {
                let dataset = try load { job.report($0) }
                job.report(phase: "preparing the explorer")
                let library = Library(dataset)
                // The shelf first: what `warm` works out goes on it, and is not worked out again ahead.
                let prefetch = RankingPrefetch(library)
                library.warm()
                job.finish(.success(LoadedData(dataset: dataset, library: library, prefetch: prefetch)))
            } catch {
                job.finish(.failure(error))
            }
        }
        thread.stackSize = 8 << 20
        thread.start()

        // Most packages load at once: no progress screen for them.
        var terminal: Terminal?
        let start = DispatchTime.now().uptimeNanoseconds
        while !job.isDone && DispatchTime.now().uptimeNanoseconds - start < 200_000_000 {
            let sig = pendingQuit.load(ordering: .relaxed)
            if sig != 0 { return 128 + sig }
            job.wait(milliseconds: 10)
        }
        if !job.isDone {
            guard let t = Terminal() else { return try noTerminal(job) }
            terminal = t
            var drawn: LoadingInfo?
            while !job.isDone {
                let sig = pendingQuit.load(ordering: .relaxed)
                if sig != 0 { t.close(); return 128 + sig }
                if pendingSuspend.exchange(0, ordering: .relaxed) != 0 {
                    t.suspend()
                    Signals.stopUntilContinued()
                    t.resume()
                    drawn = nil
                }
                let info = job.info
                if info != drawn {
                    t.draw(renderLoading(info, t.size))
                    drawn = info
                }
                var resized = false
                // A paste while loading is nothing to act on (and its letters are no `q`).
                let input = t.readInput(resized: &resized)
                if resized { t.invalidate(); drawn = nil }
                if input == .key(.char("q")) { t.close(); return 0 }
            }
        }
        let loaded: LoadedData
        switch job.result {
        case .success(let l)?: loaded = l
        case .failure(let error)?:
            terminal?.close()
            throw error
        case nil: return 2
        }
        if terminal == nil {
            guard let t = Terminal() else {
                printError(wrappedProse("crossings: cannot open the explorer on this terminal (TERM=\(visible(ProcessInfo.processInfo.environment["TERM"] ?? "")))", width: terminalWidth()))
                print(Overview.text(loaded.dataset, width: terminalWidth()))
                return 2
            }
            terminal = t
        }
        guard let terminal else { return 2 }
        terminal.invalidate()
        return browse(loaded.library, prefetch: loaded.prefetch, terminal)
    }

    /// ncurses does not know $TERM: wait for the load and print the overview instead.
    static func noTerminal(_ job: LoadJob) throws -> Int32 {
        while !job.isDone { job.wait(milliseconds: 50) }
        switch job.result {
        case .failure(let error)?: throw error
        case .success(let l)?:
            printError(wrappedProse("crossings: cannot open the explorer on this terminal (TERM=\(visible(ProcessInfo.processInfo.environment["TERM"] ?? "")))", width: terminalWidth()))
            print(Overview.text(l.dataset, width: terminalWidth()))
        case nil: break
        }
        return 2
    }

    /// The explorer proper, on a loaded package.
    static func browse(_ library: Library, prefetch: RankingPrefetch, _ terminal: Terminal) -> Int32 {
        var state = State(library: library, size: terminal.size)
        // Every other ranking is worked out on another thread meanwhile, so `<` and `>` find them ready.
        prefetch.start()
        defer { prefetch.stop() }
        var copied: [String] = []
        var dirty = true
        var status: Int32 = 0
        // For the end-to-end tests only: a real Swift trap (an index out of range) after the first
        // frame, to show that a crash in update or render leaves the terminal restored.
        let trapForTests = ProcessInfo.processInfo.environment["CROSSINGS_TEST_TRAP"] == "after-first-frame"
        /// One action through the pure `update`, and its effects performed here: the only place the
        /// explorer reaches the clipboard, the checker's answer or the way out. False: quit.
        func send(_ action: Action) -> Bool {
            var pending = [action]
            var keepGoing = true
            while !pending.isEmpty {
                let (next, effects) = update(state, pending.removeFirst())
                state = next
                for effect in effects {
                    switch effect {
                    case .copy(let line):
                        copyToClipboard(line)
                        copied.append(line)
                    case .quit:
                        keepGoing = false
                    case .check:
                        // Pure work on the dataset: a typed sentence is a few thousand characters at most.
                        if let answer = library.answer(effect) { pending.append(answer) }
                    case .export(let table):
                        let dir = ProcessInfo.processInfo.environment["CROSSINGS_EXPORT_DIR"].flatMap { $0.isEmpty ? nil : $0 } ?? "."
                        pending.append(ExportWriter.perform(table, directory: dir, date: ExportWriter.today()))
                    case .openURL(let url):
                        pending.append(URLOpener.perform(url) { line in
                            copyToClipboard(line)
                            copied.append(line)
                        })
                    }
                }
            }
            dirty = true
            return keepGoing
        }
        while true {
            let sig = pendingQuit.load(ordering: .relaxed)
            if sig != 0 { status = 128 + sig; break }
            if pendingSuspend.exchange(0, ordering: .relaxed) != 0 {
                terminal.suspend()
                Signals.stopUntilContinued()
                terminal.resume()
                _ = send(.resize(terminal.size))
            }
            if dirty {
                terminal.draw(render(state, state.size))
                dirty = false
                if trapForTests { let none: [Int] = []; _ = none[state.size.width] }
            }
            var resized = false
            let input = terminal.readInput(resized: &resized)
            if resized {
                terminal.invalidate()
                _ = send(.resize(terminal.size))
            }
            guard let input else { continue }
            if !send(input) { break }
        }
        terminal.close()
        for line in copied { print("Copied: \(line)") }
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

/// Writes `e`'s table (`Effect.export`) as a new file, and says how it went as the action to feed back.
public enum ExportWriter {
    /// `2026-11-28`, in local time: the day the file was written.
    public static func today() -> String {
        let f = DateFormatter()
        f.locale = Locale(identifier: "en_US_POSIX")
        f.dateFormat = "yyyy-MM-dd"
        return f.string(from: Date())
    }

    /// Creates `directory/name-date.csv` (or `-2`, `-3`… when one exists: created exclusively, so an
    /// existing file is never overwritten, even one made meanwhile) and writes the CSV to it.
    public static func perform(_ table: ExportTable, directory: String, date: String) -> Action {
        let bytes = Array(table.csv.utf8)
        let dir = directory.hasSuffix("/") && directory.count > 1 ? String(directory.dropLast()) : directory
        for attempt in 1...1000 {
            let path = dir + "/" + Export.fileName(table.name, date: date, attempt: attempt)
            let fd = open(path, O_WRONLY | O_CREAT | O_EXCL | O_CLOEXEC, 0o644)
            if fd < 0 {
                if errno == EEXIST { continue }
                // The reason first: a long path is what gets cut on a small screen, never the why.
                return .exportFailed("\(String(cString: strerror(errno))): cannot create \(path)")
            }
            var offset = 0
            var failure: Int32 = 0
            while offset < bytes.count {
                let n = bytes.withUnsafeBytes { write(fd, $0.baseAddress! + offset, bytes.count - offset) }
                if n < 0 { if errno == EINTR { continue }; failure = errno; break }
                offset += n
            }
            if close(fd) != 0 && failure == 0 { failure = errno }
            if failure != 0 {
                unlink(path)
                return .exportFailed("\(String(cString: strerror(failure))): cannot write \(path)")
            }
            return .exported(path, rows: table.rows.count)
        }
        return .exportFailed("\(dir) already holds 1,000 files named \(Export.fileName(table.name, date: date))")
    }
}

/// What the loading thread hands over: the dataset, the explorer's library and the shelf of
/// rankings to prepare ahead, built there.
struct LoadedData {
    let dataset: Dataset
    let library: Library
    let prefetch: RankingPrefetch
}

/// A load on another thread: its latest progress, and its result once done. The library is
/// built on the loading thread and only used by the main thread after `finish`, never by both.
final class LoadJob: @unchecked Sendable {
    private let lock = NSCondition()
    private var progress: LoadingInfo
    private var outcome: Result<LoadedData, Error>?

    init(origin: String) {
        progress = LoadingInfo(origin: origin)
    }

    func report(_ p: LoadProgress) {
        lock.lock(); defer { lock.unlock() }
        progress.rows = p.rows
        progress.fraction = p.totalBytes > 0 ? p.fraction : nil
        progress.phase = p.phase
    }

    func report(phase: String) {
        lock.lock(); defer { lock.unlock() }
        progress.phase = phase
    }

    func finish(_ result: Result<LoadedData, Error>) {
        lock.lock()
        outcome = result
        lock.broadcast()
        lock.unlock()
    }

    var info: LoadingInfo {
        lock.lock(); defer { lock.unlock() }
        return progress
    }

    var isDone: Bool {
        lock.lock(); defer { lock.unlock() }
        return outcome != nil
    }

    var result: Result<LoadedData, Error>? {
        lock.lock(); defer { lock.unlock() }
        return outcome
    }

    /// Waits until the load ends or the time passes.
    func wait(milliseconds: Int) {
        lock.lock(); defer { lock.unlock() }
        if outcome == nil { _ = lock.wait(until: Date().addingTimeInterval(Double(milliseconds) / 1000)) }
    }
}
