import CrossingsCore

/// The explorer's memo of answers (`Library`), kept apart from the questions (`DatasetIndex`,
/// pure) so that what is kept, and how much, is the owner's choice.
///
/// Every answer is a pure function of the dataset and the question, so the caches never change
/// what is shown, only how fast. Budgets: a screen's worth of questions is a few; hours of
/// browsing thousands of flows stay bounded, by entries and by estimated bytes (`MemoryCost`):
/// a ranking of every country or a citation page of many observations is far larger than a
/// counts page of 44 lines; a source's page is estimated at its row numbers, 4 bytes a figure
/// (`Items`; issue 11).
struct QueryCache {
    static let countsBudget = 8 << 20, itemsBudget = 32 << 20, rankingBudget = 16 << 20

    var counts = BoundedCache<Library.CountsQuestion, [CountRow]>(capacity: 256, budget: QueryCache.countsBudget, cost: MemoryCost.rows)
    var items = BoundedCache<Library.ItemsQuestion, Items>(capacity: 256, budget: QueryCache.itemsBudget, cost: MemoryCost.items)
    var rankings = BoundedCache<Library.RankingKey, [RankRow]>(capacity: 64, budget: QueryCache.rankingBudget, cost: MemoryCost.ranking)
    /// The picker's matches by what was typed; at most `matchesLimit` queries, then it starts again.
    private(set) var matches: [String: [Int]] = [:]
    static let matchesLimit = 512
    /// The latest year with a figure, per direction (`true`: exits); worked out once.
    var latestYears: [Direction: Period?] = [:]

    /// Keeps a picker answer, forgetting every other once past the limit.
    mutating func keep(matches result: [Int], for query: String) {
        if matches.count > QueryCache.matchesLimit { matches.removeAll() }
        matches[query] = result
    }
}

extension Library {
    struct RankingKey: Hashable {
        var period: Period
        var direction: Direction
        var facets: Facets
    }

    struct CountsQuestion: Hashable {
        var flow: Flow
        var granularity: Period.Granularity
        var facets: Facets
    }

    struct ItemsQuestion: Hashable {
        var page: Page
        var flow: Flow
        var compare: Flow?
        var granularity: Period.Granularity
        var facets: Facets
        var ranking: RankingQuestion
        /// A check page: whether the verdicts have come (they are the sentence's, worked out by the
        /// pure checker, so the sentence and this flag are the whole key; hashing the findings on
        /// every lookup made each key on a check page twice as slow).
        var answered: Bool
    }
}

/// Rankings with no facets worked out ahead, somewhere else (the backend's prefetch thread), and
/// shared with the explorer: `Library.ranking` looks here first, and puts what it works out here
/// so that they are not worked out twice. The implementation decides how it is kept safe across
/// threads; CrossingsUI holds no thread or lock.
public protocol PreparedRankings: AnyObject, Sendable {
    subscript(period: Period, direction: Direction) -> [RankRow]? { get set }
    /// Estimated bytes kept (`MemoryCost.ranking`), and the most it keeps.
    var bytes: Int { get }
    var budget: Int { get }
}
