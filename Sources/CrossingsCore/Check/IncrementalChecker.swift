/// `Checker.check(document:asOf:)` for a document that is checked again after every edit (the
/// language server, `crossings lsp`): only the paragraphs whose text or incoming context changed are
/// read and judged again; the others' findings are kept, moved to their new lines.
///
/// A paragraph's claims depend on its own sentences and on what the sentences before it left: the
/// claim reader's `Context` (the topic period, the flow, the lead of the paragraph before) and the
/// last main count (what "twice as many as the year before" compares with). So a paragraph's
/// result is remembered under its sentences (lines counted from its first) together with that
/// incoming state, and its outgoing state is remembered with it: an edit that changes what a
/// paragraph leaves behind reads the paragraphs after it again, up to the first one whose incoming
/// state is as before. The findings are the same as a full check's (IncrementalCheckerTests).
///
/// Cutting the document into sentences is still done whole (linear, and a small part of the cost);
/// the claim reader and the judging, where the time goes, are done per changed paragraph.
///
/// ```swift
/// let incremental = IncrementalChecker(Checker(data))
/// incremental.check(document: draft, asOf: nil)          // reads every paragraph
/// incremental.check(document: editedDraft, asOf: nil)    // reads the edited one (and any it changes)
/// incremental.lastRead                                   // 1
/// ```
public final class IncrementalChecker {
    public let checker: Checker
    /// Paragraphs read (not taken from the cache) by the last `check`, and paragraphs in all.
    public private(set) var lastRead = 0
    public private(set) var lastParagraphs = 0
    /// For each finding of the last `check`, where its sentence ends (line, and column just past its
    /// last character): an editor's "Insert citation" puts the citation there.
    public private(set) var sentenceEnds: [(line: Int, column: Int)] = []

    /// A paragraph as the claim reader sees it, with where it stands taken out: its sentences with
    /// lines counted from the paragraph's first, and the state the sentences before it left.
    struct Key: Hashable {
        var sentences: [Shape]
        var context: ClaimExtractor.Context
        /// The ratio reader reads only the key of the last main count.
        var previous: FigureKey?
    }

    struct Shape: Hashable {
        var text: String
        var tokens: [Token]
        var line: Int
        var column: Int
        var cut: Bool
    }

    /// A paragraph's findings (lines counted from its first) and the state it leaves.
    struct Entry {
        var findings: [Finding]
        var sentenceEnds: [(line: Int, column: Int)]
        var context: ClaimExtractor.Context
        var previous: Claim?
    }

    private var cache: [Key: Entry] = [:]
    /// The readers depend on the document's date: a new date starts a new cache.
    private var readers: (asOf: CalendarDay?, extractor: ClaimExtractor, events: EventReader, ratios: RatioReader)?

    public init(_ checker: Checker) { self.checker = checker }

    /// Every finding in a document, as `Checker.check(document:asOf:)` gives them.
    public func check(document: String, asOf: CalendarDay? = nil) -> [Finding] {
        let data = checker.data
        if readers == nil || readers!.asOf != asOf {
            readers = (asOf, ClaimExtractor(vocabulary: data.vocabulary ?? .empty, asOf: asOf),
                       EventReader(data, asOf: asOf), RatioReader(data, asOf: asOf))
            cache = [:]
        }
        let (_, extractor, events, ratios) = readers!
        let prose = DocumentDate.withoutFrontMatter(DraftText.unixLineBreaks(document))
        let sentences = ClaimExtractor.sentences(of: prose)
        var context = ClaimExtractor.Context()
        var previous: Claim?
        var out: [Finding] = []
        // Only this check's paragraphs are kept: the cache never holds more than the document.
        var kept: [Key: Entry] = [:]
        lastRead = 0
        lastParagraphs = 0
        sentenceEnds = []
        var i = sentences.startIndex
        while i < sentences.endIndex {
            let paragraph = sentences[i].paragraph
            var j = i
            while j < sentences.endIndex, sentences[j].paragraph == paragraph { j += 1 }
            let run = sentences[i..<j]
            let base = run.first!.line
            lastParagraphs += 1
            // The context's paragraph number only says whether a paragraph came before.
            var incoming = context
            incoming.paragraph = context.paragraph >= 0 ? 0 : -1
            let key = Key(sentences: run.map { Shape(text: $0.text, tokens: $0.tokens.map { Self.moved($0, by: -base) },
                                                     line: $0.line - base, column: $0.column, cut: $0.cut) },
                          context: incoming, previous: previous?.key)
            let entry: Entry
            if let known = cache[key] ?? kept[key] {
                entry = known
            } else {
                lastRead += 1
                var ctx = context
                var counts: [Claim] = []
                for s in run { counts += extractor.claims(in: s, context: &ctx) }
                var prev = previous
                let claims = checker.withComparisons(counts, in: run, events: events, ratios: ratios, previous: &prev)
                let ends = claims.map { c -> (line: Int, column: Int) in
                    let s = run.last { s in s.tokens.first.map { ($0.line, $0.column) <= (c.line, c.column) } ?? false } ?? run.first!
                    let last = s.tokens.last!
                    return (last.line - base, last.endColumn)
                }
                entry = Entry(findings: claims.map { Self.moved(checker.check($0), by: -base) }, sentenceEnds: ends, context: ctx,
                              previous: prev.map { Self.moved($0, by: -base) })
            }
            kept[key] = entry
            out += entry.findings.map { Self.moved($0, by: base) }
            sentenceEnds += entry.sentenceEnds.map { ($0.line + base, $0.column) }
            context = entry.context
            context.paragraph = paragraph
            previous = entry.previous.map { Self.moved($0, by: base) }
            i = j
        }
        cache = kept
        return out
    }

    static func moved(_ t: Token, by lines: Int) -> Token {
        var t = t
        t.line += lines
        return t
    }

    static func moved(_ c: Claim, by lines: Int) -> Claim {
        var c = c
        c.line += lines
        return c
    }

    static func moved(_ f: Finding, by lines: Int) -> Finding {
        var f = f
        f.claim.line += lines
        return f
    }
}
