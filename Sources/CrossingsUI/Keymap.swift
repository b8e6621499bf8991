/// One thing the user can do: its name, what it does, its keys, where it works.
///
/// The registry below is the only place keys are bound: key handling, the `?`
/// overlay, the footer and docs/keymap.md are all read from it.
public struct Command: Hashable, Sendable {
    public var name: String
    public var help: String
    public var keys: [Key]
    public var scopes: [Scope]
    /// Shown in the footer where it applies (short label).
    public var footer: String?
    public var action: Action

    public init(_ name: String, _ help: String, keys: [Key], scopes: [Scope], footer: String? = nil, action: Action) {
        self.name = name
        self.help = help
        self.keys = keys
        self.scopes = scopes
        self.footer = footer
        self.action = action
    }

    func applies(_ scope: Scope) -> Bool {
        scopes.contains(scope) || (scopes.contains(.everywhere) && ![.filter, .checking, .facets, .help, .picker].contains(scope))
    }
}

/// The key registry: every `Command` and `Fallback`, and the hints read from them. Named for what
/// it is (and for docs/keymap.md, which it writes), not `Commands`, which are the CLI's subcommands.
public enum Keymap {
    /// Every page: from the view registry, so a new page can be drilled into without an edit here.
    static var drill: [Scope] { Registry.all.map(\.scope) }
    /// Every page with numbers on its lines (`PageView.citesNumbers`): `c` works there, a new one included.
    static var citing: [Scope] { Registry.all.filter(\.citesNumbers).map(\.scope) }
    /// Pages `e` writes to a CSV file (`PageView.exports`).
    static var exporting: [Scope] { Registry.all.filter(\.exports).map(\.scope) }
    /// List pages `]` and `[` sort (`PageView.sortColumns`).
    static var sorting: [Scope] { Registry.all.filter { !$0.sortColumns.isEmpty }.map(\.scope) }

