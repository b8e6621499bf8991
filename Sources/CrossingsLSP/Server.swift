import CrossingsCore
import Foundation

/// The language server behind `crossings lsp`: JSON-RPC 2.0 with LSP 3.17's lifecycle, and the
/// `crossings check` findings of each open document as diagnostics, hovers, code actions and links.
///
/// It holds no global state and does no I/O of its own: bytes go in through `receive`, messages
/// come out through `send`, log lines through `log`, so tests drive it in-process exactly as the
/// command drives it from stdin. Messages are handled in the order they arrive; all those of one
/// read are parsed first, so a `$/cancelRequest` in the same read as its request cancels it, and
/// the diagnostics of a document changed several times in one read are published once.
///
/// ```swift
/// let server = LanguageServer(checker: Checker(data), send: { out.append(contentsOf: $0) }, log: { _ in })
/// server.receive(MessageReader.frame(Array(#"{"jsonrpc":"2.0","id":1,"method":"initialize","params":{}}"#.utf8)))
/// ```
public final class LanguageServer {
    /// JSON-RPC and LSP error codes.
    public enum ErrorCode: Int, Sendable {
        case parseError = -32700, invalidRequest = -32600, methodNotFound = -32601, invalidParams = -32602
        case serverNotInitialized = -32002, requestCancelled = -32800
    }

    /// What `initializationOptions` may set (docs/editors.md).
    public struct Options: Sendable {
        /// The diagnostic severity of each verdict (1 error … 4 hint), nil for no diagnostic.
        public var severity: [Finding.Verdict: Int?] = [.contradicted: 1, .disputed: 2, .unverifiable: 3, .supported: 4]
        /// The documents' date, over their front matter's.
        public var asOf: CalendarDay?
        public init() {}
    }

    enum Phase { case starting, running, shutDown }

    /// An open document with its checker (whose cache is this document's paragraphs) and findings.
    struct Open {
        var document: TextDocument
        let checker: IncrementalChecker
        var findings: [Finding]?
        var sentenceEnds: [(line: Int, column: Int)] = []
        /// Why the date the document gives for itself cannot be read, if it cannot.
        var dateProblem: String?
    }

    let checker: Checker
    let send: ([UInt8]) -> Void
    let log: (String) -> Void
    private var reader = MessageReader()
    private var phase = Phase.starting
    public private(set) var options = Options()
    public private(set) var encoding = PositionEncoding.utf16
    private var documents: [String: Open] = [:]
    /// Documents changed in this read, in order: published when the read's messages are done.
    private var changed: [String] = []
    /// Set by `exit`: 0 after `shutdown`, 1 without (LSP 3.17).
    public private(set) var exitCode: Int32?

    public init(checker: Checker, send: @escaping ([UInt8]) -> Void, log: @escaping (String) -> Void) {
        self.checker = checker
        self.send = send
        self.log = log
    }

    /// Between messages: no part of one is waiting for more bytes (a Content-Length longer than
    /// what was sent takes the next message's bytes as its own, as the protocol says).
    public var isBetweenMessages: Bool { reader.isIdle }

    /// Bytes as read from the client, any amount.
    public func receive(_ bytes: some Sequence<UInt8>) {
        reader.append(bytes)
        var batch: [MessageReader.Event] = []
        while exitCode == nil, let event = reader.next() { batch.append(event) }
        let parsed: [Any?] = batch.map { event in
            guard case .message(let body) = event else { return nil }
            return try? JSONSerialization.jsonObject(with: Data(body))
        }
        // A request cancelled in the same read is answered as cancelled, not worked on.
        var cancelled = Set<String>()
        for case let message as [String: Any] in parsed.compactMap({ $0 }) where message["method"] as? String == "$/cancelRequest" {
            if let id = (message["params"] as? [String: Any])?["id"], let key = Self.idKey(id) { cancelled.insert(key) }
        }
        // In order: an error answers its message where it stood.
        for (event, message) in zip(batch, parsed) where exitCode == nil {
            if case .error(let problem) = event { respondError(id: nil, .parseError, problem); continue }
            guard let message else { respondError(id: nil, .parseError, "the message is not JSON"); continue }
            handle(message, cancelled: cancelled)
        }
        publishChanged()
    }

