import BundledData
import Testing
@testable import CrossingsCore

@Suite("Bundled data")
struct BundledDataTests {
    let data: Dataset

    init() throws {
        data = try PackageLoader.load(files: BundledData.files, origin: "data")
    }

    static let modes = ["air", "rail", "road", "sea", "foot"]

    /// 2010-Q1 … 2020-Q1.
    static let fsbQuarters: [Period] = (2010...2020).flatMap { y in (1...4).map { Period.quarter(y, $0) } }
        .filter { $0.lastQuarter <= QuarterIndex(2020, 1) }

    @Test func loadsWithoutError() {
        #expect(!data.observations.isEmpty)
        #expect(!data.sources.isEmpty)
        #expect(!data.events.isEmpty)
        #expect(Self.fsbQuarters.count == 41)
    }

    @Test func everyObservationCitesAKnownSourceWithALocator() {
        for o in data.observations {
            #expect(data.sourceByID[o.sourceID] != nil, "\(o.id) cites \(o.sourceID)")
            #expect(!o.locator.trimmingCharacters(in: .whitespaces).isEmpty, "\(o.id) has no locator")
            #expect(!o.printed.isEmpty, "\(o.id) has no printed form")
        }
    }

    @Test func everyEventDateCitesAKnownSource() {
        for e in data.events {
            #expect(!e.dates.isEmpty, "\(e.id) has no date")
            for d in e.dates {
                #expect(data.sourceByID[d.sourceID] != nil, "\(e.id) cites \(d.sourceID)")
                #expect(!d.locator.isEmpty)
            }
        }
    }

    @Test func articleLocatorsAreParagraphs() {
        func isParagraph(_ s: String) -> Bool {
            guard s.first == "¶" else { return false }
            let digits = s.dropFirst()
            return !digits.isEmpty && digits.allSatisfy { $0.isASCII && $0.isNumber } && Int(digits).map { $0 > 0 } == true
        }
        let articles = Set(data.sources.filter { $0.kind == .article }.map(\.id))
        #expect(!articles.isEmpty)
        for o in data.observations where articles.contains(o.sourceID) {
            #expect(isParagraph(o.locator), "\(o.id): \(o.locator)")
        }
        for e in data.events { for d in e.dates where articles.contains(d.sourceID) {
            #expect(isParagraph(d.locator), "\(e.id): \(d.locator)")
        } }
    }

    @Test(arguments: ["KP-RU", "RU-KP"])
    func everyFSBQuarterHasAllFiveModes(_ f: String) {
        for p in Self.fsbQuarters {
            for mode in Self.modes {
                let obs = data.observations(for: FigureKey(flow: flow(f), period: p, measure: .transport, category: mode))
                let fromDataset = obs.filter { $0.sourceID == "russia-in-out" }
                #expect(fromDataset.count == 1, "\(f) \(p) \(mode): \(fromDataset.count) rows from russia-in-out")
                #expect(fromDataset.first?.qualifier == .exact)
            }
        }
    }

    /// The stored value matches the number as printed, read here independently of the loader.
    @Test func valuesMatchTheirPrintedForm() {
        func digits(_ s: Substring) -> Int? {
            let d = s.filter { $0 != "," }
            return !d.isEmpty && d.allSatisfy { $0.isASCII && $0.isNumber } ? Int(d) : nil
        }
        var checked = 0
        for o in data.observations {
            let p = o.printed
            if let n = digits(p[...]) {
                #expect(o.value == n, "\(o.id): printed \(p), stored \(o.value)")
                #expect(o.qualifier == .exact, "\(o.id)")
                checked += 1
            } else if p.hasSuffix(" million"), let number = p.split(separator: " ").dropLast().last {
                // "6.62 million" -> 662 * 10^(6-2)
                let parts = number.split(separator: ".")
                let decimals = parts.count == 2 ? parts[1].count : 0
                if let whole = digits(parts.joined()[...]) {
                    var scale = 1
                    for _ in 0..<(6 - decimals) { scale *= 10 }
                    #expect(o.value == whole * scale, "\(o.id): printed \(p), stored \(o.value)")
                    checked += 1
                }
            } else if o.qualifier == .range {
                let ends = p.split(whereSeparator: { $0 == "-" || $0 == "–" })
                #expect(ends.count == 2 && digits(ends[0]) == o.value && digits(ends[1]) == o.high, "\(o.id): \(p)")
                checked += 1
            }
        }
        #expect(checked > 400)
    }

