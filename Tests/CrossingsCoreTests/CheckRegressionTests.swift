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

    // Second hostile review.

    static let data: Dataset = try! PackageLoader.load(files: BundledData.files, origin: "data")

    /// A checker per call: it keeps caches and tests run in parallel.
    func verdict(_ text: String, asOf: String? = nil) -> Finding? {
        Checker(Self.data).check(document: text, asOf: asOf.flatMap(CalendarDay.init(parsing:))).first
    }

    @Test func leavingOrComingBackIsNoTripThere() {
        #expect(claims("In 2024, 6,469 Russians returned from North Korea.").first?.flow == nil)
        #expect(claims("In 2024, 6,469 Russians entered Russia from North Korea.").first?.flow == nil)
        #expect(claims("In 2024, 6,469 Russians left North Korea.").first?.flow == nil)
        // Leaving for a place is going there.
        #expect(claims("Russians left for North Korea 6,469 times in 2024.").first?.key == key("RU-KP", "2024"))
    }

    @Test func whatDidNotHappenIsNotACount() {
        let c = claims("In 2024, 13,221 North Koreans did not enter Russia.")
        #expect(c.first?.period == nil)
        #expect(c.first?.periodProblem?.contains("did not happen") == true)
        // "not only" and "not a single" are no negation of the count.
        #expect(claims("North Korea had sent not only soldiers but also approximately 15,000 labour migrants to Russia in the second quarter of 2025.").first?.period == period("2025-Q2"))
    }

    @Test func moreThanIsNotTheNumberItself() {
        #expect(verdict("In 2024, fewer than 13,221 North Koreans entered Russia.")?.verdict == .contradicted)
        #expect(verdict("In 2024, more than 13,221 North Koreans entered Russia.")?.verdict == .contradicted)
        #expect(verdict("In 2024, at least 13,221 North Koreans entered Russia.")?.verdict == .supported)
        #expect(verdict("In 2024, over 13,220 North Koreans entered Russia.")?.verdict == .supported)
    }

    @Test func thousandsAreNotMillions() {
        #expect(verdict("In 2024, 5 million North Korean troops were in Russia.")?.verdict == .contradicted)
        #expect(verdict("In 2024, thousands of North Korean troops were in Russia.")?.verdict == .supported)
        let c = claims("In 2024, thousands of North Korean troops were in Russia.")
        #expect(c.first?.value.high == 19_999)
    }

    @Test func noneOverAStretchWithTravellersIsContradicted() {
        let f = verdict("During the pandemic, no North Koreans entered Russia.")
        #expect(f?.verdict == .contradicted)
        #expect(f?.message.contains("2021 is 69") == true)
    }

    @Test func aClaimThatHoldsWhicheverSourceIsRightIsSupported() {
        let f = verdict("In the first half of 2023, more than 300 North Koreans entered Russia.")
        #expect(f?.verdict == .supported)
        #expect(f?.message.contains("disagree") == true)
        #expect(verdict("In the first half of 2023, 370 North Koreans entered Russia.")?.verdict == .disputed)
    }

    @Test func aQuarterNarrowsThisYear() {
        #expect(claims("This year, 295 North Koreans entered Russia in the first quarter.", asOf: "2025-06-01").first?.period == period("2025-Q1"))
    }

    @Test func theEightBitCSIIsBlanked() {
        #expect(claims("In 2024, \u{9B}31m North Koreans entered Russia.").isEmpty)
    }

    @Test func aVocabularyCountryCodeMustBeKnown() throws {
        var files = BundledData.files
        files["vocabulary.csv"] = (files["vocabulary.csv"] ?? "") + "people,Ruskies,XX,\n"
        #expect(throws: LoadFailure.self) { try PackageLoader.load(files: files, origin: "data") }
    }

    @Test func aCategoryDoesNotCrossASemicolonToTheNextSubject() {
        // Seen in the explorer's `v`: 13,221 was read as an estimate of troops from the clause before.
        let c = claims("In 2024, thousands of North Korean troops were in Russia; 13,221 North Koreans entered Russia.")
        #expect(c.count == 2)
        #expect(c.first?.key == key("KP-RU", "2024", .estimate, "troops"))
        #expect(c.last?.key == key("KP-RU", "2024"))
    }
}
