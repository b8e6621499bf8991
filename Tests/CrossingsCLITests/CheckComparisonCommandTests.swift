import Foundation
import Testing

/// `crossings check` on ratio and event-date claims: all three formats, and the exit status.
@Suite(.enabled(if: Binary.available, "the crossings executable was not built"))
struct CheckComparisonCommandTests {
    let draft = """
    During 2024, 13,221 North Korean citizens entered Russia, which is about 12 times more than the year before.
    In 2024, 13,221 North Koreans entered Russia, twice as many as the year before.
    The UN Security Council adopted Resolution 2397 in 2016.
    """

    @Test func lineFormat() throws {
        let run = try Binary.run(["check", "--format", "line", "-"], stdin: draft)
        #expect(run.status == 1, "a wrong ratio or date exits 1")
        let lines = run.stdout.split(separator: "\n").map(String.init)
        #expect(lines.contains { $0.hasPrefix("<stdin>:1:68: note: supported: \"about 12 times\" (KP-RU 2024 total / KP-RU 2023 total): KP-RU 2024 total / KP-RU 2023 total = 13,221 / 1,117 = 11.8") })
        #expect(lines.contains { $0.hasPrefix("<stdin>:2:47: error: contradicted: \"twice\"") })
        #expect(lines.contains { $0.hasPrefix("<stdin>:3:52: error: contradicted: \"2016\" (event unsc-2397-adopted)") && $0.contains("2017 (nknews-2023-10 ¶14)") })
    }

    @Test func humanFormat() throws {
        let run = try Binary.run(["check", "--text", "In 2025, 33,110 Russians visited South Korea, more than triple the number visiting North Korea."])
        #expect(run.status == 0)
        #expect(run.stdout.contains("SUPPORTED  \"more than triple\" — RU-KR 2025 total / RU-KP 2025 total"))
        #expect(run.stdout.contains("33,110 / 9,985 = 3.3"))
    }

    @Test func jsonKeepsRatioAndEventFields() throws {
        let run = try Binary.run(["check", "--format", "json", "-"], stdin: draft)
        let object = try #require(try JSONSerialization.jsonObject(with: Data(run.stdout.utf8)) as? [String: Any])
        let findings = try #require(object["findings"] as? [[String: Any]])
        // Every finding keeps every field, whatever its kind.
        for f in findings {
            for field in ["path", "line", "column", "end_column", "claim", "printed", "number", "verdict", "flow", "period", "measure",
                          "category", "expected", "sources", "kind", "ratio", "event"] {
                #expect(f[field] != nil, "missing \(field)")
            }
        }
        let ratio = try #require(findings.first { $0["printed"] as? String == "about 12 times" })
        #expect(ratio["kind"] as? String == "ratio")
        let r = try #require(ratio["ratio"] as? [String: Any])
        #expect(r["claimed"] as? String == "12")
        #expect(r["qualifier"] as? String == "about")
        #expect(r["of"] as? String == "KP-RU 2024 total")
        #expect(r["base"] as? String == "KP-RU 2023 total")
        #expect(r["formula"] as? String == "KP-RU 2024 total / KP-RU 2023 total")
        let computed = try #require((r["computed"] as? [[String: Any]])?.first)
        #expect(computed["ratio"] as? String == "11.8")
        #expect(computed["figure"] as? Int == 13221 && computed["base"] as? Int == 1117)
        let event = try #require(findings.first { $0["kind"] as? String == "event" })
        let e = try #require(event["event"] as? [String: Any])
        #expect(e["id"] as? String == "unsc-2397-adopted")
        #expect(e["claimed_date"] as? String == "2016")
        let dates = try #require(e["dates"] as? [[String: Any]])
        #expect(dates.first?["date"] as? String == "2017")
        #expect(dates.first?["source"] as? String == "nknews-2023-10")
        #expect(dates.first?["agrees"] as? Bool == false)
        let count = try #require(findings.first { $0["kind"] as? String == "count" })
        #expect(count["ratio"] is NSNull && count["event"] is NSNull)
    }

    @Test func hostileRatiosDoNotCrash() throws {
        for text in ["In 2024, 99999999999999999999-fold more North Koreans entered Russia than in 2023.",
                     "In 2024, 13,221 North Koreans entered Russia, 1e400 times more than in 2023, -5% and 0 times."] {
            let run = try Binary.run(["check", "--text", text])
            #expect(run.status == 0 || run.status == 1, "\(text): \(run.stderr)")
        }
    }
}
