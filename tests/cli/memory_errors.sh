# Allocation failures are Python exceptions, never an abort (issue #12, item 3): user-sized requests that no
# machine can satisfy, and ordinary growth under `ulimit -v`, end in MemoryError (or CPython's OverflowError) with
# CPython's exit status and last traceback line, and a `try` in the program catches them.
source "$(dirname "$0")/../tools/cli_lib.sh" "$@"

# A sanitizer build reserves terabytes of shadow memory (no `ulimit -v` then): ASan's own cap on one request
# (1 GiB, as the ulimit below) stands in for the limit, and it must be told that a refused allocation is an
# answer, not a finding. It then warns on stderr about each refusal; those lines are the sanitizer's, not
# minipy's, and are dropped before comparing (without_sanitizer_warnings).
LIMIT_KB=1048576
MINIPY_LIMIT_KB=$LIMIT_KB
if [[ ${MINIPY_UNDER_SANITIZER:-} == 1 ]]; then
  MINIPY_LIMIT_KB=unlimited
  SANITIZER_ENV[0]="ASAN_OPTIONS=detect_leaks=0:abort_on_error=1:detect_stack_use_after_return=0:allocator_may_return_null=1:max_allocation_size_mb=1024"
fi

# run_limited WHO FILE: run WHO (minipy or python3.11) on FILE under the memory limit, results in
# {m,p}.{out,err,rc}.
run_limited() {
  local who=$1 file=$2 prefix=p limit=$LIMIT_KB rc=0
  if [[ $who == "$MINIPY" ]]; then prefix=m limit=$MINIPY_LIMIT_KB; fi
  (ulimit -v "$limit" 2>/dev/null; clean_run "$who" "$file") >"$prefix.out" 2>"$prefix.err.raw" || rc=$?
  without_sanitizer_warnings <"$prefix.err.raw" >"$prefix.err"
  echo "$rc" >"$prefix.rc"
}


# same_ending WHAT: same exit status and last stderr line as python3.11 (tracebacks above it may differ in
# depth: a failure inside the loop leaves its frames without running their handlers).
same_ending() {
  same "$1" rc
  same "$1" out
  if [[ "$(tail -n 1 m.err)" != "$(tail -n 1 p.err)" ]]; then
    fail "$1: last stderr line '$(tail -n 1 m.err)', python3.11 '$(tail -n 1 p.err)'"
  fi
}

# Each program either fails (uncaught: exit 1, the exception last) or catches the failure and goes on.
declare -A programs=(
  [str_repeat]='"x" * 10**12'
  [str_ljust]='"x".ljust(10**12)'
  [str_center]='"x".center(10**12)'
  [format_width]='format(1, ">1000000000000")'
  [percent_width]='"%*d" % (10**12, 1)'
  [str_repeat_overflow]='"ab" * 2**62'
  [bytes_repeat_overflow]='b"ab" * 2**62'
  [bytes_new]='bytes(10**12)'
  [bytearray_new]='bytearray(10**12)'
  [list_repeat]='[0] * 10**12'
  [list_repeat_wraps]='[1, 2] * 2**62'
  [shift_huge]='1 << 2**62'
  [shift_huger]='1 << 2**63'
  [shift_too_many_digits]='1 << 2**70'
  [expandtabs]='"a\tb".expandtabs(10**12)'
  [list_growth]='[0] * 200000000'
  [array_repeat]='__import__("array").array("b", b"ab") * 2**62'
)
for name in "${!programs[@]}"; do
  expr=${programs[$name]}
  printf 'x = %s\nprint(len(x))\n' "$expr" >"uncaught_$name.py"
  run_limited "$MINIPY" "uncaught_$name.py"
  run_limited "$PYTHON311" "uncaught_$name.py"
  same_ending "uncaught $name"
  printf 'try:\n    x = %s\nexcept (MemoryError, OverflowError) as e:\n    print("caught", type(e).__name__, e)\nprint("goes on", sum(range(10)))\n' \
    "$expr" >"caught_$name.py"
  run_limited "$MINIPY" "caught_$name.py"
  run_limited "$PYTHON311" "caught_$name.py"
  same_ending "caught $name"
done

# Results CPython would spend minutes computing before its allocation fails: minipy refuses them up front.
declare -A slow_in_cpython=(
  [pow_huge]='2 ** 2**40'
  [pow_ten]='10 ** 10 ** 10'
  [mul_huge]='(1 << 2**35) * (1 << 2**35)'
)
for name in "${!slow_in_cpython[@]}"; do
  printf 'try:\n    x = %s\nexcept MemoryError as e:\n    print("caught", type(e).__name__)\nx = %s\n' \
    "${slow_in_cpython[$name]}" "${slow_in_cpython[$name]}" >"slow_$name.py"
  run_limited "$MINIPY" "slow_$name.py"
  expect_rc "$name" 1
  [[ "$(cat m.out)" == "caught MemoryError" ]] || fail "$name: stdout '$(cat m.out)'"
  [[ "$(tail -n 1 m.err)" == "MemoryError" ]] || fail "$name: last stderr line '$(tail -n 1 m.err)'"
done

finish
