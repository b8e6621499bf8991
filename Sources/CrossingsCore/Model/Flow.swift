/// Whose citizens travel, and which way: `KP-RU` is citizens of North Korea
/// entering Russia; `RU-KP` is citizens of Russia travelling to North Korea.
///
/// ```swift
/// let f = try Flow(parsing: "KP-RU")
/// f.citizens == "KP"; f.isEntry == true
/// ```
public struct Flow: Hashable, Sendable, Comparable, CustomStringConvertible {
    /// ISO code of the travellers' citizenship.
    public let citizens: String
    /// ISO code of the country they travel to.
    public let destination: String

    public init(citizens: String, destination: String) {
        self.citizens = citizens
        self.destination = destination
    }

    public struct ParseError: Error, CustomStringConvertible {
        public let text: String
        public var description: String {
            "'\(clip(text))' is not a flow (use XX-RU for citizens of XX entering Russia, RU-XX for Russians travelling to XX)"
        }
    }

    public init(parsing text: String) throws {
        let parts = text.split(separator: "-", omittingEmptySubsequences: false)
        func isCode(_ s: Substring) -> Bool { s.count == 2 && s.allSatisfy { $0.isASCII && $0.isUppercase } }
        guard parts.count == 2, isCode(parts[0]), isCode(parts[1]), parts[0] != parts[1],
              parts[0] == "RU" || parts[1] == "RU" else { throw ParseError(text: text) }
        citizens = String(parts[0])
        destination = String(parts[1])
    }

    public var description: String { "\(citizens)-\(destination)" }
    /// Entries into Russia by foreign citizens (as opposed to Russians going abroad).
    public var isEntry: Bool { destination == "RU" }
    /// The country that is not Russia.
    public var partner: String { isEntry ? citizens : destination }
    /// The flow the other way: `KP-RU` ↔ `RU-KP`.
    public var reversed: Flow { Flow(citizens: destination, destination: citizens) }

    public static func < (a: Flow, b: Flow) -> Bool { a.description < b.description }
}
