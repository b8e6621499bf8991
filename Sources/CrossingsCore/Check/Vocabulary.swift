/// The words `crossings check` reads claims by, from the package's `vocabulary.csv`
/// (docs/check.md, "Extending the vocabulary"). The grammar — how a subject, a number,
/// a period and a category make a claim — is code; the words are data, by role:
///
/// | role | phrase | meaning |
/// |---|---|---|
/// | people | North Koreans | KP (citizens of that country, standing alone) |
/// | adjective | North Korean | KP (before a traveller noun: North Korean workers) |
/// | country | Pyongyang | KP (a place: where travellers go, or whose citizens they are after "of"/"from") |
/// | traveller | tourists | purpose/tourism (what a count of them counts; `total` for people in general) |
/// | entry, exit | visited, left | which way (`in`, `out`) |
/// | toward, origin | to, from | the place after it is the destination, or the citizens' country |
/// | hedge | nearly | about, at-least, at-most, exact |
/// | number, scale | twelve, thousand | the value |
/// | category | by rail | transport/rail |
/// | unit, marker, not-after | percent, $, destinations | not a count / not this category |
/// | period | the pandemic | 2020..2022 (a named stretch of time) |
/// | vague | thousands | 1000 (read as "at least 1,000") |
///
/// ```swift
/// let v = try Vocabulary(rows: [("people", "Russians", "RU", Location(file: "v.csv", line: 2))])
/// v.people.first?.phrase   // ["russians"]
/// ```
public struct Vocabulary: Sendable {
    public enum Role: String, CaseIterable, Sendable {
        case people, adjective, country, traveller, entry, exit, toward, origin, hedge, number, scale, category, unit, marker, period, vague
        case notAfter = "not-after"
    }

    /// A phrase as lower-cased tokens, with what it means.
    public struct Phrase<Meaning: Sendable>: Sendable {
        public var words: [String]
        public var meaning: Meaning
    }

    /// What a traveller noun or a category phrase counts: `total`, or a measure and category.
    public struct Counted: Sendable, Hashable {
        public var measure: Measure
        public var category: String
    }

    public private(set) var people: [Phrase<String>] = []
    public private(set) var adjectives: [Phrase<String>] = []
    public private(set) var countries: [Phrase<String>] = []
    public private(set) var travellers: [Phrase<Counted>] = []
    public private(set) var categories: [Phrase<Counted>] = []
    public private(set) var hedges: [Phrase<Qualifier>] = []
    public private(set) var numbers: [String: Int] = [:]
    /// Multi-word numbers ("a dozen").
    public private(set) var numberPhrases: [Phrase<Int>] = []
    public private(set) var scales: [String: Int] = [:]
    public private(set) var entryWords: Set<String> = []
    public private(set) var exitWords: Set<String> = []
    public private(set) var towardWords: Set<String> = []
    public private(set) var originWords: Set<String> = []
    public private(set) var unitsAfter: Set<String> = []
    public private(set) var markersBefore: [[String]] = []
    public private(set) var notAfter: Set<String> = []
    /// Vague quantities ("thousands" → at least 1,000).
    public private(set) var vagues: [Phrase<Int>] = []
    private(set) var vaguesByFirst: [String: [Phrase<Int>]] = [:]
    /// Named stretches of time ("the pandemic" → 2020..2022).
    public private(set) var periods: [Phrase<Period>] = []
    private(set) var periodsByFirst: [String: [Phrase<Period>]] = [:]

