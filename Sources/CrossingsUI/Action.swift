import CrossingsCore

/// What the user means. Keys become actions through the command registry;
/// tests drive the explorer with either.
public enum Action: Hashable, Sendable {
    /// A key press, looked up in the registry for the current page and mode.
    case key(Key)
    /// The terminal changed size.
    case resize(Size)
    /// Text pasted into the terminal (bracketed paste): typed into the open prompt as text, never
    /// run as keys, its line breaks and control characters made spaces.
    case paste(String)

    case moveUp, moveDown, pageUp, pageDown, first, last
    /// Enter: drill down into the selected row.
    case open
    /// Backspace, Esc: up one level (Esc first clears a filter).
    case back
    /// The citations of the selected number.
    case cite
    case nextFlow, previousFlow
    /// Quarters → halves → years.
    case cycleGranularity
    case show(TopView)
    case nextView, previousView
    /// `/`: start typing a filter.
    case startFilter
    case filterType(String)
    case filterErase
    /// Enter while typing: keep the filter, back to moving.
    case filterAccept
    /// Esc: no filter.
    case filterClear
    case nextMatch, previousMatch
    case toggleHelp
    case openFacets
    case facetUp, facetDown, facetNext, facetPrevious, facetsClear, closeFacets
    /// From an event, the counts of its quarter.
    case countsOfQuarter
    /// `y`: the selected number with its citation, to the clipboard.
    case copy
    /// `v`: type a sentence and check it against the dataset.
    case startCheck
    case checkType(String)
    case checkErase
    /// Enter while typing: check the sentence and show the verdicts.
    case checkSubmit
    /// Esc while typing: no check.
    case checkCancel
    /// `o`: the country picker, to show a flow in Counts.
    case openPicker
    /// `s`: the country picker, to put a second flow beside the first.
    case pickCompared
    case pickerType(String)
    case pickerErase
    /// Entries ⇄ trips in the picker.
    case pickerDirection
    /// Enter in the picker: take the chosen flow.
    case pickerSelect
    case pickerClose
    /// `x` in Counts: the reverse flow side by side (entries next to exits), or back to one flow.
    case compareReverse
    /// `S`: one flow again.
    case compareOff
    /// `C`: the citations of the second column's number.
    case citeCompared
    /// In the ranking: the period before or after.
    case previousPeriod, nextPeriod
    /// In the ranking: entries into Russia ⇄ trips from Russia.
    case rankingDirection
    // Issue 14, a series for any category:
    /// `t` on a breakdown row: that category's series, period by period (Series).
    case openSeries
    case quit
    /// The backend's answer to `Effect.check`: a sentence's verdicts.
    case checked(String, [Finding])
    /// `e`: the page on screen to a CSV file, with a citation for each number (`Effect.export`).
    case export
    /// The backend's answer to `Effect.export`: the file written (its path) and how many rows.
    case exported(String, rows: Int)
    /// The backend's answer to `Effect.export` when the file could not be written: why.
    case exportFailed(String)
    /// `]`: sort a list page by its next column (after the last, its own order again).
    case nextSortColumn
    /// `[`: the sort the other way round.
    case reverseSort
    // Issue 14, links: one block.
    /// `O`: open the selected source's URL (`Effect.openURL`).
    case openURL
    /// The backend's answer to `Effect.openURL`: the URL handed to this program (`xdg-open`, `open`).
    case urlOpened(String, by: String)
    /// No program to open it with: the URL was copied instead (OSC 52, printed again on exit).
    case urlCopied(String)
    /// The backend would not, or could not, open it: why.
    case urlRefused(String)
}

/// Where a command works: a page (each view file declares its own, `Scope.counts`) or a mode.
public struct Scope: Hashable, Sendable, CaseIterable {
    /// The title the help and docs/keymap.md give it.
    public let rawValue: String
    public init(_ title: String) { rawValue = title }

    public static let everywhere = Scope("Everywhere")
    public static let filter = Scope("Typing a filter")
    public static let checking = Scope("Typing a sentence to check")
    public static let picker = Scope("Country picker")
    public static let facets = Scope("Filter menu")
    public static let help = Scope("Help")

    /// Everywhere, then the pages in registry order, then the modes: the help's and the keymap's order.
    public static var allCases: [Scope] {
        [.everywhere] + Registry.all.map(\.scope) + [.filter, .checking, .picker, .facets, .help]
    }
}
