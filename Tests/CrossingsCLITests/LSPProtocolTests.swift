import BundledData
import CrossingsCore
import CrossingsLSP
import Foundation
import Testing

/// The language server's protocol (docs/editors.md): framing, lifecycle, errors, cancellation and
/// incremental sync, driven in-process (LanguageServer) and over pipes (the built `crossings lsp`).
@Suite("LSP protocol")
struct LSPProtocolTests {
    /// Loaded once; read only. Each use gets its own `Checker`: a checker keeps a memo of its
    /// judgements (a mutable dictionary), and Swift Testing runs these tests in parallel — one shared
    /// checker crashed a run (two tests writing its memo at once).
    nonisolated(unsafe) static let data = try! PackageLoader.load(files: BundledData.files, origin: "data")
    static var checker: Checker { Checker(data) }

    /// A client in the same process: what it sends is what the server receives, byte for byte.
    final class Client {
        final class Sink { var bytes: [UInt8] = [] }
        let sink = Sink()
        let server: LanguageServer
        var nextID = 100

        init() {
            let sink = self.sink
            server = LanguageServer(checker: LSPProtocolTests.checker, send: { sink.bytes += $0 }, log: { _ in })
        }

        static func body(_ object: [String: Any]) -> [UInt8] {
            Array(try! JSONSerialization.data(withJSONObject: object))
        }

        static func framed(_ object: [String: Any]) -> [UInt8] { MessageReader.frame(body(object)) }

        func raw(_ bytes: [UInt8]) { server.receive(bytes) }
        func send(_ object: [String: Any]) { raw(Self.framed(object)) }
        func notify(_ method: String, _ params: [String: Any] = [:]) { send(["jsonrpc": "2.0", "method": method, "params": params]) }

        /// Everything the server wrote since the last call, as JSON objects.
        func received() -> [[String: Any]] {
            var reader = MessageReader()
            reader.append(sink.bytes)
            sink.bytes = []
            var out: [[String: Any]] = []
            while let e = reader.next() {
                guard case .message(let body) = e else { Issue.record("the server wrote a broken frame"); continue }
                out.append(try! JSONSerialization.jsonObject(with: Data(body)) as! [String: Any])
            }
            return out
        }

        @discardableResult
        func request(_ method: String, _ params: [String: Any] = [:]) -> [String: Any]? {
            nextID += 1
            send(["jsonrpc": "2.0", "id": nextID, "method": method, "params": params])
            return received().first { ($0["id"] as? Int) == nextID }
        }

        func initialize(_ params: [String: Any] = ["capabilities": [String: Any]()]) {
            #expect(request("initialize", params)?["result"] != nil)
            notify("initialized")
        }

        func open(_ text: String, uri: String = "file:///draft.md") -> [[String: Any]] {
            notify("textDocument/didOpen", ["textDocument": ["uri": uri, "languageId": "markdown", "version": 1, "text": text]])
            return diagnostics(received())
        }

        func diagnostics(_ messages: [[String: Any]]) -> [[String: Any]] {
            let published = messages.last { $0["method"] as? String == "textDocument/publishDiagnostics" }
            return (published?["params"] as? [String: Any])?["diagnostics"] as? [[String: Any]] ?? []
        }
    }

    static func errorCode(_ m: [String: Any]?) -> Int? { (m?["error"] as? [String: Any])?["code"] as? Int }

    /// `[line, character, endCharacter, severity, code]` of each diagnostic.
    static func spans(_ ds: [[String: Any]]) -> [[AnyHashable]] {
        ds.map { d in
            let r = d["range"] as! [String: Any], s = r["start"] as! [String: Int], e = r["end"] as! [String: Int]
            return [s["line"]!, s["character"]!, e["character"]!, d["severity"] as! Int, d["code"] as! String]
        }
    }

    static let draft = "In 2024, 13,221 North Koreans entered Russia.\n\nIn 2024, 20,000 North Koreans entered Russia.\n"

