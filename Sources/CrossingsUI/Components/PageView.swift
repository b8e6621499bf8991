import CrossingsCore

/// The name of a kind of page. Each view file declares its own
/// (`extension PageKind { static let breakdown = PageKind("breakdown") }`), so a new page needs no
/// central list of kinds, only its line in `Registry`.
public struct PageKind: Hashable, Sendable, CustomStringConvertible {
    public let name: String
    public init(_ name: String) { self.name = name }
    public var description: String { name }
}

/// One level of a drill-down: which kind of page, and what it is about.
///
/// Each view file adds its constructors (`Page.breakdown(flow, period)`, `Page.citations(key)`,
/// `Page.counts`), so call sites read as they did when this was an enum.
public struct Page: Hashable, Sendable, CustomStringConvertible {
    /// What a page is about; most pages need one of these few shapes.
    public enum Subject: Hashable, Sendable {
        case none
        case period(Flow, Period)
        case figure(FigureKey)
        case id(String)
        case text(String)
    }

    public var kind: PageKind
    public var subject: Subject

    public init(_ kind: PageKind, _ subject: Subject = .none) {
        self.kind = kind
        self.subject = subject
    }

    /// The component that lists, draws and handles this page.
    var view: any PageView { Registry.view(kind) }

    /// Which commands apply here.
    var scope: Scope { view.scope }

    public var description: String {
        switch subject {
        case .none: kind.name
        case .period(let f, let p): "\(kind.name)(\(f), \(p))"
        case .figure(let k): "\(kind.name)(\(k))"
        case .id(let s), .text(let s): "\(kind.name)(\(s))"
        }
    }

    /// The subject's parts, for the views that take them apart.
    var period: (Flow, Period)? { if case .period(let f, let p) = subject { (f, p) } else { nil } }
    var figure: FigureKey? { if case .figure(let k) = subject { k } else { nil } }
    var text: String? {
        switch subject {
        case .id(let s), .text(let s): s
        default: nil
        }
    }
}

/// What a page's items may depend on besides the page itself. A view names the parts it reads
/// (`itemsKey`), and the items cache keys the page by those alone: a source page is one list
/// whatever flow was on screen, not one copy per flow visited.
struct PageContext: Hashable {
    var flow: Flow
    var compare: Flow?
    var granularity: Period.Granularity
    var facets: Facets
    var ranking: RankingQuestion
    /// A check page's verdicts, once the backend has answered (`Effect.check`); nil on other pages.
    var findings: [Finding]? = nil

    /// Only the facets: what most pages depend on.
    var facetsOnly: PageContext {
        PageContext(flow: Flow(citizens: "", destination: ""), compare: nil, granularity: .quarter, facets: facets, ranking: RankingQuestion())
    }
}

/// A kind of page as one component: everything the frame, the items cache and `update` need to
/// know about it, in one file under `Views/`. Adding a page is one such file and one line in
/// `Registry.all`.
///
/// Requirements with a default (below) need writing only where a page differs: a simple page
/// names its kind and scope, its crumb and its items. A new page, say the figures of one measure,
/// is this file and the line `MeasureView(),` in `Registry.all`:
///
/// ```swift
/// extension PageKind { static let measure = PageKind("measure") }
/// extension Scope { public static let measure = Scope("Measure") }
/// extension Page {
///     public static func measure(_ key: FigureKey) -> Page { Page(.measure, .figure(key)) }
/// }
///
/// struct MeasureView: PageView {
///     var kind: PageKind { .measure }
///     var scope: Scope { .measure }
///     func crumbs(_ page: Page, after previous: Page?, in s: State) -> [String] { ["measure"] }
///     func items(_ page: Page, _ c: PageContext, _ library: Library) -> Items {
///         guard let key = page.figure else { return Items([]) }
///         return Items(library.breakdownItems(flow: key.flow, period: key.period, facets: c.facets))
///     }
/// }
/// ```
///
/// Its scope comes after the others in the help and the keymap (`Scope.allCases` follows the
/// registry), Enter works on it (`Keymap.drill`), and lines elsewhere lead to it with
/// `Item(..., open: .measure(key))`.
protocol PageView: Sendable {
    var kind: PageKind { get }
    /// Which commands of the key registry apply on this page.
    var scope: Scope { get }

    /// Layout: a line of column titles above the list.
    var hasColumnHeader: Bool { get }
    /// Layout: on wide screens, a pane beside the list shows what is behind the selected line.
    var hasPreview: Bool { get }
    /// Layout: rows for a chart above the list (`drawAboveList` fills them).
    var hasChart: Bool { get }
    /// Layout: a row under the chart's bars marks the periods holding timeline events (`◆`), taken
    /// from the bars' rows when the chart has three or more.
    var marksEvents: Bool { get }
    /// Whether its lines carry numbers whose citations `c` opens (the key registry reads it).
    var citesNumbers: Bool { get }
    /// The preview pane's title when a line of a page of `scope` leads here (nil: not previewed);
    /// its key hint from the registry, for that page.
    func previewTitle(on scope: Scope) -> String?

    /// This page's part of the path in the second line (`KP-RU › 2024 › purpose`), knowing the page
    /// before it: a crumb need not repeat what its parent said.
    func crumbs(_ page: Page, after previous: Page?, in s: State) -> [String]
    /// The column titles (nil: none), `width` cells wide.
    func header(_ s: State, width: Int) -> String?
    /// Draws into the chart rows above the list.
    func drawAboveList(_ s: State, _ items: Items, _ layout: Layout, _ screen: inout Screen)

    /// The page's lines, built from the library's queries.
    func items(_ page: Page, _ context: PageContext, _ library: Library) -> Items
    /// The parts of the context the items depend on; the rest is reset so the cache shares one copy.
    func itemsKey(_ context: PageContext) -> PageContext

    /// This page's own actions. `apply` asks the page on screen first, then the other views, so an
    /// action sent straight (tests, the fuzzer) still does what it did from any page. True: done.
    func perform(_ action: Action, on s: inout State) -> Bool

    /// What `e` writes: the page's lines (`items`, after the `/` filter, in the order shown) as a
    /// table with a citation for each number (`Export`); nil: this page exports nothing.
    func export(_ page: Page, _ items: Items, _ s: State) -> ExportTable?
    /// Whether `export` gives a table: `e` is bound on this page (the key registry reads it).
    var exports: Bool { get }
    /// The columns `]` sorts by, in the order it goes through them (none: `]` and `[` are not bound here).
    var sortColumns: [SortColumn] { get }
    /// Whether a line takes part in the sort (not a heading, a blank, a total).
    func sortable(_ item: Item) -> Bool
}

extension PageView {
    var hasColumnHeader: Bool { false }
    var hasPreview: Bool { false }
    var hasChart: Bool { false }
    var marksEvents: Bool { false }
    var citesNumbers: Bool { true }
    func previewTitle(on scope: Scope) -> String? { nil }
    func header(_ s: State, width: Int) -> String? { nil }
    func drawAboveList(_ s: State, _ items: Items, _ layout: Layout, _ screen: inout Screen) {}
    func itemsKey(_ context: PageContext) -> PageContext { context.facetsOnly }
    func perform(_ action: Action, on s: inout State) -> Bool { false }
    func export(_ page: Page, _ items: Items, _ s: State) -> ExportTable? { nil }
    var exports: Bool { false }
    var sortColumns: [SortColumn] { [] }
    func sortable(_ item: Item) -> Bool { item.selectable }
}
