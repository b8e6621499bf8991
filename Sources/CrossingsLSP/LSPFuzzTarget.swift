import CrossingsCore
import Foundation

/// The language server on arbitrary bytes, with the properties every input must keep. The
/// libFuzzer binary (Tests/Fuzz/fuzz.sh lsp) and the test that replays the seeds and findings
/// (Tests/Fuzz/corpus/lsp) both call this.
///
/// The first byte picks how the rest is sent: bit 7 set, the rest is one message's JSON, framed
/// with its right length (so the fuzzer reaches dispatch and the features without having to
/// count); clear, the rest is raw stream bytes. Either way the server has first been
/// initialized and given a small draft, and the bytes arrive in two reads, cut where the first
/// byte's low bits say (framing across reads).
///
/// ```swift
/// #expect(LSPFuzzTarget.problems(Array("\u{80}{}".utf8), checker: checker).isEmpty)
/// ```
public enum LSPFuzzTarget {
    static let draft = "---\ndate: 2025-05-08\n---\n# Draft\n\nIn 2024, 13,221 North Koreans entered Russia. 🙂 In 2024, 20,000 North Koreans entered Russia.\n\nLast year, about 300 Russians visited North Korea, twice as many as the year before.\n"

    static func framed(_ object: [String: Any]) -> [UInt8] {
        MessageReader.frame(Array((try? JSONSerialization.data(withJSONObject: object)) ?? Data()))
    }

    /// What went wrong with this input: empty when everything held.
    public static func problems(_ input: [UInt8], checker: Checker) -> [String] {
        guard let first = input.first else { return [] }
        var written: [UInt8] = []
        let server = LanguageServer(checker: checker, send: { written += $0 }, log: { _ in })
        server.receive(framed(["jsonrpc": "2.0", "id": 0, "method": "initialize",
                               "params": ["capabilities": ["general": ["positionEncodings": first & 0x40 != 0 ? ["utf-8"] : ["utf-16"]]]]]))
        server.receive(framed(["jsonrpc": "2.0", "method": "textDocument/didOpen",
                               "params": ["textDocument": ["uri": "file:///f.md", "languageId": "markdown", "version": 1, "text": draft]]]))
        let rest = Array(input.dropFirst())
        let bytes = first & 0x80 != 0 ? MessageReader.frame(rest) : rest
        let cut = bytes.isEmpty ? 0 : Int(first & 0x3F) % bytes.count
        server.receive(bytes[..<cut])
        server.receive(bytes[cut...])
        // Whatever came before, the server still answers (unless the input said exit, or left half a
        // message whose length will take the next one's bytes).
        let mustAnswer = server.exitCode == nil && server.isBetweenMessages
        if mustAnswer {
            server.receive(framed(["jsonrpc": "2.0", "id": "last", "method": "textDocument/hover",
                                   "params": ["textDocument": ["uri": "file:///f.md"], "position": ["line": 5, "character": 10]]]))
        }
        return outputProblems(written, lastAsked: mustAnswer)
    }

    /// The server's output: whole frames of JSON-RPC objects, strings free of what `visible`
    /// escapes, and (when `lastAsked`) an answer to the last request.
    public static func outputProblems(_ written: [UInt8], lastAsked: Bool) -> [String] {
        var problems: [String] = []
        var reader = MessageReader()
        reader.append(written)
        var answeredLast = false
        while let event = reader.next() {
            guard case .message(let body) = event else { problems.append("the server wrote a broken frame: \(event)"); continue }
            guard let object = (try? JSONSerialization.jsonObject(with: Data(body))) as? [String: Any], object["jsonrpc"] as? String == "2.0" else {
                problems.append("the server wrote a message that is not a JSON-RPC object"); continue
            }
            if object["id"] as? String == "last" { answeredLast = true }
            func walk(_ value: Any, _ path: String) {
                if let s = value as? String {
                    // What the client sent comes back as it was (an id, a document's uri, text in an edit's
                    // newText); everything else is shown to a person.
                    let echoed = path.hasSuffix("newText") || path == ".id" || path == ".params.uri"
                    if !echoed, s.unicodeScalars.contains(where: { escapeForTerminal($0) != nil && $0 != "\n" }) {
                        problems.append("a raw control character in \(path): \(visible(s).prefix(80))")
                    }
                } else if let o = value as? [String: Any] {
                    for (k, v) in o { walk(v, path + "." + k) }
                } else if let a = value as? [Any] {
                    for v in a { walk(v, path + "[]") }
                }
            }
            walk(object, "")
            if let params = object["params"] as? [String: Any], let ds = params["diagnostics"] as? [[String: Any]] {
                for d in ds {
                    let r = d["range"] as? [String: Any]
                    let s = r?["start"] as? [String: Any], e = r?["end"] as? [String: Any]
                    guard let sl = s?["line"] as? Int, let sc = s?["character"] as? Int, let el = e?["line"] as? Int, let ec = e?["character"] as? Int,
                          (sl, sc) <= (el, ec), sl >= 0, sc >= 0 else { problems.append("a diagnostic with a bad range: \(d)"); continue }
                }
            }
        }
        if lastAsked && !answeredLast { problems.append("the last request was not answered") }
        return problems
    }
}
