# `minipy -m dis FILE.pyc` (beyond CPython): the decoded header, the freshness verdict for the source, then the
# module's disassembly — on fresh, stale, hash-based, CPython-written and damaged pycs. The disassembly must be
# what python3.11's dis prints for the same code object; damage is reported (exit 1), never a traceback.
source "$(dirname "$0")/../tools/cli_lib.sh" "$@"
printf 'def twice(x):\n    return 2 * x\nprint(twice(21))\n' >mod.py
touch -d '2024-03-01 12:00:00 UTC' mod.py
PYC=__pycache__/mod.$CACHE_TAG.pyc

view() {  # view WHAT FILE.pyc: minipy -m dis FILE.pyc into v.out / v.err / v.rc
  local rc=0
  clean_run "$MINIPY" -m dis "$2" >v.out 2>v.err || rc=$?
  echo "$rc" >v.rc
  if grep -q -E 'Traceback|Error' v.err; then fail "$1: a traceback instead of a report"; head -n 20 v.err; fi
}
has() {  # has WHAT TEXT: the view printed a line containing TEXT
  grep -q -F -- "$2" v.out || { fail "$1: no line with '$2'"; cat v.out | head -n 20; }
}
status() {  # status WHAT N
  [[ $(cat v.rc) == "$2" ]] || fail "$1: exit status $(cat v.rc), expected $2"
}
# same_dis WHAT FILE.pyc: the part after the header report equals python3.11's dis of the pyc's code object.
same_dis() {
  clean_run "$PYTHON311" -c 'import dis, marshal, sys; dis.dis(marshal.loads(open(sys.argv[1], "rb").read()[16:]))' \
    "$2" | sed -E 's/0x[0-9a-f]+/0xADDR/g' >p.dis
  sed -n '/^$/,$p' v.out | tail -n +2 | sed -E 's/0x[0-9a-f]+/0xADDR/g' >m.dis
  cmp -s p.dis m.dis || { fail "$1: disassembly differs from python3.11's"; diff p.dis m.dis | head -n 20; }
}

# A fresh timestamp pyc minipy wrote.
clean_run "$MINIPY" -m py_compile mod.py
view "fresh" "$PYC"
status "fresh" 0
has "fresh" "header:       a7 0d 0d 0a  00 00 00 00"
has "fresh" "magic:      3495 + \\r\\n: Python 3.11"
has "fresh" "flags:      0x0: TIMESTAMP"
has "fresh" "mtime:      1709294400 = 2024-03-01 12:00:00 UTC"
has "fresh" "size:       48 bytes"
has "fresh" "source:       mod.py (mtime 1709294400 = 2024-03-01 12:00:00 UTC, 48 bytes)"
has "fresh" "verdict:      fresh: the source's mtime and size equal the header's"
same_dis "fresh" "$PYC"

# The source edited afterwards: stale by mtime, then by size.
touch -d '2024-03-02 12:00:00 UTC' mod.py
view "stale mtime" "$PYC"
status "stale mtime" 0
has "stale mtime" "verdict:      stale: the source's mtime 1709380800 (2024-03-02 12:00:00 UTC) differs from the header's 1709294400"
has "stale mtime" "bytecode is stale for 'mod'"
same_dis "stale mtime" "$PYC"

# A checked hash-based pyc (SOURCE_DATE_EPOCH), fresh, then stale after an edit.
env -i PATH=/usr/bin:/bin SOURCE_DATE_EPOCH=1 "$MINIPY" -m py_compile mod.py
view "checked hash" "$PYC"
has "checked hash" "flags:      0x3: CHECKED_HASH"
has "checked hash" "source hash: $(clean_run "$PYTHON311" -c 'import importlib.util; print(importlib.util.source_hash(open("mod.py", "rb").read()).hex())')"
has "checked hash" "verdict:      fresh: the source's hash equals the header's"
echo '# edited' >>mod.py
view "checked hash, edited" "$PYC"
has "checked hash, edited" "verdict:      stale: the source now hashes to"
has "checked hash, edited" "hash in bytecode doesn't match hash of source 'mod'"

# CPython-written pycs: a timestamp one and an unchecked hash-based one.
clean_run "$PYTHON311" -m py_compile mod.py
view "CPython's pyc" __pycache__/mod.cpython-311.pyc
status "CPython's pyc" 0
has "CPython's pyc" "verdict:      fresh: the source's mtime and size equal the header's"
same_dis "CPython's pyc" __pycache__/mod.cpython-311.pyc
clean_run "$PYTHON311" -c 'import py_compile as p; p.compile("mod.py", invalidation_mode=p.PycInvalidationMode.UNCHECKED_HASH)'
view "unchecked hash" __pycache__/mod.cpython-311.pyc
has "unchecked hash" "flags:      0x1: UNCHECKED_HASH"
has "unchecked hash" "verdict:      trusted: an unchecked hash-based pyc; import does not read the source"

# Damaged files: each is reported and refused (exit 1).
clean_run "$PYTHON311" -m py_compile mod.py
GOOD=__pycache__/mod.cpython-311.pyc
damage() {  # damage NAME: a copy of the good pyc at __pycache__/NAME.cpython-311.pyc
  cp "$GOOD" "__pycache__/$1.cpython-311.pyc"
  cp mod.py "$1.py"
  touch -r mod.py "$1.py"
  echo "__pycache__/$1.cpython-311.pyc"
}
f=$(damage short); head -c 10 "$GOOD" >"$f"
view "truncated header" "$f"; status "truncated header" 1
has "truncated header" "(only 10 of 16 bytes)"
has "truncated header" "damaged:    reached EOF while reading pyc header of 'short'"
f=$(damage magic); printf '\x6f\x0d' | dd of="$f" bs=1 seek=0 conv=notrunc status=none
view "bad magic" "$f"; status "bad magic" 1
has "bad magic" "magic:      3439 + \\r\\n: Python 3.10 -- not 3.11's 3495 + \\r\\n"
has "bad magic" "damaged:    bad magic number in 'magic'"
f=$(damage flags); printf '\x06' | dd of="$f" bs=1 seek=4 conv=notrunc status=none
view "bad flags" "$f"; status "bad flags" 1
has "bad flags" "flags:      0x6: not a PEP 552 invalidation mode"
has "bad flags" "damaged:    invalid flags 6 in 'flags'"
f=$(damage body); head -c 40 "$GOOD" >"$f"
view "truncated body" "$f"; status "truncated body" 1
has "truncated body" "verdict:      fresh: the source's mtime and size equal the header's"
has "truncated body" "code:         damaged body:"
f=$(damage flipped); printf '\xff\xff\xff\xff' | dd of="$f" bs=1 seek=30 conv=notrunc status=none
view "bit flips" "$f"; status "bit flips" 1
has "bit flips" "code:         damaged body:"
: >__pycache__/empty.cpython-311.pyc
view "empty file" __pycache__/empty.cpython-311.pyc; status "empty file" 1
has "empty file" "too short for a magic number"
has "empty file" "source:       empty.py (No such file or directory)"
view "missing file" nothere.pyc; status "missing file" 1
grep -q "can't open 'nothere.pyc': \[Errno 2\] No such file or directory" v.err || fail "missing file: $(cat v.err)"
# A legacy (sourceless) pyc outside __pycache__.
cp "$GOOD" legacy.pyc
view "sourceless" legacy.pyc; status "sourceless" 0
has "sourceless" "source:       none known"
same_dis "sourceless" legacy.pyc
finish
