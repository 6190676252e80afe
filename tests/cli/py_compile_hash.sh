# With SOURCE_DATE_EPOCH set, py_compile writes checked hash-based pycs (flags 3, then the source's
# SipHash), exactly like python3.11 -m py_compile.
source "$(dirname "$0")/../tools/cli_lib.sh" "$@"
printf 'print("hashed")\n' >h.py
env -i PATH=/usr/bin:/bin LC_ALL=C.UTF-8 SOURCE_DATE_EPOCH=1 "$MINIPY" -m py_compile h.py >out 2>err || fail "py_compile exited non-zero: $(cat err)"
env -i PATH=/usr/bin:/bin LC_ALL=C.UTF-8 SOURCE_DATE_EPOCH=1 "$PYTHON311" -m py_compile h.py
ours=$(od -A n -t x1 -N 16 "__pycache__/h.$CACHE_TAG.pyc" 2>/dev/null | tr -d ' \n')
theirs=$(od -A n -t x1 -N 16 __pycache__/h.cpython-311.pyc | tr -d ' \n')
[[ $ours == "$theirs" ]] || fail "hash-based header $ours, python3.11 writes $theirs"
rc=0; clean_run "$PYTHON311" "__pycache__/h.$CACHE_TAG.pyc" >out 2>err || rc=$?
[[ $rc -eq 0 && $(cat out) == hashed ]] || fail "python3.11 cannot run the hash-based pyc: $(cat out err)"
finish
