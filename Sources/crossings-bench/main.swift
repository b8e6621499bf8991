// Times the explorer on the bundled data: the first frame (load + state + render)
// and each key (update + render), median and worst over a few thousand keys;
// then `crossings check` on a 2,000-word draft, startup included.
//
//   swift run -c release crossings-bench            # the table
//   swift run crossings-bench --show 80x24 t j Enter  # one screen as text, after keys
//   swift run -c release crossings-bench --data DIR   # the same on a data package, by kind of key
//   swift run -c release crossings-bench --data DIR --sources  # the Sources view and its largest page, key by key
//   swift run -c release crossings-bench --skip-hostile # without `check` on hostile input (issue 10)
//   swift run -c release crossings-bench --hostile      # only that table (peak memory measured from a small parent)
//   swift run -c release crossings-bench --print-draft > d.md  # the 2,000-word draft, to profile `crossings check d.md`
//   swift run -c release crossings-bench --lsp          # only `crossings lsp`: re-check after a one-word edit (goal ≤ 20 ms)
import BundledData
import CrossingsCore
import CrossingsTerminal
import CrossingsUI
import Foundation

func now() -> UInt64 { DispatchTime.now().uptimeNanoseconds }
func ms(_ ns: UInt64) -> Double { Double(ns) / 1_000_000 }
/// CPU time of this thread: unlike the wall clock, not stretched when other programs share the cores.
func cpuNow() -> UInt64 {
    var t = timespec()
    clock_gettime(CLOCK_THREAD_CPUTIME_ID, &t)
    return UInt64(t.tv_sec) * 1_000_000_000 + UInt64(t.tv_nsec)
}

/// Keys as tmux names them, or characters typed one by one (see `Key.keys`).
func keys(_ word: String) -> [Key] { Key.keys(word) }

/// `--data DIR`: time the explorer on that package instead of the bundled one.
let dataDirectory: String? = {
    let all = Array(CommandLine.arguments.dropFirst())
    guard let i = all.firstIndex(of: "--data"), i + 1 < all.count else { return nil }
    return all[i + 1]
}()
let arguments: [String] = {
    var all = Array(CommandLine.arguments.dropFirst())
    if let i = all.firstIndex(of: "--data"), i + 1 < all.count { all.removeSubrange(i...(i + 1)) }
    return all
}()

func loadData(_ directory: String?) throws -> Dataset {
    if let directory { return try PackageLoader.load(directory: directory) }
    return try PackageLoader.load(files: BundledData.files, origin: "data")
}

if arguments.first == "--show", arguments.count >= 2 {
    let dims = arguments[1].split(separator: "x").compactMap { Int($0) }
    let size = Size(width: dims.first ?? 80, height: dims.last ?? 24)
    let data = try loadData(dataDirectory)
    var state = State(data: data, size: size)
    for word in arguments.dropFirst(2) { for k in keys(word) { state = advance(state, .key(k)).state } }
    print(render(state, size).text)
    exit(0)
}

// `--hostile`: only the hostile-input table, from a process that stays small (a spawned child's
// peak memory starts at its parent's).
if arguments.first == "--hostile" {
    let beside = URL(fileURLWithPath: CommandLine.arguments[0]).resolvingSymlinksInPath().deletingLastPathComponent().appendingPathComponent("crossings")
    try benchHostile(beside.path)
    exit(0)
}

if arguments.first == "--lsp" {
    try benchLSP()
    exit(0)
}

let sizes = [Size(width: 80, height: 24), Size(width: 120, height: 40)]

/// The value after a flag (`--random 10000`), if given.
func option(_ name: String) -> String? {
    guard let i = arguments.firstIndex(of: name), i + 1 < arguments.count else { return nil }
    return arguments[i + 1]
}

if let dataDirectory {
    // `--random N [--seed S]`: only the random walk, in a fresh process (so its peak is its own).
    // `--idle SECONDS`: only the idle explorer, its memory each second while rankings are prepared.
    // `--sources`: only the Sources view and its largest source's page, key by key, with memory.
    let seed = option("--seed").flatMap { UInt64($0) } ?? 11
    if let n = option("--random").flatMap({ Int($0) }) {
        benchRandomWalk(dataDirectory, keys: n, seed: seed)
    } else if arguments.contains("--sources") {
        benchSources(dataDirectory)
    } else if let seconds = option("--idle").flatMap({ Int($0) }) {
        benchIdle(dataDirectory, seconds: seconds)
    } else {
        benchPackage(dataDirectory)
        benchRandomWalk(dataDirectory, keys: 10_000, seed: seed)
    }
    exit(0)
}

func row(_ what: String, _ value: Double, _ goal: String) -> String {
    what.padding(toLength: 58, withPad: " ", startingAt: 0) + String(format: "%9.3f ms", value) + (goal.isEmpty ? "" : "   " + goal)
}

