import ArgumentParser
import CrossingsCore
import CrossingsLSP
import Foundation

/// `crossings lsp`: the language server on stdin and stdout. All of it is CrossingsLSP's
/// `LanguageServer`; this only moves bytes, so nothing but LSP messages ever reaches stdout.
struct LSPCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "lsp",
        abstract: "A language server (LSP 3.17 on stdin/stdout): check's verdicts in any editor, as you type.",
        discussion: """
        Started by an editor, not by hand. Diagnostics for every count of travellers in an open \
        Markdown or text document, a hover with the dataset's figure and its sources, and quick \
        fixes (use the sourced figure, insert a citation). Logs go to standard error. \
        Exit status: 0 after shutdown and exit, 1 on exit without shutdown or end of input. See docs/editors.md.
        """
    )

    @OptionGroup var data: DataOptions

    func run() throws {
        let dataset = try data.load()
        // A client gone away is an EPIPE from write, not a signal that kills the server mid-message.
        signal(SIGPIPE, SIG_IGN)
        let server = LanguageServer(checker: Checker(dataset), send: { bytes in
            var at = 0
            while at < bytes.count {
                let n = bytes[at...].withUnsafeBytes { write(1, $0.baseAddress, $0.count) }
                if n < 0 { if errno == EINTR { continue }; return }
                at += n
            }
        }, log: { line in
            printError(line)
        })
        var buffer = [UInt8](repeating: 0, count: 1 << 16)
        while server.exitCode == nil {
            let n = buffer.withUnsafeMutableBytes { read(0, $0.baseAddress, $0.count) }
            if n < 0 && errno == EINTR { continue }
            if n <= 0 { break }
            // Debounce: what the client has already written joins this read (up to 16 MB), so a burst of
            // edits is applied together and the document checked once, not once per 64 KB read.
            var pending = Array(buffer[0..<n])
            var ready = pollfd(fd: 0, events: Int16(POLLIN), revents: 0)
            while pending.count < 16 << 20, poll(&ready, 1, 0) > 0, ready.revents & Int16(POLLIN) != 0 {
                let more = buffer.withUnsafeMutableBytes { read(0, $0.baseAddress, $0.count) }
                if more < 0 && errno == EINTR { continue }
                if more <= 0 { break }  // end of input: the next read says so
                pending += buffer[0..<more]
            }
            server.receive(pending)
        }
        // End of input without exit: the client is gone; as `exit` without `shutdown`, status 1.
        let status = server.exitCode ?? 1
        if status != 0 { throw ExitCode(status) }
    }
}