    // MARK: Dispatch

    static func idKey(_ id: Any) -> String? {
        if let s = id as? String { return "s" + s }
        if let i = integer(id) { return "n\(i)" }
        return nil
    }

    /// JSON `true` or `false`. JSONSerialization hands both numbers and booleans back as NSNumber,
    /// and on Linux `type(of:)` is never `Bool` and `as? Int` takes `true` for 1: a boolean is the
    /// NSNumber whose type is C `char` ("c"), which no JSON number is parsed into.
    static func isBoolean(_ value: Any) -> Bool {
        if type(of: value) == Bool.self { return true }
        if let n = value as? NSNumber { return n.objCType.pointee == 0x63 }
        return false
    }

    /// A JSON number that is a whole number (`3` or `3.0`), never `true` or `false`.
    static func integer(_ value: Any?) -> Int? {
        guard let value, !isBoolean(value) else { return nil }
        if let i = value as? Int { return i }
        if let d = value as? Double, let i = Int(exactly: d) { return i }
        return nil
    }

    /// A request's params that do not say what the method needs (LSP InvalidParams).
    struct InvalidParams: Error { var message: String }

    func handle(_ message: Any, cancelled: Set<String>) {
        guard let object = message as? [String: Any] else {
            respondError(id: nil, .invalidRequest, message is [Any] ? "batches are not part of LSP" : "a message must be a JSON object")
            return
        }
        let id = object["id"].flatMap { $0 is NSNull ? nil : $0 }
        guard let method = object["method"] as? String else {
            // A response to a request of ours: the server sends none, so there is nothing to match it with.
            if id != nil, object["result"] != nil || object["error"] != nil { return }
            respondError(id: id, .invalidRequest, "no method")
            return
        }
        let params = object["params"]
        guard let id else { notification(method, params); return }
        guard let key = Self.idKey(id) else { respondError(id: nil, .invalidRequest, "an id must be a number or a string"); return }
        if cancelled.contains(key) { respondError(id: id, .requestCancelled, "cancelled"); return }
        switch phase {
        case .starting where method != "initialize":
            respondError(id: id, .serverNotInitialized, "initialize first"); return
        case .shutDown:
            respondError(id: id, .invalidRequest, "the server is shut down: only exit is left"); return
        case .running where method == "initialize":
            respondError(id: id, .invalidRequest, "already initialized"); return
        default: break
        }
        let p = params as? [String: Any] ?? [:]
        do {
            switch method {
            case "initialize": respond(id, initialize(p))
            case "shutdown": phase = .shutDown; respond(id, NSNull())
            case "textDocument/hover": respond(id, try hover(p))
            case "textDocument/codeAction": respond(id, try codeActions(p))
            case "textDocument/documentLink": respond(id, documentLinks(p))
            default: respondError(id: id, .methodNotFound, "no method '\(visible(method))'")
            }
        } catch let e as InvalidParams {
            respondError(id: id, .invalidParams, e.message)
        } catch {
            respondError(id: id, .invalidParams, "\(error)")
        }
    }

    func notification(_ method: String, _ params: Any?) {
        if method == "exit" { exitCode = phase == .shutDown ? 0 : 1; return }
        // Before initialize, notifications are dropped (LSP 3.17); after shutdown, only exit counts.
        guard phase == .running else { return }
        let p = params as? [String: Any] ?? [:]
        switch method {
        case "textDocument/didOpen": didOpen(p)
        case "textDocument/didChange": didChange(p)
        case "textDocument/didClose": didClose(p)
        default: break  // initialized, didSave, $/cancelRequest (done above), $/… and the rest: nothing to do
        }
    }

    // MARK: Output

    func write(_ object: [String: Any]) {
        send(MessageReader.frame(JSONWriter.bytes(object)))
    }

    func respond(_ id: Any, _ result: Any) { write(["jsonrpc": "2.0", "id": id, "result": result]) }

