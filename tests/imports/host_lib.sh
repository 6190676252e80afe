# The host CPython's Lib on sys.path, used in place: a Lib module is served by CPython's own pyc beside it when
# that is fresh and verifies, else by minipy's cache in the per-user mirror tree ($XDG_CACHE_HOME/minipy/...,
# else ~/.cache/minipy/..., laid out as PYTHONPYCACHEPREFIX lays out its tree); nothing is ever written under
# the Lib directory. MINIPYHOSTLIB overrides the Lib found at build time (-E / -I ignore it).
source "$(dirname "$0")/import_lib.sh" "$@"
mkdir home xdg
ENVS=(HOME=$SCRATCH/home XDG_CACHE_HOME=$SCRATCH/xdg)

# A fake Lib the test owns (minipy runs as root in CI, so permissions could not keep it from writing there).
mkdir fakelib
printf 'WHERE = "fake Lib"\n' >fakelib/fakemod.py
age fakelib/fakemod.py
printf 'import fakemod, sys\nprint(fakemod.WHERE)\n' >main.py

mp "${ENVS[@]}" MINIPYHOSTLIB=$SCRATCH/fakelib PYTHONPATH=/nonexistent/pp -- -c 'import sys; print(sys.path)'
grep -qF "'/nonexistent/pp', " out && grep -qF "/stdlib', '$SCRATCH/fakelib']" out ||
  fail "sys.path is script dir, PYTHONPATH, minipy's stdlib/, then the host Lib: $(cat out)"
mp "${ENVS[@]}" MINIPYHOSTLIB=$SCRATCH/fakelib -- -E -c 'import sys; print(sys.path[-1])'
[[ $(cat out) != "$SCRATCH/fakelib" ]] || fail "-E ignores MINIPYHOSTLIB"
mp "${ENVS[@]}" MINIPYHOSTLIB=$SCRATCH/fakelib -- -I -c 'import sys; print(sys.path[-1])'
[[ $(cat out) != "$SCRATCH/fakelib" ]] || fail "-I ignores MINIPYHOSTLIB"

# First run: compiled, cache written to the mirror tree, nothing beside the source.
MIRROR=$SCRATCH/xdg/minipy$SCRATCH/fakelib/fakemod.$TAG.pyc
mp "${ENVS[@]}" MINIPYHOSTLIB=$SCRATCH/fakelib -- -X explain_cache main.py
expect_out "fake Lib module runs" "fake Lib"
expect_err_has "mirror written" "wrote $MIRROR (timestamp pyc)"
[[ -f $MIRROR ]] || fail "no cache in the mirror tree at $MIRROR"
[[ -e fakelib/__pycache__ ]] && fail "minipy wrote into the Lib directory: $(ls -R fakelib)"
# Second run: only hits.
mp "${ENVS[@]}" MINIPYHOSTLIB=$SCRATCH/fakelib -- -X explain_cache main.py
expect_err_has "mirror hit" "fakemod: cache hit: $MIRROR matches source mtime"
grep -v ': cache hit: ' err && fail "the second run compiles nothing"
# Without XDG_CACHE_HOME the mirror is ~/.cache/minipy.
mp HOME=$SCRATCH/home MINIPYHOSTLIB=$SCRATCH/fakelib -- main.py
[[ -f $SCRATCH/home/.cache/minipy$SCRATCH/fakelib/fakemod.$TAG.pyc ]] || fail "no cache under ~/.cache/minipy"
# -v names the file that served the import.
mp "${ENVS[@]}" MINIPYHOSTLIB=$SCRATCH/fakelib -- -v main.py
expect_err_has "-v names the mirror pyc" "# code object from '$MIRROR'"

