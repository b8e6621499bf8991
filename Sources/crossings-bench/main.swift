// Times the explorer on the bundled data: the first frame (load + state + render)
// and each key (update + render), median and worst over a few thousand keys;
// then `crossings check` on a 2,000-word draft, startup included.
//
//   swift run -c release crossings-bench            # the table
//   swift run crossings-bench --show 80x24 t j Enter  # one screen as text, after keys
//   swift run -c release crossings-bench --data DIR   # the same on a data package, by kind of key
import BundledData
import CrossingsCore
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
    for word in arguments.dropFirst(2) { for k in keys(word) { state = update(state, .key(k)) } }
    print(render(state, size).text)
    exit(0)
}

let sizes = [Size(width: 80, height: 24), Size(width: 120, height: 40)]

if let dataDirectory {
    benchPackage(dataDirectory)
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
        state = update(state, .key(key))
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
        let t2 = now()
        library.warm()
        let t3 = now()
        var state = State(library: library, size: size)
        var screen = render(state, size)
        let t4 = now()
        // As the explorer does: every other ranking is worked out on another thread meanwhile.
        library.prepareRankings()
        defer { library.stopPreparing() }
        var times: [String: [UInt64]] = [:]
        var worst: (UInt64, String) = (0, "")
        var worstCPU: (UInt64, String) = (0, "")
        var cpu: [UInt64] = []
        func press(_ kind: String, _ key: Key) {
            let a = now(), c = cpuNow()
            state = update(state, .key(key))
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
            press("ranking (4, [, ], t, x)", round % 2 == 0 ? .char("[") : .char("]"))
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
        // The heaviest question behind a key: a ranking not worked out ahead (every country's value
        // and its change on a year earlier), on a fresh library: what `[` costs before the thread has got there.
        let fresh = Library(data)
        for (label, periods) in [("year", library.years.map { Period.year($0) }), ("quarter", library.years.map { Period.quarter($0, 2) })] {
            var cold: [UInt64] = []
            for p in periods {
                let a = cpuNow()
                _ = fresh.ranking(period: p, exits: false)
                cold.append(cpuNow() - a)
            }
            cold.sort()
            print(row("a \(label)'s ranking not prepared ahead, CPU, median / worst", ms(cold[cold.count / 2]), String(format: "worst %7.3f ms", ms(cold[cold.count - 1]))))
        }
        print()
        _ = screen
    }
}
