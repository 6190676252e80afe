# Helpers for tests/imports/*.sh (sourced): each scenario drives the real minipy binary in a fresh scratch
# directory with a clean environment (no inherited PYTHON* variables: CI machines may export
# PYTHONDONTWRITEBYTECODE=1), checks files and output, and ends with `finish`.
set -uo pipefail
source "$(dirname "${BASH_SOURCE[0]}")/../tools/case_lib.sh"

scenario_minipy "$@"
TAG=${MINIPY_CACHE_TAG:-minipy-311}
# These scenarios hold minipy's own rules (some go beyond CPython's), so the harness self-check that points
# the suite at python3.11 (-DMINIPY_UNDER_TEST) skips them.
if [[ $(env -i "$MINIPY" -c 'import sys; print(sys.implementation.name)' 2>/dev/null) != minipy ]]; then
  echo "SKIPPED: $MINIPY is not minipy"
  exit 77
fi

# Settings a test run hands down to every minipy process (env -i clears everything else).
PASS_ENV=()
[[ -n ${MINIPY_GC_STRESS:-} ]] && PASS_ENV+=("MINIPY_GC_STRESS=$MINIPY_GC_STRESS")  # collect at every safe point
PASS_ENV+=("${SANITIZER_ENV[@]}")                                                  # sanitizer builds

enter_scratch_dir

# mp [ENV=VALUE...] -- ARGS...: run minipy in a clean environment; stdout in out, stderr in err, status in rc.
mp() {
  local envs=()
  while [[ $1 != -- ]]; do envs+=("$1"); shift; done
  shift
  RC=0
  env -i PATH=/usr/bin:/bin LC_ALL=C.UTF-8 "${PASS_ENV[@]}" "${envs[@]}" timeout "$CASE_TIMEOUT" "$MINIPY" "$@" >out 2>err || RC=$?
}

# expect_out WHAT TEXT: the last run succeeded and printed exactly TEXT.
expect_out() {
  if [[ $RC -ne 0 || "$(cat out)" != "$2" ]]; then
    fail "$1: expected '$2' and status 0, got status $RC, stdout '$(cat out)'"
    head -n 20 err
  fi
}

expect_err_has() {  # WHAT TEXT: stderr of the last run contains TEXT
  grep -qF -- "$2" err || { fail "$1: stderr lacks '$2'"; head -n 20 err; }
}
expect_err_lacks() {  # WHAT TEXT
  if grep -qF -- "$2" err; then fail "$1: stderr has '$2'"; head -n 20 err; fi
}

# age FILE...: sets the files' mtime well in the past, so the racy-edit rule does not apply to them.
age() { touch -d '-1 hour' "$@"; }

# pyc_flags FILE: the PEP 552 flags word of a pyc (0 timestamp, 1 unchecked hash, 3 checked hash).
pyc_flags() { od -A n -t u4 -j 4 -N 4 "$1" | tr -d ' '; }

