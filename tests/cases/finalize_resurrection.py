# PEP 442: __del__ runs at most once; an object its __del__ resurrects stays alive, and is not finalized again
# when it becomes garbage a second time.
import gc

saved = []


class Phoenix:
    def __init__(self, name):
        self.name = name
        self.deaths = 0

    def __del__(self):
        self.deaths += 1
        print("del", self.name, self.deaths)
        if self.deaths == 1:
            saved.append(self)


def make():
    Phoenix("p")


def scrub():
    # Leaves other values in the native stack slots the call above used (minipy scans its native stack
    # conservatively, so a stale word there could keep the object alive a while longer).
    return [str(i) for i in range(3)]


make()
scrub()
gc.collect()
print("saved", [p.name for p in saved], saved[0].deaths)
saved.clear()
gc.collect()
print("second collection done")
gc.collect()
print("end")
