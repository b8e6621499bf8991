// The fast path's decoder: one simple row's fields, as byte ranges, decoded straight into the column store.

#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif
import Foundation

/// Remembers the last values seen, and the interned form of every short field,
/// so a row of a large file is mostly byte comparisons.
struct RowCache {
    var flows: [UInt64: UInt16] = [:]
    var periods: [UInt64: UInt16] = [:]
    var measures: [[UInt8]: UInt16] = [:]
    var strings: [[UInt8]: UInt32] = [:]
    var fileIndex: UInt32?
    /// The last producer, source, id prefix and locator prefix seen (most rows repeat them),
    /// kept in raw buffers so comparing them is a memcmp.
    let lastBytes: [UnsafeMutableBufferPointer<UInt8>] = (0..<4).map { _ in
        let b = UnsafeMutableBufferPointer<UInt8>.allocate(capacity: 256)
        b.initialize(repeating: 0)
        return b
    }
    var lastCount = [Int](repeating: 0, count: 4)
    var lastIndex = [UInt32](repeating: UInt32.max, count: 4)

    func release() { for b in lastBytes { b.deallocate() } }
    static let producerSlot = 0, sourceSlot = 1, idSlot = 2, locatorSlot = 3

    static let qualifierNames: [[UInt8]] = Qualifier.allCases.map { Array($0.rawValue.utf8) }
    static let requiredFields = [0, 1, 2, 3, 5, 7, 8, 9, 10, 11]
    /// Bytes that end an unquoted field: comma, line feed, quote.
    static let special: [Bool] = (0..<256).map { $0 == 0x2C || $0 == 0x0A || $0 == 0x22 }
    // The previous row's flow, period and measure: consecutive rows usually share them.
    var lastFlow: (UInt64, UInt16) = (0, 0), lastPeriod: (UInt64, UInt16) = (0, 0)
    var lastMeasure: (MeasureKey, UInt16)?

    /// A measure and a short category, as a dictionary key that needs no allocation.
    struct MeasureKey: Hashable {
        var measure: UInt64
        var category: UInt64
    }
    var shortMeasures: [MeasureKey: UInt16] = [:]

    /// One to seven bytes and their count as one integer, one to one (nil when empty or longer).
    /// Seven, not eight: the count needs bits of its own, or two texts of eight bytes that
    /// differ only in the first byte's top bit would be one key (the fuzzer's find).
    @inline(__always) static func pack(_ buf: UnsafeBufferPointer<UInt8>, _ a: Int, _ b: Int) -> UInt64? {
        guard b - a <= 7, b > a else { return nil }
        return packBytes(buf, a, b) | UInt64(b - a) << 56
    }

    /// Up to eight bytes as one integer, without their count (the caller keeps it).
    @inline(__always) static func packBytes(_ buf: UnsafeBufferPointer<UInt8>, _ a: Int, _ b: Int) -> UInt64 {
        var v: UInt64 = 0
        for k in a..<b { v = v << 8 | UInt64(buf[k]) }
        return v
    }

    /// The measures' names, for telling one from another by its bytes.
    static let measureNames: [[UInt8]] = Measure.allCases.map { Array($0.rawValue.utf8) }

    @inline(__always) static func equal(_ buf: UnsafeBufferPointer<UInt8>, _ a: Int, _ b: Int, _ bytes: [UInt8]) -> Bool {
        guard b - a == bytes.count else { return false }
        for k in 0..<bytes.count where buf[a + k] != bytes[k] { return false }
        return true
    }

    @inline(__always) static func isSpace(_ c: UInt8) -> Bool { c == 0x20 || c == 0x09 }

    static func isUTF8(_ buf: UnsafeBufferPointer<UInt8>, _ a: Int, _ b: Int) -> Bool {
        var ascii = true
        for k in a..<b where buf[k] >= 0x80 { ascii = false; break }
        return ascii || String(validating: UnsafeBufferPointer(rebasing: buf[a..<b]), as: UTF8.self) != nil
    }

