/// A strict RFC 4180 reader that knows where every field starts.
///
/// Hand-written rather than taken from SwiftCSV or CSV.swift: crossings must
/// report `FILE:LINE:COLUMN` for every problem (an unterminated quote, a stray
/// quote, bad UTF-8), and must stream millions of rows without keeping them;
/// neither library reports positions.
///
/// Accepts a UTF-8 byte-order mark, LF or CRLF line ends, and quoted fields
/// with `""` escapes and line breaks. Blank lines are passed over (they hold
/// no field), but still count for line numbers.
///
/// ```swift
/// try CSVReader.read(Array("a,b\n1,\"x, y\"\n".utf8), file: "t.csv") { record in
///     print(record.line, record.fields)   // 1 ["a","b"], then 2 ["1","x, y"]
/// }
/// ```
public enum CSVReader {
    public struct Record {
        /// Line the record starts on (1-based).
        public var line: Int
        public var fields: [String]
        /// Line and column (1-based, in characters) where each field starts.
        public var positions: [(line: Int, column: Int)]
        /// Line and column just past the record's last character.
        public var end: (line: Int, column: Int)
        /// Bytes of the input read so far (for progress).
        public var byteOffset: Int = 0
        /// With `invalidUTF8: .mark`, the line and column of the record's first byte that is not
        /// valid UTF-8, and that byte (the field's text then holds U+FFFD for it); nil when the
        /// record is valid.
        public var invalidUTF8: (line: Int, column: Int, byte: UInt8)? = nil
    }

    /// What to do with a field that is not valid UTF-8.
    public enum InvalidUTF8 { case fail, mark }

    /// `invalidUTF8: .fail` (the default) stops at the first field that is not UTF-8; `.mark` passes
    /// the record on with `invalidUTF8` set, so a caller can reject that one record and read on
    /// (the bytes that delimit fields are ASCII, so a bad byte never hides a comma or a quote).
    public static func read(_ bytes: [UInt8], file: String, invalidUTF8: InvalidUTF8 = .fail, _ body: (Record) throws -> Void) throws {
        try bytes.withUnsafeBufferPointer { try read($0, file: file, invalidUTF8: invalidUTF8, body) }
    }

