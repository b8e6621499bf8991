import Foundation
import Testing
@testable import CrossingsCore

/// `PackageInstaller`: a failure at any step leaves the package already in the target byte for
/// byte as it was, and leaves no temporary folder behind.
@Suite("PackageInstaller")
struct PackageInstallerTests {
    struct Injected: Error {}

    /// A fresh parent folder holding `pkg/` with an old package (two files and a subfolder).
    func makeOld() throws -> (parent: String, target: String) {
        let parent = FileManager.default.temporaryDirectory.appendingPathComponent("crossings-installer-\(UUID().uuidString)").path
        let target = parent + "/pkg"
        try FileManager.default.createDirectory(atPath: target + "/sub", withIntermediateDirectories: true)
        try Data("{\"old\": true}\n".utf8).write(to: URL(fileURLWithPath: target + "/datapackage.json"))
        try Data("id,value\nold,1\n".utf8).write(to: URL(fileURLWithPath: target + "/observations.csv"))
        try Data("kept\n".utf8).write(to: URL(fileURLWithPath: target + "/sub/note.txt"))
        return (parent, target)
    }

    /// Every file under `dir`, relative path → bytes.
    func snapshot(_ dir: String) -> [String: Data] {
        var all: [String: Data] = [:]
        let e = FileManager.default.enumerator(atPath: dir)
        while let name = e?.nextObject() as? String {
            var isDir: ObjCBool = false
            if FileManager.default.fileExists(atPath: dir + "/" + name, isDirectory: &isDir), !isDir.boolValue {
                all[name] = FileManager.default.contents(atPath: dir + "/" + name)
            }
        }
        return all
    }

    let newFiles: [(name: String, text: String)] = [("datapackage.json", "{\"new\": true}\n"), ("a.csv", "x\n1\n"), ("b.csv", "y\n2\n")]

    /// A file system that cannot exchange two folders (renameat2 says so with one of these).
    static let unsupported: [Int32] = [EINVAL, ENOSYS, ENOTSUP]

