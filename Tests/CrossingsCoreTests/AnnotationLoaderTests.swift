import Testing
@testable import CrossingsCore

/// The mini package with ratios.csv, coverage.csv and errata.csv listed, and their files.
///
/// Lines: ratios.csv 2 `r1` (KP-RU 2024 total about 12 times 2023); coverage.csv 2 `art/1`;
/// errata.csv 2 `ds/1`. Extra rows appended by a test are line 3.
enum AnnotatedPackage {
    static let ratioHeader = "id,flow,period,measure,category,base_flow,base_period,base_measure,base_category,value,qualifier,printed,producer,source,locator,note"
    static let ratioRow = "r1,KP-RU,2024,total,,,2023,,,12,about,almost twelve times,FSB border service,art,¶7,"

    static let descriptor = MiniPackage.descriptor.replacingOccurrences(
        of: #"{"name": "event_dates", "path": "event_dates.csv"}"#,
        with: #"""
        {"name": "event_dates", "path": "event_dates.csv"},
            {"name": "ratios", "path": "ratios.csv"},
            {"name": "coverage", "path": "coverage.csv",
             "schema": {"fields": [{"name": "observation"}, {"name": "quarters"}, {"name": "note"}]}},
            {"name": "errata", "path": "errata.csv"}
        """#)

    static let files: [String: String] = MiniPackage.with([
        "datapackage.json": descriptor,
        "ratios.csv": ratioHeader + "\n" + ratioRow + "\n",
        "coverage.csv": "observation,quarters,note\nart/1,3,three quarters of data\n",
        "errata.csv": "observation,reason,source,locator\nds/1,misprint: the table says 10,art,¶9\n",
    ])

    /// The package with lines appended to one file (the first is line 3).
    static func appending(_ lines: [String], to file: String) -> [String: String] {
        var f = files
        f[file]! += lines.joined(separator: "\n") + "\n"
        return f
    }

    /// The package with one file replaced.
    static func with(_ file: String, _ text: String) -> [String: String] {
        var f = files
        f[file] = text
        return f
    }
}

/// One ratio row (line 3 of fx/ratios.csv) with fields changed.
private let ratioFields = AnnotatedPackage.ratioHeader.split(separator: ",").map(String.init)
private func ratio(_ changes: [String: String]) -> String {
    var r = AnnotatedPackage.ratioRow.split(separator: ",", omittingEmptySubsequences: false).map(String.init)
    r[0] = "r2"
    for (name, value) in changes { r[ratioFields.firstIndex(of: name)!] = value }
    return r.joined(separator: ",")
}

@Suite("Ratios, coverage, errata and compares: loading")
struct AnnotationLoaderTests {
    func onlyError(_ files: [String: String], sourceLocation: SourceLocation = #_sourceLocation) -> Diagnostic? {
        let ds = loadErrors(files, sourceLocation: sourceLocation)
        #expect(ds.count == 1, "diagnostics: \(ds)", sourceLocation: sourceLocation)
        #expect(ds.allSatisfy { $0.severity == .error }, sourceLocation: sourceLocation)
        return ds.first
    }

    /// A bad value in one field of an extra ratio row: the error is at that field of line 3.
    func expectRatioError(_ changes: [String: String], at field: String, _ fragment: String,
                          sourceLocation: SourceLocation = #_sourceLocation) {
        let line = ratio(changes)
        guard let d = onlyError(AnnotatedPackage.appending([line], to: "ratios.csv"), sourceLocation: sourceLocation) else { return }
        let column = columnOfField(ratioFields.firstIndex(of: field)!, in: line)
        #expect(d.location.description == "fx/ratios.csv:3:\(column)", sourceLocation: sourceLocation)
        #expect(d.message.contains(fragment), "message: \(d.message)", sourceLocation: sourceLocation)
    }

    // MARK: loading

    @Test func packageWithoutTheFilesLoads() throws {
        let data = try PackageLoader.load(files: MiniPackage.files, origin: "fx")
        #expect(data.ratios.isEmpty)
        #expect(data.coverage(ofObservation: "art/1") == nil)
        #expect(data.erratum(forObservation: "ds/1") == nil)
        #expect(data.categories.allSatisfy { $0.compares == nil })
    }

    @Test func loadsRatios() throws {
        let data = try PackageLoader.load(files: AnnotatedPackage.files, origin: "fx")
        let r = try #require(data.ratios.first)
        #expect(data.ratios.count == 1)
        #expect(r.id == "r1")
        #expect(r.key == key("KP-RU", "2024"))
        #expect(r.base == key("KP-RU", "2023"))   // empty base fields are the key's
        #expect(r.numerator == 12 && r.scale == 0 && r.valueText == "12")
        #expect(r.qualifier == .about)
        #expect(r.printed == "almost twelve times")
        #expect(r.producer == "FSB border service")
        #expect(r.sourceID == "art" && r.locator == "¶7")
        #expect(r.location.description == "fx/ratios.csv:2:1")
        #expect(data.ratios(citing: "art") == [r])
        #expect(data.ratios(citing: "ds").isEmpty)
    }

    @Test func ratioBaseFieldsOverrideTheKey() throws {
        let line = ratio(["measure": "purpose", "category": "study", "base_measure": "total", "value": "0.25", "qualifier": "at-least"])
        let data = try PackageLoader.load(files: AnnotatedPackage.appending([line], to: "ratios.csv"), origin: "fx")
        let r = try #require(data.ratios.first { $0.id == "r2" })
        #expect(r.key == key("KP-RU", "2024", .purpose, "study"))
        // An empty base_category with another base_measure is no category, not the key's.
        #expect(r.base == key("KP-RU", "2023", .total))
        #expect(r.numerator == 25 && r.scale == 2 && r.valueText == "0.25")
    }

    @Test func loadsCoverageAndErrata() throws {
        let data = try PackageLoader.load(files: AnnotatedPackage.files, origin: "fx")
        let c = try #require(data.coverage(ofObservation: "art/1"))
        #expect(c.quarters == 3 && c.note == "three quarters of data")
        #expect(c.location.description == "fx/coverage.csv:2:1")
        #expect(data.coverage(ofObservation: "ds/1") == nil)
        let e = try #require(data.erratum(forObservation: "ds/1"))
        #expect(e.reason == "misprint: the table says 10")
        #expect(e.sourceID == "art" && e.locator == "¶9")
        #expect(e.location.description == "fx/errata.csv:2:1")
        #expect(data.observation(at: e.row)?.id == "ds/1")
        #expect(data.errata(citing: "art") == [e])
    }

    // MARK: ratio values

    @Test func ratioValueWithTwoDots() { expectRatioError(["value": "1.2.3"], at: "value", "'1.2.3', not a plain decimal") }
    @Test func ratioValueWithExponent() { expectRatioError(["value": "1e3"], at: "value", "'1e3', not a plain decimal") }
    @Test func ratioValueWithHugeDigits() { expectRatioError(["value": "1234567890123"], at: "value", "too many digits") }
    @Test func ratioValueWithTooManyDecimals() { expectRatioError(["value": "1.2345678"], at: "value", "too many digits") }
    @Test func ratioValueNegative() { expectRatioError(["value": "-2"], at: "value", "a ratio is above zero") }
    @Test func ratioValueZero() { expectRatioError(["value": "0.0"], at: "value", "a ratio is above zero") }
    @Test func ratioValueBareDot() { expectRatioError(["value": "2."], at: "value", "not a plain decimal") }
    @Test func ratioValueMissing() { expectRatioError(["value": ""], at: "value", "'value' is required") }
    @Test func ratioQualifierRange() { expectRatioError(["qualifier": "range"], at: "qualifier", "a ratio is one of") }
    @Test func ratioMissingLocator() { expectRatioError(["locator": ""], at: "locator", "'locator' is required") }

    // MARK: ratio keys, checked as observations are

    @Test func ratioBadFlow() { expectRatioError(["flow": "KP-XX"], at: "flow", "is not a flow") }
    @Test func ratioBadBasePeriod() { expectRatioError(["base_period": "2023-Q5"], at: "base_period", "is not a period") }
    @Test func ratioCategoryOnTotal() { expectRatioError(["category": "study"], at: "category", "takes no category") }
    @Test func ratioBaseMeasureUnknown() { expectRatioError(["base_measure": "totals"], at: "base_measure", "'base_measure' is 'totals'") }
    @Test func ratioBaseBreakdownWithoutCategory() {
        expectRatioError(["base_measure": "purpose"], at: "base_measure", "measure 'purpose' needs a category")
    }
    @Test func ratioUnknownCategory() {
        expectRatioError(["base_measure": "purpose", "base_category": "work"], at: "base_category", "category 'purpose/work' is not in categories.csv")
    }
    @Test func ratioUnknownCountry() { expectRatioError(["base_flow": "CN-RU"], at: "base_flow", "country 'CN' is not in countries.csv") }
    @Test func ratioUnknownSource() { expectRatioError(["source": "nope"], at: "source", "cites source 'nope', which is not in sources.csv") }
    @Test func ratioArticleLocatorNotParagraph() { expectRatioError(["locator": "P7"], at: "locator", "a locator in an article is a paragraph") }
    @Test func ratioOfAFigureToItself() { expectRatioError(["base_period": "2024"], at: "base_flow", "with itself") }

    @Test func duplicateRatioID() throws {
        let d = try #require(onlyError(AnnotatedPackage.appending([AnnotatedPackage.ratioRow], to: "ratios.csv")))
        #expect(d.location.description == "fx/ratios.csv:3:1")
        #expect(d.message == "duplicate ratio id 'r1' (first at line 2)")
    }

    @Test func ratioHeaderIsChecked() throws {
        let text = AnnotatedPackage.ratioHeader.replacingOccurrences(of: "base_period", with: "base_year") + "\n"
        let d = try #require(onlyError(AnnotatedPackage.with("ratios.csv", text)))
        // "id,flow,period,measure,category,base_flow," is 42 characters.
        #expect(d.location.description == "fx/ratios.csv:1:43")
        #expect(d.message.contains("column 7 is 'base_year', expected 'base_period'"))
    }

    // MARK: coverage

    @Test func coverageOfUnknownObservation() throws {
        let d = try #require(onlyError(AnnotatedPackage.appending(["nope/1,2,"], to: "coverage.csv")))
        #expect(d.location.description == "fx/coverage.csv:3:1")
        #expect(d.message == "coverage of observation 'nope/1', which is in no observations file")
    }

    @Test func coverageListedTwice() throws {
        let d = try #require(onlyError(AnnotatedPackage.appending(["art/1,2,"], to: "coverage.csv")))
        #expect(d.location.description == "fx/coverage.csv:3:1")
        #expect(d.message == "observation art/1 is listed twice in coverage (first at line 2)")
    }

    @Test func coverageOfTheWholeYear() throws {
        let d = try #require(onlyError(AnnotatedPackage.with("coverage.csv", "observation,quarters,note\nart/1,4,\n")))
        #expect(d.location.description == "fx/coverage.csv:2:7")
        #expect(d.message == "observation art/1 is for 2024, 4 quarters: 'quarters' must be 1 to 3 (found 4)")
    }

    @Test func coverageOfAQuarter() throws {
        let d = try #require(onlyError(AnnotatedPackage.with("coverage.csv", "observation,quarters,note\nds/1,1,\n")))
        #expect(d.location.description == "fx/coverage.csv:2:6")
        #expect(d.message.contains("is for 2024-Q1, one quarter, which cannot be covered in part"))
    }

    @Test func coverageOfZeroQuarters() throws {
        let d = try #require(onlyError(AnnotatedPackage.with("coverage.csv", "observation,quarters,note\nart/1,0,\n")))
        #expect(d.location.description == "fx/coverage.csv:2:7")
        #expect(d.message.contains("at least one quarter"))
    }

    @Test func coverageQuartersNotANumber() throws {
        let d = try #require(onlyError(AnnotatedPackage.with("coverage.csv", "observation,quarters,note\nart/1,1.5,\n")))
        #expect(d.location.description == "fx/coverage.csv:2:7")
        #expect(d.message.contains("not a whole number"))
    }

    // MARK: errata

    @Test func erratumForUnknownObservation() throws {
        let d = try #require(onlyError(AnnotatedPackage.appending(["nope/1,typo,art,¶9"], to: "errata.csv")))
        #expect(d.location.description == "fx/errata.csv:3:1")
        #expect(d.message == "erratum for observation 'nope/1', which is in no observations file")
    }

    @Test func erratumListedTwice() throws {
        let d = try #require(onlyError(AnnotatedPackage.appending(["ds/1,typo,art,¶9"], to: "errata.csv")))
        #expect(d.location.description == "fx/errata.csv:3:1")
        #expect(d.message == "observation ds/1 is listed twice in errata (first at line 2)")
    }

    @Test func erratumWithUnknownSource() throws {
        let d = try #require(onlyError(AnnotatedPackage.with("errata.csv", "observation,reason,source,locator\nds/1,typo,nope,¶9\n")))
        #expect(d.location.description == "fx/errata.csv:2:11")
        #expect(d.message == "erratum for ds/1 cites source 'nope', which is not in sources.csv")
    }

    @Test func erratumWithoutLocator() throws {
        let d = try #require(onlyError(AnnotatedPackage.with("errata.csv", "observation,reason,source,locator\nds/1,typo,art,\n")))
        #expect(d.location.description == "fx/errata.csv:2:15")
        #expect(d.message == "'locator' is required")
    }

    @Test func erratumArticleLocatorNotParagraph() throws {
        let d = try #require(onlyError(AnnotatedPackage.with("errata.csv", "observation,reason,source,locator\nds/1,typo,art,P9\n")))
        #expect(d.location.description == "fx/errata.csv:2:15")
        #expect(d.message.contains("a locator in an article is a paragraph, ¶N (found 'P9')"))
    }

    // MARK: compares

    static let comparesDescriptor = MiniPackage.descriptor.replacingOccurrences(
        of: #"{"name": "description"}]}"#, with: #"{"name": "description"}, {"name": "compares"}]}"#)

    func withCategories(_ rows: [String], descriptor: String? = comparesDescriptor, header: String = "measure,category,label,description,compares") -> [String: String] {
        var f = MiniPackage.files
        if let descriptor { f["datapackage.json"] = descriptor }
        f["categories.csv"] = ([header] + rows).joined(separator: "\n") + "\n"
        return f
    }

    static let baseCategories = ["purpose,study,study,,", "transport,air,air,,"]

    @Test func loadsCompares() throws {
        let rows = Self.baseCategories + ["estimate,rosstat-trips,Rosstat trips,,total", "estimate,air-seats,seats,,transport/air", "estimate,workers,workers,,"]
        let data = try PackageLoader.load(files: withCategories(rows), origin: "fx")
        #expect(data.category(.estimate, "rosstat-trips")?.compares == ComparedMeasure(measure: .total))
        #expect(data.category(.estimate, "air-seats")?.compares == ComparedMeasure(measure: .transport, category: "air"))
        #expect(data.category(.estimate, "air-seats")?.compares?.label == "transport/air")
        #expect(data.category(.estimate, "workers")?.compares == nil)
    }

    @Test func comparesColumnWithoutSchemaFieldsIsChosenByHeader() throws {
        // The mini descriptor lists no fields for sources; here categories has none either.
        let descriptor = MiniPackage.descriptor.replacingOccurrences(
            of: #""schema": {"fields": [{"name": "measure"}, {"name": "category"}, {"name": "label"}, {"name": "description"}]}"#,
            with: #""title": "no schema""#)
        #expect(descriptor != MiniPackage.descriptor)
        let data = try PackageLoader.load(files: withCategories(Self.baseCategories + ["estimate,trips,trips,,total"], descriptor: descriptor), origin: "fx")
        #expect(data.category(.estimate, "trips")?.compares == ComparedMeasure(measure: .total))
        let old = try PackageLoader.load(files: MiniPackage.with(["datapackage.json": descriptor]), origin: "fx")
        #expect(old.categories.count == 2)
    }

    @Test func headerMustMatchTheSchema() throws {
        // The schema lists compares; the file does not have it.
        let d = try #require(onlyError(withCategories(["purpose,study,study,"], header: "measure,category,label,description")))
        #expect(d.location.description == "fx/categories.csv:1:35")
        #expect(d.message.contains("missing column 'compares'"))
        // The file has it; the schema does not.
        let e = try #require(onlyError(withCategories(["purpose,study,study,,"], descriptor: MiniPackage.descriptor)))
        #expect(e.location.description == "fx/categories.csv:1:36")
        #expect(e.message.contains("unexpected column 'compares'"))
    }

    @Test func schemaWithOtherFieldsIsAnError() throws {
        let descriptor = MiniPackage.descriptor.replacingOccurrences(of: #"{"name": "description"}]}"#, with: #"{"name": "description"}, {"name": "parallel"}]}"#)
        let ds = loadErrors(withCategories(Self.baseCategories, descriptor: descriptor))
        let d = try #require(ds.first { $0.location.file == "fx/datapackage.json" })
        #expect(d.message.contains("crossings reads measure,category,label,description or measure,category,label,description,compares"))
    }

    @Test func comparesOnANonEstimateCategory() throws {
        let d = try #require(onlyError(withCategories(["purpose,study,study,,total", "transport,air,air,,"])))
        #expect(d.location.description == "fx/categories.csv:2:22")
        #expect(d.message == "'compares' is only for estimate categories (this row is 'purpose')")
    }

    @Test func comparesAnUnknownCategory() throws {
        let d = try #require(onlyError(withCategories(Self.baseCategories + ["estimate,trips,trips,,purpose/tourism"])))
        #expect(d.location.description == "fx/categories.csv:4:23")
        #expect(d.message == "'compares' names purpose/tourism, which is not in categories.csv")
    }

    @Test func comparesAnUnknownMeasure() throws {
        let d = try #require(onlyError(withCategories(Self.baseCategories + ["estimate,trips,trips,,estimate/workers"])))
        #expect(d.location.description == "fx/categories.csv:4:23")
        #expect(d.message.contains("expected an FSB measure: total, purpose/CATEGORY or transport/CATEGORY"))
    }

    @Test func comparesABreakdownWithoutCategory() throws {
        let d = try #require(onlyError(withCategories(Self.baseCategories + ["estimate,trips,trips,,purpose"])))
        #expect(d.location.description == "fx/categories.csv:4:23")
        #expect(d.message.contains("purpose needs a category"))
    }
}
