/// A draft cut into sentences and tokens, each token knowing its line and column
/// in the original text (1-based; columns count characters).
///
/// Paragraphs are runs of non-blank lines; a sentence may continue onto the
/// next line of its paragraph. Fenced code blocks (```) and URLs are skipped:
/// numbers there are not claims.
public struct Sentence: Sendable {
    public var text: String
    public var tokens: [Token]
    /// Position of the sentence's first character.
    public var line: Int
    public var column: Int
    /// Index of the paragraph in the document, from 0.
    public var paragraph: Int
    /// Ended not by a full stop but by the cut of a run-on sentence (past `softSentenceTokens`):
    /// what the rest of the sentence says (its period) is not read with it.
    public var cut = false
}

public struct Token: Sendable, Hashable {
    public enum Kind: Sendable, Hashable { case word, number, punct }
    public var kind: Kind
    /// As written.
    public var text: String
    /// Lower-cased, for matching.
    public var lower: String
    public var line: Int
    public var column: Int
    /// Column just past the token (on its starting line).
    public var endColumn: Int
    /// A zero-width character inside the number that was dropped ("13,\u{200B}221" reads 13,221).
    public var ignoredInvisible: Unicode.Scalar? = nil
}

public enum DraftText {
    static let abbreviations: Set<String> = [
        "jan", "feb", "mar", "apr", "jun", "jul", "aug", "sep", "sept", "oct", "nov", "dec",
        "mr", "mrs", "ms", "dr", "st", "no", "vs", "etc", "u.n", "u.s", "e.g", "i.e", "gen", "col", "lt", "prof",
    ]

    /// The longest a sentence may run, in tokens, before it is cut at the next clause boundary
    /// (`,` `;` `:` `)` `—` `–` before a space, or a line break). No sentence of the five source
    /// articles is longer than 100 tokens (about 500 characters); the claim reader's work on a
    /// sentence grows faster than its length, so a run-on "sentence" must end somewhere.
    public static let softSentenceTokens = 250
    /// Past this many tokens, or `hardSentenceCharacters` characters, a sentence is cut at the next
    /// space, or, where there is none ("1,1,1,…"), at the next boundary between tokens. Only one
    /// unbroken word or number is never cut: it is one token, read in linear time.
    public static let hardSentenceTokens = 500
    public static let hardSentenceCharacters = 3_000
    /// A run of letters or digits longer than this keeps only its first `longestRun` characters:
    /// no word of the vocabulary and no count (at most 16 digits) is anywhere near as long, and a
    /// 10 MB "word" held as characters with their positions took 900 MB and 30 s (a debug build).
    /// What follows the run keeps its own line and column.
    public static let longestRun = 1_000

    /// Splits a document into sentences.
    ///
    /// Time and memory are linear in the document: a sentence is at most `hardSentenceTokens`
    /// tokens (the claim reader's work per sentence grows faster than its length), and a paragraph
    /// is cut into sentences as it is read, so a megabyte with no blank line is never held twice.
    public static func sentences(_ document: String) -> [Sentence] {
        let document = unixLineBreaks(document)
        var reader = ParagraphReader()
        var inFence = false
        var lineNumber = 0
        var previousLineEndsLongSentence = false
        var rest = document[...]
        var more = true
        // Line by line, without an array of every line first (a draft of a million short lines).
        while more {
            // Bytes, not Characters: "\n" is found without working out grapheme clusters (by memchr: the
            // generic `firstIndex(of:)` took about a hundred instructions a byte).
            let newline = rest.utf8.withContiguousStorageIfAvailable { b in
                b.isEmpty ? nil : memchr(b.baseAddress!, 0x0A, b.count).map { UnsafeRawPointer(b.baseAddress!).distance(to: UnsafeRawPointer($0)) }
            }
            let lineEnd = newline.map { $0.map { rest.utf8.index(rest.startIndex, offsetBy: $0) } ?? rest.endIndex }
                ?? rest.utf8.firstIndex(of: 0x0A) ?? rest.endIndex
            var line = rest[..<lineEnd]
            if lineEnd == rest.endIndex { more = false } else { rest = rest[rest.utf8.index(after: lineEnd)...] }
            lineNumber += 1
            if line.utf8.last == 0x0D { line = line.dropLast() }
            // Only the line's start decides a fence or a blank line: no copy of a megabyte line.
            let lead = line.drop { $0 == " " || $0 == "\t" }
            if lead.hasPrefix("```") || lead.hasPrefix("~~~") {
                inFence.toggle()
                reader.flush()
                continue
            }
            if inFence { continue }
            if lead.allSatisfy(\.draftIsWhitespace) { reader.flush(); continue }
            // A file that is not hard-wrapped (a line of over 100 characters ending a sentence) has a
            // paragraph per line, as the stored articles do (¶N is the Nth non-empty line).
            if previousLineEndsLongSentence { reader.flush() }
            let last = line.last { $0 != " " && $0 != "\t" }
            previousLineEndsLongSentence = lead.utf8.count > 100 && last.map { ".!?\"”’')".contains($0) } == true
            // The line's bytes in place: iterating a Substring's UTF-8 view cost several times more.
            let n = lineNumber
            if line.utf8.withContiguousStorageIfAvailable({ reader.read($0, of: line, line: n) }) == nil {
                Array(line.utf8).withUnsafeBufferPointer { reader.read($0, of: line, line: n) }
            }
        }
        reader.flush()
        return reader.out
    }

