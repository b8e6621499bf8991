import Testing
@testable import CrossingsCore

@Suite("CSVReader")
struct CSVReaderTests {
    @Test func plainFieldsAndLines() throws {
        let records = try readCSV("a,b,c\n1,,3\n")
        #expect(records.map(\.fields) == [["a", "b", "c"], ["1", "", "3"]])
        #expect(records.map(\.line) == [1, 2])
    }

    @Test func lastLineWithoutNewline() throws {
        let records = try readCSV("a,b\n1,2")
        #expect(records.map(\.fields) == [["a", "b"], ["1", "2"]])
    }

    @Test func quotedCommaQuoteAndNewline() throws {
        let records = try readCSV("a,\"x, y\",\"say \"\"hi\"\"\",\"one\ntwo\",z\nnext,1,2,3,4\n")
        #expect(records.count == 2)
        #expect(records[0].fields == ["a", "x, y", "say \"hi\"", "one\ntwo", "z"])
        // The quoted line break makes the next record start on line 3.
        #expect(records[1].line == 3)
        #expect(records[1].fields == ["next", "1", "2", "3", "4"])
    }

    @Test func emptyQuotedField() throws {
        let records = try readCSV("\"\",b\n")
        #expect(records[0].fields == ["", "b"])
    }

    @Test func byteOrderMarkIsSkipped() throws {
        let records = try readCSV([0xEF, 0xBB, 0xBF] + Array("code,name\nKP,x\n".utf8))
        #expect(records[0].fields == ["code", "name"])
        #expect(records[0].positions[0].column == 1)
        #expect(records[0].positions[1].column == 6)
    }

    @Test func crlfLineEnds() throws {
        let records = try readCSV("a,b\r\n1,\"x\r\ny\"\r\n2,3\r\n")
        #expect(records.map(\.fields) == [["a", "b"], ["1", "x\r\ny"], ["2", "3"]])
        #expect(records.map(\.line) == [1, 2, 4])
    }

    @Test func blankLinesAreSkippedButCounted() throws {
        let records = try readCSV("\na,b\n\n1,2\n\n\n3,4\n\n")
        #expect(records.map(\.fields) == [["a", "b"], ["1", "2"], ["3", "4"]])
        #expect(records.map(\.line) == [2, 4, 7])
    }

    @Test func blankCRLFLinesAreSkippedButCounted() throws {
        let records = try readCSV("a,b\r\n\r\n1,2\r\n")
        #expect(records.map(\.fields) == [["a", "b"], ["1", "2"]])
        #expect(records.map(\.line) == [1, 3])
    }

    @Test func positionsCountCharactersNotBytes() throws {
        // "Пхеньян" is 7 characters (14 bytes), "평양" 2 characters (6 bytes).
        let records = try readCSV("Пхеньян,평양,x\n")
        let columns = records[0].positions.map(\.column)
        #expect(columns == [1, 9, 12])
        #expect(records[0].positions.map(\.line) == [1, 1, 1])
    }

    @Test func positionsAfterAQuotedLineBreak() throws {
        // Line 1: 1,"x     line 2: y",z
        let records = try readCSV("1,\"x\ny\",z\n")
        let p = records[0].positions
        #expect(p.count == 3)
        #expect(p[0] == (1, 1) as (Int, Int))
        #expect(p[1].line == 1 && p[1].column == 3)
        #expect(p[2].line == 2 && p[2].column == 4)
        #expect(records[0].end.line == 2 && records[0].end.column == 5)
    }

    @Test func endIsJustPastTheLastCharacter() throws {
        let records = try readCSV("ab,cd\n")
        #expect(records[0].end.line == 1 && records[0].end.column == 6)
    }

    // MARK: errors

    @Test func unterminatedQuoteIsReportedAtTheOpeningQuote() throws {
        let d = try #require(csvError(Array("a,b\n1,\"abc\nmore,text\n".utf8)))
        #expect(d.location == Location(file: "t.csv", line: 2, column: 3))
        #expect(d.severity == .error)
        #expect(d.message.contains("unterminated quoted field"))
        #expect(d.description.hasPrefix("t.csv:2:3: error: "))
    }

    @Test func unterminatedQuoteAfterCyrillicCountsCharacters() throws {
        let d = try #require(csvError(Array("жж,\"x\n".utf8)))
        #expect(d.location == Location(file: "t.csv", line: 1, column: 4))
    }

    @Test func characterAfterClosingQuote() throws {
        let d = try #require(csvError(Array("1,\"ab\"c,3\n".utf8)))
        #expect(d.location == Location(file: "t.csv", line: 1, column: 7))
        #expect(d.message.contains("after a closing quote"))
    }

