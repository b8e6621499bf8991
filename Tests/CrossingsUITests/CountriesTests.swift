import CrossingsCore
@testable import CrossingsUI
import Foundation
import Testing

/// A small package with several countries (Fixtures/countries): KP and CN, a name with a comma,
/// names in Korean and Cyrillic, a reported year total beside derived ones, a country with no 2024 figure.
enum Countries {
    static let directory = URL(fileURLWithPath: #filePath).deletingLastPathComponent().appendingPathComponent("Fixtures/countries").path
    /// Read as files in memory, so that every location on screen is the same on any machine.
    static let data: Dataset? = {
        var files: [String: String] = [:]
        for name in (try? FileManager.default.contentsOfDirectory(atPath: directory)) ?? [] {
            files[name] = try? String(contentsOfFile: directory + "/" + name, encoding: .utf8)
        }
        return try? PackageLoader.load(files: files, origin: "countries")
    }()

    static func dataset() throws -> Dataset {
        try #require(data, "the countries fixture did not load")
    }

    /// A state after pressing keys at a size, on the fixture.
    static func run(_ words: [String], size: Size) throws -> State {
        var state = State(data: try dataset(), size: size)
        for k in keys(words) { state = advance(state, .key(k)).state }
        return state
    }
}

let countryScenarios: [Scenario] = [
    Scenario(name: "picker", keys: ["o"]),
    Scenario(name: "picker-search-kor", keys: ["o", "k", "o", "r"]),
    Scenario(name: "picker-search-cyrillic", keys: ["o", "б", "е", "л"]),
    Scenario(name: "picker-trips", keys: ["o", "c", "h", "Right"]),
    Scenario(name: "picker-no-match", keys: ["o", "z", "z"]),
    Scenario(name: "picker-selected-china", keys: ["o", "c", "h", "i", "Enter"]),
    Scenario(name: "ranking", keys: ["4"]),
    Scenario(name: "ranking-exits", keys: ["4", "x"]),
    Scenario(name: "ranking-previous-year", keys: ["4", "<"]),
    Scenario(name: "ranking-quarters", keys: ["4", "t"]),
    Scenario(name: "ranking-open-kp", keys: ["4", "j", "Enter"]),
    Scenario(name: "ranking-cite-cn", keys: ["4", "c"]),
    Scenario(name: "beside-picker", keys: ["s"]),
    Scenario(name: "beside-kp-cn", keys: ["s", "c", "n", "Enter"]),
    Scenario(name: "beside-reverse", keys: ["x"]),
    Scenario(name: "beside-cite-second", keys: ["x", "C"]),
    Scenario(name: "beside-years", keys: ["s", "c", "n", "Enter", "t", "t"]),
]

@Suite("Countries: picker, ranking, side by side")
struct CountriesTests {
    @Test("every screen at every size", arguments: countryScenarios, sizes)
    func screen(_ scenario: Scenario, _ size: Size) throws {
        let state = try Countries.run(scenario.keys, size: size)
        assertSnapshot(render(state, size).text, named: "countries-\(scenario.name)-\(size)")
    }

    @Test("the loading screen", arguments: sizes)
    func loading(_ size: Size) {
        let info = LoadingInfo(origin: "/data/russia-in-out", fraction: 0.42, rows: 28_160, phase: "reading observations.csv")
        assertSnapshot(renderLoading(info, size).text, named: "loading-\(size)")
    }

    @Test("the picker finds a country by code, by name, by a word of its name, in any script")
    func search() throws {
        let library = Library(try Countries.dataset())
        func codes(_ q: String) -> [String] { library.matches(q).map { library.countries[$0].code } }
        // By name, as Unicode sorts them: Latin, then Cyrillic.
        #expect(codes("") == ["XB", "CN", "KR", "KP", "BY"])
        #expect(codes("kp") == ["KP"])
        #expect(codes("CN") == ["CN"])
        #expect(codes("kor") == ["KR", "KP"])
        #expect(codes("republic") == ["KR"])
        #expect(codes("조선") == ["KP"])
        #expect(codes("бел") == ["BY"])
        #expect(codes("ru-cn") == ["CN"])
        #expect(codes("zz").isEmpty)
    }

