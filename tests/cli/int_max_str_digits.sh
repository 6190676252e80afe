# The int/str conversion limit from the command line and the environment (issue #12, item 7): -X
# int_max_str_digits=N, PYTHONINTMAXSTRDIGITS=N (the -X option wins; -E ignores the variable), sys.flags, and
# CPython's fatal start-up error for a limit below 640 or not a number.
source "$(dirname "$0")/../tools/cli_lib.sh" "$@"

cat >limit.py <<'PY'
import sys
print(sys.flags.int_max_str_digits, sys.get_int_max_str_digits())
try:
    print(len(str(10 ** 4999)))
except ValueError as e:
    print(e)
PY
run_both limit.py
same_all "default limit"
for value in 5000 0 640 639 100 abc -5 ""; do
  run_both -X "int_max_str_digits=$value" limit.py
  same_all "-X int_max_str_digits=$value"
done
# clean_run clears the environment, so the variable goes in through env(1) for both programs.
for value in 700 0 12; do
  rc=0; env -i PATH=/usr/bin:/bin "PYTHONINTMAXSTRDIGITS=$value" "$MINIPY" limit.py >m.out 2>m.err || rc=$?; echo "$rc" >m.rc
  rc=0; env -i PATH=/usr/bin:/bin "PYTHONINTMAXSTRDIGITS=$value" "$PYTHON311" limit.py >p.out 2>p.err || rc=$?; echo "$rc" >p.rc
  same_all "PYTHONINTMAXSTRDIGITS=$value"
  rc=0; env -i PATH=/usr/bin:/bin "PYTHONINTMAXSTRDIGITS=$value" "$MINIPY" -X int_max_str_digits=900 limit.py >m.out 2>m.err || rc=$?; echo "$rc" >m.rc
  rc=0; env -i PATH=/usr/bin:/bin "PYTHONINTMAXSTRDIGITS=$value" "$PYTHON311" -X int_max_str_digits=900 limit.py >p.out 2>p.err || rc=$?; echo "$rc" >p.rc
  same_all "PYTHONINTMAXSTRDIGITS=$value with -X"
  rc=0; env -i PATH=/usr/bin:/bin "PYTHONINTMAXSTRDIGITS=$value" "$MINIPY" -E limit.py >m.out 2>m.err || rc=$?; echo "$rc" >m.rc
  rc=0; env -i PATH=/usr/bin:/bin "PYTHONINTMAXSTRDIGITS=$value" "$PYTHON311" -E limit.py >p.out 2>p.err || rc=$?; echo "$rc" >p.rc
  same_all "PYTHONINTMAXSTRDIGITS=$value with -E"
done

# The same limit applies when CPython's parser converts a decimal int literal: a module holding a 4301-digit
# literal is a SyntaxError by default, compiles under a larger or no limit from either source, and -E ignores
# the variable again.
printf 'print("start")\nx = %s\nprint(len(str(x)))\n' "$(head -c 4301 /dev/zero | tr '\0' 1)" >literal.py
run_both literal.py
same_all "4301-digit literal, default limit"
for value in 4301 0 640; do
  run_both -X "int_max_str_digits=$value" literal.py
  same_all "4301-digit literal with -X int_max_str_digits=$value"
  rc=0; env -i PATH=/usr/bin:/bin "PYTHONINTMAXSTRDIGITS=$value" "$MINIPY" literal.py >m.out 2>m.err || rc=$?; echo "$rc" >m.rc
  rc=0; env -i PATH=/usr/bin:/bin "PYTHONINTMAXSTRDIGITS=$value" "$PYTHON311" literal.py >p.out 2>p.err || rc=$?; echo "$rc" >p.rc
  same_all "4301-digit literal with PYTHONINTMAXSTRDIGITS=$value"
  rc=0; env -i PATH=/usr/bin:/bin "PYTHONINTMAXSTRDIGITS=$value" "$MINIPY" -E literal.py >m.out 2>m.err || rc=$?; echo "$rc" >m.rc
  rc=0; env -i PATH=/usr/bin:/bin "PYTHONINTMAXSTRDIGITS=$value" "$PYTHON311" -E literal.py >p.out 2>p.err || rc=$?; echo "$rc" >p.rc
  same_all "4301-digit literal with PYTHONINTMAXSTRDIGITS=$value and -E"
done

finish
