import Testing
@testable import CrossingsCore

/// Ratio intervals, `Resolver.check`, and the validator's findings on Fixtures/annotations.
///
/// annotations/observations.csv: 2 KP-RU 2023 total 1,117; 3 KP-RU 2024 total 13,221; 4 KP-RU 2024
/// purpose/study 6,636 (an erratum); 5–6 KP-RU 2022 total 500 and 700 (disputed); 7 RU-KP 2024 total
/// 6,469; 8 RU-KP 2024 estimate/rosstat-trips 2,008 (compares total); 9 estimate/tour-groups about
/// 6,500 (compares total, agrees); 10 KP-RU 2025-H1 900 (one quarter of data, coverage.csv).
/// ratios.csv: 2 about 12× (holds), 3 exactly 10× (fails), 4 2× a disputed base, 5 study about 0.5× total (holds).
@Suite("Ratios, errata and compares: validator")
struct AnnotationValidatorTests {
    let data: Dataset
    let findings: [Diagnostic]
    let dir = fixtureDirectory("annotations")

    init() throws {
        data = try loadFixture("annotations")
        findings = Validator.findings(data)
    }

    func ratio(_ value: Int, scale: Int = 0, _ qualifier: Qualifier = .exact) -> Ratio {
        Ratio(id: "t", key: key("KP-RU", "2024"), base: key("KP-RU", "2023"), numerator: value, scale: scale, qualifier: qualifier,
              printed: "", producer: "", sourceID: "s", locator: "¶1", note: "", location: Location(file: "t", line: 1))
    }

    func close(_ a: Double?, _ b: Double) -> Bool { a.map { abs($0 - b) < 1e-9 } ?? false }

    // MARK: the interval rule (docs/rules.md)

    @Test func exactIsHalfTheUnitOfTheLastDigit() {
        let twelve = ratio(12).interval, onePointSix = ratio(16, scale: 1).interval, five = ratio(5).interval
        #expect(close(twelve.lower, 11.5) && close(twelve.upper, 12.5))
        #expect(close(onePointSix.lower, 1.55) && close(onePointSix.upper, 1.65))
        #expect(close(five.lower, 4.5) && close(five.upper, 5.5))
    }

    @Test func aboutIsTheLargerOfHalfAUnitAndTenPercent() {
        let about12 = ratio(12, .about).interval, about2 = ratio(2, .about).interval
        #expect(close(about12.lower, 10.8) && close(about12.upper, 13.2))   // 10 % (1.2) is more than 0.5
        #expect(close(about2.lower, 1.5) && close(about2.upper, 2.5))       // half a unit (0.5) is more than 0.2
    }

    @Test func atLeastAndAtMostAreOpenOnOneSide() {
        let atLeast = ratio(2, .atLeast).interval, atMost = ratio(2, .atMost).interval
        #expect(close(atLeast.lower, 2) && atLeast.upper == nil)
        #expect(atMost.lower == nil && close(atMost.upper, 2))
        #expect(ratio(2, .atLeast).holds(1000, over: 1))
        #expect(!ratio(2, .atLeast).holds(199, over: 100))
        #expect(ratio(2, .atMost).holds(1, over: 1000))
        #expect(!ratio(2, .atMost).holds(201, over: 100))
    }

    @Test func boundsAreIncludedAndComparedExactly() {
        // 23 / 2 = 11.5 and 25 / 2 = 12.5: on the bounds of an exact 12, so they hold.
        #expect(ratio(12).holds(23, over: 2))
        #expect(ratio(12).holds(25, over: 2))
        #expect(!ratio(12).holds(11_499, over: 1000))
        #expect(!ratio(12).holds(12_501, over: 1000))
        // 1.55 is not a binary fraction; the whole-number check still includes it.
        #expect(ratio(16, scale: 1).holds(155, over: 100))
        #expect(!ratio(16, scale: 1).holds(154, over: 100))
        // Values too large for whole-number products fall back to Double.
        #expect(ratio(12).holds(Int.max / 2, over: Int.max / 24))
    }

    @Test func valueText() {
        #expect(ratio(12).valueText == "12")
        #expect(ratio(16, scale: 1).valueText == "1.6")
        #expect(ratio(25, scale: 2).valueText == "0.25")
        #expect(ratio(5, scale: 3).valueText == "0.005")
        #expect(ratio(12, .about).wording == "about 12 times")
    }

