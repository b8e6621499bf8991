import BundledData
import Foundation
import Testing
@testable import CrossingsCore

/// The promise behind every table: the values shown for a key never contradict each other
/// unless the key is marked, and shown quarters, halves, years and breakdowns add up
/// wherever none of them is marked. Checked on the bundled data and on random packages
/// with disagreements planted in them.
@Suite("Consistency of shown values")
struct ConsistencyPropertyTests {
    /// The row a table shows for a key: the primary value (reported consensus, else derived),
    /// else the reported value most sources give.
    static func shown(_ resolver: Resolver, _ key: FigureKey) -> FigureRow? {
        let rows = resolver.rows(for: key).filter { !$0.status.isSetAside }
        if let p = resolver.resolution(key).primary {
            if p.isDerived { return rows.first { $0.status == .derived && $0.value.value == p.value } }
            return rows.first { $0.status == .reported && $0.value.isPrecise && $0.value.value == p.value }
        }
        return rows.filter { $0.status == .reported }.max { $0.observations.count < $1.observations.count }
    }

    /// Every relation a table can show: (whole, parts).
    static func relations(_ data: Dataset, flow: Flow, year: Int) -> [(FigureKey, [FigureKey])] {
        var out: [(FigureKey, [FigureKey])] = []
        var lines: [(Measure, String)] = [(.total, "")]
        for m in [Measure.purpose, .transport] { for c in data.categories(of: m) { lines.append((m, c)) } }
        for (m, c) in lines {
            let k = { (p: Period) in FigureKey(flow: flow, period: p, measure: m, category: c) }
            out.append((k(.year(year)), [k(.half(year, 1)), k(.half(year, 2))]))
            out.append((k(.year(year)), (1...4).map { k(.quarter(year, $0)) }))
            for h in 1...2 { out.append((k(.half(year, h)), [k(.quarter(year, 2 * h - 1)), k(.quarter(year, 2 * h))])) }
        }
        for p in Resolver.periods(of: year) {
            let total = FigureKey(flow: flow, period: p, measure: .total)
            for m in [Measure.transport, .purpose] {
                out.append((total, m.fixedCategories.map { total.with(measure: m, category: $0) }))
            }
        }
        return out
    }

    /// Checks both properties over every flow and year of a package; returns the failures in words.
    static func violations(_ data: Dataset) -> [String] {
        let resolver = Resolver(data)
        var failures: [String] = []
        var years: [Flow: Set<Int>] = [:]
        for key in data.keys where !key.period.isRange { years[key.flow, default: []].insert(key.period.year) }
        for (flow, ys) in years {
            for year in ys.sorted() {
                var keys = Set<FigureKey>()
                for (whole, parts) in relations(data, flow: flow, year: year) {
                    keys.insert(whole)
                    keys.formUnion(parts)
                    // 2. Wholes and parts that are all shown, none marked, add up.
                    let rows = ([whole] + parts).map { shown(resolver, $0) }
                    guard rows.allSatisfy({ $0 != nil && $0!.keyAgrees }) else { continue }
                    let w = rows[0]!.value.interval
                    var lower = 0.0, upper: Double? = 0
                    for r in rows.dropFirst() {
                        let i = r!.value.interval
                        lower += i.lower
                        upper = upper.flatMap { u in i.upper.map { u + $0 } }
                    }
                    let below = upper.map { $0 < w.lower } ?? false
                    let above = w.upper.map { lower > $0 } ?? false
                    if below || above {
                        failures.append("\(whole) shows \(rows[0]!.value.display) but its parts \(parts.map(\.period.description)) show \(rows.dropFirst().map { $0!.value.display }), none marked")
                    }
                }
                // 1. Two shown values for one key that disagree: the key is marked.
                for key in keys {
                    let rows = resolver.rows(for: key).filter { !$0.status.isSetAside }
                    guard rows.count > 1 else { continue }
                    let disagree = rows.contains { a in rows.contains { !a.value.agrees(with: $0.value) } }
                    if disagree && rows.contains(where: \.keyAgrees) {
                        failures.append("\(key): values \(rows.map(\.value.display)) disagree but are not marked")
                    }
                    if rows.contains(where: { $0.status != .reported && $0.value.value < 0 }) {
                        failures.append("\(key): a derived value below zero")
                    }
                }
            }
        }
        return failures
    }

