/// The optional files that say something about figures rather than give one:
/// ratios.csv, coverage.csv, errata.csv, and the `compares` column of
/// categories.csv. Rows first, then the checks that need the whole package.
extension Loader {
    /// The longest ratio value accepted, in characters (digits and the dot).
    static let ratioValueLength = 12
    /// The most digits after the dot.
    static let ratioValueScale = 6

    mutating func ratioRow(_ row: Row) -> Ratio? {
        guard let id = required(row, "id"), let flowText = required(row, "flow"), let periodText = required(row, "period"),
              let measure = enumValue(row, "measure", Measure.self, allowed: Measure.allCases.map(\.rawValue)),
              let qualifier = enumValue(row, "qualifier", Qualifier.self, allowed: Loader.ratioQualifiers),
              let printed = required(row, "printed"), let producer = required(row, "producer"),
              let source = required(row, "source"), let locator = required(row, "locator"),
              case let (numerator, scale)? = ratioValue(row, "value")
        else { return nil }
        if qualifier == .range {
            error(row.at("qualifier"), "'qualifier' is 'range'; a ratio is one of: \(Loader.ratioQualifiers.joined(separator: ", "))")
            return nil
        }
        guard let key = figureKey(row, flow: flowText, period: periodText, measure: measure, category: row.raw("category")) else { return nil }
        // An empty base field means the key's; an empty base category, the key's only when the measure is the key's too.
        var baseMeasure = measure
        let baseMeasureText = row.raw("base_measure")
        if !baseMeasureText.isEmpty {
            guard let m = Measure(rawValue: baseMeasureText) else {
                error(row.at("base_measure"), "'base_measure' is '\(clip(baseMeasureText))'; expected one of: \(Measure.allCases.map(\.rawValue).joined(separator: ", ")) (or empty: the same as 'measure')")
                return nil
            }
            baseMeasure = m
        }
        let baseCategoryText = row.raw("base_category")
        let baseCategory = !baseCategoryText.isEmpty ? baseCategoryText : (baseMeasure == measure ? key.category : "")
        let baseFlow = row.raw("base_flow").isEmpty ? flowText : row.raw("base_flow")
        let basePeriod = row.raw("base_period").isEmpty ? periodText : row.raw("base_period")
        guard let base = figureKey(row, flow: baseFlow, period: basePeriod, measure: baseMeasure, category: baseCategory,
                                   fields: ("base_flow", "base_period", baseCategoryText.isEmpty ? "base_measure" : "base_category"))
        else { return nil }
        if base == key {
            error(row.at("base_flow"), "ratio \(clip(id)) compares \(key) with itself: give the base figure in the base_* fields")
            return nil
        }
        var ratio = Ratio(id: id, key: key, base: base, numerator: numerator, scale: scale, qualifier: qualifier,
                          printed: printed, producer: producer, sourceID: source, locator: locator, note: row.raw("note"),
                          location: row.start)
        for name in ["flow", "category", "base_flow", "base_category", "base_measure", "source", "locator"] {
            ratio.fieldLocations[name] = row.at(name)
        }
        return ratio
    }

    static let ratioQualifiers = [Qualifier.exact, .about, .atLeast, .atMost].map(\.rawValue)

    /// A positive plain decimal, `12` or `1.6`, as (digits without the dot, digits after it).
    /// Byte by byte: no exponents, signs, spaces, separators or `Double` rounding.
    mutating func ratioValue(_ row: Row, _ name: String) -> (Int, Int)? {
        let v = row.raw(name)
        if v.isEmpty { error(row.at(name), "'\(clip(name))' is required"); return nil }
        let bytes = Array(v.utf8)
        if bytes.first == UInt8(ascii: "-") {
            error(row.at(name), "'\(clip(name))' is \(clip(v)): a ratio is above zero")
            return nil
        }
        let dots = bytes.indices.filter { bytes[$0] == UInt8(ascii: ".") }
        let digitsOnly = bytes.allSatisfy { ($0 >= 48 && $0 <= 57) || $0 == UInt8(ascii: ".") }
        guard digitsOnly, dots.count <= 1, dots.first.map({ $0 > 0 && $0 < bytes.count - 1 }) ?? true else {
            error(row.at(name), "'\(clip(name))' is '\(clip(v))', not a plain decimal (write digits with at most one dot: 12, 1.6)")
            return nil
        }
        let scale = dots.first.map { bytes.count - 1 - $0 } ?? 0
        guard bytes.count <= Loader.ratioValueLength, scale <= Loader.ratioValueScale else {
            error(row.at(name), "'\(clip(name))' is '\(clip(v))': too many digits (at most \(Loader.ratioValueLength) characters, \(Loader.ratioValueScale) after the dot)")
            return nil
        }
        var numerator = 0
        for b in bytes where b != UInt8(ascii: ".") { numerator = numerator * 10 + Int(b - 48) }   // at most 12 digits: no overflow
        guard numerator > 0 else {
            error(row.at(name), "'\(clip(name))' is \(clip(v)): a ratio is above zero")
            return nil
        }
        return (numerator, scale)
    }