    /// Phrases of each kind by their first word, longest first: matching is a dictionary lookup and a few comparisons.
    private(set) var peopleByFirst: [String: [Phrase<String>]] = [:]
    private(set) var adjectivesByFirst: [String: [Phrase<String>]] = [:]
    private(set) var countriesByFirst: [String: [Phrase<String>]] = [:]
    /// The keys of `countriesByFirst`: a country is asked of every word of every sentence.
    private(set) var countryStarts = WordSet()
    private(set) var travellersByFirst: [String: [Phrase<Counted>]] = [:]
    private(set) var categoriesByFirst: [String: [Phrase<Counted>]] = [:]
    /// Hedges by their LAST word: they are matched backwards from a number.
    private(set) var hedgesByLast: [String: [Phrase<Qualifier>]] = [:]
    /// Every word of a traveller phrase, for "does this sentence speak of people".
    private(set) var travellerWords: Set<String> = []
    private(set) var numberPhrasesByFirst: [String: [Phrase<Int>]] = [:]
    /// Words a number may start with (in words, a phrase, a vague amount), and the first words of the
    /// named periods: the readers pass over every other word without asking each table in turn.
    private(set) var numberStarts = WordSet()
    private(set) var periodStarts = WordSet()
    /// Words a factor may be ("twelve", "twice", "hundred", "half"; "…fold" is asked apart).
    private(set) var factorStarts = WordSet()
    /// Entry verbs, traveller head nouns and statistic words: "does this sentence speak of travel" in one
    /// lookup a word instead of three.
    private(set) var travelWords = WordSet()
    /// First words of the people, adjective and traveller phrases (who travels).
    private(set) var mentionStarts = WordSet()
    /// The first words of each table's phrases (hedges: their last words; markers: theirs), asked before
    /// the table: most words start none, and the filter says so without hashing the word.
    private(set) var peopleStarts = WordSet(), adjectiveStarts = WordSet(), travellerStarts = WordSet()
    private(set) var categoryStarts = WordSet(), vagueStarts = WordSet(), namedPeriodStarts = WordSet()
    private(set) var hedgeEnds = WordSet(), markerEnds = WordSet()
    /// The one-word sets as asked of every word near a number (the same members, filtered first).
    private(set) var entries = WordSet(), exits = WordSet(), units = WordSet(), origins = WordSet(), notAfters = WordSet()

    public static let empty = Vocabulary()

    private init() {}

    /// A problem with one row, for the loader to report at its place.
    public struct Problem: Error, Sendable {
        public var field: String
        public var message: String
    }

    /// Builds the vocabulary from rows (role, phrase, meaning). Throws at the first bad row; the
    /// loader checks each row with `check(role:phrase:meaning:)` first and reports every problem.
    public init(rows: [(role: String, phrase: String, meaning: String)], categories known: Set<String>? = nil) throws {
        try self.init(rows: rows, categories: known, checked: false)
    }

    /// `checked`: every row has passed `check` already (the loader's), so only duplicates are looked for.
    init(rows: [(role: String, phrase: String, meaning: String)], categories known: Set<String>?, checked: Bool) throws {
        var seen: [String: Int] = [:]
        for (i, row) in rows.enumerated() {
            let words = Vocabulary.words(row.phrase)
            if !checked, let problem = Vocabulary.check(role: row.role, words: words, meaning: row.meaning, categories: known) { throw problem }
            let key = row.role + "\u{0}" + words.joined(separator: " ")
            if let first = seen[key] {
                throw Problem(field: "phrase", message: "'\(row.phrase)' is listed twice as \(row.role) (row \(first + 1) and row \(i + 1))")
            }
            seen[key] = i
            add(role: Role(rawValue: row.role)!, words: words, meaning: row.meaning)
        }
        index()
    }

    /// Why a row cannot be read, or nil when it can.
    public static func check(role: String, phrase: String, meaning: String, categories known: Set<String>?) -> Problem? {
        check(role: role, words: words(phrase), meaning: meaning, categories: known)
    }

