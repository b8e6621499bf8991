import CrossingsCore

extension PageKind { static let event = PageKind("event") }
extension Scope { public static let event = Scope("Event") }
extension Page {
    /// One event: its summary and every source's date.
    public static func event(_ id: String) -> Page { Page(.event, .id(id)) }
}

/// Event: one event's summary, tags, and the date each source gives it.
struct EventView: PageView {
    var kind: PageKind { .event }
    var scope: Scope { .event }
    /// Its lines are events or sources, not numbers: `c` does nothing here.
    var citesNumbers: Bool { false }
    func previewTitle(on scope: Scope) -> String? { "This event (\(Keymap.keyed(.open, in: scope, "all of it", short: false)))" }

    func crumbs(_ page: Page, after previous: Page?, in s: State) -> [String] { [page.text ?? ""] }

    func items(_ page: Page, _ c: PageContext, _ library: Library) -> Items {
        Items(library.eventItems(page.text ?? ""))
    }

    /// Nothing but the event: facets do not narrow it.
    func itemsKey(_ c: PageContext) -> PageContext {
        var key = c.facetsOnly
        key.facets = Facets()
        return key
    }

    func perform(_ action: Action, on s: inout State) -> Bool {
        guard action == .countsOfQuarter else { return false }
        s.countsOfQuarter()
        return true
    }
}

extension Library {
    func eventItems(_ id: String) -> [Item] {
        guard let e = event(id) else { return [Item(.paragraph("No event '\(id)'."), selectable: false)] }
        let copy = Citation.shownLine(e, data)
        var items: [Item] = []
        items.append(Item(.heading((e.date?.label ?? "date not known") + (e.datesDisagree ? "  (sources give different dates)" : "")),
                          search: e.date?.label ?? "", selectable: false))
        items.append(Item(.paragraph(e.summary), search: e.summary, copy: copy, quarter: e.date?.period))
        items.append(.blank)
        items.append(Item(.field("Tags", e.tags.joined(separator: ", ")), search: e.tags.joined(separator: " "), copy: copy, quarter: e.date?.period))
        items.append(Item(.field("Id", e.id), search: e.id, copy: copy, quarter: e.date?.period))
        items.append(Item(.field("Row", e.location.description), copy: copy, quarter: e.date?.period))
        items.append(.blank)
        items.append(.heading((e.datesDisagree ? "Dates by source: sources DISAGREE" : "Dates by source")
                                + " (\(Keymap.keyed(.open, in: .event, "the source", short: false)))"))
        for d in e.dates {
            let s = data.sourceByID[d.sourceID]
            let lineCopy = visible("\(clipped(e.summary)) (\(Citation.line(e, date: d, data))).")
            func add(_ label: String, _ value: String, link: Bool = false) {
                guard !value.isEmpty else { return }
                items.append(Item(link ? .link(label, url: s?.url ?? "") : .field(label, value), search: "\(label) \(value) \(d.sourceID)",
                                  open: .source(d.sourceID), copy: lineCopy, quarter: d.period))
            }
            items.append(.blank)
            items.append(Item(.line([Span(d.label, .header), Span("  \(d.precision.rawValue)", .dim)]),
                              search: "\(d.label) \(d.date) \(d.sourceID)", open: .source(d.sourceID), copy: lineCopy, quarter: d.period))
            add("As printed", d.printed.isEmpty ? "" : "“\(d.printed)”")
            add("Outlet", s?.outlet ?? d.sourceID)
            add("Published", s.map { $0.date.isEmpty ? "not known" : $0.date } ?? "")
            add("URL", s.map { $0.url.isEmpty ? "not known" : $0.url } ?? "", link: true)
            add("Where", d.locator)
            add("Note", d.note)
            add("Source", d.sourceID)
        }
        return items
    }
}
