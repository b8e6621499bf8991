import BundledData
import CrossingsCore
import CrossingsUI
import Foundation
import Testing
@testable import CrossingsTerminal

/// The rankings prepared ahead on the backend's thread (issue 11's budgets, issue 13's move out
/// of CrossingsUI): bounded, stoppable, and the same rows the explorer works out itself.
@Suite("Rankings prepared ahead")
struct RankingPrefetchTests {
    static let data: Dataset? = try? PackageLoader.load(files: BundledData.files, origin: "data")

    static func dataset() throws -> Dataset {
        try #require(data, "the bundled data package did not load")
    }

    /// Waits (at most a minute) for the prefetches' threads to end.
    static func waitUntilFinished(_ prefetches: [RankingPrefetch]) {
        let deadline = Date().addingTimeInterval(60)
        while !prefetches.allSatisfy(\.finished) && Date() < deadline { usleep(10_000) }
    }

    @Test func rankingsArePreparedAheadOnlyUpToTheShelfsBudget() throws {
        let data = try Self.dataset()
        let unbounded = RankingPrefetch(Library(data), budget: .max)
        unbounded.start()
        let bounded = RankingPrefetch(Library(data), budget: 1)
        bounded.start()
        Self.waitUntilFinished([unbounded, bounded])
        #expect(bounded.finished)
        // Full after one ranking, the thread stops instead of pushing out what it worked out.
        #expect(bounded.count == 1)
        #expect(unbounded.count > 1)
    }

    @Test func stoppingEndsThePreparingThread() throws {
        let prefetch = RankingPrefetch(Library(try Self.dataset()), budget: .max)
        prefetch.start()
        prefetch.stop()
        Self.waitUntilFinished([prefetch])
        #expect(prefetch.finished)
    }

    @Test func aPreparedRankingIsTheOneTheExplorerWorksOut() throws {
        let data = try Self.dataset()
        let library = Library(data)
        let prefetch = RankingPrefetch(library, budget: .max)
        prefetch.start()
        Self.waitUntilFinished([prefetch])
        let plain = Library(data)
        for (period, direction) in library.index.rankingsWorthPreparing().prefix(8) {
            let ready = try #require(prefetch.shelf[period, direction])
            #expect(ready == plain.ranking(period: period, direction: direction))
            #expect(library.ranking(period: period, direction: direction) == ready)
        }
    }
}
