import Testing
@testable import CrossingsCore

/// Resolver on Fixtures/resolver. Its numbers (all made up):
/// - KP-RU 2019 quarters 10, 20, 30 (press-b), 40; no 2019 year or halves.
/// - KP-RU 2020 year 200 (press-b); Q1 50 (fsb-a and press-b), Q2 40 (fsb-a; "about 40" article-c), Q3 60; no Q4.
/// - KP-RU 2021 total 500, purpose/study 120, purpose/work 200.
/// - KP-RU 2022 total 400, study 100 (fsb-a) vs 150 (press-b), work 50; transport air 300, rail "about 50".
/// - RU-KP 2019-Q1 modes 1, 2, 3, 4, 5; 2019-Q2 four modes only (no foot).
/// - KR-RU 2019 quarters 100, 200 (fsb-a) / 210 (press-b), 300, 400; 2018 quarters "about 100", 200, 300, 400;
///   2017 halves 300 and 700, 2017-Q1 120.
@Suite("Resolver")
struct ResolverTests {
    let data: Dataset
    let resolver: Resolver

    init() throws {
        data = try loadFixture("resolver")
        resolver = Resolver(data)
    }

    @Test func fixtureLoads() {
        #expect(data.observations.count == 40)
        #expect(data.sources.map(\.id) == ["fsb-a", "press-b", "article-c"])
    }

    // MARK: sums of periods

    @Test func yearFromFourQuarters() throws {
        let d = try #require(resolver.derive(key("KP-RU", "2019")))
        #expect(d.value == 10 + 20 + 30 + 40)
        #expect(d.kind == .rollUp)
        #expect(d.terms.map(\.key.period) == ["2019-Q1", "2019-Q2", "2019-Q3", "2019-Q4"].map(period))
        #expect(d.terms.allSatisfy { $0.sign == 1 })
        #expect(d.formula == "2019-Q1 + 2019-Q2 + 2019-Q3 + 2019-Q4")
        #expect(d.worked == "10 + 20 + 30 + 40 = 100")
    }

    @Test func halvesFromQuarters() throws {
        let h1 = try #require(resolver.derive(key("KP-RU", "2019-H1")))
        #expect(h1.value == 10 + 20)
        #expect(h1.kind == .rollUp)
        let h2 = try #require(resolver.derive(key("KP-RU", "2019-H2")))
        #expect(h2.value == 30 + 40)
        #expect(h2.formula == "2019-Q3 + 2019-Q4")
    }

    @Test func yearFromReportedHalves() throws {
        // KR-RU 2017 has only one quarter, but both halves are reported.
        let d = try #require(resolver.derive(key("KR-RU", "2017")))
        #expect(d.value == 300 + 700)
        #expect(d.formula == "2017-H1 + 2017-H2")
    }

    // MARK: sums of categories

    @Test func quarterTotalFromAllFiveModes() throws {
        let d = try #require(resolver.derive(key("RU-KP", "2019-Q1")))
        #expect(d.value == 1 + 2 + 3 + 4 + 5)
        #expect(d.kind == .breakdown)
        #expect(d.terms.map(\.key.category) == ["air", "rail", "road", "sea", "foot"])
        #expect(d.formula == "transport/air + transport/rail + transport/road + transport/sea + transport/foot")
        #expect(d.worked == "1 + 2 + 3 + 4 + 5 = 15")
        #expect(d.sourceIDs == ["fsb-a"])
    }

    @Test func noTotalFromFourOfFiveModes() {
        #expect(resolver.derive(key("RU-KP", "2019-Q2")) == nil)
        #expect(resolver.best(key("RU-KP", "2019-Q2")) == nil)
        // And so no half or year either.
        #expect(resolver.derive(key("RU-KP", "2019-H1")) == nil)
        #expect(resolver.derive(key("RU-KP", "2019")) == nil)
    }

    // MARK: differences

    @Test func missingQuarterByDifferenceFromAReportedYear() throws {
        let d = try #require(resolver.derive(key("KP-RU", "2020-Q4")))
        #expect(d.kind == .difference)
        #expect(d.value == 200 - 50 - 40 - 60)
        #expect(d.formula == "2020 - 2020-Q1 - 2020-Q2 - 2020-Q3")
        #expect(d.worked == "200 - 50 - 40 - 60 = 50")
        #expect(d.terms.map(\.sign) == [1, -1, -1, -1])
        #expect(d.terms.map(\.value) == [200, 50, 40, 60])
        #expect(d.terms.map(\.key.period) == ["2020", "2020-Q1", "2020-Q2", "2020-Q3"].map(period))
        // Each term carries the observations that report it: the year from press-b, Q1 from both sources,
        // Q2 only from the precise fsb-a row (the "about 40" is not a precise value).
        #expect(d.terms[0].observations.map(\.id) == ["press-b/2"])
        #expect(d.terms[1].observations.map(\.id) == ["fsb-a/4", "press-b/3"])
        #expect(d.terms[2].observations.map(\.id) == ["fsb-a/5"])
        #expect(d.sourceIDs == ["press-b", "fsb-a"])
    }

