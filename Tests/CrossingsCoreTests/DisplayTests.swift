import BundledData
import Testing
@testable import CrossingsCore

/// The display rule: every shown value keeps the source's hedge and unit (docs/rules.md).
@Suite("ReportedValue display keeps the hedge")
struct DisplayTests {
    func v(_ value: Int, _ q: Qualifier, _ printed: String, tabulated: Bool = false) -> ReportedValue {
        ReportedValue(value: value, qualifier: q, printed: printed, tabulated: tabulated)
    }

    @Test func scaleWordsKeepTheirUnitAndARoundedValueShowsAbout() {
        #expect(v(6_620_000, .exact, "6.62 million").display == "~6.62 million")
        #expect(v(6_620_000, .exact, "6.62 million").compactDisplay == "~6.62M")
        #expect(v(1_430_000, .exact, "1.43 million").display == "~1.43 million")
        #expect(v(2_000_000, .atLeast, "over 2 million").display == ">2 million")
        #expect(v(2_000_000, .atLeast, "over 2 million").compactDisplay == ">2M")
        #expect(v(5_500, .exact, "5.5K").display == "~5.5 thousand")
        #expect(v(5_500, .exact, "5.5K").compactDisplay == "~5.5K")
        // A value that is not what the printed digits say at that scale: the plain count, still hedged.
        #expect(v(6_625_000, .exact, "6.62 million").display == "~6,625,000")
    }

    @Test func theMarkComesFromThePrintedWording() {
        #expect(v(13000, .about, "nearly 13,000").display == "~13,000")
        #expect(v(13220, .atLeast, "over 13,220").display == ">13,220")
        #expect(v(1000, .atLeast, "more than 1,000").display == ">1,000")
        #expect(v(1000, .atLeast, "above 1,000").display == ">1,000")
        #expect(v(1000, .atLeast, "exceeding 1,000").display == ">1,000")
        #expect(v(3000, .atLeast, "at least 3,000").display == ">=3,000")
        #expect(v(3000, .atLeast, "no fewer than 3,000").display == ">=3,000")
        #expect(v(500, .atMost, "under 500").display == "<500")
        #expect(v(500, .atMost, "fewer than 500").display == "<500")
        #expect(v(500, .atMost, "less than 500").display == "<500")
        #expect(v(500, .atMost, "up to 500").display == "<=500")
        #expect(v(500, .atMost, "at most 500").display == "<=500")
        // No hedge word ("thousands"): the qualifier's own mark.
        #expect(v(1000, .atLeast, "thousands").display == ">=1,000")
        #expect(ReportedValue(value: 13220, qualifier: .atLeast).display == ">=13,220")
        // A wording that contradicts the qualifier is not trusted.
        #expect(v(500, .atMost, "over 500").display == "<=500")
        // "overall" is not "over".
        #expect(v(500, .atLeast, "500 overall").display == ">=500")
    }

    @Test func roundProseIsAboutButTablesAndUnitValuesStayExact() {
        #expect(v(10000, .exact, "10,000").display == "~10,000")
        #expect(v(10000, .exact, "10,000", tabulated: true).display == "10,000")
        #expect(v(13221, .exact, "13,221").display == "13,221")
        #expect(v(370, .exact, "370").display == "370")
        #expect(v(13000, .about, "~13,000").display == "~13,000")
        // Worked out by crossings (no printed form): an exact count.
        #expect(ReportedValue(value: 10000).display == "10,000")
        #expect(ReportedValue(value: 20000, high: 50000, qualifier: .range, printed: "20,000-50,000").display == "20,000-50,000")
    }

    @Test func hedgeWordsForSentences() {
        #expect(v(6_620_000, .exact, "6.62 million").hedgeWords == "about")
        #expect(v(2_000_000, .atLeast, "over 2 million").hedgeWords == "more than")
        #expect(v(1000, .atLeast, "thousands").hedgeWords == "at least")
        #expect(v(500, .atMost, "under 500").hedgeWords == "fewer than")
        #expect(v(13221, .exact, "13,221").hedgeWords == "")
    }

    @Test func bundledRoundValuesOfADatasetStayExact() throws {
        let data = try PackageLoader.load(files: BundledData.files, origin: "data")
        let tabulated = data.observations.filter { $0.tabulated && $0.value >= 1000 && $0.value % 1000 == 0 }
        for o in tabulated { #expect(o.reported.display == formatCount(o.value), "\(o.id)") }
        let tr = try #require(data.observations.first { $0.id == "news1-2026-02/17" })
        #expect(tr.reported.display == "~6.62 million")
        let eg = try #require(data.observations.first { $0.id == "news1-2026-02/18" })
        #expect(eg.reported.display == ">2 million")
    }
}

/// The chain rule: an observation's producer decides whether the source's chain is its chain.
@Suite("Observation chains")
struct ChainTests {
    let data: Dataset
    init() throws { data = try PackageLoader.load(files: BundledData.files, origin: "data") }

