// Times crossings at scale, beside the tools a user would otherwise reach for, on the
// same rows in one run (issue 5, docs/performance.md):
//
//   crossings figures --data DIR --flow CN-RU --by year --measure total --format csv
//   duckdb -csv -c "CREATE TABLE o AS SELECT * FROM read_csv(…); SELECT period[1:4] AS y, sum(value) …"
//   vd -b -p SCRIPT.vdj      (open the CSV, select CN-RU, sum value by year, save)
//
// each a fresh process (posix_spawn + wait4: wall time and peak RSS), median of 3 runs
// (1 run above 2M observations), after an in-process load and query with CrossingsCore.
//
//   swift build -c release --scratch-path .build-scale
//   .build-scale/release/crossings-scale-bench [--sizes 1000000,5000000] [--real DIR]
//       [--runs N] [--skip duckdb,visidata] [--flow CN-RU]
//
// Synthetic packages are written by crossings-generate (beside this executable, seed 1)
// into /tmp/crossings-scale-N, and reused when already there.
//
// Then, for each size, the comparison a user would make (issue 15): the same rows in the FSB
// compilation's raw format (crossings-generate --format russia-in-out, into
// /tmp/crossings-scale-raw-N), read by DuckDB and VisiData as they are, and by crossings from
// the package `crossings import russia-in-out` makes of them (the import timed apart, once);
// plus DuckDB answering from its own persisted database file of the same rows, the yardstick
// of the cache goal. `--skip raw` leaves it out.
import CrossingsCore
import Foundation

// MARK: Arguments

/// Prints a line at once (stdout may be a pipe to `tee`; runs take minutes).
func say(_ line: String = "") {
    FileHandle.standardOutput.write(Data((line + "\n").utf8))
}

func fail(_ message: String) -> Never {
    FileHandle.standardError.write(Data("crossings-scale-bench: \(message)\n".utf8))
    exit(2)
}

struct Options {
    var sizes = [1_000_000, 5_000_000]
    var real: String?
    var runs: Int?
    var skip: Set<String> = []
    var flow = "CN-RU"
}

let selfBinary = URL(fileURLWithPath: CommandLine.arguments[0]).resolvingSymlinksInPath().path

/// `--in-process DIR FLOW`: load the package and ask the question with CrossingsCore,
/// print two lines and exit (run by `benchmark` as a child process).
if CommandLine.arguments.count == 4, CommandLine.arguments[1] == "--in-process" {
    let directory = CommandLine.arguments[2], flowText = CommandLine.arguments[3]
    func pad(_ s: String) -> String { s.count >= 62 ? s : s + String(repeating: " ", count: 62 - s.count) }
    do {
        let flow = try Flow(parsing: flowText)
        let t0 = DispatchTime.now().uptimeNanoseconds
        let data = try PackageLoader.load(directory: directory)
        let t1 = DispatchTime.now().uptimeNanoseconds
        let figures = Resolver(data).figures(FigureQuery(flows: [flow], granularity: .year, measures: [.total]))
        let t2 = DispatchTime.now().uptimeNanoseconds
        say(pad("in process: PackageLoader.load(directory:)") + String(format: "%9.3f s", Double(t1 - t0) / 1e9)
            + "   (\(data.observations.count) observations)")
        say(pad("in process: Resolver.figures(\(flowText), by year, total)") + String(format: "%9.3f s", Double(t2 - t1) / 1e9)
            + "   (\(figures.count) rows)")
        exit(0)
    } catch {
        FileHandle.standardError.write(Data("\(error)\n".utf8))
        exit(1)
    }
}

let options: Options = {
    var o = Options()
    var args = Array(CommandLine.arguments.dropFirst())[...]
    while let a = args.popFirst() {
        switch a {
        case "--sizes":
            guard let v = args.popFirst() else { fail("--sizes needs a list such as 1000000,5000000") }
            o.sizes = v.split(separator: ",").map { s in
                guard let n = Int(s.replacingOccurrences(of: "_", with: "")), n > 0 else { fail("bad size '\(s)'") }
                return n
            }
        case "--real":
            guard let v = args.popFirst() else { fail("--real needs a package directory") }
            o.real = v
        case "--runs":
            guard let v = args.popFirst(), let n = Int(v), n > 0 else { fail("--runs needs a count") }
            o.runs = n
        case "--skip":
            guard let v = args.popFirst() else { fail("--skip needs tools: crossings, duckdb, visidata, in-process, keys, raw") }
            o.skip.formUnion(v.split(separator: ",").map { String($0) })
        case "--flow":
            guard let v = args.popFirst() else { fail("--flow needs a flow such as CN-RU") }
            o.flow = v
        case "-h", "--help":
            say("usage: crossings-scale-bench [--sizes 1000000,5000000] [--real DIR] [--runs N] [--skip duckdb,visidata,crossings,in-process,keys,raw] [--flow CN-RU]")
            exit(0)
        default: fail("unknown argument '\(a)'")
        }
    }
    return o
}()