    @Test("one message byte by byte, and several in one read, are each answered once")
    func framing() {
        let client = Client()
        for b in Client.framed(["jsonrpc": "2.0", "id": 1, "method": "initialize", "params": ["capabilities": [:]]]) {
            #expect(client.received().isEmpty)
            client.raw([b])
        }
        #expect(client.received().map { $0["id"] as? Int } == [1])
        let three = [2, 3, 4].flatMap { Client.framed(["jsonrpc": "2.0", "id": $0, "method": "no/such"]) }
        client.raw(three)
        let answers = client.received()
        #expect(answers.map { $0["id"] as? Int } == [2, 3, 4])
        #expect(answers.allSatisfy { Self.errorCode($0) == -32601 })
    }

    @Test("a bad or too large Content-Length, and JSON that does not parse, are ParseErrors; the next message is answered",
          arguments: ["Content-Length: abc\r\n\r\n{}", "Content-Length: 99999999999999999999999999\r\n\r\n",
                      "Content-Length: 17000000\r\n\r\n", "Content-Length: 5\r\n\r\n{oops", "X-Other: 1\r\n\r\n",
                      "Content-Length: -4\r\n\r\n", "Content-Length: 200000\r\n\r\n" + String(repeating: "[", count: 200_000)])
    func badMessages(_ bad: String) {
        let client = Client()
        client.initialize()
        _ = client.received()
        client.raw(Array(bad.utf8))
        let errors = client.received()
        #expect(errors.count == 1 && Self.errorCode(errors.first) == -32700, "\(errors)")
        #expect(errors.first?["id"] is NSNull)
        if bad.contains("17000000") {
            // The refused body's bytes are skipped as they come, then the stream goes on.
            client.raw([UInt8](repeating: 0x20, count: 17_000_000))
        }
        #expect(client.request("shutdown")?["result"] is NSNull)
    }

    @Test("requests before initialize are ServerNotInitialized; unknown methods MethodNotFound; exit without shutdown is 1")
    func lifecycle() {
        let client = Client()
        #expect(Self.errorCode(client.request("textDocument/hover")) == -32002)
        client.initialize()
        #expect(Self.errorCode(client.request("workspace/no-such-thing")) == -32601)
        client.notify("exit")
        #expect(client.server.exitCode == 1)

        let polite = Client()
        polite.initialize()
        #expect(polite.request("shutdown")?["result"] is NSNull)
        #expect(Self.errorCode(polite.request("textDocument/hover")) == -32600)
        polite.notify("exit")
        #expect(polite.server.exitCode == 0)
    }

    @Test("a request cancelled in the same read is answered RequestCancelled; one already answered is not answered twice")
    func cancellation() {
        let client = Client()
        client.initialize()
        _ = client.open(Self.draft)
        let hover: [String: Any] = ["textDocument": ["uri": "file:///draft.md"], "position": ["line": 2, "character": 10]]
        client.raw(Client.framed(["jsonrpc": "2.0", "id": 7, "method": "textDocument/hover", "params": hover])
            + Client.framed(["jsonrpc": "2.0", "method": "$/cancelRequest", "params": ["id": 7]]))
        let answers = client.received()
        #expect(answers.count == 1 && Self.errorCode(answers.first) == -32800)
        let answered = client.request("textDocument/hover", hover)
        #expect(answered?["result"] is [String: Any])
        client.notify("$/cancelRequest", ["id": client.nextID])
        #expect(client.received().isEmpty)
    }

    @Test("diagnostics: one per number, its range, severity and code by verdict, the message check prints")
    func diagnostics() throws {
        let client = Client()
        client.initialize()
        let ds = client.open(Self.draft)
        #expect(Self.spans(ds) == [[0, 9, 15, 4, "supported"], [2, 9, 15, 1, "contradicted"]])
        let full = Self.checker.check(document: Self.draft)
        #expect(ds.map { $0["message"] as? String } == full.map(CheckOutput.summary))
        #expect(ds.allSatisfy { $0["source"] as? String == "crossings" })
    }

