# The gc module's switches: collect() returns a count (not printed: it differs between implementations),
# enable/disable/isenabled, thresholds accepted.
import gc


class Cyclic:
    pass


print(gc.isenabled())
gc.disable()
print(gc.isenabled())
print(type(gc.collect()).__name__, gc.collect() >= 0)
gc.enable()
print(gc.isenabled())
print(len(gc.get_threshold()), all(isinstance(t, int) for t in gc.get_threshold()))
gc.set_threshold(1000, 20, 20)
print(gc.get_threshold())
gc.set_threshold(700)
print(gc.get_threshold()[0])
print(gc.is_tracked(1), gc.is_tracked("s"), gc.is_tracked([]), gc.is_tracked(Cyclic()))
try:
    gc.collect(5)
except ValueError as e:
    print("ValueError", e)



def make_cycles(n):
    for i in range(n):
        a = Cyclic()
        b = Cyclic()
        a.other = b
        b.other = a


gc.disable()
make_cycles(1000)
print(gc.collect() > 0)
gc.enable()
