// Times the explorer on the bundled data: the first frame (load + state + render)
// and each key (update + render), median and worst over a few thousand keys.
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
    what.padding(toLength: 44, withPad: " ", startingAt: 0) + String(format: "%9.3f ms", value) + (goal.isEmpty ? "" : "   " + goal)
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
    print(String(repeating: "-", count: 76))
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
