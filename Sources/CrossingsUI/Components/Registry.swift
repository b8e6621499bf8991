/// Every kind of page, one line each. The order is the help's and the keymap's (`Scope.allCases`).
enum Registry {
    static let all: [any PageView] = [
        CountsView(),
        BreakdownView(),
        CitationsView(),
        TimelineView(),
        EventView(),
        SourcesView(),
        SourceView(),
        CheckView(),
        RankingView(),
        SeriesView(),
    ]

    private static let byKind: [PageKind: any PageView] = Dictionary(uniqueKeysWithValues: all.map { ($0.kind, $0) })

    /// The view of a kind of page; every kind a view file declares is registered here.
    static func view(_ kind: PageKind) -> any PageView {
        guard let view = byKind[kind] else { preconditionFailure("page kind \(kind) is not in Registry.all") }
        return view
    }
}