    @Test("the bundled data: no unmarked contradiction, and unmarked levels add up")
    func bundled() throws {
        let data = try PackageLoader.load(files: BundledData.files, origin: "data")
        let failures = Self.violations(data)
        #expect(failures.isEmpty, "\(failures.prefix(20).joined(separator: "\n"))")
    }

    @Test("random packages with planted disagreements", arguments: 0..<40)
    func random(seed: Int) throws {
        let (files, _) = RandomPackage.make(seed: UInt64(seed))
        let data = try PackageLoader.load(files: files, origin: "random-\(seed)")
        let failures = Self.violations(data)
        #expect(failures.isEmpty, "seed \(seed):\n\(failures.prefix(20).joined(separator: "\n"))")
    }

    /// Years of leaves only are worked out key by key; the answers must be the block's, key for key.
    static func sameAnswers(_ data: Dataset) -> [String] {
        let lazy = Resolver(data), whole = Resolver(data, lazyLeaves: false)
        var failures: [String] = []
        var years: [Flow: Set<Int>] = [:]
        for key in data.keys where !key.period.isRange { years[key.flow, default: []].insert(key.period.year) }
        for (flow, ys) in years {
            for year in ys {
                for p in Resolver.periods(of: year) {
                    var keys = [FigureKey(flow: flow, period: p, measure: .total)]
                    for m in [Measure.purpose, .transport] {
                        for c in data.categories(of: m) + [notStatedCategory] { keys.append(FigureKey(flow: flow, period: p, measure: m, category: c)) }
                    }
                    for k in keys {
                        let a = lazy.resolution(k), b = whole.resolution(k)
                        if a.primary?.value != b.primary?.value || a.derivations.map(\.formula) != b.derivations.map(\.formula)
                            || a.derivations.map(\.value) != b.derivations.map(\.value) || a.marked != b.marked
                            || a.readings.map(\.id) != b.readings.map(\.id) {
                            failures.append("\(k): key by key \(a.primary?.value as Any) \(a.derivations.map(\.worked)); block \(b.primary?.value as Any) \(b.derivations.map(\.worked))")
                        }
                    }
                }
            }
        }
        return failures
    }

    @Test("years of leaves only: key by key gives the block's answers (bundled data and random leaves)")
    func leavesKeyByKeyAsInBlocks() throws {
        let bundled = try PackageLoader.load(files: BundledData.files, origin: "data")
        var failures = Self.sameAnswers(bundled)
        for seed in 0..<10 {
            var g = RandomPackage.Generator(state: UInt64(seed) &* 31 &+ 7)
            var rows: [String] = []
            var n = 0
            for flow in ["KP-RU", "RU-KP"] {
                for year in 2016...2019 {
                    for q in 1...4 {
                        for m in Measure.transport.fixedCategories where Double.random(in: 0..<1, using: &g) < 0.85 {
                            n += 1
                            let v = Int.random(in: 0...500, using: &g)
                            let hedge = Double.random(in: 0..<1, using: &g) < 0.1
                            rows.append("a/\(n),\(flow),\(year)-Q\(q),transport,\(m),\(v),,\(hedge ? "about" : "exact"),\(hedge ? "about \(v)" : "\(v)"),FSB border service,a,P\(n),")
                        }
                    }
                }
            }
            failures += Self.sameAnswers(try PackageLoader.load(files: RandomPackage.files(rows), origin: "leaves-\(seed)"))
        }
        #expect(failures.isEmpty, "\(failures.prefix(10).joined(separator: "\n"))")
    }

