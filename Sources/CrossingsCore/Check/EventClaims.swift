/// How a draft names a timeline event: one alternative of the `aliases` column of
/// events.csv. The sentence must contain every term; a term is satisfied by any one
/// of its phrases, or, for a term written `!phrase`, by none of them.
///
/// Column syntax: alternatives separated by `;`, terms by ` + `, phrases by `|`;
/// words are matched whole and case-blind, a word ending in `*` matches any ending.
///
/// ```swift
/// EventAlias.parseList("resolution 2397 + adopted|passed; un + 2397")?.count == 2
/// ```
public struct EventAlias: Hashable, Sendable, CustomStringConvertible {
    public struct Term: Hashable, Sendable {
        /// Each phrase a list of lower-cased words.
        public var phrases: [[String]]
        /// The sentence must contain none of the phrases.
        public var negated: Bool
    }

    public var terms: [Term]

    public var description: String {
        terms.map { ($0.negated ? "!" : "") + $0.phrases.map { $0.joined(separator: " ") }.joined(separator: "|") }.joined(separator: " + ")
    }

    /// The column's alternatives; empty for an empty column, nil when the text is not a list.
    public static func parseList(_ text: String) -> [EventAlias]? {
        let trimmed = text.trimmingSpaces()
        if trimmed.isEmpty { return [] }
        var out: [EventAlias] = []
        for alternative in trimmed.split(separator: ";", omittingEmptySubsequences: false) {
            var terms: [Term] = []
            for rawTerm in alternative.split(separator: "+", omittingEmptySubsequences: false) {
                var phrases: [[String]] = [], negated = false
                for rawPhrase in rawTerm.split(separator: "|", omittingEmptySubsequences: false) {
                    var p = String(rawPhrase).trimmingSpaces().lowercased()
                    if p.hasPrefix("!") { negated = true; p.removeFirst() }
                    let words = p.split(separator: " ").map(String.init)
                    guard !words.isEmpty, words.allSatisfy({ $0 != "*" }) else { return nil }
                    phrases.append(words)
                }
                terms.append(Term(phrases: phrases, negated: negated))
            }
            // An alternative needs something to find, not only things to avoid.
            guard terms.contains(where: { !$0.negated }) else { return nil }
            out.append(EventAlias(terms: terms))
        }
        return out
    }

    /// The token positions of the matched terms, when the sentence names the event this way: every
    /// phrase tried at every word (EventReader asks `match(_:firstIDs:starts:)`, which looks only
    /// where a phrase's first word stands).
    func match(_ words: [String]) -> [Int]? {
        Self.combine(terms) { term, _ in term.phrases.flatMap { EventAlias.occurrences(of: $0, in: words) } }
    }

    /// The terms' positions put together: nil when a wanted term is missing or an unwanted one is there.
    private static func combine(_ terms: [Term], found: (Term, Int) -> [Int]) -> [Int]? {
        var positions: [Int] = []
        for (i, term) in terms.enumerated() {
            let at = found(term, i)
            if term.negated {
                if !at.isEmpty { return nil }
            } else {
                if at.isEmpty { return nil }
                positions += at
            }
        }
        return positions
    }

    /// Where the numbered first words of phrases (EventReader) stand in one sentence: `at[id]`, a
    /// possessive also as the word without its "'s", and `hit[id]` whether it does.
    struct Starts {
        var hit: [Bool]
        var at: [Int: [Int]] = [:]
        /// Whether a phrase whose first word is numbered `id` (-1: a wildcard) can start in the sentence.
        @inline(__always) func canStart(_ id: Int) -> Bool { id < 0 || hit[id] }
    }

