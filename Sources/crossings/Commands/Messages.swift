import CrossingsCore
import Foundation

// How every command speaks to the person at the terminal: errors on standard error, paths as they would be typed.

/// Writes a package's diagnostics (`FILE:LINE:COLUMN: error: …`) to standard error, one a line, made visible.
func printDiagnostics<S: Sequence<Diagnostic>>(_ diagnostics: S) {
    printError(diagnostics.map { visible($0.description) }.joined(separator: "\n"))
}

/// A path as a shell would need it typed: as it is when it holds only safe characters, else in single quotes.
func shellQuoted(_ s: String) -> String {
    let safe = s.unicodeScalars.allSatisfy { $0.isASCII && (CharacterSet.alphanumerics.contains($0) || "/._-+,=:@%".unicodeScalars.contains($0)) }
    return safe && !s.isEmpty ? s : "'" + s.replacingOccurrences(of: "'", with: "'\\''") + "'"
}
