/// A cache with two budgets: at most `capacity` entries, and at most `budget` bytes as `cost`
/// estimates them (issue 11). Past the count, the least recently used quarter is dropped;
/// past the bytes, the least recently used entries go until the rest fit. The entry just
/// stored always stays, however large: the screen being drawn needs it. What is dropped is
/// worked out again if asked for; nothing else changes.
///
/// Counting entries alone is not enough: one source page of the all-countries import holds 66,000
/// lines, a counts page 44, so 256 entries of the same count can differ a thousandfold in size.
///
/// ```swift
/// var cache = BoundedCache<String, Int>(capacity: 2)
/// cache["a"] = 1; cache["b"] = 2; _ = cache["a"]; cache["c"] = 3
/// cache.count   // 2: "b", the least recently used, went
///
/// var pages = BoundedCache<String, [Int]>(capacity: 100, budget: 1_000) { $0.count * 8 }
/// pages["x"] = Array(repeating: 0, count: 100)   // 800 bytes
/// pages["y"] = Array(repeating: 0, count: 100)   // 1,600 > 1,000: "x" goes
/// ```
public struct BoundedCache<Key: Hashable, Value> {
    public let capacity: Int
    /// Bytes the entries may hold in all, as `cost` estimates them.
    public let budget: Int
    private let cost: (Value) -> Int
    private var entries: [Key: (value: Value, used: UInt64, bytes: Int)] = [:]
    private var clock: UInt64 = 0
    /// The estimated bytes of every entry kept.
    public private(set) var bytes = 0

    public init(capacity: Int, budget: Int = .max, cost: @escaping (Value) -> Int = { _ in 0 }) {
        self.capacity = max(1, capacity)
        self.budget = max(0, budget)
        self.cost = cost
    }

    public var count: Int { entries.count }

    public subscript(key: Key) -> Value? {
        mutating get {
            guard let e = entries[key] else { return nil }
            clock &+= 1
            entries[key] = (e.value, clock, e.bytes)
            return e.value
        }
        set {
            if let old = entries[key] { bytes -= old.bytes }
            guard let newValue else { entries[key] = nil; return }
            clock &+= 1
            let size = cost(newValue)
            entries[key] = (newValue, clock, size)
            bytes += size
            if entries.count > capacity { evict(key) }
            if bytes > budget { fit(keeping: key) }
        }
    }

    /// Drops everything (e.g. when the explorer is told memory is short).
    public mutating func removeAll() {
        entries.removeAll()
        bytes = 0
    }

    /// Drops the least recently used quarter (at least one), keeping the most recent.
    private mutating func evict(_ newest: Key) {
        let drop = max(1, entries.count / 4)
        let oldest = entries.filter { $0.key != newest }.sorted { $0.value.used < $1.value.used }.prefix(drop)
        for (k, e) in oldest { entries[k] = nil; bytes -= e.bytes }
    }

    /// Drops the least recently used entries until the rest fit the budget; the newest stays.
    private mutating func fit(keeping newest: Key) {
        for (k, e) in entries.filter({ $0.key != newest }).sorted(by: { $0.value.used < $1.value.used }) {
            guard bytes > budget else { return }
            entries[k] = nil
            bytes -= e.bytes
        }
    }
}