    /// `match(_:)` with the sentence's words already looked up (EventReader): `firstIDs`
    /// numbers each term's phrases' first words (-1: a wildcard).
    func match(_ words: [String], firstIDs: [[Int]], starts: Starts) -> [Int]? {
        // A term none of whose phrases can start in the sentence cannot match: most aliases stop here.
        for (term, ids) in zip(terms, firstIDs) where !term.negated {
            if !ids.contains(where: starts.canStart) { return nil }
        }
        return Self.combine(terms) { term, i in
            zip(term.phrases, firstIDs[i]).flatMap { phrase, id -> [Int] in
                if id < 0 { return EventAlias.occurrences(of: phrase, in: words) }
                return starts.at[id].map { EventAlias.occurrences(of: phrase, in: words, startingAt: $0) } ?? []
            }
        }
    }

    /// `occurrences(of:in:)` for a phrase whose first word matches exactly at `starts` (ascending).
    static func occurrences(of phrase: [String], in words: [String], startingAt starts: [Int]) -> [Int] {
        guard !phrase.isEmpty, words.count >= phrase.count else { return [] }
        var out: [Int] = []
        let wild = phrase.map(\.draftEndsInStar)
        for i in starts where i <= words.count - phrase.count {
            var ok = true
            for j in 1..<phrase.count {
                let w = words[i + j], p = phrase[j]
                if wild[j] {
                    if !w.hasPrefix(p.dropLast()) { ok = false; break }
                } else if w != p && !(w.draftEndsInApostropheS && w.dropLast(2) == p) {
                    ok = false; break
                }
            }
            if ok { out += Array(i..<(i + phrase.count)) }
        }
        return out
    }

    static func occurrences(of phrase: [String], in words: [String]) -> [Int] {
        guard !phrase.isEmpty, words.count >= phrase.count else { return [] }
        var out: [Int] = []
        // Which words of the phrase are wildcards, asked once, not at every position of the sentence.
        let wild = phrase.map(\.draftEndsInStar)
        for i in 0...(words.count - phrase.count) {
            var ok = true
            for (j, p) in phrase.enumerated() {
                let w = words[i + j]
                if wild[j] {
                    if !w.hasPrefix(p.dropLast()) { ok = false; break }
                } else if w != p && !(w.draftEndsInApostropheS && w.dropLast(2) == p) {  // "p's", without making it
                    ok = false; break
                }
            }
            if ok { out += Array(i..<(i + phrase.count)) }
        }
        return out
    }
}

/// A claimed date of a timeline event: "Resolution 2397 passed in 2017".
public struct EventClaim: Sendable, Hashable {
    public var eventID: String
    public var summary: String
    /// `YYYY`, `YYYY-MM`, `YYYY-MM-DD`, `YYYY-QN`, `YYYY-HN`, as in event_dates.csv.
    public var date: String
    public var precision: EventDate.Precision
    /// The date as the draft words it: "Dec. 2019".
    public var printed: String

    /// The claimed date as an `EventDate`, for overlap tests and labels.
    public var asEventDate: EventDate {
        EventDate(eventID: eventID, date: date, precision: precision, printed: printed, sourceID: "", locator: "", note: "",
                  location: Location(file: "", line: 0))
    }
}

/// A date written in a draft: "in 2017", "Dec. 2019", "on 22 December 2017", "May 7, 2025",
/// "early May 2025", "the first quarter of 2025".
struct DraftDate {
    var start: Int
    var end: Int
    var date: String
    var precision: EventDate.Precision
    /// The period it stands for, when it is a year, half or quarter.
    var period: Period? {
        switch precision {
        case .year: Int(date).map { .year($0) }
        case .quarter, .half: try? Period(parsing: date)
        default: nil
        }
    }

    /// The month names the count reader knows (one table for both readers).
    static var months: [String: Int] { ClaimExtractor.months }
    static let ordinals: [String: Int] = ["first": 1, "1st": 1, "second": 2, "2nd": 2, "third": 3, "3rd": 3, "fourth": 4, "4th": 4]

    static func two(_ n: Int) -> String { n < 10 ? "0\(n)" : "\(n)" }