    func observation(_ id: String) throws -> Observation {
        try #require(data.observations.first { $0.id == id })
    }

    @Test func aProducerOtherThanTheSourcesChainGetsItsOwn() throws {
        let troops = try observation("mediazona-2025-05-08/2")
        #expect(data.chain(of: troops) == ["media reports (not named)", "Mediazona (English edition)"])
        #expect(data.credit(of: troops) == "")
        let workers = try observation("online-ua-2025-02-09/1")
        #expect(data.chain(of: workers) == ["South Korean intelligence (via Yonhap)",
                                            "Ukrainian news site, English edition (probably online.ua, unconfirmed)"])
        #expect(data.credit(of: workers) == "")
        #expect(!data.chain(of: workers).contains("FSB border service"))
    }

    @Test func theChainsFirstElementOrTheCreditedAgencyKeepTheSourcesChain() throws {
        // "(as credited)" is ignored when comparing: the producer is the source's credited agency.
        let total = try observation("online-ua-2025-02-09/2")
        #expect(data.chain(of: total).first == "FSB border service")
        #expect(data.chain(of: total).last == "online.ua")
        #expect(data.credit(of: total) == "Federal Statistics Service of Russia")
        // "(presumed)" too; the chain's first element, case-insensitively.
        let turkey = try observation("news1-2026-02/17")
        #expect(data.chain(of: turkey) == ["FSB border service", "Verstka and NK News", "News1 Global"])
        let nearly = try observation("mediazona-2025-05-08/1")
        #expect(data.chain(of: nearly) == ["FSB border service", "Mediazona"])
        #expect(data.credit(of: nearly) == "border service of Russia’s Federal Security Service (FSB)")
    }

    @Test func looseNames() {
        #expect(Attribution.looseName("Federal Statistics Service of Russia (as credited)") == "federal statistics service of russia")
        #expect(Attribution.looseName("  FSB Border Service ") == "fsb border service")
    }

    @Test func producerStrength() {
        #expect(Attribution.strength("FSB border service") < Attribution.strength("FSB border service (presumed)"))
        #expect(Attribution.strength("FSB border service (presumed)") < Attribution.strength("South Korean intelligence"))
        #expect(Attribution.strength("Federal State Statistics Service (as credited)").tier == 0)
        #expect(Attribution.strength("Russian foreign ministry").tier == 0)
        #expect(Attribution.strength("US officials").tier == 1)
        #expect(Attribution.strength("South Korean intelligence (via Yonhap)").tier == 1)
        #expect(Attribution.strength("Peter Ward (estimate)").tier == 2)
        #expect(Attribution.strength("media reports (not named)").tier == 2)
    }

    @Test func datesInWords() {
        #expect(Attribution.dateInWords("2025-05-08") == "8 May 2025")
        #expect(Attribution.dateInWords("2025-05") == "May 2025")
        #expect(Attribution.dateInWords("2025") == "2025")
        #expect(Attribution.dateInWords("") == "")
    }

    @Test func citationOrderPutsThePlainProducerFirstThenDatasetsShortChainsAndRecentDates() throws {
        let key = FigureKey(flow: try Flow(parsing: "KP-RU"), period: .quarter(2024, 3), measure: .purpose, category: "study")
        let obs = data.observations(for: key).filter { $0.value == 3765 }
        // The file lists The Korea Herald ("Federal State Statistics Service (as credited)") first.
        #expect(obs.first?.sourceID == "koreaherald-2024-11-09")
        let groups = data.citationOrder(obs)
        #expect(groups.map(\.producer) == ["FSB border service", "Federal State Statistics Service (as credited)"])

        // Within a producer: the shorter chain, then the more recent date.
        let q4 = data.observations(for: FigureKey(flow: try Flow(parsing: "KP-RU"), period: .quarter(2024, 4), measure: .total))
        let ordered = data.citationOrder(q4).flatMap { $0.observations.map(\.sourceID) }
        // NK News (FSB > NK News, 2 links) before News1 Global (FSB > Verstka and NK News > News1 Global, 3 links).
        #expect(ordered == ["nknews-2025-05-08", "news1-2026-02"])
    }
}
