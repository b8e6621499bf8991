import CrossingsCore

/// What the explorer shows while a large data package loads.
public struct LoadingInfo: Hashable, Sendable {
    /// The folder being read.
    public var origin: String
    /// 0…1; nil when the size is not known yet.
    public var fraction: Double?
    public var rows: Int
    /// "reading observations.csv", "indexing", "preparing the explorer"
    public var phase: String

    public init(origin: String, fraction: Double? = nil, rows: Int = 0, phase: String = "starting") {
        self.origin = origin
        self.fraction = fraction
        self.rows = rows
        self.phase = phase
    }
}

/// The loading screen: the folder, a percentage and a bar, rows read, the phase, and that q quits.
///
/// ```swift
/// let screen = renderLoading(LoadingInfo(origin: "/tmp/full", fraction: 0.42, rows: 28_000, phase: "reading observations.csv"), size)
/// ```
public func renderLoading(_ info: LoadingInfo, _ size: Size) -> Screen {
    var screen = Screen(size)
    let w = size.width, h = size.height
    guard w > 0, h > 0 else { return screen }
    screen.fill(x: 0, y: 0, width: w, style: Style(.title))
    screen.put(fit(" crossings", w), x: 0, y: 0, style: Style(.title))
    let percent = info.fraction.map { "\(Int(($0 * 100).rounded(.down)))%" } ?? ""
    let barWidth = max(0, min(50, w - 4))
    var lines: [(String, Role)] = [(fit("Loading \(visible(info.origin))", w - 2), .header), ("", .normal)]
    if barWidth > 0 {
        let filled = Int((info.fraction ?? 0) * Double(barWidth * 8))
        let b = bar(filled, scale: barWidth * 8, width: barWidth)
        lines.append((pad(b, barWidth), .bar))
    }
    lines.append((fit([percent, "\(formatCount(info.rows)) rows", visible(info.phase)].filter { !$0.isEmpty }.joined(separator: " · "), w - 2), .normal))
    lines.append(("", .normal))
    lines.append((fit(Keymap.keyLabel(for: .quit, in: .everywhere, limit: 1) + " or Ctrl-C quits", w - 2), .dim))
    let top = max(1, (h - lines.count) / 2)
    let left = max(1, (w - barWidth) / 2)
    for (i, (text, role)) in lines.enumerated() where top + i < h {
        if role == .bar {
            // The bar's empty part shows as dots, so 0% is visible too.
            let full = text.replacingOccurrences(of: " ", with: "·")
            screen.put(full, x: left, y: top + i, style: Style(.bar))
        } else {
            screen.put(text, x: max(0, (w - cells(text)) / 2), y: top + i, style: Style(role))
        }
    }
    return screen
}