    /// Every date in a sentence's tokens, left to right, none overlapping. With the document's
    /// date (`relativeTo`), a month or day written without its year ("at the end of April", "on
    /// May 7", "since September") is the latest such one not after the document's date, and "last
    /// year" / "this year" are the years before / of it; without one they are not read.
    static func find(_ t: [Token], relativeTo asOf: CalendarDay? = nil) -> [DraftDate] {
        func w(_ j: Int) -> String { j >= 0 && j < t.count ? t[j].lower : "" }
        func year(_ j: Int) -> Int? {
            guard j >= 0, j < t.count, t[j].kind == .number, t[j].text.count == 4, t[j].text.allSatisfy(\.isASCIIDigit),
                  let y = Int(t[j].text), (1900...2199).contains(y) else { return nil }
            return y
        }
        func dayNumber(_ j: Int) -> Int? {
            guard j >= 0, j < t.count, t[j].kind == .number, t[j].text.count <= 2, t[j].text.allSatisfy(\.isASCIIDigit),
                  let d = Int(t[j].text), (1...31).contains(d) else { return nil }
            return d
        }
        /// A month name at j (with its abbreviation's dot), and the token after it.
        func month(_ j: Int) -> (Int, Int)? {
            guard let m = ClaimExtractor.month(w(j)), w(j) != "may" || year(j + 1) != nil || dayNumber(j + 1) != nil else { return nil }
            return (m, w(j + 1) == "." ? j + 2 : j + 1)
        }
        /// The year of a month (and day) written without one: the latest not after the document's date.
        func yearOf(_ m: Int, _ d: Int) -> Int? {
            guard let asOf else { return nil }
            return (m, d) <= (asOf.month, asOf.day) ? asOf.year : asOf.year - 1
        }
        /// A month name with no year: written with a capital ("march" is a verb), and not one end of a range
        /// ("from July to September 2024", "between January and July": the year may be the other end's).
        func yearless(_ j: Int) -> Bool {
            guard asOf != nil, j < t.count, t[j].text.first?.isUppercase == true else { return false }
            let joins: Set<String> = ["and", "to", "through", "or", "-", "–"]
            func dateWord(_ i: Int) -> Bool { ClaimExtractor.month(w(i)) != nil || year(i) != nil }
            return w(j - 1) != "between" && !(joins.contains(w(j - 1)) && dateWord(j - 2))
                && !(joins.contains(w(j + 1)) && dateWord(j + 2)) && year(j + 1) == nil
        }
        var out: [DraftDate] = []
        var k = 0
        while k < t.count {
            // last year, this year (with the document's date)
            if let asOf, ["last", "this"].contains(w(k)), w(k + 1) == "year", !["same", "period"].contains(w(k - 1)) {
                out.append(DraftDate(start: k, end: k + 2, date: "\(w(k) == "last" ? asOf.year - 1 : asOf.year)", precision: .year)); k += 2; continue
            }
            // 2025-05-07
            if let y = year(k), w(k + 1) == "-", let m = dayNumber(k + 2), m <= 12, w(k + 3) == "-", let d = dayNumber(k + 4),
               d <= EventDate.daysIn(m, y) {
                out.append(DraftDate(start: k, end: k + 5, date: "\(y)-\(two(m))-\(two(d))", precision: .day)); k += 5; continue
            }
            // 22 December 2017
            if let d = dayNumber(k), let (m, j) = month(k + 1), let y = year(j) {
                if d <= EventDate.daysIn(m, y) {
                    out.append(DraftDate(start: k, end: j + 1, date: "\(y)-\(two(m))-\(two(d))", precision: .day))
                }
                k = j + 1; continue
            }
            // 7 May (the document's year)
            if let d = dayNumber(k), let (m, j) = month(k + 1), year(j) == nil, yearless(k + 1), let y = yearOf(m, d), d <= EventDate.daysIn(m, y) {
                out.append(DraftDate(start: k, end: j, date: "\(y)-\(two(m))-\(two(d))", precision: .day)); k = j; continue
            }
            // early / mid / late May 2025, the end of April 2025, mid-October 2024
            var part: EventDate.Precision = .month, j = k
            switch w(k) {
            case "early", "beginning", "start": part = .earlyMonth; j = k + 1
            case "mid", "middle": part = .midMonth; j = k + 1
            case "late", "end": part = .lateMonth; j = k + 1
            default:
                if w(k).hasPrefix("mid-"), ClaimExtractor.month(String(w(k).dropFirst(4))) != nil { part = .midMonth }
            }
            if j > k, w(j) == "of" { j += 1 }
            if part == .midMonth, j == k, w(k).hasPrefix("mid-"), let m = ClaimExtractor.month(String(w(k).dropFirst(4))), let y = year(k + 1) {
                out.append(DraftDate(start: k, end: k + 2, date: "\(y)-\(two(m))", precision: .midMonth)); k += 2; continue
            }
            if let (m, after) = month(j) {
                // December 22, 2017
                if part == .month, let d = dayNumber(after) {
                    var e = after + 1
                    if w(e) == "," { e += 1 }
                    if let y = year(e), d <= EventDate.daysIn(m, y) {
                        out.append(DraftDate(start: k, end: e + 1, date: "\(y)-\(two(m))-\(two(d))", precision: .day)); k = e + 1; continue
                    }
                }
                if let y = year(after) {
                    out.append(DraftDate(start: k, end: after + 1, date: "\(y)-\(two(m))", precision: part)); k = after + 1; continue
                }
                // May 7, early September, the end of April, in August, since September (the document's year);
                // a bare month only after a preposition.
                if yearless(j) {
                    if part == .month, let d = dayNumber(after), year(after + 1) == nil, let y = yearOf(m, d), d <= EventDate.daysIn(m, y) {
                        out.append(DraftDate(start: k, end: after + 1, date: "\(y)-\(two(m))-\(two(d))", precision: .day)); k = after + 1; continue
                    }
                    if part != .month || ["in", "since", "on", "by", "during", "until", "from", "of"].contains(w(k - 1)), let y = yearOf(m, 0) {
                        out.append(DraftDate(start: k, end: after, date: "\(y)-\(two(m))", precision: part)); k = after; continue
                    }
                }
            }
            // the third and fourth quarters of 2024: a half
            if let n1 = ordinals[w(k)], w(k + 1) == "and", let n2 = ordinals[w(k + 2)], w(k + 3) == "quarters", n2 == n1 + 1, n1 % 2 == 1 {
                var e = k + 4
                if w(e) == "of" || w(e) == "in" { e += 1 }
                if let y = year(e) {
                    out.append(DraftDate(start: k, end: e + 1, date: "\(y)-H\((n1 + 1) / 2)", precision: .half)); k = e + 1; continue
                }
            }
            // the first quarter of 2025, Q1 2025, the second half of 2020
            if let n = ordinals[w(k)], ["quarter", "half"].contains(w(k + 1)) {
                let isQuarter = w(k + 1) == "quarter"
                var e = k + 2
                if w(e) == "of" || w(e) == "in" { e += 1 }
                if let y = year(e), isQuarter || n <= 2 {
                    out.append(DraftDate(start: k, end: e + 1, date: "\(y)-\(isQuarter ? "Q" : "H")\(n)", precision: isQuarter ? .quarter : .half))
                    k = e + 1; continue
                }
            }
            if w(k).count == 2, let n = Int(w(k).dropFirst()), w(k).first == "q" || w(k).first == "h",
               (w(k).first == "q" ? 1...4 : 1...2).contains(n) {
                var e = k + 1
                if w(e) == "of" { e += 1 }
                if let y = year(e) {
                    let q = w(k).first == "q"
                    out.append(DraftDate(start: k, end: e + 1, date: "\(y)-\(q ? "Q" : "H")\(n)", precision: q ? .quarter : .half))
                    k = e + 1; continue
                }
            }
            // 2024-Q3, 2025-H1
            if let y = year(k), w(k + 1) == "-", ["q1", "q2", "q3", "q4", "h1", "h2"].contains(w(k + 2)) {
                let q = w(k + 2).first == "q"
                out.append(DraftDate(start: k, end: k + 3, date: "\(y)-\(w(k + 2).uppercased())", precision: q ? .quarter : .half))
                k += 3; continue
            }
            // 2017 (not 2010-2019, not a count "2000 people" — a bare year is read only after a preposition or alone)
            if let y = year(k), !(w(k + 1) == "-" || w(k + 1) == "–"), !(w(k - 1) == "-" || w(k - 1) == "–") {
                out.append(DraftDate(start: k, end: k + 1, date: "\(y)", precision: .year))
            }
            k += 1
        }
        return out
    }