    /// `firstLine`: the line `buf` starts on, when it is a part of a file (one record re-read).
    public static func read(_ buf: UnsafeBufferPointer<UInt8>, file: String, invalidUTF8: InvalidUTF8 = .fail, firstLine: Int = 1,
                            _ body: (Record) throws -> Void) throws {
        let quote = UInt8(ascii: "\""), comma = UInt8(ascii: ","), lf = UInt8(ascii: "\n"), cr = UInt8(ascii: "\r")
        let n = buf.count
        var i = 0
        if n >= 3, buf[0] == 0xEF, buf[1] == 0xBB, buf[2] == 0xBF { i = 3 }
        var line = firstLine
        var lineStart = i

        // Columns are counted incrementally along a line (fields are asked for in order).
        var columnAt = (offset: i, column: 1)
        func column(_ offset: Int) -> Int {
            if columnAt.offset < lineStart || columnAt.offset > offset { columnAt = (lineStart, 1) }
            var c = columnAt.column
            var k = columnAt.offset
            while k < offset {
                if buf[k] & 0xC0 != 0x80 { c += 1 }
                k += 1
            }
            columnAt = (offset, c)
            return c
        }
        func fail(_ offset: Int, _ message: String) -> Diagnostic {
            Diagnostic(location: Location(file: file, line: line, column: column(offset)), severity: .error, message: message)
        }
        var badField: (line: Int, column: Int, byte: UInt8)? = nil
        /// The first byte in start..<end that does not begin a valid UTF-8 sequence.
        func firstInvalid(_ start: Int, _ end: Int) -> Int? {
            var k = start
            while k < end {
                let b = buf[k]
                if b < 0x80 { k += 1; continue }
                var need = 0, lo: UInt8 = 0x80, hi: UInt8 = 0xBF
                switch b {
                case 0xC2...0xDF: need = 1
                case 0xE0: need = 2; lo = 0xA0
                case 0xE1...0xEC, 0xEE...0xEF: need = 2
                case 0xED: need = 2; hi = 0x9F
                case 0xF0: need = 3; lo = 0x90
                case 0xF1...0xF3: need = 3
                case 0xF4: need = 3; hi = 0x8F
                default: return k
                }
                guard k + need < end, (lo...hi).contains(buf[k + 1]) else { return k }
                var m = 2
                while m <= need { if buf[k + m] & 0xC0 != 0x80 { return k }; m += 1 }
                k += need + 1
            }
            return nil
        }
        /// Marks the record at the first bad byte of start..<end, a field that starts at
        /// `fieldOffset` on `fieldLine`, column `fieldColumn` (it may span lines when quoted).
        func mark(_ start: Int, _ end: Int, fieldOffset: Int, fieldLine: Int, fieldColumn: Int) {
            guard badField == nil else { return }
            let k = firstInvalid(start, end) ?? start
            var l = fieldLine, c = fieldColumn, p = fieldOffset
            while p < k {
                if buf[p] == lf { l += 1; c = 1 } else if buf[p] & 0xC0 != 0x80 { c += 1 }
                p += 1
            }
            badField = (l, c, buf[k])
        }
        /// With `.fail`: the error at the bad byte itself (its line, column and value), not at its field.
        func notUTF8() -> LoadFailure {
            let bad = badField!
            return LoadFailure([Diagnostic(location: Location(file: file, line: bad.line, column: bad.column), severity: .error,
                                           message: "byte 0x\(String(bad.byte, radix: 16, uppercase: true)) is not valid UTF-8 (save the file as UTF-8)")])
        }
        func text(_ start: Int, _ end: Int, at offset: Int) throws -> String {
            if let s = String(validating: UnsafeBufferPointer(rebasing: buf[start..<end]), as: UTF8.self) { return s }
            mark(start, end, fieldOffset: start, fieldLine: line, fieldColumn: column(start))
            guard invalidUTF8 == .mark else { throw notUTF8() }
            return String(decoding: UnsafeBufferPointer(rebasing: buf[start..<end]), as: UTF8.self)
        }

        var fields: [String] = []
        var positions: [(line: Int, column: Int)] = []
        fields.reserveCapacity(16)
        while i < n {
            // Blank line: no record.
            if (buf[i] == lf || (buf[i] == cr && i + 1 < n && buf[i + 1] == lf)) {
                i += buf[i] == cr ? 2 : 1
                line += 1
                lineStart = i
                continue
            }
            let recordLine = line
            fields.removeAll(keepingCapacity: true)
            positions.removeAll(keepingCapacity: true)
            badField = nil
            var endOfRecord = false
            while !endOfRecord {
                let fieldStart = i
                positions.append((line, column(i)))
                if i < n && buf[i] == quote {
                    let openLine = line, openOffset = i, openLineStart = lineStart
                    i += 1
                    var bytes: [UInt8] = []
                    var closed = false
                    while i < n {
                        let b = buf[i]
                        if b == quote {
                            if i + 1 < n && buf[i + 1] == quote { bytes.append(quote); i += 2; continue }
                            i += 1
                            closed = true
                            break
                        }
                        if b == lf { line += 1; lineStart = i + 1 }
                        bytes.append(b)
                        i += 1
                    }
                    if !closed {
                        line = openLine
                        lineStart = openLineStart
                        throw LoadFailure([fail(openOffset, "unterminated quoted field (the quote opened here is never closed)")])
                    }
                    if let s = String(validating: bytes, as: UTF8.self) {
                        fields.append(s)
                    } else {
                        // The raw bytes between the quotes: a doubled quote is ASCII, so the bad byte is the same.
                        mark(fieldStart + 1, i - 1, fieldOffset: fieldStart, fieldLine: positions.last!.line, fieldColumn: positions.last!.column)
                        guard invalidUTF8 == .mark else { throw notUTF8() }
                        fields.append(String(decoding: bytes, as: UTF8.self))
                    }
                    if i < n && buf[i] != comma && buf[i] != lf && !(buf[i] == cr && i + 1 < n && buf[i + 1] == lf) {
                        // Name where the quoted field opened too: a stray quote there is the usual cause.
                        let here = fail(i, "")
                        let opened = line == openLine ? "" : "; the quoted field opened at line \(openLine), column \(positions.last!.column)"
                        throw LoadFailure([Diagnostic(location: here.location, severity: .error,
                                                      message: "unexpected character after a closing quote (a quote inside a field must be doubled: \"\")\(opened)")])
                    }
                } else {
                    var j = i
                    while j < n && buf[j] != comma && buf[j] != lf && !(buf[j] == cr && j + 1 < n && buf[j + 1] == lf) {
                        if buf[j] == quote {
                            throw LoadFailure([fail(j, "a quote inside an unquoted field (quote the whole field and double the quote)")])
                        }
                        j += 1
                    }
                    fields.append(try text(i, j, at: i))
                    i = j
                }
                if i >= n {
                    endOfRecord = true
                } else if buf[i] == comma {
                    i += 1
                } else {
                    endOfRecord = true
                }
            }
            let end = (line, column(i))
            if i < n {
                i += buf[i] == cr ? 2 : 1
                line += 1
                lineStart = i
            }
            try body(Record(line: recordLine, fields: fields, positions: positions, end: end, byteOffset: i, invalidUTF8: badField))
        }
    }
}