    /// Every command, in the order the help lists them.
    public static let all: [Command] = [
        Command("help", "Show or hide this list of keys", keys: [.char("?")], scopes: [.everywhere], footer: "help", action: .toggleHelp),
        Command("quit", "Quit; lines copied with y are printed on exit", keys: [.char("q")], scopes: [.everywhere], footer: "quit", action: .quit),
        Command("down", "Move down", keys: [.down, .char("j")], scopes: [.everywhere], action: .moveDown),
        Command("up", "Move up", keys: [.up, .char("k")], scopes: [.everywhere], action: .moveUp),
        Command("page-down", "Move down a screen", keys: [.pageDown, .ctrl("f"), .char(" ")], scopes: [.everywhere], action: .pageDown),
        Command("page-up", "Move up a screen", keys: [.pageUp, .ctrl("b")], scopes: [.everywhere], action: .pageUp),
        Command("first", "Go to the first row", keys: [.char("g"), .home], scopes: [.everywhere], action: .first),
        Command("last", "Go to the last row", keys: [.char("G"), .end], scopes: [.everywhere], action: .last),
        Command("open", "Open the selected row: a period's breakdown, a number's citations, an event, a source, a country's counts",
                keys: [.enter, .right, .char("l")], scopes: drill,
                footer: "open", action: .open),
        Command("back", "Back one level (Esc first clears a filter)", keys: [.backspace, .escape, .left, .char("h")],
                scopes: [.everywhere], footer: "back", action: .back),
        Command("cite", "Show every citation behind the selected number", keys: [.char("c")],
                scopes: citing, footer: "cite", action: .cite),
        Command("cite-compared", "Show every citation behind the number in the second column (side by side)", keys: [.char("C")],
                scopes: [.counts], action: .citeCompared),
        Command("next-flow", "Show the next flow (KP-RU, RU-KP, then the others)", keys: [.char("f")], scopes: [.counts], action: .nextFlow),
        Command("previous-flow", "Show the previous flow", keys: [.char("F")], scopes: [.counts], action: .previousFlow),
        Command("periods", "Quarters, halves or years", keys: [.char("t")], scopes: [.counts, .ranking, .series], footer: "q/h/y", action: .cycleGranularity),
        Command("side-by-side", "Put a second flow beside this one: pick it in the country picker", keys: [.char("s")], scopes: [.counts],
                action: .pickCompared),
        Command("reverse-beside", "Entries next to exits: the reverse flow side by side (again: one flow)", keys: [.char("x")], scopes: [.counts],
                action: .compareReverse),
        Command("one-flow", "Back to one flow (no second column)", keys: [.char("S")], scopes: [.counts], action: .compareOff),
        Command("previous-period", "The period before", keys: [.char("<")], scopes: [.ranking], footer: "period", action: .previousPeriod),
        Command("next-period", "The period after", keys: [.char(">")], scopes: [.ranking], action: .nextPeriod),
        Command("entries-exits", "Entries into Russia or trips from Russia", keys: [.char("x")], scopes: [.ranking], footer: "in/out",
                action: .rankingDirection),
        // Issue 14, a series for any category: `t` because on Counts it cuts time (q/h/y), so on a breakdown
        // row it shows that row through time, and on the series it cuts it again; free in Breakdown.
        Command("series", "The selected category's series, period by period (t again there: quarters, halves, years)",
                keys: [.char("t")], scopes: [.breakdown], footer: "series", action: .openSeries),
        Command("counts", "Counts: one flow, period by period", keys: [.char("1")], scopes: [.everywhere], action: .show(.counts)),
        Command("timeline", "Timeline: events in date order", keys: [.char("2")], scopes: [.everywhere], action: .show(.timeline)),
        Command("sources", "Sources: every source and what it backs", keys: [.char("3")], scopes: [.everywhere], action: .show(.sources)),
        Command("ranking", "Ranking: every country for a period, most crossings first, with the change on a year earlier",
                keys: [.char("4")], scopes: [.everywhere], action: .show(.ranking)),
        Command("countries", "Pick a country (search by name or code) and show its counts", keys: [.char("o")], scopes: [.everywhere],
                footer: "country", action: .openPicker),
        Command("next-view", "Next view (Counts, Timeline, Sources, Ranking)", keys: [.tab], scopes: [.everywhere], action: .nextView),
        Command("previous-view", "Previous view", keys: [.backTab], scopes: [.everywhere], action: .previousView),
        Command("quarter-counts", "Counts of the selected event's quarter", keys: [.char("p")], scopes: [.timeline, .event],
                footer: "counts", action: .countsOfQuarter),
        Command("filter", "Narrow the list as you type (periods, categories, event text, sources)", keys: [.char("/")],
                scopes: [.everywhere], footer: "filter", action: .startFilter),
        Command("next-match", "Next match of the filter", keys: [.char("n")], scopes: [.everywhere], action: .nextMatch),
        Command("previous-match", "Previous match of the filter", keys: [.char("N")], scopes: [.everywhere], action: .previousMatch),
        Command("facets", "Filter menu: flow, years, tag, source, measure, reported or derived", keys: [.char("m")],
                scopes: [.everywhere], footer: "menu", action: .openFacets),
        Command("copy", "Copy the selected number with its citation as one line (printed again on exit)", keys: [.char("y")],
                scopes: [.everywhere], footer: "copy", action: .copy),
        // Issue 14, export and sort: one block.
        Command("export", "Export the page as a CSV file, a citation beside each number (the status line names the file)",
                keys: [.char("e")], scopes: exporting, footer: "export", action: .export),
        Command("sort-column", "Sort by the next column (numbers largest first, text A to Z; after the last, the page's own order)",
                keys: [.char("]")], scopes: sorting, action: .nextSortColumn),
        Command("sort-reverse", "Turn the sort round (the header marks it ▲ or ▼)", keys: [.char("[")], scopes: sorting, action: .reverseSort),
        // Issue 14, links: one block.
        Command("open-url", "Open the selected source's URL in the browser (xdg-open or open; without them it is copied)",
                keys: [.char("O")], scopes: [.everywhere], action: .openURL),
        Command("check", "Check a sentence against the dataset: type it, then Enter", keys: [.char("v")],
                scopes: [.everywhere], footer: "check", action: .startCheck),
        Command("check-run", "Check the sentence", keys: [.enter], scopes: [.checking], footer: "check", action: .checkSubmit),
        Command("check-cancel", "Close without checking", keys: [.escape], scopes: [.checking], footer: "cancel", action: .checkCancel),
        Command("check-erase", "Erase the last character", keys: [.backspace], scopes: [.checking], action: .checkErase),
        Command("picker-select", "Show the chosen flow (or put it side by side)", keys: [.enter], scopes: [.picker], footer: "select",
                action: .pickerSelect),
        Command("picker-close", "Close the picker", keys: [.escape], scopes: [.picker], footer: "close", action: .pickerClose),
        Command("picker-direction", "Entries into Russia or trips from Russia", keys: [.right, .left, .tab], scopes: [.picker],
                footer: "in/out", action: .pickerDirection),
        Command("picker-erase", "Erase the last character", keys: [.backspace], scopes: [.picker], action: .pickerErase),
        Command("picker-down", "Next country", keys: [.down], scopes: [.picker], action: .moveDown),
        Command("picker-up", "Previous country", keys: [.up], scopes: [.picker], action: .moveUp),
        Command("picker-page-down", "Down a screen", keys: [.pageDown], scopes: [.picker], action: .pageDown),
        Command("picker-page-up", "Up a screen", keys: [.pageUp], scopes: [.picker], action: .pageUp),
        Command("filter-keep", "Keep the filter and go back to moving", keys: [.enter], scopes: [.filter], footer: "keep", action: .filterAccept),
        Command("filter-clear", "Clear the filter", keys: [.escape], scopes: [.filter], footer: "clear", action: .filterClear),
        Command("filter-erase", "Erase the last character", keys: [.backspace], scopes: [.filter], action: .filterErase),
        Command("filter-down", "Move down among the matches", keys: [.down], scopes: [.filter], action: .moveDown),
        Command("filter-up", "Move up among the matches", keys: [.up], scopes: [.filter], action: .moveUp),
        Command("facet-down", "Next facet", keys: [.down, .char("j")], scopes: [.facets], action: .facetDown),
        Command("facet-up", "Previous facet", keys: [.up, .char("k")], scopes: [.facets], action: .facetUp),
        Command("facet-next", "Next value of the facet", keys: [.right, .char("l"), .char(" "), .enter], scopes: [.facets], footer: "change", action: .facetNext),
        Command("facet-previous", "Previous value of the facet", keys: [.left, .char("h")], scopes: [.facets], action: .facetPrevious),
        Command("facets-clear", "Clear every facet", keys: [.char("x")], scopes: [.facets], footer: "clear all", action: .facetsClear),
        Command("facets-close", "Close the menu", keys: [.escape, .char("m"), .char("q")], scopes: [.facets], footer: "close", action: .closeFacets),
        Command("help-down", "Scroll the help down a line", keys: [.down, .char("j")], scopes: [.help], action: .moveDown),
        Command("help-up", "Scroll the help up a line", keys: [.up, .char("k")], scopes: [.help], action: .moveUp),
        Command("help-page-down", "Down a screen", keys: [.pageDown, .char(" ")], scopes: [.help], action: .pageDown),
        Command("help-page-up", "Up a screen", keys: [.pageUp], scopes: [.help], action: .pageUp),
        Command("help-first", "The top of the list", keys: [.char("g"), .home], scopes: [.help], action: .first),
        Command("help-last", "The end of the list", keys: [.char("G"), .end], scopes: [.help], action: .last),
        Command("help-close", "Close the help", keys: [.char("?"), .escape, .char("q")], scopes: [.help], action: .toggleHelp),
    ]

