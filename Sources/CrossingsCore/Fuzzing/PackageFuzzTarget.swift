/// The package loader on a package with one file made of arbitrary bytes, with the properties
/// every load must keep. The libFuzzer binary (Tests/Fuzz/fuzz.sh package) and the unit test
/// that replays what it found (Tests/Fuzz/corpus/package/regression-*) both call this.
///
/// The first byte picks the file (its low four bits) and whether the rest replaces it or is
/// added to its end (the high bit: rows after a valid header reach the row decoders and the
/// cross-checks); every other file is the base package's own.
///
/// ```swift
/// let base = BundledData.files
/// #expect(PackageFuzzTarget.problems(Array("\u{81}x,y".utf8), base: base).isEmpty)
/// ```
public enum PackageFuzzTarget {
    /// The files the first byte picks from.
    public static let files = ["datapackage.json", "observations.csv", "sources.csv", "vocabulary.csv", "countries.csv",
                               "categories.csv", "events.csv", "event_dates.csv", "ratios.csv", "coverage.csv", "errata.csv",
                               "observations-russia-in-out.csv"]

    /// The base package with the input applied: file name → bytes.
    public static func package(_ input: [UInt8], base: [String: [UInt8]]) -> [String: [UInt8]] {
        guard let first = input.first else { return base }
        let name = files[Int(first & 0x0F) % files.count]
        var package = base
        let rest = Array(input.dropFirst())
        if first & 0x80 != 0, let old = base[name] {
            package[name] = old + (old.last == UInt8(ascii: "\n") ? [] : [UInt8(ascii: "\n")]) + rest
        } else {
            package[name] = rest
        }
        return package
    }

    /// What went wrong with this input: empty when everything held. Loads the package by the
    /// fast path and by the general reader (they must agree), then validates what loads. For
    /// every other input (by length) the fast path splits the observation file between two
    /// threads however small it is, so the split and the join are fuzzed too.
    public static func problems(_ input: [UInt8], base: [String: [UInt8]]) -> [String] {
        let files = package(input, base: base)
        var problems: [String] = []
        let split = input.count % 2 == 1 ? LoadOptions(splitThreshold: 0, splitOnOneCore: true) : LoadOptions()
        func load(fast: Bool) -> Result<Dataset, LoadFailure>? {
            do {
                return .success(try PackageLoader.load(origin: "fuzz", fastPath: fast, options: split) { files[$0] })
            } catch let failure as LoadFailure {
                return .failure(failure)
            } catch {
                problems.append("the loader threw something other than a LoadFailure: \(error)")
                return nil
            }
        }
        guard let fast = load(fast: true), let general = load(fast: false) else { return problems }
        switch (fast, general) {
        case (.success(let a), .success(let b)):
            if Array(a.observations) != Array(b.observations) {
                problems.append("the fast path read \(a.observations.count) observations, the general reader \(b.observations.count), or read them differently")
            }
            problems += CSVFuzzTarget.messageProblems(Validator.findings(a))
        case (.failure(let a), .failure(let b)):
            if a.diagnostics != b.diagnostics {
                problems.append("the fast path reported \(a.diagnostics.count) problems, the general reader \(b.diagnostics.count): "
                                + "\(Set(a.diagnostics).symmetricDifference(b.diagnostics).sorted().prefix(3))")
            }
            if a.diagnostics.isEmpty { problems.append("a load failed with no diagnostic") }
            problems += CSVFuzzTarget.messageProblems(a.diagnostics)
        default:
            problems.append("one path loaded the package and the other did not: fast \(fast), general \(general)")
        }
        return problems
    }
}
