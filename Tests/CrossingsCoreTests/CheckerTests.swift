import BundledData
import Foundation
import Testing
@testable import CrossingsCore

/// Verdicts against the bundled dataset. Expectations come from the dataset itself
/// (Resolver), not from copied numbers, wherever the answer is a dataset value.
@Suite("Checker")
struct CheckerTests {
    let data: Dataset
    let checker: Checker

    init() throws {
        data = try PackageLoader.load(files: BundledData.files, origin: "data")
        checker = Checker(data)
    }

    func fixture(_ name: String) throws -> String {
        try String(contentsOfFile: fixtureDirectory("check") + "/" + name, encoding: .utf8)
    }

    func verdict(_ sentence: String, asOf: String? = nil) throws -> Finding {
        let findings = checker.check(document: sentence, asOf: asOf.flatMap(CalendarDay.init(parsing:)))
        try #require(findings.count == 1, "one claim expected in: \(sentence)")
        return findings[0]
    }

    /// The five source articles, where the project's shared folder sits beside it (as in CI).
    static let sharedSources = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
        .deletingLastPathComponent().deletingLastPathComponent().appendingPathComponent("shared/sources").path

    @Test(.enabled(if: FileManager.default.fileExists(atPath: sharedSources), "../shared/sources is not beside the project"))
    func theFiveArticlesContradictNothing() throws {
        let files = try FileManager.default.contentsOfDirectory(atPath: Self.sharedSources).filter { $0.hasSuffix(".txt") }.sorted()
        #expect(files.count == 5)
        for file in files {
            let text = try String(contentsOfFile: Self.sharedSources + "/" + file, encoding: .utf8)
            let findings = checker.check(document: text, asOf: DocumentDate.find(in: text)?.day)
            for f in findings where f.verdict == .contradicted {
                Issue.record("\(file):\(f.claim.line): \(f.claim.printed) contradicted: \(f.message)")
            }
            if file.hasPrefix("001") {
                // "from the 44 … during the same period last year": the first half of 2022, which the data holds.
                let fortyFour = try #require(findings.first { $0.claim.printed == "44" })
                #expect(fortyFour.claim.period == .half(2022, 1))
                #expect(fortyFour.verdict == .supported)
            }
        }
    }

    @Test func anAverageIsCheckedAgainstTheStoredAverageOrTheMeanOfItsYears() throws {
        // Meduza's "about 4,900 a year on average" for 2010-2019 is stored as an annual average.
        let stored = try verdict("Between 2010 and 2019, about 4,900 Russians a year travelled to North Korea on average.")
        #expect(stored.claim.measure == .annualAverage)
        #expect(stored.claim.period == .range(.year(2010), .year(2019)))
        #expect(stored.verdict == .supported)
        // No source gives 2011-2013's average: the mean of the three years, worked out from the data.
        let r = Resolver(data)
        let years = (2011...2013).map { r.best(FigureKey(flow: try! Flow(parsing: "RU-KP"), period: .year($0), measure: .total))!.value }
        let mean = Int((Double(years.reduce(0, +)) / 3).rounded())
        let derived = try verdict("From 2011 to 2013, about \(formatCount(mean)) Russians a year travelled to North Korea on average.")
        #expect(derived.verdict == .supported)
        #expect(derived.message.contains("the mean of 2011, 2012, 2013"))
        let wrong = try verdict("From 2011 to 2013, \(formatCount(mean * 2)) Russians a year travelled to North Korea on average.")
        #expect(wrong.verdict == .contradicted)
        // Written backwards, the same stretch of years; "in a year" is one year, not an average.
        #expect(try verdict("Between 2019 and 2010, about 4,900 Russians a year travelled to North Korea on average.").verdict == .supported)
        #expect(try verdict("Between 2010 and 2019, as many as 8,314 Russians visited North Korea in a year.").claim.measure == .total)
        // A range with no word of averaging is not an average (and the data has no such total).
        #expect(try verdict("From 2011 to 2013, \(formatCount(mean)) Russians travelled to North Korea.").claim.measure == .total)
    }

