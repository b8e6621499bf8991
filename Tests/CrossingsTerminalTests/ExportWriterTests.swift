import CrossingsTerminal
import CrossingsUI
import Foundation
import Testing

/// The backend's part of `e`: a new file each time, never one overwritten, and why not when it cannot.
@Suite struct ExportWriterTests {
    @Test func writesANewFileEachTimeAndSaysWhyNot() throws {
        let dir = FileManager.default.temporaryDirectory.appendingPathComponent("crossings-writer-\(UUID().uuidString.prefix(8))").path
        try FileManager.default.createDirectory(atPath: dir, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(atPath: dir) }
        let table = ExportTable(name: "crossings-test", header: ["a"], rows: [["1"]])
        // A file already there under the first name is left alone.
        try "keep me".write(toFile: dir + "/crossings-test-2026-11-28.csv", atomically: true, encoding: .utf8)
        #expect(ExportWriter.perform(table, directory: dir, date: "2026-11-28") == .exported(dir + "/crossings-test-2026-11-28-2.csv", rows: 1))
        #expect(ExportWriter.perform(table, directory: dir + "/", date: "2026-11-28") == .exported(dir + "/crossings-test-2026-11-28-3.csv", rows: 1))
        #expect(try String(contentsOfFile: dir + "/crossings-test-2026-11-28.csv", encoding: .utf8) == "keep me")
        #expect(try String(contentsOfFile: dir + "/crossings-test-2026-11-28-2.csv", encoding: .utf8) == "a\n1\n")
        let missing = ExportWriter.perform(table, directory: dir + "/no/such/dir", date: "2026-11-28")
        #expect(missing == .exportFailed("No such file or directory: cannot create \(dir)/no/such/dir/crossings-test-2026-11-28.csv"))
    }
}