    /// The qualifier follows the hedge word the source printed.
    @Test func qualifiersMatchTheirHedgeWords() {
        let about = ["about", "around", "nearly", "approximately", "roughly", "almost"]
        let atLeast = ["over ", "more than", "at least"]
        for o in data.observations {
            let p = o.printed.lowercased()
            if about.contains(where: p.contains) { #expect(o.qualifier == .about, "\(o.id): \(o.printed)") }
            if atLeast.contains(where: p.contains) { #expect(o.qualifier == .atLeast, "\(o.id): \(o.printed)") }
        }
    }

    @Test func validatorGivesNoErrors() {
        let findings = Validator.findings(data)
        #expect(findings.filter { $0.severity == .error } == [])
    }

    /// For every real quarter, the total the Resolver derives equals the sum of the five modes,
    /// added up here straight from the observations.
    @Test(arguments: ["KP-RU", "RU-KP"])
    func quarterTotalsAreTheSumOfTheModes(_ f: String) throws {
        let resolver = Resolver(data)
        for p in Self.fsbQuarters {
            var sum = 0
            for mode in Self.modes {
                let o = data.observations.filter {
                    $0.sourceID == "russia-in-out" && $0.key.flow == flow(f) && $0.key.period == p
                        && $0.key.measure == .transport && $0.key.category == mode
                }
                #expect(o.count == 1)
                sum += o.first?.value ?? 0
            }
            let total = FigureKey(flow: flow(f), period: p, measure: .total)
            let derived = try #require(resolver.derive(total), "\(f) \(p)")
            #expect(derived.value == sum, "\(f) \(p)")
            #expect(derived.kind == .breakdown)
            let row = resolver.rows(for: total).first { $0.status == .derived }
            #expect(row?.value.value == sum, "\(f) \(p)")
        }
    }

    /// Each full year 2010…2019 is the sum of its twenty mode counts.
    @Test(arguments: ["KP-RU", "RU-KP"])
    func yearTotalsAreTheSumOfTheQuarters(_ f: String) throws {
        let resolver = Resolver(data)
        for y in 2010...2019 {
            let sum = data.observations.filter {
                $0.sourceID == "russia-in-out" && $0.key.flow == flow(f) && $0.key.period.year == y
                    && $0.key.period.granularity == .quarter && $0.key.measure == .transport
            }.reduce(0) { $0 + $1.value }
            let derived = try #require(resolver.derive(FigureKey(flow: flow(f), period: .year(y), measure: .total)), "\(f) \(y)")
            #expect(derived.value == sum, "\(f) \(y)")
        }
    }

    @Test func kpru2019FromTheDataset() throws {
        // The five modes for each 2019 quarter, added up from the observations, against the printed
        // "about 21,000" (news1-2025-rfa) and "5,591" for Q3 (koreaherald-2024-11-09).
        let resolver = Resolver(data)
        let year = try #require(resolver.derive(key("KP-RU", "2019")))
        let q3 = try #require(resolver.derive(key("KP-RU", "2019-Q3")))
        let printedYear = data.observations(for: key("KP-RU", "2019")).filter { $0.sourceID == "news1-2025-rfa" }
        let printedQ3 = data.observations(for: key("KP-RU", "2019-Q3")).filter { $0.sourceID == "koreaherald-2024-11-09" }
        #expect(printedYear.count == 1 && printedQ3.count == 1)
        for o in printedYear { #expect(o.reported.agrees(with: ReportedValue(value: year.value))) }
        for o in printedQ3 { #expect(o.value == q3.value) }
    }
}
