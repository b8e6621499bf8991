// The fast path's scanner: a chunk of an observation file cut into rows and fields, byte by byte;
// a simple row goes to the decoder (RowCache), any other to the general CSV reader.

#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif
import Foundation

extension Loader {
    /// Reads the rows in buf[from..<to], the first of which is on line `firstLine`.
    mutating func parseChunk(_ file: FileBytes, path: String, from: Int, to n: Int, firstLine: Int,
                             into store: inout ObservationStore, rows: inout Int,
                             progress report: (_ offset: Int, _ rows: Int) -> Void) throws {
        let expected = PackageLoader.columns["observations"]!
        let buf = file.buffer
        var i = from
        var line = firstLine
        var discarded = from
        var cache = RowCache()
        defer { cache.release() }
        // Field boundaries of the current row: raw buffers, reused for every row.
        let starts = UnsafeMutableBufferPointer<Int>.allocate(capacity: 14), ends = UnsafeMutableBufferPointer<Int>.allocate(capacity: 14)
        starts.initialize(repeating: 0)
        ends.initialize(repeating: 0)
        defer { starts.deallocate(); ends.deallocate() }
        // A local copy of the byte classes: a static read in the inner loop costs a lazy-init check per byte.
        let specialTable = RowCache.special
        let special = UnsafeMutableBufferPointer<Bool>.allocate(capacity: 256)
        _ = special.initialize(from: specialTable)
        defer { special.deallocate() }
        while i < n {
            // Blank lines hold nothing.
            if buf[i] == 0x0A { i += 1; line += 1; continue }
            if buf[i] == 0x0D, i + 1 < n, buf[i + 1] == 0x0A { i += 2; line += 1; continue }
            let rowStart = i
            // Split the line into fields; a quote that needs unescaping, or a line break inside
            // quotes, sends the row to the general path.
            var fields = 0
            var simple = true
            var j = i
            split: while true {
                if j < n && buf[j] == 0x22 {
                    let contentStart = j + 1
                    var k = contentStart
                    while k < n && buf[k] != 0x22 && buf[k] != 0x0A { k += 1 }
                    if k >= n || buf[k] == 0x0A || (k + 1 < n && buf[k + 1] == 0x22) { simple = false; break split }
                    starts[fields] = contentStart
                    ends[fields] = k
                    j = k + 1
                    if j < n && buf[j] == 0x0D && j + 1 < n && buf[j + 1] == 0x0A { j += 1 }
                } else {
                    let contentStart = j
                    while j < n && !special[Int(buf[j])] { j += 1 }
                    if j < n && buf[j] == 0x22 { simple = false; break split }
                    var contentEnd = j
                    if contentEnd > contentStart && buf[contentEnd - 1] == 0x0D && (j >= n || buf[j] == 0x0A) { contentEnd -= 1 }
                    starts[fields] = contentStart
                    ends[fields] = contentEnd
                }
                fields += 1
                if j >= n || buf[j] == 0x0A { break split }
                if buf[j] != 0x2C || fields >= 13 { simple = false; break split }
                j += 1
            }
            if simple {
                simple = fastPath && fields == 13 && cache.decode(buf, starts, ends, into: &store, file: path, line: line)
                if simple {
                    i = j < n ? j + 1 : j
                    line += 1
                    rows += 1
                    if rows & 0xFFFF == 0 { report(i, rows); file.discard(from: discarded, upTo: i); discarded = i }
                    continue
                }
            }
            // The general path, for this one record (which may span lines inside quotes).
            let stop = lineEnd(buf, from: rowStart)
            let slice = UnsafeBufferPointer(rebasing: buf[rowStart..<stop])
            // Read from the record's own line, so every line number (in a message's text too) is the file's.
            try CSVReader.read(slice, file: path, firstLine: line) { r in
                if r.fields.count != expected.count {
                    let at = r.fields.count > expected.count ? r.positions[expected.count] : r.end
                    error(Location(file: path, line: at.line, column: at.column), "expected \(expected.count) fields, found \(r.fields.count)")
                    return
                }
                var index: [String: Int] = [:]
                for (k, name) in expected.enumerated() { index[name] = k }
                if let o = observationRow(Row(record: r, file: path, index: index)) { store.append(o) }
            }
            for k in rowStart..<stop where buf[k] == 0x0A { line += 1 }
            i = skipNewline(buf, stop)
            if stop < n, buf[stop] == 0x0A || buf[stop] == 0x0D { line += 1 }
            rows += 1
        }
    }

    /// Rows and arena bytes to expect, from the rows in the first 64 KB.
    func estimateSize(_ buf: UnsafeBufferPointer<UInt8>, from start: Int) -> (rows: Int, arena: Int) {
        let sample = min(buf.count, start + 65536)
        var lines = 0
        for k in start..<sample where buf[k] == 0x0A { lines += 1 }
        guard lines > 0 else { return (0, 0) }
        let perRow = Double(sample - start) / Double(lines)
        let rows = Int(Double(buf.count - start) / perRow * 1.05) + 16
        return (rows, rows * 40)
    }

    func lineEnd(_ buf: UnsafeBufferPointer<UInt8>, from i: Int) -> Int {
        var j = i
        var quoted = false
        while j < buf.count {
            if buf[j] == 0x22 { quoted.toggle() }
            if !quoted && buf[j] == 0x0A { return j > i && buf[j - 1] == 0x0D ? j - 1 : j }
            j += 1
        }
        return j
    }

    func skipNewline(_ buf: UnsafeBufferPointer<UInt8>, _ j: Int) -> Int {
        if j < buf.count, buf[j] == 0x0D { return j + 1 < buf.count && buf[j + 1] == 0x0A ? j + 2 : j + 1 }
        if j < buf.count, buf[j] == 0x0A { return j + 1 }
        return j
    }
}