    @Test func aQuarterAfterTheNumberRefinesTheYearBeforeIt() throws {
        for sentence in ["In 2023, 365 North Koreans entered Russia in the third quarter.",
                         "In the third quarter, 365 North Koreans entered Russia in 2023."] {
            #expect(try verdict(sentence).claim.period == .quarter(2023, 3), "\(sentence)")
        }
    }

    @Test func aRatePerMonthIsNotJudgedAsTheYearsTotal() throws {
        let findings = checker.check(document: "In 2024, some 6,469 Russians visited North Korea, about 540 a month.")
        #expect(findings.map(\.verdict) == [.supported, .unverifiable])
        #expect(findings.last?.message.contains("a figure per month") == true)
    }

    @Test func aNumberThatFitsNoneOfADisputedKeysValuesIsContradicted() throws {
        // 2023-Q3 is disputed (365 against the modes' 404); 5,263 fits neither: it is the 2024-Q3 figure.
        let f = try verdict("5,263 North Koreans entered Russia in the third quarter of 2023.")
        #expect(f.verdict == .contradicted)
        #expect(f.message.contains("5,263 is the KP-RU 2024-Q3 total figure"))
        // 365 is one of them: disputed.
        #expect(try verdict("365 North Koreans entered Russia in the third quarter of 2023.").verdict == .disputed)
    }

    @Test func aFigureMarkedOnlyForWhatSurroundsItIsSupportedWithANote() throws {
        // Every source gives 153 for 2023-Q1; it is marked because 2023-H1's parts do not add up.
        let f = try verdict("In the first quarter of 2023, 153 North Koreans entered Russia.")
        #expect(f.verdict == .supported)
        #expect(f.message.contains("note: it is part of 2023-H1"))
    }

    @Test func theArticlesRestatedContradictNothing() throws {
        let findings = checker.check(document: try fixture("restated-articles.md"))
        #expect(findings.count >= 20)
        for f in findings where f.verdict == .contradicted {
            Issue.record("contradicted: \(f.claim.printed) at line \(f.claim.line): \(f.message)")
        }
        // The only figure not supported is one where the dataset itself records a disagreement.
        for f in findings where f.verdict != .supported {
            #expect(f.verdict == .disputed, "line \(f.claim.line): \(f.claim.printed) is \(f.verdict)")
            #expect(f.rows.first?.keyAgrees == false)
        }
    }

    @Test func aTrueClaim() throws {
        let f = try verdict("In 2024, 13,221 North Korean citizens entered Russia.")
        #expect(f.verdict == .supported)
        let consensus = try #require(Resolver(data).consensus(key("KP-RU", "2024")))
        #expect(f.expected == consensus.value)
        #expect(Set(f.sourceIDs).isSuperset(of: consensus.observations.map(\.sourceID)))
    }

    @Test func aFalseClaim() throws {
        let f = try verdict("In 2024, 20,000 North Koreans entered Russia.")
        #expect(f.verdict == .contradicted)
        #expect(f.verdict.severity == .error)
        let consensus = try #require(Resolver(data).consensus(key("KP-RU", "2024")))
        #expect(f.message.contains(formatCount(consensus.value)))
        #expect(!f.sourceIDs.isEmpty)
    }

    @Test func aClaimShiftedToAnotherPeriodSaysWhereTheNumberBelongs() throws {
        // 5,263 is reported for 2024-Q3; claimed here for 2019-Q3.
        let f = try verdict("North Korean arrivals in Russia reached 5,263 in the third quarter of 2019.")
        #expect(f.verdict == .contradicted)
        #expect(f.message.contains("5,263 is the KP-RU 2024-Q3 total figure"))
    }