// A walk through every view: moves, drill-downs, flows, periods, filters, help.
let script: [Key] = [
    .down, .down, .up, .enter, .down, .down, .down, .enter, .down, .down, .pageDown, .backspace, .backspace,
    .char("t"), .down, .char("c"), .backspace, .char("t"), .char("t"), .char("f"), .pageUp, .char("f"),
    .char("/"), .char("2"), .char("0"), .char("2"), .char("4"), .enter, .char("n"), .char("N"), .escape,
    .char("2"), .down, .down, .enter, .down, .escape, .char("p"), .char("3"), .down, .enter, .pageDown, .backspace,
    .char("1"), .char("G"), .char("g"), .char("?"), .down, .escape, .char("m"), .down, .right, .escape,
    .char("m"), .char("x"), .escape, .char("y"), .end, .home,
    // The heaviest pages: a year derived from 20 observations, and the largest source.
    .char("1"), .char("t"), .char("t"), .char("g"), .char("c"), .pageDown, .pageDown, .end, .backspace, .char("t"),
    .char("3"), .end, .enter, .pageDown, .end, .char("/"), .char("a"), .char("i"), .char("r"), .escape, .backspace,
]

for size in sizes {
    // Each size starts cold: a fresh load, state and caches.
    let t0 = now()
    let data = try PackageLoader.load(files: BundledData.files, origin: "data")
    let t1 = now()
    var state = State(data: data, size: size)
    let t2 = now()
    var screen = render(state, size)
    let t3 = now()
    let total = 3000
    var times: [UInt64] = []
    times.reserveCapacity(total)
    var worstKey = Key.down
    var worst: UInt64 = 0
    for i in 0..<total {
        let key = script[i % script.count]
        let a = now()
        state = advance(state, .key(key)).state
        screen = render(state, size)
        let d = now() - a
        times.append(d)
        if d > worst { worst = d; worstKey = key }
    }
    times.sort()
    let median = times[times.count / 2]
    let p99 = times[times.count * 99 / 100]
    print("crossings explorer benchmark: bundled data (\(data.observations.count) figures), \(size) screen")
    print(String(repeating: "-", count: 90))
    print(row("load bundled data", ms(t1 - t0), ""))
    print(row("build state", ms(t2 - t1), ""))
    print(row("render first frame", ms(t3 - t2), ""))
    print(row("time to first frame (load+state+render)", ms(t3 - t0), ms(t3 - t0) < 30 ? "goal < 30 ms: met" : "goal < 30 ms: MISSED"))
    print(row("key + redraw, median of \(total)", ms(median), ""))
    print(row("key + redraw, 99th percentile", ms(p99), ""))
    print(row("key + redraw, worst (\(worstKey.label))", ms(worst), ms(worst) < 16 ? "goal < 16 ms: met" : "goal < 16 ms: MISSED"))
    print()
    _ = screen
}

// MARK: crossings check

/// A 2,000-word draft: claims of every kind (true, false, shifted, approximate, unknown) among ordinary prose.
func draft(words: Int) -> String {
    let sentences = [
        "During 2024, 13,221 North Korean citizens entered Russia, about 12 times more than the year before.",
        "In the first quarter of 2025 only around 300 North Koreans crossed into Russia, with a mere three citing education.",
        "Russians made 9,985 trips to North Korea in 2025, up from 6,469 in 2024 and 1,238 in 2023.",
        "Of those travellers, 5,075 went as tourists, and transport crews accounted for 3,080.",
        "Most went by air: 6,371 arrivals, with 3,453 by rail and 161 by sea.",
        "In 2024, 20,000 North Koreans entered Russia, according to one estimate that does not hold up.",
        "North Korean arrivals in Russia reached 5,263 in the third quarter of 2019.",
        "In the second quarter of 2026, 4,000 North Koreans entered Russia.",
        "The rouble fell 12% in 2024, a 30-year-old analyst said on 7 May 2025, after Moscow paid $1.5 million.",
        "Officials in both capitals described the talks as constructive, and said that cooperation would continue in many fields.",
        "The ministry declined to comment on the figures, which it said were published by the border service.",
    ]
    var out = "# Draft\n\n"
    var count = 0, i = 0
    while count < words {
        let s = sentences[i % sentences.count]
        out += s + (i % 4 == 3 ? "\n\n" : " ")
        count += s.split(separator: " ").count
        i += 1
    }
    return out
}

