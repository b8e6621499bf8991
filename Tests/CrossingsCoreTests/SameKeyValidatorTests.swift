import Testing
@testable import CrossingsCore

/// Many observations of one key (issue 11: `validate` compared them pair by pair, 21 s for 8,000).
/// These check what is found, not how fast: the one-pass rules give the same answers as the
/// pairwise ones they replaced (kept here as the reference), and every disagreement of thousands
/// of same-key readings is still reported, each value and each citation, in file order.
@Suite("Validator: many observations of one key")
struct SameKeyValidatorTests {
    // MARK: The pairwise rules, as they were

    static func pairwiseAllAgree(_ values: [ReportedValue]) -> Bool {
        values.allSatisfy { a in values.allSatisfy { a.agrees(with: $0) } }
    }

    static func searchedGroups(_ obs: [Observation]) -> [(ReportedValue, [Observation])] {
        var groups: [(ReportedValue, [Observation])] = []
        for o in obs {
            let r = o.reported
            if let i = groups.firstIndex(where: { $0.0.value == r.value && $0.0.high == r.high && $0.0.display == r.display }) {
                groups[i].1.append(o)
                if r.tabulated { groups[i].0.tabulated = true }
            } else {
                groups.append((r, [o]))
            }
        }
        return groups
    }

    /// A value of any kind the format allows, small numbers so that many agree.
    static func randomValue(_ rng: inout SplitMix64) -> ReportedValue {
        let v = Int(rng.next() % 4) == 0 ? Int(rng.next() % 3) : [90, 100, 110, 1000, 1_200, 10_000, 13_000, 13_221][Int(rng.next() % 8)]
        switch rng.next() % 9 {
        case 0: return ReportedValue(value: v, qualifier: .about, printed: "about \(formatCount(v))")
        case 1: return ReportedValue(value: v, qualifier: .atLeast, printed: "over \(formatCount(v))")
        case 2: return ReportedValue(value: v, qualifier: .atLeast, printed: "thousands")  // empty for 0
        case 3: return ReportedValue(value: v, qualifier: .atMost, printed: "up to \(formatCount(v))")
        case 4: return ReportedValue(value: v, qualifier: .atMost, printed: "under \(formatCount(v))")
        case 5:
            let high = v + Int(rng.next() % 500)
            return ReportedValue(value: v, high: high, qualifier: .range, printed: "\(v) to \(high)")
        case 6: return ReportedValue(value: v, qualifier: .exact, printed: formatCount(v), tabulated: true)
        default: return ReportedValue(value: v, qualifier: .exact, printed: formatCount(v))
        }
    }

    @Test("allAgree in one pass is the pairwise rule (20,000 random sets, empty intervals included)")
    func allAgreeIsPairwise() {
        var rng = SplitMix64(seed: 11)
        var agreeing = 0
        for _ in 0..<20_000 {
            let values = (0..<Int(rng.next() % 6)).map { _ in Self.randomValue(&rng) }
            let expected = Self.pairwiseAllAgree(values)
            #expect(Resolver.allAgree(values) == expected, "\(values.map(\.display))")
            if expected { agreeing += 1 }
        }
        // Both answers are exercised.
        #expect(agreeing > 2_000 && agreeing < 18_000)
    }

    @Test("Intervals.anyAgrees is 'agrees with one of them', value by value")
    func anyAgreesIsSearch() {
        var rng = SplitMix64(seed: 12)
        for _ in 0..<3_000 {
            let values = (0..<Int(rng.next() % 8)).map { _ in Self.randomValue(&rng) }
            let index = Intervals(values)
            for _ in 0..<5 {
                let v = Self.randomValue(&rng)
                #expect(index.anyAgrees(with: v) == values.contains { v.agrees(with: $0) }, "\(v.display) against \(values.map(\.display))")
            }
        }
    }

    @Test("groupByValue through a table is the searched grouping, order and tabulated flag included")
    func groupByValueIsSearch() throws {
        var rng = SplitMix64(seed: 13)
        let rows = (0..<3_000).map { i -> String in
            let v = Self.randomValue(&rng)
            let high = v.high.map(String.init) ?? ""
            return "x/\(i),KP-RU,2030-Q1,purpose,study,\(v.value),\(high),\(v.qualifier.rawValue),\"\(v.printed)\",FSB border service,\(i % 2 == 0 ? "ds" : "art"),\(i % 2 == 0 ? "L\(i)" : "¶\(i + 1)"),"
        }
        let data = try PackageLoader.load(files: MiniPackage.appending(rows, to: "observations.csv"), origin: "fx")
        let obs = data.observations(for: key("KP-RU", "2030-Q1", .purpose, "study"))
        #expect(obs.count == 3_000)
        let fast = Resolver.groupByValue(obs), slow = Self.searchedGroups(obs)
        #expect(fast.map(\.0) == slow.map(\.0))
        #expect(fast.map { $0.1.map(\.id) } == slow.map { $0.1.map(\.id) })
    }

