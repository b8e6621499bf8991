/// Turning CSV rows into records, with an error at the exact field for anything wrong.
extension Loader {
    mutating func required(_ row: Row, _ name: String) -> String? {
        let v = row.raw(name)
        // Byte checks, not Foundation's trimming: this runs for every field of millions of rows.
        let utf8 = v.utf8
        if utf8.allSatisfy({ $0 == 0x20 || $0 == 0x09 }) {
            error(row.at(name), "'\(clip(name))' is required")
            return nil
        }
        if let f = utf8.first, let l = utf8.last, f == 0x20 || f == 0x09 || l == 0x20 || l == 0x09 {
            error(row.at(name), "'\(clip(name))' has spaces at its start or end")
            return nil
        }
        return v
    }

    /// The most digits a count has: 999,999,999,999 — a trillion or more is no count of travellers
    /// (the world has about eight billion people), for the data as for a draft (`ClaimExtractor.largestCount`).
    static let countDigits = 12

    mutating func count(_ row: Row, _ name: String, required isRequired: Bool) -> Int?? {
        let v = row.raw(name)
        if v.isEmpty {
            if isRequired { error(row.at(name), "'\(clip(name))' is required"); return nil }
            return .some(nil)
        }
        if v.hasPrefix("-"), v.dropFirst().allSatisfy(\.isASCIIDigit), !v.dropFirst().isEmpty {
            error(row.at(name), "'\(clip(name))' is \(clip(v)): counts cannot be negative")
            return nil
        }
        if v.count > Loader.countDigits, v.allSatisfy(\.isASCIIDigit) {
            // Plain digits, so "write plain digits" would be no help: say what is wrong with it. The
            // same bound as `crossings check`: a trillion or more is no count of travellers.
            error(row.at(name), "'\(clip(name))' is '\(clip(v))', \(v.count) digits: too large to be a count (at most \(Loader.countDigits) digits, below a trillion)")
            return nil
        }
        guard v.allSatisfy(\.isASCIIDigit), v.count <= Loader.countDigits, let n = Int(v) else {
            error(row.at(name), "'\(clip(name))' is '\(clip(v))', not a whole number (write plain digits: 13221)")
            return nil
        }
        return .some(n)
    }

    mutating func enumValue<T: RawRepresentable>(_ row: Row, _ name: String, _ type: T.Type, allowed: [String]) -> T? where T.RawValue == String {
        guard let v = required(row, name) else { return nil }
        guard let value = T(rawValue: v) else {
            error(row.at(name), "'\(clip(name))' is '\(clip(v))'; expected one of: \(allowed.joined(separator: ", "))")
            return nil
        }
        return value
    }

    mutating func countryRow(_ row: Row) -> Country? {
        guard let code = required(row, "code"), let name = required(row, "name") else { return nil }
        guard code.count == 2, code.allSatisfy({ $0.isASCII && $0.isUppercase }) else {
            error(row.at("code"), "country code '\(clip(code))' is not two capital letters")
            return nil
        }
        return Country(code: code, name: name, location: row.start)
    }

    mutating func categoryRow(_ row: Row) -> Category? {
        guard let measure = enumValue(row, "measure", Measure.self, allowed: ["purpose", "transport", "estimate"]),
              let id = required(row, "category"), let label = required(row, "label") else { return nil }
        guard measure.hasCategories else {
            error(row.at("measure"), "'\(clip(measure.rawValue))' has no categories")
            return nil
        }
        guard isIdentifier(id) else {
            error(row.at("category"), "category '\(clip(id))' must be lower-case letters, digits and hyphens")
            return nil
        }
        var category = Category(measure: measure, id: id, label: label, description: row.raw("description"), location: row.start)
        let compares = row.optional("compares")
        if !compares.isEmpty {
            guard let parallel = comparedMeasure(row, compares, of: measure) else { return nil }
            category.compares = parallel
            comparesLocations["\(measure.rawValue)/\(id)"] = row.at("compares")
        }
        return category
    }

    mutating func sourceRow(_ row: Row) -> Source? {
        guard let id = required(row, "id"),
              let kind = enumValue(row, "kind", Source.Kind.self, allowed: Source.Kind.allCases.map(\.rawValue)),
              let outlet = required(row, "outlet") else { return nil }
        guard isIdentifier(id) else {
            error(row.at("id"), "source id '\(clip(id))' must be lower-case letters, digits and hyphens")
            return nil
        }
        let date = row.raw("date")
        if !date.isEmpty && !isPartialDate(date) {
            error(row.at("date"), "date '\(clip(date))' is not YYYY, YYYY-MM or YYYY-MM-DD")
            return nil
        }
        if kind == .article && row.raw("file").isEmpty {
            error(row.at("file"), "an article source needs the file its ¶ locators count in")
            return nil
        }
        // A URL the explorer would neither open (`O`) nor link (OSC 8): the package still loads (the
        // URL is shown as text), but validate says so, where the field starts. Empty is "not known".
        let url = row.raw("url")
        if !url.isEmpty, case .failure(let refusal) = LinkCheck.check(url) {
            diagnostics.append(Diagnostic(location: row.at("url"), severity: .warning,
                                          message: "source '\(clip(id))': url '\(clip(url))' is never opened or linked: \(refusal.reason)"))
        }
        let chain = row.raw("chain").isEmpty ? [] : row.raw("chain").components(separatedBy: " > ").map { $0.trimmingCharacters(in: .whitespaces) }
        return Source(id: id, kind: kind, outlet: outlet, title: row.raw("title"), date: date, url: url,
                      file: row.raw("file"), creditedAgency: row.raw("credited_agency"), chain: chain,
                      license: row.raw("license"), copyright: row.raw("copyright"), note: row.raw("note"), location: row.start)
    }

