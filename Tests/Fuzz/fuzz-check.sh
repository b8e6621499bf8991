#!/usr/bin/env bash
# Builds and runs the libFuzzer target for the claim reader (Tests/Fuzz/FuzzCheck.swift).
#
#   Tests/Fuzz/fuzz-check.sh                  # 60 s from the committed corpus
#   Tests/Fuzz/fuzz-check.sh 600              # 10 minutes
#   Tests/Fuzz/fuzz-check.sh 600 -jobs=2      # more libFuzzer flags after the time
#   Tests/Fuzz/fuzz-check.sh CRASH-FILE …     # run the target once on each file (reproduce a crash)
#
# Every Swift file under Sources/CrossingsCore is compiled with the entry point (a glob, so the
# target keeps working as files are added or renamed), with -sanitize=fuzzer,address.
# New inputs go to .build/fuzz/corpus-check (the committed seeds in Tests/Fuzz/corpus/check are
# only read); crashes, timeouts and out-of-memory inputs to .build/fuzz/artifacts/.
# Exit status: 0 when the run ended clean, libFuzzer's (non-zero) when it found something.
set -euo pipefail
cd "$(dirname "$0")/../.."

seconds="${1:-60}"
out=.build/fuzz
mkdir -p "$out/corpus-check" "$out/artifacts"

sources=()
while IFS= read -r -d '' f; do sources+=("$f"); done < <(find Sources/CrossingsCore -name '*.swift' -print0 | sort -z)

binary="$out/fuzz-check"
newest=$(ls -t "${sources[@]}" Tests/Fuzz/FuzzCheck.swift | head -1)
if [ ! -x "$binary" ] || [ "$newest" -nt "$binary" ] || [ "$0" -nt "$binary" ]; then
    rm -f "$binary"
    echo "fuzz-check: compiling ${#sources[@]} files of Sources/CrossingsCore with the entry point"
    # ld.gold warns about every ASan symbol it cannot export: only errors are worth showing.
    swiftc -sanitize=fuzzer,address -parse-as-library -O -swift-version 6 -module-name CrossingsFuzz \
        "${sources[@]}" Tests/Fuzz/FuzzCheck.swift -o "$binary" 2>&1 | grep -v "warning: Cannot export local symbol" || true
    [ -x "$binary" ] || { echo "fuzz-check: the build failed" >&2; exit 2; }
fi

export CROSSINGS_FUZZ_DATA="$PWD/data"
if [ -f "$seconds" ]; then exec "$binary" "$@"; fi
shift || true
# -timeout: an input that takes 5 s is a hang; -rss_limit_mb: a draft must not need 2 GB.
exec "$binary" "$out/corpus-check" Tests/Fuzz/corpus/check \
    -max_total_time="$seconds" -max_len=4096 -timeout=5 -rss_limit_mb=2048 \
    -artifact_prefix="$out/artifacts/" -print_final_stats=1 "$@"
