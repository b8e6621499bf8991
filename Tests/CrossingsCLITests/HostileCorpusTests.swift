#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif
import Foundation
import Testing

/// The malformed-input corpus (issue 11; docs/security.md, "The hostile-input corpus"): every case
/// in `Fixtures/hostile/packages.tsv` and `Fixtures/hostile/drafts.tsv` is run through the real
/// `crossings` binary, and each run must
///
/// - end within its timeout (20 s unless the manifest says otherwise; the process is killed),
/// - end by `exit`, never by a signal, and print no "Fatal error",
/// - leave with the expected status and print the expected message (`{dir}/FILE:LINE:COLUMN: …`
///   for a package; the file and line/offset for a refused draft),
/// - print no raw ESC (0x1B), 8-bit CSI (U+009B) or NUL,
/// - print nothing of the canary: a file outside the package, and an environment variable, that
///   hold a secret no run may show (resource paths point at it through `../`, an absolute path,
///   a symlink, `/proc/self/environ`),
/// - for a package that is refused, say where (a `FILE:LINE:COLUMN: error:` inside the package)
///   and not bury it under knock-on errors (at most `max-errors`, 10 unless the manifest says).
///
/// A package case is the base package (`Fixtures/hostile/base`, minimal and valid) with the files
/// of `packages/CASE/` laid over it (a `REMOVE` file lists base files to delete). A draft case is
/// `drafts/CASE`. Inputs too large or too special to commit (a FIFO, a symlink, 16 MB) are made
/// at run time by a generator of the same name below.
@Suite(.serialized, .enabled(if: Binary.available, "the crossings executable was not built"))
struct HostileCorpusTests {
    @Test(arguments: HostileCase.all)
    func hostileInput(_ c: HostileCase) throws {
        let work = try Workspace(c)
        defer { work.remove() }
        if let generate = Generators.all[c.name] { try generate(work) }
        let before = work.hashes()
        let args = c.arguments.map(work.substitute)
        let run = try runBounded(Binary.url!, args, stdin: args.contains("-") ? work.draft : "/dev/null", env: ["CROSSINGS_HOSTILE_CANARY": work.secret],
                                 cwd: work.root, timeout: c.timeout)
        let output = run.stdout + run.stderr
        let text = String(decoding: output, as: UTF8.self)
        let shown = "\(c.name): crossings \(args.map { $0.count > 120 ? String($0.prefix(60)) + "…" : $0 }.joined(separator: " "))\n\(text.prefix(3000))"

        #expect(!run.timedOut, "no hang: killed after \(c.timeout) s — \(shown)")
        #expect(run.signal == nil, "no crash: ended by signal \(run.signal ?? 0) — \(shown)")
        #expect(!text.contains("Fatal error"), "no trap — \(shown)")
        #expect(run.status == c.exit, "exit status — \(shown)")
        let expected = work.substitute(c.expect)
        if expected.hasPrefix("re:") {
            let pattern = try Regex(String(expected.dropFirst(3)))
            #expect(text.contains(pattern), "output matches /\(expected.dropFirst(3))/ — \(shown)")
        } else if !expected.isEmpty {
            #expect(text.contains(expected), "output contains '\(expected)' — \(shown)")
        }
        #expect(!text.contains(work.secret), "nothing outside the package is read — \(shown)")
        #expect(!output.contains(0x1B) && !output.contains(0), "no raw ESC or NUL in the output — \(shown)")
        #expect(!text.unicodeScalars.contains { $0.value == 0x9B }, "no raw 8-bit CSI in the output — \(shown)")
        let errors = text.split(separator: "\n").filter { $0.contains(": error: ") }.count
        #expect(errors <= c.maxErrors, "at most \(c.maxErrors) errors, found \(errors) (knock-on errors) — \(shown)")
        if c.kind == .package, c.exit != 0, c.arguments.first != "import" {
            // A refused package says where: a FILE:LINE:COLUMN inside it.
            let located = try Regex(NSRegularExpression.escapedPattern(for: work.dir) + "/[^:\\n]+:[0-9]+:[0-9]+: error: ")
            #expect(text.contains(located), "a FILE:LINE:COLUMN: error: in the package — \(shown)")
        }
        if let check = Generators.after[c.name] { try check(work, run, before, text) }
    }
}

