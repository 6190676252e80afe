# minipy FILE.pyc runs CPython's own pyc; a pyc with a bad magic number is refused like CPython refuses it.
# A pyc minipy wrote is checked against its integrity trailer as the import path checks it (issue #12, item 6):
# a byte changed inside a constant (CPython runs the wrong value) or in the trailer is refused with exit 1.
source "$(dirname "$0")/../tools/cli_lib.sh" "$@"
printf 'x = 6\nprint(x * 7)\nprint("from pyc")\n' >prog.py
clean_run "$PYTHON311" -m py_compile prog.py
cp __pycache__/prog.cpython-311.pyc prog.pyc
run_both prog.pyc
same_all "running a CPython pyc"
cp prog.pyc badmagic.pyc
printf '\x00\x00' | dd of=badmagic.pyc bs=1 seek=0 conv=notrunc status=none
run_both badmagic.pyc
same "bad magic" rc
same "bad magic" out
grep -q -i 'magic' m.err || fail "bad magic: stderr does not mention the magic number: $(cat m.err)"
# minipy's own pyc (with the trailer) runs as CPython runs it.
printf 'x = 42\nprint(x + 1)\n' >const.py
clean_run "$MINIPY" -m py_compile const.py
cp __pycache__/const.*.pyc const.pyc
run_both const.pyc
same_all "running minipy's pyc"
# patch_pyc IN OUT WHAT: a copy of IN with one byte changed: "constant" turns the marshalled int 42 into 213,
# "trailer" flips the trailer's last byte.
patch_pyc() {
  "$PYTHON311" - "$@" <<'PY'
import sys
data = bytearray(open(sys.argv[1], "rb").read())
if sys.argv[3] == "constant":
    at = data.find(b"\x2a\x00\x00\x00", 16)
    assert at > 16 and data[at - 1] & 0x7f == ord("i"), "no int 42 in the pyc"
    data[at] = 213
else:
    data[-1] ^= 1
open(sys.argv[2], "wb").write(data)
PY
}
for what in constant trailer; do
  patch_pyc const.pyc "bad_$what.pyc" "$what"
  rc=0; clean_run "$MINIPY" "bad_$what.pyc" >m.out 2>m.err || rc=$?
  [[ $rc -eq 1 && ! -s m.out ]] || fail "changed $what: exit $rc, stdout '$(cat m.out)' (expected 1 and nothing)"
  grep -q "cannot run 'bad_$what.pyc': .*integrity trailer does not match" m.err ||
    fail "changed $what: stderr does not name the trailer: $(cat m.err)"
done
# The damage is real: CPython, which has no trailer check, runs the changed constant.
rc=0; clean_run "$PYTHON311" bad_constant.pyc >p.out 2>p.err || rc=$?
[[ $rc -eq 0 && $(cat p.out) == 214 ]] || fail "python3.11 on the changed constant: exit $rc, '$(cat p.out)'"
finish