    static func check(role: String, words: [String], meaning: String, categories known: Set<String>?) -> Problem? {
        guard let r = Role(rawValue: role) else {
            return Problem(field: "role", message: "role '\(role)' is not one of: \(Role.allCases.map(\.rawValue).joined(separator: ", "))")
        }
        let phrase = words.joined(separator: " ")
        if words.isEmpty { return Problem(field: "phrase", message: "the phrase is empty") }
        if words.count > 8 { return Problem(field: "phrase", message: "the phrase has \(words.count) words; at most 8 are matched") }
        switch r {
        case .people, .adjective, .country:
            guard meaning.count == 2, meaning.allSatisfy({ $0.isASCII && $0.isUppercase }) else {
                return Problem(field: "meaning", message: "a \(role) means a country code of two capital letters (KP), not '\(meaning)'")
            }
        case .traveller, .category:
            if meaning == "total" && r == .traveller { return nil }
            let parts = meaning.split(separator: "/", omittingEmptySubsequences: false).map(String.init)
            guard parts.count == 2, let m = Measure(rawValue: parts[0]), m.hasCategories, !parts[1].isEmpty else {
                return Problem(field: "meaning", message: "a \(role) means \(r == .traveller ? "total or " : "")MEASURE/CATEGORY (purpose/tourism), not '\(meaning)'")
            }
            if let known, !known.contains(meaning) {
                return Problem(field: "meaning", message: "'\(meaning)' is not a category of categories.csv")
            }
        case .hedge:
            guard let q = Qualifier(rawValue: meaning), q != .range else {
                return Problem(field: "meaning", message: "a hedge means about, at-least, at-most or exact, not '\(meaning)'")
            }
        case .number, .scale, .vague:
            guard !meaning.isEmpty, meaning.count <= (r == .scale ? 16 : 13), meaning.allSatisfy(\.isASCIIDigit), let n = Int(meaning) else {
                return Problem(field: "meaning", message: "a \(role) means a whole number in plain digits, not '\(meaning)'")
            }
            // A number or vague word of a trillion or more would be read as an ordinary count; only a scale may be that large.
            if r != .scale && n >= ClaimExtractor.largestCount {
                return Problem(field: "meaning", message: "a \(role) means less than a trillion (1000000000000, more than a count of travellers can be), not \(n)")
            }
            // A trillion and a quadrillion are scales only so that "1 trillion" is read whole, as too large to be a count.
            if r == .scale && !([100, 1_000, 1_000_000, 1_000_000_000, 1_000_000_000_000, 1_000_000_000_000_000] as [Int]).contains(n) {
                return Problem(field: "meaning", message: "a scale is a power of a thousand from 1000 to 1000000000000000, or 100, not \(n)")
            }
        case .period:
            guard (try? Period(parsing: meaning)) != nil else {
                return Problem(field: "meaning", message: "a period means a year, quarter, half or range (2020..2022), not '\(meaning)'")
            }
        case .entry, .exit, .toward, .origin, .unit, .marker, .notAfter:
            if (r == .entry || r == .exit || r == .toward || r == .origin || r == .notAfter), words.count != 1 {
                return Problem(field: "phrase", message: "a \(role) is one word ('\(phrase)' is \(words.count))")
            }
        }
        return nil
    }

    /// A phrase as the draft's tokens would be: lower-cased, split as DraftText splits.
    static func words(_ phrase: String) -> [String] {
        // Plain words (most rows): split at spaces, as the tokenizer would, without it.
        if phrase.utf8.allSatisfy({ ($0 >= 0x61 && $0 <= 0x7A) || ($0 >= 0x41 && $0 <= 0x5A) || $0 == 0x20 }) {
            return phrase.lowercased().split(separator: " ").map(String.init)
        }
        let chars = Array(phrase).enumerated().map { ($0.element, 1, $0.offset + 1) }
        return DraftText.tokenize(chars).map(\.lower)
    }