    mutating func observationRow(_ row: Row) -> Observation? {
        guard let id = required(row, "id"), let flowText = required(row, "flow"), let periodText = required(row, "period"),
              let measure = enumValue(row, "measure", Measure.self, allowed: Measure.allCases.map(\.rawValue)),
              let qualifier = enumValue(row, "qualifier", Qualifier.self, allowed: Qualifier.allCases.map(\.rawValue)),
              let printed = required(row, "printed"), let producer = required(row, "producer"),
              let source = required(row, "source"), let locator = required(row, "locator"),
              case let value?? = count(row, "value", required: true), case let high? = count(row, "high", required: false)
        else { return nil }
        guard let key = figureKey(row, flow: flowText, period: periodText, measure: measure, category: row.raw("category")) else { return nil }
        if qualifier == .range {
            guard let high else { error(row.at("high"), "a range needs its upper end in 'high'"); return nil }
            if high < value { error(row.at("high"), "'high' (\(high)) is below 'value' (\(value))"); return nil }
        } else if high != nil {
            error(row.at("high"), "'high' is only for the qualifier 'range' (this row is '\(clip(qualifier.rawValue))')")
            return nil
        }
        return Observation(id: id, key: key,
                           value: value, high: high, qualifier: qualifier, printed: printed, producer: producer,
                           sourceID: source, locator: locator, note: row.raw("note"), location: row.start)
    }

    /// The figure a row is about, with the checks every such row gets (observations, and
    /// both figures of a ratio): the flow and period parse, the category fits the measure,
    /// an annual-average covers a range, and only annual-averages and estimates cover one.
    /// `fields` names the columns, for errors at the right place.
    mutating func figureKey(_ row: Row, flow flowText: String, period periodText: String, measure: Measure, category: String,
                            fields: (flow: String, period: String, category: String) = ("flow", "period", "category")) -> FigureKey? {
        let flow: Flow, period: Period
        do { flow = try Flow(parsing: flowText) } catch { self.error(row.at(fields.flow), "\(error)"); return nil }
        do { period = try Period(parsing: periodText) } catch { self.error(row.at(fields.period), "\(error)"); return nil }
        if measure.hasCategories && category.isEmpty {
            error(row.at(fields.category), "measure '\(clip(measure.rawValue))' needs a category")
            return nil
        }
        if !measure.hasCategories && !category.isEmpty {
            error(row.at(fields.category), "measure '\(clip(measure.rawValue))' takes no category (found '\(clip(category))')")
            return nil
        }
        if measure == .annualAverage && !period.isRange {
            error(row.at(fields.period), "an annual-average covers a range of years, such as 2010..2019")
            return nil
        }
        if period.isRange && measure != .annualAverage && measure != .estimate {
            error(row.at(fields.period), "a range of periods is only for annual-average and estimate rows; give each period its own row")
            return nil
        }
        return FigureKey(flow: flow, period: period, measure: measure, category: category)
    }

    mutating func eventRow(_ row: Row) -> Event? {
        guard let id = required(row, "id"), let summary = required(row, "summary"), let tagText = required(row, "tags") else { return nil }
        let tags = tagText.split(separator: ";").map { $0.trimmingCharacters(in: .whitespaces) }
        for tag in tags where !PackageLoader.knownTags.contains(tag) {
            error(row.at("tags"), "unknown tag '\(clip(tag))'; tags are \(PackageLoader.knownTags.sorted().joined(separator: ", "))")
            return nil
        }
        // How a draft names it (optional column): checked for form here, matched by `crossings check`.
        let aliasText = row.optional("aliases")
        let aliases = EventAlias.parseList(aliasText)
        if aliases == nil {
            error(row.at("aliases"), "aliases '\(clip(aliasText))' is not a list: alternatives separated by ';', terms by ' + ', phrases by '|'")
            return nil
        }
        return Event(id: id, summary: summary, tags: tags, location: row.start, dates: [], aliases: aliases ?? [])
    }

    mutating func eventDateRow(_ row: Row) -> EventDate? {
        guard let event = required(row, "event"), let date = required(row, "date"),
              let precision = enumValue(row, "precision", EventDate.Precision.self, allowed: EventDate.Precision.allCases.map(\.rawValue)),
              let source = required(row, "source"), let locator = required(row, "locator") else { return nil }
        guard EventDate.bounds(of: date, precision: precision) != nil else {
            error(row.at("date"), "date '\(clip(date))' does not fit precision '\(clip(precision.rawValue))' (day: 2025-05-07; *-month and month: 2025-04; quarter: 2025-Q2; half: 2025-H1; year: 2025)")
            return nil
        }
        return EventDate(eventID: event, date: date, precision: precision, printed: row.raw("printed"),
                         sourceID: source, locator: locator, note: row.raw("note"), location: row.start)
    }

    func isIdentifier(_ s: String) -> Bool {
        !s.isEmpty && s.allSatisfy { ($0.isASCII && ($0.isLowercase || $0.isNumber)) || $0 == "-" || $0 == "_" }
    }

    func isPartialDate(_ s: String) -> Bool {
        for p in [EventDate.Precision.year, .month, .day] where EventDate.bounds(of: s, precision: p) != nil { return true }
        return false
    }
}
