import Foundation
import Testing
@testable import CrossingsUI
@testable import CrossingsCore

/// The explorer's caches have a budget (issue 11): hours of browsing keep memory bounded.
@Suite("Bounded caches")
struct BoundedCacheTests {
    @Test func theLeastRecentlyUsedGoFirst() {
        var cache = BoundedCache<Int, String>(capacity: 4)
        for i in 0..<4 { cache[i] = "\(i)" }
        _ = cache[0]                 // 0 is now the most recent
        cache[4] = "4"               // over budget: the least recently used (1) goes
        #expect(cache.count <= 4)
        #expect(cache[0] == "0")
        #expect(cache[1] == nil)
        #expect(cache[4] == "4")
    }

    @Test func aThousandQuestionsStayWithinTheBudget() throws {
        let library = Library(try Fixture.dataset())
        let flow = try #require(library.data.flows.first)
        var first: [CountRow] = []
        for year in 0..<1_000 {
            var facets = Facets()
            facets.fromYear = 1000 + year
            let rows = library.counts(flow: flow, granularity: .year, facets: facets)
            if year == 0 { first = rows }
        }
        #expect(library.countsCache.count <= library.countsCache.capacity)
        // An answer dropped from the cache is worked out again, the same.
        var facets = Facets()
        facets.fromYear = 1000
        #expect(library.counts(flow: flow, granularity: .year, facets: facets) == first)
    }
}
