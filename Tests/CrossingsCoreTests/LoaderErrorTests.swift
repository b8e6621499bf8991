import Testing
@testable import CrossingsCore

/// One extra observation row (line 4 of fx/observations.csv) with a single field changed.
/// Fields: id,flow,period,measure,category,value,high,qualifier,printed,producer,source,locator,note
private let goodRow = ["x/1", "KP-RU", "2024-Q2", "total", "", "200", "", "exact", "200", "FSB border service", "ds", "L3", ""]
private let fieldIndex = Dictionary(uniqueKeysWithValues: MiniPackage.observationHeader.split(separator: ",").enumerated().map { (String($1), $0) })

private func row(_ changes: [String: String]) -> String {
    var r = goodRow
    for (name, value) in changes { r[fieldIndex[name]!] = value }
    return r.joined(separator: ",")
}

@Suite("PackageLoader errors")
struct LoaderErrorTests {
    /// The one diagnostic a package fails with.
    func onlyError(_ files: [String: String], sourceLocation: SourceLocation = #_sourceLocation) -> Diagnostic? {
        let ds = loadErrors(files, sourceLocation: sourceLocation)
        #expect(ds.count == 1, "diagnostics: \(ds)", sourceLocation: sourceLocation)
        #expect(ds.allSatisfy { $0.severity == .error }, sourceLocation: sourceLocation)
        return ds.first
    }

    /// The one diagnostic in `file`; a broken file may make rows elsewhere fail too
    /// (event dates of an event that was rejected), which is checked separately.
    func onlyError(in file: String, _ files: [String: String], sourceLocation: SourceLocation = #_sourceLocation) -> Diagnostic? {
        let ds = loadErrors(files, sourceLocation: sourceLocation).filter { $0.location.file == file }
        #expect(ds.count == 1, "diagnostics: \(ds)", sourceLocation: sourceLocation)
        return ds.first
    }

    /// A bad value in one field of the extra observation row: error at that field.
    func expectFieldError(_ field: String, _ value: String, _ fragment: String, sourceLocation: SourceLocation = #_sourceLocation) {
        let line = row([field: value])
        guard let d = onlyError(MiniPackage.withObservation(line), sourceLocation: sourceLocation) else { return }
        let column = columnOfField(fieldIndex[field]!, in: line)
        #expect(d.location.description == "fx/observations.csv:4:\(column)", sourceLocation: sourceLocation)
        #expect(d.message.contains(fragment), "message: \(d.message)", sourceLocation: sourceLocation)
    }

    @Test func basePackageLoads() throws {
        let data = try PackageLoader.load(files: MiniPackage.files, origin: "fx")
        #expect(data.observations.count == 2)
        #expect(data.sources.count == 2)
        #expect(data.observations[0].printed == "nearly 13,000")
        #expect(data.observations[1].location.description == "fx/observations.csv:3:1")
        // The extra row itself is valid.
        let more = try PackageLoader.load(files: MiniPackage.withObservation(row([:])), origin: "fx")
        #expect(more.observations.count == 3)
        #expect(more.observations[2].value == 200)
    }

    @Test func goodRowColumnsAreCountedByHand() {
        // A hand check of the helper the other tests use: "x/1,KP-RU,2024-Q2,total,,200,..."
        let line = row([:])
        #expect(columnOfField(0, in: line) == 1)
        #expect(columnOfField(1, in: line) == 5)
        #expect(columnOfField(2, in: line) == 11)
        #expect(columnOfField(5, in: line) == 26)
        #expect(columnOfField(6, in: line) == 30)
        #expect(columnOfField(10, in: line) == 60)
        #expect(columnOfField(11, in: line) == 63)
    }

    // MARK: CSV shape

    @Test func tooManyFields() throws {
        let line = row([:]) + ",extra"
        let d = try #require(onlyError(MiniPackage.withObservation(line)))
        // The 14th field starts just after the 13 expected ones.
        #expect(d.location.description == "fx/observations.csv:4:\(line.count - "extra".count + 1)")
        #expect(d.message.contains("expected 13 fields, found 14"))
    }