    /// A paragraph read a line at a time and cut into sentences as it grows. A struct with mutating
    /// methods, not local functions sharing local variables: those variables were boxed, and every
    /// access to the paragraph checked for exclusivity at run time (a fifth of the splitter).
    struct ParagraphReader {
        var out: [Sentence] = []
        var paragraph: [DraftChar] = []
        /// The UTF-8 bytes of the paragraph's characters that are not ASCII (`DraftChar.wideStart`).
        var wide: [UInt8] = []
        var paragraphIndex = 0
        // A long paragraph is split as it grows; what is left (an unfinished sentence) is kept. The
        // threshold doubles with what is left, so a sentence that cannot be cut is rescanned a
        // bounded number of times (linear in all).
        static let flushStep = 16_384
        var flushAt = flushStep
        /// The classes of the characters that are not ASCII met so far (`DraftChar.Classes`): asking a
        /// Character took thousands of instructions, a lookup about a hundred. Emptied when it grows
        /// past `classCacheLimit` (a draft of every character there is).
        var classCache: [Character: DraftChar.Classes] = [:]
        static let classCacheLimit = 4_096

        mutating func flush() {
            if !paragraph.isEmpty {
                out += split(paragraph, wide: wide, paragraph: paragraphIndex, final: true).sentences
                paragraphIndex += 1
            }
            paragraph.removeAll(keepingCapacity: paragraph.count <= 4 * Self.flushStep)
            wide.removeAll(keepingCapacity: wide.count <= 4 * Self.flushStep)
            flushAt = Self.flushStep
        }

        mutating func flushFinished() {
            let (done, consumed) = split(paragraph, wide: wide, paragraph: paragraphIndex, final: false)
            out += done
            if consumed > 0 { paragraph.removeSubrange(0..<consumed) }
            // The bytes of the characters kept, moved to the front: the store stays as small as they are.
            if !wide.isEmpty {
                var kept: [UInt8] = []
                for i in paragraph.indices where paragraph[i].ascii == 0xFF {
                    let c = paragraph[i]
                    paragraph[i].wideStart = UInt32(kept.count)
                    kept += wide[c.wideBytes]
                }
                wide = kept
            }
            flushAt = max(Self.flushStep, 2 * paragraph.count)
        }

        /// Adds one line (not blank, outside a fence) to the paragraph: `bytes` are `text`'s UTF-8.
        mutating func read(_ bytes: UnsafeBufferPointer<UInt8>, of text: Substring, line lineNumber: Int) {
            if !paragraph.isEmpty { paragraph.append(DraftChar(ascii: 0x20, line: lineNumber, column: 0)) }
            var column = 0
            var run = 0  // letters and digits in a row, up to this one
            var ascii = true
            for b in bytes where b >= 0x80 { ascii = false; break }
            if ascii {
                // ASCII (most drafts): one Character a byte, without working out grapheme clusters.
                for b in bytes {
                    column += 1
                    let alphanumeric = (b >= 0x30 && b <= 0x39) || ((b | 0x20) >= 0x61 && (b | 0x20) <= 0x7A)
                    run = alphanumeric ? run + 1 : 0
                    if run > longestRun { continue }
                    paragraph.append(DraftChar(ascii: b, line: lineNumber, column: column))
                    if paragraph.count >= flushAt { flushFinished() }
                }
                return
            }
            // Mostly ASCII (curly quotes, a dash): an ASCII byte followed by another (or the end) is a
            // Character of its own, so only the rest is cut into grapheme clusters.
            var o = 0
            while o < bytes.count {
                let b = bytes[o]
                column += 1
                var ch: DraftChar
                if b < 0x80, o + 1 == bytes.count || bytes[o + 1] < 0x80 {
                    ch = DraftChar(ascii: b, line: lineNumber, column: column)
                    o += 1
                } else {
                    let at = text.utf8.index(text.startIndex, offsetBy: o)
                    let after = text.index(after: at)
                    let c = text[at]
                    var classes = classCache[c]
                    if classes == nil {
                        if classCache.count >= Self.classCacheLimit { classCache.removeAll(keepingCapacity: true) }
                        classes = DraftChar.Classes(of: c)
                        classCache[c] = classes
                    }
                    ch = DraftChar(c, classes: classes!, line: lineNumber, column: column, wide: &wide)
                    o += text.utf8.distance(from: at, to: after)
                }
                run = ch.isLetter || ch.isNumber ? run + 1 : 0
                if run > longestRun { continue }
                if ch.isASCIIDigit { dropInvisibles(before: &ch, in: &paragraph, wide: wide) }
                paragraph.append(ch)
                if paragraph.count >= flushAt { flushFinished() }
            }
        }
    }