    // MARK: Resolver.check

    @Test func checkGivesBothValuesTheRatioAndAVerdict() throws {
        let resolver = Resolver(data)
        let about12 = try #require(data.ratios.first { $0.id == "article-c/r1" })
        let check = resolver.check(about12)
        #expect(check.figure?.value == 13221 && check.base?.value == 1117)
        #expect(check.actualText == "11.84")
        #expect(check.verdict == .holds)
        let ten = try #require(data.ratios.first { $0.id == "article-c/r2" })
        #expect(resolver.check(ten).verdict == .fails)
        let twice = try #require(data.ratios.first { $0.id == "article-c/r3" })
        #expect(resolver.check(twice).verdict == .noValue(key("KP-RU", "2022")))
        #expect(resolver.check(twice).actual == nil)
        let half = try #require(data.ratios.first { $0.id == "article-c/r4" })
        #expect(resolver.check(half).verdict == .holds)   // 6,636 / 13,221 = 0.50
    }

    @Test func actualShowsEnoughDecimalsToSeeTheSide() {
        // 12.5004 rounds to 12.50, which would look as if it fitted an exact 12.
        let check = RatioCheck(ratio: ratio(12), figure: Resolver.Resolved(value: 125_004, observations: [], derivation: nil),
                               base: Resolver.Resolved(value: 10_000, observations: [], derivation: nil), verdict: .fails)
        #expect(check.actualText == "12.5004")
    }

    // MARK: findings

    func finding(_ fragment: String, sourceLocation: SourceLocation = #_sourceLocation) -> Diagnostic? {
        let matches = findings.filter { $0.message.contains(fragment) }
        #expect(matches.count == 1, "findings with '\(fragment)': \(matches)", sourceLocation: sourceLocation)
        return matches.first
    }

    @Test func exactlyTheExpectedFindings() {
        // The disputed 2022 total, the failing ratio, the unchecked ratio, the erratum, the Rosstat estimate.
        #expect(findings.count == 5, "\(findings.map(\.description).joined(separator: "\n"))")
        #expect(findings.allSatisfy { $0.severity == .warning })
        #expect(findings == findings.sorted())
        // The ratios that hold say nothing, and article-c (which backs only ratios and an erratum) is not "unused".
        #expect(!findings.contains { $0.location.file.hasSuffix("ratios.csv") && [2, 5].contains($0.location.line) })
        #expect(!findings.contains { $0.message.contains("backs no figure") })
    }

    @Test func ratioThatFails() throws {
        let d = try #require(finding("is printed as 10 times"))
        #expect(d.location.description == "\(dir)/ratios.csv:3:1")
        #expect(d.message == "KP-RU 2024 total is printed as 10 times KP-RU 2023 (article-c ¶2), but 13,221 / 1,117 = 11.84")
    }

    @Test func ratioNotChecked() throws {
        let d = try #require(finding("not checked"))
        #expect(d.location.description == "\(dir)/ratios.csv:4:1")
        #expect(d.message == "ratio article-c/r3 not checked: no single value for KP-RU 2022 total (KP-RU 2023 total is printed as 2 times KP-RU 2022 (article-c ¶3))")
    }

    @Test func erratumIsRecorded() throws {
        let d = try #require(finding("erratum"))
        #expect(d.location.description == "\(dir)/errata.csv:2:1")
        #expect(d.message == "KP-RU 2024 purpose/study: 6,636 (fsb-a L3) is recorded as an erratum: mistranslation: the Korean text says 636 (article-c ¶5)")
    }

    @Test func estimateThatDiffersFromTheFSBCount() throws {
        let d = try #require(finding("kept apart"))
        #expect(d.location.description == "\(dir)/observations.csv:8:1")
        #expect(d.message == "RU-KP 2024: Rosstat counts 2,008 (estimate/rosstat-trips, press-b P3) where the FSB border count is 6,469 (total): different producers and measures, kept apart")
        // "about 6,500" tour groups agree with 6,469: nothing said.
        #expect(!findings.contains { $0.message.contains("tour-groups") })
    }

    @Test func coverageIsLoadedFromTheFixture() throws {
        let c = try #require(data.coverage(ofObservation: "press-b/5"))
        #expect(c.quarters == 1)
        #expect(c.note == "only the first quarter, though printed as the half")
    }
}
