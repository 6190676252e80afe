# minipy FILE.pyc runs CPython's own pyc; a pyc with a bad magic number is refused like CPython refuses it.
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
finish
