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
    // Most text has nothing to escape: handed back as it is, without a copy. Printable ASCII is
    // passed by bytes (a finding's line is mostly that); anything else is asked scalar by scalar.
    var bytes = text
    let printableASCII = bytes.withUTF8 { b in
        for c in b where c < 0x20 || c >= 0x7F { return false }
        return true
    }
    if printableASCII { return text }
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
