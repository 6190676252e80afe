# breakpoint() calls sys.breakpointhook with its arguments; the default hook follows $PYTHONBREAKPOINT ("0" off,
# "module.attr" or a builtin's name), warns about an unimportable one, and a lost hook is a RuntimeError.
import os, sys

print(sys.breakpointhook is sys.__breakpointhook__, sys.breakpointhook.__name__)

def my_hook(*args, **kwargs):
    print("my_hook got", args, kwargs)
    return "hook result"

sys.breakpointhook = my_hook
print(breakpoint(1, 2, key="value"))
sys.breakpointhook = sys.__breakpointhook__

os.environ["PYTHONBREAKPOINT"] = "0"
print("off:", breakpoint())
os.environ["PYTHONBREAKPOINT"] = "builtins.print"
print("print hook:", breakpoint("printed", "by", "the", "hook", sep="-"))
os.environ["PYTHONBREAKPOINT"] = "print"
print("bare builtin:", breakpoint("bare"))
os.environ["PYTHONBREAKPOINT"] = "json.dumps"
print("module attr:", breakpoint([1, 2]))
for bad in ["no_such_module_xyz.hook", "json.no_such_attr", ".leading_dot"]:
    os.environ["PYTHONBREAKPOINT"] = bad
    print("unimportable:", breakpoint())
os.environ["PYTHONBREAKPOINT"] = "math.sqrt"
try:
    breakpoint("not a number")
except TypeError as e:
    print("hook's own error:", e)

del sys.breakpointhook
try:
    breakpoint()
except RuntimeError as e:
    print("RuntimeError:", e)
