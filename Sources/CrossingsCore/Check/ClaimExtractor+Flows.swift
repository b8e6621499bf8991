// Whose travel and where to: nationalities and countries named in a sentence, and the flow they give.

import Foundation

extension ClaimExtractor {
    /// Verbs whose subject country is the travellers' own: "North Korea sent/deployed/dispatched …".
    static let senderVerbs: Set<String> = ["sent", "send", "sends", "sending", "deployed", "deploys", "deploying", "dispatched",
                                           "dispatches", "dispatching", "transferred", "supplied", "had"]

    struct Mention {
        var index: Int
        var code: String
        /// A place travelled from ("returned from North Korea"), not to.
        var origin = false
    }

    /// Whose travel: citizens named by a people noun ("North Koreans"), an adjective before a traveller
    /// noun ("DPRK citizens", "Russian tourists", within three words), or a traveller noun with the
    /// country after "of"/"from" ("citizens of North Korea", "visitors from Russia").
    /// Also returns the token ranges these use, so their countries are not taken for destinations.
    func nationalityMentions(_ t: [Token]) -> (mentions: [Mention], used: [Range<Int>]) {
        var out: [Mention] = [], used: [Range<Int>] = []
        var k = 0
        while k < t.count {
            // One lookup for the three tables below: most words start no phrase of any.
            if !vocabulary.mentionStarts.contains(t[k].lower) { k += 1; continue }
            if let (p, n) = vocabulary.person(t, at: k) {
                out.append(Mention(index: k, code: p.meaning)); used.append(k..<k + n); k += n; continue
            }
            if let (p, n) = vocabulary.adjective(t, at: k) {
                // An adjective counts only before a traveller noun: "Russian tourists", not "Russian media".
                var j = k + n, noun = false
                while j < min(t.count, k + n + 4), t[j].kind == .word {
                    if vocabulary.traveller(t, at: j) != nil { noun = true; break }
                    j += 1
                }
                // Or one person: "not a single North Korean entered Russia by rail".
                let verb = k + n < t.count && (vocabulary.entries.contains(t[k + n].lower) || vocabulary.exits.contains(t[k + n].lower)
                                               || ["was", "is", "with"].contains(t[k + n].lower))
                if noun || verb { out.append(Mention(index: k, code: p.meaning)); used.append(k..<k + n); k += n; continue }
            }
            if let (_, n) = vocabulary.traveller(t, at: k), k + n < t.count, vocabulary.origins.contains(t[k + n].lower) {
                var j = k + n + 1
                if j < t.count, t[j].lower == "the" { j += 1 }
                if let (c, m) = vocabulary.country(t, at: j) {
                    out.append(Mention(index: k, code: c.meaning)); used.append(j..<j + m); k = j + m; continue
                }
            }
            k += 1
        }
        return (out, used)
    }

    /// Countries named as places, outside the nationality phrases.
    func countryMentions(_ t: [Token], skipping used: [Range<Int>]) -> [Mention] {
        var out: [Mention] = []
        var k = 0
        while k < t.count {
            if used.contains(where: { $0.contains(k) }) { k += 1; continue }
            if let (c, n) = vocabulary.country(t, at: k) {
                var j = k - 1
                if j >= 0, t[j].lower == "the" { j -= 1 }
                let origin = j >= 0 && t[j].lower != "of" && vocabulary.origins.contains(t[j].lower)
                out.append(Mention(index: k, code: c.meaning, origin: origin)); k += n; continue
            }
            k += 1
        }
        return out
    }

    /// Nationalities and countries named in a sentence, found once per sentence.
    struct Mentions {
        var nations: [Mention]
        var places: [Mention]
    }

    func mentions(_ t: [Token]) -> Mentions {
        var (nations, used) = nationalityMentions(t)
        // The places found below, kept while `used` is unchanged: the same search need not run twice.
        var placesSoFar: [Mention]?
        // A country that sends or has people abroad is whose citizens they are: "North Korea sent
        // approximately 15,000 labour migrants to Russia", "North Korea had about 5,000 workers in Russia".
        if nations.isEmpty {
            placesSoFar = countryMentions(t, skipping: used)
            for m in placesSoFar! {
                let end = m.index + (vocabulary.country(t, at: m.index)?.1 ?? 1)
                var j = end
                while j < min(t.count, end + 3), ["has", "have", "had", "also", "reportedly", "already", "then", "since"].contains(t[j].lower) {
                    if ["had", "has", "have"].contains(t[j].lower), j + 1 < t.count, !ClaimExtractor.senderVerbs.contains(t[j + 1].lower) { break }
                    j += 1
                }
                if j < t.count, ClaimExtractor.senderVerbs.contains(t[j].lower) || (j > end && ["had", "has"].contains(t[j - 1].lower) && j == end + 1) {
                    nations.append(Mention(index: m.index, code: m.code)); used.append(m.index..<end)
                    placesSoFar = nil
                    break
                }
            }
        }
        // A country named inside a nationality phrase is not a destination; nor is one an adjective names.
        let places = (placesSoFar ?? countryMentions(t, skipping: used)).filter { m in !nations.contains { $0.index == m.index } }
        return Mentions(nations: nations, places: places)
    }

    func flowHint(_ m: Mentions, near position: Int, context: Context) -> Flow? {
        // Where they went: a place travelled from is no destination ("Russians returned from North Korea").
        let nations = m.nations, places = m.places.filter { !$0.origin }
        let citizens = nations.min { abs($0.index - position) < abs($1.index - position) }?.code
        switch citizens {
        case nil:
            // Russians still the subject, and a new destination named: "… like Turkey (6.62 million)".
            if let f = context.flow, f.citizens == "RU", !m.places.contains(where: \.origin),
               let place = places.filter({ $0.code != "RU" }).min(by: { abs($0.index - position) < abs($1.index - position) }) {
                return Flow(citizens: "RU", destination: place.code)
            }
            return nil
        case "RU":
            let destination = places.filter { $0.code != "RU" }.min { abs($0.index - position) < abs($1.index - position) }?.code
                ?? (m.places.contains(where: \.origin) ? nil : context.flow.flatMap { $0.citizens == "RU" ? $0.destination : nil })
            guard let destination else { return nil }
            return Flow(citizens: "RU", destination: destination)
        case let code?:
            if places.contains(where: { $0.code != "RU" && $0.code != code }) && !places.contains(where: { $0.code == "RU" }) { return nil }
            return Flow(citizens: code, destination: "RU")
        }
    }
}
