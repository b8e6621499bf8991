import Foundation
import Testing

/// The shell completions (`crossings --generate-completion-script bash|zsh|fish`) offer the values
/// of every option that has a fixed set of them, folders for `--data` and `--into`, CSV files for
/// `import`, and ask the binary for the flows and source ids of the data.
@Suite(.enabled(if: Binary.available, "the crossings executable was not built"))
struct CompletionTests {
    func script(_ shell: String) throws -> String {
        let run = try Binary.run(["--generate-completion-script", shell])
        #expect(run.status == 0, "\(run.stderr)")
        return run.stdout
    }

    /// Values a script writes in: the measures (with their categories), granularities, tags and formats.
    static let listed = ["annual-average", "purpose/study", "transport/rail", "quarter", "half", "year", "education", "military",
                         "csl-json", "bibtex", "unverifiable"]

    @Test(arguments: ["bash", "zsh", "fish"])
    func scriptsOfferTheValues(_ shell: String) throws {
        let text = try script(shell)
        // bash and zsh quote each value ('half'); fish lists them in one word ('quarter half year').
        let words = Set(text.split(whereSeparator: { $0 == " " || $0 == "'" || $0 == "\n" || $0 == "$" }).map(String.init))
        for value in Self.listed {
            #expect(words.contains(value), "\(shell): \(value) is not offered")
        }
        // --flow and `sources ID` ask the binary.
        #expect(text.contains("---completion figures -- --flow"), "\(shell): --flow offers nothing")
        #expect(text.contains("---completion sources -- positional@0"), "\(shell): sources ID offers nothing")
    }

    @Test func bashCompletesFoldersAndCSVFiles() throws {
        let text = try script("bash")
        for option in ["--data", "--into"] {
            #expect(text.contains("'\(option)')\n        __crossings_add_completions -d"), "bash: \(option) does not complete folders")
        }
        #expect(text.contains("__crossings_add_completions -o plusdirs -fX '!*.@(csv)'"), "bash: import FILE does not complete .csv files")
        // Only free text is left without candidates (the bug: `'--measure') return`).
        let empty = Set(text.matches(of: /\n    '(--[a-z-]+)'\)\n        return\n/).map { String($0.output.1) })
        #expect(empty == ["--from", "--to", "--search", "--text", "--stdin-filename", "--as-of"], "options offering nothing: \(empty.sorted())")
    }

    @Test func zshAndFishCompleteFolders() throws {
        #expect(try script("zsh").contains("'*--data[Read the data package in DIR") && script("zsh").contains(":DIR:_files -/'"))
        #expect(try script("zsh").contains("'*:FILE:_files -g '\\''*.csv'\\'''"))
        #expect(try script("fish").contains("-l 'into' -d 'The folder to write the package to: created if missing, refused if not empty (unless --force).' -rfa '(__crossings_complete_directories)'"))
    }

    /// What the scripts run on Tab: the bundled package's flows, KP-RU and RU-KP first, filtered by
    /// what is typed; a package named with --data on the line is read instead; one that does not
    /// load offers nothing and says nothing (exit 0).
    @Test func flowsComeFromTheData() throws {
        let all = try Binary.run(["---completion", "figures", "--", "--flow", "3", "0", "crossings", "figures", "--flow", ""])
        #expect(all.status == 0 && all.stderr.isEmpty)
        let flows = all.stdout.split(separator: "\n").map(String.init)
        #expect(Array(flows.prefix(2)) == ["KP-RU", "RU-KP"])
        #expect(Set(flows).count == flows.count && flows.count > 2)
        let ru = try Binary.run(["---completion", "figures", "--", "--flow", "3", "2", "crossings", "figures", "--flow", "RU"])
        #expect(ru.stdout.split(separator: "\n").allSatisfy { $0.hasPrefix("RU") } && ru.stdout.contains("RU-KP\n"))

        let package = try TempPackage()
        let other = try Binary.run(["---completion", "figures", "--", "--flow", "5", "0", "crossings", "figures", "--data", package.path, "--flow", ""])
        #expect(other.status == 0 && other.stdout == all.stdout)
        let missing = try Binary.run(["---completion", "figures", "--", "--flow", "5", "0", "crossings", "figures", "--data=/nonexistent/x", "--flow", ""])
        #expect(missing.status == 0 && missing.stdout.isEmpty && missing.stderr.isEmpty)
    }

    @Test func sourceIDsComeFromTheData() throws {
        let run = try Binary.run(["---completion", "sources", "--", "positional@0", "2", "3", "crossings", "sources", "med"])
        #expect(run.status == 0)
        let ids = run.stdout.split(separator: "\n")
        #expect(ids.contains("mediazona-2025-05-08") && ids.allSatisfy { $0.hasPrefix("med") })
    }
}
