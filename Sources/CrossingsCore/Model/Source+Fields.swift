extension Source {
    /// What a source's page lists about it, in order, as label and value: empty values left out, a
    /// missing date or URL said ("not known"). `crossings sources ID` and the explorer's Source page
    /// both list these, so the two never disagree on what a source is.
    ///
    /// ```swift
    /// source.fields(chain: " → ").first   // ("Id", "mediazona-2025-05-08")
    /// ```
    public func fields(chain separator: String) -> [(label: String, value: String)] {
        let all: [(String, String)] = [
            ("Id", id), ("Kind", kind.rawValue), ("Outlet", outlet), ("Title", title),
            ("Date", date.isEmpty ? "not known" : date), ("URL", url.isEmpty ? "not known" : url),
            ("Stored text", file), ("Credits", creditedAgency), ("Chain", chain.joined(separator: separator)),
            ("Licence", license), ("Copyright", copyright), ("Note", note),
        ]
        return all.filter { !$0.1.isEmpty }.map { (label: $0.0, value: $0.1) }
    }
}
