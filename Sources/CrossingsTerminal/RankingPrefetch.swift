import CrossingsCore
import CrossingsUI
import Foundation

/// Works out, on a thread of its own, every ranking a key can ask for with no facets
/// (`DatasetIndex.rankingsWorthPreparing`: years first, from the latest, both directions; then
/// halves and quarters), and puts them on a shelf the explorer's `Library.ranking` looks at
/// first, so that `<` and `>` find them ready.
///
/// The thread is the backend's: CrossingsUI asks pure questions and sees only the shelf,
/// through `PreparedRankings`.
///
/// ```swift
/// let prefetch = RankingPrefetch(library)   // the shelf, handed to the library
/// prefetch.start()                          // returns at once
/// defer { prefetch.stop() }
/// ```
public final class RankingPrefetch: Sendable {
    public let shelf: RankingShelf
    private let index: DatasetIndex

    /// A shelf of `budget` estimated bytes, handed to the library at once (so that what the
    /// library works out before `start` is not worked out again).
    public init(_ library: Library, budget: Int = RankingShelf.defaultBudget) {
        shelf = RankingShelf(budget: budget)
        index = library.index
        library.prepared = shelf
    }

    /// The background resolver's budget: it goes a period at a time through every country, so
    /// only the years of the period at hand need to be kept.
    static let resolverBudget = 16 << 20

    /// Starts the thread; returns at once.
    public func start() {
        let index = self.index, shelf = self.shelf
        let work = index.rankingsWorthPreparing()
        let thread = Thread {
            // Its own resolver, on a smaller budget than the explorer's: never shared across threads.
            let resolver = Resolver(index.data, budget: RankingPrefetch.resolverBudget)
            for (period, direction) in work where shelf[period, direction] == nil {
                // Stopped, or the shelf full: a ranking more would only push out one worked out
                // before it, more likely asked for. The thread ends, and its resolver goes with it.
                if shelf.stopped || shelf.isFull { break }
                shelf[period, direction] = index.rank(period: period, direction: direction, resolver: resolver) { key in
                    ShownFigure.pick(key, rows: resolver.rows(for: key), resolver: resolver)
                }
            }
            shelf.finished = true
        }
        thread.start()
    }

    /// Stops the thread at its next ranking.
    public func stop() { shelf.stopped = true }

    /// Whether the thread has ended (done, stopped, or the shelf full).
    public var finished: Bool { shelf.finished }

    /// How many rankings are on the shelf now (the benchmark watches it while idle).
    public var count: Int { shelf.count }
}

/// Rankings with no facets, shared between the explorer and the thread that works them out
/// ahead; a budget in estimated bytes like the explorer's caches (least recently used go).
public final class RankingShelf: PreparedRankings, @unchecked Sendable {
    private struct Key: Hashable {
        var period: Period
        var direction: Direction
    }

    private let lock = NSLock()
    private var rows: BoundedCache<Key, [RankRow]>
    private var stop = false
    private var done = false

    public init(budget: Int = RankingShelf.defaultBudget) {
        rows = BoundedCache(capacity: 4096, budget: budget, cost: MemoryCost.ranking)
    }

    public static let defaultBudget = 16 << 20

    public subscript(period: Period, direction: Direction) -> [RankRow]? {
        get {
            lock.lock(); defer { lock.unlock() }
            return rows[Key(period: period, direction: direction)]
        }
        set {
            lock.lock(); defer { lock.unlock() }
            rows[Key(period: period, direction: direction)] = newValue
        }
    }

    public var count: Int { lock.lock(); defer { lock.unlock() }; return rows.count }
    public var bytes: Int { lock.lock(); defer { lock.unlock() }; return rows.bytes }
    public var budget: Int { rows.budget }

    /// Within an eighth of its budget: the thread stops rather than push out what it worked out.
    var isFull: Bool { lock.lock(); defer { lock.unlock() }; return rows.bytes >= rows.budget - rows.budget / 8 }

    var stopped: Bool {
        get { lock.lock(); defer { lock.unlock() }; return stop }
        set { lock.lock(); defer { lock.unlock() }; stop = newValue }
    }

    var finished: Bool {
        get { lock.lock(); defer { lock.unlock() }; return done }
        set { lock.lock(); defer { lock.unlock() }; done = newValue }
    }
}
