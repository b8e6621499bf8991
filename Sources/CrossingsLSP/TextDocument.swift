import CrossingsCore

/// How positions count characters in a line (LSP 3.17 `PositionEncodingKind`): UTF-16 code units
/// unless the client offers another in `general.positionEncodings`.
public enum PositionEncoding: String, Sendable {
    case utf8 = "utf-8", utf16 = "utf-16", utf32 = "utf-32"

    /// Code units of one scalar.
    func units(_ s: Unicode.Scalar) -> Int {
        switch self {
        case .utf8: UTF8.width(s)
        case .utf16: UTF16.width(s)
        case .utf32: 1
        }
    }
}

/// A zero-based LSP position.
public struct Position: Hashable, Sendable, Comparable {
    public var line: Int
    public var character: Int
    public init(line: Int, character: Int) { self.line = line; self.character = character }
    public static func < (a: Position, b: Position) -> Bool { (a.line, a.character) < (b.line, b.character) }
    var json: [String: Any] { ["line": line, "character": character] }
}

/// An open document's text, and the arithmetic between LSP positions and the checker's lines and
/// columns (1-based; columns count Characters, as `DraftText` does).
///
/// Lines end at "\n", "\r\n" or a lone "\r", as both the LSP and the checker count them. A
/// position past a line's end means its end; a line past the last means the end of the document; a
/// position inside a scalar (half a surrogate pair) means the scalar's start.
public struct TextDocument: Sendable {
    public var text: String
    public var version: Int

    public init(text: String, version: Int) { self.text = text; self.version = version }

    /// The UTF-8 offsets where lines start, and the bytes.
    struct Lines {
        var bytes: [UInt8]
        var starts: [Int]

        init(_ text: String) {
            bytes = Array(text.utf8)
            starts = [0]
            var i = 0
            while i < bytes.count {
                if bytes[i] == 0x0D {
                    if i + 1 < bytes.count, bytes[i + 1] == 0x0A { i += 1 }
                    starts.append(i + 1)
                } else if bytes[i] == 0x0A {
                    starts.append(i + 1)
                }
                i += 1
            }
        }

        /// One past the last byte of line `k`'s content (its line break left out).
        func contentEnd(_ k: Int) -> Int {
            guard k + 1 < starts.count else { return bytes.count }
            var e = starts[k + 1]
            if e > 0, bytes[e - 1] == 0x0A { e -= 1 }
            if e > starts[k], bytes[e - 1] == 0x0D { e -= 1 }
            return e
        }

        func line(_ k: Int) -> Substring {
            guard k >= 0, k < starts.count else { return "" }
            return Substring(String(decoding: bytes[starts[k]..<contentEnd(k)], as: UTF8.self))
        }

        /// The UTF-8 offset of a position.
        func offset(_ p: Position, _ encoding: PositionEncoding) -> Int {
            guard p.line >= 0 else { return 0 }
            guard p.line < starts.count else { return bytes.count }
            var at = starts[p.line]
            let end = contentEnd(p.line)
            var units = 0
            while at < end {
                let lead = bytes[at]
                let length = lead < 0x80 ? 1 : lead < 0xE0 ? 2 : lead < 0xF0 ? 3 : 4
                let width = switch encoding { case .utf8: length; case .utf16: length == 4 ? 2 : 1; case .utf32: 1 }
                if units + width > p.character { break }
                units += width
                at = min(end, at + length)
            }
            return at
        }

        /// The position of the checker's (line, column), both 1-based, the column in Characters.
        func position(line: Int, column: Int, _ encoding: PositionEncoding) -> Position {
            let k = line - 1
            guard k >= 0, k < starts.count else { return Position(line: max(0, starts.count - 1), character: 0) }
            // ASCII up to the column (most drafts): one unit a character in every encoding, provided
            // the byte after it is ASCII too (or the line ends there): a combining mark after the
            // last ASCII byte (U+0301 after a space) belongs to that Character, so the column ends after it.
            let start = starts[k], end = contentEnd(k), wanted = max(0, column - 1)
            var n = 0
            while n < wanted, start + n < end, bytes[start + n] < 0x80 { n += 1 }
            if start + n == end || (n == wanted && bytes[start + n] < 0x80) { return Position(line: k, character: n) }
            var units = 0
            for c in self.line(k).prefix(wanted) {
                for s in c.unicodeScalars { units += encoding.units(s) }
            }
            return Position(line: k, character: units)
        }

        /// The position of a UTF-8 offset.
        func position(ofOffset offset: Int, _ encoding: PositionEncoding) -> Position {
            var k = 0, lo = 0, hi = starts.count - 1
            while lo <= hi { let mid = (lo + hi) / 2; if starts[mid] <= offset { k = mid; lo = mid + 1 } else { hi = mid - 1 } }
            let prefix = String(decoding: bytes[starts[k]..<min(offset, contentEnd(k))], as: UTF8.self)
            return Position(line: k, character: prefix.unicodeScalars.reduce(0) { $0 + encoding.units($1) })
        }
    }

    var lines: Lines { Lines(text) }

    /// Replaces the text between two positions (in either order), as a `didChange` range edit says.
    public mutating func replace(from a: Position, to b: Position, with new: String, encoding: PositionEncoding) {
        let lines = self.lines
        var s = lines.offset(a, encoding), e = lines.offset(b, encoding)
        if e < s { swap(&s, &e) }
        var bytes = lines.bytes
        bytes.replaceSubrange(s..<e, with: Array(new.utf8))
        text = String(decoding: bytes, as: UTF8.self)
    }
}
