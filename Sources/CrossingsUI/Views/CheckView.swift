import CrossingsCore

extension PageKind { static let check = PageKind("check") }
extension Scope { public static let check = Scope("Check") }
extension Page {
    /// The verdicts on a sentence typed after `v`.
    public static func check(_ sentence: String) -> Page { Page(.check, .text(sentence)) }
}

/// Check: the verdicts on a sentence typed after `v` (the typing prompt is the status line's).
struct CheckView: PageView {
    var kind: PageKind { .check }
    var scope: Scope { .check }

    func crumbs(_ page: Page, after previous: Page?, in s: State) -> [String] { ["check"] }

    func items(_ page: Page, _ c: PageContext, _ library: Library) -> Items {
        Items(library.checkItems(page.text ?? "", findings: c.findings))
    }

    /// Nothing but the sentence and its verdicts: facets do not change a verdict.
    func itemsKey(_ c: PageContext) -> PageContext {
        var key = c.facetsOnly
        key.facets = Facets()
        key.findings = c.findings
        return key
    }
}

extension Library {
    /// The verdicts on one typed sentence: each claim, why, and the figures behind it (Enter opens their citations).
    /// The checker does not run here: the verdicts are the backend's answer to `Effect.check` (nil: not yet).
    func checkItems(_ sentence: String, findings: [Finding]?) -> [Item] {
        // A pasted sentence may run to the prompt's 5,000 characters: its start is shown, not 70 lines of
        // it, and each key on this page does not wrap all of it again (the explorer fuzzer's timeout).
        let shown = clipped(sentence, limit: 400)
        var items: [Item] = [.heading("Check"), Item(.paragraph("“\(shown)”"), search: sentence, selectable: false), .blank]
        guard let findings else {
            items.append(Item(.paragraph("Checking…"), selectable: false))
            return items
        }
        guard !findings.isEmpty else {
            items.append(Item(.paragraph("No count of travellers in this sentence. A claim is a number with whose travel, which way and when, "
                                         + "e.g. “In 2024, 13,221 North Koreans entered Russia.”"), selectable: false))
            return items
        }
        for f in findings {
            let key = f.claim.key
            let role: Role = switch f.verdict {
            case .supported: .header
            case .contradicted: .warning
            case .disputed: .warning
            case .unverifiable: .dim
            }
            let copy = "“\(f.claim.printed)” — \(f.verdict.rawValue): \(f.message)"
            items.append(Item(.line([Span(f.verdict.rawValue.uppercased(), role), Span("  “\(f.claim.printed)”  ", .accent),
                                     Span(key?.description ?? "(flow or period not recognised)", .dim)]),
                              search: "\(f.verdict.rawValue) \(f.claim.printed)", open: key.map { .citations($0) }, cite: key, copy: copy))
            items.append(Item(.paragraph(f.message), search: f.message, selectable: false))
            for row in f.rows {
                let who = row.status == .derived
                    ? "= \(row.derivation?.formula ?? "")"
                    : row.observations.map { "\($0.sourceID) \($0.locator)" }.joined(separator: "; ")
                items.append(Item(.field(row.status == .derived ? "Derived" : "Reported", "\(row.value.display)  \(who)"),
                                  search: who, open: .citations(row.key), cite: row.key, copy: copy))
            }
            items.append(.blank)
        }
        return items
    }
}