// MARK: Processes

func now() -> UInt64 { DispatchTime.now().uptimeNanoseconds }

struct Measurement {
    var seconds: Double
    var peakMB: Double
    var status: Int32
}

/// Runs `argv` (argv[0] a path) with stdout to `stdout` and stderr to `stderr` (files), and
/// returns its wall time and peak resident set (ru_maxrss, which Linux reports in KiB).
///
/// Linux starts a child's ru_maxrss at the RSS of the process it was spawned from (exec
/// records the old address space's high-water mark), so this process must stay small:
/// the in-process measurement runs in a child of its own, and the table states the floor.
/// A nil `stderr` keeps this process's.
func spawn(_ argv: [String], stdout: String = "/dev/null", stderr: String? = "/dev/null") -> Measurement {
    var actions = posix_spawn_file_actions_t()
    posix_spawn_file_actions_init(&actions)
    defer { posix_spawn_file_actions_destroy(&actions) }
    posix_spawn_file_actions_addopen(&actions, 0, "/dev/null", O_RDONLY, 0)
    posix_spawn_file_actions_addopen(&actions, 1, stdout, O_WRONLY | O_CREAT | O_TRUNC, 0o644)
    if let stderr { posix_spawn_file_actions_addopen(&actions, 2, stderr, O_WRONLY | O_CREAT | O_TRUNC, 0o644) }
    let cArgs = argv.map { strdup($0) } + [nil]
    defer { for p in cArgs { free(p) } }
    var pid: pid_t = 0
    let start = now()
    let rc = posix_spawn(&pid, argv[0], &actions, nil, cArgs, environ)
    guard rc == 0 else { return Measurement(seconds: 0, peakMB: 0, status: -1) }
    var status: Int32 = 0
    var usage = rusage()
    while wait4(pid, &status, 0, &usage) == -1 && errno == EINTR {}
    let elapsed = Double(now() - start) / 1e9
    #if os(Linux)
    let peak = Double(usage.ru_maxrss) / 1024  // KiB
    #else
    let peak = Double(usage.ru_maxrss) / 1_048_576  // bytes
    #endif
    let exited = (status & 0x7f) == 0
    return Measurement(seconds: elapsed, peakMB: peak, status: exited ? (status >> 8) & 0xff : 128 + (status & 0x7f))
}

/// Runs and returns what it printed (for small helper commands).
func output(_ argv: [String]) -> String? {
    let file = NSTemporaryDirectory() + "crossings-scale-bench-\(getpid())-out.txt"
    defer { unlink(file) }
    let m = spawn(argv, stdout: file)
    guard m.status == 0 else { return nil }
    return (try? String(contentsOfFile: file, encoding: .utf8))?.trimmingCharacters(in: .whitespacesAndNewlines)
}

func executable(_ path: String) -> Bool {
    var isDir: ObjCBool = false
    return FileManager.default.fileExists(atPath: path, isDirectory: &isDir) && !isDir.boolValue
        && FileManager.default.isExecutableFile(atPath: path)
}

/// A program on PATH, seen through pyenv's shims to the real script.
func onPath(_ name: String) -> String? {
    for dir in (ProcessInfo.processInfo.environment["PATH"] ?? "").split(separator: ":") {
        let candidate = "\(dir)/\(name)"
        guard executable(candidate) else { continue }
        if candidate.contains("/.pyenv/shims/") {
            if let pyenv = onPath("pyenv"), let real = output([pyenv, "which", name]), executable(real) { return real }
            continue  // a shim for a version that does not have it
        }
        return candidate
    }
    return nil
}

/// The interpreter named on a script's `#!` line, if it is one.
func shebang(_ path: String) -> String? {
    guard let handle = FileHandle(forReadingAtPath: path) else { return nil }
    defer { try? handle.close() }
    let head = String(decoding: handle.readData(ofLength: 256), as: UTF8.self)
    guard head.hasPrefix("#!"), let line = head.dropFirst(2).split(separator: "\n").first else { return nil }
    return line.split(separator: " ").first.map(String.init)
}

let here = URL(fileURLWithPath: CommandLine.arguments[0]).resolvingSymlinksInPath().deletingLastPathComponent()
let crossingsBinary = here.appendingPathComponent("crossings").path
let generatorBinary = here.appendingPathComponent("crossings-generate").path

/// DuckDB's CLI. `pip install duckdb-cli` puts a Python wrapper on PATH that starts the
/// native binary as a child; time the native binary itself (what the wrapper runs).
let duckdb: (path: String, version: String)? = {
    guard var path = onPath("duckdb") else { return nil }
    if let python = shebang(path), python.contains("python"),
       let native = output([python, "-c", "import duckdb_cli, os; print(os.path.join(os.path.dirname(duckdb_cli.__file__), 'duckdb'))"]),
       executable(native) {
        path = native
    }
    let version = output([path, "--version"])?.split(separator: " ").first.map(String.init) ?? "?"
    return (path, version)
}()