    /// Line breaks as "\n" only: "\r\n" (Windows) and a lone "\r" (old Mac OS) are each one break.
    public static func unixLineBreaks(_ text: String) -> String {
        // memchr over the bytes: the generic `utf8.contains` took 29 instructions a byte, and this is
        // asked of the whole document several times (the checker, the date reader, the claim reader).
        var scanned = text
        let hasCR = scanned.withUTF8 { b in b.count > 0 && memchr(b.baseAddress!, 0x0D, b.count) != nil }
        guard hasCR else { return text }
        var bytes: [UInt8] = []
        bytes.reserveCapacity(text.utf8.count)
        var afterCR = false
        for b in text.utf8 {
            if b == 0x0A && afterCR { afterCR = false; continue }
            afterCR = b == 0x0D
            bytes.append(b == 0x0D ? 0x0A : b)
        }
        return String(decoding: bytes, as: UTF8.self)
    }

    /// Zero-width format characters a reader does not see: inside a number ("13,\u{200B}221") they
    /// are dropped, and the number read as it shows on screen (with a reading note).
    static let invisibleInNumbers: Set<Unicode.Scalar> = ["\u{200B}", "\u{200C}", "\u{200D}", "\u{2060}", "\u{FEFF}", "\u{00AD}"]

    /// Before an ASCII digit: a run of zero-width characters after a digit, or after a digit and a
    /// "," or "." ("13\u{200B}221", "13,\u{200B}221", "13\u{2060},221"), is dropped, and the digit
    /// keeps which one it was. Columns stay: each character keeps its own.
    static func dropInvisibles(before digit: inout DraftChar, in paragraph: inout [DraftChar], wide: [UInt8]) {
        var k = paragraph.count - 1
        var drop: [Int] = []        // characters wholly invisible
        var strip: [Int] = []       // a digit, "," or "." with a zero-width (non-)joiner attached
        var found: Unicode.Scalar?
        var sawSeparator = false
        var digitBefore = false
        walk: while k >= 0, paragraph[k].line == digit.line, paragraph[k].column > 0 {
            let c = paragraph[k]
            if c.ascii != 0xFF {
                if c.isASCIIDigit { digitBefore = true; break walk }
                if (c.ascii == 0x2C || c.ascii == 0x2E) && !sawSeparator { sawSeparator = true; k -= 1; continue }
                return
            }
            let scalars = c.string(wide).unicodeScalars
            guard let invisible = scalars.first(where: { invisibleInNumbers.contains($0) }) else { return }
            let rest = scalars.filter { !invisibleInNumbers.contains($0) }
            found = invisible
            if rest.isEmpty { drop.append(k); k -= 1; continue }
            guard rest.count == 1, let r = rest.first, r.isASCII else { return }
            if (0x30...0x39).contains(r.value) { strip.append(k); digitBefore = true; break walk }
            if (r == "," || r == ".") && !sawSeparator { strip.append(k); sawSeparator = true; k -= 1; continue }
            return
        }
        // A number the zero-width characters stand inside: a digit before them.
        guard digitBefore, let found else { return }
        for i in strip {
            let base = paragraph[i].string(wide).unicodeScalars.first { !invisibleInNumbers.contains($0) }!
            paragraph[i] = DraftChar(ascii: UInt8(base.value), line: paragraph[i].line, column: paragraph[i].column)
        }
        for i in drop.sorted(by: >) { paragraph.remove(at: i) }
        digit.invisible = found
    }

