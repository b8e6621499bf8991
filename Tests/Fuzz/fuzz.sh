#!/usr/bin/env bash
# Builds the libFuzzer binary (every target in one) and runs one target.
#
#   Tests/Fuzz/fuzz.sh TARGET                 # 60 s from the committed corpus
#   Tests/Fuzz/fuzz.sh TARGET 600             # 10 minutes
#   Tests/Fuzz/fuzz.sh TARGET 600 -jobs=2     # more libFuzzer flags after the time
#   Tests/Fuzz/fuzz.sh TARGET CRASH-FILE …    # run the target once on each file (reproduce a crash)
#   Tests/Fuzz/fuzz.sh build                  # only build; prints the binary's path
#
# TARGET is check (the claim reader), csv (the CSV reader and row decoders), package (the
# package loader), explorer (the explorer's update and render) or lsp (the language server's
# framing, dispatch and features). See docs/security.md, "Fuzzing".
#
# CrossingsCore, CrossingsUI and CrossingsLSP are compiled as modules (globs, so renamed or added files are
# followed) with -sanitize=fuzzer,address, then linked with Tests/Fuzz/*.swift; each step is
# redone only when the hash of what it is built from changed (its sources' names and contents,
# the modules it imports, the flags, the compiler's version): a checkout or a merge that leaves
# the sources as they were (only newer) rebuilds nothing. FUZZ_SWIFTFLAGS (default -O) and FUZZ_SANITIZE
# (default fuzzer,address) choose another build, kept apart under .build/fuzz/.
# New inputs go to .build/fuzz/corpus-TARGET (the committed seeds in Tests/Fuzz/corpus/TARGET
# are only read); crashes, timeouts and out-of-memory inputs to .build/fuzz/artifacts/TARGET/.
# Exit status: 0 when the run ended clean, libFuzzer's (non-zero) when it found something.
set -euo pipefail
cd "$(dirname "$0")/../.."

target="${1:?usage: Tests/Fuzz/fuzz.sh check|csv|package|explorer|lsp|build [SECONDS|FILE…] [libFuzzer flags]}"
shift
case "$target" in check|csv|package|explorer|lsp|build) ;; *) echo "fuzz: no target '$target' (check, csv, package, explorer, lsp)" >&2; exit 2 ;; esac

swiftflags="${FUZZ_SWIFTFLAGS:--O}"
sanitize="${FUZZ_SANITIZE:-fuzzer,address}"
flavor=$(echo "$swiftflags $sanitize" | tr -c 'A-Za-z0-9,\n' '_')
out=.build/fuzz
build="$out/build-$flavor"
binary="$build/crossings-fuzz"
mkdir -p "$build"

# ld.gold warns about every ASan symbol it cannot export: only errors are worth showing.
quiet() { grep -v "warning: Cannot export local symbol" || true; }
compiler=$(swiftc --version 2>&1 | head -n 1)
# The hash of what a step is built from: the compiler, the flags, then each file's name and contents.
digest() { { echo "$compiler $swiftflags $sanitize"; for f in "$@"; do echo "$f"; cat "$f"; done; } | sha256sum | cut -d' ' -f1; }
swift_files() { find "$1" -name '*.swift' -print0 | sort -z | xargs -0 -r printf '%s\n'; }
# True when $1 is missing or was built from something else than digest $2 (kept in $1.digest).
stale() { [ ! -e "$1" ] || [ ! -e "$1.digest" ] || [ "$(cat "$1.digest")" != "$2" ]; }

compile_module() {  # NAME FOLDER DIGEST
    local name="$1" folder="$2" hash="$3" files=()
    while IFS= read -r -d '' f; do files+=("$f"); done < <(find "$folder" -name '*.swift' -print0 | sort -z)
    echo "fuzz: compiling $name (${#files[@]} files, $swiftflags -sanitize=$sanitize)" >&2
    swiftc $swiftflags -sanitize="$sanitize" -enable-testing -parse-as-library -swift-version 6 -module-name "$name" \
        -I "$build" -emit-module -emit-module-path "$build/$name.swiftmodule" \
        -emit-library -static -o "$build/lib$name.a.new" "${files[@]}" 2>&1 | quiet >&2
    [ -f "$build/lib$name.a.new" ] || { echo "fuzz: compiling $name failed" >&2; exit 2; }
    mv "$build/lib$name.a.new" "$build/lib$name.a"
    echo "$hash" > "$build/lib$name.a.digest"
}

(
    # One build at a time (the fuzz pass test and a person may start one together).
    flock 9
    # A module's hash takes in the hashes of the modules it imports.
    core=$(digest $(swift_files Sources/CrossingsCore))
    ui=$(echo "$core $(digest $(swift_files Sources/CrossingsUI))" | sha256sum | cut -d' ' -f1)
    lsp=$(echo "$core $(digest $(swift_files Sources/CrossingsLSP))" | sha256sum | cut -d' ' -f1)
    main=$(echo "$core $ui $lsp $(digest Tests/Fuzz/*.swift Tests/Fuzz/fuzz.sh)" | sha256sum | cut -d' ' -f1)
    if stale "$build/libCrossingsCore.a" "$core"; then compile_module CrossingsCore Sources/CrossingsCore "$core"; fi
    if stale "$build/libCrossingsUI.a" "$ui"; then compile_module CrossingsUI Sources/CrossingsUI "$ui"; fi
    if stale "$build/libCrossingsLSP.a" "$lsp"; then compile_module CrossingsLSP Sources/CrossingsLSP "$lsp"; fi
    if stale "$binary" "$main"; then
        echo "fuzz: linking $binary" >&2
        rm -f "$binary" "$binary.digest"
        swiftc $swiftflags -sanitize="$sanitize" -parse-as-library -swift-version 6 -module-name CrossingsFuzz -I "$build" \
            Tests/Fuzz/*.swift -L "$build" -lCrossingsLSP -lCrossingsUI -lCrossingsCore -o "$binary" 2>&1 | quiet >&2
        [ -x "$binary" ] || { echo "fuzz: linking failed" >&2; exit 2; }
        echo "$main" > "$binary.digest"
    fi
) 9>"$out/build.lock"

if [ "$target" = build ]; then echo "$binary"; exit 0; fi

# The Swift runtime's own backtracer fights ASan for the crash: libFuzzer's report is the one wanted.
export CROSSINGS_FUZZ_TARGET="$target" CROSSINGS_FUZZ_DATA="$PWD/data" SWIFT_BACKTRACE=enable=no
if [ $# -gt 0 ] && [ -f "$1" ]; then exec "$binary" "$@"; fi
seconds="${1:-60}"
shift || true
case "$target" in
    explorer) max_len=512 ;;      # a session of up to 511 keys
    package) max_len=16384 ;;     # room for a whole datapackage.json
    *) max_len=4096 ;;
esac
# FUZZ_FRESH=1 (the pass in swift test): start from the committed corpus alone, in a scratch
# folder emptied first, so a short run does not spend its time replaying every earlier find.
corpus="$out/corpus-$target"
if [ "${FUZZ_FRESH:-}" = 1 ]; then corpus="$out/fresh-corpus-$target"; rm -rf "$corpus"; fi
mkdir -p "$corpus" "$out/artifacts/$target"
# -timeout: an input that takes 5 s is a hang; -rss_limit_mb: no input may need 2 GB.
exec "$binary" "$corpus" "Tests/Fuzz/corpus/$target" \
    -max_total_time="$seconds" -max_len="$max_len" -timeout=5 -rss_limit_mb=2048 \
    -artifact_prefix="$out/artifacts/$target/" -print_final_stats=1 "$@"
