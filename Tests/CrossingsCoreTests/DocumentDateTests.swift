import Testing
@testable import CrossingsCore

@Suite("The document's own date")
struct DocumentDateTests {
    @Test func frontMatter() throws {
        let d = try #require(DocumentDate.find(in: "---\ntitle: Troops\ndate: 2025-05-08\n---\nText."))
        #expect(d.day.description == "2025-05-08")
        #expect(d.how == "its front matter")
        #expect(DocumentDate.find(in: "---\ndate: '2025-05-08T10:00:00Z'\n---\n")?.day.description == "2025-05-08")
        #expect(DocumentDate.find(in: "\u{FEFF}---\r\ndate: \"2024-11-09\"\r\n---\r\n")?.day.description == "2024-11-09")
    }

    @Test func aLeadingDateLine() throws {
        let d = try #require(DocumentDate.find(in: "\n date 2025-02-09 North Korea sent thousands of people to Russia\n\nMore."))
        #expect(d.day.description == "2025-02-09")
        #expect(d.how == "the document's first line")
    }

    @Test("no date: none is made up", arguments: [
        "", "North Korea sent thousands of people.\ndate 2025-02-09", "---\ntitle: x\n---\ndate 2025-02-09",
        "date 2025-02-30 impossible day", "---\ndate: soon\n---", "Dated 2025-02-09 in the text.",
    ])
    func noDate(_ text: String) {
        #expect(DocumentDate.find(in: text) == nil)
    }

    @Test("a --- rule and prose is no front matter; a long or unclosed block is none either", arguments: [
        "---\nIn 2024, 5,000 North Koreans entered Russia.\n\n---\n\nMore text.\n",
        "---\ntitle: x\ndate: 2025-05-08\nno closing line\n",
        "---\ndate: 2025-05-08\n" + String(repeating: "k: v\n", count: 250) + "---\nText.\n",
    ])
    func notFrontMatter(_ text: String) {
        #expect(DocumentDate.find(in: text) == nil)
        #expect(DocumentDate.withoutFrontMatter(text) == text)
    }

    @Test func aDateThatIsNoDateIsSaid() {
        let (date, problem) = DocumentDate.inspect("---\ndate: 2025-02-30\n---\nText")
        #expect(date == nil)
        #expect(problem?.contains("'2025-02-30' is not a date") == true)
        #expect(DocumentDate.inspect("---\ndate: 2025-05-08junk\n---\n").date == nil)
    }

    @Test func windowsLineEndingsCountLinesAsUnix() {
        let text = "Intro.\r\nIn 2024, 13,221 North Koreans entered Russia.\r\nThen 5,000 Russians visited North Korea in 2024.\r\n"
        let claims = ClaimExtractor(vocabulary: bundledVocabulary).claims(in: DocumentDate.withoutFrontMatter(text))
        #expect(claims.map(\.line) == [2, 3])
        #expect(claims.map(\.column) == [10, 6])
    }

    /// Old Mac OS line endings: a lone "\r" is a line break, so lines and columns are right; "\r\n" stays one break.
    @Test func carriageReturnsAloneAreLineBreaks() {
        let text = "Intro.\rIn 2024, 13,221 North Koreans entered Russia.\rThen 5,000 Russians visited North Korea in 2024.\r"
        let claims = ClaimExtractor(vocabulary: bundledVocabulary).claims(in: DocumentDate.withoutFrontMatter(text))
        #expect(claims.map(\.line) == [2, 3])
        #expect(claims.map(\.column) == [10, 6])
        let mixed = "Intro.\r\n\rIn 2024, 13,221 North Koreans entered Russia.\n"
        #expect(ClaimExtractor(vocabulary: bundledVocabulary).claims(in: mixed).map(\.line) == [3])
        #expect(DocumentDate.find(in: "date 2025-02-09\rLast year, 13,221 North Koreans entered Russia.\r")?.day.description == "2025-02-09")
        let frontMatter = "---\rdate: 2025-02-09\r---\rLast year, 13,221 North Koreans entered Russia.\r"
        #expect(DocumentDate.find(in: frontMatter)?.day.description == "2025-02-09")
    }

    @Test func frontMatterIsNotProseButKeepsLineNumbers() {
        let text = "---\ntitle: 20,000 troops\ndate: 2025-05-08\n---\nLast year, 13,221 North Koreans entered Russia.\n"
        let blanked = DocumentDate.withoutFrontMatter(text)
        #expect(!blanked.contains("20,000"))
        #expect(blanked.split(separator: "\n", omittingEmptySubsequences: false).count == text.split(separator: "\n", omittingEmptySubsequences: false).count)
        let claims = ClaimExtractor(vocabulary: bundledVocabulary, asOf: DocumentDate.find(in: text)?.day).claims(in: blanked)
        #expect(claims.map(\.line) == [5])
        #expect(claims.first?.period == .year(2024))
    }

    @Test("random text of front-matter pieces: never a crash, only real dates, line numbers kept")
    func randomPieces() {
        let pieces = ["---", "...", "date:", "date", " ", "2025-05-08", "2025-02-30", "\"", "'", "\n", "\r\n", "\u{FEFF}",
                      "title: x", "T10:00", "13,221", "between 2010 and 2019", "a year on average", "\u{1B}[31m", "é", "\t"]
        var g = RandomPackage.Generator(state: 42)
        for _ in 0..<2000 {
            let text = (0..<Int.random(in: 0...30, using: &g)).map { _ in pieces.randomElement(using: &g)! }.joined()
            if let d = DocumentDate.find(in: text) {
                #expect(CalendarDay(parsing: d.day.description) != nil)
            }
            let blanked = DocumentDate.withoutFrontMatter(text)
            #expect(blanked.split(omittingEmptySubsequences: false, whereSeparator: \.isNewline).count
                    == text.split(omittingEmptySubsequences: false, whereSeparator: \.isNewline).count)
            _ = ClaimExtractor(vocabulary: bundledVocabulary, asOf: DocumentDate.find(in: text)?.day).claims(in: blanked)
        }
    }
}