/// One row of a manifest.
struct HostileCase: Sendable, CustomTestStringConvertible {
    enum Kind: Sendable { case package, draft }
    var kind: Kind
    var name: String
    var arguments: [String]
    var exit: Int32
    var expect: String
    var maxErrors: Int
    var timeout: Double
    var testDescription: String { name }

    static let root = URL(fileURLWithPath: #filePath).deletingLastPathComponent().appendingPathComponent("Fixtures/hostile")

    static let all: [HostileCase] = read("packages.tsv", .package) + read("drafts.tsv", .draft)

    /// `case<TAB>arguments<TAB>exit<TAB>expected[<TAB>max-errors[<TAB>timeout]]`; `#` starts a comment line.
    static func read(_ manifest: String, _ kind: Kind) -> [HostileCase] {
        guard let text = try? String(contentsOf: root.appendingPathComponent(manifest), encoding: .utf8) else { return [] }
        return text.split(separator: "\n").compactMap { line -> HostileCase? in
            if line.hasPrefix("#") || line.allSatisfy(\.isWhitespace) { return nil }
            let f = line.split(separator: "\t", omittingEmptySubsequences: false).map(String.init)
            guard f.count >= 4, let exit = Int32(f[2]) else { return nil }
            return HostileCase(kind: kind, name: f[0], arguments: f[1].split(separator: " ").map(String.init), exit: exit,
                               expect: f[3], maxErrors: f.count > 4 ? Int(f[4]) ?? 10 : 10,
                               timeout: f.count > 5 ? Double(f[5]) ?? 20 : 20)
        }
    }
}

/// A case's temporary folder: `root/pkg` (the package), `root/canary.csv` (outside it), `root/draft`.
struct Workspace {
    let root: String
    let dir: String
    let canary: String
    let secret = "CANARY-\(UUID().uuidString)"
    let draft: String

    init(_ c: HostileCase) throws {
        let fm = FileManager.default
        root = fm.temporaryDirectory.appendingPathComponent("crossings-corpus-\(UUID().uuidString.prefix(8))").path
        dir = root + "/pkg"
        canary = root + "/canary.csv"
        draft = root + "/draft"
        try fm.createDirectory(atPath: dir, withIntermediateDirectories: true)
        try Data("code,name\n\(secret),\(secret)\n".utf8).write(to: URL(fileURLWithPath: canary))
        let base = HostileCase.root.appendingPathComponent("base").path
        for name in try fm.contentsOfDirectory(atPath: base) {
            try fm.copyItem(atPath: base + "/" + name, toPath: dir + "/" + name)
        }
        switch c.kind {
        case .package:
            let overlay = HostileCase.root.appendingPathComponent("packages/\(c.name)").path
            for name in (try? fm.contentsOfDirectory(atPath: overlay)) ?? [] where name != ".keep" {
                let from = overlay + "/" + name
                if name == "REMOVE" {
                    let names = try String(contentsOfFile: from, encoding: .utf8).split(separator: "\n")
                    for n in names { try fm.removeItem(atPath: dir + "/" + n) }
                    continue
                }
                var bytes = try Data(contentsOf: URL(fileURLWithPath: from))
                // `{canary}` in a descriptor stands for the canary's absolute path.
                if name == "datapackage.json", let s = String(data: bytes, encoding: .utf8), s.contains("{canary}") {
                    bytes = Data(s.replacingOccurrences(of: "{canary}", with: canary).utf8)
                }
                try? fm.removeItem(atPath: dir + "/" + name)
                try bytes.write(to: URL(fileURLWithPath: dir + "/" + name))
            }
        case .draft:
            let file = HostileCase.root.appendingPathComponent("drafts/\(c.name)").path
            if fm.fileExists(atPath: file) { try fm.copyItem(atPath: file, toPath: draft) }
        }
    }

