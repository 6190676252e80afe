# exec(code, closure=cells) (new in 3.11) runs a code object with free variables on the given cells, with
# bltinmodule.c's checks of the closure; eval() still refuses such code.
def outer():
    x = 1
    def f(): print('x is', x); return x
    return f
f = outer()
def t(*args, **kw):
    try: print(repr(exec(*args, **kw)))
    except TypeError as e: print('TypeError', e)
t(f.__code__)
t(f.__code__, {}, None)
t(f.__code__, closure=(1,))
t(f.__code__, closure=[f.__closure__[0]])
t(f.__code__, closure=f.__closure__ * 2)
t('1', closure=f.__closure__)
t(compile('1', '', 'exec'), closure=f.__closure__)
t(compile('1', '', 'exec'), closure=None)
t(f.__code__, {}, closure=f.__closure__)
t(f.__code__, closure=f.__closure__)
try: eval(f.__code__)
except TypeError as e: print(e)
def counter():
    n = 0
    def bump():
        nonlocal n
        n += 1
    return bump, lambda: n
bump, get = counter()
exec(bump.__code__, closure=bump.__closure__); exec(bump.__code__, closure=bump.__closure__)
print(get())