    mutating func coverageRow(_ row: Row) -> Coverage? {
        guard let observation = required(row, "observation"), case let quarters?? = count(row, "quarters", required: true) else { return nil }
        if quarters < 1 {
            error(row.at("quarters"), "'quarters' is 0: an observation covers at least one quarter of data")
            return nil
        }
        return Coverage(observationID: observation, quarters: quarters, note: row.raw("note"), location: row.start,
                        quartersLocation: row.at("quarters"))
    }

    mutating func erratumRow(_ row: Row) -> Erratum? {
        guard let observation = required(row, "observation"), let reason = required(row, "reason"),
              let source = required(row, "source"), let locator = required(row, "locator") else { return nil }
        return Erratum(observationID: observation, reason: reason, sourceID: source, locator: locator, location: row.start,
                       sourceLocation: row.at("source"), locatorLocation: row.at("locator"))
    }

    /// The `compares` field of an estimate category: `total`, `purpose/CATEGORY` or `transport/CATEGORY`.
    mutating func comparedMeasure(_ row: Row, _ text: String, of measure: Measure) -> ComparedMeasure? {
        guard measure == .estimate else {
            error(row.at("compares"), "'compares' is only for estimate categories (this row is '\(clip(measure.rawValue))')")
            return nil
        }
        let parts = text.split(separator: "/", maxSplits: 1, omittingEmptySubsequences: false).map(String.init)
        let form = "total, purpose/CATEGORY or transport/CATEGORY"
        guard let m = Measure(rawValue: parts[0]), m == .total || m.isBreakdown else {
            error(row.at("compares"), "'compares' is '\(clip(text))'; expected an FSB measure: \(form)")
            return nil
        }
        if m == .total && parts.count > 1 {
            error(row.at("compares"), "'compares' is '\(clip(text))': total takes no category")
            return nil
        }
        if m.isBreakdown && (parts.count < 2 || !isIdentifier(parts[1])) {
            error(row.at("compares"), "'compares' is '\(clip(text))': \(m.rawValue) needs a category (\(m.rawValue)/\(m.fixedCategories[0]))")
            return nil
        }
        return ComparedMeasure(measure: m, category: parts.count > 1 ? parts[1] : "")
    }

    /// References from the optional files: countries, categories and sources exist, locators
    /// in articles are ¶N, each observation is named once per file and exists, and coverage
    /// is part of its period. Fills in each coverage and erratum row's observation.
    mutating func crossCheckAnnotations(countries: [Country], categories: [Category], sources: [Source], store: ObservationStore,
                                        ratios: [Ratio], coverage: inout [Coverage], errata: inout [Erratum]) {
        let countryCodes = Set(countries.map(\.code))
        let categoryIDs = Set(categories.map { "\($0.measure.rawValue)/\($0.id)" })
        let sourceKinds = Dictionary(sources.map { ($0.id, $0.kind) }, uniquingKeysWith: { a, _ in a })

        for c in categories {
            guard let parallel = c.compares, parallel.measure.hasCategories,
                  !categoryIDs.contains(parallel.label) else { continue }
            error(comparesLocations["\(c.measure.rawValue)/\(c.id)"] ?? c.location,
                  "'compares' names \(parallel.label), which is not in categories.csv")
        }

        var seenRatios: [String: Location] = [:]
        for r in ratios {
            func at(_ field: String) -> Location { r.fieldLocations[field] ?? r.location }
            if let first = seenRatios[r.id] {
                error(r.location, "duplicate ratio id '\(clip(r.id))' (first at line \(first.line))")
            } else {
                seenRatios[r.id] = r.location
            }
            for (key, flowField, categoryField) in [(r.key, "flow", "category"), (r.base, "base_flow", r.base.category == r.key.category ? "category" : "base_category")] {
                for code in [key.flow.citizens, key.flow.destination] where !countryCodes.contains(code) && missing("countries", code) {
                    error(at(flowField), "ratio \(clip(r.id)): country '\(clip(code))' is not in countries.csv")
                }
                if key.measure.hasCategories && !categoryIDs.contains(key.measureLabel) && missing("categories", key.measureLabel) {
                    error(at(categoryField), "ratio \(clip(r.id)): category '\(clip(key.measureLabel))' is not in categories.csv")
                }
            }
            checkCitation(r.sourceID, r.locator, what: "ratio \(clip(r.id))", source: at("source"), locator: at("locator"), kinds: sourceKinds)
        }

        // Observation ids: only those named here are looked up, by hash, then by text.
        let named = Set(coverage.map(\.observationID) + errata.map(\.observationID))
        let rows = rowsByID(store, named)

        var seenCoverage: [String: Location] = [:]
        for i in coverage.indices {
            let c = coverage[i]
            if let first = seenCoverage[c.observationID] {
                error(c.location, "observation \(clip(c.observationID)) is listed twice in coverage (first at line \(first.line))")
                continue
            }
            seenCoverage[c.observationID] = c.location
            guard let row = rows[c.observationID] else {
                guard !unreliable.contains("observations") else { continue }
                error(c.location, "coverage of observation '\(clip(c.observationID))', which is in no observations file")
                continue
            }
            coverage[i].row = row
            let period = store.key(packed: store.keyColumn[row]).period
            if c.quarters >= period.quarterCount {
                let whole = period.quarterCount == 1 ? "one quarter, which cannot be covered in part"
                    : "\(period.quarterCount) quarters: 'quarters' must be 1 to \(period.quarterCount - 1)"
                error(c.quartersLocation, "observation \(clip(c.observationID)) is for \(period), \(whole) (found \(c.quarters))")
            }
        }

        var seenErrata: [String: Location] = [:]
        for i in errata.indices {
            let e = errata[i]
            if let first = seenErrata[e.observationID] {
                error(e.location, "observation \(clip(e.observationID)) is listed twice in errata (first at line \(first.line))")
                continue
            }
            seenErrata[e.observationID] = e.location
            if let row = rows[e.observationID] {
                errata[i].row = row
            } else if !unreliable.contains("observations") {
                error(e.location, "erratum for observation '\(clip(e.observationID))', which is in no observations file")
            }
            checkCitation(e.sourceID, e.locator, what: "erratum for \(clip(e.observationID))", source: e.sourceLocation,
                          locator: e.locatorLocation, kinds: sourceKinds)
        }
    }

