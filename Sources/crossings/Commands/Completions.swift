import ArgumentParser
import BundledData
import CrossingsCore
import Foundation

/// What the shell completions (`crossings --generate-completion-script bash|zsh|fish`) offer for
/// the options whose values come from the data: fixed lists are written into the script; flows
/// and source ids are asked of the binary on each Tab (`.custom`), from the packages given with
/// `--data` on the line being completed, else the bundled one. A completion never fails: a
/// package that does not load offers nothing, and nothing is printed but the candidates.
enum Completions {
    /// `--measure`: each measure, then each breakdown category of the bundled package as
    /// `purpose/study` (read from its categories.csv: measure and id are its first two fields,
    /// never quoted). Built once per run, and cheap: the kind is built whenever a command is parsed.
    static let measures: [String] = {
        var out = Measure.allCases.map(\.rawValue)
        for line in (BundledData.files["categories.csv"] ?? "").split(separator: "\n").dropFirst() {
            let fields = line.split(separator: ",", maxSplits: 2, omittingEmptySubsequences: false)
            guard fields.count >= 2, let m = Measure(rawValue: String(fields[0])), m.isBreakdown else { continue }
            out.append("\(m.rawValue)/\(fields[1])")
        }
        return out
    }()

    /// `--flow`: the flows of the packages named on the line (`--data DIR`, `--data=DIR`), else
    /// the bundled package's, KP-RU and RU-KP first.
    @Sendable static func flows(_ words: [String], _ index: Int, _ prefix: String) -> [String] {
        guard let dataset = dataset(words) else { return [] }
        let first = ["KP-RU", "RU-KP"]
        let all = dataset.flows.map(\.description)
        let ordered = first.filter(all.contains) + all.filter { !first.contains($0) }.sorted()
        return ordered.filter { $0.hasPrefix(prefix.uppercased()) || $0.hasPrefix(prefix) }
    }

    /// `crossings sources ID`: the source ids of the packages named on the line, else the bundled one's.
    @Sendable static func sourceIDs(_ words: [String], _ index: Int, _ prefix: String) -> [String] {
        guard let dataset = dataset(words) else { return [] }
        return dataset.sources.map(\.id).filter { $0.hasPrefix(prefix) }.sorted()
    }

    /// The `--data` values on a command line being completed (`~/` expanded, as the shell would).
    static func dataValues(_ words: [String]) -> [String] {
        var out: [String] = []
        var i = 0
        while i < words.count {
            let w = words[i]
            if w == "--data", i + 1 < words.count {
                out.append(words[i + 1])
                i += 1
            } else if w.hasPrefix("--data=") {
                out.append(String(w.dropFirst("--data=".count)))
            }
            i += 1
        }
        let home = ProcessInfo.processInfo.environment["HOME"] ?? ""
        return out.filter { !$0.isEmpty }.map { $0.hasPrefix("~/") && !home.isEmpty ? home + $0.dropFirst() : $0 }
    }

    /// The packages a completion reads, quietly (no progress meter, no diagnostics); nil when they do not load.
    static func dataset(_ words: [String]) -> Dataset? {
        let data = dataValues(words)
        let quiet: @Sendable (LoadProgress) -> Void = { _ in }
        guard let layers = DataOptions.layers(data) else {
            return try? PackageLoader.load(files: BundledData.files, origin: "data")
        }
        if layers.count == 1, let directory = layers[0] {
            return try? DataOptions.loadOrThrow(directory: directory, progress: quiet)
        }
        return try? DataOptions.loadOrThrow(layers: layers, progress: quiet)
    }
}
