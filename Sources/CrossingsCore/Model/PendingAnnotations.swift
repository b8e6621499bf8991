// Temporary: replaced by the loader's errata and coverage support (branch schema).
extension Dataset {
    var hasErrata: Bool { false }
    func erratum(forObservation id: String) -> String? { nil }
    public struct PendingCoverage { public var quarters: Int }
    func coverage(ofObservation id: String) -> PendingCoverage? { nil }
}
