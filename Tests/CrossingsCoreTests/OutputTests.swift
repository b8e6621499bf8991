import Foundation
import Testing
@testable import CrossingsCore

@Suite("Output")
struct OutputTests {
    @Test func csvFieldsAreQuotedOnlyWhenNeeded() {
        #expect(CSVWriter.field("plain") == "plain")
        #expect(CSVWriter.field("a,b") == "\"a,b\"")
        #expect(CSVWriter.field("say \"hi\"") == "\"say \"\"hi\"\"\"")
        #expect(CSVWriter.line(["13,221", "KP-RU", ""]) == "\"13,221\",KP-RU,\n")
    }

    @Test func csvOutputIsInert() {
        #expect(CSVWriter.field("a\u{1B}[2Jb") == "a\\e[2Jb")
        #expect(CSVWriter.field("x\u{202E}y") == "x\\u{202E}y")
    }

    @Test func csvWriterOutputReadsBack() throws {
        let fields = ["13,221", "nearly \"13,000\"", "Пхеньян", ""]
        let records = try readCSV(CSVWriter.line(fields))
        #expect(records.map(\.fields) == [fields])
    }

    @Test func tableAlignsByDisplayWidth() {
        var t = TextTable(["Name", "Value"], rightAligned: [1])
        t.add(["평양", "13,221"])
        t.add(["Moscow", "5"])
        let lines = t.render().split(separator: "\n").map(String.init)
        #expect(lines.count == 4)
        // Every line is as wide as the widest cell in each column plus the two-space gap: 6 + 2 + 6.
        for line in lines { #expect(displayWidth(line) == 14, "\(line)") }
        #expect(lines[2] == "평양    13,221")
        #expect(lines[3] == "Moscow       5")
    }

    @Test func tableEscapesCells() {
        var t = TextTable(["A"])
        t.add(["x\u{1B}y"])
        #expect(t.render().contains("x\\ey"))
        #expect(!t.render().contains("\u{1B}"))
    }

    @Test func jsonEscapesInvisibleControlsButKeepsTheString() throws {
        let text = jsonText(["note": "a\u{202E}b 평양"])
        #expect(!text.unicodeScalars.contains("\u{202E}"))
        #expect(text.contains("\\u202e"))
        #expect(text.contains("평양"))
        let back = try JSONSerialization.jsonObject(with: Data(text.utf8)) as? [String: String]
        #expect(back?["note"] == "a\u{202E}b 평양")
    }
}