    /// Splits one paragraph into sentences at ., ! or ? followed by a space and a capital, quote or
    /// digit; a sentence too long to be one is cut (see `softSentenceTokens`). With `final` false the
    /// paragraph goes on after `chars`: the last, unfinished sentence is not returned, and `consumed`
    /// says where it starts.
    static func split(_ chars: [DraftChar], wide: [UInt8], paragraph: Int, final: Bool = true) -> (sentences: [Sentence], consumed: Int) {
        var sentences: [Sentence] = []
        var start = 0
        var i = 0
        // Tokens and characters since `start`, counted as the tokenizer would start them (near enough:
        // a number with separators counts as several, so long ones are cut a little early).
        var tokens = 0
        var previousIsWord = false
        var numberRun = 0, uncounted = 0
        func cut(at end: Int, forced: Bool = false) {
            var sentence = make(chars[start..<end], wide: wide, paragraph: paragraph)
            sentence.cut = forced
            sentences.append(sentence)
            start = end
            tokens = 0
            uncounted = 0
            previousIsWord = false
        }
        scan: while i < chars.count {
            let c = chars[i]
            if c.ascii == 0x2E || c.ascii == 0x21 || c.ascii == 0x3F || (c.ascii == 0xFF && c.has(.stop)) {
                var j = i + 1
                while j < chars.count, chars[j].isOneOf(closers, .closer) { j += 1 }
                if j >= chars.count && !final { break scan }  // the paragraph goes on: decide later
                var endsHere = j >= chars.count
                if !endsHere, chars[j].ascii == 0x20 {
                    var k = j + 1
                    while k < chars.count, chars[k].ascii == 0x20 { k += 1 }
                    if k >= chars.count && !final { break scan }
                    endsHere = isSentenceStart(chars, from: j + 1)
                }
                if endsHere, !c.isDot || !endsWithAbbreviation(chars, wide: wide, start: start, dot: i) {
                    cut(at: min(j, chars.count))
                    i = j
                    continue
                }
            }
            // Bounds: a run-on "sentence" (no full stop in a megabyte) is cut where a reader could pause,
            // before this character.
            let isSpace = c.isWhitespace
            // A thousands comma ("1,000,000") is inside its number, as the tokenizer reads it: no token
            // of its own and no place to cut, so a long grouped number stays one number (too large).
            let isGroupComma = c.ascii == 0x2C && previousIsWord && i > 0 && chars[i - 1].isASCIIDigit
                && i + 3 < chars.count && chars[i + 1].isASCIIDigit && chars[i + 2].isASCIIDigit && chars[i + 3].isASCIIDigit
                && !(i + 4 < chars.count && chars[i + 4].isNumber)
            let isWord = c.isLetter || c.isNumber || isGroupComma
            // Past its first `longestRun` characters a number is not kept (tokenize), so they count for nothing.
            numberRun = c.isASCIIDigit || isGroupComma ? numberRun + 1 : 0
            if numberRun > longestRun { uncounted += 1 }
            let length = i - start - uncounted
            if i > start, tokens >= softSentenceTokens || length >= hardSentenceCharacters {
                let previous = chars[i - 1]
                let lineBreak = isSpace && c.column == 0
                let afterClause = isSpace && previous.isOneOf(clauseEnds, .clauseEnd)
                let hard = tokens >= hardSentenceTokens || length >= hardSentenceCharacters
                // Between two tokens with no space between them ("1,1,1,…"), but never inside a word or number.
                let betweenTokens = hard && !isSpace && !(isWord && previousIsWord)
                if lineBreak || afterClause || (hard && isSpace) || betweenTokens { cut(at: i, forced: true) }
            }
            if !isSpace, !isWord || !previousIsWord { tokens += 1 }
            previousIsWord = isWord
            i += 1
        }
        if final && start < chars.count { cut(at: chars.count) }
        return (sentences.filter { !$0.tokens.isEmpty }, start)
    }

    /// The ASCII members of the character sets asked about per character.
    static let closers: [UInt8] = Array("\"')]".utf8)
    static let clauseEnds: [UInt8] = Array(",;:)".utf8)
    static let sentenceOpeners: [UInt8] = Array("\"'([*#-".utf8)

    static func isSentenceStart(_ chars: [DraftChar], from k: Int) -> Bool {
        var k = k
        while k < chars.count, chars[k].ascii == 0x20 { k += 1 }
        guard k < chars.count else { return true }
        let c = chars[k]
        return c.isUppercase || c.isNumber || c.isOneOf(sentenceOpeners, .opener)
    }