    @Test func tooFewFields() throws {
        let line = goodRow.dropLast().joined(separator: ",")   // no note column
        let d = try #require(onlyError(MiniPackage.withObservation(line)))
        // Reported just past the end of the row.
        #expect(d.location.description == "fx/observations.csv:4:\(line.count + 1)")
        #expect(d.message.contains("expected 13 fields, found 12"))
    }

    @Test func headerMismatch() throws {
        let files = MiniPackage.with(["countries.csv": "code,nam\nKP,North Korea\nRU,Russia\n"])
        let d = try #require(onlyError(in: "fx/countries.csv", files))
        #expect(d.location.description == "fx/countries.csv:1:6")
        #expect(d.message.contains("column 2 is 'nam', expected 'name'"))
    }

    @Test func headerMissingAColumn() throws {
        let d = try #require(onlyError(in: "fx/events.csv", MiniPackage.with(["events.csv": "id,summary\nev,Something happened.\n"])))
        // The header "id,summary" ends at column 10.
        #expect(d.location.description == "fx/events.csv:1:11")
        #expect(d.message.contains("missing column 'tags'"))
    }

    @Test func unterminatedQuote() throws {
        let line = "x/1,KP-RU,2024-Q2,total,,200,,exact,\"200,FSB border service,ds,L3,"
        let d = try #require(onlyError(MiniPackage.withObservation(line)))
        #expect(d.location.description == "fx/observations.csv:4:37")
        #expect(d.message.contains("unterminated quoted field"))
    }

    // MARK: values

    @Test func badNumberWithLetters() {
        expectFieldError("value", "12a", "not a whole number")
    }

    @Test func numberWithThousandsSeparator() throws {
        // Written as "1,000" (quoted, so the row still has 13 fields).
        let line = "x/1,KP-RU,2024-Q2,total,,\"1,000\",,exact,\"1,000\",FSB border service,ds,L3,"
        let d = try #require(onlyError(MiniPackage.withObservation(line)))
        #expect(d.location.description == "fx/observations.csv:4:26")
        #expect(d.message.contains("'1,000', not a whole number"))
    }

    @Test func badNumbers() {
        expectFieldError("value", "12.5", "not a whole number")
        expectFieldError("value", "+12", "not a whole number")
        expectFieldError("value", " 12", "not a whole number")
    }

    /// Plain digits that overflow: told so, not "write plain digits" (issue 11 corpus, 016 and 066).
    @Test func tooManyDigits() {
        // A trillion, as in a draft (`crossings check`): the data holds no count the checker calls too large.
        expectFieldError("value", "1000000000000", "'value' is '1000000000000', 13 digits: too large to be a count (at most 12 digits, below a trillion)")
        expectFieldError("value", "9223372036854775807", "'value' is '9223372036854775807', 19 digits: too large to be a count (at most 12 digits, below a trillion)")
        expectFieldError("value", "99999999999999999999999", "23 digits: too large to be a count")
    }

    @Test func negativeValue() {
        expectFieldError("value", "-5", "counts cannot be negative")
    }

    @Test func emptyValue() {
        expectFieldError("value", "", "'value' is required")
    }

    @Test func badPeriod() {
        expectFieldError("period", "2024-Q5", "'2024-Q5' is not a period")
        expectFieldError("period", "24", "'24' is not a period")
    }

    @Test func badFlow() {
        expectFieldError("flow", "KP-KR", "'KP-KR' is not a flow")
        expectFieldError("flow", "KPRU", "is not a flow")
        expectFieldError("flow", "kp-ru", "is not a flow")
    }

    @Test func flowBetweenRussiaAndItself() {
        expectFieldError("flow", "RU-RU", "'RU-RU' is not a flow")
    }

