# A cycle of objects with __del__ is collected: every finalizer runs once (PEP 442), and during __del__ the
# other members of the cycle are still intact.
import gc

log = []


class Node:
    def __init__(self, name):
        self.name = name
        self.next = None

    def __del__(self):
        log.append((self.name, self.next.name))


def ring(names):
    nodes = [Node(n) for n in names]
    for i, node in enumerate(nodes):
        node.next = nodes[(i + 1) % len(nodes)]


def scrub():
    # Leaves other values in the native stack slots the calls above used (minipy scans its native stack
    # conservatively, so a stale word there could keep the objects alive a while longer).
    return [str(i) for i in range(3)]


ring(["x", "y", "z"])
scrub()
gc.collect()
print(sorted(log))


def self_loop():
    n = Node("self")
    n.next = n


log.clear()
self_loop()
scrub()
gc.collect()
print(log)