    @Test func aClaimShiftedToAnotherCategorySaysWhereTheNumberBelongs() throws {
        let f = try verdict("By rail, 5,075 Russians travelled to North Korea in 2025.")
        #expect(f.verdict == .contradicted)
        #expect(f.claim.category == "rail")
        #expect(f.message.contains("5,075 is the RU-KP 2025 purpose/tourism figure"))
    }

    @Test func approximateClaims() throws {
        #expect(try verdict("Nearly 10,000 Russians visited North Korea in 2025.").verdict == .supported)
        #expect(try verdict("More than 20,000 North Koreans entered Russia in 2024.").verdict == .contradicted)
        #expect(try verdict("Over 13,220 North Koreans entered Russia in 2024.").verdict == .supported)
        #expect(try verdict("From July to September 2024, 5.3K North Koreans entered Russia.").verdict == .supported)
    }

    @Test func dataTheSetDoesNotHave() throws {
        let f = try verdict("In the second quarter of 2026, 4,000 North Koreans entered Russia.")
        #expect(f.verdict == .unverifiable)
        #expect(f.expected == nil)
        #expect(f.verdict.severity == .note)
    }

    @Test func disputedFigures() throws {
        // KBS World gives 62 study entries for 2023-Q3, newsrebeat.com 24.
        let f = try verdict("In the third quarter of 2023, 62 North Korean students entered Russia.")
        #expect(f.verdict == .disputed)
        #expect(f.verdict.severity == .warning)
        let values = Set(data.observations(for: key("KP-RU", "2023-Q3", .purpose, "study")).map { formatCount($0.value) })
        #expect(values.count > 1)
        for v in values { #expect(f.message.contains(v)) }
    }

    @Test func anErratumDoesNotMakeAFigureDisputed() throws {
        // 6,636 is printed for 2024 study entries by News1 Global, but recorded as an erratum (the 2012 figure).
        let e = try #require(data.observations(for: key("KP-RU", "2024", .purpose, "study")).first { data.erratum(forObservation: $0.id) != nil })
        #expect(e.value == 6636)
        let f = try verdict("In 2024, 7,887 North Korean students entered Russia.")
        #expect(f.verdict == .supported)
    }

    @Test func aDerivedFigureSaysSoWithItsFormula() throws {
        let derivation = try #require(Resolver(data).derive(key("KP-RU", "2018")))
        let f = try verdict("Russia counted \(formatCount(derivation.value)) entries by North Korean citizens in 2018.")
        #expect(f.verdict == .supported)
        #expect(f.message.contains("derived"))
        #expect(f.message.contains(derivation.formula))
        #expect(f.sourceIDs == derivation.sourceIDs)
    }

    @Test func ownSentencesFixture() throws {
        let findings = checker.check(document: try fixture("own-sentences.md"))
        let byLine = Dictionary(findings.map { ($0.claim.line, $0.verdict) }, uniquingKeysWith: { a, _ in a })
        #expect(byLine[1] == .supported)      // 13 221 in 2024
        #expect(byLine[3] == .contradicted)   // 20,000 in 2024
        #expect(byLine[5] == .contradicted)   // 5,263 shifted to 2019-Q3
        #expect(byLine[7] == .contradicted)   // 1,957 tourists claimed as all travel
        #expect(byLine[9] == .contradicted)   // tourism figure claimed for rail
        #expect(byLine[11] == .supported)     // nearly 10,000
        #expect(byLine[13] == .contradicted)  // more than 20,000
        #expect(byLine[15] == .unverifiable)  // 2026
        #expect(byLine[17] == .disputed)      // students 2023-Q3: 62 or 24
        #expect(byLine[29] == .supported)     // students 2024: 7,887 (6,636 is an erratum)
        #expect(byLine[25] == nil)            // percent, age, date, money: no claim
    }

    @Test func lastYearNeedsTheArticlesDate() throws {
        let sentence = "Last year, a record 10,000 Russians visited North Korea."
        #expect(try verdict(sentence).verdict == .unverifiable)
        #expect(try verdict(sentence, asOf: "2026-02-05").verdict == .supported)
    }
}
