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

    @Test(arguments: [
        PackageInstaller.Step.makeTemporary, .write("datapackage.json"), .write("b.csv"), .validate, .moveOldAside, .moveNewIn,
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
