import Testing
@testable import CrossingsCore

/// Validator on Fixtures/validator-findings (one problem of each kind) and Fixtures/validator-clean.
///
/// validator-findings/observations.csv, by line:
///  2 fsb-a/1   KP-RU 2023-Q3 purpose/study 62      3 press-b/1 same key, 24
///  4–7 fsb-a/2–5 KP-RU 2022-Q1..Q4 totals 100, 200, 300, 350 (sum 950)
///  8 press-b/2 KP-RU 2022 total "1,234"
///  9 fsb-a/6 KP-RU 2021 total 100   10 fsb-a/7 purpose/work 60   11 fsb-a/8 purpose/study 70
/// 12 fsb-a/9 KP-RU 2020 total 500 (FSB border service)   13 press-b/3 same, 500 (Rosstat)
@Suite("Validator")
struct ValidatorTests {
    let findings: [Diagnostic]
    let dir = fixtureDirectory("validator-findings")

    init() throws {
        findings = Validator.findings(try loadFixture("validator-findings"))
    }

    func finding(_ fragment: String, sourceLocation: SourceLocation = #_sourceLocation) -> Diagnostic? {
        let matches = findings.filter { $0.message.contains(fragment) }
        #expect(matches.count == 1, "findings with '\(fragment)': \(matches)", sourceLocation: sourceLocation)
        return matches.first
    }

    @Test func cleanFixtureHasNoFindings() throws {
        let data = try loadFixture("validator-clean")
        #expect(Validator.findings(data) == [])
    }

    @Test func everyFindingIsAWarningAndThereIsOneOfEachKind() {
        #expect(findings.count == 6, "\(findings.map(\.description).joined(separator: "\n"))")
        #expect(findings.allSatisfy { $0.severity == .warning })
        #expect(findings == findings.sorted())
    }

    @Test func sourcesDisagree() throws {
        let d = try #require(finding("sources disagree"))
        #expect(d.location == Location(file: "\(dir)/observations.csv", line: 2))
        #expect(d.message == "KP-RU 2023-Q3 purpose/study: sources disagree: 62 (fsb-a L1); 24 (press-b P3)")
    }

    @Test func reportedWholeAgainstSumOfParts() throws {
        let d = try #require(finding("its parts add up to"))
        #expect(d.location == Location(file: "\(dir)/observations.csv", line: 8))
        #expect(d.message.hasPrefix("KP-RU 2022 total: 1,234 (press-b P1) but its parts add up to 950 "))
        #expect(d.message.contains("2022-Q1 + 2022-Q2 + 2022-Q3 + 2022-Q4: 100 + 200 + 300 + 350 = 950"))
        #expect(d.message.contains("from fsb-a"))
    }

    @Test func categoriesAddingToMoreThanTheTotal() throws {
        let d = try #require(finding("add up to more than the total"))
        // Reported at the first stated category in display order (study, line 11), the first one the formula names.
        #expect(d.location == Location(file: "\(dir)/observations.csv", line: 11))
        #expect(d.message.contains("KP-RU 2021 purpose"))
        #expect(d.message.contains("total - purpose/study - purpose/work: 100 - 70 - 60 = -30"))
    }

    @Test func producersDiffer() throws {
        let d = try #require(finding("different producers"))
        #expect(d.location == Location(file: "\(dir)/observations.csv", line: 12))
        #expect(d.message == "KP-RU 2020 total: sources credit different producers: FSB border service (fsb-a L9); Rosstat (press-b P2)")
    }

    @Test func eventDatesThatDoNotOverlap() throws {
        let d = try #require(finding("different dates"))
        #expect(d.location == Location(file: "\(dir)/events.csv", line: 2))
        #expect(d.message.contains("event 'flights-resume'"))
        #expect(d.message.contains("April 2024 (article-c ¶2)"))
        #expect(d.message.contains("1 June 2024 (press-b P9)"))
        #expect(!d.message.contains("treaty"))
    }

    @Test func sourceNothingCites() throws {
        let d = try #require(finding("backs no figure and no event"))
        #expect(d.location == Location(file: "\(dir)/sources.csv", line: 5))
        #expect(d.message.contains("'unused-d'"))
    }

    @Test func findingsDoNotDependOnHashOrder() throws {
        // Dictionary order changes between runs; a fresh load and a fresh validator must give the same list.
        for _ in 0..<20 {
            #expect(Validator.findings(try loadFixture("validator-findings")) == findings)
        }
    }

    @Test func agreeingValuesDoNotWarn() throws {
        // In the clean fixture, 2020 total is 100 (press-b) and "about 100" (article-c), and its quarters add up to 100.
        let data = try loadFixture("validator-clean")
        let resolver = Resolver(data)
        #expect(resolver.compose(key("KP-RU", "2020"))?.value == 10 + 20 + 30 + 40)
        #expect(resolver.compose(key("RU-KP", "2020-Q1"))?.value == 1 + 2 + 3 + 4 + 0)
        #expect(resolver.notStated(flow: flow("KP-RU"), period: period("2020"), measure: .purpose)?.value == 100 - 60 - 30)
        #expect(data.events.first?.datesDisagree == false)
    }
}
