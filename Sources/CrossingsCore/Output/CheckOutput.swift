import Foundation

/// What `crossings check` prints for its findings (human, line and JSON), and the one-line summary of
/// a finding that the language server (`crossings lsp`) shows as a diagnostic's message: one
/// wording for the command line and the editor.
public enum CheckOutput {
    public static func label(_ c: Claim) -> String {
        if let e = c.event { return "event \(e.eventID)" }
        if let r = c.ratio { return "\(r.of?.description ?? "?") / \(r.base?.description ?? "?")" }
        guard let flow = c.flow else { return "?" }
        return "\(flow) \(c.period?.description ?? "?") \(c.category.isEmpty ? c.measure.rawValue : "\(c.measure.rawValue)/\(c.category)")"
    }

    /// `"20,000" (KP-RU 2024 total): KP-RU 2024 total is 13,221 (…), not 20,000`: what the line format
    /// prints after the position and verdict, made safe to show.
    public static func summary(_ f: Finding) -> String {
        visible("\"\(f.claim.printed)\" (\(label(f.claim))): \(f.message)")
    }

    public static func line(_ findings: [(String, Finding)]) -> String {
        findings.map { path, f in
            visible("\(path):\(f.claim.line):\(f.claim.column): \(f.verdict.severity.rawValue): \(f.verdict.rawValue): ") + summary(f)
        }.joined(separator: "\n") + (findings.isEmpty ? "" : "\n")
    }

    public static func human(_ findings: [(String, Finding)]) -> String {
        guard !findings.isEmpty else { return "No counts of travellers found.\n" }
        var out = ""
        for (path, f) in findings {
            let verdict = f.verdict.rawValue.uppercased()
            out += visible("\(path):\(f.claim.line):\(f.claim.column)  \(verdict)  \"\(f.claim.printed)\" — \(label(f.claim))") + "\n"
            var sentence = f.claim.sentence
            if sentence.count > 160 { sentence = String(sentence.prefix(157)) + "..." }
            out += "    > " + visible(sentence) + "\n"
            out += "    " + visible(f.message) + "\n\n"
        }
        var counts: [String] = []
        for v in Finding.Verdict.allCases {
            let n = findings.filter { $0.1.verdict == v }.count
            if n > 0 { counts.append("\(n) \(v.rawValue)") }
        }
        out += "\(findings.count) claim\(findings.count == 1 ? "" : "s"): " + counts.joined(separator: ", ") + "\n"
        return out
    }

    public static func json(_ findings: [(String, Finding)], dates: [(String, DocumentDate)] = []) -> String {
        jsonText(["document_dates": dates.map { ["path": $0.0, "date": $0.1.day.description, "from": $0.1.how] },
                  "findings": findings.map { path, f -> [String: Any] in
            let c = f.claim
            return [
                "path": path, "line": c.line, "column": c.column, "end_column": c.endColumn,
                "claim": c.sentence, "printed": c.printed, "number": c.value.value,
                "high": c.value.high as Any? ?? NSNull(), "qualifier": c.value.qualifier.rawValue, "display": c.value.display,
                "verdict": f.verdict.rawValue, "severity": f.verdict.severity.rawValue, "message": f.message,
                "flow": c.flow?.description as Any? ?? NSNull(), "period": c.period?.description as Any? ?? NSNull(),
                "measure": c.measure.rawValue, "category": c.category.isEmpty ? NSNull() : c.category as Any,
                "expected": f.expected as Any? ?? NSNull(), "sources": f.sourceIDs,
                "kind": c.kind.rawValue, "ratio": ratioJSON(c, f), "event": eventJSON(c, f),
                "reading_note": c.readingNote as Any? ?? NSNull(), "period_problem": c.periodProblem as Any? ?? NSNull(),
            ]
        }])
    }

    /// A ratio claim's factor, hedge, the two figures and the ratio(s) worked out; null for other claims.
    public static func ratioJSON(_ c: Claim, _ f: Finding) -> Any {
        guard let r = c.ratio else { return NSNull() }
        let interval = r.interval
        return [
            "claimed": r.valueText, "form": r.form.rawValue, "direction": r.form == .percentChange ? (r.falling ? "down" : "up") : NSNull() as Any,
            "qualifier": r.qualifier.rawValue, "wording": r.wording,
            "lower": interval.lower as Any? ?? NSNull(), "upper": interval.upper as Any? ?? NSNull(),
            "of": r.of?.description as Any? ?? NSNull(), "base": r.base?.description as Any? ?? NSNull(),
            "problem": r.problem as Any? ?? NSNull(),
            // The verdict's message holds each worked-out ratio with its formula and sources.
            "formula": r.of == nil || r.base == nil ? NSNull() : "\(r.of!) / \(r.base!)" as Any,
            "computed": f.ratios.map { ["figure": $0.figure, "base": $0.base, "ratio": $0.computed, "formula": $0.formula,
                                        "holds": $0.holds, "sources": $0.sourceIDs] as [String: Any] },
        ] as [String: Any]
    }

    /// An event-date claim's event, claimed date and each source's date; null for other claims.
    public static func eventJSON(_ c: Claim, _ f: Finding) -> Any {
        guard let e = c.event else { return NSNull() }
        return [
            "id": e.eventID, "summary": e.summary, "claimed_date": e.date, "precision": e.precision.rawValue, "printed": e.printed,
            "dates": f.eventDates.map { ["date": $0.date, "precision": $0.precision.rawValue, "label": $0.label,
                                         "source": $0.sourceID, "locator": $0.locator, "agrees": $0.overlaps(e.asEventDate)] as [String: Any] },
        ] as [String: Any]
    }
}
