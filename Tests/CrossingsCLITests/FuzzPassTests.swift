import Foundation
import Testing

/// A short fuzz pass, run by `swift test` (and so by `.ci/run`): the fuzzing binary is built
/// (cached under .build/fuzz, rebuilt only when the hash of its sources changes) and every target
/// runs for 3 s from the committed corpus (not from what long runs found: replaying thousands of
/// inputs would take the whole budget). libFuzzer runs every committed input before it mutates,
/// so each seed and regression input is replayed on every `swift test`; the mutations are a smoke
/// test. The long runs are `Tests/Fuzz/fuzz.sh TARGET [SECONDS]` (60 s by default), and what they
/// found: docs/security.md, "Fuzzing".
///
/// The pass builds without optimisation: about 35 s of compiling instead of 2.5 minutes, for a
/// third of the inputs per second, the better trade for a short budget. CROSSINGS_FUZZ_SECONDS
/// changes the budget per target (20 was the default until the pass had to fit `swift test` in
/// 30 s); CROSSINGS_FUZZ_SECONDS=0 skips the pass.
@Suite("Fuzz pass")
struct FuzzPassTests {
    static let root = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
    static let out = root.appendingPathComponent(".build/fuzz")
    static let seconds = Int(ProcessInfo.processInfo.environment["CROSSINGS_FUZZ_SECONDS"] ?? "") ?? 3
    static let flavor = ["FUZZ_SWIFTFLAGS": "-Onone", "FUZZ_FRESH": "1"]

    /// Why the pass cannot run on this machine, or nil when it can: swiftc must build a
    /// libFuzzer program (the Linux toolchains ship libFuzzer; Xcode's swiftc does not).
    static let unavailable: String? = {
        if seconds <= 0 { return "CROSSINGS_FUZZ_SECONDS is \(seconds)" }
        let probe = out.appendingPathComponent("probe")
        let binary = probe.appendingPathComponent("probe")
        if FileManager.default.isExecutableFile(atPath: binary.path) { return nil }
        do {
            try FileManager.default.createDirectory(at: probe, withIntermediateDirectories: true)
            let source = probe.appendingPathComponent("probe.swift")
            try Data("@_cdecl(\"LLVMFuzzerTestOneInput\") public func fuzz(_ d: UnsafePointer<UInt8>?, _ n: Int) -> CInt { 0 }\n".utf8).write(to: source)
            let run = try runProcess(URL(fileURLWithPath: "/usr/bin/env"),
                                     ["swiftc", "-sanitize=fuzzer", "-parse-as-library", source.path, "-o", binary.path])
            if run.status == 0 { return nil }
            return "swiftc -sanitize=fuzzer fails here: " + run.stderr.split(separator: "\n").suffix(3).joined(separator: " ")
        } catch {
            return "swiftc could not be run: \(error)"
        }
    }()

    /// The binary, built once for every target (the first test to ask builds it; fuzz.sh holds
    /// a lock, so a person's build at the same time waits too).
    static let build: Result<String, BuildFailure> = {
        guard let run = try? runProcess(root.appendingPathComponent("Tests/Fuzz/fuzz.sh"), ["build"], cwd: root.path, env: flavor) else {
            return .failure(BuildFailure(output: "Tests/Fuzz/fuzz.sh could not be started"))
        }
        let path = run.stdout.trimmingCharacters(in: .whitespacesAndNewlines)
        guard run.status == 0, !path.isEmpty else { return .failure(BuildFailure(output: tail(run.stdout + run.stderr, 40))) }
        return .success(path)
    }()

    struct BuildFailure: Error, CustomStringConvertible {
        var output: String
        var description: String { "the fuzzing binary did not build:\n\(output)" }
    }

    static func tail(_ text: String, _ lines: Int) -> String {
        text.split(separator: "\n", omittingEmptySubsequences: false).suffix(lines).joined(separator: "\n")
    }

    // Skipped, saying why (the probe's message is printed), where swiftc cannot build a libFuzzer
    // target: macOS with Xcode's toolchain, or a Linux toolchain without compiler-rt.
    @Test(.enabled(if: unavailable == nil, "swiftc -sanitize=fuzzer is not available (or CROSSINGS_FUZZ_SECONDS=0)"),
          arguments: ["check", "csv", "package", "explorer", "lsp"])
    func aShortRunFindsNothing(target: String) throws {
        // Built once for every target; a build failure fails each of them with its output.
        _ = try Self.build.get()
        // Findings of this pass go to their own folder, so the test names exactly what it found.
        let artifacts = Self.out.appendingPathComponent("pass/\(target)")
        try? FileManager.default.removeItem(at: artifacts)
        try FileManager.default.createDirectory(at: artifacts, withIntermediateDirectories: true)
        // libFuzzer takes the last of a repeated flag: these override fuzz.sh's. A hang is 30 s
        // here, not 5: the pass shares two cores with every other test. A "slow unit" (saved as an
        // artifact past 10 s by default) likewise: under that load one explorer input took 11 s that
        // takes 2 s alone, and failed the pass three times in one afternoon.
        let run = try runProcess(Self.root.appendingPathComponent("Tests/Fuzz/fuzz.sh"),
                                 [target, "\(Self.seconds)", "-artifact_prefix=\(artifacts.path)/", "-timeout=30", "-report_slow_units=30",
                                  "-print_final_stats=1"],
                                 cwd: Self.root.path, env: Self.flavor)
        let found = (try? FileManager.default.contentsOfDirectory(atPath: artifacts.path)) ?? []
        #expect(run.status == 0 && found.isEmpty, """
            fuzz target '\(target)' found a problem in \(Self.seconds) s (reproduce: FUZZ_SWIFTFLAGS=-Onone Tests/Fuzz/fuzz.sh \(target) FILE)
            crashing input: \(found.map { artifacts.appendingPathComponent($0).path }.joined(separator: ", "))
            \(Self.tail(run.stderr, 30))
            """)
        // It really ran: libFuzzer's final statistics count the inputs it executed.
        let executed = run.stderr.split(separator: "\n").first { $0.hasPrefix("stat::number_of_executed_units:") }
        let count = executed.flatMap { Int($0.split(separator: ":").last?.trimmingCharacters(in: .whitespaces) ?? "") } ?? 0
        #expect(count > 0, "fuzz target '\(target)' executed no input:\n\(Self.tail(run.stderr, 30))")
        print("fuzz pass: \(target) ran \(count) inputs in \(Self.seconds) s")
    }
}
