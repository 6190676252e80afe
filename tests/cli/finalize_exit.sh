# Finalizers at interpreter exit, for the exits a differential case cannot express: sys.exit with a status, -c.
# Module globals are finalized after the program: suspended generators closed, __del__ run (other globals still
# readable), and weak references dying with their referents call nothing.
source "$(dirname "$0")/../tools/cli_lib.sh" "$@"
cat >sys_exit.py <<'PY'
import sys
import weakref

counter = 10


def gen():
    try:
        yield 1
    finally:
        print("generator finally", counter)


class A:
    def __init__(self, n):
        self.n = n

    def __del__(self):
        print("del", self.n, counter)


def callback(ref):
    print("callback")


g = gen()
next(g)
a = A(1)
target = A(2)
ref = weakref.ref(target, callback)
print("exiting")
sys.exit(3)
PY
run_both sys_exit.py
same_all "sys.exit(3) with finalizers pending"
run_both -c 'class A:
    def __del__(self):
        print("del", type(self).__name__)
a = A()
print("end")'
same_all "-c with a global that has __del__"
run_both -c 'import sys
class A:
    def __del__(self):
        print("del")
a = A()
sys.exit("message")'
same_all "sys.exit(message)"
finish
