import CrossingsCore
import Testing
@testable import CrossingsUI

/// Issue 13: the questions are pure (`DatasetIndex`, `Queries.swift`) and the `Library` only
/// memoises them, so its answers, cached or not, are the index's with a fresh resolver.
@Suite("Queries apart from caches")
struct QueriesTests {
    @Test func theLibraryAnswersAsTheIndexDoes() throws {
        let data = try Fixture.dataset()
        let library = Library(data)
        let index = DatasetIndex(data)
        let resolver = Resolver(data)
        var facets = Facets()
        facets.fromYear = 2019
        let flows = Array(library.flows.prefix(2))
        try #require(flows.count == 2)
        for _ in 0..<2 {  // the second time from the cache
            for flow in flows {
                #expect(library.counts(flow: flow, granularity: .year, facets: facets)
                        == index.counts(flow: flow, granularity: .year, facets: facets, resolver: resolver))
                #expect(library.breakdown(flow: flow, period: .year(2023), measure: .purpose, facets: Facets())
                        == index.breakdown(flow: flow, period: .year(2023), measure: .purpose, facets: Facets(), resolver: resolver))
            }
            #expect(library.compared(flow: flows[0], with: flows[1], granularity: .quarter, facets: Facets())
                    == index.compared(flow: flows[0], with: flows[1], granularity: .quarter, facets: Facets(), resolver: resolver))
            for direction in Direction.allCases {
                #expect(library.latestYear(direction) == index.latestYear(direction, resolver: resolver))
                #expect(library.ranking(period: .year(2024), direction: direction) == index.ranking(period: .year(2024), direction: direction, resolver: resolver))
            }
            for query in ["", "ch", "  Korea ", "zzzz"] { #expect(library.matches(query) == index.matches(query)) }
        }
    }

    @Test func theRankingsWorthPreparingStartWithTheLatestYears() throws {
        let index = DatasetIndex(try Fixture.dataset())
        let list = index.rankingsWorthPreparing()
        let first = try #require(list.first)
        #expect(first.period.granularity == .year)
        // The latest first: no year in the list starts after the first one.
        #expect(list.allSatisfy { $0.period.granularity != .year || $0.period.firstQuarter <= first.period.firstQuarter })
        #expect(list.contains { $0.period.granularity == .quarter })
        // Years before halves before quarters.
        let order = list.map { $0.period.granularity == .year ? 0 : $0.period.granularity == .half ? 1 : 2 }
        #expect(order == order.sorted())
    }

    /// One word for which way a flow goes: the picker and the ranking ask by `Direction`, not a Bool.
    @Test func directionOfAFlowAndACountrysFlowThatWay() throws {
        let kpru = try Flow(parsing: "KP-RU"), rukp = try Flow(parsing: "RU-KP")
        #expect(Direction(of: kpru) == .entries && Direction(of: rukp) == .exits)
        #expect(Direction.entries.reversed == .exits && Direction.exits.reversed == .entries)
        let library = Library(try Fixture.dataset())
        let kp = try #require(library.countries.first { $0.code == "KP" })
        #expect(kp[.entries] == kpru && kp[.exits] == rukp)
        // Enter takes the flow asked for, else the one there is.
        let oneWay = CountryEntry(code: "XX", name: "X", entries: nil, exits: rukp)
        #expect(oneWay.flow(.entries) == rukp && oneWay.flow(.exits) == rukp)
    }
}
