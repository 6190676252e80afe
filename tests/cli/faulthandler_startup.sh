# -X options reach sys._xoptions; -X faulthandler and a non-empty PYTHONFAULTHANDLER (not under -E) enable
# faulthandler before the program runs, so a fatal signal in it prints the Python stack; a program that never
# enabled it dies silently.
source "$(dirname "$0")/../tools/cli_lib.sh" "$@"
cat >show.py <<'PY'
import sys, faulthandler
print(sorted(sys._xoptions.items()), faulthandler.is_enabled())
PY
cat >crash.py <<'PY'
import faulthandler
def inner():
    faulthandler._sigsegv()
inner()
PY
# The crash report names the thread by an id each interpreter chooses: masked; the shell's own notice of the
# crash (with a process id) is dropped.
mask() { sed -i -E -e 's/thread 0x[0-9a-f]+/thread 0x<id>/' -e '/Segmentation fault/d' m.err p.err; }
run_both -X faulthandler -X dev_like=1 -X utf8 show.py
same_all "-X options"
run_both show.py
same_all "no options"
for env in "PYTHONFAULTHANDLER=1" "PYTHONFAULTHANDLER="; do
  rc=0; clean_run env "$env" "$MINIPY" show.py >m.out 2>m.err || rc=$?; echo "$rc" >m.rc
  rc=0; clean_run env "$env" "$PYTHON311" show.py >p.out 2>p.err || rc=$?; echo "$rc" >p.rc
  same_all "$env"
  rc=0; clean_run env "$env" "$MINIPY" -E show.py >m.out 2>m.err || rc=$?; echo "$rc" >m.rc
  rc=0; clean_run env "$env" "$PYTHON311" -E show.py >p.out 2>p.err || rc=$?; echo "$rc" >p.rc
  same_all "$env with -E"
done
# (A sanitizer build's own SEGV handler, which faulthandler chains to, adds its report: compared in release only.)
if [[ ${MINIPY_UNDER_SANITIZER:-} != 1 ]]; then
  run_both -X faulthandler crash.py
  mask
  same_all "crash report"
  run_both crash.py
  mask
  same_all "no report"
fi
finish
