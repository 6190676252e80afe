# sys.excepthook: the default is sys.__excepthook__ and can be called directly; an installed hook receives the
# uncaught exception, and when the hook itself fails both tracebacks are printed (exit status 1).
import sys
print(sys.excepthook is sys.__excepthook__, sys.excepthook)
try:
    raise KeyError("direct")
except KeyError as e:
    sys.__excepthook__(type(e), e, e.__traceback__)
try:
    sys.excepthook(1, 2, 3)
except TypeError as e:
    print("TypeError:", e)
seen = []
def hook(t, v, tb):
    seen.append((t.__name__, str(v), tb.tb_lineno))
    print("hook saw", seen)
    1 / 0
sys.excepthook = hook
raise ValueError("uncaught")