    /// A source that exists, and a ¶N locator when it is one of the articles.
    mutating func checkCitation(_ sourceID: String, _ locator: String, what: String, source: Location, locator locatorAt: Location,
                                kinds: [String: Source.Kind]) {
        guard let kind = kinds[sourceID] else {
            guard missing("sources", sourceID) else { return }
            error(source, "\(what) cites source '\(clip(sourceID))', which is not in sources.csv")
            return
        }
        if kind == .article && !isParagraphLocator(locator) {
            error(locatorAt, "\(what): a locator in an article is a paragraph, ¶N (found '\(clip(locator))')")
        }
    }

    /// The rows of the given observation ids (ids not found are left out), hashing each row's
    /// id once and building strings only for rows whose hash matches.
    func rowsByID(_ store: ObservationStore, _ ids: Set<String>) -> [String: Int] {
        guard !ids.isEmpty else { return [:] }
        func fnv(_ s: String) -> UInt64 {
            var h: UInt64 = 0xcbf29ce484222325
            for b in s.utf8 { h = (h ^ UInt64(b)) &* 0x100000001b3 }
            return h
        }
        let wanted = Set(ids.map(fnv))
        var out: [String: Int] = [:]
        for (row, h) in store.idHashes().enumerated() where wanted.contains(h) {
            let id = store.idOf(row)
            if ids.contains(id), out[id] == nil { out[id] = row }
        }
        return out
    }
}

typealias VocabularyRow = (role: String, phrase: String, meaning: String, phraseAt: Location, meaningAt: Location)

extension Loader {
    /// A row of vocabulary.csv, checked where it stands: a bad role or meaning is reported at its field.
    mutating func vocabularyRow(_ row: Row) -> VocabularyRow? {
        guard let role = required(row, "role"), let phrase = required(row, "phrase"), let meaning = required(row, "meaning") else { return nil }
        if let problem = Vocabulary.check(role: role, phrase: phrase, meaning: meaning, categories: nil) {
            error(row.at(problem.field), problem.message)
            return nil
        }
        return (role, phrase, meaning, row.at("phrase"), row.at("meaning"))
    }

    /// The vocabulary, once categories are known: a meaning naming no category, or a phrase listed twice, is an error at its row.
    mutating func buildVocabulary(_ rows: [VocabularyRow], categories: [Category], countries: [Country]) -> Vocabulary? {
        let codes = Set(countries.map(\.code))
        let known = Set(categories.map { "\($0.measure.rawValue)/\($0.id)" })
        var seen: [String: Location] = [:]
        var ok = true
        for r in rows {
            // A country code countries.csv does not have: a typo would make a flow no one can find.
            if ["people", "adjective", "country"].contains(r.role), !codes.contains(r.meaning), missing("countries", r.meaning) {
                error(r.meaningAt, "'\(clip(r.meaning))' is not a country of countries.csv"); ok = false
            }
            // The row passed its own check when read; what needs categories.csv is checked now.
            if r.role == "traveller" || r.role == "category",
               let problem = Vocabulary.check(role: r.role, phrase: r.phrase, meaning: r.meaning, categories: known) {
                error(r.meaningAt, problem.message); ok = false
            }
            let key = r.role + " " + Vocabulary.words(r.phrase).joined(separator: " ")
            if let first = seen[key] {
                error(r.phraseAt, "'\(clip(r.phrase))' is listed twice as \(r.role) (first at line \(first.line))"); ok = false
            } else {
                seen[key] = r.phraseAt
            }
        }
        guard ok else { return nil }
        return try? Vocabulary(rows: rows.map { ($0.role, $0.phrase, $0.meaning) }, categories: known, checked: true)
    }
}