let text = draft(words: 2000)
// `--print-draft`: the draft itself, to profile `crossings check` on it (perf, callgrind).
if CommandLine.arguments.contains("--print-draft") { print(text); exit(0) }
let wordCount = text.split(whereSeparator: { $0 == " " || $0 == "\n" }).count
print("crossings check benchmark: a \(wordCount)-word draft")
print(String(repeating: "-", count: 90))
do {
    var inProcess: [UInt64] = []
    var claims = 0
    for _ in 0..<20 {
        let a = now()
        let data = try PackageLoader.load(files: BundledData.files, origin: "data")
        claims = Checker(data).check(document: text).count
        inProcess.append(now() - a)
    }
    inProcess.sort()
    print(row("load + check in process, median of 20 (\(claims) claims)", ms(inProcess[10]), ""))
}
let binary = URL(fileURLWithPath: CommandLine.arguments[0]).resolvingSymlinksInPath().deletingLastPathComponent().appendingPathComponent("crossings")
if FileManager.default.isExecutableFile(atPath: binary.path) {
    let file = FileManager.default.temporaryDirectory.appendingPathComponent("crossings-bench-draft-\(getpid()).md")
    try Data(text.utf8).write(to: file)
    defer { try? FileManager.default.removeItem(at: file) }
    var runs: [UInt64] = []
    // posix_spawn and waitpid, as a shell would: Foundation's Process adds its own run-loop overhead.
    let argv = [binary.path, "check", "--format", "line", file.path]
    var actions = posix_spawn_file_actions_t()
    posix_spawn_file_actions_init(&actions)
    posix_spawn_file_actions_addopen(&actions, 1, "/dev/null", O_WRONLY, 0)
    posix_spawn_file_actions_addopen(&actions, 2, "/dev/null", O_WRONLY, 0)
    for _ in 0..<20 {
        let cArgs = argv.map { strdup($0) } + [nil]
        var pid: pid_t = 0
        let a = now()
        let rc = posix_spawn(&pid, binary.path, &actions, nil, cArgs, environ)
        var status: Int32 = 0
        if rc == 0 { waitpid(pid, &status, 0) }
        runs.append(now() - a)
        for p in cArgs { free(p) }
    }
    posix_spawn_file_actions_destroy(&actions)
    runs.sort()
    let median = ms(runs[10]), worst = ms(runs[runs.count - 1])
    print(row("crossings check FILE, startup included, median of 20", median, median < 50 ? "goal < 50 ms: met" : "goal < 50 ms: MISSED"))
    print(row("crossings check FILE, startup included, worst", worst, ""))
} else {
    print("(no crossings binary beside this benchmark at \(binary.path): build it with the same configuration to time a whole run)")
}

// MARK: crossings check on hostile input (issue 10)

/// Drafts no editor would write: each run as `crossings check --format line FILE` in a fresh
/// process, timed with its peak memory (ru_maxrss from wait4) and exit status.
func hostileInputs() -> [(String, [UInt8])] {
    var random = SplitMix64(seed: 10)
    let mb = 1 << 20
    func repeated(_ s: String, toBytes n: Int) -> [UInt8] {
        let unit = Array(s.utf8)
        var out: [UInt8] = []
        out.reserveCapacity(n)
        while out.count < n { out += unit }
        return Array(out.prefix(n))
    }
    let prose = draft(words: 2000).replacingOccurrences(of: "# Draft\n\n", with: "")
    var noStop = ""
    let clauses = ["about 13,221 North Koreans entered Russia in 2024", "some 5,000 Russians visited North Korea",
                   "during the first quarter of 2025", "while officials in both capitals said little"]
    while noStop.utf8.count < 5 * mb { noStop += clauses[Int(random.next() % 4)] + (random.next() % 3 == 0 ? ", " : " and ") }
    var digits = [UInt8](repeating: 0, count: 5 * mb)
    for i in digits.indices { digits[i] = 0x30 + UInt8(random.next() % 10) }
    var binary = [UInt8](repeating: 0, count: mb)
    for i in binary.indices { binary[i] = UInt8(truncatingIfNeeded: random.next()) }
    let invalid = Array("In 2024, 13,221 North Koreans ".utf8) + [0xFF, 0xFE] + Array(" entered Russia.\n".utf8)
    let nul = repeated("In 2024, 13,221 North\u{0} Koreans entered Russia.\u{0}\u{0} ", toBytes: mb / 2) + [UInt8](repeating: 0, count: mb / 2)
    let escapes = repeated("In 2024, 20,000 North Koreans \u{1B}[2J\u{1B}[31m entered Russia.\u{1B}]0;title\u{7} ", toBytes: mb)
    // Real article prose as one line: the five source articles (../shared/sources beside the project,
    // when there) and the 2,000-word draft, line breaks made spaces, joined by spaces up to 1 MB.
    let sourcesDirectory = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
        .deletingLastPathComponent().deletingLastPathComponent().appendingPathComponent("shared/sources")
    let articles = ((try? FileManager.default.contentsOfDirectory(atPath: sourcesDirectory.path)) ?? [])
        .filter { $0.hasSuffix(".txt") || $0.hasSuffix(".md") }.sorted()
        .compactMap { try? String(contentsOf: sourcesDirectory.appendingPathComponent($0), encoding: .utf8) }
    let oneLine = (articles + [draft(words: 2000)]).map { $0.replacingOccurrences(of: "\r", with: "").replacingOccurrences(of: "\n", with: " ") }
        .joined(separator: " ")
    var realProse = Array(oneLine.utf8)
    while realProse.count < mb { realProse += [0x20] + Array(oneLine.utf8) }
    realProse = Array(realProse.prefix(mb))
    while String(validating: realProse, as: UTF8.self) == nil { realProse.removeLast() }  // not inside a character
    return [
        ("5 MB of prose (the 2,000-word draft repeated)", repeated(prose, toBytes: 5 * mb)),
        ("5 MB of digits, one line", digits),
        ("5 MB with no full stop, one paragraph", Array(noStop.utf8)),
        ("1 MB single line of sentences", repeated(prose.replacingOccurrences(of: "\n", with: " "), toBytes: mb)),
        ("1 MB single line of real prose (\(articles.count) articles)", realProse),
        ("invalid UTF-8 (refused, exit 2)", invalid),
        ("1 MB of random bytes (refused, exit 2)", binary),
        ("10,000 \"hundred\"s in a row", Array(("In 2024, one" + String(repeating: " hundred", count: 10_000) + " North Koreans entered Russia.\n").utf8)),
        ("a 100,000-digit number", Array(("In 2024, " + String(repeating: "9", count: 100_000) + " North Koreans entered Russia.\n").utf8)),
        ("1 MB with NUL bytes", nul),
        ("1 MB with terminal escape sequences", escapes),
        ("\"1,\" 32,768 times, no space", Array(("North Koreans entered Russia in 2024: " + String(repeating: "1,", count: 32_768) + "\n").utf8)),
        ("100,000 numbers in one sentence", Array(("North Koreans entered Russia in 2024: " + (0..<100_000).map { String(1000 + $0 % 9000) }.joined(separator: " ") + "\n").utf8)),
    ]
}