    /// The command a key runs in a scope, if any.
    public static func command(for key: Key, in scope: Scope) -> Command? {
        all.first { $0.keys.contains(key) && $0.scopes.contains(scope) }
            ?? all.first { $0.keys.contains(key) && $0.applies(scope) }
    }

    /// Commands for the footer of a scope, most specific first.
    public static func footer(for scope: Scope) -> [Command] {
        let specific = all.filter { $0.footer != nil && $0.scopes.contains(scope) && !$0.scopes.contains(.everywhere) }
        let general = all.filter { $0.footer != nil && $0.applies(scope) && $0.scopes.contains(.everywhere) }
        return general.prefix(2) + specific + general.dropFirst(2)
    }

    /// docs/keymap.md, generated from the registry (a test keeps the file in sync).
    public static var keymapMarkdown: String {
        var out = """
        # Keys of the explorer

        Generated from the command registry in `Sources/CrossingsUI/Keymap.swift`;
        `swift test` fails when this file and the registry differ. Press `?` in the
        explorer for the same list.

        """
        for scope in Scope.allCases {
            let commands = all.filter { $0.scopes.contains(scope) }
            guard !commands.isEmpty else { continue }
            out += "\n## \(scope.rawValue)\n\n"
            out += "| Keys | Command | What it does |\n|---|---|---|\n"
            for c in commands {
                let keys = c.keys.map { "`\($0.label == "`" ? "``" : $0.label)`" }.joined(separator: " ")
                out += "| \(keys) | \(c.name) | \(c.help) |\n"
            }
            if let f = fallback(in: scope) { out += "| \(f.keys) | \(f.name) | \(f.help) |\n" }
        }
        return out
    }
}

// MARK: Keys no command binds

/// What a key that no command binds does in a scope: typed into a prompt, or closing the help.
///
/// A registry entry like a command, so that key handling, the `?` list, the footer and
/// docs/keymap.md say the same thing; a scope without one ignores such keys.
public struct Fallback: Sendable {
    public var name: String
    public var scope: Scope
    /// How the help and docs/keymap.md name the keys it takes ("any other character").
    public var keys: String
    public var help: String
    /// Its short form in a footer or a box title ("closes", "type a name or code").
    public var footer: String
    /// The action for an unbound key; nil: the key does nothing.
    public var action: @Sendable (Key) -> Action?

