import Foundation
import Testing

/// Runs the built `crossings` binary and captures what it prints.
struct Run {
    var status: Int32
    var stdout: String
    var stderr: String
}

enum Binary {
    /// The `crossings` executable built beside this test bundle (works with any --scratch-path).
    static let url: URL? = beside("crossings")

    /// `crossings-generate`, the synthetic data generator (docs/performance.md).
    static let generatorURL: URL? = beside("crossings-generate")

    /// An executable of this package built beside this test bundle.
    static func beside(_ name: String) -> URL? {
        var dir = URL(fileURLWithPath: CommandLine.arguments[0]).resolvingSymlinksInPath().deletingLastPathComponent()
        for _ in 0..<4 {
            let candidate = dir.appendingPathComponent(name)
            var isDir: ObjCBool = false
            if FileManager.default.fileExists(atPath: candidate.path, isDirectory: &isDir), !isDir.boolValue {
                return candidate
            }
            dir = dir.deletingLastPathComponent()
        }
        return nil
    }

    static var available: Bool { url != nil }

    static func run(_ arguments: [String], cwd: String? = nil, stdin: String? = nil, env: [String: String] = [:]) throws -> Run {
        let binary = try #require(url, "the crossings executable was not built beside the tests")
        return try runProcess(binary, arguments, cwd: cwd, stdin: stdin, env: env)
    }
}

/// Runs an executable and captures what it prints (both pipes read before waiting).
func runProcess(_ executable: URL, _ arguments: [String], cwd: String? = nil, stdin: String? = nil, env: [String: String] = [:]) throws -> Run {
    let process = Process()
    process.executableURL = executable
    process.arguments = arguments
    if let cwd { process.currentDirectoryURL = URL(fileURLWithPath: cwd) }
    var environment = ProcessInfo.processInfo.environment
    for (k, v) in env { environment[k] = v }
    process.environment = environment
    let out = Pipe(), err = Pipe(), input = Pipe()
    process.standardOutput = out
    process.standardError = err
    process.standardInput = input
    try process.run()
    if let stdin { input.fileHandleForWriting.write(Data(stdin.utf8)) }
    try input.fileHandleForWriting.close()
    // Read both pipes before waiting, so a large output cannot block the child.
    final class Box: @unchecked Sendable { var data = Data() }
    let errBox = Box()
    let group = DispatchGroup()
    group.enter()
    DispatchQueue.global().async { errBox.data = err.fileHandleForReading.readDataToEndOfFile(); group.leave() }
    let outData = out.fileHandleForReading.readDataToEndOfFile()
    group.wait()
    let errData = errBox.data
    process.waitUntilExit()
    return Run(status: process.terminationStatus, stdout: String(decoding: outData, as: UTF8.self),
               stderr: String(decoding: errData, as: UTF8.self))
}

/// A temporary data package: the bundled one's files, with some replaced.
struct TempPackage {
    let path: String

    init(replacing files: [String: String] = [:], removing removed: [String] = []) throws {
        let root = FileManager.default.temporaryDirectory.appendingPathComponent("crossings-cli-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: root, withIntermediateDirectories: true)
        let data = URL(fileURLWithPath: #filePath).deletingLastPathComponent()
            .deletingLastPathComponent().deletingLastPathComponent().appendingPathComponent("data")
        for name in try FileManager.default.contentsOfDirectory(atPath: data.path) where !removed.contains(name) {
            try FileManager.default.copyItem(at: data.appendingPathComponent(name), to: root.appendingPathComponent(name))
        }
        for (name, text) in files {
            try Data(text.utf8).write(to: root.appendingPathComponent(name))
        }
        path = root.path
    }

    func file(_ name: String) throws -> String {
        try String(contentsOfFile: path + "/" + name, encoding: .utf8)
    }

    func remove() { try? FileManager.default.removeItem(atPath: path) }
}

/// Parses CSV output (no quoted line breaks in our outputs) into header-keyed rows.
func csvRows(_ text: String) -> [[String: String]] {
    var lines = text.split(separator: "\n", omittingEmptySubsequences: true).map(String.init)
    guard !lines.isEmpty else { return [] }
    let header = splitCSV(lines.removeFirst())
    return lines.map { line in
        Dictionary(uniqueKeysWithValues: zip(header, splitCSV(line)))
    }
}

func splitCSV(_ line: String) -> [String] {
    var fields: [String] = [], current = "", quoted = false
    var chars = Array(line)[...]
    while let c = chars.popFirst() {
        if quoted {
            if c == "\"" {
                if chars.first == "\"" { current.append("\""); chars.removeFirst() } else { quoted = false }
            } else { current.append(c) }
        } else if c == "\"" {
            quoted = true
        } else if c == "," {
            fields.append(current); current = ""
        } else {
            current.append(c)
        }
    }
    fields.append(current)
    return fields
}
