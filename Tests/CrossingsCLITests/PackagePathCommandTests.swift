#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif
import Foundation
import Testing

/// A data package from someone else cannot make crossings read, print or wait on a file
/// outside it (issue 11; docs/data-format.md, "Paths"). Each run must end: no sleeps, no timeouts.
@Suite(.enabled(if: Binary.available, "the crossings executable was not built"))
struct PackagePathCommandTests {
    /// `validate` and a query on `pkg`: both fail, `validate` with `expected` in its report; nothing of /etc/passwd is shown.
    func expectRefused(_ pkg: TempPackage, _ expected: String, sourceLocation: SourceLocation = #_sourceLocation) throws {
        let run = try Binary.run(["validate", "--data", pkg.path])
        #expect(run.status == 1, "\(run.stdout)\(run.stderr)", sourceLocation: sourceLocation)
        #expect(run.stdout.contains(expected), "\(run.stdout)", sourceLocation: sourceLocation)
        #expect(!run.stdout.contains("root:") && !run.stderr.contains("root:"), sourceLocation: sourceLocation)
        let query = try Binary.run(["figures", "--data", pkg.path])
        #expect(query.status == 2, "\(query.stdout)\(query.stderr)", sourceLocation: sourceLocation)
        #expect(query.stdout.isEmpty, sourceLocation: sourceLocation)
        #expect(!query.stderr.contains("root:"), sourceLocation: sourceLocation)
    }

    func withObservationsPath(_ path: String) throws -> TempPackage {
        let pkg = try TempPackage()
        let descriptor = try pkg.file("datapackage.json")
        #expect(descriptor.contains("\n      \"path\": \"observations.csv\",\n"))
        try pkg.write("datapackage.json", descriptor.replacingOccurrences(of: "\"path\": \"observations.csv\"", with: "\"path\": \"\(path)\""))
        return pkg
    }

    @Test func dotDotAbsoluteAndURLPathsAreRefusedAtTheirPlaceInTheDescriptor() throws {
        for (path, rule) in [("../../../../etc/passwd", "Frictionless forbids '..'"), ("/etc/passwd", "Frictionless forbids absolute paths"),
                             ("/proc/self/environ", "is absolute"), ("https://example.org/observations.csv", "is a URL")] {
            let pkg = try withObservationsPath(path)
            defer { pkg.remove() }
            try expectRefused(pkg, "\(pkg.path)/datapackage.json:169:15: error: resource 'observations' has path '\(path)', which")
            try expectRefused(pkg, rule)
        }
    }

    @Test func symlinkToEtcPasswdIsRefused() throws {
        let pkg = try TempPackage(removing: ["observations.csv"])
        defer { pkg.remove() }
        #expect(symlink("/etc/passwd", pkg.path + "/observations.csv") == 0)
        try expectRefused(pkg, "\(pkg.path)/datapackage.json:169:15: error: resource 'observations' names observations.csv, which lies outside the package folder")
    }

    @Test func fifoInPlaceOfACSVIsRefusedAndNothingWaits() throws {
        let pkg = try TempPackage(removing: ["observations.csv"])
        defer { pkg.remove() }
        #expect(mkfifo(pkg.path + "/observations.csv", 0o600) == 0)
        try expectRefused(pkg, "\(pkg.path)/datapackage.json:169:15: error: resource 'observations' names observations.csv, which is a named pipe (FIFO), not a regular file")
    }

    @Test func directoryInPlaceOfACSVIsRefused() throws {
        let pkg = try TempPackage(removing: ["observations.csv"])
        defer { pkg.remove() }
        try FileManager.default.createDirectory(atPath: pkg.path + "/observations.csv", withIntermediateDirectories: false)
        try expectRefused(pkg, "\(pkg.path)/datapackage.json:169:15: error: resource 'observations' names observations.csv, which is a directory, not a regular file")
    }
}

extension TempPackage {
    func write(_ name: String, _ text: String) throws {
        try Data(text.utf8).write(to: URL(fileURLWithPath: path + "/" + name))
    }
}