    @Test func rangeOfPeriodsOnlyForAveragesAndEstimates() {
        expectFieldError("period", "2010..2019", "a range of periods is only for annual-average and estimate rows")
        let line = row(["measure": "annual-average", "period": "2019"])
        let d = onlyError(MiniPackage.withObservation(line))
        #expect(d?.location.description == "fx/observations.csv:4:\(columnOfField(2, in: line))")
        #expect(d?.message.contains("an annual-average covers a range of years") == true)
    }

    @Test func annualAverageOverARangeLoads() throws {
        let data = try PackageLoader.load(files: MiniPackage.withObservation(row(["measure": "annual-average", "period": "2010..2019"])), origin: "fx")
        let o = try #require(data.observations.first { $0.id == "x/1" })
        #expect(o.key.period == .range(.year(2010), .year(2019)))
        #expect(o.key.measure == .annualAverage)
    }

    @Test func badCountryAndCategoryRows() throws {
        let c = try #require(onlyError(in: "fx/countries.csv", MiniPackage.appending(["Kp,Lower case"], to: "countries.csv")))
        #expect(c.location.description == "fx/countries.csv:4:1")
        #expect(c.message.contains("country code 'Kp' is not two capital letters"))
        let k = try #require(onlyError(MiniPackage.appending(["purpose,Work,work,"], to: "categories.csv")))
        #expect(k.location.description == "fx/categories.csv:4:9")
        #expect(k.message.contains("category 'Work' must be lower-case"))
        let t = try #require(onlyError(MiniPackage.appending(["total,all,all,"], to: "categories.csv")))
        #expect(t.location.description == "fx/categories.csv:4:1")
        #expect(t.message.contains("'total' has no categories"))
    }

    @Test func badSourceRows() throws {
        // id,kind,outlet,title,date,... : "x,press,Outlet,," is 16 characters, so date is at column 17.
        let date = try #require(onlyError(MiniPackage.appending(["x,press,Outlet,,2025-13,,,,,,,"], to: "sources.csv")))
        #expect(date.location.description == "fx/sources.csv:4:17")
        #expect(date.message.contains("date '2025-13' is not YYYY, YYYY-MM or YYYY-MM-DD"))
        let kind = try #require(onlyError(MiniPackage.appending(["x,blog,Outlet,,,,,,,,,"], to: "sources.csv")))
        #expect(kind.location.description == "fx/sources.csv:4:3")
        #expect(kind.message.contains("'kind' is 'blog'"))
        let id = try #require(onlyError(MiniPackage.appending(["Big Id,press,Outlet,,,,,,,,,"], to: "sources.csv")))
        #expect(id.location.description == "fx/sources.csv:4:1")
        #expect(id.message.contains("source id 'Big Id' must be lower-case"))
    }

    @Test func badMeasureAndQualifier() {
        expectFieldError("measure", "totals", "'measure' is 'totals'; expected one of")
        expectFieldError("qualifier", "roughly", "'qualifier' is 'roughly'; expected one of")
    }

    @Test func categoryRules() {
        expectFieldError("category", "study", "measure 'total' takes no category")
        let line = row(["measure": "purpose"])
        let d = onlyError(MiniPackage.withObservation(line))
        #expect(d?.location.description == "fx/observations.csv:4:\(columnOfField(4, in: line))")
        #expect(d?.message.contains("measure 'purpose' needs a category") == true)
    }

    @Test func missingRequiredFields() {
        expectFieldError("locator", "", "'locator' is required")
        expectFieldError("source", "", "'source' is required")
        expectFieldError("printed", "", "'printed' is required")
        expectFieldError("producer", "", "'producer' is required")
        expectFieldError("id", "", "'id' is required")
        expectFieldError("producer", " FSB", "spaces at its start or end")
    }

