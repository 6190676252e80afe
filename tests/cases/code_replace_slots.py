# code.replace() with other local, cell and free variable names: the slots are laid out again as CPython's
# code constructor does (variables, cells -- a cell that is also a variable shares its slot -- then free
# variables), co_nlocals must match, and too few names for the arguments are refused.
def f(a):
    return a + 1
c = f.__code__
try:
    c.replace(co_varnames=('a', 'extra'))
except ValueError as e:
    print("ValueError:", e)
c2 = c.replace(co_varnames=('a', 'extra'), co_nlocals=2)
print(c2.co_varnames, c2.co_nlocals)
f.__code__ = c2
print(f(41))
def outer(x):
    y = 2
    def inner(): return x + y
    return inner
co = outer.__code__
print(co.co_varnames, co.co_cellvars, [co._varname_from_oparg(i) for i in range(3)])
def plain(p, q=2):
    total = p + q
    return total
pc = plain.__code__.replace(co_varnames=('p', 'q', 'total', 'spare'), co_nlocals=4)
print(pc.co_varnames, pc.co_nlocals, [pc._varname_from_oparg(i) for i in range(4)])
plain.__code__ = pc
print(plain(40))
c4 = co.replace(co_cellvars=('x','y','w'))
print(c4.co_cellvars, [c4._varname_from_oparg(i) for i in range(4)])
for kw in ({"co_nlocals": 5}, {"co_varnames": ()}, {"co_freevars": ("q",)}):
    try:
        r = co.replace(**kw)
        print("ok", r.co_varnames, r.co_freevars, r.co_nlocals)
    except Exception as e:
        print(type(e).__name__, e)
inner = outer(1)
ic = inner.__code__
print(ic.co_freevars, ic.replace(co_freevars=('a', 'b')).co_freevars)
print(c2 == c, c2.replace(co_varnames=('a',), co_nlocals=1) == c)