# CPython's own pyc beside a Lib source serves the import when fresh (minipy emits the same bytecode) ...
if [[ -x ${PYTHON311:-} ]]; then
  env -i "$PYTHON311" -c "import py_compile; py_compile.compile('fakelib/fakemod.py')"
  CPYC=$SCRATCH/fakelib/__pycache__/fakemod.cpython-311.pyc
  before=$(md5sum <"$CPYC")
  mp "${ENVS[@]}" MINIPYHOSTLIB=$SCRATCH/fakelib -- -X explain_cache main.py
  expect_err_has "CPython's pyc serves" "fakemod: cache hit: CPython's $CPYC matches source mtime"
  # ... and is never rewritten when stale: minipy's cache goes to the mirror instead.
  printf 'WHERE = "edited fake Lib"\n' >fakelib/fakemod.py
  age fakelib/fakemod.py
  mp "${ENVS[@]}" MINIPYHOSTLIB=$SCRATCH/fakelib -- -X explain_cache main.py
  expect_out "edited Lib module" "edited fake Lib"
  expect_err_has "stale CPython pyc" "(CPython's cache not used: source "
  expect_err_has "mirror rewritten" "wrote $MIRROR"
  [[ $(md5sum <"$CPYC") == "$before" ]] || fail "CPython's pyc in the Lib directory was rewritten"
  [[ $(ls fakelib/__pycache__) == fakemod.cpython-311.pyc ]] || fail "Lib's __pycache__ gained: $(ls fakelib/__pycache__)"
fi

# No host Lib: CPython's message, and under -v / explain where minipy looked.
mp "${ENVS[@]}" MINIPYHOSTLIB= -- -c 'import json'
[[ $RC -eq 1 ]] || fail "import json without a Lib fails"
expect_err_has "CPython's message" "ModuleNotFoundError: No module named 'json'"
expect_err_lacks "no detail without -v" "searched"
mp "${ENVS[@]}" MINIPYHOSTLIB= -- -X explain_cache -c 'import json'
expect_err_has "explain says where it looked" "json: not found: searched '' (the current directory), "
expect_err_has "explain says there is no Lib" "no host Lib"
mp "${ENVS[@]}" MINIPYHOSTLIB= -- -v -c 'import json'
expect_err_has "-v says where it looked" "# no module named 'json': searched "

# The real host Lib (when minipy was built with one): first run of a module CPython ships no pyc for (-O
# names opt-1 caches) writes to the mirror; the second compiles nothing; nothing appears under the Lib.
mp "${ENVS[@]}" -- -c 'import sys; print(sys.path[-1])'
HOSTLIB=$(cat out)
if [[ $HOSTLIB == *python3.11 && -f $HOSTLIB/keyword.py ]]; then
  mp "${ENVS[@]}" -- -O -X explain_cache -c 'import keyword, __future__'
  [[ -f $SCRATCH/xdg/minipy$HOSTLIB/keyword.$TAG.opt-1.pyc ]] ||
    fail "keyword's cache is not in the mirror tree: $(cat err)"
  mp "${ENVS[@]}" -- -O -X explain_cache -c 'import keyword, __future__; print(keyword.iskeyword("if"))'
  expect_out "Lib's keyword" "True"
  grep -v ': cache hit: ' err && fail "the second run of Lib imports compiles nothing"
  mp "${ENVS[@]}" -- -X explain_cache -c 'import keyword'
  grep -q "keyword: cache hit: " err || fail "keyword is served by a cache: $(cat err)"
  # Lib's py_compile and compileall, and importlib.util, answer with the same mirror tree: compiling a Lib file
  # by hand never writes into the Lib directory either (the import statement's rule, as root too).
  LIBMIRROR=$SCRATCH/xdg/minipy$HOSTLIB/keyword.$TAG.pyc
  rm -f "$LIBMIRROR"
  mp "${ENVS[@]}" -- -c "
import importlib.util, py_compile
cached = importlib.util.cache_from_source('$HOSTLIB/keyword.py')
print(cached)
print(importlib.util.source_from_cache(cached))
print(py_compile.compile('$HOSTLIB/keyword.py') == cached)
print(importlib.util.cache_from_source('$SCRATCH/elsewhere/mod.py'))"
  expect_out "cache_from_source, source_from_cache, py_compile" "$LIBMIRROR
$HOSTLIB/keyword.py
True
$SCRATCH/elsewhere/__pycache__/mod.$TAG.pyc"
  [[ -f $LIBMIRROR ]] || fail "py_compile wrote no cache in the mirror tree"
  rm -f "$LIBMIRROR"
  mp "${ENVS[@]}" -- -m compileall -q -f "$HOSTLIB/keyword.py"
  [[ $RC -eq 0 && -f $LIBMIRROR ]] || fail "compileall of a Lib file writes its mirror cache: $(cat err)"
  found=$(find "$HOSTLIB" -name "*.$TAG*.pyc" 2>/dev/null | head -n 3)
  [[ -z $found ]] || fail "minipy caches under the host Lib: $found"
else
  echo "note: minipy was built without a host Lib ($HOSTLIB); its part of this scenario is skipped"
fi
finish
