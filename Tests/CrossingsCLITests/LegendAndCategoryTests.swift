import Foundation
import Testing

/// A table's legend explains the marks its rows carry, and only those; `--measure purpose/study`
/// selects one category, in the table and in `--shown`.
@Suite(.enabled(if: Binary.available, "the crossings executable was not built"))
struct LegendAndCategoryTests {
    /// Each mark of `figures`: how a row shows it, and how the legend names it.
    static let figureMarks: [(shown: String, legend: String)] = [
        (#" ~[0-9]"#, "~ about, or rounded"), (#" >[0-9]"#, "> more than"), (#" >=[0-9]"#, ">= at least"),
        (#" <[0-9]"#, "< fewer than"), (#" <=[0-9]"#, "<= at most"), (#"  \*|%\*"#, "* derived"),
        (#"!"#, "! the values for this figure cannot all be true"), (#"  x\["#, "x erratum"),
    ]

    @Test(arguments: [
        ["--flow", "RU-KP", "--from", "2021", "--to", "2025", "--by", "year", "--measure", "total"],
        ["--flow", "KP-RU", "--from", "2023", "--to", "2024", "--measure", "total"],
        ["--flow", "KP-RU", "--measure", "purpose/study"],
        ["--flow", "RU-TR", "--flow", "RU-EG", "--from", "2024", "--to", "2025"],
        ["--flow", "KP-RU", "--from", "2012", "--to", "2012", "--by", "year"],
    ])
    func figuresLegendListsTheMarksOfItsRows(_ arguments: [String]) throws {
        let run = try Binary.run(["figures"] + arguments)
        #expect(run.status == 0, "\(run.stderr)")
        let parts = run.stdout.components(separatedBy: "\n\n")
        let body = parts[0], legend = parts.count > 1 ? parts[1] : ""
        for mark in Self.figureMarks {
            let shown = body.contains(try Regex(mark.shown))
            #expect(legend.contains(mark.legend) == shown, "\(arguments.joined(separator: " ")): '\(mark.legend)' \(shown ? "missing from" : "in") the legend, \(shown ? "though" : "but no") row carries it")
        }
        #expect(legend.contains("Y/Y: change on the same period a year earlier"))
        #expect(legend.contains("Sources: `crossings sources ID`"))
    }

    @Test func eventsLegendOnlyWhereDatesDisagree() throws {
        let education = try Binary.run(["events", "--tag", "education"])
        #expect(education.status == 0)
        #expect(!education.stdout.contains(" !"), "no education event has disagreeing dates (else pick another tag)")
        #expect(!education.stdout.contains("sources give different dates"))
        let all = try Binary.run(["events"])
        #expect(all.stdout.contains(" !") && all.stdout.contains("! sources give different dates"))
    }

    @Test func aCategoryOfAMeasure() throws {
        let run = try Binary.run(["figures", "--flow", "KP-RU", "--measure", "purpose/study", "--format", "csv"])
        #expect(run.status == 0)
        let rows = csvRows(run.stdout)
        #expect(!rows.isEmpty && rows.allSatisfy { $0["measure"] == "purpose" && $0["category"] == "study" })
        #expect(rows.contains { $0["period"] == "2024" && $0["display"] == "7,887" })
        let both = try Binary.run(["figures", "--flow", "KP-RU", "--measure", "purpose/study", "--measure", "total", "--format", "csv"])
        #expect(Set(csvRows(both.stdout).map { $0["measure"]! + "/" + $0["category"]! }) == ["purpose/study", "total/"])

        let unknown = try Binary.run(["figures", "--measure", "purpose/studies"])
        #expect(unknown.status == 2 && unknown.stdout.isEmpty)
        #expect(unknown.stderr.contains("no category 'studies' of purpose (categories: official, business, tourism, private, study,"))
        let total = try Binary.run(["figures", "--measure", "total/x"])
        #expect(total.status == 2, "total has no categories")
    }

    /// `--shown --measure purpose/study`: the Series rows (the UI tests compare them with `e`
    /// byte for byte); a measure alone is not a series.
    @Test func shownSeriesOfACategory() throws {
        let run = try Binary.run(["figures", "--shown", "--format", "csv", "--flow", "KP-RU", "--measure", "purpose/study", "--by", "year"])
        #expect(run.status == 0, "\(run.stderr)")
        #expect(run.stdout.hasPrefix("flow,period,measure,category,label,value,high,marks,display,sources,source_ids,citation\n"))
        let rows = csvRows(run.stdout)
        #expect(rows.count >= 15 && rows.allSatisfy { $0["category"] == "study" && $0["label"] == "study" })
        let y2019 = try #require(rows.first { $0["period"] == "2019" })
        #expect(y2019["marks"] == "~" && y2019["display"] == "~3,200" && y2019["citation"]!.contains("Politico Europe"))
        let gap = try #require(rows.first { $0["period"] == "2013" })
        #expect(gap["value"] == "" && gap["citation"]!.hasPrefix("no figure"))

        let measureAlone = try Binary.run(["figures", "--shown", "--format", "csv", "--measure", "purpose"])
        #expect(measureAlone.status == 2 && measureAlone.stderr.contains("purpose/CATEGORY"))
    }
}
