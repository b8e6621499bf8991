/// Aligned columns for people: left-aligned text, right-aligned numbers,
/// widths measured in terminal cells (so Korean and Cyrillic line up).
///
/// ```swift
/// var t = TextTable(["Period", "Value"], rightAligned: [1])
/// t.add(["2024", "13,221"])
/// print(t.render())
/// ```
public struct TextTable {
    public var headers: [String]
    public var rows: [[String]] = []
    public var rightAligned: Set<Int>

    public init(_ headers: [String], rightAligned: Set<Int> = []) {
        self.headers = headers
        self.rightAligned = rightAligned
    }

    public mutating func add(_ row: [String]) { rows.append(row.map(visible)) }

    public func render() -> String {
        let all = [headers] + rows
        var widths = Array(repeating: 0, count: headers.count)
        for row in all { for (i, cell) in row.enumerated() where i < widths.count { widths[i] = max(widths[i], displayWidth(cell)) } }
        var lines: [String] = []
        for (n, row) in all.enumerated() {
            var line = ""
            for (i, cell) in row.enumerated() where i < widths.count {
                let pad = String(repeating: " ", count: widths[i] - displayWidth(cell))
                let isLast = i == widths.count - 1
                if i > 0 { line += "  " }
                line += rightAligned.contains(i) ? pad + cell : (isLast ? cell : cell + pad)
            }
            lines.append(line)
            if n == 0 { lines.append(widths.enumerated().map { String(repeating: "-", count: $0.element) }.joined(separator: "  ")) }
        }
        return lines.joined(separator: "\n") + "\n"
    }
}

/// Terminal cells a string takes: wide East Asian characters count two, combining marks none.
public func displayWidth(_ s: String) -> Int {
    s.unicodeScalars.reduce(0) { $0 + cellWidth($1) }
}

/// Cells one scalar takes (0, 1 or 2), by the same rule the terminal uses.
public func cellWidth(_ s: Unicode.Scalar) -> Int {
    let v = s.value
    if v == 0 { return 0 }
    if v < 0x20 || (0x7F..<0xA0).contains(v) { return 0 }
    switch s.properties.generalCategory {
    case .nonspacingMark, .enclosingMark, .format: return 0
    default: break
    }
    if (0x1160...0x11FF).contains(v) || v == 0x200B { return 0 }
    return isWide(v) ? 2 : 1
}

private func isWide(_ v: UInt32) -> Bool {
    switch v {
    case 0x1100...0x115F, 0x231A...0x231B, 0x2329...0x232A, 0x23E9...0x23EC, 0x23F0, 0x23F3, 0x25FD...0x25FE,
         0x2614...0x2615, 0x2648...0x2653, 0x267F, 0x2693, 0x26A1, 0x26AA...0x26AB, 0x26BD...0x26BE,
         0x26C4...0x26C5, 0x26CE, 0x26D4, 0x26EA, 0x26F2...0x26F3, 0x26F5, 0x26FA, 0x26FD, 0x2705,
         0x270A...0x270B, 0x2728, 0x274C, 0x274E, 0x2753...0x2755, 0x2757, 0x2795...0x2797, 0x27B0, 0x27BF,
         0x2B1B...0x2B1C, 0x2B50, 0x2B55, 0x2E80...0x303E, 0x3041...0x33FF, 0x3400...0x4DBF, 0x4E00...0x9FFF,
         0xA000...0xA4CF, 0xA960...0xA97F, 0xAC00...0xD7A3, 0xF900...0xFAFF, 0xFE10...0xFE19, 0xFE30...0xFE6F,
         0xFF00...0xFF60, 0xFFE0...0xFFE6, 0x16FE0...0x16FE4, 0x17000...0x18CFF, 0x1B000...0x1B2FF,
         0x1F004, 0x1F0CF, 0x1F18E, 0x1F191...0x1F19A, 0x1F200...0x1F251, 0x1F300...0x1F64F, 0x1F680...0x1F6FF,
         0x1F7E0...0x1F7EB, 0x1F90C...0x1F9FF, 0x1FA70...0x1FAFF, 0x20000...0x2FFFD, 0x30000...0x3FFFD:
        return true
    default:
        return false
    }
}
