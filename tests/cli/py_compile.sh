# minipy -m py_compile FILE...: writes __pycache__/NAME.<tag>.pyc with a header that matches the source
# (magic 3495, flags 0, mtime, size), python3.11 runs the result, and a syntax error writes nothing.
source "$(dirname "$0")/../tools/cli_lib.sh" "$@"
printf 'def sq(x):\n    return x * x\nprint([sq(i) for i in range(6)])\n' >mod.py
touch -d '2024-02-29 12:34:56 UTC' mod.py
rc=0; clean_run "$MINIPY" -m py_compile mod.py >out 2>err || rc=$?
pyc=__pycache__/mod.$CACHE_TAG.pyc
[[ $rc -eq 0 ]] || { fail "py_compile exited $rc"; cat err; }
[[ -s out || -s err ]] && fail "py_compile printed something: $(cat out err)"
if [[ -f $pyc ]]; then
  header=$(od -A n -t x1 -N 16 "$pyc" | tr -d ' \n')
  mtime=$(stat -c %Y mod.py)
  size=$(stat -c %s mod.py)
  le32() { printf '%02x%02x%02x%02x' $(($1 & 255)) $((($1 >> 8) & 255)) $((($1 >> 16) & 255)) $((($1 >> 24) & 255)); }
  want="a70d0d0a00000000$(le32 "$mtime")$(le32 "$size")"
  [[ $header == "$want" ]] || fail "pyc header $header, expected $want"
  rc=0; clean_run "$PYTHON311" "$pyc" >run.out 2>run.err || rc=$?
  [[ $rc -eq 0 && $(cat run.out) == "[0, 1, 4, 9, 16, 25]" ]] || fail "python3.11 could not run $pyc: $(cat run.out run.err)"
else
  fail "no cache at $pyc ($(ls -R . | tr '\n' ' '))"
fi

# Several files at once, one in a subdirectory: each cache goes beside its own source.
mkdir -p pkg
printf 'A = 1\n' >a.py
printf 'B = 2\n' >pkg/b.py
rc=0; clean_run "$MINIPY" -m py_compile a.py pkg/b.py >out 2>err || rc=$?
[[ $rc -eq 0 ]] || fail "py_compile of two files exited $rc: $(cat err)"
[[ -f __pycache__/a.$CACHE_TAG.pyc ]] || fail "no cache for a.py"
[[ -f pkg/__pycache__/b.$CACHE_TAG.pyc ]] || fail "no cache for pkg/b.py"

# A syntax error: exit 1, CPython's py_compile message, and no cache file.
printf 'x = (1,\n' >bad.py
run_both -m py_compile bad.py
same_all "py_compile of a syntax error"
ls __pycache__/bad.* >/dev/null 2>&1 && fail "a cache was written for bad.py"

# A missing file.
run_both -m py_compile missing.py
same_all "py_compile of a missing file"
finish
