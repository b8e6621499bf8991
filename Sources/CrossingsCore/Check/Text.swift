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

    /// Splits a document into sentences.
    public static func sentences(_ document: String) -> [Sentence] {
        var out: [Sentence] = []
        var paragraph: [(Character, Int, Int)] = []  // char, line, column
        var paragraphIndex = 0
        var inFence = false
        func flush() {
            if !paragraph.isEmpty {
                out += split(paragraph, paragraph: paragraphIndex)
                paragraphIndex += 1
            }
            paragraph.removeAll()
        }
        var lineNumber = 0
        var previousLineEndsLongSentence = false
        for rawLine in document.split(separator: "\n", omittingEmptySubsequences: false) {
            lineNumber += 1
            var line = Substring(rawLine)
            if line.hasSuffix("\r") { line = line.dropLast() }
            let trimmed = line.trimmingCharacters(in: .whitespaces)
            if trimmed.hasPrefix("```") || trimmed.hasPrefix("~~~") {
                inFence.toggle()
                flush()
                continue
            }
            if inFence { continue }
            if trimmed.isEmpty { flush(); continue }
            // A file that is not hard-wrapped (a line of over 100 characters ending a sentence) has a
            // paragraph per line, as the stored articles do (¶N is the Nth non-empty line).
            if previousLineEndsLongSentence { flush() }
            if !paragraph.isEmpty { paragraph.append((" ", lineNumber, 0)) }
            previousLineEndsLongSentence = trimmed.count > 100 && trimmed.last.map { ".!?\"”’')".contains($0) } == true
            var column = 0
            for c in line {
                column += 1
                paragraph.append((c, lineNumber, column))
            }
        }
        flush()
        return out
    }

    /// Splits one paragraph into sentences at ., ! or ? followed by a space and a capital, quote or digit.
    static func split(_ chars: [(Character, Int, Int)], paragraph: Int) -> [Sentence] {
        var sentences: [Sentence] = []
        var start = 0
        var i = 0
        while i < chars.count {
            let c = chars[i].0
            if c == "." || c == "!" || c == "?" {
                var j = i + 1
                while j < chars.count, "\"'”’)]".contains(chars[j].0) { j += 1 }
                if j >= chars.count || (chars[j].0 == " " && isSentenceStart(chars, from: j + 1)) {
                    if c != "." || !endsWithAbbreviation(chars, start: start, dot: i) {
                        sentences.append(make(Array(chars[start..<min(j, chars.count)]), paragraph: paragraph))
                        start = j
                        i = j
                        continue
                    }
                }
            }
            i += 1
        }
        if start < chars.count { sentences.append(make(Array(chars[start...]), paragraph: paragraph)) }
        return sentences.filter { !$0.tokens.isEmpty }
    }

    static func isSentenceStart(_ chars: [(Character, Int, Int)], from k: Int) -> Bool {
        var k = k
        while k < chars.count, chars[k].0 == " " { k += 1 }
        guard k < chars.count else { return true }
        let c = chars[k].0
        return c.isUppercase || c.isNumber || "\"'“‘([*#-".contains(c)
    }

    static func endsWithAbbreviation(_ chars: [(Character, Int, Int)], start: Int, dot: Int) -> Bool {
        var k = dot - 1
        var word = ""
        while k >= start, chars[k].0.isLetter || chars[k].0 == "." { word = String(chars[k].0) + word; k -= 1 }
        let w = word.lowercased()
        if abbreviations.contains(w) { return true }
        // Single capital initial ("J. Smith").
        return word.count == 1 && word.first!.isUppercase
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
            while k + n < chars.count, chars[k + n].0.isASCII, chars[k + n].0.isNumber { n += 1 }
            return n
        }
        while i < chars.count {
            let c = chars[i].0
            if c.isWhitespace { i += 1; continue }
            // URLs: skip to the next space.
            if c.isLetter, i + 3 < chars.count {
                let ahead = String(chars[i..<min(i + 8, chars.count)].map(\.0)).lowercased()
                if ahead.hasPrefix("http://") || ahead.hasPrefix("https://") || ahead.hasPrefix("www.") {
                    while i < chars.count, !chars[i].0.isWhitespace { i += 1 }
                    continue
                }
            }
            if c.isASCII && c.isNumber {
                let start = i
                var first = digits(at: i)
                i += first
                // Thousands groups: ",ddd" or a space-like separator then exactly three digits.
                while i + 1 < chars.count {
                    let sep = chars[i].0
                    if (sep == "," || (groupSpaces.contains(sep) && first <= 3)) && digits(at: i + 1) == 3
                        && !(i + 4 < chars.count && chars[i + 4].0.isNumber) {
                        if groupSpaces.contains(sep) && chars[i + 1].0.isNumber && first == 4 { break }
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
            if c.isLetter {
                let start = i
                while i < chars.count {
                    let d = chars[i].0
                    if d.isLetter || d.isNumber { i += 1; continue }
                    // Inner apostrophes, hyphens and dots keep a word whole (Korea's, DPRK-Russia, U.N.).
                    if (d == "'" || d == "’" || d == "-" || d == "."), i + 1 < chars.count, chars[i + 1].0.isLetter,
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

import Foundation