    @Test("didChange range edits, with an emoji before the number (two UTF-16 units), match a full check at every step")
    func didChangeSequence() throws {
        let client = Client()
        client.initialize()
        var text = "🙂 In 2024, 20,000 North Koreans entered Russia.\n"
        #expect(Self.spans(client.open(text)) == [[0, 12, 18, 1, "contradicted"]])
        // Typed over, one edit at a time: "20,000" becomes "13,221"; a paragraph is added; a line is removed.
        let edits: [(Int, Int, Int, Int, String)] = [(0, 12, 0, 18, "13,221"), (1, 0, 1, 0, "\nIn 2023, 6,000 Russians visited North Korea.\n"),
                                                     (0, 3, 0, 3, "Note. "), (1, 0, 2, 0, "")]
        for (k, (l1, c1, l2, c2, new)) in edits.enumerated() {
            client.notify("textDocument/didChange", ["textDocument": ["uri": "file:///draft.md", "version": k + 2],
                                                     "contentChanges": [["range": ["start": ["line": l1, "character": c1], "end": ["line": l2, "character": c2]], "text": new]]])
            var doc = TextDocument(text: text, version: 0)
            doc.replace(from: Position(line: l1, character: c1), to: Position(line: l2, character: c2), with: new, encoding: .utf16)
            text = doc.text
            let ds = client.diagnostics(client.received())
            let expected = Self.checker.check(document: text).map { f -> [AnyHashable] in
                // Columns count Characters; the emoji is one Character but two UTF-16 units.
                let shift = f.claim.line == 1 && text.hasPrefix("🙂") ? 1 : 0
                return [f.claim.line - 1, f.claim.column - 1 + shift, f.claim.endColumn - 1 + shift,
                        ["contradicted": 1, "disputed": 2, "unverifiable": 3, "supported": 4][f.verdict.rawValue]!, f.verdict.rawValue]
            }
            #expect(Self.spans(ds) == expected, "after edit \(k): \(text)")
        }
        #expect(text == "🙂 Note. In 2024, 13,221 North Koreans entered Russia.\nIn 2023, 6,000 Russians visited North Korea.\n")
    }

    @Test("a date that cannot be read is a warning on the first line; a readable one dates 'last year'")
    func documentDate() {
        let client = Client()
        client.initialize()
        let bad = client.open("---\ndate: 2025-13-45\n---\nLast year, 13,221 North Koreans entered Russia.\n")
        #expect(bad.first?["code"] as? String == "document-date" && bad.first?["severity"] as? Int == 2)
        #expect((bad.first?["message"] as? String)?.contains("asOf") == true)
        let good = client.open("---\ndate: 2025-05-08\n---\nLast year, 13,221 North Koreans entered Russia.\n", uri: "file:///dated.md")
        #expect(Self.spans(good) == [[3, 11, 17, 4, "supported"]])
    }

    @Test("a source's URL in the draft is a link named by its outlet; other URLs are not; closing clears the diagnostics")
    func linksAndClose() throws {
        let client = Client()
        client.initialize()
        _ = client.open("See 🙂 https://news1global.com/etc/article/426871. Or https://example.com/x.\n")
        let links = try #require(client.request("textDocument/documentLink", ["textDocument": ["uri": "file:///draft.md"]])?["result"] as? [[String: Any]])
        #expect(links.count == 1)
        #expect(links.first?["target"] as? String == "https://news1global.com/etc/article/426871")
        #expect(links.first?["tooltip"] as? String == "News1 Global")
        // After "See 🙂 " (7 UTF-16 units), up to the full stop.
        let range = links.first?["range"] as? [String: [String: Int]]
        #expect(range?["start"]?["character"] == 7 && range?["end"]?["character"] == 7 + 42)
        client.notify("textDocument/didClose", ["textDocument": ["uri": "file:///draft.md"]])
        let cleared = client.received()
        #expect(cleared.count == 1 && client.diagnostics(cleared).isEmpty && cleared.first?["method"] as? String == "textDocument/publishDiagnostics")
    }