    /// The date as the draft has it: "Dec. 2019", "May 7, 2025".
    static func printed(_ t: [Token], _ start: Int, _ end: Int) -> String {
        var s = ""
        for k in start..<end {
            if k > start, ![".", ","].contains(t[k].text) { s += " " }
            s += t[k].text
        }
        return s
    }
}

/// Finds, in a sentence, the timeline events it names with a date.
///
/// Conservative by design: an event is named only when one of its aliases matches
/// (every term found); each date goes to the nearest named event (ties: to none), each
/// event takes at most one date, and a date inside an "after …"/"before …"/"since …"
/// phrase dates something else, so it is not read, unless that word is one of the event's
/// alias words ("5,000 more + arriv* + since"). With the document's date, dates written
/// without a year are read (`DraftDate.find`).
struct EventReader {
    var events: [Event]
    /// The document's date, for dates written without a year and "last year".
    var asOf: CalendarDay?

    /// Every phrase's first word that is not a wildcard, numbered: a sentence's words are looked up
    /// once each (`firstWordFilter` turns most away unhashed), and each alias then asks where its
    /// phrases can start by number, an array index, instead of hashing its words in every sentence.
    var firstWordIDs: [String: Int] = [:]
    var firstWordFilter = WordSet()
    /// For each event, alias, term and phrase: the number of the phrase's first word, or -1 for a
    /// wildcard first word ("arriv*"), which can start anywhere.
    var firstIDs: [[[[Int]]]] = []
    /// For each event, the numbers of the first words of the phrases of its terms to find (not to
    /// avoid): the event can be named only where one of them stands (-1, a wildcard: anywhere).
    var startIDs: [[Int]] = []