    /// `{dir}`, `{root}`, `{file}`, `{canary}`; `{text}` is the draft's text (one argument).
    func substitute(_ s: String) -> String {
        var s = s
        if s.contains("{text}") { s = s.replacingOccurrences(of: "{text}", with: (try? String(contentsOfFile: draft, encoding: .utf8)) ?? "") }
        return s.replacingOccurrences(of: "{dir}", with: dir).replacingOccurrences(of: "{root}", with: root)
            .replacingOccurrences(of: "{file}", with: draft).replacingOccurrences(of: "{canary}", with: canary)
    }

    /// A digest of every regular file in the package (name → FNV-1a of its bytes), to show nothing was overwritten.
    func hashes() -> [String: UInt64] {
        var out: [String: UInt64] = [:]
        for name in (try? FileManager.default.contentsOfDirectory(atPath: dir)) ?? [] {
            guard let data = FileManager.default.contents(atPath: dir + "/" + name) else { continue }
            // The standard library's hash of the whole buffer (compared within one run, so its
            // per-process seed does not matter): a byte loop in a debug build took about a
            // second for the 10 MB and 5 MB files of some cases, twice each.
            var hasher = Hasher()
            data.withUnsafeBytes { hasher.combine(bytes: $0) }
            hasher.combine(data.count)
            out[name] = UInt64(bitPattern: Int64(hasher.finalize()))
        }
        return out
    }

    func write(_ name: String, _ bytes: [UInt8]) throws {
        try Data(bytes).write(to: URL(fileURLWithPath: dir + "/" + name))
    }

    func append(_ name: String, _ text: String) throws {
        let handle = try FileHandle(forWritingTo: URL(fileURLWithPath: dir + "/" + name))
        defer { try? handle.close() }
        try handle.seekToEnd()
        try handle.write(contentsOf: Data(text.utf8))
    }

    func remove() {
        chmod(root, 0o700)
        try? FileManager.default.removeItem(atPath: root)
    }
}

/// What a bounded run printed and how it ended.
struct BoundedRun {
    var status: Int32
    var signal: Int32?
    var timedOut: Bool
    var stdout: [UInt8]
    var stderr: [UInt8]
}

/// Runs `executable` with standard input from the file `stdin`, killing it after `timeout` seconds.
/// Both pipes are drained while it runs, so a large output cannot block it.
func runBounded(_ executable: URL, _ arguments: [String], stdin: String, env: [String: String], cwd: String,
                timeout: Double) throws -> BoundedRun {
    let process = Process()
    process.executableURL = executable
    process.arguments = arguments
    process.currentDirectoryURL = URL(fileURLWithPath: cwd)
    var environment = ProcessInfo.processInfo.environment
    for (k, v) in env { environment[k] = v }
    process.environment = environment
    let out = Pipe(), err = Pipe()
    process.standardOutput = out
    process.standardError = err
    let input = FileHandle(forReadingAtPath: stdin) ?? FileHandle.nullDevice
    process.standardInput = input
    final class Box: @unchecked Sendable { var data = Data() }
    let outBox = Box(), errBox = Box()
    let group = DispatchGroup()
    try process.run()
    try? input.close()
    group.enter()
    DispatchQueue.global().async { outBox.data = out.fileHandleForReading.readDataToEndOfFile(); group.leave() }
    group.enter()
    DispatchQueue.global().async { errBox.data = err.fileHandleForReading.readDataToEndOfFile(); group.leave() }
    var timedOut = false
    if group.wait(timeout: .now() + timeout) == .timedOut {
        timedOut = true
        kill(process.processIdentifier, SIGKILL)
        group.wait()
    }
    process.waitUntilExit()
    let signal: Int32? = process.terminationReason == .uncaughtSignal ? process.terminationStatus : nil
    return BoundedRun(status: signal == nil ? process.terminationStatus : -1, signal: timedOut ? nil : signal, timedOut: timedOut,
                      stdout: Array(outBox.data), stderr: Array(errBox.data))
}

/// Inputs made at run time, by case name: too large to commit, or not plain files.
enum Generators {
    typealias After = @Sendable (Workspace, BoundedRun, [String: UInt64], String) throws -> Void