    func respondError(id: Any?, _ code: ErrorCode, _ message: String) {
        write(["jsonrpc": "2.0", "id": id ?? NSNull(), "error": ["code": code.rawValue, "message": visible(message)]])
    }

    func notify(_ method: String, _ params: [String: Any]) { write(["jsonrpc": "2.0", "method": method, "params": params]) }

    /// A line for the client's log (`window/logMessage`, type 3 info, 2 warning) and stderr.
    func logMessage(_ text: String, warning: Bool = false) {
        log("crossings lsp: " + visible(text))
        notify("window/logMessage", ["type": warning ? 2 : 3, "message": visible(text)])
    }

    // MARK: Lifecycle

    func initialize(_ p: [String: Any]) -> [String: Any] {
        let general = (p["capabilities"] as? [String: Any])?["general"] as? [String: Any]
        let offered = general?["positionEncodings"] as? [String] ?? []
        // UTF-8 is what the text is held in, so the cheapest; UTF-16 is every client's default.
        encoding = offered.contains("utf-8") ? .utf8 : offered.contains("utf-32") ? .utf32 : .utf16
        switch p["initializationOptions"] {
        case nil, is NSNull: break
        case let o as [String: Any]: configure(o)
        default: logMessage("initializationOptions is not an object: ignored", warning: true)
        }
        phase = .running
        return [
            "capabilities": [
                "positionEncoding": encoding.rawValue,
                "textDocumentSync": ["openClose": true, "change": 2],
                "hoverProvider": true,
                "codeActionProvider": ["codeActionKinds": ["quickfix"]],
                "documentLinkProvider": ["resolveProvider": false],
            ] as [String: Any],
            "serverInfo": ["name": "crossings"],
        ]
    }

    /// `{"severity": {"supported": "none", "disputed": "error"}, "asOf": "2025-05-08"}`; what cannot
    /// be read is said in the client's log and left as it was.
    func configure(_ o: [String: Any]) {
        if let given = o["severity"], !(given is NSNull), !(given is [String: Any]) {
            logMessage("initializationOptions.severity is not an object of verdicts (supported, contradicted, disputed, unverifiable): ignored", warning: true)
        }
        if let severities = o["severity"] as? [String: Any] {
            for (name, value) in severities {
                guard let verdict = Finding.Verdict(rawValue: name) else {
                    logMessage("initializationOptions.severity: no verdict '\(name)' (supported, contradicted, disputed, unverifiable)", warning: true)
                    continue
                }
                let named: [String: Int?] = ["error": 1, "warning": 2, "information": 3, "info": 3, "hint": 4, "none": nil]
                if let s = value as? String, let level = named[s.lowercased()] {
                    options.severity[verdict] = level
                } else if let n = Self.integer(value), (1...4).contains(n) {
                    options.severity[verdict] = n
                } else {
                    // NSNumber prints true as 1: say what the client wrote.
                    let shown = Self.isBoolean(value) ? ((value as? Bool) == true ? "true" : "false") : "\(value)"
                    logMessage("initializationOptions.severity.\(name): '\(shown)' is not error, warning, information, hint or none", warning: true)
                }
            }
        }
        if let asOf = o["asOf"] as? String {
            if let day = CalendarDay(parsing: asOf) { options.asOf = day } else { logMessage("initializationOptions.asOf: '\(asOf)' is not a date (YYYY-MM-DD)", warning: true) }
        } else if let given = o["asOf"], !(given is NSNull) {
            logMessage("initializationOptions.asOf is not a date string (YYYY-MM-DD): ignored", warning: true)
        }
    }

    // MARK: Documents

    static func uri(_ p: [String: Any]) -> String? { (p["textDocument"] as? [String: Any])?["uri"] as? String }

    func didOpen(_ p: [String: Any]) {
        guard let doc = p["textDocument"] as? [String: Any], let uri = doc["uri"] as? String, let text = doc["text"] as? String else {
            logMessage("didOpen without a textDocument uri and text", warning: true); return
        }
        documents[uri] = Open(document: TextDocument(text: text, version: Self.integer(doc["version"]) ?? 0), checker: IncrementalChecker(checker))
        changed.append(uri)
    }

