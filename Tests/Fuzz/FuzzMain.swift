// The one libFuzzer entry for every target: CROSSINGS_FUZZ_TARGET (set by Tests/Fuzz/fuzz.sh)
// names the target, so one compile serves all of them (docs/security.md, "Fuzzing").
//
// Not part of the Swift package: fuzz.sh compiles this folder against CrossingsCore,
// CrossingsUI and CrossingsLSP built with -sanitize=fuzzer. A target reports what broke as a list of problems
// (the same function the regression tests call); any problem is a crash, so libFuzzer keeps
// the input.
import Foundation
@testable import CrossingsCore
import CrossingsUI
import CrossingsLSP

enum FuzzTarget: String, CaseIterable {
    case check, csv, package, explorer, lsp
}

let fuzzTarget: FuzzTarget = {
    let name = getenv("CROSSINGS_FUZZ_TARGET").map { String(cString: $0) } ?? ""
    guard let target = FuzzTarget(rawValue: name) else {
        fatalError("CROSSINGS_FUZZ_TARGET is '\(name)'; it must be one of \(FuzzTarget.allCases.map(\.rawValue).joined(separator: ", "))")
    }
    return target
}()

/// The data package named by CROSSINGS_FUZZ_DATA (fuzz.sh passes the repository's data/).
let fuzzDataDirectory = getenv("CROSSINGS_FUZZ_DATA").map { String(cString: $0) } ?? "data"

let fuzzDataset: Dataset = {
    do { return try PackageLoader.load(directory: fuzzDataDirectory) } catch {
        fatalError("fuzz: cannot load the data package at \(fuzzDataDirectory): \(error)")
    }
}()

/// One library for every explorer input: building it is most of the time of a short session.
nonisolated(unsafe) let fuzzLibrary = Library(fuzzDataset)

/// The package's files as bytes, for the package target to replace one of.
let fuzzPackageFiles: [String: [UInt8]] = {
    let names = (try? FileManager.default.contentsOfDirectory(atPath: fuzzDataDirectory)) ?? []
    var files: [String: [UInt8]] = [:]
    for name in names where name.hasSuffix(".csv") || name.hasSuffix(".json") {
        files[name] = FileManager.default.contents(atPath: fuzzDataDirectory + "/" + name).map { Array($0) }
    }
    return files
}()

func fail(_ problems: [String]) {
    guard !problems.isEmpty else { return }
    let report = "fuzz \(fuzzTarget.rawValue): " + problems.prefix(5).joined(separator: "\n  ") + "\n"
    FileHandle.standardError.write(Data(report.utf8))
    abort()
}

@_cdecl("LLVMFuzzerTestOneInput")
public func fuzzOne(_ data: UnsafePointer<UInt8>?, _ size: Int) -> CInt {
    let bytes = UnsafeBufferPointer(start: data, count: size)
    switch fuzzTarget {
    case .check: fuzzCheck(bytes)
    case .csv: fail(CSVFuzzTarget.problems(Array(bytes)))
    case .package: fail(PackageFuzzTarget.problems(Array(bytes), base: fuzzPackageFiles))
    case .explorer: fail(ExplorerFuzzTarget.problems(Array(bytes), library: fuzzLibrary))
    case .lsp: fail(LSPFuzzTarget.problems(Array(bytes), checker: fuzzChecker))
    }
    return 0
}