    @Test("the ranking: most entries first, gaps last, changes on a year earlier, all worked out independently here")
    func ranking() throws {
        let data = try Countries.dataset()
        let library = Library(data)
        // Totals by flow and year, straight from the fixture's rows: quarters summed, a reported year total kept as is.
        let text = try String(contentsOfFile: Countries.directory + "/observations.csv", encoding: .utf8)
        var quarters: [String: [Int: Int]] = [:]   // "KP-RU 2024" → quarter → value
        var years: [String: Int] = [:]
        for line in text.split(separator: "\n").dropFirst() {
            let f = line.split(separator: ",", omittingEmptySubsequences: false).map(String.init)
            let flow = f[1], period = f[2], value = Int(f[5])!
            if period.contains("-Q") {
                quarters["\(flow) \(period.prefix(4))", default: [:]][Int(period.suffix(1))!] = value
            } else {
                years["\(flow) \(period)"] = value
            }
        }
        func total(_ flow: String, _ year: Int) -> Int? {
            if let y = years["\(flow) \(year)"] { return y }
            guard let q = quarters["\(flow) \(year)"], q.count == 4 else { return nil }
            return q.values.reduce(0, +)
        }
        for direction in Direction.allCases {
            let flows = library.countries.compactMap { $0[direction] }
            let expected = flows.compactMap { f in total(f.description, 2024).map { (f.description, $0) } }
                .sorted { $0.1 != $1.1 ? $0.1 > $1.1 : $0.0 < $1.0 }
            let rows = library.ranking(period: .year(2024), direction: direction)
            let ranked = rows.filter { $0.figure != nil }
            #expect(ranked.map(\.flow.description) == expected.map(\.0))
            #expect(ranked.map { $0.figure?.value.value } == expected.map(\.1))
            #expect(ranked.map(\.rank) == Array(1...max(1, ranked.count)).prefix(ranked.count).map { Optional($0) })
            // Countries with no figure for 2024 come last, unranked: a gap, never zero.
            #expect(rows.dropFirst(ranked.count).allSatisfy { $0.figure == nil && $0.rank == nil })
            for row in ranked {
                let now = total(row.flow.description, 2024)!
                guard let before = total(row.flow.description, 2023) else {
                    #expect(row.change == nil, "\(row.flow) has no 2023 figure")
                    continue
                }
                let change = try #require(row.change, "\(row.flow)")
                #expect(change.difference == now - before)
                let percent = (Double(now - before) * 1000 / Double(before)).rounded() / 10
                #expect(change.display == (percent > 0 ? "+" : "") + String(format: "%.1f%%", percent))
            }
        }
        let entries = library.ranking(period: .year(2024), direction: .entries)
        #expect(entries.map(\.code) == ["CN", "KP", "KR", "BY", "XB"])
        #expect(entries.map { $0.change?.display ?? "" } == ["+43.5%", "+160.0%", "+25.0%", "", ""])
        // The reported year total is shown as reported; the others are derived from quarters.
        #expect(entries.map { $0.figure?.isDerived } == [true, true, false, true, nil])
    }

    @Test("equal values share a rank")
    func ties() throws {
        let library = Library(try Countries.dataset())
        // 2023-Q4: CN 130, KR 40, KP 40, XB 7.
        let rows = library.ranking(period: .quarter(2023, 4), direction: .entries).filter { $0.figure != nil }
        #expect(rows.map(\.code) == ["CN", "KP", "KR", "XB"])
        #expect(rows.map(\.rank) == [1, 2, 2, 4])
    }

    @Test("the default ranking period is the latest year with a figure; < and > step it; t changes granularity")
    func periods() throws {
        var s = try Countries.run(["4"], size: Size(width: 80, height: 24))
        #expect(s.library.rankingPeriod(s.ranking) == .year(2024))
        s = advance(s, .key(.char(">"))).state
        #expect(s.library.rankingPeriod(s.ranking) == .year(2024))
        #expect(s.message.contains("no later period"))
        s = advance(s, .key(.char("<"))).state
        #expect(s.library.rankingPeriod(s.ranking) == .year(2023))
        s = advance(s, .key(.char("t"))).state
        #expect(s.library.rankingPeriod(s.ranking) == .quarter(2023, 4))
        s = advance(s, .key(.char("t"))).state
        #expect(s.library.rankingPeriod(s.ranking) == .half(2023, 2))
        s = advance(s, .key(.char("<"))).state
        #expect(s.library.rankingPeriod(s.ranking) == .half(2023, 1))
    }