    @Test("the random packages really plant disagreements, so the property is tested on them")
    func randomPackagesHaveMarks() throws {
        var marked = 0, derived = 0
        for seed in 0..<40 {
            let (files, _) = RandomPackage.make(seed: UInt64(seed))
            let data = try PackageLoader.load(files: files, origin: "random")
            let resolver = Resolver(data)
            for flow in data.flows {
                for year in 2016...2019 {
                    for p in Resolver.periods(of: year) {
                        let r = resolver.resolution(FigureKey(flow: flow, period: p, measure: .total))
                        if r.marked { marked += 1 }
                        if r.primary?.isDerived == true { derived += 1 }
                    }
                }
            }
        }
        #expect(marked > 50)
        #expect(derived > 200)
    }

    @Test("the 2023 case: a disputed half marks its quarters, and a value worked out from it lists both results")
    func disputedHalf() throws {
        var rows = [
            "a/1,KP-RU,2023,total,,1117,,exact,\"1,117\",FSB border service,a,P1,",
            "b/1,KP-RU,2023-H1,total,,370,,exact,370,FSB border service,b,P1,",
            "c/1,KP-RU,2023-Q1,total,,153,,exact,153,FSB border service,c,P1,",
            "c/2,KP-RU,2023-Q2,total,,213,,exact,213,FSB border service,c,P2,",
            "c/3,KP-RU,2023-Q3,total,,365,,exact,365,FSB border service,c,P3,",
        ]
        func load() throws -> Resolver { Resolver(try PackageLoader.load(files: RandomPackage.files(rows), origin: "t")) }
        var resolver = try load()
        let k = { (p: String) in FigureKey(flow: try! Flow(parsing: "KP-RU"), period: try! Period(parsing: p), measure: .total) }
        #expect(resolver.resolution(k("2023-H1")).marked)
        #expect(resolver.resolution(k("2023-Q1")).marked)
        #expect(resolver.resolution(k("2023-Q2")).marked)
        #expect(!resolver.resolution(k("2023")).marked)
        #expect(!resolver.resolution(k("2023-Q3")).marked)
        // A reported quarter gets no difference beside it.
        #expect(resolver.resolution(k("2023-Q1")).derivations.isEmpty)
        // Q4 rests on the disputed half (or its quarters): marked, with both results.
        let q4 = resolver.resolution(k("2023-Q4"))
        #expect(q4.marked)
        #expect(Set(q4.derivations.map(\.value)) == [1117 - 370 - 365, 1117 - 153 - 213 - 365])
        let h2 = resolver.resolution(k("2023-H2"))
        #expect(h2.marked)
        #expect(Set(h2.derivations.map(\.value)) == [1117 - 370, 1117 - 366])
        #expect(resolver.change(k("2023-H2")) == nil)
        // Once Q4 is reported, the second half is its quarters' sum, and the year agrees with it.
        rows.append("d/1,KP-RU,2023-Q4,total,,382,,exact,382,FSB border service,d,P1,")
        resolver = try load()
        #expect(resolver.best(k("2023-H2"))?.value == 365 + 382)
        #expect(!resolver.resolution(k("2023-H2")).marked)
        #expect(!resolver.resolution(k("2023-Q4")).marked)
        #expect(!resolver.resolution(k("2023")).marked)
        #expect(resolver.resolution(k("2023-H1")).marked)
        // The year stands, but the reader is told its printed quarters add up to something else.
        #expect(resolver.resolution(k("2023")).notes.first?.hasPrefix("its four printed quarters add up to 1,113 (153 + 213 + 365 + 382), not 1,117") == true)
        // The reported year is not "confirmed" by a sum through the disputed half (370 + 365 + 382):
        // that would take 370's side silently.
        #expect(resolver.resolution(k("2023")).derivations.isEmpty)
        // But the disputed half keeps the sum that disputes it.
        #expect(resolver.resolution(k("2023-H1")).derivations.map(\.value) == [366])
    }

