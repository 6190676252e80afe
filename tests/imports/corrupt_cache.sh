# Damaged caches never crash minipy and never stop it: a pyc truncated at every byte offset, with a wrong
# magic number, undefined flags, empty, or a directory in its place is recompiled from source, the right
# code runs, and the cache is rewritten (CPython instead fails with EOFError / ValueError on every run
# once a pyc body is damaged). Random byte flips may leave a well-formed but different body (no pyc format
# can notice that), so for them the rule is only: no crash — a normal exit status, or, when the flip turned a
# loop into an endless one (a well-formed, different program: CPython would loop too), the test's timeout.
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

# Truncated at every offset, including inside the 16-byte header.
for ((n = 0; n < SIZE; n++)); do
  head -c $n good.pyc >$PYC
  mp -- main.py
  expect_out "truncated to $n bytes" "$EXPECTED"
  cmp -s $PYC good.pyc || fail "truncated to $n bytes: cache not rewritten"
done
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

# Random byte flips anywhere in the file (deterministic seed so failures reproduce).
RANDOM=20241125
saved_timeout=$CASE_TIMEOUT
CASE_TIMEOUT=5
for ((i = 0; i < 300; i++)); do
  cp good.pyc $PYC
  offset=$((RANDOM % SIZE))
  byte=$(printf '\\x%02x' $((RANDOM % 256)))
  printf "$byte" | dd of=$PYC bs=1 seek=$offset conv=notrunc status=none
  mp -- main.py
  if [[ $RC -eq 124 ]]; then
    echo "note: byte $offset set to $byte made an endless (well-formed) program; stopped by the timeout"
  elif [[ $RC -ne 0 && $RC -ne 1 ]]; then
    fail "byte $offset set to $byte: exit status $RC"
    head -n 5 err
  fi
done
CASE_TIMEOUT=$saved_timeout

# Opcode swaps that once crashed the VM (found by fuzzing): the first `FOR_ITER; STORE_FAST` gets POP_EXCEPT
# (89) for its STORE_FAST (125), which must fail verification; the first `GET_ITER` (68) becomes UNPACK_EX (94)
# with argument 0, handing a comprehension a list instead of an iterator, which must be a TypeError.
swap_first() {  # PATTERN_HEX OFFSET_IN_PATTERN NEW_BYTE_HEX: copy of good.pyc with that one byte replaced
  local at
  at=$(od -An -v -tx1 good.pyc | tr -d '\n' | sed 's/  */ /g' | grep -ob " $1" | head -n 1 | cut -d: -f1)
  [[ -n $at ]] || { fail "pattern $1 not found in the cache"; return 1; }
  cp good.pyc $PYC
  printf "\\x$3" | dd of=$PYC bs=1 seek=$((at / 3 + $2)) conv=notrunc status=none
}
if swap_first "5d [0-9a-f][0-9a-f] 7d" 2 59; then
  mp -- -v main.py
  expect_out "POP_EXCEPT in a loop" "$EXPECTED"
  expect_err_has "POP_EXCEPT in a loop" "cannot run on minipy"
fi
if swap_first "97 00 64 [0-9a-f][0-9a-f] 7d" 4 5a; then  # a function's STORE_FAST becomes STORE_NAME
  mp -- main.py
  [[ $RC -eq 1 ]] || fail "STORE_NAME in a function: exit status $RC, expected 1"
  grep -q "SystemError: no locals found when storing" err || fail "STORE_NAME: no SystemError: $(tail -n 1 err)"
fi
if swap_first "44 00" 0 5e; then
  mp -- main.py
  [[ $RC -eq 1 ]] || fail "UNPACK_EX before a comprehension: exit status $RC, expected 1"
  grep -q "TypeError: 'list' object is not an iterator" err || fail "UNPACK_EX: no TypeError: $(tail -n 1 err)"
fi
finish
