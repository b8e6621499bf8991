import CrossingsCore
import Foundation
import Testing

/// `crossings check` on input no editor would write (issue 10, "Never traps"; docs/check.md,
/// "Hostile input"): each ends with the documented exit status and a message naming the file,
/// and nothing raw reaches the terminal. No timing is asserted.
@Suite(.enabled(if: Binary.available, "the crossings executable was not built"))
struct HostileInputTests {
    func tempFile(_ bytes: [UInt8], _ ext: String = "md") throws -> String {
        let path = FileManager.default.temporaryDirectory.appendingPathComponent("crossings-hostile-\(UUID().uuidString).\(ext)").path
        try Data(bytes).write(to: URL(fileURLWithPath: path))
        return path
    }

    @Test func invalidUTF8IsRefusedNamingTheFileAndTheByte() throws {
        let bytes = Array("In 2024, 13,221 North Koreans entered Russia.\nThen ".utf8) + [0xFF, 0xFE] + Array(" more.\n".utf8)
        let path = try tempFile(bytes)
        defer { try? FileManager.default.removeItem(atPath: path) }
        let run = try Binary.run(["check", "--format", "line", path])
        #expect(run.status == 2)
        #expect(run.stdout.isEmpty)
        #expect(run.stderr.contains("\(path): not UTF-8 text (line 2, byte 0xFF at offset 51)"))
    }

    @Test func binaryInputIsRefused() throws {
        var random = SplitMix64(seed: 12)
        var bytes = (0..<65_536).map { _ in UInt8(truncatingIfNeeded: random.next()) }
        bytes[0] = 0xC0  // never valid in UTF-8, whatever the generator gives
        let path = try tempFile(bytes, "bin")
        defer { try? FileManager.default.removeItem(atPath: path) }
        for format in ["human", "line", "json"] {
            let run = try Binary.run(["check", "--format", format, path])
            #expect(run.status == 2)
            #expect(run.stderr.contains("\(path): not UTF-8 text (line 1, byte 0xC0 at offset 0)"))
        }
    }

    @Test func aDirectoryAndAnEndlessDeviceAreRefused() throws {
        let dir = FileManager.default.temporaryDirectory.path
        let run = try Binary.run(["check", dir])
        #expect(run.status == 2)
        #expect(run.stderr.contains("\(dir): is a directory"))
        // /dev/zero never ends: read up to the limit, then refused (never read whole).
        let zero = try Binary.run(["check", "/dev/zero"])
        #expect(zero.status == 2)
        #expect(zero.stderr.contains("/dev/zero: larger than 16 MB"))
    }

    @Test func aNamedPipeNobodyWritesToDoesNotHang() throws {
        // Opened blocking, a FIFO with no writer waited for one forever; read as empty, it was a draft
        // "with no counts" that was never read. Now it is given 5 s for a writer, then refused.
        let fifo = FileManager.default.temporaryDirectory.appendingPathComponent("crossings-fifo-\(getpid())").path
        try #require(mkfifo(fifo, 0o600) == 0)
        defer { unlink(fifo) }
        let run = try Binary.run(["check", fifo])
        #expect(run.status == 2)
        #expect(run.stderr.contains("crossings: \(fifo): a named pipe nothing was written to within 5 s (not read)"))
        #expect(!run.stdout.contains("No counts of travellers found"))
    }

    /// A named pipe whose writer starts a moment later is read as the draft it carries.
    @Test func aNamedPipeWrittenAMomentLaterIsRead() throws {
        let fifo = FileManager.default.temporaryDirectory.appendingPathComponent("crossings-fifo-late-\(getpid())").path
        try #require(mkfifo(fifo, 0o600) == 0)
        defer { unlink(fifo) }
        let writer = Thread {
            usleep(500_000)
            if let h = FileHandle(forWritingAtPath: fifo) {
                h.write(Data("In 2024, 13,221 North Koreans entered Russia.\n".utf8))
                try? h.close()
            }
        }
        writer.start()
        let run = try Binary.run(["check", "--format", "line", fifo])
        #expect(run.status == 0)
        #expect(run.stdout.contains("\(fifo):1:10: note: supported: \"13,221\""))
    }

    /// Fifty bad rows: a command shows twenty errors and counts the rest; `validate` lists every one.
    @Test func manyErrorsAreCountedNotAllPrinted() throws {
        let base = try TempPackage()
        defer { base.remove() }
        let observations = try base.file("observations.csv")
        let bad = (0..<50).map { "bad/\($0),KP-RU,2024-Q5,total,,\($0),,exact,\($0),FSB border service,mediazona-2025-05-08,¶\($0),\n" }.joined()
        let pkg = try TempPackage(replacing: ["observations.csv": observations + bad])
        defer { pkg.remove() }
        let figures = try Binary.run(["--data", pkg.path, "figures"])
        #expect(figures.status == 2)
        let errors = figures.stderr.split(separator: "\n").filter { $0.contains(": error: ") }
        #expect(errors.count == 20)
        #expect(figures.stderr.contains("crossings: … and 30 more (50 in all; `crossings validate \(pkg.path)` lists every one)"))
        let validate = try Binary.run(["validate", pkg.path])
        #expect(validate.status == 1)
        #expect(validate.stdout.split(separator: "\n").filter { $0.contains(": error: '2024-Q5' is not a period") }.count == 50)
    }

