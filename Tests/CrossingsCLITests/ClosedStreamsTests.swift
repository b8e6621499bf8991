import Foundation
import Testing

/// A closed, full or broken standard error or output must not crash a command (it had exited 132,
/// SIGILL, from FileHandle's trap) nor keep it working for a reader that has gone away.
@Suite("Closed standard streams", .enabled(if: Binary.available, "the crossings executable is not built"))
struct ClosedStreamsTests {
    /// Runs `crossings ARGS` under /bin/sh with `redirections` after it; returns the exit status.
    func status(_ arguments: [String], _ redirections: String) throws -> Int32 {
        let binary = try #require(Binary.url).path
        let line = ([binary] + arguments).map { "'" + $0.replacingOccurrences(of: "'", with: "'\\''") + "'" }.joined(separator: " ")
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/bin/sh")
        process.arguments = ["-c", "\(line) \(redirections)"]
        process.standardOutput = FileHandle.nullDevice
        process.standardError = FileHandle.nullDevice
        try process.run()
        process.waitUntilExit()
        return process.terminationStatus
    }

    @Test("an error with standard error closed or full exits 2, not 132", arguments: ["2>&-", "2>/dev/full"])
    func errorsWithNowhereToGo(_ redirection: String) throws {
        #expect(try status(["figures", "--data", "/nonexistent-crossings-package"], redirection) == 2)
    }

    @Test("an error into a pipe nobody reads exits 2, not 132")
    func errorsIntoABrokenPipe() throws {
        let process = Process()
        process.executableURL = try #require(Binary.url)
        process.arguments = ["figures", "--data", "/nonexistent-crossings-package"]
        let err = Pipe()
        process.standardError = err
        process.standardOutput = FileHandle.nullDevice
        try err.fileHandleForReading.close()  // no reader: the first write fails with EPIPE
        try process.run()
        process.waitUntilExit()
        #expect(process.terminationReason == .exit && process.terminationStatus == 2)
    }

    @Test("output into a full disk is not success: exit 2, never a crash, whatever the verdict")
    func outputIntoAFullDisk() throws {
        #expect(try status(["check", "--text", "13,221 North Koreans entered Russia in 2024."], ">/dev/full 2>/dev/full") == 2)
        #expect(try status(["figures", "--flow", "KP-RU"], ">/dev/full") == 2)
        // And it says why, on standard error.
        let binary = try #require(Binary.url).path
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/bin/sh")
        process.arguments = ["-c", "'\(binary)' figures --flow KP-RU >/dev/full"]
        let err = Pipe()
        process.standardError = err
        try process.run()
        let text = String(decoding: err.fileHandleForReading.readDataToEndOfFile(), as: UTF8.self)
        process.waitUntilExit()
        #expect(text.contains("crossings: cannot write the output: No space left on device"), "\(text)")
    }

    /// `figures --format csv` streams one flow at a time; with its reader gone, it stops.
    @Test("figures --format csv into a closed pipe stops at the first failed write and exits 0")
    func streamingStopsWhenTheReaderLeaves() throws {
        let binary = try #require(Binary.url)
        let process = Process()
        process.executableURL = binary
        process.arguments = ["figures", "--format", "csv"]
        let out = Pipe()
        process.standardOutput = out
        process.standardError = FileHandle.nullDevice
        try out.fileHandleForReading.close()  // nobody will read: the first write fails with EPIPE
        try process.run()
        process.waitUntilExit()
        #expect(process.terminationReason == .exit && process.terminationStatus == 0)
    }

    @Test("--data bundled with a folder named bundled here: a notice says which is read")
    func bundledFolderNotice() throws {
        let dir = FileManager.default.temporaryDirectory.appendingPathComponent("crossings-bundled-\(UUID().uuidString.prefix(8))")
        try FileManager.default.createDirectory(at: dir.appendingPathComponent("bundled"), withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: dir) }
        let run = try Binary.run(["figures", "--data", "bundled", "--flow", "KP-RU", "--from", "2024", "--to", "2024", "--by", "year"], cwd: dir.path)
        #expect(run.status == 0)
        #expect(run.stderr.contains("--data bundled reads the bundled package, not the folder ./bundled here (that one is --data ./bundled)"), "\(run.stderr)")
        #expect(run.stdout.contains("13,221"))
        let elsewhere = try Binary.run(["figures", "--data", "bundled", "--flow", "KP-RU", "--from", "2024", "--to", "2024", "--by", "year"])
        #expect(!elsewhere.stderr.contains("note:"))
    }
}
