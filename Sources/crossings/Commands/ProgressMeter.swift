import CrossingsCore
import Foundation

/// Progress of a slow load on standard error: shown only when standard error is a
/// terminal and the load has taken more than 200 ms, then erased when it ends.
final class ProgressMeter: @unchecked Sendable {
    let label: String
    let start = DispatchTime.now().uptimeNanoseconds
    let isActive = isatty(2) != 0
    private let lock = NSLock()
    private var shown = false

    init(label: String) { self.label = label }

    var callback: @Sendable (LoadProgress) -> Void {
        { [self] p in self.report(p) }
    }

    func report(_ p: LoadProgress) {
        guard DispatchTime.now().uptimeNanoseconds - start > 200_000_000 else { return }
        let percent = p.totalBytes > 0 ? String(format: "%3.0f%%", p.fraction * 100) : ""
        lock.lock(); defer { lock.unlock() }
        shown = true
        var line = Array("\r\(label): \(percent) \(formatCount(p.rows)) rows, \(p.phase)\u{1B}[K".utf8)
        writeAll(2, &line)
    }

    func finish() {
        lock.lock(); defer { lock.unlock() }
        if shown { var clear = Array("\r\u{1B}[K".utf8); writeAll(2, &clear) }
    }
}
