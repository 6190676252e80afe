# With -X cache_tag=cpython-311 minipy and CPython 3.11 share one __pycache__: python3.11 accepts the
# caches minipy writes (its -v says "matches", timestamp and racy hash-based ones alike) and minipy accepts
# CPython's; a CPython pyc using an opcode minipy lacks is recompiled from source instead of failing.
source "$(dirname "$0")/import_lib.sh" "$@"
need_python

make_tree() {
  rm -rf tree && mkdir -p tree/pkg && cd tree || exit 1
  printf 'from . import util\nNAME = "pkg"\n' >pkg/__init__.py
  printf 'def double(v):\n    return [x * 2 for x in v]\n' >pkg/util.py
  printf 'import pkg\nprint(pkg.NAME, pkg.util.double([1, 2, 3]))\n' >main.py
}
py() {  # python3.11 with a clean environment; output in out/err
  RC=0
  env -i PATH=/usr/bin:/bin LC_ALL=C.UTF-8 timeout "$CASE_TIMEOUT" "$PYTHON311" "$@" >out 2>err || RC=$?
}
EXPECTED="pkg [2, 4, 6]"

# minipy writes (timestamp pycs), CPython reads.
make_tree; age pkg/*.py main.py
mp -- -X cache_tag=cpython-311 main.py; expect_out "minipy writes" "$EXPECTED"
py -v main.py; expect_out "python3.11 reads minipy's caches" "$EXPECTED"
for m in __init__ util; do
  expect_err_has "python3.11 reads minipy's $m" "# $SCRATCH/tree/pkg/__pycache__/$m.cpython-311.pyc matches"
done
cd ..

# minipy writes racy checked hash-based pycs, CPython reads them too.
make_tree; touch -d '+1 hour' pkg/*.py
mp -- -X cache_tag=cpython-311 main.py; expect_out "minipy writes hash pycs" "$EXPECTED"
[[ $(pyc_flags pkg/__pycache__/util.cpython-311.pyc) == 3 ]] || fail "expected a checked hash-based pyc"
py -v main.py; expect_out "python3.11 reads minipy's hash pycs" "$EXPECTED"
expect_err_has "python3.11 reads minipy's hash pyc" "# $SCRATCH/tree/pkg/__pycache__/util.cpython-311.pyc matches"
cd ..

# CPython writes, minipy reads.
make_tree; age pkg/*.py main.py
py main.py; expect_out "python3.11 writes" "$EXPECTED"
mp -- -X cache_tag=cpython-311 -v main.py; expect_out "minipy reads CPython's caches" "$EXPECTED"
for m in __init__ util; do
  expect_err_has "minipy reads CPython's $m" "# $SCRATCH/tree/pkg/__pycache__/$m.cpython-311.pyc matches"
done
cd ..

# A valid CPython pyc whose bytecode uses an opcode minipy does not implement: compiled from source instead.
make_tree; age pkg/*.py main.py
py -c '
import marshal, importlib.util, importlib._bootstrap_external as ext, os, opcode
src = "pkg/util.py"
code = compile(open(src).read(), os.path.abspath(src), "exec")
body = bytearray(code.co_code)
body[0] = opcode.opmap["GET_AWAITABLE"]   # replaces RESUME: valid for CPython'"'"'s marshal, unknown to minipy
st = os.stat(src)
data = ext._code_to_timestamp_pyc(code.replace(co_code=bytes(body)), st.st_mtime, st.st_size)
path = importlib.util.cache_from_source(src)
os.makedirs(os.path.dirname(path), exist_ok=True)
open(path, "wb").write(data)
'
mp -- -X cache_tag=cpython-311 -v main.py; expect_out "unsupported opcode in a CPython pyc" "$EXPECTED"
expect_err_has "unsupported opcode" "# code object from $SCRATCH/tree/pkg/util.py"
expect_err_has "unsupported opcode" "# created '$SCRATCH/tree/pkg/__pycache__/util.cpython-311.pyc'"
py -v main.py; expect_out "python3.11 after minipy's rewrite" "$EXPECTED"
expect_err_has "python3.11 after the rewrite" "util.cpython-311.pyc matches"
cd ..
finish
