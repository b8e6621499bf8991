import ArgumentParser
import CrossingsCore
import Foundation

struct SourcesCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "sources",
        abstract: "List the sources, or show one with every figure and event it backs.",
        discussion: "csl-json is what pandoc and Zotero read; bibtex is for LaTeX."
    )

    enum Format: String, ExpressibleByArgument, CaseIterable {
        case table, json, bibtex
        case cslJSON = "csl-json"
    }

    @Argument(help: ArgumentHelp("A source id, such as mediazona-2025-05-08.", valueName: "ID"), completion: .custom(Completions.sourceIDs))
    var id: String?
    @Option(help: "Output format.")
    var format: Format = .table
    @OptionGroup var width: WidthOptions
    @OptionGroup var data: DataOptions

    func run() throws {
        let dataset = try data.load()
        var sources = dataset.sources
        if let id {
            guard let s = dataset.sourceByID[id] else {
                let close = dataset.sources.map(\.id).filter { $0.contains(id) || id.contains($0) }
                printError("crossings: no source '\(visible(id))'" + (close.isEmpty ? "" : " (did you mean \(close.joined(separator: ", "))?)") + "; `crossings sources` lists them")
                throw ExitCode(2)
            }
            sources = [s]
        }
        switch format {
        case .table:
            let fit = width.width
            StandardOutput.write(id == nil ? SourceOutput.table(sources, dataset, width: fit) : SourceOutput.detail(sources[0], dataset, width: fit), terminator: "")
        case .json: StandardOutput.write(SourceOutput.json(sources, dataset), terminator: "")
        case .cslJSON: StandardOutput.write(SourceOutput.csl(sources), terminator: "")
        case .bibtex: StandardOutput.write(SourceOutput.bibtex(sources), terminator: "")
        }
    }
}

enum SourceOutput {
    /// `width`: the terminal's, to fit the table to (nil: in full); nothing is cut. Where the table
    /// is too wide, each source's title and outlet go on a line of their own under its id, date and
    /// counts (which take 68 cells); narrower still, a record per source.
    static func table(_ sources: [Source], _ d: Dataset, width: Int? = nil) -> String {
        var t = TextTable(["Id", "Kind", "Outlet", "Date", "Figures", "Events", "Title"], rightAligned: [4, 5])
        t.below = [6, 2]
        let figures = d.observations.countsBySource()
        for s in sources {
            let events = d.events.filter { $0.dates.contains { $0.sourceID == s.id } }.count
            t.add([s.id, s.kind.rawValue, s.outlet, s.date.isEmpty ? "?" : s.date, formatCount(figures[s.id] ?? 0), formatCount(events), s.title])
        }
        return t.render(width: width)
    }

    static func detail(_ s: Source, _ d: Dataset, width: Int? = nil) -> String {
        var lines: [String] = []
        // The values start at cell 17, or, on a terminal too narrow to leave them 20 cells there,
        // 2 cells after the longest label; a value that still does not fit goes under its label.
        let fields = s.fields(chain: " → ")
        let labelWidth = width.map { $0 - 17 >= 20 } ?? true ? 17 : (fields.map { displayWidth($0.label) }.max() ?? 0) + 2
        for (name, value) in fields {
            // A URL is never broken, to be clicked or copied whole: beside its label when it fits, else
            // alone on the line under it, from the first column (the one line that may overflow, only
            // when the URL itself is wider than the terminal). Other fields wrap under their value.
            let value = visible(value)
            if value.contains("://") {
                if let width, labelWidth + displayWidth(value) > width {
                    lines += [name, value]
                } else {
                    lines += labelled(name, value, labelWidth: labelWidth, width: nil)
                }
            } else {
                lines += labelled(name, value, labelWidth: labelWidth, width: width)
            }
        }
        let backing = d.backing(s.id)
        lines.append("")
        lines.append(wrappedProse("Figures it backs (\(formatCount(backing.observations.count))):", width: width))
        if !backing.observations.isEmpty {
            // A number someone else produced (an estimate the outlet reports) has its own chain, not the source's.
            var t = TextTable(["Where", "Flow", "Period", "Measure", "Value", "As printed", "Producer", "Chain"], rightAligned: [4])
            t.flexible = [3: .wrap, 5: .wrap, 6: .wrap, 7: .wrap]
            for o in backing.observations.sorted(by: { $0.key < $1.key }) {
                let chain = d.usesSourceChain(o) ? "as above" : d.chain(of: o).joined(separator: " → ")
                t.add([o.locator, o.key.flow.description, o.key.period.description, o.key.measureLabel, o.reported.display, o.printed,
                       o.producer, chain])
            }
            lines.append(t.render(width: width))
        }
        let ratios = d.ratios(citing: s.id)
        if !ratios.isEmpty {
            lines.append(wrappedProse("Ratios it prints (\(ratios.count)):", width: width))
            var t = TextTable(["Where", "Figure", "Ratio", "Of", "As printed", "Producer"])
            t.flexible = [2: .wrap, 4: .wrap, 5: .wrap]
            for r in ratios { t.add([r.locator, r.key.description, r.wording, r.base.description, r.printed, r.producer]) }
            lines.append(t.render(width: width))
        }
        let errata = d.errata(citing: s.id)
        if !errata.isEmpty {
            lines.append(wrappedProse("Errata it is the evidence for (\(errata.count)):", width: width))
            for e in errata { lines.append(wrappedProse("  \(visible(e.locator))  \(visible(e.observationID)): \(visible(e.reason))", width: width, indent: 4)) }
        }
        lines.append(wrappedProse("Events it dates (\(backing.events.count)):", width: width))
        for e in backing.events {
            for date in e.dates where date.sourceID == s.id {
                lines.append(wrappedProse("  \(date.locator)  \(date.label)  \(visible(e.summary))", width: width, indent: 4))
            }
        }
        return lines.joined(separator: "\n") + "\n"
    }

