import CrossingsCore
@testable import CrossingsUI
import Foundation
import Testing

/// `crossings figures --shown --measure purpose/study` prints, byte for byte, the rows `e` exports
/// from that category's Series: the same header, marks, gaps and citation column.
@Suite(.enabled(if: EndToEnd.binary != nil, "the crossings executable is not built (swift build first)"))
struct SeriesExportParityTests {
    let size = Size(width: 80, height: 24)

    func output(_ arguments: [String]) throws -> String {
        let run = try EndToEnd.run(arguments)
        #expect(run.status == 0, "crossings \(arguments.joined(separator: " "))")
        return run.output
    }

    func exported(_ s: State) throws -> ExportTable {
        try #require(update(s, .export).effects.first.flatMap { if case .export(let t) = $0 { t } else { nil } })
    }

    /// The series the goal's keys open (study entries by year), as a journalist gets there.
    @Test func studyByYearFromTheKeys() throws {
        let s = try run(SeriesTests.goalKeys, size: size)
        let key = try #require(s.current.page.figure)
        #expect(s.current.page.kind == .series && key.category == "study" && s.granularity == .year)
        let t = try exported(s)
        #expect(t.rows.count > 10)
        #expect(try output(["figures", "--shown", "--format", "csv", "--flow", key.flow.description, "--measure", "purpose/study",
                            "--by", "year"]) == t.csv)
    }

    /// Every granularity, a transport category, and another flow.
    @Test(arguments: [("purpose", "study", Period.Granularity.quarter), ("purpose", "study", .half),
                      ("transport", "rail", .quarter), ("purpose", "tourism", .year)])
    func seriesOfEachGranularity(_ measure: String, _ category: String, _ granularity: Period.Granularity) throws {
        for flow in ["KP-RU", "RU-KP"] {
            var s = State(data: try Fixture.dataset(), size: size)
            s.granularity = granularity
            let key = FigureKey(flow: try Flow(parsing: flow), period: .year(2024), measure: Measure(rawValue: measure)!, category: category)
            s.stack = s.stack + [PageState(.series(key))]
            let t = try exported(s)
            #expect(!t.rows.isEmpty)
            #expect(try output(["figures", "--shown", "--format", "csv", "--flow", flow, "--measure", "\(measure)/\(category)",
                                "--by", granularity.rawValue]) == t.csv, "\(flow) \(measure)/\(category) by \(granularity)")
        }
    }

    /// Within years (the explorer's year facets, the command's --from and --to).
    @Test func seriesWithinYears() throws {
        var s = try run(SeriesTests.goalKeys, size: size)
        s.facets.fromYear = 2012
        s.facets.toYear = 2019
        let t = try exported(s)
        #expect(t.rows.count == 8)
        #expect(try output(["figures", "--shown", "--format", "csv", "--flow", "KP-RU", "--measure", "purpose/study", "--by", "year",
                            "--from", "2012", "--to", "2019"]) == t.csv)
    }
}
