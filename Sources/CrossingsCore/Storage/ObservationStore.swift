/// Every observation of a package, stored column by column so that a million
/// of them fit in well under a hundred megabytes, with an index by key.
///
/// It reads like an array of `Observation` (each one is put together when it is
/// asked for), and answers the questions that must stay fast at scale without
/// building any: the observations of one key, the keys of one flow, counts by
/// flow and by source.
///
/// ```swift
/// var store = ObservationStore()
/// store.append(observation)
/// store.finish()                       // sorts the key index
/// store.observations(for: key)         // binary search
/// ```
public struct ObservationStore: RandomAccessCollection, Sendable {
    // Interned tables: each value stored once, rows hold its position.
    private var flowTable = Interned<Flow>()
    private var periodTable = Interned<Period>()
    private var measureTable = Interned<MeasureCategory>()
    /// Producers, sources, files, id and locator prefixes.
    private var stringTable = Interned<String>()
    var flows: [Flow] { flowTable.values }
    var periods: [Period] { periodTable.values }
    var measures: [MeasureCategory] { measureTable.values }
    var strings: [String] { stringTable.values }

    struct MeasureCategory: Hashable, Sendable {
        var measure: Measure
        var category: String
    }

    // Columns, one entry per observation.
    var keyColumn: [UInt64] = []
    var valueColumn: [Int64] = []
    /// Qualifier (3 bits), printed as formatted (bit 3), tabulated (bit 4).
    var flagColumn: [UInt8] = []
    /// Source, producer, file, id prefix and locator prefix together: rows of one file share them,
    /// so one index per row stands for all five.
    var profileColumn: [UInt32] = []
    private var profileTable = Interned<Profile>()
    var profiles: [Profile] { profileTable.values }
    /// The profile of the last decoded row: a file's rows nearly always repeat it.
    var lastProfile: (Profile, UInt32)?
    var lineColumn: [Int32] = []
    /// Ends of each row's id rest and locator rest in the arena (starts are the previous row's ends).
    var idEnd: [UInt32] = []
    var locatorEnd: [UInt32] = []
    var arena: [UInt8] = []
    // Rare fields.
    var printedColumn: [Int32: String] = [:]
    var noteColumn: [Int32: String] = [:]
    var highColumn: [Int32: Int] = [:]

    // The index, built by `finish()`: rows sorted by key, and each distinct key's first position.
    var order: [Int32] = []
    var uniqueKeys: [UInt64] = []
    var keyStarts: [Int32] = []

    public init() {}

    struct Profile: Hashable, Sendable {
        var source: UInt32, producer: UInt32, file: UInt32, idPrefix: UInt32, locatorPrefix: UInt32
    }

    mutating func intern(_ p: Profile) -> UInt32 { UInt32(profileTable.intern(p)) }

    public var startIndex: Int { 0 }
    public var endIndex: Int { keyColumn.count }

    static let printedIsFormatted: UInt8 = 1 << 3
    static let tabulatedFlag: UInt8 = 1 << 4
    static let qualifiers = Qualifier.allCases

    // MARK: Interning

    /// Keys hold 16-bit indexes: at most this many flows, periods, and measure-and-category pairs.
    public static let maximumDistinct = Int(UInt16.max) + 1

    /// What outgrew its 16-bit index ("categories"), if anything did. The keys are wrong from
    /// then on (an index past the limit wraps), so the loader refuses the file instead of
    /// trapping in the middle of it (a hostile package of 65,537 categories did).
    private(set) var outgrown: String?

    private mutating func index(_ i: Int, _ what: String) -> UInt16 {
        if i >= ObservationStore.maximumDistinct, outgrown == nil { outgrown = what }
        return UInt16(truncatingIfNeeded: i)
    }

    mutating func intern(_ flow: Flow) -> UInt16 { index(flowTable.intern(flow), "flows") }
    mutating func intern(_ period: Period) -> UInt16 { index(periodTable.intern(period), "periods") }
    mutating func intern(_ measure: Measure, _ category: String) -> UInt16 {
        index(measureTable.intern(MeasureCategory(measure: measure, category: category)), "measure and category pairs")
    }
    mutating func intern(_ s: String) -> UInt32 { UInt32(stringTable.intern(s)) }

    static func pack(_ flow: UInt16, _ period: UInt16, _ measure: UInt16) -> UInt64 {
        UInt64(flow) << 32 | UInt64(period) << 16 | UInt64(measure)
    }

