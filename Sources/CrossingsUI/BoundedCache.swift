/// A cache with a budget: past `capacity` entries, the least recently used quarter is
/// dropped, so browsing for hours over thousands of flows keeps memory bounded (issue 11).
/// What is dropped is worked out again if asked for; nothing else changes.
///
/// ```swift
/// var cache = BoundedCache<String, Int>(capacity: 2)
/// cache["a"] = 1; cache["b"] = 2; _ = cache["a"]; cache["c"] = 3
/// cache.count   // 2: "b", the least recently used, went
/// ```
struct BoundedCache<Key: Hashable, Value> {
    let capacity: Int
    private var entries: [Key: (value: Value, used: UInt64)] = [:]
    private var clock: UInt64 = 0

    init(capacity: Int) { self.capacity = max(1, capacity) }

    var count: Int { entries.count }

    subscript(key: Key) -> Value? {
        mutating get {
            guard let e = entries[key] else { return nil }
            clock &+= 1
            entries[key] = (e.value, clock)
            return e.value
        }
        set {
            guard let newValue else { entries[key] = nil; return }
            clock &+= 1
            entries[key] = (newValue, clock)
            if entries.count > capacity { evict() }
        }
    }

    /// Drops the least recently used quarter (at least one), keeping the most recent.
    private mutating func evict() {
        let drop = max(1, entries.count / 4)
        let oldest = entries.sorted { $0.value.used < $1.value.used }.prefix(drop)
        for (k, _) in oldest { entries[k] = nil }
    }
}