/// Runs the binary with these arguments, output to /dev/null: wall time, peak RSS in MB, exit status.
func spawnMeasured(_ binary: String, _ arguments: [String]) -> (ms: Double, peakMB: Double, status: Int32) {
    var actions = posix_spawn_file_actions_t()
    posix_spawn_file_actions_init(&actions)
    posix_spawn_file_actions_addopen(&actions, 1, "/dev/null", O_WRONLY, 0)
    posix_spawn_file_actions_addopen(&actions, 2, "/dev/null", O_WRONLY, 0)
    defer { posix_spawn_file_actions_destroy(&actions) }
    let cArgs = ([binary] + arguments).map { strdup($0) } + [nil]
    defer { for p in cArgs { free(p) } }
    var pid: pid_t = 0
    let a = now()
    guard posix_spawn(&pid, binary, &actions, nil, cArgs, environ) == 0 else { return (0, 0, -1) }
    var status: Int32 = 0
    var usage = rusage()
    wait4(pid, &status, 0, &usage)
    let elapsed = ms(now() - a)
    let exit = (status & 0x7F) == 0 ? (status >> 8) & 0xFF : 128 + (status & 0x7F)
    return (elapsed, Double(usage.ru_maxrss) / 1024, exit)
}

/// The hostile-input table: `crossings` (beside this benchmark) on each input in a fresh process.
func benchHostile(_ binary: String) throws {
    print("crossings check on hostile input (issue 10): one run each, startup included")
    print(String(repeating: "-", count: 90))
    let inputs = hostileInputs()
    // The benchmark's own peak (inputs made) is where a spawned child's ru_maxrss starts (docs/performance.md).
    var own = rusage()
    getrusage(RUSAGE_SELF.rawValue, &own)
    print("(this benchmark's own peak, a floor for the figures below: \(Int(Double(own.ru_maxrss) / 1024)) MB)")
    for (what, bytes) in inputs {
        let file = FileManager.default.temporaryDirectory.appendingPathComponent("crossings-bench-hostile-\(getpid()).txt")
        try Data(bytes).write(to: file)
        defer { try? FileManager.default.removeItem(at: file) }
        let r = spawnMeasured(binary, ["check", "--format", "line", file.path])
        print(what.padding(toLength: 46, withPad: " ", startingAt: 0)
              + String(format: "%10.0f ms %8.1f MB peak   exit %d", r.ms, r.peakMB, r.status))
    }
}

if FileManager.default.isExecutableFile(atPath: binary.path) && !arguments.contains("--skip-hostile") {
    print()
    try benchHostile(binary.path)
}

// MARK: --data DIR

