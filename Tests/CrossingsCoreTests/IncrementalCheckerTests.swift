import BundledData
import Foundation
import Testing
@testable import CrossingsCore

/// The language server re-checks only changed paragraphs (IncrementalChecker); what it finds after
/// any sequence of edits must be what a full check of the same text finds, since a claim reads
/// its period and flow from the sentences before it.
@Suite("IncrementalChecker")
struct IncrementalCheckerTests {
    let checker: Checker

    init() throws {
        checker = Checker(try PackageLoader.load(files: BundledData.files, origin: "data"))
    }

    /// Everything a finding says that an editor shows: where, what, and why.
    func shown(_ findings: [Finding]) -> [String] {
        findings.map { "\($0.claim.line):\($0.claim.column)-\($0.claim.endColumn) \($0.verdict.rawValue) \($0.claim.printed) | \($0.message)" }
    }

    /// Edits a writer makes, context-changing ones most of all: a period or a nationality put in or
    /// taken out, a paragraph split or joined, a number changed, a line moved down.
    static let insertions = [
        " In 2023,", " during the first half of 2025", " 20,000", " North Koreans", " Russians", "\n\n", "\n",
        " the year before.", " Tourists from Russia went.", " twice as many", "\n\nIn 2024, 13,221 North Koreans entered Russia. ",
        " the same period", " last year", "```\n", " 5,000 workers", " 2022",
    ]

    @Test("random edits: incremental == full, every step", arguments: [UInt64(1), 2, 3])
    func randomEdits(seed: UInt64) throws {
        var text = try ["own-sentences.md", "restated-articles.md"].map {
            try String(contentsOfFile: fixtureDirectory("check") + "/" + $0, encoding: .utf8)
        }.joined(separator: "\n\n")
        var random = SplitMix64(seed: seed)
        let incremental = IncrementalChecker(checker)
        var reused = 0
        for step in 0..<60 {
            var chars = Array(text)
            let at = chars.isEmpty ? 0 : Int(random.next() % UInt64(chars.count))
            switch random.next() % 3 {
            case 0: chars.insert(contentsOf: Self.insertions[Int(random.next() % UInt64(Self.insertions.count))], at: at)
            case 1: chars.removeSubrange(at..<min(chars.count, at + Int(random.next() % 40)))
            default:
                // A number typed over: a digit changed.
                if let d = chars.indices.dropFirst(at).first(where: { chars[$0].isNumber }) { chars[d] = Character(String(random.next() % 10)) }
            }
            text = String(chars)
            let asOf: CalendarDay? = step % 20 == 19 ? CalendarDay(parsing: "2025-05-08") : nil
            let full = checker.check(document: text, asOf: asOf)
            let fast = incremental.check(document: text, asOf: asOf)
            #expect(shown(fast) == shown(full), "seed \(seed), step \(step)")
            reused += incremental.lastParagraphs - incremental.lastRead
        }
        // It does keep paragraphs: a scheme that read everything would pass the comparison too.
        #expect(reused > 100)
    }

    @Test("a one-word edit reads one paragraph; lines moved down read none")
    func readsWhatChanged() throws {
        let paragraphs = (0..<10).map { "In \(2015 + $0), \(1000 + $0) North Koreans entered Russia. That year, 500 Russians visited North Korea." }
        let incremental = IncrementalChecker(checker)
        let text = paragraphs.joined(separator: "\n\n")
        _ = incremental.check(document: text)
        #expect(incremental.lastRead == 10)
        let edited = text.replacingOccurrences(of: "1005 North", with: "1006 North")
        _ = incremental.check(document: edited)
        #expect(incremental.lastRead == 1)
        // Blank lines put above: every line moves, and nothing is read again.
        let moved = incremental.check(document: "\n\n\n" + edited)
        #expect(incremental.lastRead == 0)
        #expect(shown(moved) == shown(checker.check(document: "\n\n\n" + edited)))
        #expect(moved.count == 20)
    }
}
