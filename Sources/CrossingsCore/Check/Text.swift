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
        var out: [Sentence] = []
        var paragraph: [(Character, Int, Int)] = []  // char, line, column
        var paragraphIndex = 0
        var inFence = false
        // A long paragraph is split as it grows; what is left (an unfinished sentence) is kept. The
        // threshold doubles with what is left, so a sentence that cannot be cut is rescanned a
        // bounded number of times (linear in all).
        let flushStep = 16_384
        var flushAt = flushStep
        func flush() {
            if !paragraph.isEmpty {
                out += split(paragraph, paragraph: paragraphIndex, final: true).sentences
                paragraphIndex += 1
            }
            paragraph.removeAll(keepingCapacity: paragraph.count <= 4 * flushStep)
            flushAt = flushStep
        }
        func flushFinished() {
            let (done, consumed) = split(paragraph, paragraph: paragraphIndex, final: false)
            out += done
            if consumed > 0 { paragraph.removeSubrange(0..<consumed) }
            flushAt = max(flushStep, 2 * paragraph.count)
        }
        var lineNumber = 0
        var previousLineEndsLongSentence = false
        var rest = document[...]
        var more = true
        // Line by line, without an array of every line first (a draft of a million short lines).
        while more {
            let lineEnd = rest.firstIndex(of: "\n") ?? rest.endIndex
            var line = rest[..<lineEnd]
            if lineEnd == rest.endIndex { more = false } else { rest = rest[rest.index(after: lineEnd)...] }
            lineNumber += 1
            if line.hasSuffix("\r") { line = line.dropLast() }
            // Only the line's start decides a fence or a blank line: no copy of a megabyte line.
            let lead = line.drop { $0 == " " || $0 == "\t" }
            if lead.hasPrefix("```") || lead.hasPrefix("~~~") {
                inFence.toggle()
                flush()
                continue
            }
            if inFence { continue }
            if lead.allSatisfy(\.draftIsWhitespace) { flush(); continue }
            // A file that is not hard-wrapped (a line of over 100 characters ending a sentence) has a
            // paragraph per line, as the stored articles do (¶N is the Nth non-empty line).
            if previousLineEndsLongSentence { flush() }
            if !paragraph.isEmpty { paragraph.append((" ", lineNumber, 0)) }
            let last = line.last { $0 != " " && $0 != "\t" }
            previousLineEndsLongSentence = lead.utf8.count > 100 && last.map { ".!?\"”’')".contains($0) } == true
            var column = 0
            var run = 0  // letters and digits in a row, up to this one
            if line.utf8.allSatisfy({ $0 < 0x80 }) {
                // ASCII (most drafts): one Character a byte, without working out grapheme clusters.
                for b in line.utf8 {
                    column += 1
                    let alphanumeric = (b >= 0x30 && b <= 0x39) || ((b | 0x20) >= 0x61 && (b | 0x20) <= 0x7A)
                    run = alphanumeric ? run + 1 : 0
                    if run > longestRun { continue }
                    paragraph.append((Character(Unicode.Scalar(b)), lineNumber, column))
                    if paragraph.count >= flushAt { flushFinished() }
                }
            } else {
                for c in line {
                    column += 1
                    run = c.draftIsLetter || c.draftIsNumber ? run + 1 : 0
                    if run > longestRun { continue }
                    paragraph.append((c, lineNumber, column))
                    if paragraph.count >= flushAt { flushFinished() }
                }
            }
        }
        flush()
        return out
    }

    /// Splits one paragraph into sentences at ., ! or ? followed by a space and a capital, quote or
    /// digit; a sentence too long to be one is cut (see `softSentenceTokens`). With `final` false the
    /// paragraph goes on after `chars`: the last, unfinished sentence is not returned, and `consumed`
    /// says where it starts.
    static func split(_ chars: [(Character, Int, Int)], paragraph: Int, final: Bool = true) -> (sentences: [Sentence], consumed: Int) {
        var sentences: [Sentence] = []
        var start = 0
        var i = 0
        // Tokens and characters since `start`, counted as the tokenizer would start them (near enough:
        // a number with separators counts as several, so long ones are cut a little early).
        var tokens = 0
        var previousIsWord = false
        func cut(at end: Int) {
            sentences.append(make(Array(chars[start..<end]), paragraph: paragraph))
            start = end
            tokens = 0
            previousIsWord = false
        }
        scan: while i < chars.count {
            let c = chars[i].0
            if c == "." || c == "!" || c == "?" {
                var j = i + 1
                while j < chars.count, "\"'”’)]".contains(chars[j].0) { j += 1 }
                if j >= chars.count && !final { break scan }  // the paragraph goes on: decide later
                var endsHere = j >= chars.count
                if !endsHere, chars[j].0 == " " {
                    var k = j + 1
                    while k < chars.count, chars[k].0 == " " { k += 1 }
                    if k >= chars.count && !final { break scan }
                    endsHere = isSentenceStart(chars, from: j + 1)
                }
                if endsHere, c != "." || !endsWithAbbreviation(chars, start: start, dot: i) {
                    cut(at: min(j, chars.count))
                    i = j
                    continue
                }
            }
            // Bounds: a run-on "sentence" (no full stop in a megabyte) is cut where a reader could pause,
            // before this character.
            let isSpace = c.draftIsWhitespace
            let isWord = c.draftIsLetter || c.draftIsNumber
            let length = i - start
            if i > start, tokens >= softSentenceTokens || length >= hardSentenceCharacters {
                let previous = chars[i - 1].0
                let lineBreak = isSpace && chars[i].2 == 0
                let afterClause = isSpace && ",;:)—–".contains(previous)
                let hard = tokens >= hardSentenceTokens || length >= hardSentenceCharacters
                // Between two tokens with no space between them ("1,1,1,…"), but never inside a word or number.
                let betweenTokens = hard && !isSpace && !(isWord && (previous.draftIsLetter || previous.draftIsNumber))
                if lineBreak || afterClause || (hard && isSpace) || betweenTokens { cut(at: i) }
            }
            if !isSpace, !isWord || !previousIsWord { tokens += 1 }
            previousIsWord = isWord
            i += 1
        }
        if final && start < chars.count { cut(at: chars.count) }
        return (sentences.filter { !$0.tokens.isEmpty }, start)
    }

    static func isSentenceStart(_ chars: [(Character, Int, Int)], from k: Int) -> Bool {
        var k = k
        while k < chars.count, chars[k].0 == " " { k += 1 }
        guard k < chars.count else { return true }
        let c = chars[k].0
        return c.draftIsUppercase || c.draftIsNumber || "\"'“‘([*#-".contains(c)
    }

    static func endsWithAbbreviation(_ chars: [(Character, Int, Int)], start: Int, dot: Int) -> Bool {
        var k = dot - 1
        var word = ""
        // No abbreviation is longer than five characters: a longer word is not walked (or a megabyte
        // of letters before every full stop would make this quadratic).
        while k >= start, chars[k].0.draftIsLetter || chars[k].0 == "." {
            if word.count >= 6 { return false }
            word = String(chars[k].0) + word; k -= 1
        }
        let w = word.lowercased()
        if abbreviations.contains(w) { return true }
        // Single capital initial ("J. Smith").
        return word.count == 1 && word.first!.draftIsUppercase
    }

    static func make(_ chars: [(Character, Int, Int)], paragraph: Int) -> Sentence {
        var trimmed = chars[...]
        while let f = trimmed.first, f.0 == " " || f.0 == "\t" { trimmed = trimmed.dropFirst() }
        while let l = trimmed.last, l.0 == " " || l.0 == "\t" { trimmed = trimmed.dropLast() }
        let arr = Array(trimmed)
        let text = String(arr.map(\.0))
        let first = arr.first { $0.2 > 0 } ?? (" ", 0, 0)
        return Sentence(text: text, tokens: tokenize(arr), line: first.1, column: first.2, paragraph: paragraph)
    }

    static let groupSpaces: Set<Character> = [" ", "\u{00A0}", "\u{202F}", "\u{2009}"]

    /// Words, numbers (with their thousands separators and decimals) and punctuation.
    static func tokenize(_ chars: [(Character, Int, Int)]) -> [Token] {
        var tokens: [Token] = []
        var i = 0
        func token(_ kind: Token.Kind, _ from: Int, _ to: Int) {
            let text = String(chars[from..<to].map(\.0))
            let endCol = chars[to - 1].1 == chars[from].1 ? chars[to - 1].2 + 1 : chars[from].2 + text.count
            var lower = text.lowercased()
            if lower.unicodeScalars.contains("’") { lower = lower.replacingOccurrences(of: "’", with: "'") }
            tokens.append(Token(kind: kind, text: text, lower: lower, line: chars[from].1, column: chars[from].2, endColumn: endCol))
        }
        func digits(at k: Int) -> Int {
            var n = 0
            while k + n < chars.count, chars[k + n].0.isASCII, chars[k + n].0.draftIsNumber { n += 1 }
            return n
        }
        while i < chars.count {
            let c = chars[i].0
            if c.draftIsWhitespace { i += 1; continue }
            // URLs: skip to the next space.
            if c.draftIsLetter, i + 3 < chars.count {
                let ahead = String(chars[i..<min(i + 8, chars.count)].map(\.0)).lowercased()
                if ahead.hasPrefix("http://") || ahead.hasPrefix("https://") || ahead.hasPrefix("www.") {
                    while i < chars.count, !chars[i].0.draftIsWhitespace { i += 1 }
                    continue
                }
            }
            if c.isASCII && c.draftIsNumber {
                let start = i
                var first = digits(at: i)
                i += first
                // Thousands groups: ",ddd" or a space-like separator then exactly three digits.
                while i + 1 < chars.count {
                    let sep = chars[i].0
                    if (sep == "," || (groupSpaces.contains(sep) && first <= 3)) && digits(at: i + 1) == 3
                        && !(i + 4 < chars.count && chars[i + 4].0.draftIsNumber) {
                        if groupSpaces.contains(sep) && chars[i + 1].0.draftIsNumber && first == 4 { break }
                        i += 4
                        first = 3
                    } else { break }
                }
                // Decimals: ".dd" (5.5K, 1.43 million).
                if i + 1 < chars.count, chars[i].0 == ".", digits(at: i + 1) > 0 {
                    i += 1 + digits(at: i + 1)
                }
                token(.number, start, i)
                continue
            }
            if c.draftIsLetter {
                let start = i
                while i < chars.count {
                    let d = chars[i].0
                    if d.draftIsLetter || d.draftIsNumber { i += 1; continue }
                    // Inner apostrophes, hyphens and dots keep a word whole (Korea's, DPRK-Russia, U.N.).
                    if (d == "'" || d == "’" || d == "-" || d == "."), i + 1 < chars.count, chars[i + 1].0.draftIsLetter,
                       d != "." || (i - start == 1) {
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
