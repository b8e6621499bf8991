/// Where each resource of a datapackage.json is written, for messages: for the i-th element of the
/// top-level "resources" array, the byte offsets of its `{` and of its "name" and "path" values.
///
/// Found by walking the JSON's structure (the text has been parsed by JSONSerialization already, so
/// this only needs to follow strings, nesting and separators), not by searching for the values:
/// a search finds the wrong object when a resource's keys come in another order ("path" before
/// "name"), or when a field of a schema has the resource's name. Linear in the text; an input that
/// does not have the expected shape simply yields fewer places (messages then fall back to line 1).
struct DescriptorLayout {
    struct Place { var start: Int; var end: Int? = nil; var name: Int?; var path: Int?; var schema: Int? }
    private(set) var resources: [Place] = []
    /// A key written twice in one object, anywhere in the descriptor (JSONSerialization keeps the
    /// last without a word): the key as written, the offset of its second and of its first quote.
    struct DuplicateKey { var key: String; var offset: Int; var firstOffset: Int }
    private(set) var duplicateKeys: [DuplicateKey] = []

    init(_ b: [UInt8]) {
        var i = 0
        var ok = true
        func spaces() { while i < b.count, b[i] == 0x20 || b[i] == 0x0A || b[i] == 0x0D || b[i] == 0x09 { i += 1 } }
        /// A string's raw bytes between its quotes (escapes left as written); `i` after the closing quote.
        func string() -> ArraySlice<UInt8>? {
            guard i < b.count, b[i] == UInt8(ascii: "\"") else { ok = false; return nil }
            let start = i + 1
            i += 1
            while i < b.count, b[i] != UInt8(ascii: "\"") { i += b[i] == UInt8(ascii: "\\") ? 2 : 1 }
            guard i < b.count else { ok = false; return nil }
            i += 1
            return b[start..<(i - 1)]
        }
        /// Calls `member` at each key of an object (with `i` at its value, which `member` must pass over).
        var duplicates: [DuplicateKey] = []
        func object(_ member: (String) -> Void) {
            i += 1  // {
            spaces()
            if i < b.count, b[i] == UInt8(ascii: "}") { i += 1; return }
            var seen: [String: Int] = [:]
            while ok {
                spaces()
                let at = i
                guard let raw = string() else { return }
                // Compared as JSON reads them: "pat\u0068" is "path" to the parser, so a second one is a duplicate.
                let key = DescriptorLayout.decoded(raw)
                if let first = seen[key] {
                    if duplicates.count < 100 { duplicates.append(DuplicateKey(key: key, offset: at, firstOffset: first)) }
                } else {
                    seen[key] = at
                }
                spaces()
                guard i < b.count, b[i] == UInt8(ascii: ":") else { ok = false; return }
                i += 1
                spaces()
                member(key)
                spaces()
                guard ok, i < b.count else { ok = false; return }
                if b[i] == UInt8(ascii: ",") { i += 1; continue }
                if b[i] == UInt8(ascii: "}") { i += 1; return }
                ok = false
            }
        }
        /// Calls `element` at each element of an array (with `i` at it).
        func array(_ element: () -> Void) {
            i += 1  // [
            spaces()
            if i < b.count, b[i] == UInt8(ascii: "]") { i += 1; return }
            while ok {
                spaces()
                element()
                spaces()
                guard ok, i < b.count else { ok = false; return }
                if b[i] == UInt8(ascii: ",") { i += 1; continue }
                if b[i] == UInt8(ascii: "]") { i += 1; return }
                ok = false
            }
        }
        /// Passes over one value. JSONSerialization refuses nesting deeper than 512, so the recursion is bounded.
        func value() {
            guard ok, i < b.count else { ok = false; return }
            switch b[i] {
            case UInt8(ascii: "\""): _ = string()
            case UInt8(ascii: "{"): object { _ in value() }
            case UInt8(ascii: "["): array { value() }
            default:
                let stop: Set<UInt8> = [0x2C, 0x5D, 0x7D, 0x20, 0x0A, 0x0D, 0x09]
                let start = i
                while i < b.count, !stop.contains(b[i]) { i += 1 }
                if i == start { ok = false }
            }
        }
        var found: [Place] = []
        spaces()
        if i < b.count, b[i] == 0xEF, i + 2 < b.count, b[i + 1] == 0xBB, b[i + 2] == 0xBF { i += 3; spaces() }
        guard i < b.count, b[i] == UInt8(ascii: "{") else { return }
        object { key in
            guard key == "resources", i < b.count, b[i] == UInt8(ascii: "[") else { value(); return }
            found = []  // a key given twice: the last one counts, as in the parsed object
            array {
                guard i < b.count, b[i] == UInt8(ascii: "{") else { found.append(Place(start: i)); value(); return }
                var place = Place(start: i)
                object { member in
                    if member == "name" { place.name = i }
                    if member == "path" { place.path = i }
                    if member == "schema" { place.schema = i }
                    value()
                }
                place.end = i
                found.append(place)
            }
        }
        resources = found
        duplicateKeys = duplicates
    }