let visidata: (path: String, version: String)? = {
    guard let path = onPath("vd") else { return nil }
    let version = output([path, "--version"])?.split(separator: " ").last.map(String.init) ?? "?"
    return (path, version)
}()

// MARK: Packages

struct Package {
    var label: String
    var directory: String
    var observationFiles: [String]
    var rows: Int?
}

func observationFiles(in dir: String) -> [String] {
    let names = (try? FileManager.default.contentsOfDirectory(atPath: dir)) ?? []
    return names.filter { $0.hasPrefix("observations") && $0.hasSuffix(".csv") }.sorted().map { "\(dir)/\($0)" }
}

func synthetic(_ n: Int) -> Package {
    let dir = "/tmp/crossings-scale-\(n)"
    let file = "\(dir)/observations-synthetic.csv"
    let marker = "(\(n) observations, seed 1)"
    let sources = (try? String(contentsOfFile: "\(dir)/sources.csv", encoding: .utf8)) ?? ""
    if !(FileManager.default.fileExists(atPath: file) && sources.contains(marker)) {
        guard executable(generatorBinary) else { fail("no crossings-generate beside this benchmark at \(generatorBinary)") }
        FileHandle.standardError.write(Data("generating \(n) observations into \(dir) …\n".utf8))
        let m = spawn([generatorBinary, "--observations", String(n), "--seed", "1", "--into", dir], stderr: nil)
        guard m.status == 0 else { fail("crossings-generate failed (exit \(m.status))") }
    }
    return Package(label: "synthetic, \(grouped(n)) observations (seed 1)", directory: dir, observationFiles: [file], rows: n)
}

func grouped(_ n: Int) -> String {
    let s = String(n)
    var out = ""
    for (i, c) in s.enumerated() {
        if i > 0, (s.count - i) % 3 == 0 { out.append(",") }
        out.append(c)
    }
    return out
}

func countLines(_ path: String) -> Int {
    guard let f = fopen(path, "r") else { return 0 }
    defer { fclose(f) }
    var buffer = [UInt8](repeating: 0, count: 1 << 20)
    var lines = 0
    while true {
        let n = fread(&buffer, 1, buffer.count, f)
        if n == 0 { break }
        for i in 0..<n where buffer[i] == 10 { lines += 1 }
    }
    return lines
}

// MARK: The question, asked three ways

typealias Yearly = [Int: Int]  // year → total

