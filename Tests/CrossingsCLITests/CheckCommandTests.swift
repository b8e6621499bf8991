import Foundation
import Testing

@Suite(.enabled(if: Binary.available, "the crossings executable was not built"))
struct CheckCommandTests {
    let draft = """
    # Draft

    In 2024, 13,221 North Korean citizens entered Russia.
    In 2024, 20,000 North Koreans entered Russia.
    """

    func tempFile(_ text: String) throws -> String {
        let path = FileManager.default.temporaryDirectory.appendingPathComponent("crossings-check-\(UUID().uuidString).md").path
        try Data(text.utf8).write(to: URL(fileURLWithPath: path))
        return path
    }

    @Test func lineFormatForEditors() throws {
        let path = try tempFile(draft)
        defer { try? FileManager.default.removeItem(atPath: path) }
        let run = try Binary.run(["check", "--format", "line", path])
        #expect(run.status == 1, "a contradiction exits 1")
        let lines = run.stdout.split(separator: "\n").map(String.init)
        #expect(lines.count == 2)
        #expect(lines[0].hasPrefix("\(path):3:10: note: supported"))
        #expect(lines[1].hasPrefix("\(path):4:10: error: contradicted"))
    }

    @Test func jsonFindings() throws {
        let path = try tempFile(draft)
        defer { try? FileManager.default.removeItem(atPath: path) }
        let run = try Binary.run(["check", "--format", "json", path])
        #expect(run.status == 1)
        let object = try #require(try JSONSerialization.jsonObject(with: Data(run.stdout.utf8)) as? [String: Any])
        let findings = try #require(object["findings"] as? [[String: Any]])
        #expect(findings.count == 2)
        let f = findings[1]
        for field in ["path", "line", "column", "end_column", "claim", "number", "verdict", "flow", "period", "measure", "category", "expected", "sources"] {
            #expect(f[field] != nil, "missing \(field)")
        }
        #expect(f["number"] as? Int == 20000)
        #expect(f["verdict"] as? String == "contradicted")
        #expect(f["flow"] as? String == "KP-RU")
        #expect(f["period"] as? String == "2024")
        #expect(f["line"] as? Int == 4 && f["column"] as? Int == 10 && f["end_column"] as? Int == 16)
        #expect((f["sources"] as? [String])?.isEmpty == false)
        #expect(f["category"] is NSNull)
    }

    @Test func standardInputWithAName() throws {
        let run = try Binary.run(["check", "--format", "line", "--stdin-filename", "draft.md", "-"], stdin: draft)
        #expect(run.status == 1)
        #expect(run.stdout.hasPrefix("draft.md:3:10: note: supported"))
    }

    @Test func oneSentence() throws {
        let run = try Binary.run(["check", "--text", "Nearly 10,000 Russians visited North Korea in 2025."])
        #expect(run.status == 0)
        #expect(run.stdout.contains("SUPPORTED"))
        #expect(run.stdout.contains("1 claim: 1 supported"))
    }

    @Test func asOfResolvesLastYear() throws {
        let sentence = "Last year, 13,221 North Koreans entered Russia."
        let without = try Binary.run(["check", "--format", "line", "--text", sentence])
        #expect(without.stdout.contains("unverifiable"))
        let with = try Binary.run(["check", "--format", "line", "--as-of", "2025-02-09", "--text", sentence])
        #expect(with.stdout.contains("supported"))
    }

    @Test func errorsExitTwo() throws {
        #expect(try Binary.run(["check", "/nonexistent/draft.md"]).status == 2)
        #expect(try Binary.run(["check"]).status == 2)
        let badDate = try Binary.run(["check", "--as-of", "yesterday", "--text", "x"])
        #expect(badDate.status == 2)
        #expect(badDate.stderr.contains("--as-of"))
    }

    @Test func escapesInDraftsStayInert() throws {
        let run = try Binary.run(["check", "--text", "In 2024, 20,000 North Koreans \u{1B}[2J entered Russia."])
        #expect(!run.stdout.unicodeScalars.contains { $0.value == 0x1B })
        // The sequence is blanked before reading (it is no number), and the claim is still judged.
        #expect(run.stdout.contains("CONTRADICTED  \"20,000\""))
        #expect(!run.stdout.contains("2J"))
    }

    @Test func failOnChoosesWhichVerdictsExitOne() throws {
        let disputed = "In the third quarter of 2023, 62 North Korean students entered Russia."
        #expect(try Binary.run(["check", "--text", disputed]).status == 0)
        #expect(try Binary.run(["check", "--text", disputed, "--fail-on", "disputed"]).status == 1)
        #expect(try Binary.run(["check", "--text", disputed, "--fail-on", "contradicted"]).status == 0)
        let unverifiable = "In the second quarter of 2026, 4,000 North Koreans entered Russia."
        #expect(try Binary.run(["check", "--text", unverifiable, "--fail-on", "disputed"]).status == 0)
        #expect(try Binary.run(["check", "--text", unverifiable, "--fail-on", "unverifiable"]).status == 1)
        #expect(try Binary.run(["check", "--text", unverifiable, "--fail-on", "sometimes"]).status == 2)
    }

    @Test func theDocumentsOwnDateIsUsedAndSaid() throws {
        let draft = "---\ntitle: A draft\ndate: 2025-05-08\n---\nLast year, 13,221 North Koreans entered Russia.\n"
        let run = try Binary.run(["check", "-"], stdin: draft)
        #expect(run.stdout.contains("<stdin>: dated 2025-05-08 by its front matter"))
        #expect(run.stdout.contains("SUPPORTED  \"13,221\" — KP-RU 2024 total"))
        // --as-of wins over the document's date.
        let older = try Binary.run(["check", "-", "--as-of", "2024-06-01"], stdin: draft)
        #expect(!older.stdout.contains("dated 2025-05-08"))
        #expect(older.stdout.contains("KP-RU 2023 total"))
    }
}