    func didChange(_ p: [String: Any]) {
        guard let uri = Self.uri(p), var open = documents[uri] else { logMessage("didChange for a document not open", warning: true); return }
        // Each change stands alone: one that cannot be read is left out and said, the others applied.
        let changes = p["contentChanges"] as? [Any]
        if changes == nil { logMessage("didChange without a contentChanges array: nothing changed", warning: true) }
        for (k, item) in (changes ?? []).enumerated() {
            guard let change = item as? [String: Any], let text = change["text"] as? String else {
                logMessage("didChange: contentChanges[\(k)] is not an object with a text: change left out", warning: true)
                continue
            }
            if let range = change["range"] {
                // A range that cannot be read is not the whole document: the change is left out, and said.
                guard let range = range as? [String: Any], let a = Self.position(range["start"]), let b = Self.position(range["end"]) else {
                    logMessage("didChange with a range that is not two positions: change left out", warning: true)
                    continue
                }
                open.document.replace(from: a, to: b, with: text, encoding: encoding)
            } else {
                open.document.text = text
            }
        }
        if let v = Self.integer((p["textDocument"] as? [String: Any])?["version"]) { open.document.version = v }
        open.findings = nil
        documents[uri] = open
        changed.append(uri)
    }

    func didClose(_ p: [String: Any]) {
        guard let uri = Self.uri(p) else { return }
        documents[uri] = nil
        changed.removeAll { $0 == uri }
        notify("textDocument/publishDiagnostics", ["uri": uri, "diagnostics": [Any]()])
    }

    static func position(_ any: Any?) -> Position? {
        guard let o = any as? [String: Any], let l = integer(o["line"]), let c = integer(o["character"]), l >= 0, c >= 0 else { return nil }
        return Position(line: l, character: c)
    }

    /// The document's findings, checked again only if it changed since.
    func findings(_ uri: String) -> (findings: [Finding], open: Open)? {
        guard var open = documents[uri] else { return nil }
        if open.findings == nil {
            let text = open.document.text
            let inspected: (date: DocumentDate?, problem: String?) = options.asOf == nil ? DocumentDate.inspect(text) : (nil, nil)
            open.dateProblem = inspected.problem
            open.findings = open.checker.check(document: text, asOf: options.asOf ?? inspected.date?.day)
            open.sentenceEnds = open.checker.sentenceEnds
            documents[uri] = open
        }
        return (open.findings!, open)
    }

    func publishChanged() {
        guard exitCode == nil else { return }
        var seen = Set<String>()
        for uri in changed where seen.insert(uri).inserted {
            guard let (found, open) = findings(uri) else { continue }
            let lines = open.document.lines
            var diagnostics: [[String: Any]] = found.compactMap { f in
                guard let severity = options.severity[f.verdict] ?? nil else { return nil }
                return ["range": range(f, lines), "severity": severity, "source": "crossings", "code": f.verdict.rawValue,
                        "message": CheckOutput.summary(f)]
            }
            // A date written but unreadable: "last year" and "currently" cannot be read either, and the
            // writer sees why where the date stands (check says it on standard error).
            if let problem = open.dateProblem {
                let wording = problem.replacingOccurrences(of: "give --as-of", with: "fix it, or give asOf in the server's initializationOptions")
                diagnostics.insert(["range": ["start": Position(line: 0, character: 0).json, "end": lines.position(ofOffset: lines.contentEnd(0), encoding).json],
                                    "severity": 2, "source": "crossings", "code": "document-date", "message": visible(wording)], at: 0)
            }
            notify("textDocument/publishDiagnostics", ["uri": uri, "version": open.document.version, "diagnostics": diagnostics])
        }
        changed = []
    }

    func span(_ f: Finding, _ lines: TextDocument.Lines) -> (Position, Position) {
        (lines.position(line: f.claim.line, column: f.claim.column, encoding), lines.position(line: f.claim.line, column: f.claim.endColumn, encoding))
    }

    func range(_ f: Finding, _ lines: TextDocument.Lines) -> [String: Any] {
        let (a, b) = span(f, lines)
        return ["start": a.json, "end": b.json]
    }

