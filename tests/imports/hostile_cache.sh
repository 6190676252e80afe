# Planted and poisoned caches (issue 12 items 4 and 6). Each cache below has a header that matches its source,
# so only minipy's own checks stand between it and the VM:
#   - bytecode whose opcodes are out of their context (a yield in module code or in a plain function, with no
#     RETURN_GENERATOR): refused by the verifier and recompiled (it used to crash every import);
#   - a minipy pyc with one constant changed (well formed, wrong value): refused by the integrity trailer;
#   - a cache others could have planted (world-writable file or directory, another owner): not read at all,
#     the source compiled in memory and the file left alone;
#   - a cache that is a symlink to /dev/zero, a FIFO or a huge file: refused at once, never read forever.
# Every case prints the right output, and -X explain_cache / -v say why the cache was not used.
source "$(dirname "$0")/import_lib.sh" "$@"
need_python
PYC=__pycache__/mod.$TAG.pyc

cat >mod.py <<'PY'
def f():
    return 42
VALUE = f() + 1
PY
printf 'import mod\nprint(mod.VALUE)\n' >main.py
age mod.py main.py
mp -- main.py; expect_out "clean run" 43
cp $PYC good.pyc

# plant CODE_PATCH: python3.11 writes a timestamp pyc for mod.py whose module code (or function f's code) is
# replaced by hand-made bytecode; the header matches the source, so only the verifier can refuse it.
plant() {
  "$PYTHON311" -I - "$1" "$PYC" <<'PY' || fail "could not plant a pyc ($1)"
import importlib._bootstrap_external as ext, os, sys
which, out = sys.argv[1], sys.argv[2]
src = open("mod.py", "rb").read()
module = compile(src, os.path.abspath("mod.py"), "exec")
# RESUME 0; LOAD_CONST 0; YIELD_VALUE; POP_TOP; LOAD_CONST 0; RETURN_VALUE  (a yield with no generator frame)
yielding = bytes([151, 0, 100, 0, 86, 0, 1, 0, 100, 0, 83, 0])
if which == "module":
    module = module.replace(co_code=yielding, co_exceptiontable=b"")
else:
    consts = list(module.co_consts)
    for i, c in enumerate(consts):
        if hasattr(c, "co_code"):
            consts[i] = c.replace(co_code=yielding, co_exceptiontable=b"")
    module = module.replace(co_consts=tuple(consts))
st = os.stat("mod.py")
with open(out, "wb") as fh:
    fh.write(ext._code_to_timestamp_pyc(module, int(st.st_mtime), st.st_size))
PY
}

for where in module function; do
  plant $where
  cp $PYC planted.pyc
  mp -- -X explain_cache main.py
  expect_out "yield planted in the $where code" 43
  expect_err_has "yield planted in the $where code" "YIELD_VALUE outside a generator"
  cmp -s $PYC planted.pyc && fail "yield planted in the $where code: the cache was not rewritten"
  mp -- -v main.py; expect_out "after the $where plant (next run)" 43; expect_err_has "after the $where plant" "matches"
done

# The trailer: python3.11 runs a minipy pyc as it is (marshal ignores the bytes after the code object) ...
cp good.pyc $PYC
"$PYTHON311" -I "$PYC" >py.out 2>py.err || fail "python3.11 cannot run minipy's pyc: $(tail -n 1 py.err)"
"$PYTHON311" -I -c "import marshal, sys; print(marshal.loads(open(sys.argv[1], 'rb').read()[16:]).co_name)" \
  "$PYC" >py.out 2>py.err || fail "marshal.loads refuses minipy's pyc body: $(tail -n 1 py.err)"
[[ $(cat py.out) == "<module>" ]] || fail "marshal.loads of minipy's body: $(cat py.out)"
# ... and minipy notices the constant 42 turned into 43 (a well-formed body: only the trailer can tell).
"$PYTHON311" -I - "$PYC" <<'PY' || fail "could not patch the constant"
import sys
data = bytearray(open(sys.argv[1], "rb").read())
at = max(data.find(bytes([code, 42, 0, 0, 0])) for code in (0x69, 0xe9))  # TYPE_INT (maybe FLAG_REF) 42
data[at + 1] = 43
open(sys.argv[1], "wb").write(data)
PY
mp -- -X explain_cache main.py
expect_out "constant changed in the body" 43
expect_err_has "constant changed in the body" "integrity trailer does not match"
cmp -s $PYC good.pyc || fail "constant changed: the cache was not rewritten"

# Poisoned caches: not read, compiled in memory, left alone.
chmod o+w $PYC
mp -- -X explain_cache main.py; expect_out "world-writable cache" 43
expect_err_has "world-writable cache" "not trusted (the cache file is writable by other users); cache left alone"
[[ $(stat -c %a $PYC) == *[2367] ]] || fail "world-writable cache: the file was replaced"
chmod o-w $PYC
chmod o+w __pycache__
mp -- -v main.py; expect_out "world-writable __pycache__" 43
expect_err_has "world-writable __pycache__" "is not trusted: its directory"
chmod +t __pycache__  # sticky: others may add files but not replace ours
mp -- -v main.py; expect_out "sticky world-writable __pycache__" 43; expect_err_has "sticky __pycache__" "matches"
chmod o-w,-t __pycache__
# A source whose other users may rewrite it gains nothing from a stricter cache: its world-writable cache is used.
chmod o+w mod.py $PYC
mp -- -v main.py; expect_out "world-writable source and cache" 43; expect_err_has "world-writable source" "matches"
chmod o-w mod.py $PYC
if [[ $(id -u) -eq 0 ]] && id nobody >/dev/null 2>&1; then
  chown nobody $PYC
  mp -- -X explain_cache main.py; expect_out "cache of another owner" 43
  expect_err_has "cache of another owner" "the source by uid 0); cache left alone"
  [[ $(stat -c %U $PYC) == nobody ]] || fail "cache of another owner: the file was replaced"
  chown root $PYC
else
  echo "note: not root: the other-owner case is not checked"
fi

# Caches that never end: refused at once (the test's timeout would catch a read that never ends), rewritten.
for kind in devzero fifo huge; do
  rm -f $PYC
  case $kind in
    devzero) ln -s /dev/zero $PYC ;;
    fifo) mkfifo $PYC ;;
    huge) truncate -s 100M $PYC ;;
  esac
  mp -- -v -X explain_cache main.py
  expect_out "cache is $kind" 43
  case $kind in
    huge) expect_err_has "cache is $kind" "larger than" ;;
    *) expect_err_has "cache is $kind" "not a regular file" ;;
  esac
  [[ -f $PYC && ! -L $PYC ]] && cmp -s $PYC good.pyc || fail "cache is $kind: not replaced by a good cache"
done
finish
