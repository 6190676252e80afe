# -X explain_cache prints one plain-English line per cache decision on stderr ("MODULE: what happened"),
# and nothing without the option.
source "$(dirname "$0")/import_lib.sh" "$@"
PYC=$SCRATCH/__pycache__/spam.$TAG.pyc
printf 'X = 1\n' >spam.py
printf 'import spam\n' >main.py
age spam.py main.py

mp -- main.py
[[ -s err ]] && fail "without -X explain_cache nothing is explained: $(cat err)"
rm -rf __pycache__
mp -- -X explain_cache main.py
expect_err_has "first import" "spam: compiled: no cache at $PYC; wrote $PYC (timestamp pyc)"
mp -- -X explain_cache main.py
mtime=$(stat -c %Y spam.py)
expect_err_has "cache hit" "spam: cache hit: $PYC matches source mtime $mtime and size 6"
[[ $(wc -l <err) -eq 1 ]] || fail "one line per decision expected, got: $(cat err)"
touch -d @1700000000 spam.py   # a fixed mtime, so the size edit below keeps it exactly
mp -- -X explain_cache main.py
expect_err_has "touched source" "spam: recompiled: source mtime 1700000000 differs from cache's $mtime"
printf 'X = 12\n' >spam.py; touch -d @1700000000 spam.py
mp -- -X explain_cache main.py
expect_err_has "size change" "spam: recompiled: source size 7 differs from cache's 6"
printf 'JUNK' | dd of=$PYC bs=1 seek=0 conv=notrunc status=none
mp -- -X explain_cache main.py
expect_err_has "bad magic" "spam: recompiled: bad magic number in 'spam': b'JUNK'"
head -c 40 $PYC >cut && cp cut $PYC
mp -- -X explain_cache main.py
expect_err_has "truncated body" "spam: recompiled: cache body is damaged (marshal data too short"
mp -- -B -X explain_cache -c 'import sys; sys.modules.pop("spam", None); import spam'
printf 'X = 13\n' >spam.py; touch -d '-1 hours' spam.py
mp -- -B -X explain_cache main.py
expect_err_has "-B" "; cache not written (-B, PYTHONDONTWRITEBYTECODE or sys.dont_write_bytecode)"
# A source modified in the second minipy stats it (pinned to the future: a loaded machine may start minipy in the
# next second after a plain write, and the rule would rightly not apply).
printf 'X = 14\n' >spam.py; touch -d '+1 hour' spam.py
mp -- -X explain_cache main.py
expect_err_has "racy" "(checked hash-based pyc: the source changed within the last second"
finish
