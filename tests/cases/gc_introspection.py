# gc's introspection: get_objects (with generations), get_referents, get_referrers, is_tracked, is_finalized,
# the DEBUG_* flags (SAVEALL filling gc.garbage, STATS and COLLECTABLE lines on sys.stderr) and gc.callbacks.
import gc
import io
import re
import sys


def report(label, fn):
    try:
        print(label, fn())
    except Exception as e:
        print(label, type(e).__name__, e)


def contains(objects, target):
    return any(o is target for o in objects)


print([name for name in dir(gc) if name.startswith("DEBUG_")])
print(gc.DEBUG_STATS, gc.DEBUG_COLLECTABLE, gc.DEBUG_UNCOLLECTABLE, gc.DEBUG_SAVEALL, gc.DEBUG_LEAK)
print(gc.get_debug(), gc.garbage, gc.callbacks, gc.get_freeze_count())


class Node:
    def __init__(self, name):
        self.name = name
        self.children = []


root = Node("root")
leaf = Node("leaf")
root.children.append(leaf)
holder = [root, "text", 4.5j]
print("get_objects has root", contains(gc.get_objects(), root))
print("get_objects has holder", contains(gc.get_objects(), holder))
gc.collect()
print("survivor in generation 2", contains(gc.get_objects(2), root))
print("survivor not in generation 0", contains(gc.get_objects(0), root))
print("generation 1 empty", gc.get_objects(1) == [])
young = [1, 2]
print("new object in generation 0", contains(gc.get_objects(generation=0), young))
report("get_objects(3)", lambda: gc.get_objects(3))
report("get_objects(-1) is list", lambda: type(gc.get_objects(-1)).__name__)
report("get_objects(-2)", lambda: gc.get_objects(-2))
report("get_objects('x')", lambda: gc.get_objects("x"))
report("get_objects(1, 2)", lambda: gc.get_objects(1, 2))
report("get_objects(None) is list", lambda: type(gc.get_objects(None)).__name__)

# get_referents: what the tracked arguments refer to; atoms are skipped.
print("referents of holder", sorted(type(o).__name__ for o in gc.get_referents(holder)))
print("referents of root include its class", contains(gc.get_referents(root), Node))
print("referents of atoms", gc.get_referents(1, "a", 2.5, None))
print("referents of tuple", sorted(gc.get_referents(("c", "a", "b"))))
print("referents of dict", sorted(map(repr, gc.get_referents({"k": [7]}))))
report("get_referents(x=1)", lambda: gc.get_referents(x=1))

# get_referrers: the containers that hold an object.
print("list holds root", contains(gc.get_referrers(root), holder))
print("root's children list holds leaf", contains(gc.get_referrers(leaf), root.children))
print("nothing holds a fresh object", [r for r in gc.get_referrers(Node("x")) if r is not sys.modules])

# is_tracked and is_finalized as CPython reports them.
for value in (1, 1.5, "s", b"b", None, True, (), (1, 2), [], {}, {"a": 1}, {"a": []}, set(), frozenset(),
              int, Node, root, range(3), bytearray(), slice(1, 2), 2j, len, property()):
    print("is_tracked", type(value).__name__, gc.is_tracked(value))


class WithDel:
    def __del__(self):
        print("del ran")


w = WithDel()
print("is_finalized before", gc.is_finalized(w))
w.me = w
w_ref = [w]
del w
gc.collect()
print("is_finalized of non-tracked", gc.is_finalized(1))
report("is_finalized()", lambda: gc.is_finalized())
report("set_debug()", lambda: gc.set_debug())
report("set_debug('a')", lambda: gc.set_debug("a"))
report("get_debug(1)", lambda: gc.get_debug(1))

def make_cycle(name="cyclic"):
    a = Node(name)
    a.children.append(a)


# DEBUG_STATS and DEBUG_COLLECTABLE write to sys.stderr.
captured = io.StringIO()
sys.stderr, saved_stderr = captured, sys.stderr
gc.set_debug(gc.DEBUG_STATS | gc.DEBUG_COLLECTABLE)
make_cycle()
gc.collect()
gc.set_debug(0)
sys.stderr = saved_stderr
lines = captured.getvalue().splitlines()
print("first line", lines[0])
print("generation counts line", bool(re.fullmatch(r"gc: objects in each generation: \d+ \d+ \d+", lines[1])))
print("permanent line", lines[2])
print("collectable Node line", any(re.fullmatch(r"gc: collectable <Node 0x[0-9a-f]+>", l) for l in lines))
print("done line", bool(re.fullmatch(r"gc: done, \d+ unreachable, 0 uncollectable, \d+\.\d{4}s elapsed", lines[-1])))
print("garbage untouched without SAVEALL", gc.garbage)
del captured, lines

# DEBUG_SAVEALL: unreachable objects go to gc.garbage instead of being freed.
gc.set_debug(gc.DEBUG_SAVEALL)
print("get_debug", gc.get_debug())



make_cycle("saved")
gc.collect()
# Only this section's node is counted: minipy's conservative stack scan may keep an earlier, already dropped
# cycle alive until this collection, which then saves it too.
saved = [o for o in gc.garbage if isinstance(o, Node) and o.name == "saved"]
print("saved cyclic nodes", [n.name for n in saved])
print("saved its list too", any(type(o) is list and o and o[0] is saved[0] for o in gc.garbage))
gc.set_debug(0)
del saved
gc.garbage.clear()

# gc.callbacks: called with ("start"|"stop", info) around a collection.
events = []


def callback(phase, info):
    events.append((phase, sorted(info), info["generation"]))


gc.callbacks.append(callback)
gc.collect()
gc.collect(1)
gc.callbacks.remove(callback)
print(events)


def failing(phase, info):
    raise ValueError("callback " + phase)


unraisable = []
sys.unraisablehook = lambda report: unraisable.append((str(report.exc_value), report.object is failing))
gc.callbacks.append(failing)
gc.collect()
gc.callbacks.clear()
sys.unraisablehook = sys.__unraisablehook__
print("callback errors reported", unraisable)
stats = gc.get_stats()
print(len(stats), [sorted(s) for s in stats])
report("collect(3)", lambda: gc.collect(3))
report("collect(generation=5)", lambda: gc.collect(generation=5))
report("collect(foo=1)", lambda: gc.collect(foo=1))
gc.freeze()
print("freeze count positive", gc.get_freeze_count() > 0)
gc.unfreeze()
print("after unfreeze", gc.get_freeze_count())
