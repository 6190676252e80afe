# global declarations, module-level state, shadowing by locals.
counter = 0
def bump():
    global counter
    counter += 1
    return counter
for i in range(5):
    bump()
print(counter)
def read_only():
    return counter * 10
print(read_only())
def shadow():
    counter = 99
    return counter
print(shadow(), counter)
def create():
    global created, other
    created = "made in function"
    other = [1, 2]
create()
print(created, other)
total = 100
def spend(x):
    global total
    if x > total:
        return False
    total = total - x
    return True
print(spend(30), spend(80), spend(70), total)
names = []
def register(n):
    names.append(n)
register("a")
register("b")
print(names)
x = "global x"
def f():
    x = "local x"
    def_g_result = g()
    return x, def_g_result
def g():
    return x
print(f())
def swap_globals():
    global a, b
    a, b = b, a
a = 1
b = 2
swap_globals()
print(a, b)
def del_global():
    global temp
    del temp
temp = 5
del_global()
print("deleted")
