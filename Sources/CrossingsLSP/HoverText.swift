import CrossingsCore

/// The Markdown of a hover on a checked number: the verdict and why (as `crossings check` says it),
/// then every figure the dataset holds for the key with every source behind it (outlet, date,
/// producer chain, locator, the wording it printed), and any disagreement between them.
///
/// Everything from the draft or the dataset passes through `visible` and has Markdown's own
/// characters escaped: a source's outlet cannot format the hover or hide text in it.
enum HoverText {
    static func markdown(_ f: Finding, _ data: Dataset) -> String {
        var out = "**\(f.verdict.rawValue)** — " + escaped(CheckOutput.summary(f)) + "\n"
        let rows = f.rows
        if let key = f.claim.key, !rows.isEmpty {
            out += "\n**The dataset's figures for \(escaped(key.description))**\n\n"
            for row in rows {
                out += "- " + escaped(row.value.display) + " (\(row.status.rawValue))"
                if let d = row.derivation { out += ": " + escaped("\(d.formula) = \(d.worked)") }
                out += "\n"
                for o in row.observations { out += "  - " + source(o.sourceID, locator: o.locator, printed: o.printed, producer: o.producer, data) + "\n" }
            }
            let disputes = uniqued(rows.flatMap(\.disputes))
            if !Resolver.allAgree(rows.map(\.value)) || !disputes.isEmpty {
                out += "\n**Disagreement:** " + escaped(disputes.isEmpty ? "the sources give " + rows.map(\.value.display).joined(separator: ", ") : disputes.joined(separator: "; ")) + "\n"
            }
            let notes = uniqued(rows.flatMap(\.notes))
            if !notes.isEmpty { out += "\n" + notes.map { "- note: " + escaped($0) }.joined(separator: "\n") + "\n" }
        } else if !f.eventDates.isEmpty {
            out += "\n**Dates by source**\n\n"
            for d in f.eventDates { out += "- " + escaped(d.label) + ": " + source(d.sourceID, locator: d.locator, printed: d.printed, producer: nil, data) + "\n" }
        } else if !f.sourceIDs.isEmpty {
            out += "\n**Sources**\n\n"
            for id in f.sourceIDs { out += "- " + source(id, locator: "", printed: "", producer: nil, data) + "\n" }
        }
        return out
    }

    /// `News1 Global, 2025-02-10 — FSB border service > News1 Global — ¶6 — printed “13,221” — <https://…>`
    static func source(_ id: String, locator: String, printed: String, producer: String?, _ data: Dataset) -> String {
        guard let s = data.sourceByID[id] else { return escaped("\(id) (not in sources.csv)") }
        var parts = ["**" + escaped(s.outlet) + "**" + (s.date.isEmpty ? ", undated" : ", " + escaped(s.date))]
        let chain = s.chain.isEmpty ? (producer.map { [$0, s.outlet] } ?? []) : s.chain
        if !chain.isEmpty { parts.append(escaped(chain.joined(separator: " > "))) }
        if !locator.isEmpty { parts.append(escaped(locator)) }
        if !printed.isEmpty { parts.append("printed “" + escaped(printed) + "”") }
        if s.url.hasPrefix("http://") || s.url.hasPrefix("https://"), !s.url.contains(where: { $0 == ">" || $0 == " " || $0 == "<" }) {
            parts.append("<" + visible(s.url) + ">")
        }
        return parts.joined(separator: " — ")
    }

    /// Text made safe for Markdown: visible, and its formatting characters escaped.
    static func escaped(_ text: String) -> String {
        var out = ""
        for c in visible(text) {
            if "\\`*_{}[]<>#|~".contains(c) { out.append("\\") }
            out.append(c)
        }
        return out
    }

    /// The outlet to name for a row: of the strongest producer's, one that printed the figure as
    /// written and can be looked up (has a URL), else the first.
    static func citedOutlet(_ row: FigureRow, _ figure: String, _ data: Dataset) -> String {
        guard let group = data.citationOrder(row.observations).first else { return "derived by crossings" }
        let pick = group.observations.first { o in o.printed == figure && !(data.sourceByID[o.sourceID]?.url.isEmpty ?? true) }
            ?? group.observations.first { !(data.sourceByID[$0.sourceID]?.url.isEmpty ?? true) } ?? group.observations.first
        return pick.flatMap { data.sourceByID[$0.sourceID]?.outlet } ?? "an unknown source"
    }

    /// The reported (else derived) row a contradicted number should be replaced by: the one whose
    /// value is the verdict's expected figure.
    static func sourcedRow(_ f: Finding) -> FigureRow? {
        guard let expected = f.expected else { return nil }
        let candidates = f.rows.filter { !$0.status.isSetAside && $0.value.value == expected }
        return candidates.first { $0.status == .reported } ?? candidates.first
    }
}
