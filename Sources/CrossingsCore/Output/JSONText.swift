import Foundation

/// JSON for tools: keys sorted, slashes unescaped, and invisible direction
/// controls written as `\uXXXX` escapes (still the same string to a JSON reader,
/// but inert if the output lands on a terminal).
public func jsonText(_ object: Any) -> String {
    let data = (try? JSONSerialization.data(withJSONObject: object, options: [.prettyPrinted, .sortedKeys, .withoutEscapingSlashes])) ?? Data("{}".utf8)
    var out = ""
    for s in String(decoding: data, as: UTF8.self).unicodeScalars {
        if s.value >= 0x7F, escapeForTerminal(s) != nil {  // C0 controls are already escaped by the encoder
            out += String(format: "\\u%04x", s.value)
        } else {
            out.unicodeScalars.append(s)
        }
    }
    return out + "\n"
}
