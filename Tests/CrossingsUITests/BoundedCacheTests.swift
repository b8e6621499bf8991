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

/// Budgets in bytes (issue 11): entries are not all the same size (a source page of a large
/// import is 66,000 lines, a counts page 44), so a count of entries alone bounds nothing.
@Suite("Byte budgets")
struct ByteBudgetTests {
    static func cache(budget: Int) -> BoundedCache<String, [Int]> {
        BoundedCache(capacity: 100, budget: budget) { $0.count * 8 }
    }

    @Test func pastTheBudgetTheLeastRecentlyUsedGo() {
        var cache = Self.cache(budget: 1_000)
        cache["a"] = Array(repeating: 0, count: 50)      // 400 bytes
        cache["b"] = Array(repeating: 0, count: 50)      // 800
        _ = cache["a"]                                   // a is now the most recent
        cache["c"] = Array(repeating: 0, count: 50)      // 1,200 > 1,000: b goes, not a
        #expect(cache["b"] == nil)
        #expect(cache["a"] != nil)
        #expect(cache["c"] != nil)
        #expect(cache.bytes == 800)
        #expect(cache.count == 2)   // far under the capacity of 100: the bytes decided
    }

    @Test func theEntryJustStoredStaysHoweverLarge() {
        var cache = Self.cache(budget: 1_000)
        cache["small"] = [1]
        cache["huge"] = Array(repeating: 0, count: 1_000)   // 8,000 bytes alone
        #expect(cache["huge"]?.count == 1_000)              // the screen being drawn needs it
        #expect(cache["small"] == nil)
        cache["next"] = [2]
        #expect(cache["huge"] == nil)                       // and it goes with the next one
        #expect(cache.bytes == 8)
    }

    @Test func replacedAndRemovedEntriesGiveTheirBytesBack() {
        var cache = Self.cache(budget: 1_000)
        cache["a"] = Array(repeating: 0, count: 100)
        cache["a"] = Array(repeating: 0, count: 10)
        #expect(cache.bytes == 80)
        cache["a"] = nil
        #expect(cache.bytes == 0 && cache.count == 0)
    }

    @Test func aSourcePageIsKeptOnceWhateverFlowIsOnScreen() throws {
        let library = Library(try Fixture.dataset())
        let source = try #require(library.data.sources.first).id
        let flows = library.flows.prefix(2)
        try #require(flows.count == 2)
        let pages = flows.map { library.items(.source(source), flow: $0, granularity: .quarter, facets: Facets()) }
        #expect(library.itemsCache.count == 1)
        #expect(pages[0].map(\.search) == pages[1].map(\.search))
        // The estimate grows with the page: the budget sees a long page as long.
        #expect(MemoryCost.items(pages[0]) > MemoryCost.items(Array(pages[0].prefix(2))))
    }
}
