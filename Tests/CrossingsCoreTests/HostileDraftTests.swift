import Foundation
import BundledData
import Testing
@testable import CrossingsCore

/// Drafts no editor would write, read without a trap and in bounded time and memory (issue 10,
/// "Never traps"). Sizes keep each test well under two seconds in a debug build; the full sizes
/// (5 MB, 1 MB lines, 1 MB of random bytes) are timed by crossings-bench (docs/performance.md).
/// No timing is asserted: what is asserted is what comes out.
@Suite("Hostile drafts")
struct HostileDraftTests {
    var checker: Checker { Checker(try! PackageLoader.load(files: BundledData.files, origin: "data")) }

    func claims(_ text: String) -> [Claim] { ClaimExtractor(vocabulary: bundledVocabulary).claims(in: text) }

    /// A number of a trillion or more where a count stands is read whole, never converted past what
    /// an Int holds, and contradicted as too large to be a count, with the figure the dataset holds.
    @Test func aHundredThousandDigitsAreANumberTooLargeToBeACount() throws {
        let text = "In 2024, " + String(repeating: "9", count: 100_000) + " North Koreans entered Russia."
        let found = claims(text)
        #expect(found.count == 1)
        let claim = try #require(found.first)
        #expect(claim.tooLarge)
        #expect(claim.printed == String(repeating: "9", count: 30) + "…", "the number is shown by its start, not echoed whole")
        let finding = try #require(checker.check(document: text).first)
        #expect(finding.verdict == .contradicted)
        #expect(finding.message.hasPrefix("number too large to be a count"))
        #expect(finding.message.contains("13,221"), "the figure the dataset holds for KP-RU 2024: \(finding.message)")
        #expect(!finding.sourceIDs.isEmpty)
    }

    @Test(arguments: [
        ("In 2024, 12345678901234567890 North Koreans entered Russia.", "12345678901234567890"),
        ("In 2024, 1,000,000,000,000 North Koreans entered Russia.", "1,000,000,000,000"),
        ("In 2024, 1 trillion North Koreans entered Russia.", "1 trillion"),
        ("In 2024, 2 tn North Koreans entered Russia.", "2 tn"),
        ("In 2024, 4 quadrillion North Koreans entered Russia.", "4 quadrillion"),
        ("In 2024, 2,000 billion North Koreans entered Russia.", "2,000 billion"),
        ("In 2024, 99999999999999.9 million North Koreans entered Russia.", "99999999999999.9 million"),
        ("In 2024, one trillion North Koreans entered Russia.", "one trillion"),
        ("In 2024, a thousand billion North Koreans entered Russia.", "a thousand billion"),
        ("In 2024, hundred hundred hundred hundred hundred hundred North Koreans entered Russia.", "hundred hundred hundred hundre…"),
        ("In 2024, nearly 20,000,000,000,000 North Koreans entered Russia.", "nearly 20,000,000,000,000"),
    ])
    func aNumberOfATrillionOrMoreIsTooLargeToBeACount(text: String, printed: String) throws {
        let found = claims(text)
        #expect(found.map(\.printed) == [printed])
        #expect(found.allSatisfy { $0.tooLarge })
        let finding = try #require(checker.check(document: text).first)
        #expect(finding.verdict == .contradicted)
        #expect(finding.message.hasPrefix("number too large to be a count: a trillion or more"))
    }

    /// Just under a trillion is still a number, checked like any other; a scale word in words
    /// ("two billion") multiplies; "trillions of" is no count, and money is no count at any size.
    @Test func belowATrillionNumbersAreRead() {
        let read: [Int] = claims("In 2024, 999,999,999,999 North Koreans entered Russia.").map { $0.value.value }
        #expect(read == [999_999_999_999])
        #expect(claims("In 2024, 999,999,999,999 North Koreans entered Russia.").allSatisfy { !$0.tooLarge })
        let billion: [Int] = claims("In 2024, 2 billion North Koreans entered Russia.").map { $0.value.value }
        #expect(billion == [2_000_000_000])
        let words: [Int] = claims("In 2024, two billion North Koreans entered Russia.").map { $0.value.value }
        #expect(words == [2_000_000_000])
        #expect(claims("In 2024, 3 trillions of North Koreans entered Russia.").isEmpty)
        let money = claims("In 2024, 2 trillion won was spent as 13,221 North Koreans entered Russia.")
        #expect(money.map(\.printed) == ["13,221"])
        // A range whose upper end is too large: the lower end is not stretched into a range to it.
        let range = claims("In 2024, 10,000 to 99999999999999999999 North Koreans entered Russia.")
        #expect(range.contains { $0.tooLarge })
        #expect(!range.contains { $0.value.high != nil })
    }

