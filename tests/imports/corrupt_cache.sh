# Damaged caches never crash minipy, never stop it and never run: a pyc truncated at every byte offset, with a
# wrong magic number, undefined flags, empty, a directory in its place, or with any one byte of it changed is
# recompiled from source, the right code runs, and the cache is rewritten (CPython instead fails with
# EOFError / ValueError on every run once a pyc body is damaged, and runs a changed constant). A changed byte
# inside a well-formed body used to run as a different program, which made this sweep depend on timing (a
# flip could make an endless or memory-hungry program, stopped by a timeout or the OOM killer depending on the
# machine's load); minipy's integrity trailer (cache/pyc.h) now refuses every such file before it runs.
source "$(dirname "$0")/import_lib.sh" "$@"

cat >mod.py <<'PY'
NAMES = ("alpha", "beta", "gamma")
TABLE = {name: len(name) * 3 for name in NAMES}
def total(scale=2, *rest, **options):
    acc = 0
    for name in NAMES:
        acc += TABLE[name] * scale
    return acc + sum(rest) + len(options)
RESULT = f"{total()}:{total(1, 5, k=1)}:{3.25 * 2}"
PY
printf 'import mod\nprint(mod.RESULT)\n' >main.py
age mod.py main.py
mp -- main.py
EXPECTED=$(cat out)
[[ $RC -eq 0 && -n $EXPECTED ]] || { fail "clean run failed: $(cat err)"; finish; }
PYC=__pycache__/mod.$TAG.pyc
cp $PYC good.pyc
SIZE=$(stat -c %s good.pyc)

healed() {  # WHAT: the cache is valid again (the next run reads it)
  mp -- -v main.py
  expect_out "$1 (next run)" "$EXPECTED"
  expect_err_has "$1 (next run)" "matches"
}

# Truncated at every offset (header, body and trailer included), then every byte changed in turn (each offset
# XORed with a different nonzero mask): the right output and a rewritten cache every time. Cut exactly before
# the trailer, the file is a whole pyc without one (as CPython writes them): it is used as it is. The ~2 x SIZE
# runs go through one python3.11 driver (a process per run instead of eight keeps the sweep within its time on
# a loaded machine).
if [[ -x $PYTHON311 ]]; then
  "$PYTHON311" -I - "$MINIPY" "$PYC" "$EXPECTED" "$CASE_TIMEOUT" "${PASS_ENV[@]}" >sweep.log 2>&1 <<'PY'
import os, subprocess, sys
minipy, pyc, expected, timeout = sys.argv[1], sys.argv[2], sys.argv[3], float(sys.argv[4])
env = {"PATH": "/usr/bin:/bin", "LC_ALL": "C.UTF-8"}
env.update(kv.split("=", 1) for kv in sys.argv[5:] if "=" in kv)
good = open("good.pyc", "rb").read()
failures = 0
def run(what, damaged, keep_ok=None):
    global failures
    with open(pyc, "wb") as fh:
        fh.write(damaged)
    try:
        r = subprocess.run([minipy, "main.py"], env=env, capture_output=True, timeout=timeout)
        status, out, err = r.returncode, r.stdout.decode(errors="replace").strip(), r.stderr.decode(errors="replace")
    except subprocess.TimeoutExpired:
        status, out, err = "timeout", "", ""
    now = open(pyc, "rb").read()
    if status != 0 or out != expected:
        failures += 1
        print(f"FAIL: {what}: status {status}, stdout {out!r}\n{err[-500:]}")
    elif now != good and now != keep_ok:
        failures += 1
        print(f"FAIL: {what}: cache not rewritten")
for n in range(len(good)):
    run(f"truncated to {n} bytes", good[:n], keep_ok=good[:n] if n == len(good) - 12 else None)
for offset in range(len(good)):
    damaged = bytearray(good)
    damaged[offset] ^= offset * 37 % 255 + 1
    run(f"byte {offset} changed to {damaged[offset]:#04x}", bytes(damaged))
