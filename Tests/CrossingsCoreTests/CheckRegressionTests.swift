import Foundation
import Testing
@testable import CrossingsCore
import BundledData

/// Cases a hostile review of `crossings check` found, each kept so it stays fixed.
@Suite("Check regressions")
struct CheckRegressionTests {
    func claims(_ text: String, asOf: String? = nil) -> [Claim] {
        ClaimExtractor(vocabulary: bundledVocabulary, asOf: asOf.flatMap(CalendarDay.init(parsing:))).claims(in: text)
    }

    @Test func aControlCharacterInsideANumberBreaksIt() {
        // Blanked to a space, "13\0221" read as "13 221" and was supported.
        let found = claims("In 2024, 13\u{0}221 North Koreans entered Russia.")
        #expect(!found.contains { $0.value.value == 13221 })
        #expect(found.isEmpty)
    }

    @Test func lettersStuckToANumberAreNoCount() {
        #expect(claims("In 2024, North Koreans entered Russia 1e400 times.").isEmpty)
        #expect(claims("In 2024, 3x North Koreans entered Russia.").isEmpty)
    }

    @Test func aCountrySendingPeopleIsTheirs() {
        let c = claims("North Korea sent 13,221 people to Russia in 2024.")
        #expect(c.first?.key == key("KP-RU", "2024"))
        // Russia sending people is Russians going somewhere, not North Koreans.
        #expect(claims("Russia sent 300 tourists to North Korea in 2024.").first?.flow == flow("RU-KP"))
    }

    @Test func anUnclosedQuoteNamesWhereItOpened() {
        let csv = "role,phrase,meaning,note\npeople,\"Russians,RU,\npeople,Turks,TR,\"x\n"
        do {
            _ = try Vocabulary(csv: csv, file: "v.csv")
            Issue.record("a broken file loaded")
        } catch let failure as LoadFailure {
            #expect(failure.diagnostics.first?.message.contains("opened at line 2, column 8") == true)
        } catch {
            Issue.record("\(error)")
        }
    }
}
