import BundledData
import CrossingsCore
@testable import CrossingsUI
import Testing

@Suite("The cell grid")
struct ScreenTests {
    @Test("wide characters take two cells; one that does not fit leaves a blank")
    func wide() {
        var s = Screen(Size(width: 5, height: 1))
        #expect(s.put("평양x", x: 0, y: 0) == 5)
        #expect(s.text == "평양x")
        #expect(s.cell(x: 1, y: 0).isContinuation)
        var t = Screen(Size(width: 3, height: 1))
        t.put("a평양", x: 0, y: 0)
        #expect(t.text == "a평")
        var u = Screen(Size(width: 4, height: 1))
        u.put("ab평", x: 0, y: 0)
        #expect(u.text == "ab평")
        u.put("x", x: 3, y: 0)  // overwriting the right half blanks the left
        #expect(u.text == "ab x")
    }

    @Test("a number wider than its column is never cut")
    func longNumbers() throws {
        let flow = try Flow(parsing: "KP-RU")
        let key = FigureKey(flow: flow, period: .year(2022), measure: .estimate, category: "workers")
        let value = ReportedValue(value: 20000, high: 50000, qualifier: .range)
        let figure = ShownFigure(key: key, value: value, isDerived: false, rows: [], agrees: true, sourceCount: 1, alternatives: 0)
        for width in [39, 63, 79] {
            let category = categoryLine(BreakdownRow(key: key, label: "potential demand for North Korean workers", figure: figure,
                                                     share: nil, shareApproximate: false), width: width, scale: 50000)
            #expect(category.map(\.text).joined().contains("20,000-50,000"))
            let count = countLine(CountRow(period: .year(2022), figure: figure), width: width, scale: 50000)
            #expect(count.map(\.text).joined().contains("20,000-50,000"))
        }
    }

    @Test("control characters and direction overrides are escaped on the way in")
    func escapes() {
        var s = Screen(Size(width: 30, height: 1))
        s.put("a\u{1B}[31mb\u{202E}c\u{7}", x: 0, y: 0)
        #expect(s.text == "a\\e[31mb\\u{202E}c\\u{07}")
        #expect(!s.cells.contains { $0.text.unicodeScalars.contains { $0.value < 0x20 || $0.value == 0x202E } })
    }

    @Test("Cyrillic and Korean in a data file stay aligned; escapes in it are shown, never sent")
    func hostileData() throws {
        var files = BundledData.files
        let original = "Direct air service from North Korea to Russia starts again."
        let hostile = "Direct air service 평양–Владивосток \u{1B}[2J\u{1B}]52;c;AAAA\u{7}starts\u{202E} again."
        files["events.csv"] = try #require(files["events.csv"]).replacingOccurrences(of: original, with: hostile)
        let data = try PackageLoader.load(files: files, origin: "data")
        for size in [Size(width: 80, height: 24), Size(width: 40, height: 12)] {
            var state = State(data: data, size: size)
            state = advance(state, .key(.char("2"))).state
            state = advance(state, .key(.char("/"))).state
            for c in "air" { state = advance(state, .key(.char(c))).state }
            state = advance(state, .key(.enter)).state
            let screen = render(state, size)
            #expect(screen.text.contains("평양") || size.width < 60)
            state = advance(state, .key(.enter)).state
            let detail = render(state, size)
            #expect(detail.text.contains("\\e[2J"))
            #expect(detail.text.contains("\\u{202E}"))
            for s in [screen, detail] {
                #expect(!s.cells.contains { $0.text.unicodeScalars.contains { $0.value < 0x20 || (0x7F...0x9F).contains($0.value) || $0.value == 0x202E } })
                for line in s.text.split(separator: "\n") { #expect(displayWidth(String(line)) <= size.width) }
            }
        }
    }
}

@Suite("Never a trap")
struct RobustnessTests {
    @Test("thousands of random keys and resizes leave a well-formed screen")
    func randomWalk() throws {
        let data = try Fixture.dataset()
        let library = Library(data)
        var generator = SplitMix(seed: 42)
        let keys: [Key] = [.up, .down, .left, .right, .pageUp, .pageDown, .home, .end, .enter, .escape, .backspace, .tab, .backTab,
                           .char("j"), .char("k"), .char("g"), .char("G"), .char("c"), .char("f"), .char("F"), .char("t"), .char("p"),
                           .char("1"), .char("2"), .char("3"), .char("/"), .char("2"), .char("n"), .char("N"), .char("m"), .char("x"),
                           .char("y"), .char("?"), .char("h"), .char("l"), .char("Q"), .char("é"), .char("평"),
                           .char("4"), .char("o"), .char("s"), .char("S"), .char("C"), .char("["), .char("]")]
        let sizes = [Size(width: 80, height: 24), Size(width: 40, height: 12), Size(width: 120, height: 40), Size(width: 33, height: 8),
                     Size(width: 5, height: 2), Size(width: 0, height: 0), Size(width: 200, height: 60)]
        var state = State(library: library, size: sizes[0])
        for step in 0..<3000 {
            if step % 97 == 0 {
                state = advance(state, .resize(sizes[Int(generator.next() % UInt64(sizes.count))])).state
            }
            state = advance(state, .key(keys[Int(generator.next() % UInt64(keys.count))])).state
            let screen = render(state, state.size)
            #expect(screen.cells.count == state.size.width * state.size.height)
        }
    }

    @Test("every shown count is the core's value for that key")
    func countsMatchCore() throws {
        let data = try Fixture.dataset()
        let library = Library(data)
        let resolver = Resolver(data)
        for flow in library.flows {
            for granularity in [Period.Granularity.quarter, .half, .year] {
                for row in library.counts(flow: flow, granularity: granularity, facets: Facets()) {
                    let key = FigureKey(flow: flow, period: row.period, measure: .total)
                    let rows = resolver.rows(for: key)
                    guard let f = row.figure else {
                        #expect(rows.isEmpty, "\(key) has figures but shows a gap")
                        continue
                    }
                    #expect(rows.contains { $0.value.value == f.value.value && $0.value.qualifier == f.value.qualifier && ($0.status == .derived) == f.isDerived },
                            "\(key): shown \(f.display) is not one of the core's rows")
                    if let c = resolver.consensus(key) { #expect(f.value.value == c.value && !f.isDerived, "\(key): consensus \(c.value) not shown") }
                }
            }
        }
    }
}

/// A small deterministic generator, so a failure replays.
typealias SplitMix = SplitMix64
