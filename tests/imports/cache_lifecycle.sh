# The cache's life: it appears for imported modules (never for the main script), a second run reads it
# (proved by -v and by its bytes staying the same), an edit rebuilds it, and the same source compiles to
# byte-identical pycs.
source "$(dirname "$0")/import_lib.sh" "$@"

printf 'X = 41\ndef bump(v):\n    return v + 1\n' >mod.py
printf 'import mod\nprint(mod.bump(mod.X))\n' >main.py
age mod.py main.py
PYC=__pycache__/mod.$TAG.pyc

mp -- -v main.py
expect_out "first run" 42
[[ -f $PYC ]] || fail "first run: $PYC was not written"
[[ -e __pycache__/main.$TAG.pyc ]] && fail "the main script got a cache file"
expect_err_has "first run" "# code object from $SCRATCH/mod.py"
expect_err_has "first run" "# created '$SCRATCH/$PYC'"
[[ $(pyc_flags $PYC) == 0 ]] || fail "an old source should get a timestamp pyc, flags $(pyc_flags $PYC)"
cp $PYC first.pyc

mp -- -v main.py
expect_out "second run" 42
expect_err_has "second run" "# $SCRATCH/$PYC matches $SCRATCH/mod.py"
expect_err_has "second run" "# code object from '$SCRATCH/$PYC'"
expect_err_lacks "second run" "created"
cmp -s first.pyc $PYC || fail "second run: the cache's bytes changed"

# Reproducible: the same source at the same path compiles to the same bytes.
rm -rf __pycache__
mp -- main.py
cmp -s first.pyc $PYC || fail "recompiling the same source gave different pyc bytes"

# An edit (content and size) rebuilds the cache and runs the new code.
printf 'X = 99\ndef bump(v):\n    return v + 2\n' >mod.py
touch -d '-30 minutes' mod.py
mp -- -v main.py
expect_out "after an edit" 101
expect_err_has "after an edit" "# bytecode is stale for 'mod'"
expect_err_has "after an edit" "# created '$SCRATCH/$PYC'"
mp -- -v main.py
expect_out "after the rebuild" 101
expect_err_has "after the rebuild" "matches"

# Only the mtime changes (same bytes): recompiled, since the timestamp no longer matches.
touch -d '-20 minutes' mod.py
mp -- -v main.py
expect_out "after touch" 101
expect_err_has "after touch" "# bytecode is stale for 'mod'"

# Packages and submodules get their own caches, beside their sources.
mkdir -p pkg/sub
printf 'from . import leaf\n' >pkg/__init__.py
printf 'from .sub import deep\nVALUE = deep.D * 2\n' >pkg/leaf.py
printf '' >pkg/sub/__init__.py
printf 'D = 21\n' >pkg/sub/deep.py
age pkg/__init__.py pkg/leaf.py pkg/sub/__init__.py pkg/sub/deep.py
mp -- -c 'import pkg; print(pkg.leaf.VALUE)'
expect_out "package import" 42
for f in pkg/__pycache__/__init__ pkg/__pycache__/leaf pkg/sub/__pycache__/__init__ pkg/sub/__pycache__/deep; do
  [[ -f $f.$TAG.pyc ]] || fail "package import: $f.$TAG.pyc missing"
done

# Every kind of code is run from its cache, generators, with and try included (the cache checker once
# refused generator code, so such modules were silently recompiled on every import).
cat >kinds.py <<'PY'
def gen():
    try:
        yield 1
        yield from (2, 3)
    finally:
        pass
class Box:
    def __enter__(self): return self
    def __exit__(self, *exc): return False
with Box():
    TOTAL = sum(gen()) + sum(x * x for x in gen())
PY
age kinds.py
mp -- -c 'import kinds; print(kinds.TOTAL)'
expect_out "kinds of code, first run" 20
mp -- -v -c 'import kinds; print(kinds.TOTAL)'
expect_out "kinds of code, from the cache" 20
expect_err_has "kinds of code, from the cache" "code object from '$SCRATCH/__pycache__/kinds.$TAG.pyc'"

# -O and -OO use their own cache files.
mp -- -O main.py
[[ -f __pycache__/mod.$TAG.opt-1.pyc ]] || fail "-O did not write mod.$TAG.opt-1.pyc"
mp -- -OO main.py
[[ -f __pycache__/mod.$TAG.opt-2.pyc ]] || fail "-OO did not write mod.$TAG.opt-2.pyc"
finish