print(f"{2 * len(good)} damaged caches, {failures} failure(s)")
sys.exit(1 if failures else 0)
PY
  [[ $? -eq 0 ]] || { fail "truncation / byte sweep"; grep -m 20 FAIL sweep.log; }
  tail -n 1 sweep.log
else
  echo "note: python3.11 not found: the truncation and byte sweep is skipped"
fi
healed "after truncation"

# Header damage.
cp good.pyc $PYC; printf 'JUNK' | dd of=$PYC bs=1 seek=0 conv=notrunc status=none
mp -- -v main.py; expect_out "wrong magic" "$EXPECTED"; expect_err_has "wrong magic" "bad magic number in 'mod'"
healed "wrong magic"
cp good.pyc $PYC; printf '\x04' | dd of=$PYC bs=1 seek=4 conv=notrunc status=none
mp -- main.py; expect_out "undefined flags" "$EXPECTED"; healed "undefined flags"
: >$PYC
mp -- main.py; expect_out "empty cache file" "$EXPECTED"; healed "empty cache file"
cp good.pyc $PYC; printf '\xff\xff\xff\xff' | dd of=$PYC bs=1 seek=16 conv=notrunc status=none
mp -- -v main.py; expect_out "garbage body" "$EXPECTED"; expect_err_has "garbage body" "# code object from $SCRATCH/mod.py"
healed "garbage body"

# A directory where the cache file should be: runs, cannot write (and says so under -v).
rm -f $PYC; mkdir $PYC
mp -- -v main.py; expect_out "directory in place of the cache" "$EXPECTED"
expect_err_has "directory in place of the cache" "# could not create"
rmdir $PYC

# Opcode swaps that once crashed the VM (found by fuzzing), in a pyc without the trailer (as CPython would
# write it), so the verifier and the VM are what is tested: the first `FOR_ITER; STORE_FAST` gets POP_EXCEPT
# (89) for its STORE_FAST (125), which must fail verification; a function's STORE_FAST becomes STORE_NAME,
# which needs a namespace (the opcode table's context column) and is refused too; the first `GET_ITER` (68)
# becomes UNPACK_EX (94) with argument 0, handing a comprehension a list instead of an iterator, which must be a
# TypeError.
swap_first() {  # PATTERN_HEX OFFSET_IN_PATTERN NEW_BYTE_HEX: copy of good.pyc with that one byte replaced
  local at
  at=$(od -An -v -tx1 good.pyc | tr -d '\n' | sed 's/  */ /g' | grep -ob " $1" | head -n 1 | cut -d: -f1)
  [[ -n $at ]] || { fail "pattern $1 not found in the cache"; return 1; }
  cp good.pyc $PYC
  printf "\\x$3" | dd of=$PYC bs=1 seek=$((at / 3 + $2)) conv=notrunc status=none
  truncate -s -12 $PYC  # drop the trailer
}
if swap_first "5d [0-9a-f][0-9a-f] 7d" 2 59; then
  mp -- -v main.py
  expect_out "POP_EXCEPT in a loop" "$EXPECTED"
  expect_err_has "POP_EXCEPT in a loop" "cannot run on minipy"
fi
if swap_first "97 00 64 [0-9a-f][0-9a-f] 7d" 4 5a; then  # a function's STORE_FAST becomes STORE_NAME
  mp -- -X explain_cache main.py
  expect_out "STORE_NAME in a function" "$EXPECTED"
  expect_err_has "STORE_NAME in a function" "STORE_NAME in optimized (function) code"
fi
if swap_first "44 00" 0 5e; then
  mp -- main.py
  [[ $RC -eq 1 ]] || fail "UNPACK_EX before a comprehension: exit status $RC, expected 1"
  grep -q "TypeError: 'list' object is not an iterator" err || fail "UNPACK_EX: no TypeError: $(tail -n 1 err)"
fi
finish