    func key(packed k: UInt64) -> FigureKey {
        let m = measureTable[Int(k & 0xFFFF)]
        return FigureKey(flow: flowTable[Int(k >> 32)], period: periodTable[Int((k >> 16) & 0xFFFF)], measure: m.measure, category: m.category)
    }

    func packedKey(_ key: FigureKey) -> UInt64? {
        guard let f = flowTable.position(of: key.flow), let p = periodTable.position(of: key.period),
              let m = measureTable.position(of: MeasureCategory(measure: key.measure, category: key.category)),
              let f16 = UInt16(exactly: f), let p16 = UInt16(exactly: p), let m16 = UInt16(exactly: m) else { return nil }
        return ObservationStore.pack(f16, p16, m16)
    }

    // MARK: Adding

    /// Splits `s` after its last occurrence of `separator`: the head is interned, the tail goes to the arena.
    static func split(_ s: String, after separator: UInt8) -> (head: String, tail: Substring.UTF8View) {
        let u = s.utf8
        guard let i = u.lastIndex(of: separator) else { return ("", Substring(s).utf8) }
        let next = u.index(after: i)
        return (String(s[..<next]), s[next...].utf8)
    }

    /// Adds one observation (any shape: the general path).
    public mutating func append(_ o: Observation) {
        let row = Int32(keyColumn.count)
        keyColumn.append(ObservationStore.pack(intern(o.key.flow), intern(o.key.period), intern(o.key.measure, o.key.category)))
        valueColumn.append(Int64(o.value))
        var flags = UInt8(ObservationStore.qualifiers.firstIndex(of: o.qualifier) ?? 0)
        if o.printed == formatCount(o.value) { flags |= ObservationStore.printedIsFormatted } else { printedColumn[row] = o.printed }
        if o.tabulated { flags |= ObservationStore.tabulatedFlag }
        flagColumn.append(flags)
        lineColumn.append(Int32(clamping: o.location.line))
        let id = ObservationStore.split(o.id, after: UInt8(ascii: "/"))
        let locator = ObservationStore.split(o.locator, after: UInt8(ascii: ":"))
        let profile = Profile(source: intern(o.sourceID), producer: intern(o.producer), file: intern(o.location.file),
                              idPrefix: intern(id.head), locatorPrefix: intern(locator.head))
        profileColumn.append(intern(profile))
        arena.append(contentsOf: id.tail)
        idEnd.append(UInt32(arena.count))
        arena.append(contentsOf: locator.tail)
        locatorEnd.append(UInt32(arena.count))
        if !o.note.isEmpty { noteColumn[row] = o.note }
        if let h = o.high { highColumn[row] = h }
    }

    /// Marks the observations of dataset sources as tabulated (exact whatever their digits).
    mutating func markTabulated(sources: Set<String>) {
        var isDataset = [Bool](repeating: false, count: strings.count)
        for s in sources { if let i = stringTable.position(of: s) { isDataset[i] = true } }
        guard isDataset.contains(true) else { return }
        let profileIsDataset = profiles.map { isDataset[Int($0.source)] }
        for i in profileColumn.indices where profileIsDataset[Int(profileColumn[i])] { flagColumn[i] |= ObservationStore.tabulatedFlag }
    }

    /// Builds the key index. Call once, after the last append.
    public mutating func finish() {
        let keys = keyColumn
        if zip(keys, keys.dropFirst()).allSatisfy({ $0 <= $1 }) {
            // Already in key order (imports write it so): nothing to sort.
            order = Array(0..<Int32(keys.count))
        } else if flows.count < 1024, periods.count < 1024, measures.count < 256, keys.count < 1 << 32 {
            // Rank (10 + 10 + 8 bits) and row (32 bits) in one integer: a plain sort of UInt64, stable by row.
            var packed = [UInt64](repeating: 0, count: keys.count)
            for (row, k) in keys.enumerated() {
                let rank = (k >> 32) << 18 | ((k >> 16) & 0xFFFF) << 8 | (k & 0xFFFF)
                packed[row] = rank << 32 | UInt64(row)
            }
            packed.sort()
            order = packed.map { Int32(truncatingIfNeeded: $0 & 0xFFFF_FFFF) }
        } else {
            order = (0..<Int32(keys.count)).sorted { keys[Int($0)] != keys[Int($1)] ? keys[Int($0)] < keys[Int($1)] : $0 < $1 }
        }
        uniqueKeys = []
        keyStarts = []
        var previous: UInt64?
        for (position, row) in order.enumerated() {
            let k = keys[Int(row)]
            if k != previous {
                uniqueKeys.append(k)
                keyStarts.append(Int32(position))
                previous = k
            }
        }
        keyStarts.append(Int32(order.count))
    }

