import Foundation
import Testing
@testable import CrossingsCore
import BundledData

/// vocabulary.csv: the words the checker reads by, which a non-programmer extends by adding rows.
@Suite("Vocabulary")
struct VocabularyTests {
    let bundledText = BundledData.files["vocabulary.csv"] ?? ""

    @Test func theBundledVocabularyHasEveryRole() throws {
        let roles = Set(bundledText.split(separator: "\n").dropFirst().compactMap { $0.split(separator: ",").first.map(String.init) })
        #expect(roles == Set(Vocabulary.Role.allCases.map(\.rawValue)))
        #expect(!bundledVocabulary.people.isEmpty && !bundledVocabulary.travellers.isEmpty && !bundledVocabulary.hedges.isEmpty)
    }

    @Test func theBundledPackageCarriesIt() throws {
        let data = try PackageLoader.load(files: BundledData.files, origin: "data")
        #expect(data.vocabulary?.people.count == bundledVocabulary.people.count)
    }

    func problems(_ rows: String, categories: Set<String>? = nil) -> [Diagnostic] {
        do {
            _ = try Vocabulary(csv: "role,phrase,meaning,note\n" + rows, file: "v.csv", categories: categories)
            return []
        } catch let failure as LoadFailure {
            return failure.diagnostics
        } catch {
            return [Diagnostic(location: Location(file: "?", line: 0), severity: .error, message: "\(error)")]
        }
    }

    @Test func aBadRowIsNamedAtItsLineAndColumn() {
        let bad = problems("people,Kazakhs,KZ,\nnationality,Kazakh,KZ,\n")
        #expect(bad.count == 1)
        #expect(bad.first?.location == Location(file: "v.csv", line: 3, column: 1))
        #expect(bad.first?.message.contains("role 'nationality' is not one of") == true)
        let meaning = problems("hedge,nigh on,roughly,\n")
        #expect(meaning.first?.location == Location(file: "v.csv", line: 2, column: 15))
        #expect(meaning.first?.message.contains("about, at-least, at-most or exact") == true)
        #expect(problems("traveller,pilgrims,purpose/pilgrimage,\n", categories: ["purpose/tourism"]).first?.message
                    .contains("not a category of categories.csv") == true)
        #expect(problems("number,a score,twenty,\n").first?.message.contains("whole number") == true)
        #expect(problems("number,a gazillion,99999999999999999999,\n").first?.message.contains("whole number") == true)
        #expect(problems("period,the thaw,sometime,\n").first?.message.contains("a period means") == true)
        #expect(problems("people,Russians,RU,\npeople,russians,RU,\n").first?.message.contains("listed twice") == true)
        #expect(problems("entry,came over,in,\n").first?.message.contains("one word") == true)
    }

    @Test func aBrokenVocabularyStopsThePackageWithItsPlace() throws {
        var files = BundledData.files
        files["vocabulary.csv"] = bundledText + "traveller,pilgrims,purpose/pilgrimage,\n"
        let lines = bundledText.split(separator: "\n", omittingEmptySubsequences: false).count
        #expect(throws: LoadFailure.self) { try PackageLoader.load(files: files, origin: "data") }
        do { _ = try PackageLoader.load(files: files, origin: "data") } catch let failure as LoadFailure {
            let d = try #require(failure.diagnostics.first)
            #expect(d.location.file.hasSuffix("vocabulary.csv"))
            #expect(d.location.line == lines)
            #expect(d.message.contains("purpose/pilgrimage"))
        }
    }

    @Test func aRowAddedIsReadWithoutCode() throws {
        let sentence = "About 5,000 Kazakhs entered Russia during the thaw."
        let before = ClaimExtractor(vocabulary: bundledVocabulary).claims(in: sentence)
        #expect(before.first?.flow == nil)
        let extended = try Vocabulary(csv: bundledText + "people,Kazakhs,KZ,\nperiod,the thaw,2024-H2,\n", file: "v.csv")
        let after = ClaimExtractor(vocabulary: extended).claims(in: sentence)
        #expect(after.first?.flow == flow("KZ-RU"))
        #expect(after.first?.period == period("2024-H2"))
        // A traveller noun with the category it implies.
        let pilgrims = try Vocabulary(csv: bundledText + "traveller,pilgrims,purpose/tourism,\n", file: "v.csv")
        let c = ClaimExtractor(vocabulary: pilgrims).claims(in: "In 2024, 300 Russian pilgrims visited North Korea.")
        #expect(c.first?.key == key("RU-KP", "2024", .purpose, "tourism"))
    }

    @Test func withoutAVocabularyNothingIsGuessed() {
        #expect(ClaimExtractor(vocabulary: .empty).claims(in: "In 2024, 13,221 North Koreans entered Russia.").allSatisfy { $0.flow == nil })
    }
}
