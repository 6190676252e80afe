# What decides whether and where caches are written: -B, PYTHONDONTWRITEBYTECODE (ignored under -E / -I),
# sys.dont_write_bytecode set by the program, PYTHONPYCACHEPREFIX / -X pycache_prefix (a mirror tree),
# -X cache_tag; and which files import at all: a legacy mod.pyc with no source imports, an orphaned
# __pycache__ entry does not; an unwritable cache location just means running without a cache.
source "$(dirname "$0")/import_lib.sh" "$@"

setup() {
  rm -rf work && mkdir work && cd work || exit 1
  printf 'X = 7\n' >mod.py
  printf 'import mod\nprint(mod.X)\n' >main.py
  age mod.py main.py
}
no_caches() {  # WHAT
  local found
  found=$(find "$SCRATCH" -name '*.pyc' | head -n 3)
  [[ -z $found ]] || fail "$1: wrote $found"
}

setup; mp -- -B main.py; expect_out "-B" 7; no_caches "-B"; cd ..
setup; mp PYTHONDONTWRITEBYTECODE=1 -- main.py; expect_out "PYTHONDONTWRITEBYTECODE" 7
no_caches "PYTHONDONTWRITEBYTECODE"; cd ..
setup; mp PYTHONDONTWRITEBYTECODE=1 -- -E main.py; expect_out "-E" 7
[[ -f __pycache__/mod.$TAG.pyc ]] || fail "-E should ignore PYTHONDONTWRITEBYTECODE"; cd ..
# -I (like -P) leaves the script's directory out of sys.path, as CPython does.
setup; mp -- -I main.py
[[ $RC -eq 1 ]] && expect_err_has "-I" "No module named 'mod'" || fail "-I: status $RC, expected 1"; cd ..
setup; mp PYTHONPATH="$SCRATCH/work" -- -I main.py
[[ $RC -eq 1 ]] || fail "-I must ignore PYTHONPATH"; cd ..
setup; mkdir lib; mv mod.py lib/; mp PYTHONPATH="$SCRATCH/work/lib" -- main.py; expect_out "PYTHONPATH" 7
mp PYTHONPATH="$SCRATCH/work/lib" -- -E main.py
[[ $RC -eq 1 ]] || fail "-E must ignore PYTHONPATH"; cd ..
setup
printf 'import sys\nsys.dont_write_bytecode = True\nimport mod\nprint(mod.X)\n' >main.py
mp -- main.py; expect_out "sys.dont_write_bytecode" 7; no_caches "sys.dont_write_bytecode"; cd ..

# A prefix mirrors the source directory's absolute path below it; nothing lands beside the source.
setup; mp PYTHONPYCACHEPREFIX="$SCRATCH/prefix" -- main.py; expect_out "PYTHONPYCACHEPREFIX" 7
[[ -f $SCRATCH/prefix$SCRATCH/work/mod.$TAG.pyc ]] || fail "PYTHONPYCACHEPREFIX: no mirrored cache"
[[ -e __pycache__ ]] && fail "PYTHONPYCACHEPREFIX: __pycache__ created beside the source"
mp PYTHONPYCACHEPREFIX="$SCRATCH/prefix" -- -v main.py
expect_err_has "PYTHONPYCACHEPREFIX second run" "# $SCRATCH/prefix$SCRATCH/work/mod.$TAG.pyc matches"
cd ..; rm -rf prefix
setup; mp -- -X pycache_prefix="$SCRATCH/xprefix" -c 'import sys, mod; print(sys.pycache_prefix == "'"$SCRATCH"'/xprefix")'
expect_out "-X pycache_prefix" True
[[ -f $SCRATCH/xprefix$SCRATCH/work/mod.$TAG.pyc ]] || fail "-X pycache_prefix: no mirrored cache"
cd ..

# Another tag, other file names.
setup; mp -- -X cache_tag=other-1 -c 'import sys, mod; print(sys.implementation.cache_tag)'
expect_out "-X cache_tag" other-1
[[ -f __pycache__/mod.other-1.pyc ]] || fail "-X cache_tag: no mod.other-1.pyc"; cd ..

# Legacy sourceless import: mod.pyc beside no mod.py.
setup; mp -- main.py; mv __pycache__/mod.$TAG.pyc mod.pyc; rm -rf __pycache__ mod.py
mp -- -v -c 'import mod; print(mod.X, mod.__file__.endswith("mod.pyc"), mod.__cached__ == mod.__file__)'
expect_out "sourceless mod.pyc" "7 True True"
expect_err_has "sourceless mod.pyc" "SourcelessFileLoader"
cd ..

# An orphaned cache (its source deleted) is not imported.
setup; mp -- main.py; rm mod.py
mp -- main.py
[[ $RC -eq 1 ]] || fail "orphaned cache: status $RC, expected 1"
expect_err_has "orphaned cache" "ModuleNotFoundError: No module named 'mod'"
cd ..

# Nowhere to write: a file where __pycache__ should be, and (unless root) a read-only directory.
setup; printf 'not a directory' >__pycache__
mp -- -v main.py; expect_out "__pycache__ is a file" 7
expect_err_has "__pycache__ is a file" "# could not create '$SCRATCH/work/__pycache__"
cd ..
if [[ $(id -u) -ne 0 ]]; then
  setup; chmod a-w .
  mp -- -v main.py; expect_out "read-only directory" 7
  expect_err_has "read-only directory" "# could not create '$SCRATCH/work/__pycache__'"
  mp -- main.py; expect_out "read-only directory, quiet" 7
  [[ -s err ]] && fail "read-only directory: stderr not empty without -v: $(cat err)"
  chmod u+w .; cd ..
fi
# -W error makes the compile's DeprecationWarning (an invalid escape) its SyntaxError, as in CPython: the import
# fails, no cache records the code, and so the next run fails the same way instead of running stale bytecode.
# Without the filter the warning is shown once, at the compile, and the cache hit after it is silent.
setup; printf 'S = "\\d"\nX = 7\n' >mod.py; age mod.py
for run in first second; do
  mp -- -W error main.py
  [[ $RC -eq 1 ]] && expect_err_has "-W error ($run run)" "SyntaxError: invalid escape sequence '\d'" ||
    fail "-W error ($run run): status $RC, expected 1"
done
[[ -z $(find . -name '*.pyc') ]] || fail "-W error: a cache was written: $(find . -name '*.pyc')"
mp -- -W default main.py; expect_out "-W default" 7; expect_err_has "-W default" "DeprecationWarning: invalid escape"
mp -- -W default main.py; expect_out "-W default, cached" 7; expect_err_lacks "-W default, cached" "Warning"; cd ..
# py_compile and compileall share that path: under -W error the file fails and gets no pyc; the others do.
setup; printf 'S = "\\d"\n' >mod.py; age mod.py
mp -- -W error -m py_compile mod.py
[[ $RC -eq 1 && ! -e __pycache__ ]] || fail "py_compile -W error: status $RC, expected 1 and no cache"
mp -- -W error -m compileall -q .
[[ $RC -eq 1 ]] && expect_err_lacks "compileall -W error" "Traceback" || fail "compileall -W error: status $RC"
[[ -f __pycache__/main.$TAG.pyc && ! -e __pycache__/mod.$TAG.pyc ]] || fail "compileall -W error: $(ls __pycache__)"
cd ..
finish