    @Test("a part given only approximately is worked out by difference; a precise one never is")
    func differencesOnlyForMissingParts() throws {
        let rows = [
            "a/1,KP-RU,2024,total,,13221,,exact,\"13,221\",FSB border service,a,P1,",
            "a/2,KP-RU,2024-Q1,total,,812,,exact,812,FSB border service,a,P2,",
            "a/3,KP-RU,2024-Q2,total,,1696,,exact,\"1,696\",FSB border service,a,P3,",
            "a/4,KP-RU,2024-Q3,total,,5263,,exact,\"5,263\",FSB border service,a,P4,",
            "b/1,KP-RU,2024-Q4,total,,5500,,about,\"nearly 5,500\",FSB border service,b,P1,",
        ]
        let resolver = Resolver(try PackageLoader.load(files: RandomPackage.files(rows), origin: "t"))
        let k = { (p: String) in FigureKey(flow: try! Flow(parsing: "KP-RU"), period: try! Period(parsing: p), measure: .total) }
        let q4 = resolver.resolution(k("2024-Q4"))
        #expect(q4.primary?.value == 5450)
        #expect(!q4.marked)
        #expect(resolver.resolution(k("2024-Q1")).derivations.isEmpty)
        #expect(resolver.best(k("2024-H2"))?.value == 5263 + 5450)
    }
}

@Suite("Impossible combinations are marked")
struct ImpossibleCombinationTests {
    let kp = try! Flow(parsing: "KP-RU")
    func k(_ p: String, _ m: Measure = .total, _ c: String = "") -> FigureKey {
        FigureKey(flow: kp, period: try! Period(parsing: p), measure: m, category: c)
    }
    func resolver(_ rows: [String], coverage: String? = nil) throws -> Resolver {
        var files = RandomPackage.files(rows)
        if let coverage {
            files["coverage.csv"] = "observation,quarters,note\n" + coverage
            files["datapackage.json"] = files["datapackage.json"]!.replacingOccurrences(of: """
                {"name": "event_dates", "path": "event_dates.csv"}
            """, with: """
                {"name": "event_dates", "path": "event_dates.csv"},
                {"name": "coverage", "path": "coverage.csv"}
            """)
        }
        return Resolver(try PackageLoader.load(files: files, origin: "t"))
    }
    func row(_ n: Int, _ period: String, _ value: Int, _ m: String = "total", _ c: String = "") -> String {
        "a/\(n),KP-RU,\(period),\(m),\(c),\(value),,exact,\(value),FSB border service,a,P\(n),"
    }

    @Test("quarters that already come to more than their year mark both, and nothing is worked out below zero")
    func partsMoreThanTheWhole() throws {
        let r = try resolver([row(1, "2023", 101), row(2, "2023-Q1", 61), row(3, "2023-Q2", 51)])
        #expect(r.best(k("2023-H1"))?.value == 112)
        #expect(r.resolution(k("2023")).marked)
        #expect(r.resolution(k("2023-H1")).marked)
        #expect(r.best(k("2023-H2")) == nil)
        #expect(r.resolution(k("2023-Q1")).marked)
        #expect(r.resolution(k("2023-Q2")).marked)
        #expect(!Validator.findings(r.data).filter { $0.message.contains("2023 shows 101 but 2023-Q1 + 2023-Q2, part of it, already show 61 + 51") }.isEmpty)
    }

    @Test("a category more than a total that contains it marks both")
    func categoryMoreThanATotalThatContainsIt() throws {
        let r = try resolver([row(1, "2024-H1", 7), row(2, "2024-Q1", 9, "purpose", "study")])
        #expect(r.resolution(k("2024-H1")).marked)
        #expect(r.resolution(k("2024-Q1", .purpose, "study")).marked)
    }

    @Test("stated categories more than a worked-out total mark it, and leave no remainder")
    func categoriesMoreThanADifference() throws {
        let r = try resolver([row(1, "2023-H2", 100), row(2, "2023-Q3", 60), row(3, "2023-Q4", 50, "purpose", "study")])
        #expect(r.best(k("2023-Q4"))?.value == 40)
        #expect(r.resolution(k("2023-Q4")).marked)
        #expect(r.resolution(k("2023-Q4", .purpose, "study")).marked)
        #expect(r.notStated(flow: kp, period: try Period(parsing: "2023-Q4"), measure: .purpose) == nil)
    }

