#!/usr/bin/env bash
# The claim reader's fuzz target, as before: Tests/Fuzz/fuzz.sh check, which builds the one
# binary every target shares (docs/security.md, "Fuzzing").
#
#   Tests/Fuzz/fuzz-check.sh                  # 60 s from the committed corpus
#   Tests/Fuzz/fuzz-check.sh 600              # 10 minutes
#   Tests/Fuzz/fuzz-check.sh CRASH-FILE …     # run the target once on each file
exec "$(dirname "$0")/fuzz.sh" check "$@"