/// The explorer on a data package: load, prepare, first frame, then every kind of key,
/// each timed as update + render. Each round picks other countries, so caches start cold.
func benchPackage(_ directory: String) {
    // CROSSINGS_BENCH_TRACE=1 prints every key over 4 ms as it happens.
    let trace = ProcessInfo.processInfo.environment["CROSSINGS_BENCH_TRACE"] == "1"
    for size in sizes {
        let t0 = now()
        let data: Dataset
        do { data = try PackageLoader.load(directory: directory) } catch {
            print("crossings-bench: \(directory): \(error)")
            exit(2)
        }
        let t1 = now()
        let library = Library(data)
        // As the explorer does: the shelf of rankings prepared ahead first, then the first screens.
        let prefetch = RankingPrefetch(library)
        let t2 = now()
        library.warm()
        let t3 = now()
        var state = State(library: library, size: size)
        var screen = render(state, size)
        let t4 = now()
        var atFirstFrame = rusage()
        getrusage(RUSAGE_SELF.rawValue, &atFirstFrame)
        // As the explorer does: every other ranking is worked out on another thread meanwhile.
        prefetch.start()
        defer { prefetch.stop() }
        var times: [String: [UInt64]] = [:]
        var worst: (UInt64, String) = (0, "")
        var worstCPU: (UInt64, String) = (0, "")
        var cpu: [UInt64] = []
        func press(_ kind: String, _ key: Key) {
            let a = now(), c = cpuNow()
            state = advance(state, .key(key)).state
            screen = render(state, size)
            let d = now() - a, dc = cpuNow() - c
            cpu.append(dc)
            if dc > worstCPU.0 { worstCPU = (dc, "\(kind): \(key.label)") }
            times[kind, default: []].append(d)
            if d > worst.0 { worst = (d, "\(kind): \(key.label)") }
            if trace, d > 4_000_000 { print(String(format: "  slow key %7.3f ms  %@: %@  (view %d, page %@, %@)", ms(d), kind, key.label, state.view.rawValue, "\(state.current.page)", "\(state.flow) \(state.compare.map { "vs \($0)" } ?? "") \(state.granularity)")) }
        }
        func type(_ kind: String, _ text: String) { for c in text { press(kind, .char(c)) } }
        let countries = library.countries
        let rounds = min(40, countries.count)
        for round in 0..<rounds {
            // A country from across the list, searched by its name.
            let country = countries[(round * 37) % countries.count]
            let other = countries[(round * 53 + 11) % countries.count]
            press("open the picker (o)", .char("o"))
            type("type in the picker", String(country.name.prefix(5)))
            press("type in the picker", .backspace)
            press("move", .down)
            press("move", .up)
            press("select in the picker (Enter)", .enter)
            for _ in 0..<4 { press("move", .char("k")) }
            press("move", .pageUp)
            press("move", .end)
            press("filter keystroke", .char("/"))
            type("filter keystroke", "201")
            press("filter keystroke", .escape)
            press("drill down (Enter, c)", .enter)
            press("move", .down)
            press("drill down (Enter, c)", .char("c"))
            press("back", .backspace)
            press("back", .backspace)
            press("periods (t)", .char("t"))
            press("periods (t)", .char("t"))
            press("periods (t)", .char("t"))
            press("next flow (f)", .char("f"))
            press("side by side (x, s)", .char("x"))
            press("move", .char("k"))
            press("side by side (x, s)", .char("s"))
            type("type in the picker", String(other.code))
            press("select in the picker (Enter)", .enter)
            press("side by side (x, s)", .char("C"))
            press("back", .backspace)
            press("side by side (x, s)", .char("S"))
            press("ranking (4, [, ], t, x)", .char("4"))
            for _ in 0..<3 { press("move", .down) }
            press("ranking (4, <, >, t, x)", round % 2 == 0 ? .char("<") : .char(">"))
            if round % 5 == 0 { press("ranking (4, [, ], t, x)", .char("t")) }
            if round % 3 == 0 { press("ranking (4, [, ], t, x)", .char("x")) }
            press("move", .pageDown)
            press("drill down (Enter, c)", .char("c"))
            press("back", .backspace)
            press("ranking: Enter opens Counts", .enter)
        }
        let t5 = now()
        print("crossings explorer benchmark: \(directory) (\(data.flows.count) flows, \(data.observations.count) observations), \(size) screen")
        print(String(repeating: "-", count: 90))
        print(row("load the package", ms(t1 - t0), ""))
        print(row("index for the explorer (Library)", ms(t2 - t1), ""))
        print(row("prepare first screens and rankings (warm)", ms(t3 - t2), ""))
        print(row("build state + render first frame", ms(t4 - t3), ""))
        print(row("time to first frame (all of the above)", ms(t4 - t0), ""))
        var all: [UInt64] = []
        for (kind, list) in times.sorted(by: { $0.key < $1.key }) {
            let sorted = list.sorted()
            all += list
            let worstOne = ms(sorted[sorted.count - 1])
            print(row("\(kind), median / worst of \(list.count)", ms(sorted[sorted.count / 2]), String(format: "worst %7.3f ms", worstOne)))
        }
        all.sort()
        print(row("every key + redraw, median of \(all.count)", ms(all[all.count / 2]), ""))
        print(row("every key + redraw, 99th percentile", ms(all[all.count * 99 / 100]), ""))
        print(row("every key + redraw, worst (\(worst.1))", ms(worst.0), ms(worst.0) < 16 ? "goal < 16 ms: met" : "goal < 16 ms: MISSED"))
        cpu.sort()
        print(row("every key, CPU time: 99th percentile", ms(cpu[cpu.count * 99 / 100]), ""))
        print(row("every key, CPU time: worst (\(worstCPU.1))", ms(worstCPU.0), ms(worstCPU.0) < 16 ? "goal < 16 ms: met" : "goal < 16 ms: MISSED"))
        print(row("(\(rounds) rounds of keys in all)", ms(t5 - t4), ""))
        // Memory after every key: the explorer's caches have budgets (issue 11), so this stays bounded.
        var usage = rusage()
        getrusage(RUSAGE_SELF.rawValue, &usage)
        let peak = Double(usage.ru_maxrss) / 1024
        print("peak memory at the first frame (RSS)".padding(toLength: 58, withPad: " ", startingAt: 0)
              + String(format: "%9.1f MB", Double(atFirstFrame.ru_maxrss) / 1024))
        print("peak memory after \(all.count) keys (RSS)".padding(toLength: 58, withPad: " ", startingAt: 0)
              + String(format: "%9.1f MB", peak) + (peak < 300 ? "   goal < 300 MB: met" : "   goal < 300 MB: MISSED"))
        // The heaviest question behind a key: a ranking not worked out ahead (every country's value
        // and its change on a year earlier), on a fresh library: what `<` costs before the thread has got there.
        let fresh = Library(data)
        for (label, periods) in [("year", library.years.map { Period.year($0) }), ("quarter", library.years.map { Period.quarter($0, 2) })] {
            var cold: [UInt64] = []
            for p in periods {
                let a = cpuNow()
                _ = fresh.ranking(period: p, direction: .entries)
                cold.append(cpuNow() - a)
            }
            cold.sort()
            print(row("a \(label)'s ranking not prepared ahead, CPU, median / worst", ms(cold[cold.count / 2]), String(format: "worst %7.3f ms", ms(cold[cold.count - 1]))))
        }
        print()
        _ = screen
    }
}