    @Test func aHundredHundredsAreOneNumberTooLarge() throws {
        let text = "In 2024, one" + String(repeating: " hundred", count: 100) + " North Koreans entered Russia."
        let found = claims(text)
        #expect(found.count == 1)
        let claim = try #require(found.first)
        #expect(claim.tooLarge)
        #expect(claim.printed == "one hundred hundred hundred hu…")
    }

    /// Ten thousand: the sentence is cut (500 tokens), so the words are no count of anyone; no value
    /// of a trillion or more is read as a count either way.
    @Test func tenThousandHundredsReadNoCountPastATrillion() {
        let text = "In 2024, one" + String(repeating: " hundred", count: 10_000) + " North Koreans entered Russia."
        #expect(claims(text).allSatisfy { $0.tooLarge || ($0.value.value < 1_000_000_000_000 && ($0.value.high ?? 0) < 1_000_000_000_000) })
    }

    /// A claim in a run-on sentence whose period stands past the cut is told why it has none.
    @Test func aClaimCutFromItsPeriodSaysTheSentenceWasCut() throws {
        let text = "13,221 North Koreans entered Russia, " + String(repeating: "and then they went on, ", count: 60) + "in 2024."
        let claim = try #require(claims(text).first)
        #expect(claim.period == nil)
        #expect(claim.periodProblem?.contains("run-on sentence, cut after 250") == true, "\(claim.periodProblem ?? "")")
        // A sentence that is not cut keeps the plain reason.
        #expect(claims("13,221 North Koreans entered Russia.").first?.periodProblem == "no period in the sentence or before it")
    }

    /// "1\u{301}3,2\u{301}21": a digit with a combining mark breaks the number, and no piece of it
    /// ("3", "21") is read as a count the draft does not show.
    @Test func combiningMarksOnDigitsLeaveNoPieceOfTheNumber() {
        for text in ["In 2024, 1\u{301}3,2\u{301}21 North Koreans entered Russia.", "In 2024, 13,22\u{308}1 North Koreans entered Russia.",
                     "In 2024, 5\u{20DD}00 North Koreans entered Russia."] {
            #expect(claims(text).isEmpty, "\(text.unicodeScalars.map { $0.escaped(asASCII: true) }.joined())")
        }
    }

    /// Written like a quarter or a half, or a year, but none the data could hold: the period's problem
    /// says so, and the year is never taken alone.
    @Test(arguments: [
        ("In Q5 2024, 5,000 North Koreans entered Russia.", "'Q5 2024' is no quarter (Q1–Q4) or half (H1, H2)"),
        ("In 2024-Q5, 5,000 North Koreans entered Russia.", "'2024-Q5' is no quarter (Q1–Q4) or half (H1, H2)"),
        ("In H3 2024, 5,000 North Koreans entered Russia.", "'H3 2024' is no quarter (Q1–Q4) or half (H1, H2)"),
        ("In the fifth quarter of 2024, 5,000 North Koreans entered Russia.", "'fifth quarter of 2024' is no quarter or half of a year"),
        ("In 99999, 5,000 North Koreans entered Russia.", "'99999' is no year the data could hold (1900–2199)"),
        ("In the year 0, 5,000 North Koreans entered Russia.", "'0' is no year the data could hold (1900–2199)"),
        ("In 2024-Q5555, 5,000 North Koreans entered Russia.", "'2024-Q5555' is no quarter (Q1–Q4) or half (H1, H2)"),
        ("In 99999999999999999999, 5,000 North Koreans entered Russia.", "'99999999999999999999' is no year the data could hold (1900–2199)"),
        ("In Q99999999999999999999 2024, 5,000 North Koreans entered Russia.", "'Q9999999999999999999…' is no quarter (Q1–Q4) or half (H1, H2)"),
    ])
    func aPeriodThatCannotBeIsSaid(text: String, problem: String) throws {
        let found = claims(text)
        #expect(found.map(\.printed) == ["5,000"])
        let claim = try #require(found.first)
        #expect(claim.period == nil)
        #expect(claim.periodProblem == problem)
    }

