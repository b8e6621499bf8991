/// A problem found in a data package, at a place in a file.
/// Printed as `FILE:LINE:COLUMN: error: MESSAGE`, the form compilers and editors read.
public struct Diagnostic: Hashable, Sendable, CustomStringConvertible, Comparable {
    public enum Severity: String, Sendable, Comparable {
        case error, warning, note
        var rank: Int { switch self { case .error: 0; case .warning: 1; case .note: 2 } }
        public static func < (a: Severity, b: Severity) -> Bool { a.rank < b.rank }
    }

    public var location: Location
    public var severity: Severity
    public var message: String

    public init(location: Location, severity: Severity, message: String) {
        self.location = location
        self.severity = severity
        self.message = message
    }

    public var description: String { "\(location): \(severity.rawValue): \(message)" }

    public static func < (a: Diagnostic, b: Diagnostic) -> Bool {
        (a.location, a.severity, a.message) < (b.location, b.severity, b.message)
    }
}

/// Loading stopped: the package has errors and is not used at all.
public struct LoadFailure: Error, CustomStringConvertible {
    public var diagnostics: [Diagnostic]
    /// How the files were read before the load was refused (empty when it stopped before any observation file).
    public var statistics = LoadStatistics()
    public init(_ diagnostics: [Diagnostic]) { self.diagnostics = diagnostics }
    public var description: String { diagnostics.map(\.description).joined(separator: "\n") }
}


/// A value from a package, cut for a message: at most `limit` characters, then an ellipsis,
/// so a 10 MB field is never echoed whole.
func clip(_ s: String, _ limit: Int = 80) -> String {
    if s.utf8.count <= limit { return s }
    var end = s.startIndex, n = 0
    while n < limit, end < s.endIndex { s.formIndex(after: &end); n += 1 }
    return end == s.endIndex ? s : String(s[..<end]) + "…"
}

func clip<S: StringProtocol>(_ s: S, _ limit: Int = 80) -> String { clip(String(s), limit) }
