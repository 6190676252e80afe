# Name resolution: locals, globals, builtins, shadowing builtins, conditional and repeated def, rebinding.
def show():
    return "first"
print(show())
def show():
    return "second"
print(show())
if len("ab") == 2:
    def pick():
        return "defined in if"
else:
    def pick():
        return "defined in else"
print(pick())
def shadow_builtin(items):
    len = 0
    for _ in items:
        len += 1
    return len
print(shadow_builtin([1, 2, 3]), len([1, 2, 3]))
max = "shadowed max"
print(max)
del max
print(max(3, 7))
def uses_global_later():
    return later_defined * 2
later_defined = 21
print(uses_global_later())
later_defined = "ab"
print(uses_global_later())
def recurse(n):
    return 0 if n == 0 else 1 + recurse(n - 1)
original = recurse
def recurse(n):
    return -1
print(original(5))
def params_are_locals(a, b):
    a = a * 2
    b.append(a)
    return a
x = 5
lst = []
print(params_are_locals(x, lst), x, lst)
def loop_var_local():
    for i in range(3):
        pass
    return i
i = "global i"
print(loop_var_local(), i)
def same_name(same_name):
    return same_name + 1
print(same_name(1))
str_fn = str
def str(x):
    return "custom " + str_fn(x)
print(str(5))
del str
print(str(5))
