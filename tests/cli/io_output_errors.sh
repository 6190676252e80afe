# Output errors as CPython reports them: a full device (/dev/full) and a closed pipe (also when SIGPIPE is
# inherited as ignored), buffered (the error surfaces at exit: "Exception ignored", status 120) and unbuffered
# or large (a traceback at the print, status 1); -u and PYTHONUNBUFFERED; stdin through sys.stdin and input().
source "$(dirname "$0")/../tools/cli_lib.sh" "$@"
cat >small.py <<'PY'
import sys
print("x")
x = 1
PY
cat >large.py <<'PY'
print("x" * 100000)
PY
cat >loop.py <<'PY'
for i in range(100000):
    print(i)
PY
cat >stdin.py <<'PY'
import sys
print(repr(sys.stdin.readline()))
print(input("p> "))
print(repr(sys.stdin.read()))
try:
    input()
except EOFError as e:
    print("EOFError", e)
PY

run_full() {  # LABEL ARGS...: run both with stdout on /dev/full
  local rc
  : >m.out; : >p.out
  rc=0; clean_run "$MINIPY" "${@:2}" >/dev/full 2>m.err || rc=$?; echo "$rc" >m.rc
  rc=0; clean_run "$PYTHON311" "${@:2}" >/dev/full 2>p.err || rc=$?; echo "$rc" >p.rc
  normalise m "$MINIPY" "$(basename "$MINIPY")"
  normalise p "$PYTHON311" "$(basename "$PYTHON311")"
  same "$1" rc
  same "$1" err
}
run_full "full, buffered" small.py
run_full "full, large" large.py
run_full "full, -u" -u small.py

run_pipe() {  # LABEL TRAP ARGS...: run both into `head -1`, SIGPIPE disposition given by TRAP
  local prog
  for prog in m p; do
    local exe=$MINIPY
    [[ $prog == p ]] && exe=$PYTHON311
    (trap "$2" PIPE; clean_run "$exe" "${@:3}" 2>$prog.err | head -1 >$prog.out; echo "${PIPESTATUS[0]}" >$prog.rc)
  done
  normalise m "$MINIPY" "$(basename "$MINIPY")"
  normalise p "$PYTHON311" "$(basename "$PYTHON311")"
  same_all "$1"
}
run_pipe "broken pipe" - loop.py
run_pipe "broken pipe, SIGPIPE ignored" '' loop.py
run_pipe "broken pipe, -u" - -u loop.py

for prog in m p; do
  exe=$MINIPY
  [[ $prog == p ]] && exe=$PYTHON311
  rc=0; printf 'line1\nline2\nrest\n' | clean_run "$exe" stdin.py >$prog.out 2>$prog.err || rc=$?; echo "$rc" >$prog.rc
done
same_all "stdin"

# The program itself piped on stdin is named "<stdin>", __file__ included (a -c program has no __file__).
for prog in m p; do
  exe=$MINIPY
  [[ $prog == p ]] && exe=$PYTHON311
  rc=0; printf 'print(__name__, __file__)\nprint(1/0)\n' | clean_run "$exe" >$prog.out 2>$prog.err || rc=$?
  echo "$rc" >$prog.rc
done
same_all "program on stdin"
finish
