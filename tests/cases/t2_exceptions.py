# Tier 2: try/except/else/finally, raise from, user exceptions, with.
class AppError(Exception):
    pass
def risky(n):
    if n == 0:
        raise AppError("zero")
    return 10 / n
for n in [2, 0, "x"]:
    try:
        r = risky(n)
    except AppError as e:
        print("app error", e)
    except (TypeError, ValueError) as e:
        print("type/value", type(e).__name__, e)
    else:
        print("ok", r)
    finally:
        print("finally", n)
try:
    try:
        {}["k"]
    except KeyError as e:
        raise ValueError("wrapped") from e
except ValueError as e:
    print(e, repr(e.__cause__))
class Ctx:
    def __enter__(self):
        print("enter")
        return self
    def __exit__(self, *exc):
        print("exit", exc[0].__name__ if exc[0] else None)
        return True
with Ctx():
    1 / 0
print("after with")
