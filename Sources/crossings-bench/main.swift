// Times the explorer on the bundled data: the first frame (load + state + render)
// and each key (update + render), median and worst over a few thousand keys;
// then `crossings check` on a 2,000-word draft, startup included.
//
//   swift run -c release crossings-bench            # the table
//   swift run crossings-bench --show 80x24 t j Enter  # one screen as text, after keys
import BundledData
import CrossingsCore
import CrossingsUI
import Foundation

func now() -> UInt64 { DispatchTime.now().uptimeNanoseconds }
func ms(_ ns: UInt64) -> Double { Double(ns) / 1_000_000 }

/// `Down`, `Enter`, `Esc`, `BSpace`, `Tab`, `BTab`, `PgDn`, `PgUp`, or characters typed one by one.
func keys(_ word: String) -> [Key] {
    switch word {
    case "Up": [.up]
    case "Down": [.down]
    case "Left": [.left]
    case "Right": [.right]
    case "Enter": [.enter]
    case "Esc": [.escape]
    case "BSpace": [.backspace]
    case "Tab": [.tab]
    case "BTab": [.backTab]
    case "PgDn": [.pageDown]
    case "PgUp": [.pageUp]
    case "Space": [.char(" ")]
    default: word.map { Key.char($0) }
    }
}

let arguments = Array(CommandLine.arguments.dropFirst())

if arguments.first == "--show", arguments.count >= 2 {
    let dims = arguments[1].split(separator: "x").compactMap { Int($0) }
    let size = Size(width: dims.first ?? 80, height: dims.last ?? 24)
    let data = try PackageLoader.load(files: BundledData.files, origin: "data")
    var state = State(data: data, size: size)
    for word in arguments.dropFirst(2) { for k in keys(word) { state = update(state, .key(k)) } }
    print(render(state, size).text)
    exit(0)
}

let sizes = [Size(width: 80, height: 24), Size(width: 120, height: 40)]

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
