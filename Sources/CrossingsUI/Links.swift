import CrossingsCore

extension State {
    /// The source the selected line leads to: the line's own source (a Sources row, a citation or
    /// observation line, an event's date), else the page's (anywhere on a Source page).
    var selectedSourceID: String? {
        let item = selectedItem
        if case .source(let s, _, _)? = item?.content { return s.id }
        if let open = item?.open, open.kind == .source, let id = open.text { return id }
        if let o = item?.copyObservation { return o.sourceID }
        if current.page.kind == .source { return current.page.text }
        return nil
    }

    /// `O`: the selected source's URL to the backend (`Effect.openURL`), or why not.
    mutating func openURL() {
        guard let id = selectedSourceID, let source = library.source(id) else {
            message = "no source on this line"; return
        }
        switch LinkCheck.check(source.url) {
        case .success(let url):
            outbox.append(.openURL(url))
            message = "opening " + url
        case .failure(let refusal):
            message = "not opened: " + refusal.reason + (source.url.isEmpty ? "" : " (" + clipped(source.url, limit: 200) + ")")
            // The reason whole, on rows above the status line at any size (at 32×8 it read `not opened: th…`).
            messageFirst = true
        }
        messageInFull = true
    }
}