    /// Thousands written with a Swiss apostrophe, an underscore, a middle dot or the Arabic thousands
    /// separator are one number; where the mark makes no group of three, neither piece is a count.
    @Test(arguments: ["13’221", "13'221", "13_221", "13·221", "13\u{066C}221", "13'221'000"])
    func groupMarksBetweenThousandsAreOneNumber(number: String) throws {
        let found = claims("In 2024, \(number) North Koreans entered Russia.")
        #expect(found.map(\.printed) == [number])
        let expected = number.hasSuffix("000") ? 13_221_000 : 13_221
        #expect(found.first?.value.value == expected)
        if number == "13'221" {
            let finding = try #require(checker.check(document: "In 2024, \(number) North Koreans entered Russia.").first)
            #expect(finding.verdict == .supported)
        }
    }

    @Test(arguments: ["13'2210", "13_22", "13221’221", "13·2", "1\u{066C}2\u{066C}3"])
    func aGroupMarkThatMakesNoGroupLeavesNoPieceOfTheNumber(number: String) {
        let found = claims("In 2024, \(number) North Koreans entered Russia.")
        #expect(found.isEmpty, "\(number): \(found.map(\.printed))")
    }

    /// A decade, a season across two years, a span of quarters, an impossible ordinal quarter and a range
    /// written backwards: a period problem, never the year alone or one end of the range.
    @Test(arguments: [
        ("In the 2020s, 5,000 North Koreans entered Russia.", "'the 2020s' is a decade; the data has quarters, halves and years"),
        ("In the 1990's, 5,000 North Koreans entered Russia.", "'the 1990's' is a decade; the data has quarters, halves and years"),
        ("From 2010 to 2020s, 5,000 North Koreans entered Russia.", "'2020s' is a decade; the data has quarters, halves and years"),
        ("In 2024/25, 5,000 North Koreans entered Russia.", "'2024/25' spans two years; the data has quarters, halves and years"),
        ("In 2024/2025, 5,000 North Koreans entered Russia.", "'2024/2025' spans two years; the data has quarters, halves and years"),
        ("In Q4-Q1 2024, 5,000 North Koreans entered Russia.", "'Q4-Q1 2024' is not a quarter, half or year"),
        ("In Q1 – Q3 2024, 5,000 North Koreans entered Russia.", "'Q1 – Q3 2024' is not a quarter, half or year"),
        ("In Q2-H1 2024, 5,000 North Koreans entered Russia.", "'Q2-H1 2024' is not a quarter, half or year"),
        ("In the 5th quarter of 2024, 5,000 North Koreans entered Russia.", "'5th quarter of 2024' is no quarter or half of a year"),
        ("In the 3rd half of 2024, 5,000 North Koreans entered Russia.", "'3rd half of 2024' is no quarter or half of a year"),
        ("In the 99999999999999999999th quarter of 2024, 5,000 North Koreans entered Russia.", "'99999999999999999999…' is no quarter or half of a year"),
        ("In 2024-Q3..2023-Q1, 5,000 North Koreans entered Russia.",
         "'2024-Q3..2023-Q1' is no period the data has (a range runs from an earlier period to a later one)"),
        ("In 2024…2023-Q5, 5,000 North Koreans entered Russia.",
         "'2024…2023-Q5' is no period the data has (a range runs from an earlier period to a later one)"),
    ])
    func anImpossiblePeriodFormIsSaid(text: String, problem: String) throws {
        let found = claims(text)
        #expect(found.map(\.printed) == ["5,000"])
        let claim = try #require(found.first)
        #expect(claim.period == nil)
        #expect(claim.periodProblem == problem)
    }

