# Recursion never crashes minipy. Where CPython's outcome is defined (deeply nested source, too many indentation
# levels) minipy matches it; where CPython 3.11 itself may overflow the C stack (native recursion after
# sys.setrecursionlimit(10**8), or its parser's MemoryError) minipy must end with a RecursionError, exit 1.
source "$(dirname "$0")/../tools/cli_lib.sh" "$@"

# A chain of N operators: 1+1+...+1 is a RecursionError during compilation in both.
python3_source() { "$PYTHON311" -c "$1" >"$2"; }
python3_source 'print("x = 1" + "+1" * 100000)' sum.py
run_both sum.py
same_all "100000 additions"
run_both -m py_compile sum.py
same "py_compile of 100000 additions" rc
same "py_compile of 100000 additions" err

# 100 nested blocks: IndentationError from CPython's tokenizer limit (99 levels are fine).
python3_source 'print("".join(" " * i + "if 1:\n" for i in range(99)) + " " * 99 + "print(99)")' indent99.py
run_both indent99.py
same_all "99 indentation levels"
python3_source 'print("".join(" " * i + "if 1:\n" for i in range(100)) + " " * 100 + "pass")' indent100.py
run_both indent100.py
same_all "100 indentation levels"

# expect_recursion_error WHAT: minipy (alone) exited 1 and its last stderr line is a RecursionError.
expect_recursion_error() {
  expect_rc "$1" 1
  local last
  last=$(tail -n 1 m.err)
  [[ $last == "RecursionError: maximum recursion depth exceeded"* ]] || fail "$1: last stderr line '$last'"
}
run_minipy() {  # run minipy only (CPython may crash on these)
  local rc=0
  clean_run "$MINIPY" "$@" >m.out 2>m.err || rc=$?
  echo "$rc" >m.rc
}

python3_source 'print("x = " + "-" * 100000 + "1")' unary.py
run_minipy unary.py
expect_recursion_error "100000 unary minus signs"

# Native recursion past any sane Python limit: the C-stack guard must stop each of these.
declare -A programs=(
  [repr]='class A:
    def __repr__(self): return "<%r>" % (self,)
repr(A())'
  [eq]='class A:
    def __eq__(self, other): return [self] == [other]
A() == A()'
  [hash]='class A:
    def __hash__(self): return hash((self,))
hash(A())'
  [getattr]='class A:
    def __getattr__(self, name): return getattr(self, name)
A().x'
)
for name in "${!programs[@]}"; do
  printf 'import sys\nsys.setrecursionlimit(10**8)\n%s\n' "${programs[$name]}" >"native_$name.py"
  run_minipy "native_$name.py"
  expect_recursion_error "native recursion through $name"
done

# The interpreter is usable after the guard fired: catch it and recurse again.
cat >recover.py <<'PY'
import sys
sys.setrecursionlimit(10**8)
class A:
    def __repr__(self): return repr(self)
for attempt in range(1):
    try:
        repr(A())
    except RecursionError:
        print("caught", attempt)
def depth(n): return 0 if n == 0 else 1 + depth(n - 1)
print(depth(100000))
PY
run_minipy recover.py
expect_rc "recovery after the guard" 0
[[ $(cat m.out) == $'caught 0\n100000' ]] || fail "recovery after the guard: stdout $(cat m.out)"
finish