    /// Issue 14: a `javascript:` URL and one carrying an escape load (the explorer shows them as text
    /// and neither opens nor links them), but validate warns at the url field: FILE:LINE:COLUMN,
    /// the reason, the escape shown, not sent. Warnings only: the package is still valid (exit 0).
    @Test func validateWarnsAboutURLsTheExplorerRefuses() throws {
        let base = try TempPackage()
        defer { base.remove() }
        let sources = try base.file("sources.csv")
        let url = "https://nknews.org/2023/10/number-of-north-koreans-entering-russia-surges-in-first-half-of-2023-data"
        let other = "http://world.kbs.co.kr/service/news_view.htm?lang=e&Seq_Code=183295"
        #expect(sources.contains("," + url + ",") && sources.contains("," + other + ","))
        let pkg = try TempPackage(replacing: ["sources.csv": sources.replacingOccurrences(of: "," + url + ",", with: ",javascript:alert(1),")
                                                .replacingOccurrences(of: "," + other + ",", with: ",https://example.org/\u{1B}[2J,")])
        defer { pkg.remove() }
        let run = try Binary.run(["validate", pkg.path])
        #expect(run.status == 0)
        let lines = run.stdout.split(separator: "\n").filter { $0.contains("is never opened or linked") }
        #expect(lines.count == 2)
        #expect(lines.contains { $0.hasPrefix("\(pkg.path)/sources.csv:3:") && $0.hasSuffix(": warning: source 'nknews-2023-10': url 'javascript:alert(1)' is never opened or linked: only http:// and https:// URLs are opened") })
        #expect(lines.contains { $0.contains("url 'https://example.org/\\e[2J' is never opened or linked: the URL has a space, control or non-ASCII character") })
        #expect(!run.stdout.contains("\u{1B}"))
    }

    /// At most 10,000 claims are judged in one run (each finding holds its figures and sources: 80,000
    /// "It tripled." took 600 MB a megabyte); the rest are counted, said, and the run exits 2.
    @Test func claimsPastTheLimitAreCountedNotJudged() throws {
        let text = "In 2024, 13,221 North Koreans entered Russia. " + String(repeating: "It tripled. ", count: 10_500)
        let path = try tempFile(Array(text.utf8))
        defer { try? FileManager.default.removeItem(atPath: path) }
        let run = try Binary.run(["check", "--format", "line", path])
        #expect(run.status == 2)
        #expect(run.stdout.split(separator: "\n").count == 10_000)
        #expect(run.stderr.contains("crossings: \(path): 501 more claims not checked: one run checks at most 10,000 claims (those above); split the draft"))
    }

    /// `--data` that is a file, a device or empty is said to be no folder, by name (an empty name as '').
    @Test func dataThatIsNoFolderIsSaidSo() throws {
        let device = try Binary.run(["validate", "--data", "/dev/null"])
        #expect(device.status == 1)
        #expect(device.stdout.contains("/dev/null:1:1: error: not a folder: a data package is a folder that holds datapackage.json"))
        let empty = try Binary.run(["validate", "--data", ""])
        #expect(empty.status == 1)
        #expect(empty.stdout.contains("'':1:1: error: an empty name is no folder"))
    }

    /// Too large to be a count: a finding, exit 1, and the number shown by its start, never echoed whole.
    @Test func aHundredThousandDigitsAreANumberTooLargeToBeACount() throws {
        let run = try Binary.run(["check", "--format", "line", "--text", "In 2024, " + String(repeating: "9", count: 100_000) + " North Koreans entered Russia."])
        #expect(run.status == 1)
        #expect(run.stdout.hasPrefix("<text>:1:10: error: contradicted: \"" + String(repeating: "9", count: 30) + "…\" (KP-RU 2024 total): number too large to be a count"))
        #expect(run.stdout.count < 2_000, "\(run.stdout.count) characters")
    }

    @Test func nulBytesAndEscapesNeverReachTheOutput() throws {
        let sentence = "In 2024, 20,000 North\u{0} Koreans \u{1B}[2J\u{1B}[31mentered Russia.\u{1B}]0;title\u{7} Nearly 10,000 Russians visited North Korea in 2025. "
        let path = try tempFile(Array(String(repeating: sentence, count: 50).utf8) + [UInt8](repeating: 0, count: 10_000))
        defer { try? FileManager.default.removeItem(atPath: path) }
        for format in ["human", "line", "json"] {
            let run = try Binary.run(["check", "--format", format, path])
            #expect(run.status == 1, "20,000 is contradicted: exit 1 (\(format))")
            #expect(!run.stdout.unicodeScalars.contains { $0.value == 0x1B || $0.value == 0 || $0.value == 7 }, "raw control in \(format) output")
            #expect(!run.stderr.unicodeScalars.contains { $0.value == 0x1B })
        }
        let line = try Binary.run(["check", "--format", "line", path])
        #expect(line.stdout.split(separator: "\n").count == 100)
    }

    @Test func aLongLineWithNoFullStopIsRead() throws {
        let clause = "some 13,221 North Koreans entered Russia in 2024, "
        let path = try tempFile(Array(String(repeating: clause, count: 600).utf8))
        defer { try? FileManager.default.removeItem(atPath: path) }
        let run = try Binary.run(["check", "--format", "line", path])
        #expect(run.status == 0)
        let lines = run.stdout.split(separator: "\n")
        #expect(lines.count == 600)
        #expect(lines.allSatisfy { $0.contains("\"some 13,221\"") })
    }
}
