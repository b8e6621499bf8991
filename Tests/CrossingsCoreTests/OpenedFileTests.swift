import Foundation
import Testing
@testable import CrossingsCore

/// The one way crossings opens a file it is given: without blocking, saying what it opened.
@Suite struct OpenedFileTests {
    func temporaryFolder() throws -> String {
        let path = NSTemporaryDirectory() + "opened-file-\(UUID().uuidString)"
        try FileManager.default.createDirectory(atPath: path, withIntermediateDirectories: true)
        return path
    }

    @Test func aRegularFileIsOpenedWithItsSize() throws {
        let folder = try temporaryFolder()
        defer { try? FileManager.default.removeItem(atPath: folder) }
        try Data("12345".utf8).write(to: URL(fileURLWithPath: folder + "/a.txt"))
        let opened = try OpenedFile.open(folder + "/a.txt")
        defer { opened.close() }
        #expect(opened.kind == .regular)
        #expect(opened.kind.name == nil)
        #expect(opened.size == 5)
    }

    @Test func aFolderIsOpenedAndSaidToBeOne() throws {
        let folder = try temporaryFolder()
        defer { try? FileManager.default.removeItem(atPath: folder) }
        let opened = try OpenedFile.open(folder)
        defer { opened.close() }
        #expect(opened.kind == .directory)
        #expect(opened.kind.name == "a directory")
    }

    @Test func aNamedPipeWithNoWriterDoesNotBlockTheOpen() throws {
        let folder = try temporaryFolder()
        defer { try? FileManager.default.removeItem(atPath: folder) }
        let fifo = folder + "/pipe"
        try #require(mkfifo(fifo, 0o600) == 0)
        let opened = try OpenedFile.open(fifo)
        defer { opened.close() }
        #expect(opened.kind == .namedPipe)
        #expect(opened.kind.name == "a named pipe (FIFO)")
        #expect(!opened.waitForInput(seconds: 0))
    }

    @Test func aMissingFileIsAFailureSaidToBeMissing() throws {
        let error = #expect(throws: OpenedFile.Failure.self) { try OpenedFile.open("/nonexistent/crossings/file") }
        #expect(error?.isMissing == true)
    }

    @Test func noFollowRefusesASymlink() throws {
        let folder = try temporaryFolder()
        defer { try? FileManager.default.removeItem(atPath: folder) }
        try Data("x".utf8).write(to: URL(fileURLWithPath: folder + "/real"))
        try FileManager.default.createSymbolicLink(atPath: folder + "/link", withDestinationPath: folder + "/real")
        let error = #expect(throws: OpenedFile.Failure.self) { try OpenedFile.open(folder + "/link", noFollow: true) }
        #expect(error?.code == ELOOP)
        let followed = try OpenedFile.open(folder + "/link")
        followed.close()
    }
}