    /// A span of quarters that is one half or year, an ordinal in digits and a range in the data's own
    /// notation are read as what they are.
    @Test(arguments: [
        ("In Q1-Q2 2024, 5,000 North Koreans entered Russia.", "2024-H1"),
        ("In Q3 to Q4 2024, 5,000 North Koreans entered Russia.", "2024-H2"),
        ("In Q1-Q4 2024, 5,000 North Koreans entered Russia.", "2024"),
        ("In the 4th quarter of 2024, 5,000 North Koreans entered Russia.", "2024-Q4"),
        ("In the 2nd half of 2023, 5,000 North Koreans entered Russia.", "2023-H2"),
        ("In 2020..2022, 5,000 North Koreans entered Russia.", "2020..2022"),
    ])
    func aSpanOrOrdinalInDigitsIsItsPeriod(text: String, expected: String) throws {
        let claim = try #require(claims(text).first)
        #expect(claims(text).map(\.printed) == ["5,000"])
        #expect(claim.period == period(expected))
    }

    /// A decimal in words is read whole, or not at all: "zero point five million" is never five million.
    @Test func aDecimalInWordsIsReadWhole() {
        let half: [Int] = claims("In 2024, zero point five million North Koreans entered Russia.").map { $0.value.value }
        #expect(half == [500_000])
        let more: [Int] = claims("In 2024, one point two five million North Koreans entered Russia.").map { $0.value.value }
        #expect(more == [1_250_000])
        #expect(claims("In 2024, two point five North Koreans entered Russia.").isEmpty)
        #expect(claims("In 2024, zero point zero zero zero zero zero zero zero one million North Koreans entered Russia.").isEmpty)
    }

    /// A range whose upper (or lower) end is a trillion or more is one mention, too large to be a count.
    @Test(arguments: ["10,000 to 99999999999999999999", "10,000-99999999999999999999", "99999999999999999999 to 10,000"])
    func aRangeToATrillionIsOneMentionTooLarge(range: String) throws {
        let text = "In 2024, \(range) North Koreans entered Russia."
        let found = claims(text)
        #expect(found.count == 1)
        #expect(found.allSatisfy { $0.tooLarge })
        #expect(found.first?.printed.hasPrefix(String(range.prefix(6))) == true)
        let findings = checker.check(document: text)
        #expect(findings.count == 1)
        #expect(findings.first?.message.hasPrefix("number too large to be a count") == true)
    }

    /// The second number of "2024/25" or of a margin ("± 5") is no count.
    @Test(arguments: ["13,221 ± 5", "13,221 +/- 5", "13,221 +- 5", "13,221±5", "13,221 plus or minus 5"])
    func aMarginIsNoCount(number: String) {
        let found = claims("In 2024, \(number) North Koreans entered Russia.")
        #expect(found.map(\.printed) == ["13,221"])
    }

    @Test func aSeasonAcrossTwoYearsIsNoCount() {
        let found = claims("In 2024/25, 13,221 North Koreans entered Russia.")
        #expect(found.map(\.printed) == ["13,221"])
        #expect(found.first?.period == nil)
        #expect(claims("In 2024, 13,221 North Koreans entered Russia, 3/4 of them by rail.").allSatisfy { !["3", "4"].contains($0.printed) })
    }

    /// A vocabulary number or vague word of a trillion or more would be an ordinary count: refused.
    @Test func aVocabularyNumberOfATrillionIsRefused() throws {
        for row in ["number,umpteen,9999999999999,\n", "vague,zillions,1000000000000,\n"] {
            do {
                _ = try Vocabulary(csv: "role,phrase,meaning,note\n" + row, file: "v.csv")
                Issue.record("\(row) was accepted")
            } catch let failure as LoadFailure {
                #expect(failure.diagnostics.first?.message.contains("less than a trillion") == true, "\(failure.diagnostics)")
            }
        }
        #expect((try? Vocabulary(csv: "role,phrase,meaning,note\nnumber,umpteen,999999999999,\n", file: "v.csv")) != nil)
        #expect((try? Vocabulary(csv: "role,phrase,meaning,note\nscale,trillion,1000000000000,\n", file: "v.csv")) != nil)
    }

