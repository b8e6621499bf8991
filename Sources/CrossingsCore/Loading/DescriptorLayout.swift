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
        func object(_ member: (ArraySlice<UInt8>) -> Void) {
            i += 1  // {
            spaces()
            if i < b.count, b[i] == UInt8(ascii: "}") { i += 1; return }
            var seen: [ArraySlice<UInt8>: Int] = [:]
            while ok {
                spaces()
                let at = i
                guard let key = string() else { return }
                if let first = seen[key] {
                    if duplicates.count < 100 { duplicates.append(DuplicateKey(key: String(decoding: key, as: UTF8.self), offset: at, firstOffset: first)) }
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
            guard key.elementsEqual("resources".utf8), i < b.count, b[i] == UInt8(ascii: "[") else { value(); return }
            found = []  // a key given twice: the last one counts, as in the parsed object
            array {
                guard i < b.count, b[i] == UInt8(ascii: "{") else { found.append(Place(start: i)); value(); return }
                var place = Place(start: i)
                object { member in
                    if member.elementsEqual("name".utf8) { place.name = i }
                    if member.elementsEqual("path".utf8) { place.path = i }
                    if member.elementsEqual("schema".utf8) { place.schema = i }
                    value()
                }
                place.end = i
                found.append(place)
            }
        }
        resources = found
        duplicateKeys = duplicates
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