    static func endsWithAbbreviation(_ chars: [DraftChar], wide: [UInt8], start: Int, dot: Int) -> Bool {
        // ASCII (nearly every full stop): the word before the dot is lower-cased from its bytes, with no
        // String made a character at a time; any other character takes the general way below.
        var n = 0
        var j = dot - 1
        while j >= start, chars[j].isLetter || chars[j].isDot, chars[j].ascii != 0xFF {
            if n >= 6 { return false }
            n += 1; j -= 1
        }
        if j < start || !(chars[j].isLetter || chars[j].isDot) {
            let w = String(unsafeUninitializedCapacity: n) { buffer in
                for i in 0..<n { let b = chars[j + 1 + i].ascii; buffer[i] = (b >= 0x41 && b <= 0x5A) ? b | 0x20 : b }
                return n
            }
            if abbreviations.contains(w) { return true }
            return n == 1 && chars[j + 1].isUppercase
        }
        var k = dot - 1
        var word = ""
        // No abbreviation is longer than five characters: a longer word is not walked (or a megabyte
        // of letters before every full stop would make this quadratic).
        while k >= start, chars[k].isLetter || chars[k].isDot {
            if word.count >= 6 { return false }
            word = chars[k].string(wide) + word; k -= 1
        }
        let w = word.lowercased()
        if abbreviations.contains(w) { return true }
        // Single capital initial ("J. Smith").
        return word.count == 1 && word.first!.draftIsUppercase
    }

    /// The text of characters: their bytes, without making a String of each Character.
    static func text(_ chars: ArraySlice<DraftChar>, wide: [UInt8]) -> String {
        var ascii = true
        for c in chars where c.ascii == 0xFF { ascii = false; break }
        if ascii {
            return String(unsafeUninitializedCapacity: chars.count) { buffer in
                var n = 0
                for c in chars { buffer[n] = c.ascii; n += 1 }
                return n
            }
        }
        var bytes: [UInt8] = []
        bytes.reserveCapacity(chars.count + 8)
        for c in chars { if c.ascii != 0xFF { bytes.append(c.ascii) } else { bytes.append(contentsOf: wide[c.wideBytes]) } }
        return String(decoding: bytes, as: UTF8.self)
    }

    static func make(_ chars: ArraySlice<DraftChar>, wide: [UInt8], paragraph: Int) -> Sentence {
        var trimmed = chars
        while let f = trimmed.first, f.ascii == 0x20 || f.ascii == 0x09 { trimmed = trimmed.dropFirst() }
        while let l = trimmed.last, l.ascii == 0x20 || l.ascii == 0x09 { trimmed = trimmed.dropLast() }
        let arr = Array(trimmed)
        let text = text(arr[...], wide: wide)
        let first = arr.first { $0.column > 0 } ?? DraftChar(ascii: 0x20, line: 0, column: 0)
        return Sentence(text: text, tokens: tokenize(arr, wide: wide), line: first.line, column: first.column, paragraph: paragraph)
    }

    static let groupSpaces: Set<Character> = [" ", "\u{00A0}", "\u{202F}", "\u{2009}"]
    /// Marks written between thousands in some places: the Swiss apostrophe ("13'221", "13’221"), an
    /// underscore ("13_221"), a middle dot ("13·221") and the Arabic thousands separator ("13٬221").
    /// Between digits, with three digits after, they group as a space does; elsewhere they are punctuation.
    static let groupMarks: Set<Character> = ["'", "’", "_", "\u{00B7}", "\u{066C}"]

    /// A number token's text without its thousands separators (`,`, `groupSpaces` and `groupMarks`), as the
    /// readers parse it. ASCII text (nearly every number) is filtered by bytes: filtering Characters
    /// asked the set of spaces a hash of each digit.
    static func digits(of text: String) -> String {
        guard text.utf8.allSatisfy({ $0 < 0x80 }) else { return text.filter { $0 != "," && !groupSpaces.contains($0) && !groupMarks.contains($0) } }
        return String(decoding: text.utf8.filter { $0 != 0x2C && $0 != 0x20 && $0 != 0x27 && $0 != 0x5F }, as: UTF8.self)
    }

    /// Words, numbers (with their thousands separators and decimals) and punctuation.
    static func tokenize(_ chars: [(Character, Int, Int)]) -> [Token] {
        var wide: [UInt8] = []
        let draftChars = chars.map { DraftChar($0.0, line: $0.1, column: $0.2, wide: &wide) }
        return tokenize(draftChars, wide: wide)
    }

