# Exceptions crossing several function frames, finally blocks running on the way out, re-raise with context.
log = []


def level3(x):
    try:
        return 10 // x
    finally:
        log.append("level3 finally")


def level2(x):
    try:
        return level3(x) + 1
    except TypeError:
        log.append("level2 wrong handler")
        return None
    finally:
        log.append("level2 finally")


def level1(x):
    try:
        return level2(x)
    except ZeroDivisionError as e:
        log.append(f"level1 caught {e}")
        return "recovered"


print(level1(5), log)
log.clear()
print(level1(0), log)


def retry(attempts):
    for attempt in range(attempts):
        try:
            if attempt < 2:
                raise OSError(f"attempt {attempt}")
            return f"ok on {attempt}"
        except OSError as e:
            print("failed:", e)
    return "gave up"


print(retry(3), retry(2))


def cleanup_order():
    order = []
    try:
        try:
            try:
                raise KeyError("deep")
            finally:
                order.append(1)
        finally:
            order.append(2)
    except KeyError:
        order.append(3)
    finally:
        order.append(4)
    return order


print(cleanup_order())


def exception_in_handler():
    try:
        try:
            raise ValueError("first")
        except ValueError:
            raise IndexError("second")
    except IndexError as e:
        return f"{e!r} context={e.__context__!r}"


print(exception_in_handler())


def exception_in_finally():
    try:
        try:
            raise ValueError("original")
        finally:
            raise KeyError("from finally")
    except KeyError as e:
        return f"{e!r} context={e.__context__!r}"


print(exception_in_finally())
errors = []
for value in ["1", "x", None, "3"]:
    try:
        errors.append(int(value))
    except (ValueError, TypeError) as e:
        errors.append(type(e).__name__)
print(errors)
try:
    raise AssertionError("assert-like")
except AssertionError as e:
    print("AssertionError", e)
try:
    assert 1 + 1 == 3, "math is broken"
except AssertionError as e:
    print("assert message:", e)