    public init(_ name: String, _ help: String, keys: String, scope: Scope, footer: String, action: @escaping @Sendable (Key) -> Action?) {
        self.name = name
        self.help = help
        self.keys = keys
        self.scope = scope
        self.footer = footer
        self.action = action
    }

    /// A typed character as text for a prompt; other keys do nothing.
    static func typing(_ text: @escaping @Sendable (String) -> Action) -> @Sendable (Key) -> Action? {
        { key in if case .char(let c) = key { text(String(c)) } else { nil } }
    }
}

extension Keymap {
    /// One per scope at most, in the order the help lists them.
    public static let fallbacks: [Fallback] = [
        Fallback("filter-type", "Added to the filter", keys: "any other character", scope: .filter, footer: "type to narrow",
                 action: Fallback.typing { .filterType($0) }),
        Fallback("check-type", "Added to the sentence", keys: "any other character", scope: .checking, footer: "type a sentence",
                 action: Fallback.typing { .checkType($0) }),
        Fallback("picker-type", "Added to the search (a country's name or code)", keys: "any other character", scope: .picker,
                 footer: "type a name or code", action: Fallback.typing { .pickerType($0) }),
        // Only closes: the key is not also run on the page below (a `j` meant for the help moves nothing).
        Fallback("help-other", "Closes the help, and does nothing else", keys: "any other key", scope: .help, footer: "closes",
                 action: { _ in .toggleHelp }),
    ]

    /// What a key no command binds does in a scope, if anything.
    public static func fallback(in scope: Scope) -> Fallback? {
        fallbacks.first { $0.scope == scope }
    }

    /// The action a key runs in a scope: its command's, else the scope's fallback's.
    public static func action(for key: Key, in scope: Scope) -> Action? {
        command(for: key, in: scope)?.action ?? fallback(in: scope)?.action(key)
    }

    // MARK: Hints

    /// The keys that run `action` in `scope`, in registry order; a key another command takes first is left out.
    ///
    /// ```swift
    /// Keymap.keys(for: .toggleHelp, in: .help)   // [?, Esc, q]
    /// ```
    public static func keys(for action: Action, in scope: Scope) -> [Key] {
        var out: [Key] = []
        for c in all where c.action == action && (c.scopes.contains(scope) || c.applies(scope)) {
            for k in c.keys where !out.contains(k) && command(for: k, in: scope)?.action == action { out.append(k) }
        }
        return out
    }

    /// The keys of an action written for a hint: `"? or Esc"` with `limit: 2, separator: " or "`.
    public static func keyLabel(for action: Action, in scope: Scope, limit: Int = .max, short: Bool = true, separator: String = " ") -> String {
        keys(for: action, in: scope).prefix(limit).map { short ? $0.short : $0.label }.joined(separator: separator)
    }

    /// The arrow keys of some actions as one glyph group, always in the order ←→↑↓: `"←→"`.
    public static func arrows(for actions: [Action], in scope: Scope) -> String {
        let keys = actions.flatMap { self.keys(for: $0, in: scope) }
        return [Key.left, .right, .up, .down].filter(keys.contains).map(\.short).joined()
    }

    /// The footer label of the command that runs an action in a scope (`"select"`), if it has one.
    public static func label(of action: Action, in scope: Scope) -> String? {
        all.first { $0.action == action && $0.footer != nil && ($0.scopes.contains(scope) || $0.applies(scope)) }?.footer
    }

    /// An action's first key and what it does: `"? lists the keys"`, or with no text its footer label (`"↵ select"`).
    /// Rebinding the key in the registry changes the hint; an unbound action gives the text alone.
    public static func hint(_ action: Action, in scope: Scope, _ text: String? = nil, short: Bool = true) -> String {
        let what = text ?? label(of: action, in: scope) ?? ""
        let key = keyLabel(for: action, in: scope, limit: 1, short: short)
        return key.isEmpty ? what : key + " " + what
    }

    /// The same with a colon, for a title or a list of choices: `"Enter: all of it"`, `"t: halves or years"`.
    public static func keyed(_ action: Action, in scope: Scope, _ text: String, short: Bool = true) -> String {
        let key = keyLabel(for: action, in: scope, limit: 1, short: short)
        return key.isEmpty ? text : key + ": " + text
    }
}
