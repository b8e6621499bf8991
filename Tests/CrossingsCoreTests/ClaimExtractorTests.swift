import Foundation
import Testing
@testable import CrossingsCore

/// What the claim extractor recognises, sentence by sentence (no dataset involved).
@Suite("Claim extractor")
struct ClaimExtractorTests {
    func claims(_ text: String, asOf: String? = nil) -> [Claim] {
        ClaimExtractor(vocabulary: bundledVocabulary, asOf: asOf.flatMap(CalendarDay.init(parsing:))).claims(in: text)
    }

    func only(_ text: String, asOf: String? = nil, sourceLocation: SourceLocation = #_sourceLocation) throws -> Claim {
        let found = claims(text, asOf: asOf)
        try #require(found.count == 1, "expected one claim in \(text), found \(found.map(\.printed))", sourceLocation: sourceLocation)
        return found[0]
    }

    @Test(arguments: [
        ("13,221 North Koreans entered Russia in 2024.", 13221),
        ("13 221 North Koreans entered Russia in 2024.", 13221),
        ("13221 North Koreans entered Russia in 2024.", 13221),
        ("5.5K North Koreans entered Russia in 2024.", 5500),
        ("1.43 million Russians visited Thailand in 2025.", 1_430_000),
        ("Ten thousand North Koreans entered Russia in 2024.", 10000),
        ("A thousand North Koreans entered Russia in 2024.", 1000),
        ("Three North Korean students entered Russia in 2025.", 3),
    ])
    func numberForms(text: String, value: Int) throws {
        #expect(try only(text).value.value == value)
    }

    @Test(arguments: [
        ("About 300 North Koreans entered Russia in 2025.", Qualifier.about),
        ("Around 300 North Koreans entered Russia in 2025.", .about),
        ("Roughly 300 North Koreans entered Russia in 2025.", .about),
        ("Nearly 300 North Koreans entered Russia in 2025.", .about),
        ("Almost 300 North Koreans entered Russia in 2025.", .about),
        ("More than 300 North Koreans entered Russia in 2025.", .atLeast),
        ("Over 300 North Koreans entered Russia in 2025.", .atLeast),
        ("At least 300 North Koreans entered Russia in 2025.", .atLeast),
        ("Fewer than 300 North Koreans entered Russia in 2025.", .atMost),
        ("Under 300 North Koreans entered Russia in 2025.", .atMost),
        ("Only 300 North Koreans entered Russia in 2025.", .exact),
        ("Just 300 North Koreans entered Russia in 2025.", .exact),
        ("300 North Koreans entered Russia in 2025.", .exact),
    ])
    func hedges(text: String, qualifier: Qualifier) throws {
        let c = try only(text)
        #expect(c.value.qualifier == qualifier)
        #expect(c.value.value == 300)
    }

    @Test("numbers too large to be a count are not read, and never trap", arguments: [
        "In 2024, 99999999999999999999 North Koreans entered Russia.",
        "In 2024, " + String(repeating: "9", count: 1000) + " North Koreans entered Russia.",
        "In 2024, one" + String(repeating: " hundred", count: 12) + " North Koreans entered Russia.",
        "In 2024, 9,223,372,036,854,775,807 North Koreans entered Russia.",
        "In 2024, 99999999999 million North Koreans entered Russia.",
    ])
    func tooLargeToBeACount(_ text: String) {
        #expect(claims(text).allSatisfy { $0.value.value <= 1_000_000_000_000 })
    }

    @Test func escapeSequencesAndControlsAreNoNumbersAndKeepColumns() {
        let text = "In 2024, 13,221 North\u{0} Koreans entered Russia.\u{1B}[31m\u{7} Some 5,000 Russians\u{1B}]0;title\u{7} visited North Korea in 2024."
        let found = claims(text)
        #expect(found.map(\.value.value) == [13221, 5000])
        let plain = claims(text.replacingOccurrences(of: "\u{1B}[31m\u{7}", with: "      ").replacingOccurrences(of: "\u{1B}]0;title\u{7}", with: "          ").replacingOccurrences(of: "\u{0}", with: " "))
        #expect(found.map(\.column) == plain.map(\.column))
    }

