# Git's racy-file rule: a source modified within the current second gets a checked hash-based pyc, so a second
# edit in the same second with the same size (same mtime, same size: a timestamp pyc would look fresh and run
# stale code, as CPython does) is still noticed. Sources safely in the past get ordinary timestamp pycs.
source "$(dirname "$0")/import_lib.sh" "$@"
PYC=__pycache__/mod.$TAG.pyc
printf 'import mod\nprint(mod.V)\n' >main.py

# Two same-size edits pinned to the same mtime (as if both happened within one second).
printf 'V = 111\n' >mod.py
touch -d '+1 hour' mod.py   # not safely in the past
STAMP=$(stat -c %Y mod.py)
mp -- main.py; expect_out "first version" 111
[[ $(pyc_flags $PYC) == 3 ]] || fail "a racy source should get a checked hash-based pyc, flags $(pyc_flags $PYC)"
printf 'V = 222\n' >mod.py
touch -d "@$STAMP" mod.py
mp -- -v main.py; expect_out "same-size edit with the same mtime" 222
expect_err_has "same-size edit" "# code object from $SCRATCH/mod.py"

# The same with a real same-second edit, without touch: write, import, rewrite at once.
rm -rf __pycache__
printf 'V = 333\n' >mod.py; mp -- main.py; expect_out "quick edit 1" 333
printf 'V = 444\n' >mod.py; mp -- main.py; expect_out "quick edit 2" 444

# A hash-based pyc that still matches is a cache hit.
mp -- -v main.py; expect_out "hash pyc reuse" 444; expect_err_has "hash pyc reuse" "matches"

# An old source gets a timestamp pyc.
rm -rf __pycache__; age mod.py
mp -- main.py; expect_out "old source" 444
[[ $(pyc_flags $PYC) == 0 ]] || fail "an old source should get a timestamp pyc, flags $(pyc_flags $PYC)"

# --check-hash-based-pycs: 'never' trusts a stale checked pyc; 'always' checks unchecked ones.
rm -rf __pycache__; printf 'V = 555\n' >mod.py; touch -d '+1 hour' mod.py
mp -- main.py; expect_out "before never" 555
printf 'V = 666\n' >mod.py; touch -d '+1 hour' mod.py
mp -- --check-hash-based-pycs never main.py; expect_out "--check-hash-based-pycs never" 555
mp -- --check-hash-based-pycs default main.py; expect_out "--check-hash-based-pycs default" 666
# Make it an unchecked hash pyc (flags 1), then edit: default trusts it, always does not.
# (without minipy's integrity trailer, as another tool would write it: a changed flag under a trailer is damage)
printf '\x01' | dd of=$PYC bs=1 seek=4 conv=notrunc status=none
truncate -s -12 $PYC
printf 'V = 777\n' >mod.py
mp -- main.py; expect_out "unchecked hash pyc, default" 666
mp -- --check-hash-based-pycs always main.py; expect_out "unchecked hash pyc, always" 777
finish