    private mutating func add(role: Role, words w: [String], meaning: String) {
        func counted() -> Counted {
            if meaning == "total" { return Counted(measure: .total, category: "") }
            let parts = meaning.split(separator: "/").map(String.init)
            return Counted(measure: Measure(rawValue: parts[0])!, category: parts[1])
        }
        switch role {
        case .people: people.append(Phrase(words: w, meaning: meaning))
        case .adjective: adjectives.append(Phrase(words: w, meaning: meaning))
        case .country: countries.append(Phrase(words: w, meaning: meaning))
        case .traveller: travellers.append(Phrase(words: w, meaning: counted()))
        case .category: categories.append(Phrase(words: w, meaning: counted()))
        case .hedge: hedges.append(Phrase(words: w, meaning: Qualifier(rawValue: meaning)!))
        case .number:
            if w.count == 1 { numbers[w[0]] = Int(meaning)! } else { numberPhrases.append(Phrase(words: w, meaning: Int(meaning)!)) }
        case .scale: for x in w { scales[x] = Int(meaning)! }
        case .entry: entryWords.insert(w[0])
        case .exit: exitWords.insert(w[0])
        case .toward: towardWords.insert(w[0])
        case .origin: originWords.insert(w[0])
        case .unit: if w.count == 1 { unitsAfter.insert(w[0]) } else { unitsAfter.insert(w[0]) }
        case .marker: markersBefore.append(w)
        case .notAfter: notAfter.insert(w[0])
        case .vague: vagues.append(Phrase(words: w, meaning: Int(meaning)!))
        case .period: periods.append(Phrase(words: w, meaning: try! Period(parsing: meaning)))
        }
    }

    private mutating func index() {
        func byFirst<M>(_ list: [Phrase<M>]) -> [String: [Phrase<M>]] {
            Dictionary(grouping: list.sorted { $0.words.count > $1.words.count }, by: { $0.words[0] })
        }
        peopleByFirst = byFirst(people)
        adjectivesByFirst = byFirst(adjectives)
        countriesByFirst = byFirst(countries)
        travellersByFirst = byFirst(travellers)
        categoriesByFirst = byFirst(categories)
        hedgesByLast = Dictionary(grouping: hedges.sorted { $0.words.count > $1.words.count }, by: { $0.words.last! })
        // The head noun of each traveller phrase ("workers" of "construction workers", not "construction").
        travellerWords = Set(travellers.compactMap(\.words.last))
        numberPhrasesByFirst = byFirst(numberPhrases)
        periodsByFirst = byFirst(periods)
        vaguesByFirst = byFirst(vagues)
        // Scale words start a number too when another follows ("hundred hundred …", "thousand million").
        let scaleWords = scales.keys.filter { $0.utf8.count > 2 }
        numberStarts = WordSet(Set(vaguesByFirst.keys).union(numberPhrasesByFirst.keys).union(numbers.keys).union(["a", "one"]).union(scaleWords))
        periodStarts = WordSet(Set(periodsByFirst.keys).union(ClaimExtractor.periodStarts))
        factorStarts = WordSet(Set(numbers.keys).union(RatioReader.multiplierWords.keys).union(["hundred", "half"]))
        travelWords = WordSet(entryWords.union(travellerWords).union(ClaimExtractor.statisticWords))
        mentionStarts = WordSet(Set(peopleByFirst.keys).union(adjectivesByFirst.keys).union(travellersByFirst.keys))
        countryStarts = WordSet(countriesByFirst.keys)
        peopleStarts = WordSet(peopleByFirst.keys)
        adjectiveStarts = WordSet(adjectivesByFirst.keys)
        travellerStarts = WordSet(travellersByFirst.keys)
        categoryStarts = WordSet(categoriesByFirst.keys)
        vagueStarts = WordSet(vaguesByFirst.keys)
        namedPeriodStarts = WordSet(periodsByFirst.keys)
        hedgeEnds = WordSet(hedgesByLast.keys)
        markerEnds = WordSet(markersBefore.compactMap(\.last))
        entries = WordSet(entryWords)
        exits = WordSet(exitWords)
        units = WordSet(unitsAfter)
        origins = WordSet(originWords)
        notAfters = WordSet(notAfter)
    }

    // MARK: Matching