    @Test("a change whose range cannot be read is left out, not taken for the whole text")
    func unreadableRange() {
        let client = Client()
        client.initialize()
        #expect(Self.spans(client.open(Self.draft)).count == 2)
        client.notify("textDocument/didChange", ["textDocument": ["uri": "file:///draft.md", "version": 2],
                                                 "contentChanges": [["range": ["start": ["line": 1e30, "character": 0], "end": "x"], "text": "gone"]]])
        let after = client.received()
        #expect(Self.spans(client.diagnostics(after)) == [[0, 9, 15, 4, "supported"], [2, 9, 15, 1, "contradicted"]])
        #expect(after.contains { $0["method"] as? String == "window/logMessage" })
    }

    @Test("a combining mark after a space belongs to the space's Character: the range starts after it, in every encoding",
          arguments: [("utf-16", 10, 16), ("utf-8", 11, 17), ("utf-32", 10, 16)])
    func combiningMark(_ encoding: String, _ start: Int, _ end: Int) {
        let client = Client()
        client.initialize(["capabilities": ["general": ["positionEncodings": [encoding]]]])
        let ds = client.open("In 2024, \u{301}13,221 North Korean citizens entered Russia.\n")
        #expect(Self.spans(ds).map { [$0[1], $0[2]] } == [[start, end]])
        // "Insert citation" and the hit tests use the same arithmetic: a hover on the number's first digit finds it.
        let hover = client.request("textDocument/hover", ["textDocument": ["uri": "file:///draft.md"], "position": ["line": 0, "character": start]])
        #expect(hover?["result"] is [String: Any])
    }

    @Test("true and false are not numbers: not ids, not cancellations, not positions, not severities")
    func booleansAreNotNumbers() {
        let client = Client()
        client.initialize()
        _ = client.open(Self.draft)
        let hover: [String: Any] = ["textDocument": ["uri": "file:///draft.md"], "position": ["line": 2, "character": 10]]
        client.raw(Client.framed(["jsonrpc": "2.0", "id": 1, "method": "textDocument/hover", "params": hover])
            + Client.framed(["jsonrpc": "2.0", "method": "$/cancelRequest", "params": ["id": true]]))
        let answers = client.received()
        #expect(answers.count == 1 && answers.first?["result"] is [String: Any] && answers.first?["id"] as? Int == 1, "\(answers)")
        client.send(["jsonrpc": "2.0", "id": true, "method": "textDocument/hover", "params": hover])
        let boolID = client.received()
        #expect(boolID.count == 1 && Self.errorCode(boolID.first) == -32600 && boolID.first?["id"] is NSNull, "\(boolID)")
        let badPosition = client.request("textDocument/hover", ["textDocument": ["uri": "file:///draft.md"], "position": ["line": false, "character": true]])
        #expect(Self.errorCode(badPosition) == -32602, "\(String(describing: badPosition))")

        let configured = Client()
        configured.send(["jsonrpc": "2.0", "id": 1, "method": "initialize",
                         "params": ["capabilities": [String: Any](), "initializationOptions": ["severity": ["supported": true]]]])
        configured.notify("initialized")
        let logged = configured.received().compactMap { ($0["params"] as? [String: Any])?["message"] as? String }
        #expect(logged.contains { $0.contains("severity.supported: 'true'") }, "\(logged)")
        #expect(Self.spans(configured.open(Self.draft)) == [[0, 9, 15, 4, "supported"], [2, 9, 15, 1, "contradicted"]])
    }

    @Test("a boolean severity and wrong-shaped options are said in the log")
    func wrongShapedOptions() {
        for options: [String: Any] in [["severity": ["supported": true]], ["severity": ["x"]], ["asOf": 5]] {
            let client = Client()
            client.send(["jsonrpc": "2.0", "id": 1, "method": "initialize", "params": ["capabilities": [String: Any](), "initializationOptions": options]])
            let out = client.received()
            #expect(out.contains { $0["method"] as? String == "window/logMessage" }, "\(options)")
        }
    }

