import CrossingsCore

/// The four top-level views, on keys 1 to 4.
public enum TopView: Int, CaseIterable, Sendable, Hashable {
    case counts = 1, timeline, sources, ranking

    public var title: String {
        switch self {
        case .counts: "Counts"
        case .timeline: "Timeline"
        case .sources: "Sources"
        case .ranking: "Ranking"
        }
    }

    /// For narrow screens.
    var shortTitle: String {
        switch self {
        case .counts: "Counts"
        case .timeline: "Time"
        case .sources: "Src"
        case .ranking: "Rank"
        }
    }

    var root: Page {
        switch self {
        case .counts: .counts
        case .timeline: .timeline
        case .sources: .sources
        case .ranking: .ranking
        }
    }
}

/// A page with its cursor, scroll position and filter.
public struct PageState: Hashable, Sendable {
    public var page: Page
    /// Index of the selected item in the (filtered) list.
    public var selected: Int = 0
    /// Index of the first item on screen.
    public var top: Int = 0
    /// What `/` narrowed the list to; empty for no filter.
    public var filter: String = ""
    /// The selection and scroll before the filter began (nil with no filter): a filter that matched
    /// nothing gives them back when cleared (Esc jumped from 2025-Q1 to 2010-Q1).
    public var beforeFilter: Spot?
    /// Where a page's cursor and scroll were.
    public struct Spot: Hashable, Sendable {
        public var selected: Int
        public var top: Int
    }

    public init(_ page: Page) { self.page = page }
}

/// What keys do right now.
public enum Mode: Hashable, Sendable {
    case normal
    /// Typing after `/`: keys edit the filter.
    case filtering
    /// The `?` overlay.
    case help
    /// The facet menu.
    case facets
    /// Typing a sentence after `v`: keys edit it.
    case checking
    /// The country picker (`o`, or `s` for a second flow): keys edit its search.
    case picking
}

/// The country picker: what was typed, the selected country, and which of its flows Enter takes.
public struct Picker: Hashable, Sendable {
    /// What Enter does with the chosen flow.
    public enum Purpose: Hashable, Sendable {
        /// Show it in Counts.
        case show
        /// Put it beside the current flow in Counts.
        case compare
    }
    public var query = ""
    /// Index in the matches.
    public var selected = 0
    /// First match on screen.
    public var top = 0
    /// Entries into Russia (XX-RU), or trips from Russia (RU-XX).
    public var direction = Direction.entries
    public var purpose: Purpose = .show
    public init() {}
}

/// Which countries the ranking lists: the period (nil: the latest year with data) and the direction.
public struct RankingQuestion: Hashable, Sendable {
    public var period: Period?
    /// Entries into Russia (XX-RU), or trips from Russia (RU-XX).
    public var direction = Direction.entries
    public init(period: Period? = nil, direction: Direction = .entries) {
        self.period = period
        self.direction = direction
    }
}

/// Everything the explorer shows, as a value: `update` makes the next one,
/// `render` draws it.
///
/// ```swift
/// var state = State(data: dataset, size: Size(width: 80, height: 24))
/// state = update(state, .key(.down))
/// let screen = render(state, state.size)
/// ```
public struct State: Equatable {
    public let library: Library
    public var size: Size
    public var view: TopView = .counts
    /// The drill-down path of each top-level view; never empty.
    public var stacks: [TopView: [PageState]]
    public var flow: Flow
    /// A second flow shown beside `flow` in Counts (`s` picks it, `x` the reverse flow).
    public var compare: Flow?
    public var picker = Picker()
    public var ranking = RankingQuestion()
    public var granularity: Period.Granularity = .quarter
    public var facets = Facets()
    public var mode: Mode = .normal
    public var helpScroll = 0
    public var facetCursor = 0
    /// The sentence being typed after `v`.
    public var checkText = ""
    /// A one-line note in the status line (what was copied, what a key could not do).
    public var message = ""
    /// The message takes the whole status line (an export's file name must not be cut for the rest).
    public var messageFirst = false
    /// The order of each sortable list page (`]` `[`); none: the page's own order.
    public var sorts: [PageKind: SortOrder] = [:]
    /// The message is shown whole, wrapped on rows above the status line when it is long (a copied line).
    public var messageInFull = false
    /// The verdicts on each sentence checked (`v`) whose page is open, as the backend answered `Effect.check`.
    public var checks: [String: [Finding]] = [:]
    /// Effects asked for by the action being applied; `update` hands them out and empties it, so a
    /// state it returns never holds any.
    var outbox: [Effect] = []

    public init(data: Dataset, size: Size) {
        self.init(library: Library(data), size: size)
    }

    public init(library: Library, size: Size) {
        self.library = library
        self.size = size
        flow = library.flows.first ?? Flow(citizens: "KP", destination: "RU")
        stacks = Dictionary(uniqueKeysWithValues: TopView.allCases.map { ($0, [PageState($0.root)]) })
        // Start on the latest period with a figure: what an editor on deadline asks about first.
        selectCounts(nil)
        normalize()
    }

    /// The drill-down path of the current view.
    public var stack: [PageState] {
        get { stacks[view] ?? [PageState(view.root)] }
        set { stacks[view] = newValue.isEmpty ? [PageState(view.root)] : newValue }
    }

    /// The page on screen.
    public var current: PageState {
        get { stack.last ?? PageState(view.root) }
        set {
            var s = stack
            if s.isEmpty { s = [newValue] } else { s[s.count - 1] = newValue }
            stack = s
        }
    }
}

/// States are compared whole in tests; their library by identity: two states are equal when they
/// show one dataset (the same `Library`, whose caches only remember answers) the same way.
extension Library: Equatable {
    public static func == (a: Library, b: Library) -> Bool { a === b }
}
