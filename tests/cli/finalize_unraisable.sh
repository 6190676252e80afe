# Errors in finalizers are "unraisable": reported on stderr as CPython's PyErr_WriteUnraisable does ("Exception
# ignored in: <repr>" and the traceback, no chained exceptions) and the program goes on. Object addresses in the
# reports differ between the two interpreters and are replaced by ADDR. Objects are put in reference cycles so
# that CPython, too, finds them only at gc.collect().
source "$(dirname "$0")/../tools/cli_lib.sh" "$@"
mask_addresses() { sed -i 's/0x[0-9a-f]\+/ADDR/g' m.err p.err m.out p.out; }
cat >del_error.py <<'PY'
import gc
import weakref

class Bad:
    def __del__(self):
        print("in __del__")
        1 / 0

def make_bad():
    b = Bad()
    b.me = b

def stubborn():
    while True:
        try:
            yield 1
        except GeneratorExit:
            print("ignoring GeneratorExit")

def make_stubborn():
    g = stubborn()
    next(g)
    cycle = [g]
    cycle.append(cycle)

def failing_finally():
    try:
        yield 1
    finally:
        raise KeyError("from finally")

def make_failing():
    g = failing_finally()
    next(g)
    cycle = [g]
    cycle.append(cycle)

class Target:
    pass

def bad_callback(ref):
    raise ValueError("from callback")

keep = []

def make_ref():
    t = Target()
    t.me = t
    keep.append(weakref.ref(t, bad_callback))

make_bad()
gc.collect()
print("after __del__ error")
make_stubborn()
gc.collect()
print("after ignored GeneratorExit")
make_failing()
gc.collect()
print("after finally error")
make_ref()
gc.collect()
print("after callback error")
at_exit = Bad()
print("end")
PY
run_both del_error.py
mask_addresses
same_all "errors in __del__, generator close and weakref callbacks"
finish