    /// A JSON string's text from its raw bytes between the quotes: escapes (`\n`, `\"`, `\u0068`, a
    /// surrogate pair) decoded as a parser does; a broken escape is kept as written.
    static func decoded(_ raw: ArraySlice<UInt8>) -> String {
        guard raw.contains(UInt8(ascii: "\\")) else { return String(decoding: raw, as: UTF8.self) }
        var out = String.UnicodeScalarView()
        var bytes: [UInt8] = []
        func flush() { out.append(contentsOf: String(decoding: bytes, as: UTF8.self).unicodeScalars); bytes.removeAll() }
        var i = raw.startIndex
        func hex4(_ at: Int) -> UInt32? {
            guard at + 4 <= raw.endIndex, let v = UInt32(String(decoding: raw[at..<(at + 4)], as: UTF8.self), radix: 16) else { return nil }
            return v
        }
        while i < raw.endIndex {
            let c = raw[i]
            guard c == UInt8(ascii: "\\"), i + 1 < raw.endIndex else { bytes.append(c); i += 1; continue }
            let e = raw[i + 1]
            let simple: [UInt8: UInt8] = [0x22: 0x22, 0x5C: 0x5C, 0x2F: 0x2F, 0x62: 0x08, 0x66: 0x0C, 0x6E: 0x0A, 0x72: 0x0D, 0x74: 0x09]
            if let v = simple[e] { bytes.append(v); i += 2; continue }
            if e == UInt8(ascii: "u"), let u = hex4(i + 2) {
                flush()
                if (0xD800...0xDBFF).contains(u), i + 11 < raw.endIndex, raw[i + 6] == UInt8(ascii: "\\"), raw[i + 7] == UInt8(ascii: "u"),
                   let low = hex4(i + 8), (0xDC00...0xDFFF).contains(low),
                   let scalar = Unicode.Scalar(0x10000 + ((u - 0xD800) << 10) + (low - 0xDC00)) {
                    out.append(scalar); i += 12; continue
                }
                out.append(Unicode.Scalar(u) ?? "\u{FFFD}")
                i += 6; continue
            }
            bytes.append(c); i += 1
        }
        flush()
        return String(out)
    }

    /// Line and column (1-based, columns in characters) of each offset, in one pass over the text.
    static func positions(of offsets: [Int], in b: [UInt8]) -> [Int: (line: Int, column: Int)] {
        var out: [Int: (line: Int, column: Int)] = [:]
        var line = 1, column = 1, i = 0
        for offset in Set(offsets).sorted() {
            while i < min(offset, b.count) {
                if b[i] == UInt8(ascii: "\n") { line += 1; column = 1 } else if b[i] & 0xC0 != 0x80 { column += 1 }
                i += 1
            }
            out[offset] = (line, column)
        }
        return out
    }
}
