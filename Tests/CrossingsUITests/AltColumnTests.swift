import CrossingsCore
@testable import CrossingsUI
import Testing

/// Issue 14, hostile review: the Alt column (`+1`: other values on record for the number) was on
/// Counts and Series but not in Breakdown, nor in an export's citation. Breakdown shows it the
/// same way now, and the citation `y` copies and `e` exports says it in words.
@Suite struct AltColumnTests {
    @Test func breakdownShowsAltAsCountsDoes() throws {
        let size = Size(width: 80, height: 24)
        let s = try run(["k", "k", "Enter"], size: size)
        let rows = render(s, size).text.split(separator: "\n").map(String.init)
        let header = try #require(rows.first { $0.contains("Category") })
        #expect(header.hasSuffix("Src Alt"))
        let altEnd = header.count
        var seen = 0
        for item in s.pageItems() {
            guard case .category(let row) = item.content, let f = row.figure else { continue }
            let line = try #require(rows.first { $0.dropFirst().hasPrefix(row.key.measure == .total ? row.label : "  " + row.label) }, "\(row.label)")
            let padded = line.count < altEnd ? line + String(repeating: " ", count: altEnd - line.count) : line
            let alt = String(padded.prefix(altEnd).suffix(4)).trimmingCharacters(in: .whitespaces)
            #expect(alt == (f.alternatives > 0 ? "+\(f.alternatives)" : ""), "\(row.label): \(line)")
            if f.alternatives > 0 { seen += 1 }
        }
        #expect(seen > 0, "no breakdown row with other values: the test shows nothing")
        // Narrow screens drop Src and Alt together, as before.
        #expect(BreakdownView().header(s, width: 39)?.contains("Alt") == false)
    }

    /// Every exported number with other values says so in its citation: agreeing in words, disagreeing with the values.
    @Test func exportCitationsCarryTheAlternatives() throws {
        let size = Size(width: 80, height: 24)
        for words in [["t", "t"], [], ["k", "k", "Enter"], ["t", "t", "Enter", "/", "st", "Enter", "t"], ["4"]] {
            let s = try run(words, size: size)
            let table = try #require(update(s, .export).effects.first.flatMap { if case .export(let t) = $0 { t } else { nil } }, "\(words)")
            let citation = try #require(table.header.firstIndex(of: "citation"))
            let flowColumn = try #require(table.header.firstIndex(of: "flow"))
            var seen = 0
            for row in table.rows where !row[citation].hasPrefix("no figure") {
                let key = FigureKey(flow: try Flow(parsing: row[flowColumn]), period: try Period(parsing: row[flowColumn + 1]),
                                    measure: try #require(Measure(rawValue: row[flowColumn + 2])), category: row[flowColumn + 3])
                let f = try #require(s.library.figure(key, facets: s.facets), "\(key)")
                guard f.alternatives > 0 else {
                    #expect(!row[citation].contains("on record for it"), "\(key)")
                    continue
                }
                seen += 1
                if f.agrees {
                    let words = f.alternatives == 1 ? "one other value is on record for it, and agrees" : "other values are on record for it, and agree"
                    #expect(row[citation].contains(words), "\(key): \(row[citation])")
                } else {
                    #expect(row[citation].contains("sources disagree, other values: "), "\(key): \(row[citation])")
                }
            }
            #expect(seen > 0, "\(words): no exported number with other values")
        }
    }
}

/// Issue 14, hostile review: `e` was in `?` and the docs but in no footer. Every page that exports
/// shows it at 80 columns, placed by the footer's rule (a page's own keys before the general ones).
@Suite struct ExportFooterTests {
    @Test func everyExportingPageShowsEInItsFooter() throws {
        let size = Size(width: 80, height: 24)
        for words in [[], ["k", "k", "Enter"], ["k", "k", "Enter", "j", "j", "j", "j", "j", "t"], ["4"], ["2"]] {
            let s = try run(words, size: size)
            #expect(s.current.page.view.exports, "\(words)")
            let footer = try #require(render(s, size).text.split(separator: "\n", omittingEmptySubsequences: false).last)
            #expect(footer.contains("e export"), "\(words): \(footer)")
        }
        // Pages that export nothing do not offer it.
        for words in [["3"], ["c"]] {
            let s = try run(words, size: size)
            #expect(!s.current.page.view.exports)
            #expect(!(render(s, size).text.split(separator: "\n").last ?? "").contains("e export"), "\(words)")
        }
    }
}