    static let urlStarts: [[UInt8]] = [Array("http://".utf8), Array("https://".utf8), Array("www.".utf8)]

    /// "http://", "https://" or "www." at `i`, case-blind, by bytes: asked of every word starting with
    /// h or w, where making a lower-cased String of the next eight characters cost more than the
    /// word. No character that is not ASCII lower-cases to one of these, so a non-ASCII one ends the match.
    @inline(__always) static func startsURL(_ chars: [DraftChar], at i: Int) -> Bool {
        outer: for p in urlStarts where i + p.count <= chars.count {
            for j in 0..<p.count {
                var a = chars[i + j].ascii
                if a >= 0x41 && a <= 0x5A { a |= 0x20 }
                if a != p[j] { continue outer }
            }
            return true
        }
        return false
    }

    /// Words, numbers (with their thousands separators and decimals) and punctuation.
    static func tokenize(_ chars: [DraftChar], wide: [UInt8]) -> [Token] {
        var tokens: [Token] = []
        var i = 0
        func token(_ kind: Token.Kind, _ from: Int, _ to: Int) {
            // A grouped number of megabytes ("1,000,000,…") keeps its first `longestRun` characters, as a run does.
            let slice = chars[from..<(kind == .number ? min(to, from + longestRun) : to)]
            var ascii = true
            for c in slice where c.ascii == 0xFF { ascii = false; break }
            let text: String
            var lower: String
            if ascii {
                // ASCII: both made from the characters' bytes, lower-cased byte by byte as lowercased() would.
                text = String(unsafeUninitializedCapacity: slice.count) { buffer in
                    var n = 0
                    for c in slice { buffer[n] = c.ascii; n += 1 }
                    return n
                }
                lower = String(unsafeUninitializedCapacity: slice.count) { buffer in
                    var n = 0
                    for c in slice { let b = c.ascii; buffer[n] = (b >= 0x41 && b <= 0x5A) ? b | 0x20 : b; n += 1 }
                    return n
                }
            } else {
                text = DraftText.text(slice, wide: wide)
                lower = text.lowercased()
                if lower.unicodeScalars.contains("’") { lower = lower.replacingOccurrences(of: "’", with: "'") }
            }
            let endCol = chars[to - 1].line == chars[from].line ? chars[to - 1].column + 1 : chars[from].column + text.count
            var t = Token(kind: kind, text: text, lower: lower, line: chars[from].line, column: chars[from].column, endColumn: endCol)
            if kind == .number { t.ignoredInvisible = slice.lazy.compactMap(\.invisible).first }
            tokens.append(t)
        }
        func digits(at k: Int) -> Int {
            var n = 0
            while k + n < chars.count, chars[k + n].isASCIIDigit { n += 1 }
            return n
        }
        func isGroupSpace(_ c: DraftChar) -> Bool { c.ascii == 0x20 || (c.ascii == 0xFF && c.has(.groupSpace)) }
        func isGroupMark(_ c: DraftChar) -> Bool { c.ascii == 0x27 || c.ascii == 0x5F || (c.ascii == 0xFF && c.has(.groupMark)) }
        while i < chars.count {
            let c = chars[i]
            if c.isWhitespace { i += 1; continue }
            // URLs: skip to the next space.
            if c.isLetter, i + 3 < chars.count, c.ascii | 0x20 == 0x68 || c.ascii | 0x20 == 0x77 {
                if startsURL(chars, at: i) {
                    while i < chars.count, !chars[i].isWhitespace { i += 1 }
                    continue
                }
            }
            if c.isASCIIDigit {
                let start = i
                var first = digits(at: i)
                i += first
                // Thousands groups: ",ddd" or a space-like separator or a group mark ("13'221") then exactly three digits.
                while i + 1 < chars.count {
                    let sep = chars[i]
                    if (sep.ascii == 0x2C || ((isGroupSpace(sep) || isGroupMark(sep)) && first <= 3)) && digits(at: i + 1) == 3
                        && !(i + 4 < chars.count && chars[i + 4].isNumber) {
                        if isGroupSpace(sep) && chars[i + 1].isNumber && first == 4 { break }
                        i += 4
                        first = 3
                    } else { break }
                }
                // Decimals: ".dd" (5.5K, 1.43 million).
                if i + 1 < chars.count, chars[i].ascii == 0x2E, digits(at: i + 1) > 0 {
                    i += 1 + digits(at: i + 1)
                }
                token(.number, start, i)
                continue
            }
            if c.isLetter {
                let start = i
                while i < chars.count {
                    let d = chars[i]
                    if d.isLetter || d.isNumber { i += 1; continue }
                    // Inner apostrophes, hyphens and dots keep a word whole (Korea's, DPRK-Russia, U.N.).
                    if (d.ascii == 0x27 || d.ascii == 0x2D || d.ascii == 0x2E || (d.ascii == 0xFF && d.has(.rightQuote))),
                       i + 1 < chars.count, chars[i + 1].isLetter,
                       d.ascii != 0x2E || (i - start == 1) {
                        i += 1
                        continue
                    }
                    break
                }
                token(.word, start, i)
                continue
            }
            token(.punct, i, i + 1)
            i += 1
        }
        return tokens
    }
}