    @Test("a value covering part of its period is never the whole of a difference")
    func partialWholeIsNotSubtractedFrom() throws {
        let r = try resolver([row(1, "2024", 907), row(2, "2024-Q1", 301), row(3, "2024-Q2", 302), row(4, "2024-Q3", 303)],
                             coverage: "a/1,3,first three quarters\n")
        #expect(r.best(k("2024-Q4")) == nil)
        #expect(r.resolution(k("2024")).readingsCover == 3)
        #expect(!r.resolution(k("2024")).marked, "907 for three quarters is not compared with four quarters")
    }

    func approx(_ n: Int, _ period: String, _ value: Int) -> String {
        "a/\(n),KP-RU,\(period),total,,\(value),,about,about \(value),FSB border service,a,P\(n),"
    }

    @Test("a value covering part of its period is never a term of a difference either")
    func partialSiblingIsNotSubtracted() throws {
        let r = try resolver([row(1, "2023", 100), row(2, "2023-H1", 30), row(3, "2023-Q1", 20), row(4, "2023-Q3", 20)],
                             coverage: "a/2,1,January to March only\n")
        #expect(r.best(k("2023-H2")) == nil)
        #expect(r.best(k("2023-Q4")) == nil)
    }

    @Test("a half two sources disagree on: every candidate of what is worked out from it")
    func everyCandidateOfADisputedHalf() throws {
        var rows = [row(1, "2023-H1", 370), row(2, "2023-Q1", 153), row(3, "2023-Q2", 213), row(4, "2023", 1117)]
        rows.append("b/9,KP-RU,2023-H1,total,,366,,exact,366,FSB border service,b,P9,")
        let r = try resolver(rows)
        #expect(Set(r.resolution(k("2023-H2")).derivations.map(\.value)) == [747, 751])
        #expect(r.resolution(k("2023-H2")).marked)
    }

    @Test("a category worked out by difference completes the breakdown: nothing is left to break out")
    func noRemainderBesideADifference() throws {
        let r = try resolver([row(1, "2023", 100), row(2, "2023", 30, "transport", "air"), row(3, "2023", 20, "transport", "rail"),
                              row(4, "2023", 20, "transport", "road"), row(5, "2023", 0, "transport", "sea")])
        #expect(r.best(k("2023", .transport, "foot"))?.value == 30)
        #expect(r.notStated(flow: kp, period: try Period(parsing: "2023"), measure: .transport) == nil)
    }

    @Test("purposes more than a total summed from the modes are marked and reported")
    func twoBreakdownsOfLeaves() throws {
        let modes = ["air", "rail", "road", "sea", "foot"].enumerated().map { row(10 + $0.offset, "2023-Q1", 6, "transport", $0.element) }
        let r = try resolver(modes + [row(1, "2023-Q1", 50, "purpose", "study")])
        #expect(r.best(k("2023-Q1"))?.value == 30)
        #expect(r.resolution(k("2023-Q1")).marked)
        #expect(Validator.findings(r.data).contains { $0.message.contains("the stated categories add up to more than the total") })
    }

    @Test("quarters already more than an approximate year mark it")
    func quartersAboveAnApproximateYear() throws {
        let r = try resolver([approx(1, "2023", 1000), row(2, "2023-Q1", 400), row(3, "2023-Q2", 400), row(4, "2023-Q3", 400)])
        #expect(r.resolution(k("2023")).marked)
        #expect(r.resolution(k("2023-Q3")).marked)
    }

    @Test("the whole of a difference is never a derived value, even as a candidate")
    func candidatesTakeOnlyAReportedWhole() throws {
        let r = try resolver([row(1, "2023", 1117), row(2, "2023-H1", 371), row(3, "2023-H2", 749),
                              row(4, "2023-Q1", 153), row(5, "2023-Q2", 213), row(6, "2023-Q3", 365)])
        let q4 = r.resolution(k("2023-Q4"))
        #expect(q4.marked)
        for d in q4.derivations {
            // The year (1,117) or the second half (749) as printed; never 371 + 749 = 1,120.
            #expect([1117, 749].contains(d.terms[0].value), "\(d.formula): \(d.worked)")
            #expect(d.terms[0].derivation == nil)
        }
    }
}