    @Test func rangeWithoutHigh() {
        // Reported at the empty 'high' field, not at 'qualifier'.
        let line = row(["qualifier": "range"])
        let d = onlyError(MiniPackage.withObservation(line))
        #expect(d?.location.description == "fx/observations.csv:4:\(columnOfField(6, in: line))")
        #expect(d?.message.contains("a range needs its upper end in 'high'") == true)
    }

    @Test func highBelowValue() {
        let line = row(["qualifier": "range", "high": "150"])
        let d = onlyError(MiniPackage.withObservation(line))
        #expect(d?.location.description == "fx/observations.csv:4:\(columnOfField(6, in: line))")
        #expect(d?.message.contains("'high' (150) is below 'value' (200)") == true)
    }

    @Test func highWithoutRange() {
        expectFieldError("high", "300", "'high' is only for the qualifier 'range'")
    }

    @Test func rangeLoadsWithHigh() throws {
        let data = try PackageLoader.load(files: MiniPackage.withObservation(row(["qualifier": "range", "high": "500"])), origin: "fx")
        let o = try #require(data.observations.first { $0.id == "x/1" })
        #expect(o.value == 200 && o.high == 500 && o.qualifier == .range)
    }

    // MARK: references (reported at the row)

    @Test func unknownSource() throws {
        let d = try #require(onlyError(MiniPackage.withObservation(row(["source": "nope"]))))
        #expect(d.location.description == "fx/observations.csv:4:1")
        #expect(d.message.contains("cites source 'nope', which is not in sources.csv"))
    }

    @Test func unknownCategory() throws {
        let d = try #require(onlyError(MiniPackage.withObservation(row(["measure": "purpose", "category": "work"]))))
        #expect(d.location.description == "fx/observations.csv:4:1")
        #expect(d.message.contains("category 'purpose/work' is not in categories.csv"))
    }

    @Test func unknownCountry() throws {
        let d = try #require(onlyError(MiniPackage.withObservation(row(["flow": "CN-RU"]))))
        #expect(d.location.description == "fx/observations.csv:4:1")
        #expect(d.message.contains("country 'CN' is not in countries.csv"))
    }

    @Test func duplicateObservationID() throws {
        let d = try #require(onlyError(MiniPackage.withObservation(row(["id": "ds/1"]))))
        #expect(d.location.description == "fx/observations.csv:4:1")
        #expect(d.message.contains("duplicate observation id 'ds/1' (first at line 3)"))
    }

    @Test func duplicateSourceID() throws {
        let d = try #require(onlyError(MiniPackage.appending(["ds,press,Someone else,,,,,,,,,"], to: "sources.csv")))
        #expect(d.location.description == "fx/sources.csv:4:1")
        #expect(d.message.contains("duplicate source id 'ds' (first at line 3)"))
    }

    @Test(arguments: ["p6", "6", "¶", "¶0", "¶x", "¶6a", "¶ 6", "para 6"])
    func articleLocatorMustBeParagraph(_ locator: String) throws {
        let d = try #require(onlyError(MiniPackage.withObservation(row(["source": "art", "locator": locator]))))
        #expect(d.location.description == "fx/observations.csv:4:1")
        #expect(d.message.contains("a locator in an article is a paragraph, ¶N (found '\(locator)')"))
    }

    @Test(arguments: ["¶1", "¶12", "¶06", "¶" + String(repeating: "9", count: 25)])
    func articleLocatorParagraphLoads(_ locator: String) throws {
        let data = try PackageLoader.load(files: MiniPackage.withObservation(row(["source": "art", "locator": locator])), origin: "fx")
        #expect(data.observations.contains { $0.locator == locator })
    }

    // MARK: events