    @Test("one change that is not an object is left out and said; the others are applied")
    func malformedChangeItem() {
        let client = Client()
        client.initialize()
        #expect(Self.spans(client.open(Self.draft)).count == 2)
        client.notify("textDocument/didChange", ["textDocument": ["uri": "file:///draft.md", "version": 2],
                                                 "contentChanges": [["text": "In 2024, 20,000 North Koreans entered Russia.\n"], 5]])
        let after = client.received()
        #expect(Self.spans(client.diagnostics(after)) == [[0, 9, 15, 1, "contradicted"]])
        #expect(after.contains { $0["method"] as? String == "window/logMessage" })
    }

    @Test("a header of megabytes without a blank line, read 64 KB at a time, is one ParseError; the next message is answered")
    func hugeHeader() {
        let client = Client()
        client.initialize()
        _ = client.received()
        let junk = Array("X-Junk: ".utf8) + [UInt8](repeating: 0x61, count: 1_000_000) + Array("\r\n".utf8)
        var at = 0
        while at < junk.count { client.raw(Array(junk[at..<min(junk.count, at + 65_536)])); at += 65_536 }
        #expect(client.request("shutdown")?["result"] is NSNull)
        // request() read the output: count the errors over again from a fresh client.
        let again = Client()
        again.initialize()
        _ = again.received()
        at = 0
        while at < junk.count { again.raw(Array(junk[at..<min(junk.count, at + 65_536)])); at += 65_536 }
        again.raw(Client.framed(["jsonrpc": "2.0", "id": 9, "method": "shutdown"]))
        let out = again.received()
        #expect(out.filter { Self.errorCode($0) == -32700 }.count == 1, "\(out.count) messages")
        #expect(out.contains { $0["id"] as? Int == 9 && $0["result"] is NSNull })
    }

    @Test("utf-8 offered: positions count bytes; severity options hide supported and make unverifiable an error")
    func negotiation() {
        let client = Client()
        let answer = client.request("initialize", ["capabilities": ["general": ["positionEncodings": ["utf-8", "utf-16"]]],
                                                   "initializationOptions": ["severity": ["supported": "none", "unverifiable": "error"]]])
        #expect(((answer?["result"] as? [String: Any])?["capabilities"] as? [String: Any])?["positionEncoding"] as? String == "utf-8")
        client.notify("initialized")
        let ds = client.open("— In 2024, 20,000 North Koreans entered Russia. In 2024, 13,221 North Koreans entered Russia.\nIn 1990, 500 North Koreans entered Russia.")
        // "—" is three bytes: the number starts at byte 13 (in UTF-16, at 11).
        #expect(Self.spans(ds) == [[0, 13, 19, 1, "contradicted"], [1, 9, 12, 1, "unverifiable"]])
    }