// MARK: memory (issue 11)

/// Resident memory now, in MB (/proc/self/statm), or nil where there is no /proc.
func residentMB() -> Double? {
    guard let text = try? String(contentsOfFile: "/proc/self/statm", encoding: .utf8) else { return nil }
    let fields = text.split(separator: " ")
    guard fields.count > 1, let pages = Double(fields[1]) else { return nil }
    return pages * Double(sysconf(Int32(_SC_PAGESIZE))) / 1_048_576
}

/// The process's peak resident memory so far, in MB.
func peakMB() -> Double {
    var usage = rusage()
    getrusage(RUSAGE_SELF.rawValue, &usage)
    return Double(usage.ru_maxrss) / 1024
}

/// The Sources view and the page of the source with the most figures, a key at a time, each with
/// its time (update + render), RSS and the process peak: the pages that once were built whole
/// (675,000 lines on the large synthetic package, 17 s; issue 11).
func benchSources(_ directory: String) {
    let size = Size(width: 120, height: 40)
    let t0 = now()
    let data = loadOrExit(directory)
    let library = Library(data)
    var state = State(library: library, size: size)
    var screen = render(state, size)
    print("crossings explorer: the Sources view and its largest page on \(directory) (\(data.observations.count) observations), \(size) screen")
    print(String(repeating: "-", count: 90))
    func line(_ what: String, _ ns: UInt64) {
        print(what.padding(toLength: 36, withPad: " ", startingAt: 0)
              + String(format: "%10.1f ms %9.1f MB RSS %9.1f MB peak", ms(ns), residentMB() ?? 0, peakMB()))
    }
    line("load + first frame", now() - t0)
    func press(_ what: String, _ words: [String]) {
        let a = now()
        for w in words { for k in keys(w) { state = advance(state, .key(k)).state; screen = render(state, size) } }
        line(what, now() - a)
    }
    press("3: the Sources view (+ preview)", ["3"])
    let counts = data.observations.countsBySource()
    if let largest = counts.max(by: { $0.value < $1.value })?.key,
       let row = data.sources.firstIndex(where: { $0.id == largest }) {
        // The Sources view lists the sources in their order, one line each.
        let moves = Array(repeating: "Down", count: row)
        if !moves.isEmpty { press("↓ to \(largest) (\(counts[largest] ?? 0))", moves) }
    }
    press("Enter: the source's page", ["Enter"])
    press("End", ["End"])
    press("PgUp", ["PgUp"])
    press("Home", ["Home"])
    press("/ 2 (filter, first keystroke)", ["/", "2"])
    press("0 1 9 (typing on)", ["0", "1", "9"])
    press("Enter n n (keep, next matches)", ["Enter", "n", "n"])
    press("Esc (clear the filter)", ["Esc"])
    press("y (copy)", ["y"])
    press("Enter (citations of the figure)", ["Enter"])
    press("Backspace (back to the page)", ["BSpace"])
    // What `/` spends on each figure's text, step by step (CROSSINGS_BENCH_TEXT=1).
    if ProcessInfo.processInfo.environment["CROSSINGS_BENCH_TEXT"] == "1", let largest = counts.max(by: { $0.value < $1.value })?.key {
        let rows = data.observations.rowsInKeyOrder(citing: largest)
        var sink = 0
        var a = now()
        for r in rows { sink &+= data.observations[Int(r)].value }
        line("  observations[row]", now() - a)
        a = now()
        for r in rows { let o = data.observations[Int(r)]; sink &+= "\(o.locator) \(o.key) \(o.reported.display) \(o.printed)".utf8.count }
        line("  + text", now() - a)
        a = now()
        for r in rows { let o = data.observations[Int(r)]; sink &+= o.reported.display.utf8.count }
        line("  display alone", now() - a)
        a = now()
        for r in rows { let o = data.observations[Int(r)]; sink &+= o.key.description.utf8.count }
        line("  key alone", now() - a)
        a = now()
        for r in rows { let o = data.observations[Int(r)]; sink &+= "\(o.locator) \(o.key) \(o.reported.display) \(o.printed)".lowercased().contains("2019") ? 1 : 0 }
        line("  + lowercased + contains", now() - a)
        print(sink == 42 ? "" : " ")
    }
    for (what, bytes, budget) in library.memoryUse {
        print("  " + what.padding(toLength: 34, withPad: " ", startingAt: 0)
              + String(format: "%8.1f MB of %6.1f MB", Double(bytes) / 1_048_576, Double(budget) / 1_048_576))
    }
    _ = screen
}