    @Test("Enter on a ranked country opens its counts at the ranking's period; c cites its value")
    func openAndCite() throws {
        var s = try Countries.run(["4", "j", "j"], size: Size(width: 80, height: 24))
        s = advance(s, .key(.char("c"))).state
        #expect(s.current.page == .citations(FigureKey(flow: try Flow(parsing: "KR-RU"), period: .year(2024), measure: .total)))
        s = advance(s, .key(.backspace)).state
        s = advance(s, .key(.enter)).state
        #expect(s.view == .counts)
        #expect(s.flow == (try Flow(parsing: "KR-RU")))
        #expect(s.granularity == .year)
        #expect(s.countsPeriod == .year(2024))
    }

    @Test("side by side: both values per period; C cites the second; x and S go back to one flow")
    func sideBySide() throws {
        var s = try Countries.run(["s", "c", "n", "Enter"], size: Size(width: 80, height: 24))
        let cn = try Flow(parsing: "CN-RU")
        #expect(s.compare == cn)
        let row = try #require(s.selectedItem?.countRow)
        #expect(row.period == .quarter(2024, 4))
        #expect(row.figure?.value.value == 80)
        #expect(row.compared?.value.value == 180)
        s = advance(s, .key(.char("C"))).state
        #expect(s.current.page == .citations(FigureKey(flow: cn, period: .quarter(2024, 4), measure: .total)))
        s = advance(s, .key(.backspace)).state
        s = advance(s, .key(.char("x"))).state
        #expect(s.compare == (try Flow(parsing: "RU-KP")))
        s = advance(s, .key(.char("x"))).state
        #expect(s.compare == nil)
        s = advance(s, .key(.char("x"))).state
        s = advance(s, .key(.char("S"))).state
        #expect(s.compare == nil)
    }

    @Test("every value in a side-by-side table and a ranking is the core's value for its key")
    func valuesAreTheCores() throws {
        let data = try Countries.dataset()
        let resolver = Resolver(data)
        let library = Library(data)
        let kp = try Flow(parsing: "KP-RU"), cn = try Flow(parsing: "CN-RU")
        for g in [Period.Granularity.quarter, .half, .year] {
            for row in library.compared(flow: kp, with: cn, granularity: g, facets: Facets()) {
                for (flow, f) in [(kp, row.figure), (cn, row.compared)] {
                    let values = resolver.rows(for: FigureKey(flow: flow, period: row.period, measure: .total)).map(\.value.value)
                    if let f { #expect(values.contains(f.value.value), "\(flow) \(row.period)") } else { #expect(values.isEmpty) }
                }
            }
        }
    }

    @Test("random keys on several countries (picker, ranking, side by side) leave a well-formed screen")
    func randomWalk() throws {
        var generator = SplitMix(seed: 7)
        let keys: [Key] = [.up, .down, .left, .right, .pageUp, .pageDown, .enter, .escape, .backspace, .tab,
                           .char("o"), .char("s"), .char("S"), .char("x"), .char("C"), .char("c"), .char("4"), .char("1"),
                           .char("["), .char("]"), .char("t"), .char("k"), .char("b"), .char("б"), .char("조"), .char("/"), .char("y")]
        let sizes = [Size(width: 80, height: 24), Size(width: 40, height: 12), Size(width: 120, height: 40), Size(width: 33, height: 8),
                     Size(width: 5, height: 2)]
        var state = State(data: try Countries.dataset(), size: sizes[0])
        for step in 0..<2000 {
            if step % 89 == 0 { state = advance(state, .resize(sizes[Int(generator.next() % UInt64(sizes.count))])).state }
            state = advance(state, .key(keys[Int(generator.next() % UInt64(keys.count))])).state
            #expect(render(state, state.size).cells.count == state.size.width * state.size.height)
        }
    }
}
