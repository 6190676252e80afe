# The verified-body memo (cache/verified_memo.h): once a pyc has been verified and its ctime has settled, the
# next imports skip the verifier for that unchanged file; a file changed in place — here a byte that makes
# its bytecode unrunnable, same size — has a new ctime, is verified in full again, refused and recompiled.
source "$(dirname "$0")/import_lib.sh" "$@"

cat >mod.py <<'PY'
def double(x):
    return [x * 2 for _ in range(2)]
RESULT = double(21)
PY
printf 'import mod\nprint(mod.RESULT)\n' >main.py
age mod.py main.py
XDG=XDG_CACHE_HOME=$SCRATCH/xdg
PYC=__pycache__/mod.$TAG.pyc
memo_entries() { find xdg/minipy -path '*/verified-*' -type f 2>/dev/null | wc -l; }

mp $XDG -- main.py
expect_out "first run (compiles, writes the cache)" "[42, 42]"
[[ -f $PYC ]] || fail "no cache written"
# A cache changed within the last clock ticks is not remembered yet (the window is 0.1 s on a filesystem with
# nanosecond stamps, too short to test from a script on a loaded machine: tests/unit/test_verified_memo.cpp
# holds verified_memo_key to it).
sleep 3  # the cache's ctime settles (two seconds on a filesystem with whole-second stamps)
mp $XDG -- main.py
expect_out "verified and remembered" "[42, 42]"
[[ $(memo_entries) -eq 1 ]] || fail "expected one memo entry, found $(memo_entries)"
mp $XDG -- -v main.py
expect_out "served with the memo" "[42, 42]"
expect_err_has "served with the memo" "matches"
stat -c '%a' xdg/minipy/verified-* | grep -qx 700 || fail "memo directory is not private (mode $(stat -c '%a' xdg/minipy/verified-*))"

# The module's first instruction (RESUME, after the 16-byte header, the code type and its five counts, and
# co_code's type and length) becomes an opcode minipy does not have: same size, new ctime.
OFFSET=42
[[ $(od -A n -t u1 -j $OFFSET -N 1 $PYC | tr -d ' ') == 151 ]] || fail "offset $OFFSET does not hold RESUME"
printf '\xff' | dd of=$PYC bs=1 seek=$OFFSET conv=notrunc status=none
mp $XDG -- -v main.py
expect_out "damaged in place after it was remembered" "[42, 42]"
# Refused, not served from the memo: minipy's own pycs carry an integrity trailer, which catches the damage
# before the verifier would (a trailerless pyc gets the verifier's "cached bytecode cannot run on minipy").
grep -qE "integrity trailer does not match|cached bytecode cannot run on minipy" err ||
  fail "damaged in place after it was remembered: not refused ($(head -n 3 err))"
finish
