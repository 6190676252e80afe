# -v prints CPython 3.11's lines for our modules, in CPython's order: compared with python3.11 -v run on an
# identical tree (cache tag and loader addresses normalised) for packages, relative imports, a namespace
# package, a stale size, a truncated header, a legacy sourceless module and an unwritable __pycache__.
source "$(dirname "$0")/import_lib.sh" "$@"
need_python

build_tree() {  # DIR
  rm -rf "$1" && mkdir -p "$1/pkg/sub" "$1/ns" && cd "$1" || exit 1
  printf 'from .sub import leaf\nfrom . import helper\n' >pkg/__init__.py
  printf 'def h():\n    return 1\n' >pkg/helper.py
  printf '' >pkg/sub/__init__.py
  printf 'from ..helper import h\nVALUE = h() + 1\n' >pkg/sub/leaf.py
  printf 'N = 3\n' >ns/part.py
  printf 'S = 4\n' >legacy.py
  printf 'import pkg, ns.part, legacy\nprint(pkg.sub.leaf.VALUE, ns.part.N, legacy.S)\n' >main.py
  touch -d @1700000000 pkg/*.py pkg/sub/*.py ns/*.py legacy.py main.py  # the same mtimes on both sides
  cd ..
}
# trace SIDE PROGRAM ARGS...: the -v lines about SIDE's files, normalised, in SIDE.lines.
trace() {
  local side=$1 program=$2; shift 2
  local dir=$SCRATCH/$side rc=0
  (cd "$side" && env -i PATH=/usr/bin:/bin LC_ALL=C.UTF-8 "${PASS_ENV[@]}" timeout "$CASE_TIMEOUT" "$program" -v "$@" \
     >"../$side.out" 2>"../$side.verbose") || rc=$?
  echo "$rc" >>"$side.out"
  grep -F -e "$dir" -e "import 'pkg" -e "import 'ns" -e "import 'legacy" -e "'pkg" -e "'legacy" "$side.verbose" \
    | grep -v -E '^# (cleanup|destroy|clear)' \
    | sed -e "s|$dir|DIR|g" -e "s/$TAG/TAG/g" -e 's/cpython-311/TAG/g' -e 's/object at 0x[0-9a-f]*/object/' >"$side.lines"
}
compare() {  # WHAT ARGS...
  local what=$1; shift
  trace m "$MINIPY" "$@"
  trace p "$PYTHON311" "$@"
  cmp -s p.out m.out || { fail "$what: stdout/status differ"; diff p.out m.out | head; }
  cmp -s p.lines m.lines || { fail "$what: -v lines differ"; diff -u --label python3.11 --label minipy p.lines m.lines | head -n 30; }
}

build_tree m; build_tree p
compare "first run" main.py
compare "second run" main.py
for side in m p; do printf 'def h():\n    return 10\n' >$side/pkg/helper.py; touch -d @1700000100 $side/pkg/helper.py; done
compare "stale size" main.py
for side in m p; do head -c 10 $side/pkg/__pycache__/helper.*.pyc >cut; cp cut $side/pkg/__pycache__/helper.*.pyc; done
compare "truncated header" main.py
# Legacy sourceless module: each side's own cache moved beside the (removed) source.
mv m/__pycache__/legacy.$TAG.pyc m/legacy.pyc; mv p/__pycache__/legacy.cpython-311.pyc p/legacy.pyc
rm m/legacy.py p/legacy.py
compare "sourceless legacy.pyc" main.py
for side in m p; do rm -rf $side/pkg/sub/__pycache__; printf 'x' >$side/pkg/sub/__pycache__; done
compare "unwritable __pycache__" main.py
finish
