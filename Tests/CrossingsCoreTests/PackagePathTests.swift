#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif
import Foundation
import Testing
@testable import CrossingsCore

/// Resource paths and file kinds (issue 11): a package may make crossings read only regular
/// files inside its own folder, nothing can block a load, and no message quotes a foreign file.
@Suite("PackageLoader paths")
struct PackagePathTests {
    /// MiniPackage written to a fresh temporary folder; `observations` replaces the observations path.
    func writePackage(observations path: String = "observations.csv", omitting: Set<String> = []) throws -> String {
        let dir = FileManager.default.temporaryDirectory.appendingPathComponent("crossings-paths-\(UUID().uuidString)").path
        try FileManager.default.createDirectory(atPath: dir, withIntermediateDirectories: true)
        for (name, text) in MiniPackage.files where !omitting.contains(name) {
            var text = text
            if name == "datapackage.json" {
                text = text.replacingOccurrences(of: "\"path\": \"observations.csv\"", with: "\"path\": \"\(path)\"")
            }
            try text.write(toFile: "\(dir)/\(name)", atomically: true, encoding: .utf8)
        }
        return dir
    }

    /// The open itself is checked, not only the path before it: a file that became a symlink after it
    /// was resolved is refused (no symlink followed in its last part), and where the system says which
    /// file a descriptor is, one outside the folder is refused even when reached by a plain path.
    @Test func theOpenedFileIsCheckedNotOnlyThePath() throws {
        let dir = try writePackage()
        defer { try? FileManager.default.removeItem(atPath: dir) }
        let outside = dir + "-outside.csv"
        try "code,name\nZZ,SECRET\n".write(toFile: outside, atomically: true, encoding: .utf8)
        defer { try? FileManager.default.removeItem(atPath: outside) }
        let real = try #require(realpath(dir, nil).map { p in defer { free(p) }; return String(cString: p) })
        // Swapped for a symlink between the check and the open.
        try FileManager.default.removeItem(atPath: dir + "/countries.csv")
        try FileManager.default.createSymbolicLink(atPath: dir + "/countries.csv", withDestinationPath: outside)
        let swapped = #expect(throws: FileRefusal.self) { try FileBytes.regularFile(real + "/countries.csv", inside: real) }
        #expect(swapped?.reason.contains("became a symbolic link") == true)
        // A plain path that is not inside: refused where /proc/self/fd tells.
        if FileManager.default.fileExists(atPath: "/proc/self/fd") {
            let foreign = #expect(throws: FileRefusal.self) { try FileBytes.regularFile(outside, inside: real) }
            #expect(foreign?.reason.contains("lies outside the package folder") == true)
        }
        // The package's own file reads.
        #expect(try FileBytes.regularFile(real + "/sources.csv", inside: real)?.count ?? 0 > 0)
    }

    /// Where `"path"`'s value starts in the descriptor written by `writePackage` ("LINE:COLUMN").
    func pathPosition(_ path: String) -> String {
        let descriptor = MiniPackage.descriptor.replacingOccurrences(of: "\"path\": \"observations.csv\"", with: "\"path\": \"\(path)\"")
        let lines = descriptor.split(separator: "\n", omittingEmptySubsequences: false)
        let value = "\"path\": \"\(path)\""
        let i = lines.firstIndex { $0.contains(value) }!
        let column = lines[i].utf8.count - lines[i].split(separator: value, maxSplits: 1, omittingEmptySubsequences: false)[1].utf8.count
            - value.utf8.count + "\"path\": ".utf8.count + 1
        return "\(i + 1):\(column)"
    }

    /// Loads a folder that must fail; its diagnostics.
    func failures(_ dir: String, sourceLocation: SourceLocation = #_sourceLocation) -> [Diagnostic] {
        do {
            _ = try PackageLoader.load(directory: dir)
            Issue.record("the package loaded, but it should have failed", sourceLocation: sourceLocation)
            return []
        } catch let failure as LoadFailure {
            for d in failure.diagnostics {
                #expect(!d.description.contains("root:"), "a foreign file is quoted: \(d)", sourceLocation: sourceLocation)
            }
            return failure.diagnostics
        } catch {
            Issue.record("unexpected error \(error)", sourceLocation: sourceLocation)
            return []
        }
    }

    /// The package fails with exactly one error, at the observations path in datapackage.json.
    func expectRefusedPath(_ dir: String, at position: String, _ fragment: String, sourceLocation: SourceLocation = #_sourceLocation) {
        let ds = failures(dir, sourceLocation: sourceLocation)
        #expect(ds.count == 1, "diagnostics: \(ds)", sourceLocation: sourceLocation)
        guard let d = ds.first else { return }
        #expect(d.severity == .error, sourceLocation: sourceLocation)
        #expect(d.location.description == "\(dir)/datapackage.json:\(position)", "\(d)", sourceLocation: sourceLocation)
        #expect(d.message.contains(fragment), "message: \(d.message)", sourceLocation: sourceLocation)
        #expect(d.message.contains("'observations'"), "message: \(d.message)", sourceLocation: sourceLocation)
    }

    @Test func dotDotSegmentIsRefused() throws {
        let path = "../../../../etc/passwd"
        let dir = try writePackage(observations: path)
        defer { try? FileManager.default.removeItem(atPath: dir) }
        expectRefusedPath(dir, at: pathPosition(path), "Frictionless forbids '..'")
        // Also in the middle of a path that would come back inside.
        let inner = "sub/../observations.csv"
        let again = try writePackage(observations: inner)
        defer { try? FileManager.default.removeItem(atPath: again) }
        expectRefusedPath(again, at: pathPosition(inner), "'..' segment")
    }

