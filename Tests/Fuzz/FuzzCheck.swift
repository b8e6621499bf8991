// libFuzzer entry for the claim reader: arbitrary bytes through the sentence splitter, the
// claim extractor, the checker (on the bundled data package) and the document-date reader.
// (Target `check` of the fuzzing binary: Tests/Fuzz/fuzz.sh check.)
@testable import CrossingsCore

/// The checker on the package named by CROSSINGS_FUZZ_DATA, loaded once: what the fuzzer
/// varies is the text, not the data.
nonisolated(unsafe) let fuzzChecker = Checker(fuzzDataset)

let fuzzDay = CalendarDay(parsing: "2025-02-09")

func fuzzCheck(_ bytes: UnsafeBufferPointer<UInt8>) {
    let text = String(decoding: bytes, as: UTF8.self)
    let checker = fuzzChecker
    // As `crossings check --text` does.
    for claim in ClaimExtractor(vocabulary: checker.data.vocabulary ?? .empty).claims(in: text) { _ = checker.check(claim) }
    _ = checker.check(document: text)
    // As `crossings check FILE` does with a file that gives its date in front matter: the date,
    // then the text without the front matter, read relative to it.
    let dated = "---\ntitle: fuzz\ndate: 2025-05-08\n---\n" + text
    let (date, _) = DocumentDate.inspect(dated)
    _ = checker.check(document: DocumentDate.withoutFrontMatter(dated), asOf: date?.day)
    // The date readers alone on the other shapes a draft may open with (cheap: no claims read).
    for document in [text, "date 2025-02-09\n" + text, "---\n" + text] {
        _ = DocumentDate.inspect(document)
        _ = DocumentDate.withoutFrontMatter(document)
    }
}