/// A character of a paragraph with its line and column (column 0: the space standing for a line
/// break). `ascii` is its byte when it is one ASCII scalar, else 0xFF: most of a draft is ASCII, and
/// asking a Character its class or comparing it costs far more than a byte.
///
/// Trivially copyable: a character that is not ASCII keeps its UTF-8 bytes in the paragraph's store
/// (`wide`, passed beside the characters) and the classes the splitter asks, worked out once from
/// the Character when it is read. A `Character` held here made every copy of every character of a
/// paragraph (appending, cutting, slicing into sentences) retain and release it.
struct DraftChar {
    var line: Int
    var column: Int
    /// Where the bytes of a character that is not ASCII are in the store, and how many.
    var wideStart: UInt32 = 0
    var wideCount: UInt32 = 0
    var ascii: UInt8
    /// What a character that is not ASCII is (for ASCII, `ascii` answers).
    var classes: Classes = []
    /// A zero-width character dropped just before this digit (inside a number).
    var invisible: Unicode.Scalar?

    struct Classes: OptionSet {
        var rawValue: UInt16
        init(rawValue: UInt16) { self.rawValue = rawValue }
        static let whitespace = Classes(rawValue: 1 << 0)
        static let letter = Classes(rawValue: 1 << 1)
        static let number = Classes(rawValue: 1 << 2)
        static let uppercase = Classes(rawValue: 1 << 3)
        /// "." "!" or "?" (a Character equal to one, as String compares).
        static let stop = Classes(rawValue: 1 << 4)
        static let dot = Classes(rawValue: 1 << 5)
        /// In `"'”’)]`, `,;:)—–`, `"'“‘([*#-`: what may follow a full stop, end a clause, open a sentence.
        static let closer = Classes(rawValue: 1 << 6)
        static let clauseEnd = Classes(rawValue: 1 << 7)
        static let opener = Classes(rawValue: 1 << 8)
        /// A space that may stand between thousands (`DraftText.groupSpaces`).
        static let groupSpace = Classes(rawValue: 1 << 9)
        /// "’", an apostrophe inside a word.
        static let rightQuote = Classes(rawValue: 1 << 10)
        /// A mark that may stand between thousands (`DraftText.groupMarks`).
        static let groupMark = Classes(rawValue: 1 << 11)

        /// What the splitter asks of a character, asked once.
        init(of char: Character) {
            var c: Classes = []
            if char.draftIsWhitespace { c.insert(.whitespace) }
            if char.draftIsLetter { c.insert(.letter) }
            if char.draftIsNumber { c.insert(.number) }
            if char.draftIsUppercase { c.insert(.uppercase) }
            if char == "." || char == "!" || char == "?" { c.insert(.stop) }
            if char == "." { c.insert(.dot) }
            if "\"'”’)]".contains(char) { c.insert(.closer) }
            if ",;:)—–".contains(char) { c.insert(.clauseEnd) }
            if "\"'“‘([*#-".contains(char) { c.insert(.opener) }
            if DraftText.groupSpaces.contains(char) { c.insert(.groupSpace) }
            if char == "’" { c.insert(.rightQuote) }
            if DraftText.groupMarks.contains(char) { c.insert(.groupMark) }
            self = c
        }
    }

    @inline(__always) init(ascii: UInt8, line: Int, column: Int) {
        self.line = line
        self.column = column
        self.ascii = ascii
    }

    /// A character as read: its bytes go to `wide` when it is not ASCII, with its classes.
    init(_ char: Character, line: Int, column: Int, wide: inout [UInt8]) {
        self.init(char, classes: char.utf8.count == 1 ? [] : Classes(of: char), line: line, column: column, wide: &wide)
    }