    @Test func absolutePathsAreRefused() throws {
        for path in ["/etc/passwd", "/proc/self/environ"] {
            let dir = try writePackage(observations: path)
            defer { try? FileManager.default.removeItem(atPath: dir) }
            expectRefusedPath(dir, at: pathPosition(path), "is absolute")
        }
    }

    @Test func urlIsRefused() throws {
        let path = "https://example.org/observations.csv"
        let dir = try writePackage(observations: path)
        defer { try? FileManager.default.removeItem(atPath: dir) }
        expectRefusedPath(dir, at: pathPosition(path), "is a URL")
    }

    @Test func theRulesOneByOne() {
        #expect(PackageLoader.pathProblem("observations.csv") == nil)
        #expect(PackageLoader.pathProblem("more/observations-2.csv") == nil)
        #expect(PackageLoader.pathProblem("./observations.csv") == nil)
        #expect(PackageLoader.pathProblem("..observations.csv") == nil)  // a name, not a segment
        #expect(PackageLoader.pathProblem("")?.contains("empty") == true)
        #expect(PackageLoader.pathProblem("..")?.contains("'..'") == true)
        #expect(PackageLoader.pathProblem("a/..")?.contains("'..'") == true)
        #expect(PackageLoader.pathProblem("/observations.csv")?.contains("absolute") == true)
        #expect(PackageLoader.pathProblem("file:///etc/passwd")?.contains("URL") == true)
        #expect(PackageLoader.pathProblem("..\\..\\etc\\passwd")?.contains("backslash") == true)
        #expect(PackageLoader.pathProblem("observations.csv\u{0}.txt")?.contains("NUL") == true)
    }

    @Test func aBackslashPathIsRefusedInMemoryToo() throws {
        // The rules are the descriptor's, whatever the package is read from.
        let descriptor = MiniPackage.descriptor.replacingOccurrences(of: "\"path\": \"observations.csv\"", with: "\"path\": \"..\\\\passwd\"")
        let ds = loadErrors(MiniPackage.with(["datapackage.json": descriptor]))
        #expect(ds.count == 1, "diagnostics: \(ds)")
        #expect(ds.first?.location.description == "fx/datapackage.json:9:38")  // at its value, escapes and all
        #expect(ds.first?.message.contains("backslash") == true)
    }

    @Test func symlinkOutsideThePackageIsRefused() throws {
        let dir = try writePackage(omitting: ["observations.csv"])
        defer { try? FileManager.default.removeItem(atPath: dir) }
        #expect(symlink("/etc/passwd", "\(dir)/observations.csv") == 0)
        expectRefusedPath(dir, at: pathPosition("observations.csv"), "outside the package folder")
    }

    @Test func symlinkInsideThePackageIsRead() throws {
        let dir = try writePackage(omitting: ["observations.csv"])
        defer { try? FileManager.default.removeItem(atPath: dir) }
        try MiniPackage.files["observations.csv"]!.write(toFile: "\(dir)/real-observations.csv", atomically: true, encoding: .utf8)
        #expect(symlink("real-observations.csv", "\(dir)/observations.csv") == 0)
        let data = try PackageLoader.load(directory: dir)
        #expect(data.observations.count == 2)
    }

    @Test func fifoIsRefusedWithoutBlocking() throws {
        let dir = try writePackage(omitting: ["observations.csv"])
        defer { try? FileManager.default.removeItem(atPath: dir) }
        #expect(mkfifo("\(dir)/observations.csv", 0o600) == 0)
        // Nothing ever writes to the pipe: a blocking open would never return.
        expectRefusedPath(dir, at: pathPosition("observations.csv"), "is a named pipe (FIFO), not a regular file")
    }

    @Test func directoryIsRefused() throws {
        let dir = try writePackage(omitting: ["observations.csv"])
        defer { try? FileManager.default.removeItem(atPath: dir) }
        try FileManager.default.createDirectory(atPath: "\(dir)/observations.csv", withIntermediateDirectories: false)
        expectRefusedPath(dir, at: pathPosition("observations.csv"), "is a directory, not a regular file")
    }

    @Test func descriptorThatIsAFifoOrPointsOutsideIsRefused() throws {
        let dir = try writePackage(omitting: ["datapackage.json"])
        defer { try? FileManager.default.removeItem(atPath: dir) }
        #expect(mkfifo("\(dir)/datapackage.json", 0o600) == 0)
        var ds = failures(dir)
        #expect(ds.map(\.description) == ["\(dir)/datapackage.json:1:1: error: datapackage.json is a named pipe (FIFO), not a regular file"])
        try FileManager.default.removeItem(atPath: "\(dir)/datapackage.json")
        #expect(symlink("/etc/passwd", "\(dir)/datapackage.json") == 0)
        ds = failures(dir)
        #expect(ds.count == 1 && ds[0].message.contains("outside the package folder"), "\(ds)")
    }

    @Test func longFieldsAreCutInMessages() throws {
        // A 10,000-character header field is named, not echoed whole.
        let long = String(repeating: "x", count: 10_000)
        let files = MiniPackage.with(["countries.csv": "\(long),name\nKP,North Korea\nRU,Russia\n"])
        let ds = loadErrors(files)
        #expect(!ds.isEmpty)
        for d in ds { #expect(d.message.count < 300, "message: \(d.message.prefix(200))…") }
        #expect(ds.contains { $0.message.contains(String(repeating: "x", count: 80) + "…") })
        #expect(clip("short") == "short")
        #expect(clip(String(repeating: "é", count: 81)) == String(repeating: "é", count: 80) + "…")
    }
}
