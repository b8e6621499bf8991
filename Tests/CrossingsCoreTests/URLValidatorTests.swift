import BundledData
import Testing
@testable import CrossingsCore

/// Issue 14 (hostile review): a source URL the explorer would neither open nor link loads, but
/// validate warns about it where its field starts, with LinkCheck's reason.
@Suite("Source URLs in validate")
struct URLValidatorTests {
    static let url = "https://nknews.org/2023/10/number-of-north-koreans-entering-russia-surges-in-first-half-of-2023-data"

    /// The bundled package with nknews-2023-10's URL replaced by `field` (already CSV-quoted if need be).
    static func findings(url field: String) throws -> (findings: [Diagnostic], line: Int, column: Int) {
        var files = BundledData.files
        let csv = try #require(files["sources.csv"])
        let lines = csv.split(separator: "\n", omittingEmptySubsequences: false)
        let index = try #require(lines.firstIndex { $0.hasPrefix("nknews-2023-10,") })
        let before = try #require(lines[index].range(of: "," + url + ","))
        let column = lines[index].distance(from: lines[index].startIndex, to: before.lowerBound) + 2
        files["sources.csv"] = csv.replacingOccurrences(of: "," + url + ",", with: "," + field + ",")
        let data = try PackageLoader.load(files: files, origin: "data")
        return (Validator.findings(data), index + 1, column)
    }

    @Test("the bundled URLs raise no URL warning")
    func bundledURLsPass() throws {
        let data = try PackageLoader.load(files: BundledData.files, origin: "data")
        #expect(!Validator.findings(data).contains { $0.message.contains("is never opened or linked") })
    }

    @Test("javascript:, file:, an escape-laden and an overlong URL each warn at the url field, with the reason")
    func refusedURLsWarn() throws {
        let cases: [(field: String, shown: String, reason: String)] = [
            ("javascript:alert(1)", "javascript:alert(1)", "only http:// and https:// URLs are opened"),
            ("file:///etc/passwd", "file:///etc/passwd", "only http:// and https:// URLs are opened"),
            ("https://example.org/\u{1B}]8;;https://evil.example\u{1B}\\", "https://example.org/\\e]8;;https://evil.example\\e\\",
             "the URL has a space, control or non-ASCII character"),
            ("https:///etc", "https:///etc", "the URL has no host"),
            ("https://example.org/" + String(repeating: "a", count: 3_000), "https://example.org/aaaa", "the URL is longer than 2048 bytes"),
        ]
        for c in cases {
            let (findings, line, column) = try Self.findings(url: c.field)
            let url = findings.filter { $0.message.contains("is never opened or linked") }
            try #require(url.count == 1, "\(c.field.prefix(30).debugDescription): \(url)")
            let d = url[0]
            #expect(d.severity == .warning)
            #expect(d.location == Location(file: "data/sources.csv", line: line, column: column))
            #expect(d.message.hasPrefix("source 'nknews-2023-10': url '"))
            #expect(d.message.hasSuffix(": " + c.reason))
            // Printed through visible(), as validate prints every finding: no raw escape.
            #expect(visible(d.description).contains(c.shown))
            #expect(!visible(d.description).contains("\u{1B}"))
        }
    }

    @Test("an empty URL is 'not known', not a finding")
    func emptyURLIsNotAFinding() throws {
        let (findings, _, _) = try Self.findings(url: "")
        #expect(!findings.contains { $0.message.contains("is never opened or linked") })
    }
}
