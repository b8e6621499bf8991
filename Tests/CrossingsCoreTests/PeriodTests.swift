import Testing
@testable import CrossingsCore

@Suite("Period")
struct PeriodTests {
    @Test func parsesEachForm() throws {
        #expect(try Period(parsing: "2024") == .year(2024))
        #expect(try Period(parsing: "2023-H1") == .half(2023, 1))
        #expect(try Period(parsing: "2023-H2") == .half(2023, 2))
        #expect(try Period(parsing: "2024-Q3") == .quarter(2024, 3))
        #expect(try Period(parsing: "2010..2019") == .range(.year(2010), .year(2019)))
        #expect(try Period(parsing: "2024-Q1..2024-Q3") == .range(.quarter(2024, 1), .quarter(2024, 3)))
    }

    @Test(arguments: ["2024-Q5", "2024-Q0", "2024-H3", "24", "20245", "2024-", "2024-q1", "2024-Q01",
                      "2024-X1", "Q1-2024", "", "abcd", "2024-Q1-1", "1899", "2200", "2019..2010",
                      "2010..2019..2020", "2024-Q3..2024-Q2", "..2019", "2010.."])
    func rejectsInvalid(_ text: String) {
        #expect(throws: Period.ParseError.self) { try Period(parsing: text) }
    }

    @Test func parseErrorNamesTheText() {
        #expect(throws: Period.ParseError(text: "2024-Q5")) { try Period(parsing: "2024-Q5") }
        #expect(Period.ParseError(text: "24").description.contains("'24' is not a period"))
    }

    @Test(arguments: ["2024", "2023-H1", "2023-H2", "2024-Q1", "2024-Q4", "2010..2019", "2024-Q1..2024-Q3", "2023-H2..2024-H1"])
    func descriptionRoundTrips(_ text: String) throws {
        let p = try Period(parsing: text)
        #expect(p.description == text)
        #expect(try Period(parsing: p.description) == p)
    }

    @Test func granularity() {
        #expect(period("2024").granularity == .year)
        #expect(period("2024-H1").granularity == .half)
        #expect(period("2024-Q2").granularity == .quarter)
        #expect(period("2010..2019").granularity == .range)
        #expect(period("2010..2019").isRange)
        #expect(!period("2019").isRange)
    }

    @Test func quarterCountAndYear() {
        #expect(period("2024").quarterCount == 4)
        #expect(period("2024-H2").quarterCount == 2)
        #expect(period("2024-Q3").quarterCount == 1)
        #expect(period("2010..2019").quarterCount == 40)
        #expect(period("2024-Q3").year == 2024)
        #expect(period("2010..2019").year == 2010)
    }

    @Test func contains() {
        let y = period("2024")
        #expect(y.contains(period("2024-Q1")))
        #expect(y.contains(period("2024-Q4")))
        #expect(y.contains(period("2024-H2")))
        #expect(y.contains(y))
        #expect(!y.contains(period("2025-Q1")))
        #expect(!y.contains(period("2023-Q4")))
        #expect(!period("2024-Q1").contains(y))
        #expect(period("2024-H1").contains(period("2024-Q2")))
        #expect(!period("2024-H1").contains(period("2024-Q3")))
        #expect(period("2010..2019").contains(period("2015")))
        #expect(!period("2010..2019").contains(period("2020-Q1")))
        #expect(!period("2024-H1").contains(period("2023-H2..2024-H1")))
    }

    @Test func partitions() {
        #expect(period("2024").partitions == [
            [.half(2024, 1), .half(2024, 2)],
            [.quarter(2024, 1), .quarter(2024, 2), .quarter(2024, 3), .quarter(2024, 4)],
        ])
        #expect(period("2024-H1").partitions == [[.quarter(2024, 1), .quarter(2024, 2)]])
        #expect(period("2024-H2").partitions == [[.quarter(2024, 3), .quarter(2024, 4)]])
        #expect(period("2024-Q2").partitions.isEmpty)
        #expect(period("2010..2019").partitions.isEmpty)
    }

    @Test func periodsOfGranularity() {
        #expect(period("2024").periods(of: .quarter) == (1...4).map { .quarter(2024, $0) })
        #expect(period("2024").periods(of: .half) == [.half(2024, 1), .half(2024, 2)])
        #expect(period("2024").periods(of: .year) == [.year(2024)])
        #expect(period("2024-H2").periods(of: .quarter) == [.quarter(2024, 3), .quarter(2024, 4)])
        #expect(period("2024-Q3").periods(of: .year).isEmpty)
        #expect(period("2024-Q3").periods(of: .half).isEmpty)
        #expect(period("2010..2012").periods(of: .year) == [.year(2010), .year(2011), .year(2012)])
        #expect(period("2023-Q4..2024-Q2").periods(of: .quarter) == [.quarter(2023, 4), .quarter(2024, 1), .quarter(2024, 2)])
        #expect(period("2023-Q4..2024-Q2").periods(of: .half) == [.half(2024, 1)])
        #expect(period("2023-Q4..2024-Q2").periods(of: .year).isEmpty)
    }

    @Test func yearEarlier() {
        #expect(period("2024").yearEarlier == period("2023"))
        #expect(period("2024-H2").yearEarlier == period("2023-H2"))
        #expect(period("2024-Q1").yearEarlier == period("2023-Q1"))
        #expect(period("2011..2020").yearEarlier == period("2010..2019"))
    }

    @Test func ledgerOrder() {
        let ordered = ["2023", "2024-Q1", "2024-Q2", "2024-H1", "2024-Q3", "2024-Q4", "2024-H2", "2024", "2025-Q1"].map(period)
        for i in ordered.indices {
            for j in ordered.indices {
                #expect((ordered[i] < ordered[j]) == (i < j), "\(ordered[i]) < \(ordered[j])")
            }
        }
        #expect(ordered.shuffled().sorted() == ordered)
    }

    @Test func quarterIndex() {
        let q = QuarterIndex(2024, 3)
        #expect(q.year == 2024)
        #expect(q.quarter == 3)
        #expect(QuarterIndex(2023, 4) < QuarterIndex(2024, 1))
        #expect(QuarterIndex(2024, 1).value - QuarterIndex(2023, 4).value == 1)
    }
}