    static func json(_ sources: [Source], _ d: Dataset) -> String {
        jsonText(["sources": sources.map { s -> [String: Any] in
            let backing = d.backing(s.id)
            return [
                "id": s.id, "kind": s.kind.rawValue, "outlet": s.outlet, "title": s.title, "date": s.date, "url": s.url,
                "file": s.file, "credited_agency": s.creditedAgency, "chain": s.chain, "license": s.license,
                "copyright": s.copyright, "note": s.note,
                "observations": backing.observations.map(\.id), "events": backing.events.map(\.id),
                "ratios": d.ratios(citing: s.id).map(\.id), "errata": d.errata(citing: s.id).map(\.observationID),
            ]
        }])
    }

    /// CSL-JSON items (the format pandoc and Zotero read).
    static func csl(_ sources: [Source]) -> String {
        let items: [[String: Any]] = sources.map { s in
            var item: [String: Any] = [
                "id": s.id,
                "type": s.kind == .dataset ? "dataset" : "article-newspaper",
                "container-title": s.outlet,
                "publisher": s.outlet,
            ]
            if !s.title.isEmpty { item["title"] = s.title }
            if !s.url.isEmpty { item["URL"] = s.url }
            let dateParts = s.date.split(separator: "-").compactMap { Int($0) }
            if !dateParts.isEmpty { item["issued"] = ["date-parts": [dateParts]] }
            var notes: [String] = []
            if !s.chain.isEmpty { notes.append("Chain: " + s.chain.joined(separator: " > ")) }
            if !s.copyright.isEmpty { notes.append(s.copyright + (s.license.isEmpty ? "" : " (\(s.license))")) }
            if !s.note.isEmpty { notes.append(s.note) }
            if !notes.isEmpty { item["note"] = notes.joined(separator: ". ") }
            return item
        }
        return jsonText(items)
    }

    static func bibtex(_ sources: [Source]) -> String {
        func esc(_ s: String) -> String {
            var out = ""
            for c in visible(s) {
                switch c {
                case "{", "}", "&", "%", "$", "#", "_": out += "\\" + String(c)
                case "\\": out += "\\textbackslash{}"
                default: out.append(c)
                }
            }
            return out
        }
        var out = ""
        for s in sources {
            out += "@\(s.kind == .dataset ? "misc" : "article"){\(s.id),\n"
            var fields: [(String, String)] = [("title", s.title.isEmpty ? "(untitled)" : s.title)]
            fields.append((s.kind == .dataset ? "howpublished" : "journal", s.outlet))
            let parts = s.date.split(separator: "-")
            if let y = parts.first { fields.append(("year", String(y))) }
            if parts.count > 1 { fields.append(("month", String(parts[1]))) }
            if parts.count > 2 { fields.append(("day", String(parts[2]))) }
            if !s.url.isEmpty { fields.append(("url", s.url)) }
            var notes: [String] = []
            if !s.chain.isEmpty { notes.append("Chain: " + s.chain.joined(separator: " > ")) }
            if !s.copyright.isEmpty { notes.append(s.copyright) }
            if !s.note.isEmpty { notes.append(s.note) }
            if !notes.isEmpty { fields.append(("note", notes.joined(separator: ". "))) }
            out += fields.map { "  \($0.0) = {\($0.0 == "url" ? visible($0.1) : esc($0.1))}" }.joined(separator: ",\n") + "\n}\n\n"
        }
        return out
    }
}