    @Test func digitsOnlyAreNoClaim() {
        var random = SplitMix64(seed: 10)
        let digits = String((0..<100_000).map { _ in Character(String(random.next() % 10)) })
        #expect(claims(digits).isEmpty)
        let grouped = (0..<10_000).map { _ in String(random.next() % 1000) }.joined(separator: ",")
        #expect(claims(grouped).isEmpty, "digits with no words are no count of travellers")
    }

    /// A run-on "sentence" is cut, at a clause boundary where there is one, so every claim in it
    /// is still read whole.
    @Test func aParagraphWithNoFullStopIsCutAtClauseBoundaries() {
        let clause = "about 13,221 North Koreans entered Russia in 2024, "
        let n = 600
        let text = String(repeating: clause, count: n)
        let sentences = DraftText.sentences(text)
        #expect(sentences.count > 1)
        #expect(sentences.allSatisfy { $0.tokens.count <= DraftText.hardSentenceTokens })
        let found = claims(text)
        #expect(found.count == n)
        #expect(found.allSatisfy { $0.value.value == 13221 && $0.value.qualifier == .about })
    }

    @Test func punctuationWithNoSpaceIsCutBetweenTokens() {
        // "1,1,1,…" once took minutes (a comparison scan recursing through the list).
        let text = "North Koreans entered Russia in 2024: " + String(repeating: "1,", count: 8_192)
        let sentences = DraftText.sentences(text)
        #expect(sentences.allSatisfy { $0.tokens.count <= DraftText.hardSentenceTokens + 1 })
        #expect(sentences.map(\.text).joined().filter { $0 == "1" }.count == 8_192, "no digit lost at a cut")
        #expect(claims(text).allSatisfy { $0.value.value == 1 })
    }

    @Test func oneWordOfTwoHundredThousandLettersIsOneToken() {
        let text = String(repeating: "a", count: 200_000) + ". In 2024, 13,221 North Koreans entered Russia."
        let sentences = DraftText.sentences(text)
        #expect(sentences.count == 2)
        #expect(sentences[0].tokens.count == 2)
        #expect(claims(text).map(\.value.value) == [13221])
    }

    /// A long "word" or number keeps its first 1,000 characters (it is no claim either way), so a
    /// 10 MB one is not held as ten million characters with their positions; what follows keeps
    /// its column.
    @Test func aLongRunOfLettersOrDigitsKeepsItsFirstThousand() {
        for filler in ["a", "9", "é"] {
            let text = "In 2024, " + String(repeating: filler, count: 200_000) + " 13,221 North Koreans entered Russia."
            let sentences = DraftText.sentences(text)
            let long = sentences.flatMap(\.tokens).max { $0.text.count < $1.text.count }
            #expect(long?.text.count == DraftText.longestRun)
            let count = sentences.flatMap(\.tokens).first { $0.text == "13,221" }
            #expect(count?.column == 9 + 200_000 + 2, "\(filler): the column past the run is the real one")
            // 200,000 nines are one number too large to be a count; the count after them is read.
            #expect(claims(text).filter { !$0.tooLarge }.map(\.value.value) == [13221])
            #expect(claims(text).filter(\.tooLarge).count == (filler == "9" ? 1 : 0))
        }
    }

    /// Real sentences are never cut: the limits are far above any sentence of the source articles.
    @Test func realSentencesAreNotCut() {
        let long = "Data from the Russian Federal Security Service (FSB), analyzed by Russian media outlet Verstka and "
            + "North Korea-focused NK News, reveals that 9,985 Russians traveled to North Korea in 2025, "
            + String(repeating: "with tourists, crews, officials, students, athletes and delegations among them, ", count: 10)
            + "the highest number since public records began in 2010."
        #expect(DraftText.sentences(long).count == 1)
    }