    @Test func halfByDifferenceUsesASummedSibling() throws {
        // 2020-H2 = 2020 (reported) - 2020-H1 (50 + 40, summed), cited as the quarters the half is summed from.
        let d = try #require(resolver.derive(key("KP-RU", "2020-H2")))
        #expect(d.value == 200 - (50 + 40))
        #expect(d.formula == "2020 - 2020-Q1 - 2020-Q2")
        #expect(d.terms.map(\.sign) == [1, -1, -1])
        #expect(d.terms[1].observations.map(\.id) == ["fsb-a/4", "press-b/3"])
        #expect(d.sourceIDs == ["press-b", "fsb-a"])
    }

    @Test func quarterByDifferenceFromAReportedHalf() throws {
        // KR-RU 2017-Q2 = 2017-H1 300 - 2017-Q1 120.
        let d = try #require(resolver.derive(key("KR-RU", "2017-Q2")))
        #expect(d.value == 300 - 120)
        #expect(d.formula == "2017-H1 - 2017-Q1")
    }

    @Test func noDifferenceFromAYearThatIsOnlySummed() {
        // KP-RU 2019 is known only as the sum of its quarters: "Q4 = 2019 - Q1 - Q2 - Q3" would be Q4 = Q4.
        #expect(resolver.composed(key("KP-RU", "2019"))?.value == 100)
        for q in 1...4 {
            #expect(resolver.difference(key("KP-RU", "2019-Q\(q)")) == nil)
            #expect(resolver.derive(key("KP-RU", "2019-Q\(q)")) == nil)
        }
        #expect(resolver.difference(key("KP-RU", "2019-H1")) == nil)
    }

    @Test func noYearFromAnIncompleteYear() {
        // 2020 has no Q4 reported: the year is not summed (composed does not take differences).
        #expect(resolver.compose(key("KP-RU", "2020")) == nil)
        #expect(resolver.derive(key("KP-RU", "2020")) == nil)
        #expect(resolver.best(key("KP-RU", "2020"))?.value == 200)
    }

    // MARK: what stops a sum

    @Test func aDisputedPartStopsTheSum() {
        // KR-RU 2019-Q2: 200 (fsb-a) against 210 (press-b).
        #expect(resolver.consensus(key("KR-RU", "2019-Q2")) == nil)
        #expect(resolver.derive(key("KR-RU", "2019")) == nil)
        #expect(resolver.derive(key("KR-RU", "2019-H1")) == nil)
        // The other half is fine.
        #expect(resolver.derive(key("KR-RU", "2019-H2"))?.value == 300 + 400)
    }

    @Test func approximatePartsAreNotSummed() {
        // KR-RU 2018-Q1 is "about 100".
        #expect(resolver.consensus(key("KR-RU", "2018-Q1")) == nil)
        #expect(resolver.derive(key("KR-RU", "2018")) == nil)
        #expect(resolver.derive(key("KR-RU", "2018-H1")) == nil)
        #expect(resolver.derive(key("KR-RU", "2018-H2"))?.value == 300 + 400)
    }

    @Test func consensusTakesThePreciseValueThatApproximateOnesAgreeWith() throws {
        // KP-RU 2020-Q2: 40 (fsb-a) and "about 40" (article-c).
        let r = try #require(resolver.consensus(key("KP-RU", "2020-Q2")))
        #expect(r.value == 40)
        #expect(r.observations.map(\.sourceID) == ["fsb-a"])
        #expect(!r.isDerived)
    }

    // MARK: not stated

    @Test func notStatedIsTotalMinusStatedCategories() throws {
        let d = try #require(resolver.notStated(flow: flow("KP-RU"), period: period("2021"), measure: .purpose))
        #expect(d.value == 500 - 120 - 200)
        #expect(d.kind == .residual)
        #expect(d.key.category == notStatedCategory)
        #expect(d.formula == "total - purpose/study - purpose/work")
        #expect(d.worked == "500 - 120 - 200 = 180")
        // No transport category is stated for 2021: no remainder to speak of.
        #expect(resolver.notStated(flow: flow("KP-RU"), period: period("2021"), measure: .transport) == nil)
        #expect(resolver.notStated(flow: flow("KP-RU"), period: period("2021"), measure: .total) == nil)
    }