    // MARK: Reading

    public subscript(i: Int) -> Observation {
        let row = Int32(i)
        let flags = flagColumn[i]
        let value = Int(valueColumn[i])
        let idStart = i == 0 ? 0 : Int(locatorEnd[i - 1])
        let idStop = Int(idEnd[i])
        let locatorStop = Int(locatorEnd[i])
        let profile = profileTable[Int(profileColumn[i])]
        let id = stringTable[Int(profile.idPrefix)] + String(decoding: arena[idStart..<idStop], as: UTF8.self)
        let locator = stringTable[Int(profile.locatorPrefix)] + String(decoding: arena[idStop..<locatorStop], as: UTF8.self)
        let printed = flags & ObservationStore.printedIsFormatted != 0 ? formatCount(value) : (printedColumn[row] ?? "")
        return Observation(
            id: id, key: key(packed: keyColumn[i]), value: value, high: highColumn[row],
            qualifier: ObservationStore.qualifiers[Int(flags & 7)], printed: printed,
            producer: stringTable[Int(profile.producer)], sourceID: stringTable[Int(profile.source)], locator: locator,
            note: noteColumn[row] ?? "", location: Location(file: stringTable[Int(profile.file)], line: Int(lineColumn[i])),
            tabulated: flags & ObservationStore.tabulatedFlag != 0)
    }

    func position(of packed: UInt64) -> Int? {
        var lo = 0, hi = uniqueKeys.count
        while lo < hi {
            let mid = (lo + hi) / 2
            if uniqueKeys[mid] < packed { lo = mid + 1 } else { hi = mid }
        }
        return lo < uniqueKeys.count && uniqueKeys[lo] == packed ? lo : nil
    }

    /// Every observation for exactly this key, in file order.
    public func observations(for key: FigureKey) -> [Observation] {
        guard let packed = packedKey(key), let p = position(of: packed) else { return [] }
        return (Int(keyStarts[p])..<Int(keyStarts[p + 1])).map { self[Int(order[$0])] }
    }

    /// How many observations a key has, without reading them.
    public func count(for key: FigureKey) -> Int {
        guard let packed = packedKey(key), let p = position(of: packed) else { return 0 }
        return Int(keyStarts[p + 1] - keyStarts[p])
    }

    /// Every distinct key.
    public var keys: LazyMapCollection<[UInt64], FigureKey> { uniqueKeys.lazy.map { key(packed: $0) } }

    /// The distinct keys of one flow (contiguous in the index).
    public func keys(of flow: Flow) -> [FigureKey] {
        guard let f = flowTable.position(of: flow) else { return [] }
        let lowest = UInt64(f) << 32, highest = (UInt64(f) + 1) << 32
        var lo = 0, hi = uniqueKeys.count
        while lo < hi { let mid = (lo + hi) / 2; if uniqueKeys[mid] < lowest { lo = mid + 1 } else { hi = mid } }
        var out: [FigureKey] = []
        var i = lo
        while i < uniqueKeys.count, uniqueKeys[i] < highest { out.append(key(packed: uniqueKeys[i])); i += 1 }
        return out
    }

    /// Every flow with at least one observation, sorted.
    public var flowList: [Flow] { flows.sorted() }

    /// How many observations each flow has.
    public func countsByFlow() -> [Flow: Int] {
        var counts = [Int](repeating: 0, count: flows.count)
        for k in keyColumn { counts[Int(k >> 32)] += 1 }
        return Dictionary(uniqueKeysWithValues: flows.enumerated().map { ($1, counts[$0]) })
    }

    /// How many observations cite each source id.
    public func countsBySource() -> [String: Int] {
        var perProfile = [Int](repeating: 0, count: profiles.count)
        for p in profileColumn { perProfile[Int(p)] += 1 }
        var counts: [String: Int] = [:]
        for (i, p) in profiles.enumerated() where perProfile[i] > 0 { counts[stringTable[Int(p.source)], default: 0] += perProfile[i] }
        return counts
    }

    /// Rows citing one source, without putting together the others.
    public func rows(citing sourceID: String) -> [Int] {
        guard let s = stringTable.position(of: sourceID).map(UInt32.init) else { return [] }
        let citing = profiles.map { $0.source == s }
        return profileColumn.indices.filter { citing[Int(profileColumn[$0])] }
    }

