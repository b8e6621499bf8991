import BundledData
import CrossingsCore
@testable import CrossingsUI
import Testing

/// Issue 14, newcomer review of the explorer's layout (the wrong number is `WholeCellTests`).
@Suite struct NewcomerLayoutTests {
    static let small = Size(width: 32, height: 8)

    @Test("at 32×8 the m menu scrolls: the cursor's facet always on screen, ↑ ↓ say there are more")
    func facetsScroll() throws {
        var s = try run(["m"], size: Self.small)
        for n in 0..<(Facet.allCases.count * 2) {
            let facet = Facet.allCases[s.facetCursor]
            let text = render(s, Self.small).text
            let rows = text.split(separator: "\n")
            let cursor = rows.first { $0.contains("› " + facet.title) }
            #expect(cursor != nil, "step \(n): \(facet.title) not on screen:\n\(text)")
            let top = facetsTop(cursor: s.facetCursor, rows: 5, count: Facet.allCases.count)
            #expect(text.contains("↑") == (top > 0), "step \(n):\n\(text)")
            #expect(text.contains("↓") == (top + 5 < Facet.allCases.count), "step \(n):\n\(text)")
            if s.facetCursor == Facet.allCases.count - 1 { assertSnapshot(text, named: "facets-scrolled-32x8") }
            s = press(["Down"], on: s).state
        }
        // → changes the facet in sight: the last one (Values), not one off the box.
        let last = press(["Up", "Right"], on: try run(["m"], size: Self.small)).state
        #expect(last.facets.status != .all)
        #expect(render(last, Self.small).text.contains("› Values"))
        // On 80×24 all eight show, no marks.
        let wide = render(try run(["m"], size: Size(width: 80, height: 24)), Size(width: 80, height: 24)).text
        for facet in Facet.allCases { #expect(wide.contains(facet.title)) }
        #expect(!wide.contains("↑ │") && !wide.contains("↓ │"), "\(wide)")
    }

    @Test("the menu's first row: the cursor kept in sight on 1 to 9 rows", arguments: 1...9)
    func facetsTopKeepsCursor(_ rows: Int) {
        let count = Facet.allCases.count
        for cursor in 0..<count {
            let top = facetsTop(cursor: cursor, rows: rows, count: count)
            #expect(top >= 0 && top <= max(0, count - rows))
            #expect(cursor >= top && cursor < top + rows)
        }
    }

    static let path = "./crossings-KP-RU-by-quarter-2026-11-28.csv"

    @Test("an export's file name whole at any size, as a failed export's reason",
          arguments: [Size(width: 80, height: 24), Size(width: 40, height: 12), Size(width: 32, height: 8)])
    func exportedWhole(_ size: Size) throws {
        let done = update(try run(["e"], size: size), .exported(Self.path, rows: 15)).state
        let text = render(done, size).text
        let joined = text.split(separator: "\n").map { $0.trimmingCharacters(in: .whitespaces) }.joined(separator: " ")
        #expect(joined.contains("exported 15 rows to"), "\(text)")
        #expect(joined.replacingOccurrences(of: " ", with: "").contains(Self.path), "\(text)")
        let rows = text.split(separator: "\n", omittingEmptySubsequences: false)
        let first = try #require(rows.firstIndex { $0.contains("exported") })
        #expect(!rows[first..<(size.height - 1)].contains { $0.contains("…") }, "cut at \(size):\n\(text)")
        if size == Self.small { assertSnapshot(text, named: "exported-32x8") }
    }

    @Test("O's reason whole at 32×8: refused by the opener, or by the URL check")
    func openRefusedWhole() throws {
        let why = "the URL is not http or https: javascript:alert(1)"
        let refused = update(try run([], size: Self.small), .urlRefused(why)).state
        let text = render(refused, Self.small).text
        for line in wrap("not opened: " + why, Self.small.width - 2) { #expect(text.contains(line), "“\(line)”:\n\(text)") }
        assertSnapshot(text, named: "open-refused-32x8")
        // The URL check's own refusal (a source whose URL is not a web page): the same, whole.
        var s = try run(["3"], size: Self.small)
        if let bad = s.library.data.sources.firstIndex(where: { (try? LinkCheck.check($0.url).get()) == nil }) {
            s = try run(["3"] + Array(repeating: "j", count: bad), size: Self.small)
            s = update(s, .openURL).state
            #expect(s.message.hasPrefix("not opened: "))
            let shown = render(s, Self.small).text
            for line in wrap(s.message, Self.small.width - 2).prefix(2) { #expect(shown.contains(line), "“\(line)”:\n\(shown)") }
        }
    }

    @Test("O without an opener, or with one: the copied or opened URL whole at 32×8 (final review: `no xdg-open or op…`)")
    func openedOrCopiedWhole() throws {
        let url = "https://www.nknews.org/2023/10/north-korea-russia-border-crossings"
        for (action, message) in [(Action.urlCopied(url), "no xdg-open or open to open it with; copied: " + url),
                                  (Action.urlOpened(url, by: "xdg-open"), "opened with xdg-open: " + url)] {
            let s = update(try run(["3"], size: Self.small), action).state
            #expect(s.message == message)
            let text = render(s, Self.small).text
            for line in wrap(message, Self.small.width - 2) { #expect(text.contains(line), "“\(line)”:\n\(text)") }
        }
    }

    static func layered() throws -> Dataset {
        try PackageLoader.load(files: BundledData.files, origin: "full + bundled")
    }

    @Test("the title names layered data at 80 columns (short tab titles give way), cut with … only when it nearly fits")
    func dataLabel() throws {
        let s = State(data: try Self.layered(), size: Size(width: 80, height: 24))
        let title = render(s, Size(width: 80, height: 24)).text.split(separator: "\n")[0]
        #expect(title.hasSuffix("full + bundled: 750 figures"), "“\(title)”")
        assertSnapshot(String(title), named: "title-layered-80")
        for width in 32...140 {
            let size = Size(width: width, height: 24)
            let line = String(render(update(s, .resize(size)).state, size).text.split(separator: "\n")[0])
            // The count is never cut; the label whole, or `…` and its end, or not there at all.
            if line.contains("figures") {
                #expect(line.hasSuffix(": 750 figures"), "\(width): “\(line)”")
                #expect(line.contains("full + bundled: ") || line.contains("…"), "\(width): “\(line)”")
            } else {
                #expect(!line.contains(":"), "\(width): “\(line)”")
            }
            #expect(line.contains("Counts"), "\(width): “\(line)”")
        }
        // At 120 as before: long tab titles and the label.
        let wide = render(update(s, .resize(Size(width: 120, height: 40))).state, Size(width: 120, height: 40)).text
        #expect(wide.split(separator: "\n")[0].contains("2 Timeline"))
    }

    @Test("Breakdown: bars by section (parts against the period's total, estimates on their own); a blank before every value")
    func breakdownBars() throws {
        let size = Size(width: 80, height: 24)
        let s = try run(["Enter"], size: size)   // 2025-Q1, total 295
        let text = render(s, size).text
        let rows = text.split(separator: "\n").map(String.init)
        let business = try #require(rows.first { $0.contains("business") && $0.contains("167") }, "\(text)")
        let totalBar = BreakdownColumns(width: 78).label
        let width = 78 - (totalBar + 13 + 7 + 8 + 2)
        let eighths = business.reduce(0) { n, c in
            n + (["▏": 1, "▎": 2, "▍": 3, "▌": 4, "▋": 5, "▊": 6, "▉": 7, "█": 8][c] ?? 0)
        }
        let expected = Int((167.0 / 295.0 * Double(width * 8)).rounded())
        #expect(eighths == expected, "business 167 of 295: \(eighths) eighths, expected \(expected):\n\(text)")
        assertSnapshot(text, named: "breakdown-sections-80x24")
        // A cut label and its value never touch, on any breakdown at any width from 32.
        for words in [["Enter"], ["t", "t", "k", "Enter"], ["k", "Enter"]] {
            let page = try run(words, size: size)
            for w in 32...120 {
                let sz = Size(width: w, height: 40)
                let shown = render(update(page, .resize(sz)).state, sz).text
                #expect(shown.range(of: #"…[0-9~<>]"#, options: .regularExpression) == nil, "\(w):\n\(shown)")
            }
        }
    }

    @Test("Breakdown's section scales: the total for purposes and modes, the largest estimate for estimates")
    func sectionScaleValues() throws {
        let s = try run(["Enter"], size: Size(width: 80, height: 24))
        let scales = sectionScales(s.items(s.current.page))
        #expect(scales[.purpose] == 295)
        #expect(scales[.transport] == 295 || scales[.transport] == nil)
        if let estimate = scales[.estimate] { #expect(estimate != 295) }
    }
}
