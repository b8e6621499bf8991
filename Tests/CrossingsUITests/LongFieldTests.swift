import BundledData
import Foundation
import Testing
@testable import CrossingsCore
@testable import CrossingsUI

/// A valid package whose source has a 1 MB title and a 1 MB note: each key once wrapped all of
/// them again (a 3 MB title froze the explorer 6.5 s a key in release, 40 s in debug). Data text
/// is clipped before it is laid out (`clipped`, `Item.clipping`), with its length said.
@Suite struct LongFieldTests {
    static let sourceID = "mediazona-2025-05-08"
    static let title = "No more North Koreans at the Russian border"
    static let note = "Mediazona says it found the figures in FSB border-service data (¶6). URL not known."
    static let longTitle = title + " " + String(repeating: "crossing ", count: 1_000_000 / 9)
    static let longNote = note + " " + String(repeating: "noted ", count: 1_000_000 / 6)
    static let size = Size(width: 80, height: 24)
    /// UTF-8 bytes layout may go through for one key and its frame: a screen of clipped fields,
    /// measured a few times over; a twentieth of one of the long fields.
    static let budget = 50_000

    static func library() throws -> Library {
        var files = BundledData.files
        let csv = try #require(files["sources.csv"])
        #expect(csv.contains(title) && csv.contains(note))
        files["sources.csv"] = csv.replacingOccurrences(of: title, with: longTitle).replacingOccurrences(of: note, with: longNote)
        let data = try PackageLoader.load(files: files, origin: "long")
        #expect(data.sourceByID[sourceID]?.title.count == longTitle.count)
        return Library(data)
    }

    /// `y`: the line it asks the backend to copy.
    static func copy(_ state: inout State) -> String? {
        let (next, effects) = advance(state, .key(.char("y")))
        state = next
        return copiedLines(effects).last
    }

    /// Presses a key and draws the frame, checking how much text the two laid out.
    static func press(_ key: Key, _ state: inout State, sourceLocation: SourceLocation = #_sourceLocation) -> Screen {
        let meter = LayoutMeter()
        let screen = LayoutMeter.$current.withValue(meter) {
            state = advance(state, .key(key)).state
            return render(state, size)
        }
        #expect(meter.bytes < budget, "key \(key) laid out \(meter.bytes) bytes of text", sourceLocation: sourceLocation)
        #expect(meter.lines < 2_000, "key \(key) wrapped \(meter.lines) lines", sourceLocation: sourceLocation)
        return screen
    }

    static func clippedEnd(_ text: String) -> String { "… (\(formatCount(text.count)) characters in all)" }

    @Test("a 1 MB title and note are shown clipped with their length, and each key stays cheap")
    func longTitleAndNote() throws {
        var state = State(library: try Self.library(), size: Self.size)
        _ = Self.press(.char("3"), &state)
        var steps = 0
        while state.selectedItem?.open != .source(Self.sourceID), steps < 50 { _ = Self.press(.char("j"), &state); steps += 1 }
        #expect(state.selectedItem?.open == .source(Self.sourceID))

        // The source's page: its title and note are fields of their first characters and length.
        var screen = Self.press(.enter, &state)
        #expect(screen.text.contains("No more North Koreans at the Russian border crossing"))
        let page = state.items(state.current.page)
        let fields = page.prefix(20).compactMap { item -> (String, String)? in
            if case .field(let label, let value) = item.content { return (label, value) } else { return nil }
        }
        let title = try #require(fields.first { $0.0 == "Title" }?.1)
        let note = try #require(fields.first { $0.0 == "Note" }?.1)
        #expect(title.hasPrefix(Self.title) && title.hasSuffix(Self.clippedEnd(Self.longTitle)))
        #expect(note.hasPrefix(Self.note) && note.hasSuffix(Self.clippedEnd(Self.longNote)))
        #expect(title.count <= Clip.field + 40 && note.count <= Clip.field + 40)
        for item in page.prefix(20) { #expect(itemHeight(item, width: Self.size.width - 1) <= 40) }

        // Down the page: the end of the clipped title, then of the note, come into view.
        var sawTitleEnd = false, sawNoteEnd = false, copiedTitle = false
        steps = 0
        while state.selectedItem?.cite == nil, steps < 40 {
            if case .field("Title", _) = state.selectedItem?.content {
                // `y` on the source copies its line: the title clipped, its date after it.
                copiedTitle = true
                let line = try #require(Self.copy(&state))
                #expect(line.count <= Clip.copy + 40)
                #expect(line.contains("(\(formatCount(Self.longTitle.count)) characters in all)”, 2025-05-08."))
            }
            screen = Self.press(.char("j"), &state)
            sawTitleEnd = sawTitleEnd || screen.text.contains("(\(formatCount(Self.longTitle.count)) characters in all)")
            sawNoteEnd = sawNoteEnd || screen.text.contains("(\(formatCount(Self.longNote.count)) characters in all)")
            steps += 1
        }
        #expect(sawTitleEnd && sawNoteEnd && copiedTitle)

        // Its citations: every observation's title and source note, clipped the same way.
        let key = try #require(state.selectedItem?.cite)
        screen = Self.press(.char("c"), &state)
        #expect(state.current.page == .citations(key))
        let citations = state.items(state.current.page)
        let values = citations.compactMap { item -> String? in
            guard case .field(let label, let value) = item.content, item.open == .source(Self.sourceID),
                  label == "Title" || label == "Source note" else { return nil }
            return value
        }
        #expect(values.count >= 2)
        for v in values { #expect(v.count <= Clip.field + 40 && v.contains("characters in all)")) }
        // Down to that observation's title (the source's own lines open it).
        var sawCitedTitle = false
        steps = 0
        while !sawCitedTitle, steps < 60 {
            screen = Self.press(.char("j"), &state)
            sawCitedTitle = screen.text.contains("(\(formatCount(Self.longTitle.count)) characters in all)")
            steps += 1
        }
        #expect(sawCitedTitle)
        #expect(state.selectedItem?.open == .source(Self.sourceID))
        #expect((Self.copy(&state)?.count ?? .max) <= Clip.copy + 40)
        // And back out, still cheap.
        for k in [Key.backspace, .backspace, .char("2"), .char("1")] { _ = Self.press(k, &state) }
    }

    @Test("clipping keeps short text as it is and says how long a long one is")
    func clipping() {
        #expect(clipped("Пхеньян 평양") == "Пхеньян 평양")
        let long = String(repeating: "평", count: 5_000)
        #expect(clipped(long) == String(repeating: "평", count: Clip.field) + "… (5,000 characters in all)")
        #expect(clipped(String(repeating: "a", count: Clip.field)) == String(repeating: "a", count: Clip.field))
        let line = fit(String(repeating: "x", count: 1_000_000), 10)
        #expect(line == "xxxxxxxxx…")
    }
}