/// Seeded random packages in the FSB's shape (five modes, a few purposes, quarters to years),
/// with some values reported wrongly, approximately, or not at all.
enum RandomPackage {
    typealias Generator = SplitMix64

    static func files(_ rows: [String]) -> [String: String] {
        var files = MiniPackage.files
        let cats = (Measure.purpose.fixedCategories.map { "purpose,\($0),\($0)," } + Measure.transport.fixedCategories.map { "transport,\($0),\($0)," })
        files["categories.csv"] = "measure,category,label,description\n" + cats.joined(separator: "\n") + "\n"
        files["sources.csv"] = "id,kind,outlet,title,date,url,file,credited_agency,chain,license,copyright,note\n"
            + ["a", "b", "c", "d", "e"].map { "\($0),press,Outlet \($0),,2025,,,,,,," }.joined(separator: "\n") + "\n"
            + "art,article,Example News,A title,2025-05-08,,000_a.txt,FSB,FSB border service > Example News,,,\n"
        files["event_dates.csv"] = "event,date,precision,printed,source,locator,note\nev,2025-04,late-month,at the end of April,a,P9,\n"
        files["observations.csv"] = MiniPackage.observationHeader + "\n" + rows.joined(separator: "\n") + "\n"
        return files
    }

    static func make(seed: UInt64) -> (files: [String: String], rows: Int) {
        var g = Generator(state: seed &* 7919 &+ 1)
        var rows: [String] = []
        var n = 0
        func chance(_ p: Double) -> Bool { Double.random(in: 0..<1, using: &g) < p }
        func emit(_ flow: String, _ period: String, _ measure: String, _ category: String, _ value: Int) {
            n += 1
            let source = ["a", "b", "c", "d", "e"].randomElement(using: &g)!
            if chance(0.12) {
                // Hedged: "about" a rounded value.
                let rounded = max(10, (value + 5) / 10 * 10)
                rows.append("\(source)/\(n),\(flow),\(period),\(measure),\(category),\(rounded),,about,about \(rounded),FSB border service,\(source),P\(n),")
            } else {
                let wrong = chance(0.08) ? value + Int.random(in: 1...40, using: &g) : value
                rows.append("\(source)/\(n),\(flow),\(period),\(measure),\(category),\(wrong),,exact,\(wrong),FSB border service,\(source),P\(n),")
            }
        }
        for flow in ["KP-RU", "RU-KP"] {
            for year in 2016...2019 {
                var quarters: [Int] = []
                for q in 1...4 {
                    let modes = (0..<5).map { _ in Int.random(in: 0...400, using: &g) }
                    let total = modes.reduce(0, +)
                    quarters.append(total)
                    let p = "\(year)-Q\(q)"
                    if chance(0.6) { emit(flow, p, "total", "", total) }
                    if chance(0.15) { emit(flow, p, "total", "", total) }   // a second source
                    let modesShown = chance(0.4)
                    for (i, m) in Measure.transport.fixedCategories.enumerated() where modesShown || chance(0.1) { emit(flow, p, "transport", m, modes[i]) }
                    // Purposes: study and work out of the total, the rest unstated.
                    if chance(0.3) {
                        let study = Int.random(in: 0...(total / 2), using: &g)
                        emit(flow, p, "purpose", "study", study)
                    }
                }
                for h in 1...2 where chance(0.35) { emit(flow, "\(year)-H\(h)", "total", "", quarters[2 * h - 2] + quarters[2 * h - 1]) }
                if chance(0.5) { emit(flow, "\(year)", "total", "", quarters.reduce(0, +)) }
            }
        }
        return (files(rows), n)
    }
}

