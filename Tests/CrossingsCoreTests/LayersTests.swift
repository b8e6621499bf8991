import Foundation
import Testing
@testable import CrossingsCore
import BundledData

/// `Dataset.layered`: one source defined in two packages is one source, and its same reading in
/// two packages one reading (docs/data-format.md, "Layering packages").
@Suite("Layered packages: shared sources and readings")
struct LayersTests {
    /// The annotated mini package as a second layer over the plain one: the same sources (rows
    /// identical), the same two readings under other ids, its own event and ratio, and coverage and
    /// an erratum on the readings that the first layer also holds.
    static func second(_ edit: (String) -> String = { $0 }) -> [String: String] {
        var f = AnnotatedPackage.files
        for name in ["observations.csv", "coverage.csv", "errata.csv"] {
            f[name] = f[name]!.replacingOccurrences(of: "art/1", with: "art/9").replacingOccurrences(of: "ds/1", with: "ds/9")
        }
        f["events.csv"] = f["events.csv"]!.replacingOccurrences(of: "\nev,", with: "\nev2,")
        f["event_dates.csv"] = f["event_dates.csv"]!.replacingOccurrences(of: "\nev,", with: "\nev2,")
        f["ratios.csv"] = f["ratios.csv"]!.replacingOccurrences(of: "\nr1,", with: "\nr2,")
        for (name, text) in f { f[name] = edit(text) }
        return f
    }

    func layered(_ first: [String: String], _ second: [String: String]) throws -> Dataset {
        try Dataset.layered([PackageLoader.load(files: first, origin: "one"), PackageLoader.load(files: second, origin: "two")])
    }

    func errors(_ first: [String: String], _ second: [String: String]) -> [String] {
        do {
            _ = try layered(first, second)
            return []
        } catch let failure as LoadFailure {
            return failure.diagnostics.map(\.description)
        } catch {
            return ["\(error)"]
        }
    }

    @Test func aSourceInTwoLayersIsOneSourceAndItsSameReadingsOneReading() throws {
        let data = try layered(MiniPackage.files, Self.second())
        #expect(data.sources.map(\.id) == ["art", "ds"])
        #expect(data.sources.allSatisfy { $0.location.file == "one/sources.csv" })
        // The first layer's rows are kept, ids and all.
        #expect(data.observations.map(\.id) == ["art/1", "ds/1"])
        #expect(data.observations.allSatisfy { $0.location.file == "one/observations.csv" })
        #expect(data.observations(for: key("KP-RU", "2024")).count == 1)
        // Both layers' events and ratios.
        #expect(Set(data.events.map(\.id)) == ["ev", "ev2"] && data.ratios.map(\.id) == ["r2"])
        // The second layer's coverage and erratum, on its dropped readings, now on the kept ones.
        #expect(data.coverage(ofObservation: "art/1")?.quarters == 3)
        let erratum = try #require(data.erratum(forObservation: "ds/1"))
        #expect(data.observations[erratum.row].id == "ds/1")
        #expect(data.coverage(ofObservation: "art/9") == nil && data.erratum(forObservation: "ds/9") == nil)
        #expect(Validator.findings(data).filter { $0.severity == .error }.isEmpty, "\(Validator.findings(data))")
    }

