// swift-tools-version:6.0
import PackageDescription

let package = Package(
    name: "crossings",
    platforms: [.macOS(.v13)],
    products: [
        .executable(name: "crossings", targets: ["crossings"]),
        .library(name: "CrossingsCore", targets: ["CrossingsCore"]),
        .library(name: "CrossingsLSP", targets: ["CrossingsLSP"]),
    ],
    dependencies: [
        .package(url: "https://github.com/apple/swift-argument-parser", from: "1.5.0"),
    ],
    targets: [
        // The dataset, its loader and validator, and the questions users ask. No terminal code.
        .target(name: "CrossingsCore", dependencies: ["CPlatform"]),
        // System calls the Swift overlays do not export (renameat2's exchange), through a header.
        .systemLibrary(name: "CPlatform", path: "Sources/CPlatform"),
        // The language server of `crossings lsp`: framing, dispatch and features, no I/O of its own.
        .target(name: "CrossingsLSP", dependencies: ["CrossingsCore"]),
        // Pure UI state, update and rendering into a grid of cells (no ncurses).
        .target(name: "CrossingsUI", dependencies: ["CrossingsCore"]),
        // The explorer's backend: the terminal (ncurses), signals, the loading thread and the
        // rankings prepared ahead on a thread of their own. The only explorer code with threads or I/O.
        .target(name: "CrossingsTerminal", dependencies: ["CrossingsCore", "CrossingsUI", "CNCursesW"]),
        // ncursesw, reached through a shim header (see docs/architecture.md).
        .systemLibrary(
            name: "CNCursesW",
            pkgConfig: "ncursesw",
            providers: [.apt(["libncursesw5-dev"])]
        ),
        // data/ compiled into the binary, so the bundled package is found from any directory.
        .executableTarget(name: "embed-data", path: "Sources/embed-data"),
        .plugin(
            name: "EmbedDataPlugin",
            capability: .buildTool(),
            dependencies: ["embed-data"],
            path: "Sources/EmbedDataPlugin"
        ),
        .target(
            name: "BundledData",
            plugins: ["EmbedDataPlugin"]
        ),
        .executableTarget(
            name: "crossings",
            dependencies: [
                "CrossingsCore", "CrossingsUI", "CrossingsTerminal", "CrossingsLSP", "BundledData",
                .product(name: "ArgumentParser", package: "swift-argument-parser"),
            ]
        ),
        // Times the explorer's first frame and key handling (see docs/explorer.md).
        .executableTarget(
            name: "crossings-bench",
            dependencies: ["CrossingsCore", "CrossingsUI", "CrossingsTerminal", "CrossingsLSP", "BundledData"]
        ),
        // Writes a synthetic data package of N observations (docs/performance.md).
        .executableTarget(name: "crossings-generate", dependencies: ["CrossingsCore"]),
        // Times crossings against DuckDB and VisiData at 1M and 5M observations (docs/performance.md).
        .executableTarget(name: "crossings-scale-bench", dependencies: ["CrossingsCore"]),
        .testTarget(
            name: "CrossingsCoreTests",
            dependencies: ["CrossingsCore", "BundledData"],
            exclude: ["Fixtures"]
        ),
        .testTarget(
            name: "CrossingsUITests",
            dependencies: ["CrossingsUI", "CrossingsCore", "BundledData"],
            exclude: ["Snapshots", "Fixtures"]
        ),
        .testTarget(
            name: "CrossingsTerminalTests",
            dependencies: ["CrossingsTerminal", "CrossingsUI", "CrossingsCore", "BundledData"]
        ),
        .testTarget(
            name: "CrossingsCLITests",
            dependencies: ["CrossingsCore", "CrossingsLSP", "BundledData"],
            exclude: ["Fixtures"]
        ),
    ]
)
