# Interpreter options that must not change a plain script's output: -B, -E, -I, -X opt, -v (stdout only).
source "$(dirname "$0")/../tools/cli_lib.sh" "$@"
printf 'total = 0\nfor i in range(10):\n    total += i\nprint("total", total)\n' >prog.py
for opts in "-B" "-E" "-I" "-X dev=0" "-B -E" "-BE" "-X utf8"; do
  # shellcheck disable=SC2086
  run_both $opts prog.py
  same_all "options $opts"
done
run_both -v prog.py
same "-v" rc
same "-v" out
[[ -s m.err ]] || echo "note: minipy -v printed nothing on stderr (CPython lists its imports)"
printf 'print(1/0)\n' >err.py
run_both -B err.py
same_all "-B with an uncaught error"
finish