    init(_ data: Dataset, asOf: CalendarDay? = nil) {
        events = data.events.filter { !$0.aliases.isEmpty }
        self.asOf = asOf
        for e in events {
            firstIDs.append(e.aliases.map { alias in
                alias.terms.map { term in
                    term.phrases.map { p -> Int in
                        guard let f = p.first, !f.draftEndsInStar else { return -1 }
                        if let id = firstWordIDs[f] { return id }
                        firstWordIDs[f] = firstWordIDs.count
                        firstWordFilter.insert(f)
                        return firstWordIDs.count - 1
                    }
                }
            })
            startIDs.append(zip(e.aliases, firstIDs.last!).flatMap { alias, terms in
                zip(alias.terms, terms).flatMap { term, ids in term.negated ? [] : ids }
            })
        }
    }

    /// The number of a phrase's first word equal to `w`, if any.
    @inline(__always) func firstWordID(_ w: String) -> Int? {
        firstWordFilter.mayContain(w) ? firstWordIDs[w] : nil
    }

    func claims(in sentence: Sentence) -> [Claim] {
        guard !events.isEmpty else { return [] }
        let t = sentence.tokens
        let words = t.map(\.lower)
        // Where each first word stands (`EventAlias.positions`, kept only for the words an alias starts with).
        var starts = EventAlias.Starts(hit: [Bool](repeating: false, count: firstWordIDs.count))
        for (i, w) in words.enumerated() {
            if let id = firstWordID(w) { starts.hit[id] = true; starts.at[id, default: []].append(i) }
            if w.draftEndsInApostropheS, let id = firstWordID(String(w.dropLast(2))) { starts.hit[id] = true; starts.at[id, default: []].append(i) }
        }
        var named: [(Event, [Int])] = []
        for i in events.indices {
            // Only an event a phrase of whose terms to find can start here: an alias of nothing but
            // terms to avoid is asked only of an event named by another alias.
            guard startIDs[i].contains(where: starts.canStart) else { continue }
            var best: [Int]?
            for (a, alias) in events[i].aliases.enumerated() {
                if let p = alias.match(words, firstIDs: firstIDs[i][a], starts: starts) { best = (best ?? []) + p }
            }
            if let best { named.append((events[i], best)) }
        }
        guard !named.isEmpty else { return [] }
        // "After reporting 295 in the first quarter of 2025, it ceased …": that quarter dates the report.
        // The word that puts a date in such a phrase; the date is still the event's when that word is
        // one of the event's own alias words ("have been arriving since September").
        var dates: [DraftDate] = [], guards: [Int?] = []
        for d in DraftDate.find(t, relativeTo: asOf) {
            var k = d.start - 1, guardWord: Int?
            while k >= 0, k >= d.start - 6, ![",", ";", "(", ")"].contains(t[k].text) {
                if ["after", "before", "since", "until", "till", "following", "prior"].contains(t[k].lower) { guardWord = k; break }
                k -= 1
            }
            if let g = guardWord, !named.contains(where: { $0.1.contains(g) }) { continue }
            dates.append(d); guards.append(guardWord)
        }
        guard !dates.isEmpty else { return [] }
        func distance(_ positions: [Int], _ d: DraftDate) -> Int {
            positions.map { p in p < d.start ? d.start - p : (p >= d.end ? p - d.end + 1 : 0) }.min() ?? Int.max
        }
        var pairs: [(Int, Int, Int)] = []  // distance, event index, date index
        for (ei, (_, positions)) in named.enumerated() {
            for (di, d) in dates.enumerated() {
                if let g = guards[di], !positions.contains(g) { continue }
                let dist = distance(positions, d)
                if dist <= 25 { pairs.append((dist, ei, di)) }
            }
        }
        pairs.sort { ($0.0, $0.2, $0.1) < ($1.0, $1.2, $1.1) }
        var usedEvents = Set<Int>(), usedDates = Set<Int>()
        var chosen: [(Int, Int)] = []
        for (i, (dist, ei, di)) in pairs.enumerated() where !usedEvents.contains(ei) && !usedDates.contains(di) {
            // Two events equally near one date: the sentence does not say whose date it is.
            let rival = pairs[(i + 1)...].contains { $0.0 == dist && $0.2 == di && $0.1 != ei && !usedEvents.contains($0.1) }
            usedDates.insert(di)
            if rival { continue }
            usedEvents.insert(ei)
            chosen.append((ei, di))
        }
        return chosen.sorted { $0.1 < $1.1 }.map { ei, di in
            let e = named[ei].0, d = dates[di]
            let first = t[d.start], last = t[d.end - 1]
            let printed = DraftDate.printed(t, d.start, d.end)
            return Claim(sentence: sentence.text, line: first.line, column: first.column,
                         endColumn: last.line == first.line ? last.endColumn : first.column + printed.count,
                         printed: printed,
                         value: ReportedValue(value: Int(d.date.prefix(4)) ?? 0, printed: printed),
                         flow: nil, period: nil, periodProblem: nil, measure: .total, category: "",
                         event: EventClaim(eventID: e.id, summary: e.summary, date: d.date, precision: d.precision, printed: printed))
        }
    }
}