    /// Whether buf[a..<b] is `value` written with thousands separators (formatCount), without building it.
    static func isFormatted(_ buf: UnsafeBufferPointer<UInt8>, _ a: Int, _ b: Int, _ value: Int64) -> Bool {
        var v = value
        var k = b - 1
        var digits = 0
        repeat {
            if digits > 0 && digits % 3 == 0 {
                guard k >= a, buf[k] == 0x2C else { return false }
                k -= 1
            }
            guard k >= a, buf[k] == 0x30 + UInt8(v % 10) else { return false }
            v /= 10
            k -= 1
            digits += 1
        } while v > 0
        return k == a - 1
    }

    mutating func string(_ buf: UnsafeBufferPointer<UInt8>, _ a: Int, _ b: Int, _ store: inout ObservationStore, slot: Int) -> UInt32? {
        if lastCount[slot] == b - a, lastIndex[slot] != UInt32.max,
           memcmp(lastBytes[slot].baseAddress!, buf.baseAddress! + a, b - a) == 0 {
            return lastIndex[slot]
        }
        let bytes = Array(buf[a..<b])
        guard let s = String(validating: bytes, as: UTF8.self) else { return nil }
        let index = strings[bytes] ?? store.intern(s)
        strings[bytes] = index
        if bytes.count <= 256 {
            _ = UnsafeMutableBufferPointer(rebasing: lastBytes[slot][0..<bytes.count]).initialize(from: bytes)
            lastCount[slot] = bytes.count
            lastIndex[slot] = index
        }
        return index
    }