    @Test(arguments: [("2025-04", "day"), ("2025-04-31", "day"), ("2025-04-07", "month"), ("2025-Q2", "month"),
                      ("2025-H1", "quarter"), ("2025-Q5", "quarter"), ("2025-04", "year"), ("2025", "half"), ("2025-13", "month"),
                      ("+025", "year"), ("-025-04", "month"), ("2025-4", "month"), ("2025-04-7", "day")])
    func eventDateMustFitPrecision(_ date: String, _ precision: String) throws {
        let line = "ev,\(date),\(precision),,art,¶9,"
        let d = try #require(onlyError(MiniPackage.appending([line], to: "event_dates.csv")))
        #expect(d.location.description == "fx/event_dates.csv:3:4")
        #expect(d.message.contains("date '\(date)' does not fit precision '\(precision)'"))
    }

    @Test(arguments: [("2025-05-07", "day"), ("2024-02-29", "day"), ("2025-04", "early-month"), ("2025-04", "mid-month"),
                      ("2025-Q2", "quarter"), ("2025-H2", "half"), ("2025", "year")])
    func eventDatesThatFit(_ date: String, _ precision: String) throws {
        let data = try PackageLoader.load(files: MiniPackage.appending(["ev,\(date),\(precision),,art,¶9,"], to: "event_dates.csv"), origin: "fx")
        #expect(data.events[0].dates.count == 2)
    }

    @Test func leapDayOnlyInLeapYears() throws {
        let d = try #require(onlyError(MiniPackage.appending(["ev,2025-02-29,day,,art,¶9,"], to: "event_dates.csv")))
        #expect(d.message.contains("does not fit precision 'day'"))
    }

    @Test func eventWithoutDate() throws {
        let d = try #require(onlyError(MiniPackage.appending(["lonely,Nothing dates this.,data"], to: "events.csv")))
        #expect(d.location.description == "fx/events.csv:3:1")
        #expect(d.message.contains("event 'lonely' has no date"))
    }

    @Test func eventDateForUnknownEvent() throws {
        let d = try #require(onlyError(MiniPackage.appending(["ghost,2025-04,month,,art,¶9,"], to: "event_dates.csv")))
        #expect(d.location.description == "fx/event_dates.csv:3:1")
        #expect(d.message.contains("event date for 'ghost', which is not in events.csv"))
    }

    @Test func unknownTag() throws {
        let d = try #require(onlyError(in: "fx/events.csv", MiniPackage.with(["events.csv": "id,summary,tags\nev,Something happened.,data;gossip\n"])))
        // "ev,Something happened.," is 23 characters.
        #expect(d.location.description == "fx/events.csv:2:24")
        #expect(d.message.contains("unknown tag 'gossip'"))
    }

    // MARK: the descriptor

    @Test func missingDescriptor() throws {
        let d = try #require(onlyError(MiniPackage.with(["datapackage.json": nil])))
        #expect(d.location.description == "fx/datapackage.json:1:1")
        #expect(d.message.contains("no datapackage.json"))
    }

    @Test func invalidJSON() throws {
        let d = try #require(onlyError(MiniPackage.with(["datapackage.json": "{\"resources\": [ "])))
        // Where the text ends: the list is never closed.
        #expect(d.location.description == "fx/datapackage.json:1:17")
        #expect(d.message == "datapackage.json is not valid JSON: unexpected end of file during JSON parse")
    }

    @Test func schemaFieldsThatDoNotMatch() throws {
        let descriptor = MiniPackage.descriptor.replacingOccurrences(of: "[{\"name\": \"code\"}, {\"name\": \"name\"}]",
                                                                     with: "[{\"name\": \"code\"}, {\"name\": \"label\"}]")
        #expect(descriptor != MiniPackage.descriptor)
        let d = try #require(onlyError(MiniPackage.with(["datapackage.json": descriptor])))
        // The countries resource is on line 4 of the descriptor.
        #expect(d.location.description == "fx/datapackage.json:4:1")
        #expect(d.message.contains("the schema of 'countries' lists fields code,label; crossings reads code,name"))
    }