    // MARK: Hover, code actions, links

    func hover(_ p: [String: Any]) throws(InvalidParams) -> Any {
        guard let at = Self.position(p["position"]) else { throw InvalidParams(message: "hover: position is not a line and character (whole numbers from 0)") }
        guard let uri = Self.uri(p), let (found, open) = findings(uri) else { return NSNull() }
        let lines = open.document.lines
        guard let f = found.first(where: { let (a, b) = span($0, lines); return a <= at && at <= b }) else { return NSNull() }
        return ["contents": ["kind": "markdown", "value": HoverText.markdown(f, checker.data)], "range": range(f, lines)]
    }

    func codeActions(_ p: [String: Any]) throws(InvalidParams) -> Any {
        guard let r = p["range"] as? [String: Any], let from = Self.position(r["start"]), let to = Self.position(r["end"]) else {
            throw InvalidParams(message: "codeAction: range is not two positions (line and character, whole numbers from 0)")
        }
        guard let uri = Self.uri(p), let (found, open) = findings(uri) else { return [Any]() }
        let lines = open.document.lines
        var actions: [[String: Any]] = []
        for (i, f) in found.enumerated() {
            let (a, b) = span(f, lines)
            guard a <= to && from <= b else { continue }
            let data = checker.data
            if f.verdict == .contradicted, f.claim.kind == .count, let row = HoverText.sourcedRow(f) {
                let figure = Citation.words(row.value)
                let outlet = HoverText.citedOutlet(row, figure, data)
                actions.append(["title": visible("Use the sourced figure (\(figure), \(outlet))"), "kind": "quickfix", "isPreferred": true,
                                "edit": ["changes": [uri: [["range": range(f, lines), "newText": figure]]]]])
            }
            if f.claim.kind == .count, let row = HoverText.sourcedRow(f) ?? f.rows.first(where: { $0.status == .reported }) {
                let end: (line: Int, column: Int) = open.sentenceEnds.indices.contains(i) ? open.sentenceEnds[i] : (f.claim.line, f.claim.endColumn)
                let at = lines.position(line: end.line, column: end.column, encoding)
                // The citation goes on a line of its own under the sentence; what followed the sentence on its line goes under that.
                let restOfLine = lines.offset(at, encoding) < lines.contentEnd(at.line)
                let text = "\n" + Citation.line(row, data) + (restOfLine ? "\n" : "")
                actions.append(["title": "Insert citation", "kind": "quickfix",
                                "edit": ["changes": [uri: [["range": ["start": at.json, "end": at.json], "newText": text]]]]])
            }
        }
        return actions
    }

    /// Source URLs written in the document, linked, with the outlet as the tooltip.
    func documentLinks(_ p: [String: Any]) -> Any {
        guard let uri = Self.uri(p), let open = documents[uri] else { return [Any]() }
        let lines = open.document.lines
        let bytes = lines.bytes
        let known = Dictionary(checker.data.sources.filter { !$0.url.isEmpty }.map { ($0.url, $0.outlet) }, uniquingKeysWith: { a, _ in a })
        var links: [[String: Any]] = []
        var i = 0
        let starts = [Array("https://".utf8), Array("http://".utf8)]
        while i < bytes.count {
            guard bytes[i] == 0x68, starts.contains(where: { s in i + s.count <= bytes.count && Array(bytes[i..<(i + s.count)]) == s }) else { i += 1; continue }
            var e = i
            while e < bytes.count, bytes[e] > 0x20, !"<>\"'`()[]{}".utf8.contains(bytes[e]) { e += 1 }
            var end = e
            while end > i, ".,;:!?".utf8.contains(bytes[end - 1]) { end -= 1 }
            let url = String(decoding: bytes[i..<end], as: UTF8.self)
            if let outlet = known[url] {
                links.append(["range": ["start": lines.position(ofOffset: i, encoding).json, "end": lines.position(ofOffset: end, encoding).json],
                              "target": url, "tooltip": visible(outlet)])
            }
            i = max(e, i + 1)
        }
        return links
    }
}
