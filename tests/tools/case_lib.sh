# Shared helpers for regen_expected and run_case (sourced, not executed).
# Expectations are stored with the absolute cases directory replaced by @CASEDIR@ because CPython 3.11
# makes the main script's path absolute in tracebacks, and the checkout location differs between machines.

PYTHON311=${PYTHON311:-/usr/bin/python3.11}
CASE_TIMEOUT=${CASE_TIMEOUT:-30}
SKIP_CODE=77

# Sanitizer settings every run gets (uninstrumented programs ignore them): leaks are reported, and a finding
# aborts (SIGABRT, status 134) so it can never pass for a Python error's exit status 1. ASan's fake stack
# stays off: it would move locals off the native stack, where the collector's conservative scan looks. A
# refused allocation returns null, as in the release build, so a case that asks for 2**60 bytes checks
# minipy's MemoryError path instead of ending in ASan's "requested allocation size exceeds" abort; the warning
# ASan prints for it is dropped from stderr (without_sanitizer_warnings).
SANITIZER_ENV=(
  "ASAN_OPTIONS=${ASAN_OPTIONS:-detect_leaks=1:abort_on_error=1:detect_stack_use_after_return=0:allocator_may_return_null=1}"
  "UBSAN_OPTIONS=${UBSAN_OPTIONS:-print_stacktrace=1:halt_on_error=1:abort_on_error=1}"
)

# Run a command in a clean environment (no inherited PYTHON* variables), with a timeout so a hung
# interpreter fails one test instead of the whole suite.
clean_run() {
  env -i PATH=/usr/bin:/bin LC_ALL=C.UTF-8 PYTHONHASHSEED=0 "${SANITIZER_ENV[@]}" timeout "$CASE_TIMEOUT" "$@"
}

# Print file $1 with every occurrence of the literal string $2 replaced by $3 (no regex surprises from
# paths containing dots or slashes).
replace_literal() {
  local content
  content=$(cat "$1"; printf x)
  content=${content%x}
  printf '%s' "${content//"$2"/"$3"}"
}

# Drop 3.11's caret/tilde lines (only spaces, ^ and ~): their exact columns are a fidelity detail we
# compare elsewhere, not here.
strip_carets() {
  grep -v -E '^ *[~^][~^ ]*$' || true
}

# A case is a syntax-error case when regen_expected recorded what CPython's py_compile printed for it.
is_syntax_error_case() {  # $1 = expected dir, $2 = name
  [[ -f "$1/$2.compile.err" ]]
}

need_python() {
  if [[ ! -x "$PYTHON311" ]]; then
    echo "SKIPPED: python3.11 not found (looked for $PYTHON311)"
    exit "$SKIP_CODE"
  fi
}

# ---- scenario scripts (tests/cli/*.sh through cli_lib.sh, tests/imports/*.sh through import_lib.sh) ----

# scenario_minipy "$@": the scenario's one argument is the minipy binary (a bare name is looked up on PATH). It is
# made absolute into MINIPY because every scenario runs from a scratch directory.
scenario_minipy() {
  if [[ $# -lt 1 ]]; then
    echo "usage: $0 MINIPY" >&2
    exit 2
  fi
  MINIPY=$1
  if [[ $MINIPY != */* ]]; then MINIPY=$(command -v "$MINIPY"); fi
  MINIPY=$(cd "$(dirname "$MINIPY")" && pwd)/$(basename "$MINIPY")
}

# enter_scratch_dir: a fresh directory, removed at exit (made writable first: scenarios take permissions away to
# test refusals), becomes the working directory; the failure count starts at zero.
enter_scratch_dir() {
  SCRATCH=$(mktemp -d)
  trap 'chmod -R u+w "$SCRATCH" 2>/dev/null; rm -rf "$SCRATCH"' EXIT
  cd "$SCRATCH" || exit 1
  FAILURES=0
}

fail() {
  echo "FAIL: $*"
  FAILURES=$((FAILURES + 1))
}

# finish: the scenario's verdict and exit status, after every check has run (a scenario reports all its failures).
finish() {
  if [[ $FAILURES -eq 0 ]]; then
    echo "pass: $(basename "$0" .sh)"
    exit 0
  fi
  echo "$FAILURES check(s) failed"
  exit 1
}

# ASan's "==PID==WARNING: AddressSanitizer failed to allocate N bytes" (allocator_may_return_null=1) removed.
without_sanitizer_warnings() {
  grep -v -E '^==[0-9]+==WARNING: AddressSanitizer failed to allocate' || true
}