    @Test func noNotStatedWhenAStatedCategoryIsDisputed() {
        // KP-RU 2022 purpose/study: 100 against 150. Work (50) is precise, but the remainder is unknown.
        #expect(resolver.consensus(key("KP-RU", "2022", .purpose, "work"))?.value == 50)
        #expect(resolver.notStated(flow: flow("KP-RU"), period: period("2022"), measure: .purpose) == nil)
        #expect(resolver.rows(for: key("KP-RU", "2022", .purpose, notStatedCategory)).isEmpty)
    }

    @Test func noNotStatedWhenAStatedCategoryIsApproximate() {
        // KP-RU 2022 transport/rail is "about 50".
        #expect(resolver.notStated(flow: flow("KP-RU"), period: period("2022"), measure: .transport) == nil)
    }

    @Test func noNotStatedWhenEveryCategoryIsKnown() {
        // RU-KP 2019-Q1: all five modes stated (the total is their sum).
        #expect(resolver.notStated(flow: flow("RU-KP"), period: period("2019-Q1"), measure: .transport) == nil)
    }

    // MARK: change

    @Test func changeOnAYearEarlierFromReportedValues() throws {
        let c = try #require(resolver.change(key("KP-RU", "2021")))
        #expect(c.current.value == 500)
        #expect(c.previous.value == 200)
        #expect(c.previousKey == key("KP-RU", "2020"))
        #expect(c.difference == 300)
        #expect(c.percent == 150)
        #expect(!c.isDerived)
        #expect(c.display == "+150.0%")
    }

    @Test func changeOnADerivedYear() throws {
        // 2020 (200, reported) on 2019 (100, summed from quarters).
        let c = try #require(resolver.change(key("KP-RU", "2020")))
        #expect(c.difference == 100)
        #expect(c.percent == 100)
        #expect(c.isDerived)
        #expect(c.previous.derivation?.kind == .rollUp)
        #expect(c.display == "+100.0%")
    }

    @Test func changeDownAndUnknown() throws {
        // 2022 (400) on 2021 (500): -20 %.
        let c = try #require(resolver.change(key("KP-RU", "2022")))
        #expect(c.difference == -100)
        #expect(c.percent == -20)
        #expect(c.display == "-20.0%")
        // Nothing for 2018 to compare 2019 with.
        #expect(resolver.change(key("KP-RU", "2019")) == nil)
        // A remainder has no like-for-like change.
        #expect(resolver.change(key("KP-RU", "2021", .purpose, notStatedCategory)) == nil)
    }

    @Test func changeDisplayForSmallAndZeroBases() {
        func change(_ now: Int, _ before: Int) -> Resolver.Change {
            Resolver.Change(current: .init(value: now, observations: [], derivation: nil),
                            previous: .init(value: before, observations: [], derivation: nil),
                            previousKey: key("KP-RU", "2020"))
        }
        #expect(change(5, 0).percent == nil)
        #expect(change(5, 0).display == "new")
        #expect(change(0, 0).display == "0")
        #expect(change(2, 3).display == "-33.3%")
        #expect(change(3, 2).display == "+50.0%")
    }

    // MARK: rows

    @Test func derivedRowsCarryNoSourcesButTheirDerivationDoes() throws {
        let rows = resolver.rows(for: key("KP-RU", "2020-Q4"))
        #expect(rows.count == 1)
        let row = try #require(rows.first)
        #expect(row.status == .derived)
        #expect(row.sourceIDs.isEmpty)
        #expect(row.observations.isEmpty)
        #expect(row.value.value == 50)
        #expect(row.value.qualifier == .exact)
        #expect(row.derivation?.sourceIDs == ["press-b", "fsb-a"])
    }

    @Test func derivationSourcesAreThoseOfTheParts() throws {
        // Q1, Q2, Q4 from fsb-a, Q3 from press-b.
        let d = try #require(resolver.derive(key("KP-RU", "2019")))
        #expect(d.sourceIDs == ["fsb-a", "press-b"])
        #expect(Set(d.observations.map(\.id)) == ["fsb-a/1", "fsb-a/2", "press-b/1", "fsb-a/3"])
    }