    /// Rows citing one source whose period and measure pass the tests, in `FigureKey` order (file
    /// order within a key, as a stable sort of `rows(citing:)` by key gives them), without putting
    /// any observation together: integers and the small tables only. A source's page lists these a
    /// screen at a time; building its 675,000 observations to sort them took 17 s (issue 11).
    public func rowsInKeyOrder(citing sourceID: String, period admitsPeriod: (Period) -> Bool = { _ in true },
                               measure admitsMeasure: (Measure) -> Bool = { _ in true }) -> [Int32] {
        guard let s = stringTable.position(of: sourceID).map(UInt32.init) else { return [] }
        let citing = profiles.map { $0.source == s }
        let periodOK = periods.map(admitsPeriod)
        let measureOK = measures.map { admitsMeasure($0.measure) }
        var n = 0
        for row in 0..<count where citing[Int(profileColumn[row])] { n += 1 }
        var rows: [Int32] = []
        rows.reserveCapacity(n)
        for row in 0..<count where citing[Int(profileColumn[row])] {
            let k = keyColumn[row]
            if periodOK[Int((k >> 16) & 0xFFFF)] && measureOK[Int(k & 0xFFFF)] { rows.append(Int32(row)) }
        }
        // The tables are interned in file order: rank each by its own order, then sort the rows by
        // (flow, period, measure and category) ranks and row, as `FigureKey.<` compares them.
        let flowRank = ObservationStore.ranks(flows, by: <)
        let periodRank = ObservationStore.ranks(periods, by: <)
        let anyFlow = flows.first ?? Flow(citizens: "", destination: ""), anyPeriod = periods.first ?? .year(0)
        let measureRank = ObservationStore.ranks(measures) {
            FigureKey(flow: anyFlow, period: anyPeriod, measure: $0.measure, category: $0.category)
                < FigureKey(flow: anyFlow, period: anyPeriod, measure: $1.measure, category: $1.category)
        }
        func bits(_ n: Int) -> Int { n <= 1 ? 0 : Int.bitWidth - (n - 1).leadingZeroBitCount }
        let fb = bits(flows.count), pb = bits(periods.count), mb = bits(measures.count)
        if fb + pb + mb <= 32 {
            // Ranks and row in one integer: a plain sort of UInt64, stable by row.
            var packed = rows.map { row -> UInt64 in
                let k = keyColumn[Int(row)]
                let rank = UInt64(flowRank[Int(k >> 32)]) << (pb + mb) | UInt64(periodRank[Int((k >> 16) & 0xFFFF)]) << mb
                    | UInt64(measureRank[Int(k & 0xFFFF)])
                return rank << 32 | UInt64(UInt32(bitPattern: row))
            }
            packed.sort()
            for i in packed.indices { rows[i] = Int32(bitPattern: UInt32(truncatingIfNeeded: packed[i])) }
        } else {
            func rank(_ row: Int32) -> (Int, Int, Int, Int32) {
                let k = keyColumn[Int(row)]
                return (flowRank[Int(k >> 32)], periodRank[Int((k >> 16) & 0xFFFF)], measureRank[Int(k & 0xFFFF)], row)
            }
            rows.sort { rank($0) < rank($1) }
        }
        return rows
    }

    /// One row's locator, the positions of its flow, period and measure in `keyTables`, and its
    /// reported value, without the rest of its observation: what the explorer's `/` reads for
    /// every figure of a long page.
    public func searchParts(ofRow i: Int) -> (locator: String, flow: Int, period: Int, measure: Int, reported: ReportedValue) {
        let flags = flagColumn[i]
        let value = Int(valueColumn[i])
        let idStop = Int(idEnd[i])
        let profile = profileTable[Int(profileColumn[i])]
        let locator = stringTable[Int(profile.locatorPrefix)] + String(decoding: arena[idStop..<Int(locatorEnd[i])], as: UTF8.self)
        let printed = flags & ObservationStore.printedIsFormatted != 0 ? formatCount(value) : (printedColumn[Int32(i)] ?? "")
        let k = keyColumn[i]
        return (locator, Int(k >> 32), Int((k >> 16) & 0xFFFF), Int(k & 0xFFFF),
                ReportedValue(value: value, high: highColumn[Int32(i)], qualifier: ObservationStore.qualifiers[Int(flags & 7)],
                              printed: printed, tabulated: flags & ObservationStore.tabulatedFlag != 0))
    }

