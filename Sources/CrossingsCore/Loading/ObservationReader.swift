#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif
import Foundation

/// The fast path for observation files: rows are decoded straight from the
/// bytes into the column store, with no String per field. Any row that is not
/// plainly well-formed (quotes that need unescaping, a range, spaces at the
/// edges, an unknown flow or period form, a non-digit value…) goes through the
/// general path, which gives the exact `FILE:LINE:COLUMN` diagnostics, so both
/// paths accept and reject exactly the same rows.
extension Loader {
    mutating func readObservations(_ file: FileBytes, path: String, schemaFields: [String]?, descriptor: Location,
                                   into store: inout ObservationStore, rows: inout Int, progress report: (_ offset: Int, _ rows: Int) -> Void) throws {
        let expected = PackageLoader.columns["observations"]!
        if let schemaFields, schemaFields != expected {
            error(descriptor, "the schema of 'observations' lists fields \(clip(schemaFields.joined(separator: ","))); crossings reads \(expected.joined(separator: ","))")
        }
        let buf = file.buffer
        let n = buf.count
        var i = 0
        let outgrownBefore = store.outgrown != nil
        if n >= 3, buf[0] == 0xEF, buf[1] == 0xBB, buf[2] == 0xBF { i = 3 }
        // The header: read by the general reader (positions for its messages), then checked as usual.
        let headerEnd = lineEnd(buf, from: i)
        var headerOK = false
        var sawHeader = false
        try CSVReader.read(UnsafeBufferPointer(rebasing: buf[0..<headerEnd]), file: path) { record in
            sawHeader = true
            headerOK = checkHeader(record, expected: expected, file: path)
        }
        guard sawHeader else {
            error(Location(file: path, line: 1), "the file is empty (it needs a header row)")
            return
        }
        guard headerOK else { return }
        let bodyStart = skipNewline(buf, headerEnd)
        // A large file (`options.splitThreshold`, 16 MB unless a test asks for less) is read by
        // two threads, each half into its own store, then joined: the split falls at a line break
        // outside quotes (quotes come in pairs, so their count before it is even). When the line
        // break after the middle is inside quotes, or there is none, one thread reads it all.
        let cores = ProcessInfo.processInfo.activeProcessorCount
        statistics.parts[path] = 1
        if fastPath, cores > 1 || options.splitOnOneCore, n - bodyStart > options.splitThreshold {
            var mid = bodyStart + (n - bodyStart) / 2
            while mid < n, buf[mid] != 0x0A { mid += 1 }
            // No line break after the middle (a last line without one holds it): mid stays at n,
            // and one thread reads the file. (It went one past the end, and the count below read
            // a byte beyond the file: a trap, found once the threshold could be small.)
            mid = min(mid + 1, n)
            var newlines = 0, quotes = 0
            for k in bodyStart..<mid {
                let c = buf[k]
                if c == 0x0A { newlines += 1 } else if c == 0x22 { quotes += 1 }
            }
            if quotes % 2 == 0, mid < n {
                statistics.parts[path] = 2
                let halves = SplitRead()
                // Each thread works on its own copy of the loader; the halves never touch each other.
                nonisolated(unsafe) let first = self, second = self
                nonisolated(unsafe) let progressOfFirst = report
                let totalRows = rows, split = mid, linesBefore = newlines
                let estimate = estimateSize(buf, from: bodyStart)
                DispatchQueue.concurrentPerform(iterations: 2) { part in
                    var worker = part == 0 ? first : second
                    var partStore = ObservationStore()
                    // The first half will hold both: room for all rows up front (estimated from the first 64 KB).
                    if part == 0 { partStore.reserve(rows: estimate.rows, arenaBytes: estimate.arena) }
                    var partRows = 0
                    do {
                        if part == 0 {
                            try worker.parseChunk(file, path: path, from: bodyStart, to: split, firstLine: 2, into: &partStore, rows: &partRows) { offset, count in
                                progressOfFirst(bodyStart + (offset - bodyStart) * 2, totalRows + count * 2)
                            }
                        } else {
                            try worker.parseChunk(file, path: path, from: split, to: n, firstLine: 2 + linesBefore, into: &partStore, rows: &partRows) { _, _ in }
                        }
                        halves.set(part, worker.diagnostics, partStore, partRows, nil)
                    } catch {
                        halves.set(part, worker.diagnostics, partStore, partRows, error)
                    }
                }
                var thrown: [Diagnostic] = []
                for part in 0..<2 {
                    var h = halves.take(part)
                    diagnostics = part == 0 ? h.diagnostics : diagnostics + h.diagnostics.filter { d in !diagnostics.contains(d) }
                    if let failure = h.error as? LoadFailure { thrown += failure.diagnostics }
                    if store.isEmpty { store = h.store } else { store.merge(&h.store) }
                    rows += h.rows
                }
                if !thrown.isEmpty { throw LoadFailure(thrown) }
                if !outgrownBefore { refuseOutgrown(store, path: path) }
                return
            }
        }
        try parseChunk(file, path: path, from: bodyStart, to: n, firstLine: 2, into: &store, rows: &rows, progress: report)
        if !outgrownBefore { refuseOutgrown(store, path: path) }
    }

    /// An error when the file holds more distinct flows, periods or categories than a key can index.
    mutating func refuseOutgrown(_ store: ObservationStore, path: String) {
        guard let what = store.outgrown else { return }
        error(Location(file: path, line: 1), "the observations hold more than \(ObservationStore.maximumDistinct - 1) distinct \(what); crossings reads at most that many")
    }

    mutating func checkHeader(_ record: CSVReader.Record, expected: [String], file: String) -> Bool {
        let before = diagnostics.count
        for (k, name) in expected.enumerated() {
            if k >= record.fields.count {
                error(Location(file: file, line: record.line, column: record.end.column),
                      "missing column '\(clip(name))' (the header must be \(expected.joined(separator: ",")))")
            } else if record.fields[k] != name {
                let p = record.positions[k]
                error(Location(file: file, line: p.line, column: p.column),
                      "column \(k + 1) is '\(clip(record.fields[k]))', expected '\(clip(name))' (the header must be \(expected.joined(separator: ",")))")
            }
        }
        if record.fields.count > expected.count {
            let p = record.positions[expected.count]
            error(Location(file: file, line: p.line, column: p.column), "unexpected column '\(clip(record.fields[expected.count]))'")
        }
        return diagnostics.count == before
    }
}

/// The two halves of a split read, filled in by their threads.
final class SplitRead: @unchecked Sendable {
    struct Half {
        var diagnostics: [Diagnostic] = []
        var store = ObservationStore()
        var rows = 0
        var error: Error?
    }
    private let lock = NSLock()
    private(set) var results = [Half(), Half()]


    /// Takes a half out, so its store has one owner and can be emptied as it is merged.
    func take(_ part: Int) -> Half {
        lock.lock(); defer { lock.unlock() }
        let h = results[part]
        results[part] = Half()
        return h
    }

    func set(_ part: Int, _ diagnostics: [Diagnostic], _ store: ObservationStore, _ rows: Int, _ error: Error?) {
        lock.lock(); defer { lock.unlock() }
        results[part] = Half(diagnostics: diagnostics, store: store, rows: rows, error: error)
    }
}
