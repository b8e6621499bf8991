import CrossingsCore
@testable import CrossingsUI
import Testing

/// Found by the hostile review of issue 14.
@Suite struct ReviewFixTests {
    let size = Size(width: 80, height: 24)

    /// Sorting the Timeline by date is by when each event starts, not by its text ("2025-Q2" sorted after "2025-11-06").
    @Test func timelineSortsByDateInTimeOrder() throws {
        let sorted = try run(["2", "]"], size: size)
        let starts = sorted.pageItems().compactMap { item -> Int? in
            if case .event(let e) = item.content { return e.date?.start }
            return nil
        }
        #expect(starts.count > 10)
        #expect(starts == starts.sorted(by: >))
        let earliest = press(["["], on: sorted).state.pageItems().compactMap { item -> Int? in
            if case .event(let e) = item.content { return e.date?.start }
            return nil
        }
        #expect(earliest == earliest.sorted())
    }

    /// `p` on an event dated only by year (or half) opens that year (or half), not its first quarter.
    @Test func anEventDatedByYearOpensItsYear() throws {
        var state = try run(["2", "g"], size: size)
        var steps = 0
        while steps < 200 {
            if case .event(let e) = state.selectedItem?.content, e.date?.precision == .year { break }
            state = advance(state, .key(.down)).state
            steps += 1
        }
        guard case .event(let e) = state.selectedItem?.content, let date = e.date, date.precision == .year else {
            Issue.record("no event dated by year in the bundled timeline")
            return
        }
        let opened = advance(state, .key(.char("p"))).state
        #expect(opened.granularity == .year)
        #expect(opened.selectedItem?.countRow?.period == .year(date.start / 10000))
    }

    /// A change in percent is a number to a spreadsheet: no formula guard on it.
    @Test func signedPercentagesAreNumbers() {
        #expect(Export.field("+1083.6%") == "+1083.6%")
        #expect(Export.field("-92.1%") == "-92.1%")
        #expect(Export.field("+SUM(A1)") == "'+SUM(A1)")
        #expect(Export.field("=1+1") == "'=1+1")
    }
}