    @Test func ranges() throws {
        let c = try only("Russia could employ 20,000-50,000 North Korean workers in 2023.")
        #expect(c.value.qualifier == .range)
        #expect(c.value.value == 20000 && c.value.high == 50000)
        // "could employ" names the demand for workers, which the dataset keeps apart from workers present.
        #expect(c.measure == .estimate && c.category == "workers-demand")
        let present = try only("About 20,000-50,000 North Korean workers were in Russia in 2023.")
        #expect(present.measure == .estimate && present.category == "workers")
    }

    @Test(arguments: [
        "The rouble fell 12% in 2024 as North Koreans entered Russia.",
        "North Koreans entered Russia after paying $1,500 each in 2024.",
        "A 30-year-old North Korean entered Russia in 2024.",
        "North Koreans entered Russia on 7 May 2025.",
        "North Koreans entered Russia after COVID-19 rules ended in 2024.",
        "Resolution 2397 barred North Koreans from working after they entered Russia in 2019.",
        "Entries by North Koreans rose 12 times in 2024.",
        "North Koreans entered Russia 12-fold more often in 2024.",
        "Since the 1950s North Koreans have entered Russia.",
        "In 2024 North Koreans entered Russia.",
        "The two countries agreed that North Koreans may visit Russia in 2024.",
    ])
    func numbersThatAreNotCounts(text: String) {
        #expect(claims(text).isEmpty, "\(claims(text).map(\.printed))")
    }

    @Test(arguments: [
        ("13,221 North Koreans entered Russia in 2024.", "KP-RU"),
        ("In 2024, 13,221 DPRK citizens arrived in Russia.", "KP-RU"),
        ("In 2024, 13,221 nationals of North Korea travelled to Russia.", "KP-RU"),
        ("In 2024, 13,221 citizens of North Korea crossed into Russia.", "KP-RU"),
        ("In 2025, 9,985 Russians visited North Korea.", "RU-KP"),
        ("In 2025, 9,985 Russian tourists travelled to North Korea.", "RU-KP"),
        ("In 2025, 33,110 Russians went to South Korea.", "RU-KR"),
    ])
    func flows(text: String, flow: String) throws {
        #expect(try only(text).flow?.description == flow)
    }

    @Test func theWholeFlowCarriesToTheNextSentence() throws {
        let found = claims("In 2025, 9,985 Russians visited North Korea. Of them, 5,075 went as tourists.")
        #expect(found.count == 2)
        #expect(found[1].flow?.description == "RU-KP")
        #expect(found[1].period == .year(2025))
        #expect(found[1].category == "tourism")
    }

    @Test func anAdjectiveIsNotANationality() {
        // "Russian media" names no travellers: the flow stays the North Koreans of the sentence.
        let found = claims("The Russian media outlet said 370 North Koreans entered Russia in 2023.")
        #expect(found.first?.flow?.description == "KP-RU")
    }

    @Test(arguments: [
        ("In 2024, 500 North Koreans entered Russia.", "2024"),
        ("During 2024, 500 North Koreans entered Russia.", "2024"),
        ("500 North Koreans entered Russia throughout 2024.", "2024"),
        ("In the first half of 2023, 500 North Koreans entered Russia.", "2023-H1"),
        ("In H1 2023, 500 North Koreans entered Russia.", "2023-H1"),
        ("In the first six months of 2023, 500 North Koreans entered Russia.", "2023-H1"),
        ("In the first quarter of 2025, 500 North Koreans entered Russia.", "2025-Q1"),
        ("In Q1 2025, 500 North Koreans entered Russia.", "2025-Q1"),
        ("In 2024-Q3, 500 North Koreans entered Russia.", "2024-Q3"),
        ("From July to September 2024, 500 North Koreans entered Russia.", "2024-Q3"),
        ("Between January and June 2024, 500 North Koreans entered Russia.", "2024-H1"),
        ("In the second half of 2024, 500 North Koreans entered Russia.", "2024-H2"),
    ])
    func periods(text: String, period: String) throws {
        #expect(try only(text).period?.description == period)
    }

