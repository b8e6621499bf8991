import CrossingsCore
@testable import CrossingsUI
import Testing

/// The line `y` copies: strongest attribution first, dates in words, no locators, ids or URLs.
@Suite("Citation lines")
struct CitationTests {
    let library: Library
    init() throws { library = Library(try Fixture.dataset()) }

    func key(_ flow: String, _ period: String, _ measure: Measure = .total, _ category: String = "") throws -> FigureKey {
        FigureKey(flow: try Flow(parsing: flow), period: try Period(parsing: period), measure: measure, category: category)
    }

    func line(_ k: FigureKey) throws -> String {
        Citation.line(try #require(library.figure(k), "no figure for \(k)"), library.data)
    }

    /// Nothing an editor would have to delete before pasting.
    func expectPasteable(_ text: String, sourceLocation: SourceLocation = #_sourceLocation) {
        for locator in ["¶", "press-facts", "http", ".csv:", ".txt", "news1-2025-rfa", "koreaherald-2024", "/1"] {
            #expect(!text.contains(locator), "\(locator) in \(text)", sourceLocation: sourceLocation)
        }
    }

    /// A citation line pasted under a sentence (`y`, or the language server's "Insert citation") is
    /// read by the checker as what it says: its own figure first, supported, and nothing it adds is
    /// an error or a warning ("and 1 other outlet" was a claim of 1; the parts a note adds up,
    /// "153 + 213 + 365 + 382", were four contradicted counts).
    @Test func aCitationLineClaimsOnlyItsOwnFigure() throws {
        let checker = Checker(library.data)
        var checked = 0
        for k in library.data.keys where k.measure == .total && k.flow.citizens == "KP" {
            guard let figure = library.figure(k), !figure.isDerived, figure.agrees, figure.value.isPrecise else { continue }
            let text = Citation.line(figure, library.data)
            let findings = checker.check(document: text)
            #expect(findings.first?.claim.key == k, "\(text)")
            #expect(findings.first?.verdict == .supported, "\(text)")
            #expect(!findings.contains { $0.verdict == .contradicted || $0.verdict == .disputed },
                    "\(text): \(findings.map { "\($0.claim.printed) \($0.verdict)" })")
            checked += 1
        }
        #expect(checked >= 10)
    }

    @Test func theFSBProducerComesBeforeOneOnlyAsCredited() throws {
        // 13,221 for 2024: several outlets cite the FSB border service; online.ua credits "the Federal Statistics
        // Service of Russia" and two Korean papers "the Federal State Statistics Service" (online.ua is first in the file).
        let text = try line(key("KP-RU", "2024"))
        #expect(text.hasPrefix("13,221 entries into Russia by citizens of North Korea in 2024 (FSB border service data via "))
        let fsb = try #require(text.range(of: "FSB border service data"))
        let credited = try #require(text.range(of: "(as credited)"))
        #expect(fsb.upperBound < credited.lowerBound)
        #expect(text.contains("other outlet"), "the line stays short: \(text)")
        expectPasteable(text)
    }

    @Test func studyInQ3OfTwentyTwentyFour() throws {
        let text = try line(key("KP-RU", "2024-Q3", .purpose, "study"))
        // Most recent first among the FSB outlets, then the one crediting another agency.
        #expect(text == "3,765 entries into Russia by citizens of North Korea for study in Q3 2024 (FSB border service data via "
                + "Financial News (fnnews, Korean), 12 November 2024; Politico Europe, 8 November 2024; "
                + "also Federal State Statistics Service data (as credited) via The Korea Herald, 9 November 2024); "
                // The breakdown's Alt column (+1), in words: the derived 3,765 agrees (issue 14).
                + "one other value is on record for it, and agrees.")
        expectPasteable(text)
    }

    @Test func aDerivedValueNamesItsFormulaAndThePartsProducers() throws {
        // 2024-Q4 is printed only as "nearly 5,500"; the precise value is the year minus the first half and Q3.
        let text = try line(key("KP-RU", "2024-Q4"))
        #expect(text.hasPrefix("5,450 entries into Russia by citizens of North Korea in Q4 2024 (worked out by crossings as "))
        #expect(text.contains("= 5,450, printed by no source, from FSB border service data via "))
        expectPasteable(text)
    }

    @Test func hedgesInWords() throws {
        #expect(try line(key("RU-TR", "2025")).hasPrefix("about 6.62 million trips to Turkey by citizens of Russia in 2025 "
                                                          + "(FSB border service data (presumed) via News1 Global (English), February 2026)"))
        #expect(try line(key("RU-EG", "2025")).hasPrefix("more than 2 million trips to Egypt by citizens of Russia in 2025"))
        let troops = try #require(library.data.observations.first { $0.id == "mediazona-2025-05-08/2" })
        #expect(Citation.line(troops, library.data) == "at least 1,000 (printed as “thousands”) North Korean troops (estimate) for KP-RU in 2024 "
                + "(media reports (not named) via Mediazona (English edition), 8 May 2025).")
    }

    @Test func aProducerThatAlreadyNamesALinkIsNotFollowedByASecondVia() throws {
        let workers = try #require(library.data.observations.first { $0.id == "online-ua-2025-02-09/1" })
        #expect(Citation.line(workers, library.data) == "at least 1,000 (printed as “thousands”) North Korean workers (estimate) for KP-RU in 2024 "
                + "(South Korean intelligence (via Yonhap), reported by Ukrainian news site, English edition (probably online.ua, unconfirmed), 9 February 2025).")
    }

    @Test func theResidualIsWhatTheSourcesDidNotBreakOut() throws {
        let rows = library.breakdown(flow: try Flow(parsing: "KP-RU"), period: .quarter(2024, 3), measure: .purpose, facets: Facets())
        let residual = try #require(rows.first { $0.key.category == notStatedCategory })
        #expect(residual.label == "not broken out")
        let text = try line(residual.key)
        #expect(text.hasPrefix("1,498 entries into Russia by citizens of North Korea in Q3 2024 for which the sources give no breakdown by purpose (worked out by crossings"))
        #expect(!text.contains("not stated") && !text.contains("no purpose stated"))
        #expect(Citation.phrase(try key("KP-RU", "2024-Q3", .transport, notStatedCategory), library.data)
                == "entries into Russia by citizens of North Korea in Q3 2024 for which the sources give no breakdown by mode of transport")
    }

    @Test func controlCharactersFromDataAreEscaped() throws {
        let text = try line(key("KP-RU", "2024"))
        #expect(text == visible(text))
    }

    @Test func aValueMarkedAsPartOfAWholeSaysWhy() throws {
        // 2023-Q2 has one value of its own, but 2023-H1's parts do not add up to it: the line says so.
        let text = try line(key("KP-RU", "2023-Q2"))
        #expect(!text.contains("other values: ."), "\(text)")
        #expect(text.contains("; disputed: it is part of 2023-H1, which"), "\(text)")
        expectPasteable(text)
    }

    @Test func aPartYearValueSaysSoWhenCopied() throws {
        let text = try line(key("RU-KP", "2021"))
        #expect(text.hasPrefix("41 trips to North Korea by citizens of Russia in 2021"), "\(text)")
        #expect(text.contains("this covers only 2 of the 4 quarters of 2021"), "\(text)")
    }
}