    /// The longest phrase of `table` starting at token k, with its length.
    static func match<M>(_ table: [String: [Phrase<M>]], _ t: [Token], at k: Int) -> (Phrase<M>, Int)? {
        guard k < t.count, let candidates = table[t[k].lower] else { return nil }
        for p in candidates where k + p.words.count <= t.count {
            var ok = true
            for j in 1..<max(1, p.words.count) where t[k + j].lower != p.words[j] { ok = false; break }
            if ok { return (p, p.words.count) }
        }
        return nil
    }

    func person(_ t: [Token], at k: Int) -> (Phrase<String>, Int)? {
        k < t.count && peopleStarts.mayContain(t[k].lower) ? Vocabulary.match(peopleByFirst, t, at: k) : nil
    }
    func adjective(_ t: [Token], at k: Int) -> (Phrase<String>, Int)? {
        k < t.count && adjectiveStarts.mayContain(t[k].lower) ? Vocabulary.match(adjectivesByFirst, t, at: k) : nil
    }
    func traveller(_ t: [Token], at k: Int) -> (Phrase<Counted>, Int)? {
        k < t.count && travellerStarts.mayContain(t[k].lower) ? Vocabulary.match(travellersByFirst, t, at: k) : nil
    }
    func category(_ t: [Token], at k: Int) -> (Phrase<Counted>, Int)? {
        k < t.count && categoryStarts.mayContain(t[k].lower) ? Vocabulary.match(categoriesByFirst, t, at: k) : nil
    }

    /// A country at token k; "Korea's" matches "Korea".
    func country(_ t: [Token], at k: Int) -> (Phrase<String>, Int)? {
        guard k < t.count else { return nil }
        let first = t[k].lower.draftEndsInApostropheS ? String(t[k].lower.dropLast(2)) : t[k].lower
        guard countryStarts.mayContain(first), let candidates = countriesByFirst[first] else { return nil }
        for p in candidates where k + p.words.count <= t.count {
            var ok = true
            for j in 0..<p.words.count {
                var w = t[k + j].lower
                if w.draftEndsInApostropheS { w = String(w.dropLast(2)) }
                if w != p.words[j] { ok = false; break }
            }
            if ok { return (p, p.words.count) }
        }
        return nil
    }

    /// The hedge ending just before token k (the one next to the number wins: "only around 300" is about).
    func hedge(_ t: [Token], endingBefore k: Int) -> (Qualifier, Int)? {
        guard k > 0, hedgeEnds.mayContain(t[k - 1].lower), let candidates = hedgesByLast[t[k - 1].lower] else { return nil }
        for p in candidates where k >= p.words.count {
            let s = k - p.words.count
            if (0..<p.words.count).allSatisfy({ t[s + $0].lower == p.words[$0] }) { return (p.meaning, s) }
        }
        return nil
    }

    /// Whether a marker ("resolution", "$", "no .") ends just before token k.
    func marker(_ t: [Token], endingBefore k: Int) -> Bool {
        // A marker ends with the word before k: most words end none.
        guard k > 0, k <= t.count, markerEnds.mayContain(t[k - 1].lower) else { return false }
        return markersBefore.contains { m in
            k >= m.count && (0..<m.count).allSatisfy { t[k - m.count + $0].lower == m[$0] }
        }
    }

    func vague(_ t: [Token], at k: Int) -> (Phrase<Int>, Int)? {
        k < t.count && vagueStarts.mayContain(t[k].lower) ? Vocabulary.match(vaguesByFirst, t, at: k) : nil
    }
    func namedPeriod(_ t: [Token], at k: Int) -> (Phrase<Period>, Int)? {
        k < t.count && namedPeriodStarts.mayContain(t[k].lower) ? Vocabulary.match(periodsByFirst, t, at: k) : nil
    }

    func isTravellerWord(_ w: String) -> Bool { travellerWords.contains(w) }
}

