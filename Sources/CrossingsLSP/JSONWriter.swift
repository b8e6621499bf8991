import Foundation

/// JSON text of the server's own messages, written byte by byte: Foundation's JSONSerialization
/// bridged every dictionary of a document's few hundred diagnostics to NSDictionary and back,
/// and took more than half of a re-check's time (crossings-bench --lsp).
///
/// Takes what the server builds: String, Int, Bool, NSNull, arrays and [String: Any], and a
/// number or string a client sent as an id (echoed back). Strings are escaped as JSON requires
/// (quote, backslash, every control character below U+0020); the rest is written as UTF-8.
enum JSONWriter {
    static func bytes(_ value: Any) -> [UInt8] {
        var out: [UInt8] = []
        out.reserveCapacity(4096)
        write(value, into: &out)
        return out
    }

    static func write(_ value: Any, into out: inout [UInt8]) {
        if let s = value as? String { string(s, into: &out); return }
        if type(of: value) == Bool.self, let b = value as? Bool { out += Array((b ? "true" : "false").utf8); return }
        if let n = value as? Int { out += Array(String(n).utf8); return }
        if let o = value as? [String: Any] {
            out.append(0x7B)
            var first = true
            for (k, v) in o {
                if !first { out.append(0x2C) }
                first = false
                string(k, into: &out)
                out.append(0x3A)
                write(v, into: &out)
            }
            out.append(0x7D)
            return
        }
        if let a = value as? [Any] {
            out.append(0x5B)
            for (i, v) in a.enumerated() {
                if i > 0 { out.append(0x2C) }
                write(v, into: &out)
            }
            out.append(0x5D)
            return
        }
        if let d = value as? Double, d.isFinite { out += Array("\(d)".utf8); return }
        // NSNull, and anything else (a non-finite number): null.
        out += Array("null".utf8)
    }

    static let hex = Array("0123456789abcdef".utf8)

    static func string(_ s: String, into out: inout [UInt8]) {
        out.append(0x22)
        for b in s.utf8 {
            switch b {
            case 0x22: out += [0x5C, 0x22]
            case 0x5C: out += [0x5C, 0x5C]
            case 0x0A: out += [0x5C, 0x6E]
            case 0x0D: out += [0x5C, 0x72]
            case 0x09: out += [0x5C, 0x74]
            case 0..<0x20: out += [0x5C, 0x75, 0x30, 0x30, hex[Int(b >> 4)], hex[Int(b & 0xF)]]
            default: out.append(b)
            }
        }
        out.append(0x22)
    }
}