    /// A long paragraph is split as it is read; the sentences are those of reading it whole.
    @Test func aLongParagraphSplitsAsAShortOneDoes() {
        let sentences = (0..<3_000).map { "In 20\(10 + $0 % 15), \($0 + 1) North Koreans entered Russia\($0 % 7 == 0 ? " (U.S. figures)" : "")." }
        let paragraph = sentences.joined(separator: " ")
        #expect(paragraph.count > 3 * 16_384)
        let read = DraftText.sentences(paragraph)
        #expect(read.map(\.text) == sentences)
        #expect(read.allSatisfy { $0.paragraph == 0 && $0.line == 1 })
        #expect(read.last?.column == paragraph.count - sentences.last!.count + 1)
    }

    @Test func invalidUTF8ReadWithReplacementCharacters() {
        let bytes: [UInt8] = Array("In 2024, 13,221 North Koreans ".utf8) + [0xFF, 0xFE, 0xC3, 0x28] + Array(" entered Russia.".utf8)
        let text = String(decoding: bytes, as: UTF8.self)
        let found = claims(text)
        #expect(found.map(\.value.value) == [13221])
        #expect(found.first?.key?.description == "KP-RU 2024 total")
    }

    @Test func randomBytesNeverTrap() {
        var random = SplitMix64(seed: 11)
        for _ in 0..<2 {
            let bytes = (0..<16_384).map { _ in UInt8(truncatingIfNeeded: random.next()) }
            let text = String(decoding: bytes, as: UTF8.self)
            let findings = checker.check(document: DocumentDate.withoutFrontMatter(text), asOf: DocumentDate.find(in: text)?.day)
            #expect(findings.allSatisfy { $0.claim.value.value <= 1_000_000_000_000 })
        }
    }

    @Test func nulBytesAndEscapesAreBlanks() {
        let sentence = "In 2024, 13,221 North\u{0} Koreans \u{1B}[2J\u{1B}[31mentered Russia.\u{1B}]0;title\u{7} "
        let text = String(repeating: sentence, count: 500) + String(repeating: "\u{0}", count: 50_000)
        let found = claims(text)
        #expect(found.count == 500)
        #expect(found.allSatisfy { $0.value.value == 13221 && $0.key?.description == "KP-RU 2024 total" })
        #expect(found.allSatisfy { !$0.sentence.unicodeScalars.contains { $0.value == 0x1B || $0.value == 0 } })
    }

    @Test func theDocumentDateOfAMegabyteLine() {
        let line = "date 2025-02-09 " + String(repeating: "x", count: 1_000_000)
        #expect(DocumentDate.find(in: line)?.day.description == "2025-02-09")
        let frontMatter = "---\ntitle: " + String(repeating: "y", count: 1_000_000) + "\ndate: 2025-05-08\n---\nText."
        #expect(DocumentDate.find(in: frontMatter)?.day.description == "2025-05-08")
        #expect(DocumentDate.withoutFrontMatter(frontMatter).hasSuffix("\n\n\n\nText."))
        let unclosed = "---\n" + String(repeating: "key: value\n", count: 100_000)
        #expect(DocumentDate.find(in: unclosed) == nil)
        #expect(DocumentDate.withoutFrontMatter(unclosed) == unclosed)
    }

    /// Every input the fuzzer found (Tests/Fuzz/corpus/check/regression-*), read again as
    /// `crossings check` reads a file: it must end, with sentences within the limits.
    @Test func inputsTheFuzzerFound() throws {
        let corpus = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
            .appendingPathComponent("Fuzz/corpus/check")
        let names = try FileManager.default.contentsOfDirectory(atPath: corpus.path).filter { $0.hasPrefix("regression-") }.sorted()
        #expect(!names.isEmpty)
        let checker = self.checker
        for name in names {
            let text = String(decoding: try Data(contentsOf: corpus.appendingPathComponent(name)), as: UTF8.self)
            #expect(DraftText.sentences(text).allSatisfy { $0.tokens.count <= DraftText.hardSentenceTokens + 1 }, "\(name)")
            let dated = "---\ndate: 2025-05-08\n---\n" + text
            let findings = checker.check(document: DocumentDate.withoutFrontMatter(dated), asOf: DocumentDate.find(in: dated)?.day)
            #expect(findings.allSatisfy { $0.claim.value.value <= 1_000_000_000_000 }, "\(name)")
        }
    }
}