func loadOrExit(_ directory: String) -> Dataset {
    do { return try PackageLoader.load(directory: directory) } catch {
        print("crossings-bench: \(directory): \(error)")
        exit(2)
    }
}

/// `n` keys drawn from a seeded generator, as someone browsing for hours might press them: moves,
/// drill-downs and back, flow switches, the picker, side by side, the ranking and its periods, the
/// views, the filter, the facet menu and `v` checks; RSS every 1,000 keys and at the end, as the
/// explorer does it (rankings prepared on another thread meanwhile). The same seed presses the
/// same keys.
func benchRandomWalk(_ directory: String, keys total: Int, seed: UInt64) {
    let size = Size(width: 120, height: 40)
    let data = loadOrExit(directory)
    let library = Library(data)
    let prefetch = RankingPrefetch(library)
    library.warm()
    var state = State(library: library, size: size)
    var screen = render(state, size)
    let firstFrame = residentMB() ?? peakMB()
    prefetch.start()
    defer { prefetch.stop() }
    var random = SplitMix64(seed: seed)
    func pick<T>(_ list: [T]) -> T { list[Int(random.next() % UInt64(list.count))] }
    let countries = library.countries
    let sentences = ["In 2024, 13,221 North Koreans entered Russia.", "Russians made 9,985 trips to North Korea in 2025.",
                     "About 300 Chinese citizens entered Russia in 2019.", "Arrivals from Germany fell 12% in 2020."]
    print("crossings explorer: \(total) random keys (seed \(seed)) on \(directory) (\(data.flows.count) flows, \(data.observations.count) observations), \(size) screen")
    print(String(repeating: "-", count: 90))
    print("keys".padding(toLength: 10, withPad: " ", startingAt: 0) + " " + ["RSS MB", "peak MB", "median ms", "worst ms"].map { String(repeating: " ", count: 12 - $0.count) + $0 }.joined(separator: " "))
    print("first frame" + String(format: "%12.1f %12.1f", firstFrame, peakMB()))
    var pressed = 0
    var interval: [UInt64] = [], all: [UInt64] = []
    var worst: (UInt64, String) = (0, "")
    var kinds: [String: Int] = [:]
    var highest = firstFrame
    var slowKeys: [(String, UInt64)] = []
    var currentKind = ""
    func press(_ key: Key) {
        guard pressed < total else { return }
        let a = now()
        state = advance(state, .key(key)).state
        screen = render(state, size)
        let d = now() - a
        interval.append(d); all.append(d)
        if d > worst.0 { worst = (d, key.label) }
        if d > 16_000_000 { slowKeys.append((currentKind, d)) }
        pressed += 1
        if pressed % 1000 == 0 || pressed == total {
            interval.sort()
            let rss = residentMB() ?? peakMB()
            highest = max(highest, rss)
            print(String(format: "%-10d %12.1f %12.1f %12.3f %12.3f", pressed, rss, peakMB(), ms(interval[interval.count / 2]), ms(interval[interval.count - 1])))
            interval = []
        }
    }
    func type(_ text: String) { for c in text { press(.char(c)) } }
    /// Back to a known mode (Escape closes the picker, the filter, the check prompt; the facet menu and help too).
    func settle() {
        while state.mode != .normal && pressed < total { press(.escape) }
    }
    while pressed < total {
        let roll = random.next() % 100
        let kind: String
        switch roll {
        case 0..<30:
            kind = "move"
            currentKind = kind
            for _ in 0..<(1 + random.next() % 4) { press(pick([.down, .up, .char("j"), .char("k"), .pageDown, .pageUp, .home, .end, .char("g"), .char("G")])) }
        case 30..<42:
            kind = "drill down / back"
            currentKind = kind
            press(pick([.enter, .char("c"), .enter, .backspace, .escape, .char("C")]))
        case 42..<52:
            kind = "flow switch"
            currentKind = kind
            if state.view != .counts { press(.char("1")) }
            press(pick([.char("f"), .char("F"), .char("x"), .char("S"), .char("f")]))
        case 52..<62:
            kind = "picker"
            currentKind = kind
            press(random.next() % 3 == 0 ? .char("s") : .char("o"))
            if state.mode == .picking {
                let country = pick(countries)
                type(random.next() % 2 == 0 ? String(country.name.prefix(1 + Int(random.next() % 5))) : country.code)
                if random.next() % 4 == 0 { press(.tab) }
                press(.enter)
            }
        case 62..<76:
            kind = "ranking"
            currentKind = kind
            if state.view != .ranking { press(.char("4")) }
            for _ in 0..<(1 + random.next() % 3) { press(pick([.char("<"), .char(">"), .char("<"), .char("t"), .char("x"), .down, .enter])) }
        case 76..<82:
            kind = "view"
            currentKind = kind
            press(pick([.char("1"), .char("2"), .char("3"), .char("4"), .char("t")]))
        case 82..<90:
            kind = "facets"
            currentKind = kind
            press(.char("m"))
            for _ in 0..<(1 + random.next() % 4) { press(pick([.down, .up, .right, .left, .char("l"), .char("x")])) }
            press(.escape)
        case 90..<95:
            kind = "filter"
            currentKind = kind
            press(.char("/"))
            type(pick(["20", "201", "Q3", "air", "202"]))
            press(pick([.enter, .escape]))
        default:
            kind = "check (v)"
            currentKind = kind
            press(.char("v"))
            type(pick(sentences))
            press(.enter)
        }
        kinds[kind, default: 0] += 1
        settle()
    }
    all.sort()
    let end = residentMB() ?? peakMB()
    print(row("every key + redraw, median of \(all.count)", ms(all[all.count / 2]), ""))
    print(row("every key + redraw, 99th percentile", ms(all[all.count * 99 / 100]), ""))
    print(row("every key + redraw, worst (\(worst.1))", ms(worst.0), ""))
    print("(mix: " + kinds.sorted { $0.key < $1.key }.map { "\($0.key) \($0.value)" }.joined(separator: ", ") + ")")
    print("estimated bytes kept: " + library.memoryUse.map { $0.what + String(format: " %.1f of %.0f MB", Double($0.bytes) / 1_048_576, Double($0.budget) / 1_048_576) }.joined(separator: ", "))
    var slow: [String: Int] = [:]
    for (kind, d) in slowKeys { slow[kind, default: 0] += 1; _ = d }
    print("keys over 16 ms by kind: " + (slow.isEmpty ? "none" : slow.sorted { $0.value > $1.value }.map { "\($0.key) \($0.value)" }.joined(separator: ", ")))
    print(String(format: "RSS after %d keys: %.1f MB (highest sampled %.1f MB, process peak %.1f MB): ", total, end, highest, peakMB())
          + (highest < 300 ? "under 300 MB (goal met)" : "NOT under 300 MB (goal MISSED)"))
    print()
    // CROSSINGS_BENCH_HOLD=1: exit with everything still held, so heaptrack's "leaked" list is what the explorer keeps.
    if ProcessInfo.processInfo.environment["CROSSINGS_BENCH_HOLD"] == "1" { exit(0) }
    _ = screen
}

/// The explorer left alone on its first screen: RSS each second while the rankings are worked out
/// on the other thread, then after it is stopped.
func benchIdle(_ directory: String, seconds: Int) {
    let size = Size(width: 120, height: 40)
    let data = loadOrExit(directory)
    let library = Library(data)
    let prefetch = RankingPrefetch(library)
    library.warm()
    let state = State(library: library, size: size)
    _ = render(state, size)
    print("crossings explorer left idle \(seconds) s on \(directory) (\(data.observations.count) observations)")
    print(String(repeating: "-", count: 90))
    print(String(format: "first frame: RSS %.1f MB, peak %.1f MB", residentMB() ?? 0, peakMB()))
    prefetch.start()
    var highest = 0.0
    for s in 1...max(1, seconds) {
        sleep(1)
        let rss = residentMB() ?? 0
        highest = max(highest, rss)
        print(String(format: "%4d s   RSS %8.1f MB   peak %8.1f MB   rankings prepared %d", s, rss, peakMB(), prefetch.count))
    }
    prefetch.stop()
    sleep(1)
    print(String(format: "stopped: RSS %.1f MB; highest sampled while idle %.1f MB", residentMB() ?? 0, highest))
}