    /// Decodes one simple row into the store; false (and nothing stored) when it needs the general path.
    mutating func decode(_ buf: UnsafeBufferPointer<UInt8>, _ s: UnsafeMutableBufferPointer<Int>, _ e: UnsafeMutableBufferPointer<Int>, into store: inout ObservationStore,
                         file: String, line: Int) -> Bool {
        // Required fields: not empty, no spaces at the edges. 0 id, 1 flow, 2 period, 3 measure, 5 value, 7 qualifier,
        // 8 printed, 9 producer, 10 source, 11 locator.
        for f in RowCache.requiredFields {
            guard e[f] > s[f], !RowCache.isSpace(buf[s[f]]), !RowCache.isSpace(buf[e[f] - 1]) else { return false }
        }
        guard e[6] == s[6] else { return false }  // a high value: ranges take the general path
        // Flow and period, interned through their packed bytes.
        guard let flowKey = RowCache.pack(buf, s[1], e[1]), let periodKey = RowCache.pack(buf, s[2], e[2]) else { return false }
        var flow = lastFlow.0 == flowKey ? lastFlow.1 : flows[flowKey]
        if flow == nil {
            guard let text = String(validating: UnsafeBufferPointer(rebasing: buf[s[1]..<e[1]]), as: UTF8.self),
                  let f = try? Flow(parsing: text) else { return false }
            flow = store.intern(f)
            flows[flowKey] = flow
        }
        var period = lastPeriod.0 == periodKey ? lastPeriod.1 : periods[periodKey]
        if period == nil {
            guard let text = String(validating: UnsafeBufferPointer(rebasing: buf[s[2]..<e[2]]), as: UTF8.self),
                  let p = try? Period(parsing: text), !p.isRange else { return false }
            period = store.intern(p)
            periods[periodKey] = period
        }
        // Measure and category: the general path checks their rules once, then they are remembered.
        // The measure is known by its bytes (compared with each name: its length and first letter
        // let 'transpoyt' through as transport, a fuzzer's find); a category of up to eight bytes
        // by its packed bytes and its length: no allocation for the usual rows.
        guard let measureIndex = RowCache.measureNames.firstIndex(where: { RowCache.equal(buf, s[3], e[3], $0) }) else { return false }
        let categoryLength = e[4] - s[4]
        let measureCode = UInt64(measureIndex) | UInt64(categoryLength) << 8
        let shortKey: MeasureKey? = categoryLength <= 8 ? MeasureKey(measure: measureCode, category: RowCache.packBytes(buf, s[4], e[4])) : nil
        let isShort = shortKey != nil
        let measureBytes = isShort ? [] : Array(buf[s[3]..<e[4]])
        var measure = isShort ? (lastMeasure.flatMap { $0.0 == shortKey! ? $0.1 : nil } ?? shortMeasures[shortKey!]) : measures[measureBytes]
        if measure == nil {
            guard let m = Measure(rawValue: String(decoding: buf[s[3]..<e[3]], as: UTF8.self)), m != .annualAverage else { return false }
            // Length and first letter tell the measures apart; anything else would not be cached as short.
            let category = String(decoding: buf[s[4]..<e[4]], as: UTF8.self)
            guard m.hasCategories != category.isEmpty, category.utf8.allSatisfy({ $0 > 0x20 && $0 < 0x7F }) else { return false }
            measure = store.intern(m, category)
            if isShort { shortMeasures[shortKey!] = measure } else { measures[measureBytes] = measure }
        }
        // Value: plain digits.
        guard e[5] - s[5] <= Loader.countDigits else { return false }
        var value: Int64 = 0
        for k in s[5]..<e[5] {
            let c = buf[k]
            guard c >= 0x30 && c <= 0x39 else { return false }
            value = value * 10 + Int64(c - 0x30)
        }
        guard let q = RowCache.qualifierNames.firstIndex(where: { RowCache.equal(buf, s[7], e[7], $0) }), q != 4 else { return false }
        // Printed: usually the value with separators.
        var printed: String?
        if !RowCache.isFormatted(buf, s[8], e[8], value) {
            guard let p = String(validating: UnsafeBufferPointer(rebasing: buf[s[8]..<e[8]]), as: UTF8.self) else { return false }
            printed = p
        }
        guard let producer = string(buf, s[9], e[9], &store, slot: RowCache.producerSlot),
              let source = string(buf, s[10], e[10], &store, slot: RowCache.sourceSlot) else { return false }
        // Id and locator: the part up to the last '/' (':') is interned, the rest goes to the arena.
        var idSplit = e[0]
        while idSplit > s[0], buf[idSplit - 1] != UInt8(ascii: "/") { idSplit -= 1 }
        var locSplit = e[11]
        while locSplit > s[11], buf[locSplit - 1] != UInt8(ascii: ":") { locSplit -= 1 }
        guard let idPrefix = string(buf, s[0], idSplit, &store, slot: RowCache.idSlot),
              let locatorPrefix = string(buf, s[11], locSplit, &store, slot: RowCache.locatorSlot) else { return false }
        var note: String?
        if e[12] > s[12] {
            guard let n = String(validating: UnsafeBufferPointer(rebasing: buf[s[12]..<e[12]]), as: UTF8.self) else { return false }
            note = n
        }
        // Texts in the arena must be UTF-8 too (ASCII, the usual case, is checked byte by byte).
        guard RowCache.isUTF8(buf, idSplit, e[0]), RowCache.isUTF8(buf, locSplit, e[11]) else { return false }
        if fileIndex == nil { fileIndex = store.intern(file) }
        lastFlow = (flowKey, flow!)
        lastPeriod = (periodKey, period!)
        if let shortKey { lastMeasure = (shortKey, measure!) }
        store.appendDecoded(key: ObservationStore.pack(flow!, period!, measure!), value: value, qualifier: UInt8(q),
                            printed: printed, producer: producer, source: source, file: fileIndex!, line: Int32(clamping: line),
                            idPrefix: idPrefix, idRest: UnsafeBufferPointer(rebasing: buf[idSplit..<e[0]]),
                            locatorPrefix: locatorPrefix, locatorRest: UnsafeBufferPointer(rebasing: buf[locSplit..<e[11]]),
                            note: note)
        return true
    }
}
