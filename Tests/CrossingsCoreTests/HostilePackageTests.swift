import BundledData
import Foundation
import Testing
@testable import CrossingsCore

/// Packages made to break the loader: what the fuzzers found (Tests/Fuzz/corpus/csv and
/// Tests/Fuzz/corpus/package), replayed through the same targets the fuzzing binary runs, so a
/// finding stays fixed without a fuzzing build.
@Suite("Hostile packages")
struct HostilePackageTests {
    static let corpus = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
        .appendingPathComponent("Fuzz/corpus")

    /// The committed inputs of a target whose names start with one of `prefixes`.
    func inputs(_ target: String, _ prefixes: [String]) throws -> [(name: String, bytes: [UInt8])] {
        let folder = Self.corpus.appendingPathComponent(target)
        return try FileManager.default.contentsOfDirectory(atPath: folder.path).sorted()
            .filter { name in prefixes.contains { name.hasPrefix($0) } }
            .map { ($0, Array(try Data(contentsOf: folder.appendingPathComponent($0)))) }
    }

    /// Every CSV input the fuzzer found and every seed: the reader's records and positions are
    /// consistent, marking bad UTF-8 agrees with failing on it, the fast path and the general
    /// reader agree on every row and message, and no message grows with its input.
    @Test func csvInputsTheFuzzerFound() throws {
        let all = try inputs("csv", ["regression-", "hostile-", "data-"])
        #expect(all.contains { $0.name.hasPrefix("regression-") })
        for (name, bytes) in all { #expect(CSVFuzzTarget.problems(bytes) == [], "\(name)") }
    }

    /// Every package input the fuzzer found and the hostile seeds, applied to the bundled package.
    @Test func packageInputsTheFuzzerFound() throws {
        let base = BundledData.files.mapValues { Array($0.utf8) }
        let all = try inputs("package", ["regression-", "hostile-"])
        #expect(!all.isEmpty)
        for (name, bytes) in all { #expect(PackageFuzzTarget.problems(bytes, base: base) == [], "\(name)") }
    }

    /// The target itself notices what it is there to notice: a fast path that disagrees.
    @Test func theTargetsReportADisagreement() {
        let message = Diagnostic(location: Location(file: "f.csv", line: 1), severity: .error, message: String(repeating: "x", count: 5_000))
        #expect(CSVFuzzTarget.messageProblems([message]).count == 1)
        let hidden = Diagnostic(location: Location(file: "f.csv", line: 0), severity: .error, message: "x")
        #expect(CSVFuzzTarget.messageProblems([hidden]).count == 1)
        #expect(PackageFuzzTarget.package([0x84] + Array("x".utf8), base: ["countries.csv": Array("a\n".utf8)])["countries.csv"] == Array("a\nx".utf8))
        #expect(PackageFuzzTarget.package([0x04] + Array("x".utf8), base: ["countries.csv": Array("a\n".utf8)])["countries.csv"] == Array("x".utf8))
    }

    /// Keys index flows, periods and categories in 16 bits: a file with more distinct categories
    /// than that is refused with a message, where the 65,537th used to trap. Each unknown
    /// category is reported at its first row, found in one pass (a scan per category made this
    /// file take minutes).
    @Test func moreCategoriesThanAKeyCanHold() throws {
        var files = MiniPackage.files
        let rows = (0...ObservationStore.maximumDistinct).map { "ds/c\($0),KP-RU,2024,purpose,c\($0),1,,exact,1,FSB border service,ds,L\($0)," }
        files["observations.csv"] = MiniPackage.observationHeader + "\n" + rows.joined(separator: "\n") + "\n"
        let failure = try #require(throws: LoadFailure.self) { try PackageLoader.load(files: files, origin: "fx") }
        #expect(failure.diagnostics.contains {
            $0.location == Location(file: "fx/observations.csv", line: 1)
                && $0.message == "the observations hold more than 65535 distinct measure and category pairs; crossings reads at most that many"
        })
        #expect(failure.diagnostics.contains {
            $0.location == Location(file: "fx/observations.csv", line: 7) && $0.message == "observation ds/c5: category 'purpose/c5' is not in categories.csv"
        })
        #expect(failure.diagnostics.filter { $0.message.hasSuffix("is not in categories.csv") }.count >= 65_535)
    }
}