    @Test func aSourceDefinedTwoWaysIsAnErrorNamingBothRowsAndTheField() {
        let second = Self.second { $0.replacingOccurrences(of: "ds,dataset,Example Data,,,,,,,MIT,,", with: "ds,dataset,Example Data,,,https://example.org,,,,MIT,,") }
        #expect(errors(MiniPackage.files, second) == [
            "two/sources.csv:3:1: error: source id 'ds' is also in one/sources.csv:3:1 (another --data package) with a different url: 'https://example.org' here, '' there; one source must be defined alike in every package read together (rename one, or make the rows agree)",
        ])
    }

    /// A source giving another value for a key in a later package is another reading of it, as when
    /// one package gives both: kept and marked, never a refusal that depends on the packages' order.
    @Test func aSourceGivingTwoValuesForOneKeyIsTwoReadingsInEitherOrder() throws {
        let second = Self.second { $0.replacingOccurrences(of: "ds/9,KP-RU,2024-Q1,total,,100,,exact,100,", with: "ds/9,KP-RU,2024-Q1,total,,101,,exact,101,") }
        for (a, b) in [(MiniPackage.files, second), (second, MiniPackage.files)] {
            let data = try layered(a, b)
            let values = data.observations(for: key("KP-RU", "2024-Q1")).filter { $0.sourceID == "ds" }.map(\.value).sorted()
            #expect(values == [100, 101])
            #expect(Validator.findings(data).filter { $0.severity == .error }.isEmpty, "\(Validator.findings(data))")
        }
    }

    /// A package giving one reading twice (two rows, one value), layered with a copy of itself
    /// under other ids for the rest: matched row for row, in either order.
    @Test func aReadingGivenTwiceInOnePackageIsMatchedRowForRow() throws {
        let twice = MiniPackage.files["observations.csv"]! + "ds/2,KP-RU,2024-Q1,total,,100,,exact,100,FSB border service,ds,L2,\n"
        var first = MiniPackage.files
        first["observations.csv"] = twice
        var second = Self.second()
        second["observations.csv"]! += "ds/2,KP-RU,2024-Q1,total,,100,,exact,100,FSB border service,ds,L2,\n"
        for (a, b) in [(first, second), (second, first)] {
            let data = try layered(a, b)
            #expect(data.observations(for: key("KP-RU", "2024-Q1")).filter { $0.sourceID == "ds" }.count == 2)
        }
    }

    /// A copy of the bundled package read beside it (a user's package that copied some of its rows
    /// does the same): every source, reading, event and ratio once, in either order; the bundled
    /// package gives some readings twice and some keys two values from one source.
    @Test func aCopyOfTheBundledPackageBesideItIsTheBundledPackage() throws {
        let bundled = try PackageLoader.load(files: BundledData.files, origin: "data")
        let copy = try PackageLoader.load(files: BundledData.files, origin: "copy")
        for layers in [[copy, bundled], [bundled, copy]] {
            let data = try Dataset.layered(layers)
            #expect(data.observations.count == bundled.observations.count)
            #expect(data.sources.count == bundled.sources.count && data.events.count == bundled.events.count)
            #expect(data.ratios.count == bundled.ratios.count)
            #expect(data.coverageByObservation.count == bundled.coverageByObservation.count && data.erratumByObservation.count == bundled.erratumByObservation.count)
        }
        // An event of the same id that says something else is still an error.
        var changed = BundledData.files
        let events = try #require(changed["events.csv"])
        let line = try #require(events.split(separator: "\n").dropFirst().first)
        changed["events.csv"] = events.replacingOccurrences(of: String(line), with: String(line) + " (changed)")
        let other = try PackageLoader.load(files: changed, origin: "other")
        #expect(throws: LoadFailure.self) { try Dataset.layered([bundled, other]) }
    }

    @Test func coverageThatDisagreesOnOneReadingIsAnError() {
        var first = AnnotatedPackage.files
        first["coverage.csv"] = "observation,quarters,note\nart/1,2,two quarters of data\n"
        first["errata.csv"] = "observation,reason,source,locator\n"
        #expect(errors(first, Self.second()) == [
            "two/coverage.csv:2:1: error: coverage of 'art/9' says 3 quarters here and 2 at one/coverage.csv:2:1 (another --data package), for one reading",
        ])
    }

    @Test func anObservationIdForADifferentReadingStaysAnError() {
        // The same package, its event renamed, and ds/1 now a reading for another quarter: art/1 is
        // the same reading under the same id (one reading, no error), ds/1 a different one.
        var second = MiniPackage.files
        second["events.csv"] = second["events.csv"]!.replacingOccurrences(of: "\nev,", with: "\nev2,")
        second["event_dates.csv"] = second["event_dates.csv"]!.replacingOccurrences(of: "\nev,", with: "\nev2,")
        second["observations.csv"] = second["observations.csv"]!.replacingOccurrences(of: "ds/1,KP-RU,2024-Q1", with: "ds/1,KP-RU,2024-Q2")
        #expect(errors(MiniPackage.files, second) == [
            "two/observations.csv:3:1: error: observation id 'ds/1' is also in one/observations.csv:3:1 (another --data package); ids must be unique across the packages read together",
        ])
    }

    /// The import writes the compilation's source row as the bundled package does, so that the two can be layered.
    @Test func theImportWritesTheBundledRowForTheCompilation() throws {
        var importer = RussiaInOutImporter()
        try importer.read(Array("ENG,Trans,Type,Value,ISO_A2,ISO_A3,M49,Date\r\n\"Korea, DR\",Air,In,\"1,239\",KP,PRK,408,3/31/2010\r\n".utf8),
                          file: "Russia_in_master.csv")
        let imported = try PackageLoader.load(files: Dictionary(uniqueKeysWithValues: importer.packageFiles().map { ($0.name, $0.text) }), origin: "full")
        let bundled = try PackageLoader.load(files: BundledData.files, origin: "data")
        let a = try #require(imported.sourceByID[RussiaInOutImporter.sourceID]), b = try #require(bundled.sourceByID[RussiaInOutImporter.sourceID])
        #expect(Dataset.sourceDifference(a, b) == nil)
    }

    /// The real compilation's KP and CN rows (CrossingsCLITests/Fixtures/russia-in-out-slice),
    /// imported in memory and read beside the bundled package.
    static func importedSlice() throws -> Dataset {
        let slice = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
            .appendingPathComponent("CrossingsCLITests/Fixtures/russia-in-out-slice")
        var importer = RussiaInOutImporter()
        for name in ["Russia_in_master.csv", "Russia_out_master.csv"] {
            try importer.read(Array(try Data(contentsOf: slice.appendingPathComponent(name))), file: name)
        }
        return try PackageLoader.load(files: Dictionary(uniqueKeysWithValues: importer.packageFiles().map { ($0.name, $0.text) }), origin: "full")
    }

    /// The ranking of the compilation's years is the import's alone (rank, value, change): the
    /// bundled KP rows are the same readings, not a second source. (A value's citations may add a
    /// bundled press figure of another source that agrees, as RU-KP 2011-Q3's 3,093 does.)
    @Test func theRankingOfTheCompilationsYearsIsTheImportsAlone() throws {
        let full = try Self.importedSlice()
        let both = try Dataset.layered([full, PackageLoader.load(files: BundledData.files, origin: "bundled", filePrefix: "bundled:")])
        let (alone, layered) = (DatasetIndex(full), DatasetIndex(both))
        let (r1, r2) = (Resolver(full), Resolver(both))
        for year in 2010...2019 {
            for direction in Direction.allCases {
                let a = alone.ranking(period: .year(year), direction: direction, resolver: r1)
                let b = layered.ranking(period: .year(year), direction: direction, resolver: r2).filter { $0.figure != nil }
                func shown(_ rows: [RankRow]) -> [String] {
                    rows.map { "\($0.rank.map(String.init) ?? "-") \($0.code) \($0.figure.map { "\($0.value.printed) \($0.value.value)" } ?? "") \($0.change.map { "\($0.current.value) \($0.previous.value) \($0.isDerived) \($0.partialCoverage ?? 4)" } ?? "") \($0.noChange ?? "")" }
                }
                #expect(a.count == 2 && shown(b) == shown(a), "\(year) \(direction): \(shown(a)) VERSUS \(shown(b))")
            }
        }
    }
}