    @Test func resourceMissingFromDescriptor() throws {
        let descriptor = MiniPackage.descriptor.replacingOccurrences(of: "{\"name\": \"events\", \"path\": \"events.csv\"},", with: "")
        #expect(descriptor != MiniPackage.descriptor)
        let ds = loadErrors(MiniPackage.with(["datapackage.json": descriptor]))
        let d = try #require(ds.first { $0.location.file == "fx/datapackage.json" })
        #expect(d.location.description == "fx/datapackage.json:1:1")
        #expect(d.message.contains("lists no 'events' resource"))
    }

    @Test func descriptorWithoutResources() throws {
        let d = try #require(onlyError(MiniPackage.with(["datapackage.json": "{\"name\": \"x\"}"])))
        #expect(d.location.description == "fx/datapackage.json:1:1")
        #expect(d.message.contains("no \"resources\" list"))
    }

    @Test func emptyFile() throws {
        let d = try #require(onlyError(in: "fx/countries.csv", MiniPackage.with(["countries.csv": ""])))
        #expect(d.location.description == "fx/countries.csv:1:1")
        #expect(d.message.contains("the file is empty"))
    }

    @Test func resourceFileMissing() throws {
        let d = try #require(onlyError(in: "fx/datapackage.json", MiniPackage.with(["events.csv": nil])))
        #expect(d.location.file == "fx/datapackage.json")
        #expect(d.message.contains("names events.csv, which does not exist"))
    }

    // MARK: the whole package

    @Test func byteOrderMarkAndCRLFLoad() throws {
        var files: [String: String] = [:]
        for (name, text) in MiniPackage.files {
            files[name] = name.hasSuffix(".csv") ? "\u{FEFF}" + text.replacingOccurrences(of: "\n", with: "\r\n") : text
        }
        let data = try PackageLoader.load(files: files, origin: "fx")
        let plain = try PackageLoader.load(files: MiniPackage.files, origin: "fx")
        #expect(Array(data.observations) == Array(plain.observations))
        #expect(data.sources == plain.sources)
        #expect(data.events == plain.events)
        #expect(data.observations.map(\.note) == ["", ""])
        #expect(data.observations.map(\.location.line) == [2, 3])
    }

    @Test func blankLinesBetweenRowsAreSkippedAndCounted() throws {
        var files = MiniPackage.files
        files["observations.csv"] = ([MiniPackage.observationHeader, ""] + MiniPackage.observationRows + ["", ""]).joined(separator: "\n") + "\n"
        let data = try PackageLoader.load(files: files, origin: "fx")
        #expect(data.observations.map(\.location.line) == [3, 4])
    }

    @Test func aPackageWithErrorsIsNotLoadedAndEveryErrorIsReported() throws {
        var files = MiniPackage.withObservation(row(["value": "12a"]))
        files["sources.csv"]! += "bad,article,No file for its paragraphs,,,,,,,,,\n"
        var loaded: Dataset?
        #expect(throws: LoadFailure.self) { loaded = try PackageLoader.load(files: files, origin: "fx") }
        #expect(loaded == nil)
        let ds = loadErrors(files)
        #expect(ds.count == 2, "\(ds)")
        // Sorted by file, then line.
        #expect(ds.map(\.location.file) == ["fx/observations.csv", "fx/sources.csv"])
        #expect(ds[0].location.description == "fx/observations.csv:4:26")
        #expect(ds[1].location.line == 4)
        #expect(ds[1].message.contains("an article source needs the file"))
    }

    @Test func severalErrorsInOneFileAreAllReported() {
        let files = MiniPackage.appending([row(["id": "x/1", "value": "-1"]), row(["id": "x/2", "period": "2024-Q9"]), row(["id": "x/3", "source": "nope"])],
                                          to: "observations.csv")
        let ds = loadErrors(files)
        #expect(ds.map(\.location.line) == [4, 5, 6])
    }

    @Test func diagnosticText() throws {
        let d = try #require(onlyError(MiniPackage.withObservation(row(["value": "-5"]))))
        #expect(d.description == "fx/observations.csv:4:26: error: 'value' is -5: counts cannot be negative")
    }
}
