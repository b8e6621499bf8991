/// Which way across Russia's border a country's flow goes, as the ranking and the country picker
/// ask: its citizens entering Russia (XX-RU), or trips from Russia to it (RU-XX).
public enum Direction: String, Hashable, Sendable, CaseIterable {
    case entries, exits

    /// The direction of a flow.
    public init(of flow: Flow) { self = flow.isEntry ? .entries : .exits }

    /// The other way.
    public var reversed: Direction { self == .entries ? .exits : .entries }

    /// `entries into Russia (XX-RU)`, `trips from Russia (RU-XX)`.
    public var phrase: String { self == .entries ? "entries into Russia (XX-RU)" : "trips from Russia (RU-XX)" }
}

extension CountryEntry {
    /// The country's flow in a direction, if the data has one.
    public subscript(direction: Direction) -> Flow? { direction == .entries ? entries : exits }
}
