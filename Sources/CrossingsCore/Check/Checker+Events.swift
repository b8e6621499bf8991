/// Event-date claims judged against the event's dates by source (event_dates.csv;
/// docs/check.md, "Event dates"). A claimed date agrees with a source's when the two
/// overlap at the claimed precision ("2017" agrees with "22 December 2017"; "December
/// 2019" with "2019-12").
///
/// - supported: every source's date agrees;
/// - disputed: the sources give dates that disagree with each other, and the claim
///   agrees with some of them (both sides shown);
/// - contradicted: it agrees with none (the right date and its source said), or only
///   with a vaguer date that a more precise source narrows away;
/// - unverifiable: the event has no dated source.
extension Checker {
    func check(_ claim: Claim, event e: EventClaim) -> Finding {
        guard let event = data.events.first(where: { $0.id == e.eventID }), !event.dates.isEmpty else {
            return Finding(claim: claim, verdict: .unverifiable, message: "event \(e.eventID): no dated source in the timeline",
                           expected: nil, sourceIDs: [], rows: [])
        }
        let claimed = e.asEventDate
        func show(_ d: EventDate) -> String { "\(d.label) (\(d.sourceID) \(d.locator))" }
        let fit = event.dates.filter { $0.overlaps(claimed) }
        let misfit = event.dates.filter { !$0.overlaps(claimed) }
        let ids = uniqued(event.dates.map(\.sourceID))
        let subject = "event \(event.id) (\(event.summary))"
        let verdict: Finding.Verdict
        let message: String
        if misfit.isEmpty {
            verdict = .supported
            message = "\(subject) is dated \(event.dates.map(show).joined(separator: "; "))"
        } else if fit.isEmpty {
            verdict = .contradicted
            message = "\(subject) is dated \(event.dates.map(show).joined(separator: "; ")), not \(claimed.label)"
        } else if event.datesDisagree {
            verdict = .disputed
            message = "\(subject): the sources' dates disagree: \(claimed.label) fits \(fit.map(show).joined(separator: "; ")) but not \(misfit.map(show).joined(separator: "; "))"
        } else {
            verdict = .contradicted
            message = "\(subject) is dated \(misfit.map(show).joined(separator: "; ")), not \(claimed.label) (which only the vaguer \(fit.map(show).joined(separator: "; ")) allows)"
        }
        return Finding(claim: claim, verdict: verdict, message: message, expected: nil, sourceIDs: ids, rows: [], eventDates: event.dates)
    }
}