    static let all: [String: @Sendable (Workspace) throws -> Void] = [
        // Packages
        "067-bad-byte-in-source-title": { w in
            // 500 rows cite the source whose row has the bad byte: none of them is a further error.
            try w.append("observations.csv", (1...500).map { "example-2025/x\($0),KP-RU,2023,total,,\($0),,exact,\($0),FSB border service,example-2025,¶\($0),\n" }.joined())
        },
        "070-symlinked-csv-to-canary": { w in try w.link("observations.csv", to: "../canary.csv") },
        "071-symlinked-csv-to-proc-self-environ": { w in try w.link("countries.csv", to: "/proc/self/environ") },
        "072-symlinked-datapackage-json-to-canary": { w in try w.link("datapackage.json", to: w.canary) },
        "073-fifo-in-place-of-csv": { w in
            try FileManager.default.removeItem(atPath: w.dir + "/sources.csv")
            try #require(mkfifo(w.dir + "/sources.csv", 0o600) == 0)
        },
        "074-symlinked-csv-to-dev-zero": { w in try w.link("events.csv", to: "/dev/zero") },
        "090-symlink-loop": { w in try w.link("sources.csv", to: "sources.csv") },
        "075-symlink-inside-package": { w in
            // Allowed: it stays inside the package once followed.
            try FileManager.default.createDirectory(atPath: w.dir + "/tables", withIntermediateDirectories: false)
            try FileManager.default.moveItem(atPath: w.dir + "/countries.csv", toPath: w.dir + "/tables/countries.csv")
            try w.link("countries.csv", to: "tables/countries.csv")
        },
        "076-ten-megabyte-field": { w in
            try w.write("countries.csv", Array("code,name\nKP,North Korea\nRU,Russia\n".utf8) + [UInt8](repeating: UInt8(ascii: "A"), count: 10 << 20) + Array(",Atlantis\n".utf8))
        },
        "077-five-megabytes-of-digits-in-a-count": { w in
            try w.append("observations.csv", "example-2025/9,KP-RU,2023,total,," + String(repeating: "9", count: 5 << 20) + ",,exact,1,FSB border service,example-2025,¶9,\n")
        },
        "078-hundred-thousand-nested-brackets": { w in
            try w.write("datapackage.json", [UInt8](repeating: UInt8(ascii: "["), count: 100_000))
        },
        "081-hundred-thousand-observations-with-one-bad-row": { w in
            var rows = ""
            rows.reserveCapacity(100_000 * 90)
            for i in 1...100_000 {
                let period = "\(2000 + i % 25)-Q\(1 + i % 4)"
                rows += "bulk/\(i),\(i % 2 == 0 ? "KP-RU" : "RU-KP"),\(period),total,,\(i),,exact,\(i),FSB border service,example-2025,L\(i),\n"
            }
            rows += "bulk/bad,KP-RU,2024-Q5,total,,1,,exact,1,FSB border service,example-2025,L0,\n"
            try w.append("observations.csv", rows)
        },
        "083-two-thousand-resources-naming-one-file": { w in
            // Each listed after the base resources: took minutes to place in the descriptor, and read the file 2,000 times.
            let descriptor = try String(contentsOfFile: w.dir + "/datapackage.json", encoding: .utf8)
            let more = (0..<2_000).map { ",\n    {\n      \"name\": \"observations-\($0)\",\n      \"path\": \"observations.csv\"\n    }" }.joined()
            let end = try #require(descriptor.range(of: "\n  ]\n}", options: .backwards))
            try w.write("datapackage.json", Array((descriptor[..<end.lowerBound] + more + descriptor[end.lowerBound...]).utf8))
        },
        // Drafts
        "042-five-megabytes-of-digits-one-line.md": { w in
            try w.draft("In 2024, " + String(repeating: "9", count: 5 << 20) + " North Koreans entered Russia.\n")
        },
        "043-five-megabytes-of-digits-grouped.md": { w in
            try w.draft("In 2024, 1" + String(repeating: ",000", count: (5 << 20) / 4) + " North Koreans entered Russia.\n")
        },
        "044-five-megabytes-of-digits-one-per-line.md": { w in
            try w.draft(String(repeating: "1234567\n", count: (5 << 20) / 8))
        },
        "045-hundred-thousand-numbers.md": { w in
            try w.draft("In 2024, " + (1...100_000).map(String.init).joined(separator: " ") + " North Koreans entered Russia.\n")
        },
        "046-one-megabyte-single-line.md": { w in
            let sentence = "In 2024, 13,221 North Koreans entered Russia, and nearly 20,000 Russians visited North Korea in 2025. "
            try w.draft(String(repeating: sentence, count: (1 << 20) / sentence.utf8.count))
        },
        "047-one-comma-32768-times.md": { w in try w.draft(String(repeating: "1,", count: 32_768)) },
        "048-over-sixteen-megabytes.md": { w in try w.draft(String(repeating: "North Koreans entered Russia. ", count: (17 << 20) / 30)) },
        "049-dev-zero.md": { w in try FileManager.default.createSymbolicLink(atPath: w.draftPath, withDestinationPath: "/dev/zero") },
        "050-dev-zero-on-stdin.md": { w in try FileManager.default.createSymbolicLink(atPath: w.draftPath, withDestinationPath: "/dev/zero") },
        "051-fifo-nobody-writes.md": { w in try #require(mkfifo(w.draftPath, 0o600) == 0) },
        "052-directory.md": { w in try FileManager.default.createDirectory(atPath: w.draftPath, withIntermediateDirectories: false) },
        "053-ten-megabyte-word.md": { w in try w.draft("In 2024, " + String(repeating: "x", count: 10 << 20) + " 13,221 North Koreans entered Russia.\n") },
    ]

    static let after: [String: After] = [
        "067-bad-byte-in-source-title": { w, _, _, text in
            // The first error (of one) is the bad byte, at its line and column, not a citation of the source.
            let first = text.split(separator: "\n").first { $0.contains(": error: ") }
            #expect(first?.hasPrefix(w.dir + "/sources.csv:2:65: error: byte 0xE9") == true, "\(first ?? "")")
        },
        "076-ten-megabyte-field": { _, run, _, text in
            // The message quotes the field clipped to 80 characters, not 10 MB of it.
            #expect(run.stdout.count + run.stderr.count < 4_000, "\(run.stdout.count + run.stderr.count) bytes of output")
            #expect(text.contains("'" + String(repeating: "A", count: 80) + "…'"))
        },
        "077-five-megabytes-of-digits-in-a-count": { _, run, _, _ in
            #expect(run.stdout.count + run.stderr.count < 4_000, "\(run.stdout.count + run.stderr.count) bytes of output")
        },
        "079-import-into-non-empty-package": { w, _, before, _ in
            // Refused before anything is written: every file as it was.
            #expect(w.hashes() == before)
            #expect(!before.isEmpty)
        },
        "080-import-row-with-invalid-utf8": { w, _, _, _ in
            // The two good rows are imported; the package written loads.
            let figures = try runBounded(Binary.url!, ["figures", "--data", w.root + "/out", "--format", "csv", "--flow", "KP-RU", "--measure", "transport"],
                                         stdin: "/dev/null", env: [:], cwd: w.root, timeout: 20)
            #expect(figures.status == 0)
            let rows = csvRows(String(decoding: figures.stdout, as: UTF8.self))
            #expect(Set(rows.compactMap { $0["category"] }) == ["air", "road"])
        },
    ]
}

extension Workspace {
    var draftPath: String { draft }

    func link(_ name: String, to target: String) throws {
        try? FileManager.default.removeItem(atPath: dir + "/" + name)
        try FileManager.default.createSymbolicLink(atPath: dir + "/" + name, withDestinationPath: target)
    }

    func draft(_ text: String) throws {
        try Data(text.utf8).write(to: URL(fileURLWithPath: draft))
    }
}