    @Test func oneRowPerDistinctValueWithEverySourceThatGivesIt() throws {
        let q1 = resolver.rows(for: key("KP-RU", "2020-Q1"))
        #expect(q1.count == 1)
        #expect(q1.first?.status == .reported)
        #expect(q1.first?.sourceIDs == ["fsb-a", "press-b"])
        #expect(q1.first?.value.value == 50)
        #expect(q1.first?.keyAgrees == true)

        let q2 = resolver.rows(for: key("KP-RU", "2020-Q2"))
        #expect(q2.map(\.value.display) == ["40", "~40"])
        #expect(q2.map(\.sourceIDs) == [["fsb-a"], ["article-c"]])
        #expect(q2.allSatisfy { $0.keyAgrees })
        #expect(q2[1].value.printed == "about 40")

        let disputed = resolver.rows(for: key("KR-RU", "2019-Q2"))
        #expect(disputed.map(\.value.value) == [200, 210])
        #expect(disputed.allSatisfy { !$0.keyAgrees })
    }

    @Test func reportedAndDerivedRowsForTheSameKey() {
        // RU-KP 2019-Q1 total is not reported; its derived row stands alone.
        let rows = resolver.rows(for: key("RU-KP", "2019-Q1"))
        #expect(rows.map(\.status) == [.derived])
        #expect(rows.first?.value.value == 15)
        // KR-RU 2017 is not reported either; its halves are, and so is a quarter.
        let h1 = resolver.rows(for: key("KR-RU", "2017-H1"))
        #expect(h1.map(\.status) == [.reported])
    }

    // MARK: figures(query)

    @Test func figuresForQuartersOfOneYear() {
        let q = FigureQuery(flows: [flow("KP-RU")], from: period("2019-Q1"), to: period("2019-Q4"), granularity: .quarter, measures: [.total])
        let rows = resolver.figures(q)
        #expect(rows.map(\.key.period) == ["2019-Q1", "2019-Q2", "2019-Q3", "2019-Q4"].map(period))
        #expect(rows.map(\.value.value) == [10, 20, 30, 40])
        #expect(rows.allSatisfy { $0.status == .reported && $0.key.flow == flow("KP-RU") && $0.key.measure == .total })
    }

    @Test func figuresForYears() {
        let q = FigureQuery(flows: [flow("KP-RU")], from: period("2019"), to: period("2020"), granularity: .year, measures: [.total])
        let rows = resolver.figures(q)
        #expect(rows.map(\.key.period) == [period("2019"), period("2020")])
        #expect(rows.map(\.status) == [.derived, .reported])
        #expect(rows.map(\.value.value) == [100, 200])
    }

    @Test func figuresFillMissingQuartersByDifference() {
        let q = FigureQuery(flows: [flow("KP-RU")], from: period("2020"), to: period("2020"), granularity: .quarter, measures: [.total])
        let rows = resolver.figures(q)
        // Q1 (both sources on one row), Q2 (two readings), Q3, then Q4 derived.
        #expect(rows.map(\.key.period.description) == ["2020-Q1", "2020-Q2", "2020-Q2", "2020-Q3", "2020-Q4"])
        #expect(rows.map(\.status) == [.reported, .reported, .reported, .reported, .derived])
        #expect(rows.last?.value.value == 50)
    }

    @Test func figuresForABreakdownIncludeTheRemainder() {
        let q = FigureQuery(flows: [flow("KP-RU")], from: period("2021"), to: period("2021"), measures: [.purpose])
        let rows = resolver.figures(q)
        #expect(rows.map(\.key.category) == ["study", "work", notStatedCategory])
        #expect(rows.map(\.value.value) == [120, 200, 180])
        #expect(rows.map(\.status) == [.reported, .reported, .derived])
    }

    @Test func figuresFilterByFlow() {
        let rows = resolver.figures(FigureQuery(flows: [flow("KR-RU")], measures: [.total]))
        #expect(!rows.isEmpty)
        #expect(rows.allSatisfy { $0.key.flow == flow("KR-RU") })
        // Every KR-RU total observation appears in some reported row, once.
        let shown = rows.flatMap(\.observations).map(\.id)
        let expected = data.observations.filter { $0.key.flow == flow("KR-RU") && $0.key.measure == .total }.map(\.id)
        #expect(shown.sorted() == expected.sorted())
    }

    @Test func figuresFilterByMeasure() {
        let rows = resolver.figures(FigureQuery(measures: [.transport]))
        #expect(rows.allSatisfy { $0.key.measure == .transport })
        #expect(rows.contains { $0.key == key("RU-KP", "2019-Q2", .transport, "sea") && $0.value.value == 40 })
        #expect(!rows.contains { $0.key.measure == .total })
    }

    @Test func figuresAreSorted() {
        let rows = resolver.figures(FigureQuery())
        let keys = rows.map(\.key)
        #expect(zip(keys, keys.dropFirst()).allSatisfy { !($1 < $0) })
        // Each reported observation is shown exactly once across all rows.
        #expect(rows.flatMap(\.observations).map(\.id).sorted() == data.observations.map(\.id).sorted())
    }
}