    @Test func relativePeriods() throws {
        #expect(try only("Last year, 500 North Koreans entered Russia.", asOf: "2025-02-09").period == .year(2024))
        #expect(try only("This year, 500 North Koreans entered Russia.", asOf: "2025-02-09").period == .year(2025))
        let noDate = try only("Last year, 500 North Koreans entered Russia.")
        #expect(noDate.period == nil)
        #expect(noDate.periodProblem?.contains("--as-of") == true)
        let twoYears = claims("In 2023, 370 North Koreans entered Russia, against 44 in the same period last year.")
        #expect(twoYears.map(\.period) == [.year(2023), .year(2022)])
        let quarters = claims("In the fourth quarter of 2025, Russian visits to North Korea dropped to 2,486 from 3,460 in the previous quarter.")
        #expect(quarters.map(\.period) == [.quarter(2025, 4), .quarter(2025, 3)])
        let third = claims("In 2024, entries soared. In the third quarter, 5,263 North Koreans entered Russia.")
        #expect(third.last?.period == .quarter(2024, 3))
    }

    @Test func aMonthIsNotAPeriodOfTheData() throws {
        let c = try only("In May 2025, 500 North Koreans entered Russia.")
        #expect(c.period == nil)
        #expect(c.periodProblem?.contains("month") == true)
    }

    @Test func aComparisonDoesNotMoveTheTopic() {
        let found = claims("In 2025, 9,985 Russians travelled to North Korea, up from 6,469 in 2024. Of them, 5,075 went as tourists.")
        #expect(found.map(\.period) == [.year(2025), .year(2024), .year(2025)])
    }

    @Test(arguments: [
        ("500 North Koreans entered Russia on business in 2024.", Measure.purpose, "business"),
        ("500 North Koreans entered Russia as tourists in 2024.", .purpose, "tourism"),
        ("500 North Korean students entered Russia in 2024.", .purpose, "study"),
        ("500 North Koreans entered Russia to study in 2024.", .purpose, "study"),
        ("500 North Koreans entered Russia for education in 2024.", .purpose, "study"),
        ("500 North Koreans entered Russia for work in 2024.", .purpose, "work"),
        ("500 North Koreans entered Russia in transit in 2024.", .purpose, "transit"),
        ("500 North Koreans made private visits to Russia in 2024.", .purpose, "private"),
        ("500 North Koreans made personal visits to Russia in 2024.", .purpose, "private"),
        ("500 North Korean transport crew entered Russia in 2024.", .purpose, "service"),
        ("500 North Koreans entered Russia for vehicle maintenance in 2024.", .purpose, "service"),
        ("500 North Koreans entered Russia by air in 2024.", .transport, "air"),
        ("500 North Koreans flew to Russia in 2024.", .transport, "air"),
        ("500 North Koreans entered Russia by rail in 2024.", .transport, "rail"),
        ("500 North Koreans came to Russia by train in 2024.", .transport, "rail"),
        ("500 North Koreans entered Russia by car in 2024.", .transport, "road"),
        ("500 North Koreans entered Russia by road in 2024.", .transport, "road"),
        ("500 North Koreans entered Russia by sea in 2024.", .transport, "sea"),
        ("500 North Koreans entered Russia by ship in 2024.", .transport, "sea"),
        ("500 North Koreans entered Russia on foot in 2024.", .transport, "foot"),
        ("500 North Koreans entered Russia in 2024.", .total, ""),
    ])
    func categories(text: String, measure: Measure, category: String) throws {
        let c = try only(text)
        #expect(c.measure == measure)
        #expect(c.category == category)
    }

    @Test func positionsPointAtTheNumber() throws {
        let text = "Intro line.\n\nIn 2024, nearly 13,000 North Koreans entered Russia."
        let c = try only(text)
        #expect(c.line == 3)
        #expect(c.column == 10)           // "nearly" starts there
        #expect(c.printed == "nearly 13,000")
        #expect(c.endColumn == 23)
    }

    @Test func codeBlocksAndURLsAreSkipped() {
        let text = """
        ```
        500 North Koreans entered Russia in 2024.
        ```
        See https://example.org/2024/500-north-koreans for more.
        """
        #expect(claims(text).isEmpty)
    }
}
