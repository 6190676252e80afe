# py_compile details beyond the basic header: absolute paths, the cache file's mode following the
# source's, an existing cache being replaced, and the pyc recording the path it was given.
source "$(dirname "$0")/../tools/cli_lib.sh" "$@"
mkdir -p deep/er
printf 'print("abs")\n' >deep/er/absmod.py
rc=0; clean_run "$MINIPY" -m py_compile "$SCRATCH/deep/er/absmod.py" >out 2>err || rc=$?
[[ $rc -eq 0 ]] || fail "py_compile of an absolute path exited $rc: $(cat err)"
[[ -f deep/er/__pycache__/absmod.$CACHE_TAG.pyc ]] || fail "no cache beside an absolute-path source"

# The cache file's permission bits follow the source's (& 0o666), as importlib's _calc_mode does.
printf 'X = 1\n' >private.py
chmod 640 private.py
clean_run "$MINIPY" -m py_compile private.py >/dev/null 2>&1
clean_run "$PYTHON311" -m py_compile private.py >/dev/null 2>&1
m_mode=$(stat -c %a "__pycache__/private.$CACHE_TAG.pyc" 2>/dev/null || echo missing)
p_mode=$(stat -c %a __pycache__/private.cpython-311.pyc)
[[ $m_mode == "$p_mode" ]] || fail "cache mode $m_mode, python3.11 writes $p_mode"

# Recompiling after an edit replaces the cache (new size in the header).
printf 'X = 1\n' >edit.py
clean_run "$MINIPY" -m py_compile edit.py >/dev/null 2>&1
printf 'X = 1\nY = [X] * 3\nprint(Y)\n' >edit.py
clean_run "$MINIPY" -m py_compile edit.py >/dev/null 2>&1
size_field=$(od -A n -t u4 -j 12 -N 4 "__pycache__/edit.$CACHE_TAG.pyc" 2>/dev/null | tr -d ' ')
[[ $size_field == "$(stat -c %s edit.py)" ]] || fail "after an edit the header size is '$size_field', source is $(stat -c %s edit.py)"
leftovers=$(find __pycache__ -name 'edit.*' ! -name "edit.$CACHE_TAG.pyc" | wc -l)
[[ $leftovers -eq 0 ]] || fail "temporary files left in __pycache__: $(ls __pycache__)"

# The recorded file name is the path py_compile was given: a traceback from the pyc shows it.
mkdir -p sub
printf 'def f():\n    return 1 / 0\nf()\n' >sub/boom.py
clean_run "$MINIPY" -m py_compile sub/boom.py >/dev/null 2>&1
rc=0; clean_run "$PYTHON311" "sub/__pycache__/boom.$CACHE_TAG.pyc" >out 2>err || rc=$?
grep -q '^  File "sub/boom.py", line 2, in f$' err || fail "traceback from the pyc does not name sub/boom.py: $(cat err)"
finish
