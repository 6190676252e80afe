# The import statement's semantics and the module-level API, compared with python3.11 on the same programs:
# from-lists, __all__, relative imports, circular imports, error messages, module attributes,
# importlib.import_module / reload, importlib.util.source_hash / MAGIC_NUMBER, marshal round trips, and
# the pure-Python modules of minipy's stdlib/ (which CPython has too).
source "$(dirname "$0")/import_lib.sh" "$@"
need_python

mkdir -p app/pkg/inner
cat >app/pkg/__init__.py <<'PY'
__all__ = ["public", "inner"]
public = "pkg.public"
_hidden = 1
PY
printf 'from .. import public\nfrom ..tools import tool\nWHO = __name__ + ":" + public + ":" + tool()\n' >app/pkg/inner/__init__.py
printf 'def tool():\n    return "tool:" + __package__\n' >app/pkg/tools.py
printf 'import circ_b\nA = "a"\ndef from_b():\n    return circ_b.B\n' >app/circ_a.py
printf 'import circ_a\nB = "b"\n' >app/circ_b.py
printf 'from circ_d import D\nC = 1\n' >app/circ_c.py
printf 'from circ_c import C\nD = 1\n' >app/circ_d.py
printf 'COUNT = 1\n' >app/counter.py
cat >app/main.py <<'PY'
from __future__ import annotations
import sys
import pkg
from pkg import *
print(public, inner.WHO, sorted([k for k in dir() if not k.startswith("__")]))
import pkg.inner as alias
print(alias is pkg.inner, pkg.inner.__package__, pkg.__package__, pkg.tools.__name__)
import circ_a
print(circ_a.from_b(), sys.modules["circ_b"].circ_a is circ_a)
def attempt(func):
    try:
        func()
    except ImportError as e:
        print(type(e).__name__, e, getattr(e, "name", None))
def circular(): import circ_c
def missing(): import nope
def missing_sub(): import pkg.nope
def not_a_package(): import counter.sub
def missing_name(): from pkg import nope
def no_parent(): from . import x
def blocked():
    sys.modules["blocked"] = None
    import blocked
for func in [circular, missing, missing_sub, not_a_package, missing_name, no_parent, blocked]:
    attempt(func)
import importlib, importlib.util, marshal
m = importlib.import_module(".inner", "pkg")
print(m.WHO, importlib.import_module("counter").COUNT)
import counter
counter.COUNT = 5
print(importlib.reload(counter).COUNT, importlib.invalidate_caches())
print(importlib.util.MAGIC_NUMBER, importlib.util.source_hash(b"print(1)\n"))
print(importlib.util.source_from_cache("/x/__pycache__/y.any-tag.pyc"))
value = (1, -2, 2**70, 1.5, "text", b"bytes", None, True, False, (), ("nested", (3,)), frozenset())
print(marshal.loads(marshal.dumps(value)) == value, marshal.version)
try:
    marshal.loads(marshal.dumps(value)[:-3])
except EOFError as e:
    print("EOFError", e)
import keyword, bisect, __future__
print(__future__.all_feature_names[-1], __future__.CO_FUTURE_ANNOTATIONS)
print(keyword.iskeyword("lambda"), keyword.iskeyword("match"), keyword.issoftkeyword("match"), len(keyword.kwlist))
data = [1, 3, 3, 7]
bisect.insort(data, 4)
print(bisect.bisect_left(data, 3), bisect.bisect_right(data, 3), bisect.bisect(data, 10), data)
spec = importlib.util.spec_from_file_location("by_path", pkg.__file__.replace("__init__.py", "tools.py"))
by_path = importlib.util.module_from_spec(spec)
spec.loader.exec_module(by_path)
print(by_path.__name__, by_path.tool.__module__, "by_path" in sys.modules, by_path.__spec__ is spec)
print(type(pkg.__spec__).__name__, pkg.__spec__.name, pkg.__spec__.parent, pkg.inner.__spec__.parent,
      pkg.__spec__.submodule_search_locations == pkg.__path__, pkg.__loader__.get_filename() == pkg.__file__)
PY
for side in m p; do
  program=$MINIPY; [[ $side == p ]] && program=$PYTHON311
  rc=0; (cd app && env -i PATH=/usr/bin:/bin LC_ALL=C.UTF-8 "${PASS_ENV[@]}" timeout "$CASE_TIMEOUT" "$program" -B main.py \
    >"../$side.out" 2>"../$side.err") || rc=$?
  echo "status $rc" >>$side.out
  sed -i -e "s|$SCRATCH|SCRATCH|g" $side.out
done
cmp -s p.out m.out || { fail "output differs from python3.11"; diff -u --label python3.11 --label minipy p.out m.out; }
[[ -s m.err ]] && { fail "minipy wrote to stderr"; head m.err; }
finish