    /// The same, with the classes of a character that is not ASCII already known (`Classes(of:)`).
    init(_ char: Character, classes: Classes, line: Int, column: Int, wide: inout [UInt8]) {
        let utf8 = char.utf8
        if utf8.count == 1 {
            self.init(ascii: utf8.first!, line: line, column: column)
            return
        }
        self.init(ascii: 0xFF, line: line, column: column)
        wideStart = UInt32(wide.count)
        wideCount = UInt32(utf8.count)
        wide.append(contentsOf: utf8)
        self.classes = classes
    }

    /// The bytes of a character that is not ASCII, in the paragraph's store.
    @inline(__always) var wideBytes: Range<Int> { Int(wideStart)..<Int(wideStart) + Int(wideCount) }

    /// The character as a String.
    func string(_ wide: [UInt8]) -> String {
        ascii != 0xFF ? String(Unicode.Scalar(ascii)) : String(decoding: wide[wideBytes], as: UTF8.self)
    }

    @inline(__always) func has(_ c: Classes) -> Bool { classes.contains(c) }

    @inline(__always) var isWhitespace: Bool { ascii != 0xFF ? ascii == 0x20 || (ascii >= 0x09 && ascii <= 0x0D) : has(.whitespace) }
    @inline(__always) var isLetter: Bool { ascii != 0xFF ? (ascii | 0x20) >= 0x61 && (ascii | 0x20) <= 0x7A : has(.letter) }
    @inline(__always) var isNumber: Bool { ascii != 0xFF ? ascii >= 0x30 && ascii <= 0x39 : has(.number) }
    @inline(__always) var isUppercase: Bool { ascii != 0xFF ? ascii >= 0x41 && ascii <= 0x5A : has(.uppercase) }
    @inline(__always) var isASCIIDigit: Bool { ascii >= 0x30 && ascii <= 0x39 }
    /// Equal to "." (a Character that is not ASCII can equal an ASCII one: U+037E is ";").
    @inline(__always) var isDot: Bool { ascii == 0x2E || (ascii == 0xFF && has(.dot)) }
    /// In a set: `ascii` its ASCII members, `other` the class of the rest.
    @inline(__always) func isOneOf(_ ascii: [UInt8], _ other: Classes) -> Bool {
        self.ascii != 0xFF ? ascii.contains(self.ascii) : has(other)
    }
}

extension String {
    /// `utf8.contains(0x2D)` ("-"), asked of most words by the number and period readers: over the
    /// bytes in place, where the generic `contains` cost a couple of hundred instructions a word.
    @inline(__always) var draftHasHyphen: Bool {
        utf8.withContiguousStorageIfAvailable { b in b.contains(0x2D) } ?? utf8.contains(0x2D)
    }

    /// `hasSuffix("'s")`, by bytes: a possessive is asked of every word (the country and event
    /// readers), and the standard library compares Characters. When the byte before "'" is not ASCII
    /// a grapheme cluster could hold the "'", so that rare case is left to `hasSuffix`.
    @inline(__always) var draftEndsInApostropheS: Bool {
        let u = utf8
        let n = u.count
        guard n >= 2 else { return false }
        let e = u.endIndex
        guard u[u.index(e, offsetBy: -1)] == 0x73, u[u.index(e, offsetBy: -2)] == 0x27 else { return false }
        if n == 2 || u[u.index(e, offsetBy: -3)] < 0x80 { return true }
        return hasSuffix("'s")
    }

    /// `hasSuffix("*")` (an event alias's wildcard word), by bytes as `draftEndsInApostropheS`.
    @inline(__always) var draftEndsInStar: Bool {
        let u = utf8
        let n = u.count
        guard n >= 1, u[u.index(before: u.endIndex)] == 0x2A else { return false }
        if n == 1 || u[u.index(u.endIndex, offsetBy: -2)] < 0x80 { return true }
        return hasSuffix("*")
    }
}

/// Character classes answered for ASCII without the Unicode property tables (most of a draft is
/// ASCII, and the tables were a quarter of the time on a megabyte); anything else as the
/// standard library says, so the answers are the same.
extension Character {
    @inline(__always) var draftIsWhitespace: Bool {
        if let a = asciiValue { return a == 0x20 || (0x09...0x0D).contains(a) }
        return isWhitespace
    }
    @inline(__always) var draftIsLetter: Bool {
        if let a = asciiValue { return (0x61...0x7A).contains(a | 0x20) }
        return isLetter
    }
    @inline(__always) var draftIsNumber: Bool {
        if let a = asciiValue { return (0x30...0x39).contains(a) }
        return isNumber
    }
    @inline(__always) var draftIsUppercase: Bool {
        if let a = asciiValue { return (0x41...0x5A).contains(a) }
        return isUppercase
    }
}

import Foundation