    /// The flows, periods and measures (with category) rows refer to by position (`searchParts`).
    public var keyTables: (flows: [Flow], periods: [Period], measures: [(measure: Measure, category: String)]) {
        (flows, periods, measures.map { ($0.measure, $0.category) })
    }

    /// Each value's place in `values` sorted by `less`, equal places for values neither is less than.
    static func ranks<T>(_ values: [T], by less: (T, T) -> Bool) -> [Int] {
        let sorted = values.indices.sorted { less(values[$0], values[$1]) }
        var out = [Int](repeating: 0, count: values.count)
        var rank = 0
        for (i, v) in sorted.enumerated() {
            if i > 0 && less(values[sorted[i - 1]], values[v]) { rank += 1 }
            out[v] = rank
        }
        return out
    }

    /// Source ids that at least one row cites.
    public var citedSources: Set<String> { Set(profiles.map { stringTable[Int($0.source)] }) }

    /// Rows holding exactly this value (the checker's "where does this number belong").
    public func rows(withValue value: Int) -> [Int] {
        let v = Int64(value)
        return valueColumn.indices.filter { valueColumn[$0] == v }
    }

}

extension ObservationStore {
    /// The first row whose packed key passes `test` (0 when none).
    /// The first row of each flow and of each measure-and-category pair (by their indexes in
    /// `flows` and `measures`), in one pass; -1 for one no row holds (the fast path may intern a
    /// row's flow and category before finding the row is bad and handing it to the general reader).
    func firstRows() -> (flows: [Int], measures: [Int]) {
        var flows = [Int](repeating: -1, count: flowTable.values.count)
        var measures = [Int](repeating: -1, count: measureTable.values.count)
        for (row, k) in keyColumn.enumerated() {
            let f = Int(k >> 32), m = Int(k & 0xFFFF)
            if f < flows.count, flows[f] < 0 { flows[f] = row }
            if m < measures.count, measures[m] < 0 { measures[m] = row }
        }
        return (flows, measures)
    }

    /// The rows citing each of these sources, in one pass over the rows.
    func rows(citingAny sourceIDs: Set<String>) -> [String: [Int]] {
        guard !sourceIDs.isEmpty else { return [:] }
        let wanted: [String?] = profiles.map { p in
            let s = stringTable[Int(p.source)]
            return sourceIDs.contains(s) ? s : nil
        }
        var rows: [String: [Int]] = [:]
        for (row, p) in profileColumn.enumerated() {
            if let s = wanted[Int(p)] { rows[s, default: []].append(row) }
        }
        return rows
    }

    func location(of row: Int) -> Location {
        Location(file: stringTable[Int(profileTable[Int(profileColumn[row])].file)], line: Int(lineColumn[row]))
    }

    func idOf(_ row: Int) -> String {
        let start = row == 0 ? 0 : Int(locatorEnd[row - 1])
        return stringTable[Int(profileTable[Int(profileColumn[row])].idPrefix)] + String(decoding: arena[start..<Int(idEnd[row])], as: UTF8.self)
    }

    /// FNV-1a over every id (prefix, then rest), one per row; prefixes are hashed once each.
    func idHashes() -> [UInt64] {
        var prefixHash: [UInt32: UInt64] = [:]
        var out = [UInt64](repeating: 0, count: count)
        arena.withUnsafeBufferPointer { a in
            for row in 0..<count {
                let p = profileTable[Int(profileColumn[row])].idPrefix
                var h: UInt64
                if let known = prefixHash[p] { h = known } else {
                    h = 0xcbf29ce484222325
                    for b in stringTable[Int(p)].utf8 { h = (h ^ UInt64(b)) &* 0x100000001b3 }
                    prefixHash[p] = h
                }
                let start = row == 0 ? 0 : Int(locatorEnd[row - 1])
                for k in start..<Int(idEnd[row]) { h = (h ^ UInt64(a[k])) &* 0x100000001b3 }
                out[row] = h
            }
        }
        return out
    }


}

extension ObservationStore {
    public var isEmpty: Bool { keyColumn.isEmpty }