    @Test("hover names the outlets; the code actions replace the number and insert the citation under the sentence")
    func hoverAndActions() throws {
        let client = Client()
        client.initialize()
        _ = client.open(Self.draft + "\u{1B}[31m")
        let at: [String: Any] = ["line": 2, "character": 11]
        let hover = try #require(client.request("textDocument/hover", ["textDocument": ["uri": "file:///draft.md"], "position": at])?["result"] as? [String: Any])
        let markdown = try #require((hover["contents"] as? [String: Any])?["value"] as? String)
        #expect(markdown.contains("**contradicted**") && markdown.contains("News1 Global") && markdown.contains("¶6"))
        #expect(!markdown.unicodeScalars.contains { $0.value < 0x20 && $0 != "\n" })
        let actions = try #require(client.request("textDocument/codeAction", ["textDocument": ["uri": "file:///draft.md"],
                                                                            "range": ["start": at, "end": at], "context": ["diagnostics": []]])?["result"] as? [[String: Any]])
        #expect(actions.map { $0["title"] as? String } == ["Use the sourced figure (13,221, News1 Global)", "Insert citation"])
        func edit(_ a: [String: Any]) -> String? {
            ((((a["edit"] as? [String: Any])?["changes"] as? [String: Any])?["file:///draft.md"] as? [[String: Any]])?.first)?["newText"] as? String
        }
        #expect(edit(actions[0]) == "13,221")
        #expect(edit(actions[1])?.hasPrefix("\n13,221 entries into Russia by citizens of North Korea in 2024 (FSB border service data") == true)
        // No hover where there is no number.
        #expect(client.request("textDocument/hover", ["textDocument": ["uri": "file:///draft.md"], "position": ["line": 1, "character": 0]])?["result"] is NSNull)
    }

    /// The `lsp` fuzz target's seeds and anything it found (Tests/Fuzz/corpus/lsp), replayed as the fuzzer runs them.
    @Test("the fuzz corpus replays clean: whole frames out, no raw control characters, the last request answered")
    func fuzzCorpus() throws {
        let folder = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent().appendingPathComponent("Fuzz/corpus/lsp")
        let names = try FileManager.default.contentsOfDirectory(atPath: folder.path).sorted()
        #expect(names.count >= 7)
        for name in names {
            let bytes = Array(try Data(contentsOf: folder.appendingPathComponent(name)))
            #expect(LSPFuzzTarget.problems(bytes, checker: Self.checker) == [], "\(name)")
        }
        // The properties can fail: a broken frame, a request left unanswered, and a string with an escape in it.
        #expect(LSPFuzzTarget.outputProblems(Array("Content-Length: x\r\n\r\n{}".utf8), lastAsked: false).count == 1)
        #expect(LSPFuzzTarget.outputProblems([], lastAsked: true).count == 1)
        let raw = MessageReader.frame(Array(#"{"jsonrpc":"2.0","id":"last","result":"a\u001b[31m"}"#.utf8))
        #expect(LSPFuzzTarget.outputProblems(raw, lastAsked: true).count == 1)
    }

    // MARK: Over pipes

    /// `crossings lsp` as an editor runs it: bytes written in pieces, answers read as they come.
    final class Piped: @unchecked Sendable {
        let process = Process()
        let input = Pipe(), output = Pipe()
        let lock = NSLock()
        var buffer: [UInt8] = []

        init() throws {
            process.executableURL = try #require(Binary.url, "the crossings executable was not built beside the tests")
            process.arguments = ["lsp"]
            process.standardInput = input
            process.standardOutput = output
            process.standardError = FileHandle.nullDevice
            // Weak, and taken off in deinit: the pipe's end-of-file can call it after this object is gone
            // (an unowned capture crashed a run: "read an unowned reference … already destroyed").
            output.fileHandleForReading.readabilityHandler = { [weak self] h in
                let d = h.availableData
                guard let self else { return }
                self.lock.lock(); self.buffer += d; self.lock.unlock()
            }
            try process.run()
        }

        deinit {
            output.fileHandleForReading.readabilityHandler = nil
            if process.isRunning { process.terminate() }
        }

        func write(_ bytes: [UInt8]) { input.fileHandleForWriting.write(Data(bytes)) }

        /// Waits (up to 30 s: the data package loads first) for `count` messages.
        func messages(_ count: Int) -> [[String: Any]] {
            let deadline = Date().addingTimeInterval(30)
            while Date() < deadline {
                lock.lock(); let bytes = buffer; lock.unlock()
                var reader = MessageReader()
                reader.append(bytes)
                var out: [[String: Any]] = []
                while case .message(let body)? = reader.next() { out.append((try? JSONSerialization.jsonObject(with: Data(body))) as? [String: Any] ?? [:]) }
                if out.count >= count { return out }
                usleep(10_000)
            }
            return []
        }

        func status() -> Int32 {
            try? input.fileHandleForWriting.close()
            process.waitUntilExit()
            return process.terminationStatus
        }
    }

    @Test("over pipes: a split header, invalid JSON, then exit without shutdown exits 1", .enabled(if: Binary.available))
    func pipes() throws {
        let lsp = try Piped()
        let initialize = Client.framed(["jsonrpc": "2.0", "id": 1, "method": "initialize", "params": ["capabilities": [:]]])
        lsp.write(Array(initialize[..<7]))
        usleep(50_000)
        lsp.write(Array(initialize[7...]) + Array("Content-Length: 3\r\n\r\n{x}".utf8))
        let answers = lsp.messages(2)
        #expect(answers.count == 2)
        #expect(answers.first?["id"] as? Int == 1 && Self.errorCode(answers.last) == -32700)
        lsp.write(Client.framed(["jsonrpc": "2.0", "method": "exit"]))
        #expect(lsp.status() == 1)
    }

    @Test("over pipes: shutdown then exit exits 0, and nothing but messages is written", .enabled(if: Binary.available))
    func pipesShutdown() throws {
        let lsp = try Piped()
        lsp.write(Client.framed(["jsonrpc": "2.0", "id": 1, "method": "initialize", "params": ["capabilities": [:]]])
            + Client.framed(["jsonrpc": "2.0", "method": "textDocument/didOpen", "params": ["textDocument": ["uri": "file:///a.md", "languageId": "markdown", "version": 1, "text": Self.draft]]])
            + Client.framed(["jsonrpc": "2.0", "id": 2, "method": "shutdown"]))
        #expect(lsp.messages(3).count == 3)
        lsp.write(Client.framed(["jsonrpc": "2.0", "method": "exit"]))
        #expect(lsp.status() == 0)
        lsp.lock.lock(); let bytes = lsp.buffer; lsp.lock.unlock()
        var reader = MessageReader()
        reader.append(bytes)
        var n = 0
        while case .message? = reader.next() { n += 1 }
        #expect(n == 3)
    }

    @Test("over a file: edits already written are applied together and the document checked once", .enabled(if: Binary.available))
    func burstOfEdits() throws {
        // Full-text changes of over 64 KB each: without draining what is readable, each read was checked and published.
        let filler = String(repeating: "Nothing to count here at all.\n", count: 3_000)
        var input = Client.framed(["jsonrpc": "2.0", "id": 1, "method": "initialize", "params": ["capabilities": [String: Any]()]])
            + Client.framed(["jsonrpc": "2.0", "method": "initialized", "params": [String: Any]()])
            + Client.framed(["jsonrpc": "2.0", "method": "textDocument/didOpen", "params": ["textDocument": ["uri": "file:///a.md", "languageId": "markdown", "version": 1, "text": Self.draft]]])
        for v in 2...6 {
            input += Client.framed(["jsonrpc": "2.0", "method": "textDocument/didChange", "params": ["textDocument": ["uri": "file:///a.md", "version": v],
                                                                                                     "contentChanges": [["text": filler + Self.draft]]]])
        }
        // No exit: read with the rest, it would end the server before the read's diagnostics are published.
        input += Client.framed(["jsonrpc": "2.0", "id": 2, "method": "shutdown"])
        let file = FileManager.default.temporaryDirectory.appendingPathComponent("crossings-lsp-burst-\(getpid()).bin")
        try Data(input).write(to: file)
        defer { try? FileManager.default.removeItem(at: file) }
        let process = Process()
        process.executableURL = try #require(Binary.url)
        process.arguments = ["lsp"]
        process.standardInput = try FileHandle(forReadingFrom: file)
        let out = Pipe()
        process.standardOutput = out
        process.standardError = FileHandle.nullDevice
        try process.run()
        let bytes = out.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        #expect(process.terminationStatus == 1)  // end of input without exit
        var reader = MessageReader()
        reader.append(Array(bytes))
        var published: [[String: Any]] = []
        while case .message(let body)? = reader.next() {
            if let m = try JSONSerialization.jsonObject(with: Data(body)) as? [String: Any], m["method"] as? String == "textDocument/publishDiagnostics" {
                published.append(m["params"] as! [String: Any])
            }
        }
        #expect(published.count == 1 && published.first?["version"] as? Int == 6, "\(published.map { $0["version"] ?? "" })")
        let lines = filler.split(separator: "\n").count
        #expect(Self.spans(published.last?["diagnostics"] as? [[String: Any]] ?? []) == [[lines, 9, 15, 4, "supported"], [lines + 2, 9, 15, 1, "contradicted"]])
    }
}
