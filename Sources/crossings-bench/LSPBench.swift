import BundledData
import CrossingsCore
import CrossingsLSP
import Foundation

/// `crossings-bench --lsp`: the language server's re-check after a one-word edit of the 2,000-word
/// draft, in process: a `didChange` in, the `publishDiagnostics` out (goal ≤ 20 ms), beside a full
/// check of the same text. Each edit replaces one word, chosen at random, with another (a number
/// with a number, so claims change too).
func benchLSP(edits: Int = 300, seed: UInt64 = 12) throws {
    let data = try PackageLoader.load(files: BundledData.files, origin: "data")
    var published = 0
    let server = LanguageServer(checker: Checker(data), send: { bytes in
        if String(decoding: bytes, as: UTF8.self).contains("\"textDocument/publishDiagnostics\"") { published += 1 }
    }, log: { _ in })
    func send(_ object: [String: Any]) {
        server.receive(MessageReader.frame(Array(try! JSONSerialization.data(withJSONObject: object))))
    }
    var text = draft(words: 2000)
    send(["jsonrpc": "2.0", "id": 1, "method": "initialize", "params": ["capabilities": [String: Any]()]])
    send(["jsonrpc": "2.0", "method": "initialized", "params": [String: Any]()])
    let openStart = cpuNow()
    send(["jsonrpc": "2.0", "method": "textDocument/didOpen",
          "params": ["textDocument": ["uri": "file:///draft.md", "languageId": "markdown", "version": 1, "text": text]]])
    let open = cpuNow() - openStart
    var random = SplitMix64(seed: seed)
    var changes: [UInt64] = [], fulls: [UInt64] = [], alone: [UInt64] = []
    let checker = Checker(data)
    let incremental = IncrementalChecker(checker)
    _ = incremental.check(document: text)
    for k in 0..<edits {
        // A word of the draft (ASCII): its line and column are its byte offsets.
        let lines = text.split(separator: "\n", omittingEmptySubsequences: false)
        let candidates = lines.indices.filter { !lines[$0].isEmpty }
        let l = candidates[Int(random.next() % UInt64(candidates.count))]
        let words = lines[l].split(separator: " ")
        let w = words[Int(random.next() % UInt64(words.count))]
        let column = lines[l].utf8.distance(from: lines[l].startIndex, to: w.startIndex)
        let replacement = w.first!.isNumber ? formatCount(Int(random.next() % 30_000)) : ["travellers", "Russians", "visitors", "several"][k % 4]
        let a = cpuNow()
        send(["jsonrpc": "2.0", "method": "textDocument/didChange",
              "params": ["textDocument": ["uri": "file:///draft.md", "version": k + 2],
                         "contentChanges": [["range": ["start": ["line": l, "character": column], "end": ["line": l, "character": column + w.utf8.count]],
                                             "text": replacement]]]])
        changes.append(cpuNow() - a)
        var chars = Array(lines[l])
        let start = lines[l].distance(from: lines[l].startIndex, to: w.startIndex)
        chars.replaceSubrange(start..<(start + w.count), with: Array(replacement))
        var all = lines.map(String.init)
        all[l] = String(chars)
        text = all.joined(separator: "\n")
        let c = cpuNow()
        _ = incremental.check(document: text)
        alone.append(cpuNow() - c)
        if k % 10 == 0 {
            let b = cpuNow()
            _ = checker.check(document: text)
            fulls.append(cpuNow() - b)
        }
    }
    changes.sort(); fulls.sort(); alone.sort()
    let words = text.split(whereSeparator: { $0 == " " || $0 == "\n" }).count
    print("crossings lsp benchmark: a \(words)-word draft, \(edits) one-word edits (CPU time of this thread)")
    print(String(repeating: "-", count: 90))
    print(row("didOpen: check and publish every paragraph", ms(open), ""))
    let median = ms(changes[changes.count / 2]), p99 = ms(changes[changes.count * 99 / 100]), worst = ms(changes.last!)
    print(row("didChange one word → publishDiagnostics, median", median, median <= 20 ? "goal ≤ 20 ms: met" : "goal ≤ 20 ms: MISSED"))
    print(row("didChange one word → publishDiagnostics, 99th percentile", p99, ""))
    print(row("didChange one word → publishDiagnostics, worst", worst, ""))
    print(row("the re-check alone (IncrementalChecker), median", ms(alone[alone.count / 2]), ""))
    print(row("the re-check alone (IncrementalChecker), worst", ms(alone.last!), ""))
    print(row("full check of the same text (for comparison), median", ms(fulls[fulls.count / 2]), ""))
    print("(\(published) diagnostics published for \(edits + 1) changes)")
}