    @Test(arguments: [
        PackageInstaller.Step.makeTemporary, .write("datapackage.json"), .write("b.csv"), .validate, .exchange,
    ])
    func aFailureAtAnyStepLeavesTheOldPackageAsItWas(step: PackageInstaller.Step) throws {
        let (parent, target) = try makeOld()
        defer { try? FileManager.default.removeItem(atPath: parent) }
        let before = snapshot(target)
        #expect(before.count == 3)
        #expect(throws: PackageInstaller.Failure.self) {
            try PackageInstaller.install(newFiles, into: target, force: true, fault: { if $0 == step { throw Injected() } }) { _ in true }
        }
        #expect(snapshot(target) == before)
        // Nothing is left beside it: no temporary folder, no old package aside.
        #expect(try FileManager.default.contentsOfDirectory(atPath: parent) == ["pkg"])
    }

    @Test("where the exchange is not supported, a failure at either rename leaves the old package as it was",
          arguments: [PackageInstaller.Step.moveOldAside, .moveNewIn])
    func withoutExchangeAFailedRenameLeavesTheOldPackage(step: PackageInstaller.Step) throws {
        let (parent, target) = try makeOld()
        defer { try? FileManager.default.removeItem(atPath: parent) }
        let before = snapshot(target)
        #expect(throws: PackageInstaller.Failure.self) {
            try PackageInstaller.install(newFiles, into: target, force: true, fault: {
                if $0 == .exchange { throw PackageInstaller.POSIXFailure(code: ENOSYS) }
                if $0 == step { throw Injected() }
            }) { _ in true }
        }
        #expect(snapshot(target) == before)
        #expect(try FileManager.default.contentsOfDirectory(atPath: parent) == ["pkg"])
    }

    @Test("the new folder and the old are exchanged in one step (no rename aside), and the old one removed")
    func theFoldersAreExchanged() throws {
        let (parent, target) = try makeOld()
        defer { try? FileManager.default.removeItem(atPath: parent) }
        let old = try #require(PackageInstaller.identity(target))
        var written: PackageInstaller.FileIdentity?
        _ = try PackageInstaller.install(newFiles, into: target, force: true, fault: { step in
            // The two renames are the fallback only.
            if step == .moveOldAside || step == .moveNewIn { Issue.record("renamed instead of exchanged: \(step)"); throw Injected() }
        }) { dir in written = PackageInstaller.identity(dir) }
        // The very folder that was written and validated is the target now; the old one is gone.
        #expect(PackageInstaller.identity(target) == written)
        #expect(PackageInstaller.identity(target) != old)
        #expect(snapshot(target) == ["datapackage.json": Data("{\"new\": true}\n".utf8), "a.csv": Data("x\n1\n".utf8), "b.csv": Data("y\n2\n".utf8)])
        #expect(try FileManager.default.contentsOfDirectory(atPath: parent) == ["pkg"])
    }

    @Test("where the file system cannot exchange, two renames replace the package", arguments: unsupported)
    func whereExchangeIsUnsupportedTwoRenamesReplaceThePackage(code: Int32) throws {
        let (parent, target) = try makeOld()
        defer { try? FileManager.default.removeItem(atPath: parent) }
        var renamed = false
        let result = try PackageInstaller.install(newFiles, into: target, force: true, fault: { step in
            if step == .exchange { throw PackageInstaller.POSIXFailure(code: code) }
            if step == .moveNewIn { renamed = true }
        }) { _ in () }
        #expect(renamed)
        #expect(result.warnings.isEmpty)
        #expect(Set(snapshot(target).keys) == ["datapackage.json", "a.csv", "b.csv"])
        #expect(try FileManager.default.contentsOfDirectory(atPath: parent) == ["pkg"])
    }

    @Test("an exchange that fails for another reason (EACCES) is an error, the old package as it was")
    func anExchangeErrorIsNotRetriedAsRenames() throws {
        let (parent, target) = try makeOld()
        defer { try? FileManager.default.removeItem(atPath: parent) }
        let before = snapshot(target)
        let failure = #expect(throws: PackageInstaller.Failure.self) {
            try PackageInstaller.install(newFiles, into: target, force: true, fault: { step in
                if step == .exchange { throw PackageInstaller.POSIXFailure(code: EACCES) }
                if step == .moveOldAside { Issue.record("fell back to renames after EACCES") }
            }) { _ in () }
        }
        #expect(failure?.message == "\(target): cannot move the new package into place (permission denied); the old package is left as it was")
        #expect(snapshot(target) == before)
        #expect(try FileManager.default.contentsOfDirectory(atPath: parent) == ["pkg"])
    }

    @Test("a target that is a symlink, even to a package, is refused; what it points to is untouched")
    func aSymlinkTargetIsRefused() throws {
        let (parent, elsewhere) = try makeOld()
        defer { try? FileManager.default.removeItem(atPath: parent) }
        let link = parent + "/link"
        try FileManager.default.createSymbolicLink(atPath: link, withDestinationPath: elsewhere)
        let before = snapshot(elsewhere)
        let failure = #expect(throws: PackageInstaller.Failure.self) {
            try PackageInstaller.install(newFiles, into: link, force: true) { _ in () }
        }
        #expect(failure?.message == "\(link) is a symbolic link; give the folder itself (or another --into)")
        #expect(try FileManager.default.destinationOfSymbolicLink(atPath: link) == elsewhere)
        #expect(snapshot(elsewhere) == before)
        #expect(Set(try FileManager.default.contentsOfDirectory(atPath: parent)) == ["pkg", "link"])
    }

    @Test("a target swapped for a symlink while the package is written is put back, and nothing removed",
          arguments: [nil] + unsupported.prefix(1).map(Optional.some))
    func aTargetSwappedForASymlinkIsLeftAlone(exchangeFails code: Int32?) throws {
        let (parent, target) = try makeOld()
        defer { try? FileManager.default.removeItem(atPath: parent) }
        // Another package, which the symlink will point to.
        let elsewhere = parent + "/elsewhere"
        try FileManager.default.createDirectory(atPath: elsewhere, withIntermediateDirectories: true)
        try Data("{\"elsewhere\": true}\n".utf8).write(to: URL(fileURLWithPath: elsewhere + "/datapackage.json"))
        let before = snapshot(target), elsewhereBefore = snapshot(elsewhere)
        let failure = #expect(throws: PackageInstaller.Failure.self) {
            try PackageInstaller.install(newFiles, into: target, force: true, fault: { step in
                // After the check, while the package is being validated: the folder moves and a symlink takes its place.
                if step == .validate {
                    try FileManager.default.moveItem(atPath: target, toPath: parent + "/moved")
                    try FileManager.default.createSymbolicLink(atPath: target, withDestinationPath: elsewhere)
                }
                if step == .exchange, let code { throw PackageInstaller.POSIXFailure(code: code) }
            }) { _ in () }
        }
        #expect(failure?.message == "\(target) was replaced while the package was written (by a symlink or another folder); it is left as it is, and nothing was installed")
        #expect(try FileManager.default.destinationOfSymbolicLink(atPath: target) == elsewhere)
        #expect(snapshot(elsewhere) == elsewhereBefore)
        #expect(snapshot(parent + "/moved") == before)
        // No temporary folder left, nothing else removed.
        #expect(Set(try FileManager.default.contentsOfDirectory(atPath: parent)) == ["pkg", "moved", "elsewhere"])
    }

    @Test func aPackageThatDoesNotLoadIsNotInstalled() throws {
        let (parent, target) = try makeOld()
        defer { try? FileManager.default.removeItem(atPath: parent) }
        let before = snapshot(target)
        let failure = #expect(throws: PackageInstaller.Failure.self) {
            try PackageInstaller.install(newFiles, into: target, force: true) { dir in
                try PackageLoader.load(directory: dir)
            }
        }
        #expect(failure?.message.contains("does not load; the package in \(target) is left as it was") == true)
        #expect(failure?.diagnostics.isEmpty == false)
        #expect(snapshot(target) == before)
        #expect(try FileManager.default.contentsOfDirectory(atPath: parent) == ["pkg"])
    }

    @Test func forceReplacesThePackageAsAWhole() throws {
        let (parent, target) = try makeOld()
        defer { try? FileManager.default.removeItem(atPath: parent) }
        let result = try PackageInstaller.install(newFiles, into: target, force: true) { dir in
            try String(contentsOfFile: dir + "/a.csv", encoding: .utf8)
        }
        #expect(result.value == "x\n1\n")
        #expect(result.warnings.isEmpty)
        // Only the new files: the old observations.csv and sub/ are gone, not mixed in.
        #expect(Set(snapshot(target).keys) == ["datapackage.json", "a.csv", "b.csv"])
        #expect(try FileManager.default.contentsOfDirectory(atPath: parent) == ["pkg"])
    }

    @Test func anOldPackageThatCannotBeRemovedIsAWarning() throws {
        let (parent, target) = try makeOld()
        defer { try? FileManager.default.removeItem(atPath: parent) }
        let result = try PackageInstaller.install(newFiles, into: target, force: true,
                                                  fault: { if $0 == .removeOld { throw Injected() } }) { _ in () }
        #expect(Set(snapshot(target).keys) == ["datapackage.json", "a.csv", "b.csv"])
        let warning = try #require(result.warnings.first)
        #expect(warning.contains("cannot remove the replaced package"))
        // The old package is whole, aside.
        let aside = try #require(try FileManager.default.contentsOfDirectory(atPath: parent).first { $0 != "pkg" })
        #expect(snapshot(parent + "/" + aside)["observations.csv"] == Data("id,value\nold,1\n".utf8))
    }

    @Test func aNonEmptyFolderIsRefusedWithoutForce() throws {
        let (parent, target) = try makeOld()
        defer { try? FileManager.default.removeItem(atPath: parent) }
        let before = snapshot(target)
        let failure = #expect(throws: PackageInstaller.Failure.self) {
            try PackageInstaller.install(newFiles, into: target, force: false) { _ in () }
        }
        #expect(failure?.message == "\(target) is not empty; give --force to replace the package in it as a whole, or another --into")
        #expect(snapshot(target) == before)
    }

    @Test func forceDoesNotRemoveAFolderThatIsNotAPackage() throws {
        let (parent, target) = try makeOld()
        defer { try? FileManager.default.removeItem(atPath: parent) }
        try FileManager.default.removeItem(atPath: target + "/datapackage.json")
        let failure = #expect(throws: PackageInstaller.Failure.self) {
            try PackageInstaller.install(newFiles, into: target, force: true) { _ in () }
        }
        #expect(failure?.message.contains("holds no datapackage.json") == true)
        #expect(snapshot(target).count == 2)
    }

    @Test func aMissingOrEmptyTargetIsFilled() throws {
        let parent = FileManager.default.temporaryDirectory.appendingPathComponent("crossings-installer-\(UUID().uuidString)").path
        defer { try? FileManager.default.removeItem(atPath: parent) }
        _ = try PackageInstaller.install(newFiles, into: parent + "/deeper/pkg", force: false) { _ in () }
        #expect(snapshot(parent + "/deeper/pkg").count == 3)
        try FileManager.default.createDirectory(atPath: parent + "/empty", withIntermediateDirectories: true)
        _ = try PackageInstaller.install(newFiles, into: parent + "/empty/", force: false) { _ in () }
        #expect(snapshot(parent + "/empty").count == 3)
        #expect(Set(try FileManager.default.contentsOfDirectory(atPath: parent)) == ["deeper", "empty"])
    }

    @Test func aWriteErrorIsOneLineNamingTheFile() throws {
        let parent = FileManager.default.temporaryDirectory.appendingPathComponent("crossings-installer-\(UUID().uuidString)").path
        defer { try? FileManager.default.removeItem(atPath: parent) }
        try FileManager.default.createDirectory(atPath: parent, withIntermediateDirectories: true)
        try Data("a file\n".utf8).write(to: URL(fileURLWithPath: parent + "/file"))
        let failure = #expect(throws: PackageInstaller.Failure.self) {
            try PackageInstaller.install(newFiles, into: parent + "/file/pkg", force: false) { _ in () }
        }
        let message = try #require(failure?.message)
        #expect(message.hasPrefix("\(parent)/file"))
        #expect(!message.contains("\n"))
        #expect(!message.contains("NSCocoaErrorDomain") && !message.contains("Error Domain"))
    }

    @Test func anInputThatIsNotARegularFileIsRefused() throws {
        let dir = FileManager.default.temporaryDirectory.path
        let failure = #expect(throws: PackageInstaller.Failure.self) { try PackageInstaller.readInput(dir) }
        #expect(failure?.message == "\(dir): cannot read the file (it is a folder)")
        let missing = dir + "/crossings-no-such-\(UUID().uuidString).csv"
        let gone = #expect(throws: PackageInstaller.Failure.self) { try PackageInstaller.readInput(missing) }
        #expect(gone?.message == "\(missing): cannot read the file (no such file or directory)")
    }
}
