import Testing
@testable import CrossingsCore

@Suite("Event dates")
struct EventDateTests {
    func date(_ d: String, _ p: EventDate.Precision, source: String = "s") -> EventDate {
        EventDate(eventID: "e", date: d, precision: p, printed: "", sourceID: source, locator: "L1", note: "",
                  location: Location(file: "f", line: 1))
    }

    @Test func bounds() {
        #expect(date("2025-05-07", .day).start == 20250507)
        #expect(date("2025-05-07", .day).end == 20250507)
        #expect((date("2025-04", .earlyMonth).start, date("2025-04", .earlyMonth).end) == (20250401, 20250410))
        #expect((date("2025-04", .midMonth).start, date("2025-04", .midMonth).end) == (20250411, 20250420))
        #expect((date("2025-04", .lateMonth).start, date("2025-04", .lateMonth).end) == (20250421, 20250430))
        #expect((date("2024-02", .lateMonth).start, date("2024-02", .lateMonth).end) == (20240221, 20240229))
        #expect((date("2023-02", .month).start, date("2023-02", .month).end) == (20230201, 20230228))
        #expect((date("2025-Q2", .quarter).start, date("2025-Q2", .quarter).end) == (20250401, 20250630))
        #expect((date("2025-Q4", .quarter).start, date("2025-Q4", .quarter).end) == (20251001, 20251231))
        #expect((date("2025-H2", .half).start, date("2025-H2", .half).end) == (20250701, 20251231))
        #expect((date("2025", .year).start, date("2025", .year).end) == (20250101, 20251231))
    }

    @Test func theTimelineShowsTheMostPreciseDateWhereSourcesAgreeAndTheEarliestWhereNot() {
        func event(_ dates: [EventDate]) -> Event {
            Event(id: "e", summary: "", tags: [], location: Location(file: "f", line: 1), dates: dates)
        }
        // "June 2024" and "19 June 2024" agree: the day is shown, whichever source comes first.
        let signed = event([date("2024-06", .month, source: "a"), date("2024-06-19", .day, source: "b")])
        #expect(!signed.datesDisagree)
        #expect(signed.date?.label == "19 June 2024")
        // "late April 2025" and "28 April 2025" agree, "7 May 2025" does not: the earliest, and the event is marked.
        let confirmed = event([date("2025-05-07", .day, source: "a"), date("2025-04", .lateMonth, source: "b"), date("2025-04-28", .day, source: "c")])
        #expect(confirmed.datesDisagree)
        #expect(confirmed.date?.label == "late April 2025")
    }

    @Test func leapYears() {
        #expect(EventDate.daysIn(2, 2024) == 29)
        #expect(EventDate.daysIn(2, 2023) == 28)
        #expect(EventDate.daysIn(2, 1900) == 28)
        #expect(EventDate.daysIn(2, 2000) == 29)
        #expect(EventDate.daysIn(4, 2025) == 30)
        #expect(EventDate.daysIn(12, 2025) == 31)
    }

    @Test func overlaps() {
        #expect(date("2025-04", .lateMonth).overlaps(date("2025-04-30", .day)))
        #expect(!date("2025-04", .lateMonth).overlaps(date("2025-05-07", .day)))
        #expect(date("2025-Q2", .quarter).overlaps(date("2025-05-07", .day)))
        #expect(!date("2025-04", .earlyMonth).overlaps(date("2025-04", .midMonth)))
        #expect(date("2025", .year).overlaps(date("2025-H2", .half)))
    }

    @Test func quarterOfADate() {
        #expect(date("2025-04-07", .day).quarter == .quarter(2025, 2))
        #expect(date("2025-03-31", .day).quarter == .quarter(2025, 1))
        #expect(date("2025-12", .month).quarter == .quarter(2025, 4))
        #expect(date("2025-H2", .half).quarter == .quarter(2025, 3))
    }

    @Test func labels() {
        #expect(date("2025-05-07", .day).label == "7 May 2025")
        #expect(date("2025-04", .lateMonth).label == "late April 2025")
        #expect(date("2025-04", .earlyMonth).label == "early April 2025")
        #expect(date("2025-04", .midMonth).label == "mid-April 2025")
        #expect(date("2019-12", .month).label == "December 2019")
        #expect(date("2025-Q2", .quarter).label == "2025-Q2")
    }

    @Test func eventDatesDisagreeOnlyWhenTheyDoNotOverlap() {
        var e = Event(id: "e", summary: "x", tags: ["data"], location: Location(file: "f", line: 1), dates: [])
        e.dates = [date("2025-04", .lateMonth, source: "a"), date("2025-Q2", .quarter, source: "b")]
        #expect(!e.datesDisagree)
        e.dates.append(date("2025-05-07", .day, source: "c"))
        #expect(e.datesDisagree)
        #expect(e.date?.date == "2025-Q2")   // the earliest start: 1 April
    }

    @Test func loadedEventsAreSortedByDateAndTheirDatesToo() throws {
        let files = MiniPackage.appending(["early,Earlier event.,diplomacy"], to: "events.csv")
            .merging(["event_dates.csv": "event,date,precision,printed,source,locator,note\nev,2025-04,late-month,,art,¶8,\nev,2025-04-20,day,,ds,L9,\nearly,2024,year,,ds,L1,\n"]) { $1 }
        let data = try PackageLoader.load(files: files, origin: "fx")
        #expect(data.events.map(\.id) == ["early", "ev"])
        #expect(data.events[1].dates.map(\.date) == ["2025-04-20", "2025-04"])
    }
}
