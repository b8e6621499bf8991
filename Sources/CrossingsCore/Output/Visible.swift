/// Text from a data file made safe for a terminal: control characters, escape
/// sequences and invisible direction overrides become visible escapes, so a
/// crafted CSV field cannot move the cursor, recolour the screen or reverse text.
///
/// ```swift
/// visible("a\u{1B}[31mb")      // "a\\e[31mb"
/// visible("x\u{202E}y")        // "x\\u{202E}y"
/// visible("Пхеньян 평양")        // unchanged
/// ```
public func visible(_ text: String) -> String {
    // Most text has nothing to escape: handed back as it is, without a copy, found by its bytes.
    // Other scalars are matched by their UTF-8 (C1 controls are C2 80…9F; the format characters
    // E2 80 8B…8F, E2 80 AA…AE, E2 81 A0…A9, EF BB BF, EF BF B9…BB), so "¶" or "—" need no scalar walk.
    var bytes = text
    let safe = bytes.withUTF8 { b in
        var i = 0
        while i < b.count {
            let c = b[i]
            if c < 0x80 {
                if c < 0x20 || c == 0x7F { return false }
            } else if c == 0xC2 {
                if i + 1 < b.count, b[i + 1] <= 0x9F { return false }
            } else if c == 0xE2, i + 2 < b.count {
                let d = b[i + 1], e = b[i + 2]
                if d == 0x80 && ((0x8B...0x8F).contains(e) || (0xAA...0xAE).contains(e)) { return false }
                if d == 0x81 && (0xA0...0xA9).contains(e) { return false }
            } else if c == 0xEF, i + 2 < b.count {
                let d = b[i + 1], e = b[i + 2]
                if (d == 0xBB && e == 0xBF) || (d == 0xBF && (0xB9...0xBB).contains(e)) { return false }
            }
            i += 1
        }
        return true
    }
    if safe { return text }
    guard text.unicodeScalars.contains(where: { escapeForTerminal($0) != nil }) else { return text }
    var out = ""
    out.unicodeScalars.reserveCapacity(text.unicodeScalars.count)
    for s in text.unicodeScalars {
        if let escaped = escapeForTerminal(s) { out += escaped } else { out.unicodeScalars.append(s) }
    }
    return out
}

/// The visible form of a scalar that must not reach a terminal raw, or nil when it is safe.
public func escapeForTerminal(_ s: Unicode.Scalar) -> String? {
    switch s.value {
    case 0x1B: return "\\e"
    case 0x09: return "\\t"
    case 0x0A: return "\\n"
    case 0x0D: return "\\r"
    case 0x00...0x1F, 0x7F, 0x80...0x9F: return "\\u{" + hex(s.value) + "}"
    // Bidirectional controls and other invisible format characters that change how text reads.
    case 0x200B...0x200F, 0x202A...0x202E, 0x2060...0x2069, 0xFEFF, 0xFFF9...0xFFFB:
        return "\\u{" + hex(s.value) + "}"
    default:
        return nil
    }
}

private func hex(_ v: UInt32) -> String {
    let h = String(v, radix: 16, uppercase: true)
    return h.count < 2 ? "0" + h : h
}