    // MARK: Findings for thousands of readings of one key

    /// The mini package with `n` rows of KP-RU 2030-Q1 purpose/study from the dataset source (locator L<i>).
    static func package(_ n: Int, value: (Int) -> Int, producer: (Int) -> String = { _ in "FSB border service" }) throws -> Dataset {
        let rows = (0..<n).map { i in "x/\(i),KP-RU,2030-Q1,purpose,study,\(value(i)),,exact,\(value(i)),\(producer(i)),ds,L\(i)," }
        return try PackageLoader.load(files: MiniPackage.appending(rows, to: "observations.csv"), origin: "fx")
    }

    static func sameKeyFindings(_ data: Dataset) -> [String] {
        Validator.findings(data).filter { $0.message.hasPrefix("KP-RU 2030") }.map(\.message)
    }

    @Test("5,000 equal readings from two producers: one finding naming both, every citation in order")
    func equalReadingsTwoProducers() throws {
        let n = 5_000
        let data = try Self.package(n, value: { _ in 100 }, producer: { $0 % 2 == 0 ? "FSB border service" : "Rosstat" })
        let fsb = stride(from: 0, to: n, by: 2).map { "ds L\($0)" }.joined(separator: ", ")
        let rosstat = stride(from: 1, to: n, by: 2).map { "ds L\($0)" }.joined(separator: ", ")
        #expect(Self.sameKeyFindings(data) == ["KP-RU 2030-Q1 purpose/study: sources credit different producers: FSB border service (\(fsb)); Rosstat (\(rosstat))"])
    }

    @Test("5,000 equal readings from one producer: nothing to say")
    func equalReadingsOneProducer() throws {
        #expect(Self.sameKeyFindings(try Self.package(5_000, value: { _ in 100 })) == [])
    }

    @Test("5,000 readings, 1,000 distinct values: one finding listing every value with all its citations, in file order")
    func distinctReadings() throws {
        let n = 5_000
        let data = try Self.package(n, value: { 100 + $0 % 1_000 })
        let groups = (0..<1_000).map { v in
            "\(formatCount(100 + v)) (\(stride(from: v, to: n, by: 1_000).map { "ds L\($0)" }.joined(separator: ", ")))"
        }
        #expect(Self.sameKeyFindings(data) == ["KP-RU 2030-Q1 purpose/study: sources disagree: " + groups.joined(separator: "; ")])
    }

    @Test("a year reported 3,000 times against its quarters: every value that disagrees with their sum, each with all its citations")
    func wholeAgainstParts() throws {
        let quarters = (1...4).map { "q/\($0),KP-RU,2030-Q\($0),total,,\($0 * 100 + ($0 == 4 ? 1 : 0)),,exact,\($0 * 100 + ($0 == 4 ? 1 : 0)),FSB border service,ds,Q\($0)," }
        // The quarters add up to 1,001. The year's readings agree among themselves (about 1,100 and a
        // round 1,100 both show ~1,100, and 1,120 lies within them) but none agrees with 1,001.
        let shapes = [("1100", "about", "about 1,100"), ("1100", "exact", "1,100"), ("1120", "exact", "1,120")]
        let years = (0..<3_000).map { i in
            let (v, q, printed) = shapes[i % 3]
            return "y/\(i),KP-RU,2030,total,,\(v),,\(q),\"\(printed)\",FSB border service,art,¶\(i + 1),"
        }
        let data = try PackageLoader.load(files: MiniPackage.appending(quarters + years, to: "observations.csv"), origin: "fx")
        let found = Self.sameKeyFindings(data)
        let sums = found.filter { $0.contains("but its parts add up to") }
        #expect(sums.count == 2, "\(found.map { $0.prefix(300) })")
        let round = (0..<3_000).filter { $0 % 3 != 2 }.map { "art ¶\($0 + 1)" }.joined(separator: ", ")
        let exact = (0..<3_000).filter { $0 % 3 == 2 }.map { "art ¶\($0 + 1)" }.joined(separator: ", ")
        #expect(sums.contains { $0.hasPrefix("KP-RU 2030 total: ~1,100 (\(round)) but its parts add up to 1,001 (") })
        #expect(sums.contains { $0.hasPrefix("KP-RU 2030 total: 1,120 (\(exact)) but its parts add up to 1,001 (") })
        #expect(!found.contains { $0.contains("sources disagree") })
    }
}
