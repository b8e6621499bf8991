import Foundation

/// The width of the terminal standard output is: $COLUMNS when set, else what the terminal says
/// (TIOCGWINSZ); nil off a terminal (a pipe, a file), where tables and the overview print in full.
public func terminalWidth() -> Int? {
    guard isatty(1) != 0 else { return nil }
    if let columns = ProcessInfo.processInfo.environment["COLUMNS"].flatMap({ Int($0) }), columns > 0 {
        return columns
    }
    var size = winsize()
    if ioctl(1, UInt(TIOCGWINSZ), &size) == 0, size.ws_col > 0 { return Int(size.ws_col) }
    return nil
}
