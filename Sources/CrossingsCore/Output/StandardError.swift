import Foundation

/// Writes one line (a newline added when missing) to standard error, where every command's errors
/// go: the CLI's and the explorer backend's alike.
public func printError(_ text: String) {
    FileHandle.standardError.write(Data((text.hasSuffix("\n") ? text : text + "\n").utf8))
}