func parseYearly(_ path: String, yearColumn: String, valueColumn: String, filter: ((([String: String]) -> Bool))? = nil) -> Yearly? {
    guard let text = try? String(contentsOfFile: path, encoding: .utf8) else { return nil }
    var lines = text.split(whereSeparator: { $0 == "\n" || $0 == "\r\n" }).map(String.init)
    guard !lines.isEmpty else { return nil }
    let header = splitCSV(lines.removeFirst())
    guard let yi = header.firstIndex(of: yearColumn), let vi = header.firstIndex(of: valueColumn) else { return nil }
    var out: Yearly = [:]
    for line in lines {
        let f = splitCSV(line)
        guard f.count == header.count else { continue }
        if let filter, !filter(Dictionary(uniqueKeysWithValues: zip(header, f))) { continue }
        let yearText = f[yi], valueText = f[vi].replacingOccurrences(of: ",", with: "")
        guard yearText.count == 4, let y = Int(yearText), let v = Int(valueText) ?? Double(valueText).map({ Int($0) }) else { continue }
        if out[y] == nil { out[y] = v }
    }
    return out
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

/// "agrees on all 108 years both give" or what differs.
func compare(_ name: String, _ theirs: Yearly?, with ours: Yearly?) -> String {
    guard let theirs, let ours else { return "\(name): no answer to compare" }
    let common = Set(theirs.keys).intersection(ours.keys).sorted()
    guard !common.isEmpty else { return "\(name): no year in common with crossings (crossings \(ours.count) years, \(name) \(theirs.count))" }
    let differing = common.filter { theirs[$0] != ours[$0] }
    let extra = Set(theirs.keys).subtracting(ours.keys).count
    let tail = extra > 0 ? " (\(extra) partial year\(extra == 1 ? "" : "s") crossings does not derive)" : ""
    if differing.isEmpty { return "\(name): MATCH — the same total for all \(common.count) years both give\(tail)" }
    let y = differing[0]
    return "\(name): DIFFER in \(differing.count) of \(common.count) years, e.g. \(y): crossings \(ours[y]!), \(name) \(theirs[y]!)\(tail)"
}

struct Result {
    var tool: String
    var runs: [Measurement]
    var note: String = ""
    var median: Measurement {
        let ok = runs.filter { $0.status == 0 }
        guard !ok.isEmpty else { return runs.first ?? Measurement(seconds: 0, peakMB: 0, status: -1) }
        let t = ok.map(\.seconds).sorted(), m = ok.map(\.peakMB).sorted()
        return Measurement(seconds: t[t.count / 2], peakMB: m[m.count / 2], status: 0)
    }
    var failed: Bool { runs.allSatisfy { $0.status != 0 } }
}

func repeated(_ times: Int, _ run: () -> Measurement) -> [Measurement] {
    (0..<times).map { _ in run() }
}

func sqlString(_ s: String) -> String { "'" + s.replacingOccurrences(of: "'", with: "''") + "'" }

func pad(_ s: String, _ n: Int) -> String { s.count >= n ? s : s + String(repeating: " ", count: n - s.count) }
func lpad(_ s: String, _ n: Int) -> String { s.count >= n ? s : String(repeating: " ", count: n - s.count) + s }

/// One line of a VisiData command log (`vd -p`): the sheet, column, command and its input as JSON.
func visidataCommand(_ sheet: String, _ col: String, _ longname: String, _ input: String) -> String {
    let object: [String: String] = ["sheet": sheet, "col": col, "row": "", "longname": longname, "input": input]
    let data = try! JSONSerialization.data(withJSONObject: object, options: [.sortedKeys])
    return String(decoding: data, as: UTF8.self)
}

func benchmark(_ package: Package) {
    let work = NSTemporaryDirectory() + "crossings-scale-bench-\(getpid())"
    try? FileManager.default.createDirectory(atPath: work, withIntermediateDirectories: true)
    defer { try? FileManager.default.removeItem(atPath: work) }
    let rows = package.rows ?? package.observationFiles.reduce(0) { $0 + max(0, countLines($1) - 1) }
    let bytes = package.observationFiles.reduce(0) { total, f in
        total + ((try? FileManager.default.attributesOfItem(atPath: f)[.size] as? Int) ?? 0)
    }
    let runs = options.runs ?? (rows > 2_000_000 ? 1 : 3)
    let flow = options.flow

    say("crossings scale benchmark: \(package.label)")
    say("  \(package.directory): \(grouped(rows)) observation rows, \(String(format: "%.1f", Double(bytes) / 1_048_576)) MB of CSV; \(ProcessInfo.processInfo.activeProcessorCount) cores")
    say("  question: yearly totals of \(flow), every year; external tools: median of \(runs) run\(runs == 1 ? "" : "s"), each a fresh process")
    var me = rusage()
    getrusage(RUSAGE_SELF.rawValue, &me)
    say(String(format: "  peak MB of a child counts from this benchmark's own peak, %.0f MB (Linux exec keeps it)", Double(me.ru_maxrss) / 1024))
    say(String(repeating: "-", count: 96))

    // In process: the library alone (no process start, no output), in a child process of
    // its own so that this process stays small (see `spawn`).
    if !options.skip.contains("in-process") {
        let out = "\(work)/in-process.txt"
        let m = spawn([selfBinary, "--in-process", package.directory, flow], stdout: out, stderr: "\(work)/in-process.err")
        let lines = ((try? String(contentsOfFile: out, encoding: .utf8)) ?? "").split(separator: "\n").map(String.init)
        if m.status == 0, lines.count == 2 {
            say(lines[0] + String(format: "   peak %.0f MB", m.peakMB))
            say(lines[1])
        } else {
            let err = (try? String(contentsOfFile: "\(work)/in-process.err", encoding: .utf8)) ?? ""
            say("in process: FAILED (exit \(m.status)) " + (err.split(separator: "\n").first.map(String.init) ?? ""))
        }
    }

    var results: [Result] = []
    var answers: [String: Yearly?] = [:]

    // a. crossings: open the package, answer the yearly totals.
    if !options.skip.contains("crossings") {
        if executable(crossingsBinary) {
            let out = "\(work)/crossings.csv"
            let argv = [crossingsBinary, "figures", "--data", package.directory, "--flow", flow, "--by", "year", "--measure", "total", "--format", "csv"]
            let r = Result(tool: "crossings figures", runs: repeated(runs) { spawn(argv, stdout: out, stderr: "\(work)/crossings.err") })
            answers["crossings"] = parseYearly(out, yearColumn: "period", valueColumn: "value") { $0["measure"] == "total" }
            results.append(r)
        } else {
            say("crossings: no binary beside this benchmark at \(crossingsBinary) (build it with the same configuration)")
        }
    }

    // b. DuckDB: load the rows into a table, then answer.
    if options.skip.contains("duckdb") {
    } else if let duckdb {
        let files = package.observationFiles.map(sqlString).joined(separator: ", ")
        let sql = "CREATE TABLE o AS SELECT * FROM read_csv([\(files)]); "
            + "SELECT period[1:4] AS y, sum(value) AS total FROM o WHERE flow = \(sqlString(flow)) AND measure = 'transport' GROUP BY y ORDER BY y;"
        let out = "\(work)/duckdb.csv"
        let r = Result(tool: "DuckDB \(duckdb.version) CLI (table + query)",
                       runs: repeated(runs) { spawn([duckdb.path, "-csv", "-c", sql], stdout: out, stderr: "\(work)/duckdb.err") })
        answers["DuckDB"] = parseYearly(out, yearColumn: "y", valueColumn: "total")
        results.append(r)
    } else {
        say("DuckDB: not installed (pip install duckdb-cli)")
    }

    // c. VisiData in batch mode: a command log that opens the CSV, selects the flow,
    //    sums value by year (a frequency table with a sum aggregator) and saves it.
    if options.skip.contains("visidata") {
    } else if let visidata {
        let file = package.observationFiles[0]
        let sheet = ((file as NSString).lastPathComponent as NSString).deletingPathExtension
        let selected = sheet + "_selectedref"
        let out = "\(work)/visidata.csv"
        let script = [
            "#!vd -p",
            visidataCommand("", "", "open-file", file),
            visidataCommand(sheet, "value", "type-int", ""),
            visidataCommand(sheet, "", "select-expr", "flow == '\(flow)' and measure == 'transport'"),
            visidataCommand(sheet, "", "dup-selected", ""),
            visidataCommand(selected, "period", "addcol-expr", "period[:4]"),
            visidataCommand(selected, "period[:4]", "rename-col", "y"),
            visidataCommand(selected, "value", "aggregate-col", "sum"),
            visidataCommand(selected, "y", "freq-col", ""),
            visidataCommand(selected + "_y_freq", "", "save-sheet", out),
        ].joined(separator: "\n") + "\n"
        let scriptPath = "\(work)/sum-by-year.vdj"
        try? script.write(toFile: scriptPath, atomically: true, encoding: .utf8)
        let r = Result(tool: "VisiData \(visidata.version) batch (open, select, group)",
                       runs: repeated(runs) {
                           unlink(out)
                           return spawn([visidata.path, "-b", "-p", scriptPath], stderr: "\(work)/visidata.err")
                       },
                       note: package.observationFiles.count > 1 ? "first observations file only" : "")
        answers["VisiData"] = parseYearly(out, yearColumn: "y", valueColumn: "value_sum")
        results.append(r)
    } else {
        say("VisiData: not installed (pip install visidata)")
    }

    // The table.
    say(pad("tool", 44) + lpad("wall s", 10) + lpad("peak MB", 10) + lpad("time ×crossings", 17) + lpad("memory ×crossings", 19))
    let base = results.first { $0.tool.hasPrefix("crossings") }.flatMap { $0.failed ? nil : $0.median }
    for r in results {
        let m = r.median
        if r.failed {
            let err = (try? String(contentsOfFile: "\(work)/\(r.tool.hasPrefix("crossings") ? "crossings" : r.tool.hasPrefix("DuckDB") ? "duckdb" : "visidata").err", encoding: .utf8)) ?? ""
            say(pad(r.tool, 44) + "  FAILED (exit \(m.status)) " + (err.split(separator: "\n").last.map(String.init) ?? ""))
            continue
        }
        let tr = base.map { String(format: "%.2f", m.seconds / $0.seconds) } ?? "–"
        let mr = base.map { String(format: "%.2f", m.peakMB / $0.peakMB) } ?? "–"
        say(pad(r.tool, 44) + lpad(String(format: "%.2f", m.seconds), 10) + lpad(String(format: "%.0f", m.peakMB), 10)
              + lpad(tr, 17) + lpad(mr, 19) + (r.note.isEmpty ? "" : "   (\(r.note))"))
    }

    // Do they answer the same?
    if let ours = answers["crossings"] {
        for name in ["DuckDB", "VisiData"] where answers[name] != nil {
            say("answer check: " + compare(name, answers[name]!, with: ours))
        }
    }

    // The goals of issue 5 (set for 1M observations).
    if let base {
        say("goals (issue 5, set at 1M observations on 2 cores):")
        let duck = results.first { $0.tool.hasPrefix("DuckDB") && !$0.failed }?.median
        let vd = results.first { $0.tool.hasPrefix("VisiData") && !$0.failed }?.median
        func verdict(_ ok: Bool) -> String { ok ? "met" : "MISSED" }
        if let duck {
            let t = base.seconds / duck.seconds, m = base.peakMB / duck.peakMB
            say("  " + pad("time   ≤ 0.5× DuckDB's", 34) + pad(String(format: "crossings %.2f s, DuckDB %.2f s: %.2f×", base.seconds, duck.seconds, t), 52) + verdict(t <= 0.5))
            say("  " + pad("memory ≤ 0.5× DuckDB's", 34) + pad(String(format: "crossings %.0f MB, DuckDB %.0f MB: %.2f×", base.peakMB, duck.peakMB, m), 52) + verdict(m <= 0.5))
        } else {
            say("  time and memory against DuckDB: not measured")
        }
        if let vd {
            let f = vd.seconds / base.seconds
            say("  " + pad("≥ 20× faster than VisiData", 34) + pad(String(format: "crossings %.2f s, VisiData %.2f s: %.1f× faster", base.seconds, vd.seconds, f), 52) + verdict(f >= 20))
        } else {
            say("  against VisiData: not measured")
        }
    }
    // Time per key in the explorer on the same package: crossings-bench --data, beside this benchmark.
    let explorerBench = (crossingsBinary as NSString).deletingLastPathComponent + "/crossings-bench"
    if !options.skip.contains("keys"), executable(explorerBench) {
        say("explorer, time per key (crossings-bench --data \(package.directory)):")
        if let text = output([explorerBench, "--data", package.directory]) {
            let wanted = ["screen", "time to first frame", "move,", "filter keystroke", "drill down", "every key + redraw"]
            for line in text.split(separator: "\n") where wanted.contains(where: { line.contains($0) }) { say("  " + line) }
        } else {
            say("  crossings-bench failed")
        }
    }
    say()
}

// MARK: Run


var packages: [Package] = []
if let real = options.real {
    let files = observationFiles(in: real)
    if files.isEmpty { fail("no observations*.csv in \(real)") }
    packages.append(Package(label: "real import (\(real))", directory: real, observationFiles: files))
}
for n in options.sizes { packages.append(synthetic(n)) }
let tools = [
    "crossings: " + (executable(crossingsBinary) ? crossingsBinary : "missing"),
    "DuckDB: " + (duckdb.map { "\($0.path) \($0.version)" } ?? "not installed (pip install duckdb-cli)"),
    "VisiData: " + (visidata.map { "\($0.path) \($0.version)" } ?? "not installed (pip install visidata)"),
]
say("tools: " + tools.joined(separator: "; "))
say()
for p in packages {
    benchmark(p)
    if let n = p.rows, p.directory.hasPrefix("/tmp/crossings-scale-"), !options.skip.contains("raw") { rawBenchmark(n) }
}

// MARK: The raw compilation CSV (issue 15)

/// The two files of the compilation's format for `n` synthetic rows (seed 1), written by
/// `crossings-generate --format russia-in-out` and reused when their rows add up to `n`.
func rawFiles(_ n: Int) -> (directory: String, files: [String]) {
    let dir = "/tmp/crossings-scale-raw-\(n)"
    let files = ["\(dir)/Russia_in_master.csv", "\(dir)/Russia_out_master.csv"]
    let present = files.allSatisfy { FileManager.default.fileExists(atPath: $0) }
    if !(present && files.reduce(0, { $0 + countLines($1) - 1 }) == n) {
        guard executable(generatorBinary) else { fail("no crossings-generate beside this benchmark at \(generatorBinary)") }
        FileHandle.standardError.write(Data("generating \(n) rows in the compilation's format into \(dir) …\n".utf8))
        try? FileManager.default.removeItem(atPath: dir)
        let m = spawn([generatorBinary, "--format", "russia-in-out", "--observations", String(n), "--seed", "1", "--into", dir], stderr: nil)
        guard m.status == 0 else { fail("crossings-generate --format russia-in-out failed (exit \(m.status))") }
    }
    return (dir, files)
}

func modified(_ path: String) -> Date? {
    (try? FileManager.default.attributesOfItem(atPath: path))?[.modificationDate] as? Date
}

func rawBenchmark(_ n: Int) {
    let work = NSTemporaryDirectory() + "crossings-scale-bench-raw-\(getpid())"
    try? FileManager.default.createDirectory(atPath: work, withIntermediateDirectories: true)
    defer { try? FileManager.default.removeItem(atPath: work) }
    let (rawDir, files) = rawFiles(n)
    let bytes = files.reduce(0) { $0 + ((try? FileManager.default.attributesOfItem(atPath: $1)[.size] as? Int) ?? 0) }
    let runs = options.runs ?? (n > 2_000_000 ? 1 : 3)
    let flow = options.flow
    let parts = flow.split(separator: "-").map(String.init)
    // The compilation holds only flows to and from Russia: XX-RU is ISO_A2 XX, Type In.
    guard parts.count == 2, parts.contains("RU"), parts[0] != parts[1] else {
        say("raw compilation CSV: --flow \(flow) is not a flow to or from Russia; skipped")
        return
    }
    let (code, type) = parts[1] == "RU" ? (parts[0], "In") : (parts[1], "Out")
    let rawNewest = files.compactMap(modified).max() ?? .distantFuture

    say("crossings scale benchmark: the raw compilation CSV, \(grouped(n)) rows (issue 15)")
    say("  \(rawDir): Russia_in_master.csv + Russia_out_master.csv, \(String(format: "%.1f", Double(bytes) / 1_048_576)) MB (ENG,Trans,Type,Value,ISO_A2,ISO_A3,M49,Date)")
    say("  question: yearly totals of \(flow) (ISO_A2 = '\(code)', Type = '\(type)'), every year; median of \(runs) run\(runs == 1 ? "" : "s"), each a fresh process")
    say(String(repeating: "-", count: 96))

    // 1. The import, once (reused while newer than the raw files), timed apart from the answer.
    let imported = "\(rawDir)/imported"
    let importRecord = "\(rawDir)/import-measurement.txt"
    var results: [Result] = []
    var answers: [String: Yearly?] = [:]
    if !options.skip.contains("crossings") {
        guard executable(crossingsBinary) else {
            say("crossings: no binary beside this benchmark at \(crossingsBinary)")
            return
        }
        let importedFile = "\(imported)/observations-russia-in-out.csv"
        let fresh = (modified(importRecord).map { $0 > rawNewest } ?? false) && FileManager.default.fileExists(atPath: importedFile)
        if !fresh {
            FileHandle.standardError.write(Data("importing \(rawDir) into \(imported) …\n".utf8))
            let m = spawn([crossingsBinary, "import", "russia-in-out"] + files + ["--into", imported, "--force"],
                          stdout: "\(work)/import.out", stderr: "\(work)/import.err")
            guard m.status == 0 else {
                let err = (try? String(contentsOfFile: "\(work)/import.err", encoding: .utf8)) ?? ""
                say("crossings import russia-in-out: FAILED (exit \(m.status)) " + (err.split(separator: "\n").last.map(String.init) ?? ""))
                return
            }
            try? String(format: "%.3f %.1f\n", m.seconds, m.peakMB).write(toFile: importRecord, atomically: true, encoding: .utf8)
        }
        let record = ((try? String(contentsOfFile: importRecord, encoding: .utf8)) ?? "").split(separator: " ").compactMap { Double($0.trimmingCharacters(in: .whitespacesAndNewlines)) }
        if record.count == 2 {
            say(pad("crossings import russia-in-out (once, not in the answer)", 62) + String(format: "%9.2f s   peak %.0f MB", record[0], record[1])
                + (fresh ? "   (measured when it was made; reused)" : ""))
        }
        let out = "\(work)/crossings.csv"
        let argv = [crossingsBinary, "figures", "--data", imported, "--flow", flow, "--by", "year", "--measure", "total", "--format", "csv"]
        results.append(Result(tool: "crossings figures (imported package)", runs: repeated(runs) { spawn(argv, stdout: out, stderr: "\(work)/crossings.err") }))
        answers["crossings"] = parseYearly(out, yearColumn: "period", valueColumn: "value") { $0["measure"] == "total" }
    }

    // 2. DuckDB on the raw CSVs: load both files into a table, then answer. Value and Date are
    //    read as text ("6,734", 3/31/2010) and parsed by the query, as a user of this file must.
    let select = "SELECT CAST(split_part(Date, '/', 3) AS INTEGER) AS y, sum(CAST(replace(Value, ',', '') AS BIGINT)) AS total FROM o "
        + "WHERE ISO_A2 = \(sqlString(code)) AND Type = \(sqlString(type)) GROUP BY y ORDER BY y;"
    let readRaw = "read_csv([\(files.map(sqlString).joined(separator: ", "))], types = {'Value': 'VARCHAR', 'Date': 'VARCHAR', 'ISO_A2': 'VARCHAR'})"
    var duckFile: Result?
    if options.skip.contains("duckdb") {
    } else if let duckdb {
        let sql = "CREATE TABLE o AS SELECT * FROM \(readRaw); " + select
        let out = "\(work)/duckdb.csv"
        results.append(Result(tool: "DuckDB \(duckdb.version) CLI, raw CSV (table + query)",
                              runs: repeated(runs) { spawn([duckdb.path, "-csv", "-c", sql], stdout: out, stderr: "\(work)/duckdb.err") }))
        answers["DuckDB (raw CSV)"] = parseYearly(out, yearColumn: "y", valueColumn: "total")

        // 3. DuckDB from its own database file of the same rows, made once (reused while newer
        //    than the raw files): a fresh shell opening the file and answering.
        let db = "\(rawDir)/rows.duckdb"
        if !(modified(db).map { $0 > rawNewest } ?? false) {
            unlink(db)
            unlink(db + ".wal")
            let m = spawn([duckdb.path, db, "-c", "CREATE TABLE o AS SELECT * FROM \(readRaw); CHECKPOINT;"], stderr: "\(work)/duckdb-db.err")
            if m.status != 0 { say("DuckDB: could not write its database file \(db) (exit \(m.status))") }
        }
        let dbOut = "\(work)/duckdb-db.csv"
        let r = Result(tool: "DuckDB \(duckdb.version) CLI, its own database file",
                       runs: repeated(runs) { spawn([duckdb.path, "-readonly", db, "-csv", "-c", select], stdout: dbOut, stderr: "\(work)/duckdb-db.err") })
        answers["DuckDB (database file)"] = parseYearly(dbOut, yearColumn: "y", valueColumn: "total")
        results.append(r)
        duckFile = r
    } else {
        say("DuckDB: not installed (pip install duckdb-cli)")
    }

    // 4. VisiData in batch mode on the raw file that holds the flow's rows.
    if options.skip.contains("visidata") {
    } else if let visidata {
        let file = files[type == "In" ? 0 : 1]
        let sheet = ((file as NSString).lastPathComponent as NSString).deletingPathExtension
        let selected = sheet + "_selectedref"
        let out = "\(work)/visidata.csv"
        let valueExpr = "int(Value.replace(',', ''))", yearExpr = "Date.split('/')[2]"
        let script = [
            "#!vd -p",
            visidataCommand("", "", "open-file", file),
            visidataCommand(sheet, "", "select-expr", "ISO_A2 == '\(code)' and Type == '\(type)'"),
            visidataCommand(sheet, "", "dup-selected", ""),
            visidataCommand(selected, "Value", "addcol-expr", valueExpr),
            visidataCommand(selected, valueExpr, "rename-col", "v"),
            visidataCommand(selected, "v", "type-int", ""),
            visidataCommand(selected, "Date", "addcol-expr", yearExpr),
            visidataCommand(selected, yearExpr, "rename-col", "y"),
            visidataCommand(selected, "v", "aggregate-col", "sum"),
            visidataCommand(selected, "y", "freq-col", ""),
            visidataCommand(selected + "_y_freq", "", "save-sheet", out),
        ].joined(separator: "\n") + "\n"
        let scriptPath = "\(work)/raw-sum-by-year.vdj"
        try? script.write(toFile: scriptPath, atomically: true, encoding: .utf8)
        results.append(Result(tool: "VisiData \(visidata.version) batch, raw CSV",
                              runs: repeated(runs) {
                                  unlink(out)
                                  return spawn([visidata.path, "-b", "-p", scriptPath], stderr: "\(work)/visidata.err")
                              }))
        answers["VisiData (raw CSV)"] = parseYearly(out, yearColumn: "y", valueColumn: "v_sum")
    } else {
        say("VisiData: not installed (pip install visidata)")
    }

    // The table: each tool against DuckDB on the raw CSV, the comparison the goal is set on.
    let duck = results.first { $0.tool.contains("raw CSV (table") && !$0.failed }?.median
    say(pad("tool", 52) + lpad("wall s", 9) + lpad("peak MB", 9) + lpad("time ×DuckDB raw", 18) + lpad("memory ×DuckDB raw", 20))
    for r in results {
        let m = r.median
        if r.failed {
            say(pad(r.tool, 52) + "  FAILED (exit \(m.status))")
            continue
        }
        let tr = duck.map { String(format: "%.2f", m.seconds / $0.seconds) } ?? "–"
        let mr = duck.map { String(format: "%.2f", m.peakMB / $0.peakMB) } ?? "–"
        say(pad(r.tool, 52) + lpad(String(format: "%.2f", m.seconds), 9) + lpad(String(format: "%.0f", m.peakMB), 9) + lpad(tr, 18) + lpad(mr, 20))
    }
    if let ours = answers["crossings"] {
        for name in ["DuckDB (raw CSV)", "DuckDB (database file)", "VisiData (raw CSV)"] where answers[name] != nil {
            say("answer check: " + compare(name, answers[name]!, with: ours))
        }
    }
    func verdict(_ ok: Bool) -> String { ok ? "met" : "MISSED" }
    let base = results.first { $0.tool.hasPrefix("crossings") && !$0.failed }?.median
    say("goals (issue 15, at 1M and 5M rows):")
    if let base, let duck {
        let t = base.seconds / duck.seconds, m = base.peakMB / duck.peakMB
        say("  " + pad("time   ≤ 0.5× DuckDB's on the raw CSV", 40) + pad(String(format: "crossings %.2f s, DuckDB %.2f s: %.2f×", base.seconds, duck.seconds, t), 48) + verdict(t <= 0.5))
        say("  " + pad("memory ≤ 0.5× DuckDB's on the raw CSV", 40) + pad(String(format: "crossings %.0f MB, DuckDB %.0f MB: %.2f×", base.peakMB, duck.peakMB, m), 48) + verdict(m <= 0.5))
    } else {
        say("  time and memory against DuckDB on the raw CSV: not measured")
    }
    if let base, let file = duckFile, !file.failed {
        let d = file.median.seconds
        say("  " + pad("re-open ≤ 0.5× DuckDB from its file", 40)
            + pad(String(format: "DuckDB %.2f s, so at most %.2f s; crossings (no cache yet) %.2f s: %.2f×", d, d / 2, base.seconds, base.seconds / d), 48)
            + " " + verdict(base.seconds <= d / 2))
    }
    say()
}
