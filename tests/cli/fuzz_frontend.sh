# A small, reproducible slice of tests/tools/fuzz_frontend: 60 mutated copies of the differential cases (fixed
# seed) compiled and run by minipy; each must end normally (exit 0, or exit 1 with an error report) — no
# signal, no sanitizer report, no hang of the compile-only run. Run the tool with more --runs and other seeds
# to fuzz for real.
here=$(cd "$(dirname "$0")" && pwd)  # before cli_lib.sh moves to the scratch directory
source "$here/../tools/cli_lib.sh" "$@"
if ! "$PYTHON311" "$here/../tools/fuzz_frontend" "$MINIPY" --seed 2026 --runs 60 --timeout "$CASE_TIMEOUT" \
    --keep "$SCRATCH/findings" >fuzz.log 2>&1; then
  cat fuzz.log
  fail "fuzz_frontend found inputs that crash or hang minipy"
fi
finish