    /// Room for `rows` more rows and `arenaBytes` more bytes of ids and locators, so a large
    /// read does not copy its columns as they grow (untouched room costs no memory).
    mutating func reserve(rows: Int, arenaBytes: Int) {
        let n = keyColumn.count + rows
        keyColumn.reserveCapacity(n); valueColumn.reserveCapacity(n); flagColumn.reserveCapacity(n)
        profileColumn.reserveCapacity(n); lineColumn.reserveCapacity(n)
        idEnd.reserveCapacity(n); locatorEnd.reserveCapacity(n)
        arena.reserveCapacity(arena.count + arenaBytes)
    }

    /// Appends another store's rows (read from a later part of a file, or another file),
    /// re-interning its tables, and empties it column by column as it goes, so the two
    /// never both hold all their rows. Call before `finish()`.
    mutating func merge(_ other: inout ObservationStore) {
        let flowMap = other.flows.map { intern($0) }
        let periodMap = other.periods.map { intern($0) }
        let measureMap = other.measures.map { intern($0.measure, $0.category) }
        let stringMap = other.strings.map { intern($0) }
        let rowBase = Int32(keyColumn.count)
        let arenaBase = UInt32(arena.count)
        keyColumn.reserveCapacity(keyColumn.count + other.count)
        for k in other.keyColumn {
            keyColumn.append(ObservationStore.pack(flowMap[Int(k >> 32)], periodMap[Int((k >> 16) & 0xFFFF)], measureMap[Int(k & 0xFFFF)]))
        }
        other.keyColumn = []
        valueColumn += other.valueColumn; other.valueColumn = []
        flagColumn += other.flagColumn; other.flagColumn = []
        let profileMap = other.profiles.map { p in
            intern(Profile(source: stringMap[Int(p.source)], producer: stringMap[Int(p.producer)], file: stringMap[Int(p.file)],
                           idPrefix: stringMap[Int(p.idPrefix)], locatorPrefix: stringMap[Int(p.locatorPrefix)]))
        }
        profileColumn += other.profileColumn.lazy.map { profileMap[Int($0)] }; other.profileColumn = []
        lineColumn += other.lineColumn; other.lineColumn = []
        idEnd += other.idEnd.lazy.map { $0 + arenaBase }; other.idEnd = []
        locatorEnd += other.locatorEnd.lazy.map { $0 + arenaBase }; other.locatorEnd = []
        arena += other.arena; other.arena = []
        for (r, v) in other.printedColumn { printedColumn[r + rowBase] = v }
        for (r, v) in other.noteColumn { noteColumn[r + rowBase] = v }
        for (r, v) in other.highColumn { highColumn[r + rowBase] = v }
    }
}

extension ObservationStore {
    /// Adds one row the fast path decoded (`RowCache.decode`): its key packed, its strings and profile parts
    /// already interned, the rest of its id and locator as bytes for the arena.
    mutating func appendDecoded(key: UInt64, value: Int64, qualifier: UInt8, printed: String?, producer: UInt32, source: UInt32,
                                file: UInt32, line: Int32, idPrefix: UInt32, idRest: UnsafeBufferPointer<UInt8>,
                                locatorPrefix: UInt32, locatorRest: UnsafeBufferPointer<UInt8>, note: String?) {
        let row = Int32(keyColumn.count)
        keyColumn.append(key)
        valueColumn.append(value)
        var flags = qualifier
        if let printed { printedColumn[row] = printed } else { flags |= ObservationStore.printedIsFormatted }
        flagColumn.append(flags)
        let profile = Profile(source: source, producer: producer, file: file, idPrefix: idPrefix, locatorPrefix: locatorPrefix)
        if let last = lastProfile, last.0 == profile { profileColumn.append(last.1) } else {
            let index = intern(profile)
            lastProfile = (profile, index)
            profileColumn.append(index)
        }
        lineColumn.append(line)
        arena.append(contentsOf: idRest)
        idEnd.append(UInt32(arena.count))
        arena.append(contentsOf: locatorRest)
        locatorEnd.append(UInt32(arena.count))
        if let note { noteColumn[row] = note }
    }
}

/// Values stored once, each known by its position (flows, periods, categories, strings).
struct Interned<Value: Hashable & Sendable>: Sendable {
    private(set) var values: [Value] = []
    private var positions: [Value: Int] = [:]

    /// The value's position, adding it if it is new.
    mutating func intern(_ value: Value) -> Int {
        if let i = positions[value] { return i }
        values.append(value)
        positions[value] = values.count - 1
        return values.count - 1
    }

    func position(of value: Value) -> Int? { positions[value] }

    subscript(i: Int) -> Value { values[i] }
}
