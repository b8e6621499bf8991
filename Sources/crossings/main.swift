import CrossingsCore
import ArgumentParser
import Foundation

// Usage errors exit 2 (ArgumentParser's own default is 64), so scripts and
// editors see the same codes from every command: 0 fine, 1 findings, 2 misuse.
// Output into a closed pipe (`crossings check … | head -1`) ends the write, not the process with
// a signal: exit codes stay 0, 1 or 2.
signal(SIGPIPE, SIG_IGN)
/// Output that could not be written (a full disk) is not success, whatever the command found.
func exitIfOutputLost() {
    if let reason = StandardOutput.failure {
        printError("crossings: cannot write the output: \(reason)")
        Foundation.exit(2)
    }
}
do {
    var command = try Crossings.parseAsRoot()
    try command.run()
    exitIfOutputLost()
} catch let exit as ExitCode {
    exitIfOutputLost()
    Foundation.exit(exit.rawValue)
} catch {
    let code = Crossings.exitCode(for: error)
    if code == .success {
        Crossings.exit(withError: error)  // --help, --version: print and exit 0
    }
    let message = Crossings.fullMessage(for: error)
    printError(message)
    Foundation.exit(code == .validationFailure ? 2 : code.rawValue)
}
