// Categories: the category phrase or traveller noun a number is about ("by rail", "tourists").

import Foundation

extension ClaimExtractor {
    /// A category phrase at token k ("by rail"), or a traveller noun that names one ("tourists", "crews"),
    /// unless the next word makes it something else ("tourist destinations", "student visas").
    func matchCategory(_ t: [Token], at k: Int) -> (Measure, String)? {
        matchCategory(t, at: k, explicit: true).map { ($0.0, $0.1) } ?? matchCategory(t, at: k, explicit: false).map { ($0.0, $0.1) }
    }

    /// A category phrase at token k ("by rail") when `explicit`, else a traveller noun that implies one
    /// ("tourists", "crews"), unless the next word makes it something else ("tourist destinations",
    /// "student visas"). With the phrase's length.
    func matchCategory(_ t: [Token], at k: Int, explicit: Bool) -> (Measure, String, Int)? {
        var found: (Measure, String, Int)?
        if explicit {
            if let (p, n) = vocabulary.category(t, at: k) {
                // A category word that modifies a traveller noun is the noun's: "train and aircraft crews" are crews.
                var j = k + n
                while j < min(t.count, k + n + 3), t[j].kind == .word {
                    if let (tp, _) = vocabulary.traveller(t, at: j), tp.meaning.measure != .total { return nil }
                    j += 1
                }
                found = (p.meaning.measure, p.meaning.category, n)
            }
        } else if let (p, n) = vocabulary.traveller(t, at: k), p.meaning.measure != .total {
            found = (p.meaning.measure, p.meaning.category, n)
        }
        guard let (measure, category, n) = found else { return nil }
        if k + n < t.count, vocabulary.notAfters.contains(t[k + n].lower) { return nil }
        return (measure, category, n)
    }

    /// The nearest category phrase: right after the number (up to seven words, in its clause), else before it (back to the previous number).
    /// The category of the number at n: a category phrase named outright ("by rail", "on private
    /// visits") after the number (up to ten words, in its clause), else before it (back to the previous
    /// number); only then the category a traveller noun implies ("tourists", "workers"), after, then
    /// before. `fromBefore` says it came from before the number (the sentence's subject), which the
    /// next number of a list shares ("students entered 38 times in Q1 and 332 times in Q2").
    func categoryOf(_ n: NumberMention, tokens t: [Token], prevEnd: Int, nextStart: Int) -> (measure: Measure, category: String, fromBefore: Bool)? {
        let parenthesised = isParenthesised(n, tokens: t)
        func after(_ explicit: Bool) -> (Measure, String)? {
            var k = n.end
            // Up to twelve words on, within the clause: "1,156, personal visits came to 666" keeps them apart.
            while k < min(nextStart, n.end + 12), ![",", ";", "(", ")"].contains(t[k].text) {
                if let c = matchCategory(t, at: k, explicit: explicit) { return (c.0, c.1) }
                k += 1
            }
            return nil
        }
        func before(_ explicit: Bool) -> (Measure, String)? {
            var k = n.start - 1
            // Not past a semicolon or a full new subject: "thousands of troops were in Russia; 13,221 North
            // Koreans entered" — the troops are not what 13,221 counts.
            while k >= prevEnd, t[k].text != ";", vocabulary.person(t, at: k) == nil {
                if matchCategory(t, at: k, explicit: explicit) != nil {
                    // The longest phrase that reaches this word: "business delegations", not "delegations".
                    var best = matchCategory(t, at: k, explicit: explicit)!
                    for j in stride(from: k - 1, through: max(prevEnd, k - 3), by: -1) {
                        if let c = matchCategory(t, at: j, explicit: explicit), j + c.2 > k, j + c.2 <= n.start { best = c }
                    }
                    return (best.0, best.1)
                }
                k -= 1
            }
            return nil
        }
        func find(_ explicit: Bool) -> (Measure, String, Bool)? {
            let first = parenthesised ? before(explicit).map { ($0.0, $0.1, true) } : after(explicit).map { ($0.0, $0.1, false) }
            return first ?? (parenthesised ? after(explicit).map { ($0.0, $0.1, false) } : before(explicit).map { ($0.0, $0.1, true) })
        }
        let named = find(true), implied = find(false)
        // Troops or workers moved "by ship" are an estimate of troops, not the FSB's count by sea.
        if let i = implied, i.0 == .estimate, named.map({ $0.0 != .estimate }) ?? true { return (i.0, i.1, i.2) }
        return (named ?? implied).map { ($0.0, $0.1, $0.2) }
    }
}