extension Vocabulary {
    /// A vocabulary.csv on its own (the bundled one, lent to a package that has none). Every
    /// problem is a diagnostic at its file, line and column.
    public init(csv text: String, file: String, categories known: Set<String>? = nil) throws {
        var rows: [(role: String, phrase: String, meaning: String)] = []
        var problems: [Diagnostic] = []
        var header: [String] = []
        try CSVReader.read(Array(text.utf8), file: file) { record in
            if header.isEmpty { header = record.fields; return }
            func field(_ name: String) -> (String, Location) {
                guard let i = header.firstIndex(of: name), i < record.fields.count else {
                    return ("", Location(file: file, line: record.line))
                }
                return (record.fields[i], Location(file: file, line: record.positions[i].line, column: record.positions[i].column))
            }
            let role = field("role"), phrase = field("phrase"), meaning = field("meaning")
            if let p = Vocabulary.check(role: role.0, phrase: phrase.0, meaning: meaning.0, categories: known) {
                let at = p.field == "role" ? role.1 : p.field == "phrase" ? phrase.1 : meaning.1
                problems.append(Diagnostic(location: at, severity: .error, message: p.message))
            } else {
                rows.append((role.0, phrase.0, meaning.0))
            }
        }
        if !problems.isEmpty { throw LoadFailure(problems) }
        do { try self.init(rows: rows, categories: known) } catch let p as Problem {
            throw LoadFailure([Diagnostic(location: Location(file: file, line: 1), severity: .error, message: p.message)])
        }
    }
}

/// A set of lower-cased words asked about every word of a draft ("can this word start a number, a
/// period, a nationality?"). Most words are in none, and a `Set<String>` lookup hashes the whole
/// word with SipHash to say so; a 4096-bit filter of the members' FNV hashes answers most "no"s for
/// a few instructions a byte, and only a word it passes is looked up. (At 256 bits a set of a hundred
/// words, the travel words or the event aliases' first words, passed a third of all words or more.) Answers are the set's: a word
/// that is not ASCII (which could equal a member canonically, with other bytes) always goes to the
/// set; a member that is not ASCII is filed under its composed form (NFC, what `==` compares) when
/// that is ASCII ("\u{212A}" is "K"), and under nothing otherwise (no ASCII word can equal it).
struct WordSet: Sendable {
    private(set) var words: Set<String> = []
    private var bits = [UInt64](repeating: 0, count: WordSet.slots / 64)
    static let slots = 4096

    init() {}

    init<S: Sequence>(_ members: S) where S.Element == String {
        for w in members { insert(w) }
    }

    /// The filter slot of an ASCII word (0..<`slots`), or nil for a word that is not ASCII.
    @inline(__always) static func slot(_ w: String) -> Int? {
        // The bytes in place (a small string is copied to the stack): iterating `utf8` cost more.
        if let s = w.utf8.withContiguousStorageIfAvailable({ slot(bytes: $0) }) { return s }
        return slot(bytes: Array(w.utf8))
    }

    @inline(__always) static func slot<C: Collection>(bytes: C) -> Int? where C.Element == UInt8 {
        var h: UInt32 = 2_166_136_261
        for b in bytes {
            if b >= 0x80 { return nil }
            h = (h ^ UInt32(b)) &* 16_777_619
        }
        return Int(truncatingIfNeeded: (h ^ (h >> 16)) & UInt32(slots - 1))
    }

    @inline(__always) private func isSet(_ s: Int) -> Bool {
        bits[s >> 6] & (UInt64(1) << UInt64(s & 63)) != 0
    }

    mutating func insert(_ w: String) {
        words.insert(w)
        guard let s = WordSet.slot(w) ?? WordSet.slot(w.precomposedStringWithCanonicalMapping) else { return }
        bits[s >> 6] |= UInt64(1) << UInt64(s & 63)
    }

    /// False only when `w` is certainly not a member (no hashing of the String).
    @inline(__always) func mayContain(_ w: String) -> Bool {
        guard let s = WordSet.slot(w) else { return true }
        return isSet(s)
    }

    @inline(__always) func contains(_ w: String) -> Bool {
        mayContain(w) && words.contains(w)
    }
}

import Foundation
