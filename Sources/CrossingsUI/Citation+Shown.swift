import Foundation
import CrossingsCore

/// The citation of a figure as the explorer shows it (CrossingsCore's `Citation` has the rest,
/// shared with the language server).
extension Citation {
    /// The shown value of a key, with its attribution (or its formula and the attribution of its parts).
    static func line(_ f: ShownFigure, _ data: Dataset) -> String {
        let phrase = self.phrase(f.key, data)
        var text: String
        if f.isDerived, let d = f.rows.first(where: { $0.status == .derived })?.derivation {
            text = "\(formatCount(d.value)) \(phrase) (worked out by crossings as \(d.formula) = \(d.worked),"
                + " printed by no source, from \(attribution(d.observations, data)))"
        } else {
            let obs = f.rows.first { $0.status == .reported && $0.value == f.value }?.observations ?? []
            text = "\(words(f.value)) \(phrase) (\(attribution(obs, data)))"
        }
        for n in f.rows.first?.notes ?? [] { text += "; note: " + n }
        if let q = f.partialQuarters {
            text += "; this covers only \(q) of the \(f.key.period.quarterCount) quarters of \(f.key.period)"
        }
        // The Alt column's `+1`, in words (an export's citation column carries it): other values for the
        // number that agree with it. Their numbers are left to the citations page: pasted under a
        // sentence, the line must claim its own figure only (a `~1,700` beside 1,696 read as a contradiction).
        let others = f.rows.filter { $0.value != f.value || ($0.status == .derived) != f.isDerived }
            .map { $0.value.display + ($0.status == .derived ? " derived" : "") }
        if f.agrees, f.alternatives > 0 {
            let n = f.alternatives
            text += n == 1 ? "; one other value is on record for it, and agrees" : "; \(countInWords(n)) other values are on record for it, and agree"
        }
        if !f.agrees {
            if !others.isEmpty { text += "; sources disagree, other values: " + others.joined(separator: ", ") }
            // Marked without a second value of its own (a part of a whole that its parts do not add up
            // to): say why, in the resolver's words.
            if let why = f.rows.first?.disputes.first { text += "; disputed: " + why }
        }
        return visible(text + ".")
    }

    /// A source's line as `y` copies it, its outlet, title and URL clipped (`clipped`): a 3 MB
    /// title leaves the date and URL in the line, and the line bounded.
    static func shownLine(_ s: Source) -> String {
        var short = s
        short.outlet = clipped(s.outlet)
        short.title = clipped(s.title)
        short.url = clipped(s.url)
        return line(short)
    }

    /// An event's line as `y` copies it, its summary clipped.
    static func shownLine(_ e: Event, _ data: Dataset) -> String {
        var short = e
        short.summary = clipped(e.summary)
        return line(short, data)
    }
}

/// `two`, `eleven`, then `13`: a count in a citation line in words, so the checker reading a pasted
/// line does not take it for a claim about crossings.
func countInWords(_ n: Int) -> String {
    let words = ["zero", "one", "two", "three", "four", "five", "six", "seven", "eight", "nine", "ten", "eleven", "twelve"]
    return words.indices.contains(n) ? words[n] : formatCount(n)
}