    @Test func characterAfterClosingQuoteOfAMultiLineField() throws {
        let d = try #require(csvError(Array("h\n1,\"a\nbb\"x\n".utf8)))
        #expect(d.location == Location(file: "t.csv", line: 3, column: 4))
    }

    @Test func quoteInsideUnquotedField() throws {
        let d = try #require(csvError(Array("a,b\n1,ab\"c,3\n".utf8)))
        #expect(d.location == Location(file: "t.csv", line: 2, column: 5))
        #expect(d.message.contains("a quote inside an unquoted field"))
    }

    @Test func quoteInsideUnquotedFieldAfterKorean() throws {
        let d = try #require(csvError(Array("평양,x\"\n".utf8)))
        #expect(d.location == Location(file: "t.csv", line: 1, column: 5))
    }

    @Test func invalidUTF8InUnquotedField() throws {
        let d = try #require(csvError(Array("a,b\n1,".utf8) + [0xFF, 0x41] + Array(",3\n".utf8)))
        #expect(d.location == Location(file: "t.csv", line: 2, column: 3))
        #expect(d.message.contains("not valid UTF-8"))
    }

    @Test func invalidUTF8InQuotedField() throws {
        let d = try #require(csvError(Array("x,\"".utf8) + [0xC3] + Array("\"\n".utf8)))
        // At the byte, not at the quote that opens its field.
        #expect(d.location == Location(file: "t.csv", line: 1, column: 4))
        #expect(d.message.contains("byte 0xC3 is not valid UTF-8"))
    }

    /// One Latin-1 byte in a long title: the error names that byte's column, not the field's.
    @Test func invalidUTF8IsReportedAtTheByte() throws {
        let d = try #require(csvError(Array("id,title\nexample,Le caf".utf8) + [0xE9] + Array(" du coin\n".utf8)))
        #expect(d.location == Location(file: "t.csv", line: 2, column: 15))
        #expect(d.message == "byte 0xE9 is not valid UTF-8 (save the file as UTF-8)")
        let q = try #require(csvError(Array("id,title\nexample,\"Le\ncaf".utf8) + [0xE9] + Array("\"\n".utf8)))
        #expect(q.location == Location(file: "t.csv", line: 3, column: 4))
    }

    @Test func recordsBeforeAnErrorAreDelivered() throws {
        var seen: [[String]] = []
        #expect(throws: LoadFailure.self) {
            try CSVReader.read(Array("a,b\n1,2\n3,\"x\n".utf8), file: "t.csv") { seen.append($0.fields) }
        }
        #expect(seen == [["a", "b"], ["1", "2"]])
    }

    @Test func invalidUTF8MarkedRecordByRecord() throws {
        // One bad byte (0xFF) in an unquoted field of line 2, one in a quoted field of line 3: with
        // .mark each record is still passed on, with where its first bad field starts.
        let bytes = Array("a,b\nok,x".utf8) + [0xFF] + Array("y\n\"q".utf8) + [0xC3] + Array("\",z\nfine,1\n".utf8)
        var records: [CSVReader.Record] = []
        try CSVReader.read(bytes, file: "t.csv", invalidUTF8: .mark) { records.append($0) }
        #expect(records.map(\.line) == [1, 2, 3, 4])
        #expect(records[1].invalidUTF8?.line == 2 && records[1].invalidUTF8?.column == 5 && records[1].invalidUTF8?.byte == 0xFF)
        #expect(records[1].fields == ["ok", "x\u{FFFD}y"])
        #expect(records[2].invalidUTF8?.line == 3 && records[2].invalidUTF8?.column == 3 && records[2].invalidUTF8?.byte == 0xC3)
        #expect(records[2].fields == ["q\u{FFFD}", "z"])
        #expect(records[0].invalidUTF8 == nil && records[3].invalidUTF8 == nil)
        // In a quoted field over two lines, the bad byte's own line and column; a truncated
        // sequence (0xE2 0x82 then a comma) is bad at its first byte.
        let multi = Array("h\n\"ab\ncd".utf8) + [0xE2, 0x82] + Array("\",x\n".utf8)
        var last: CSVReader.Record?
        try CSVReader.read(multi, file: "t.csv", invalidUTF8: .mark) { last = $0 }
        #expect(last?.invalidUTF8?.line == 3 && last?.invalidUTF8?.column == 3 && last?.invalidUTF8?.byte == 0xE2)
        // The default still stops at the first bad byte.
        #expect(throws: LoadFailure.self) { try CSVReader.read(bytes, file: "t.csv") { _ in } }
    }
}
