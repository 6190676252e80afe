# except clauses: tuples, `as` names deleted after the block, bare raise, hierarchy matching.
def classify(exc):
    try:
        raise exc
    except (KeyError, IndexError) as e:
        return f"lookup {type(e).__name__}"
    except ArithmeticError as e:
        return f"arith {type(e).__name__}"
    except Exception:
        return "other"


print(classify(KeyError("a")), classify(IndexError), classify(ZeroDivisionError()), classify(ValueError))
e = "before"
try:
    1 / 0
except ZeroDivisionError as e:
    print("caught", e)
try:
    print(e)
except NameError as err:
    print("NameError:", err)


def scoped():
    try:
        raise ValueError("v")
    except ValueError as exc:
        pass
    try:
        return exc
    except UnboundLocalError as u:
        return f"UnboundLocalError: {u}"


print(scoped())


def reraise():
    try:
        {}["missing"]
    except KeyError:
        print("logging and re-raising")
        raise


try:
    reraise()
except KeyError as k:
    print("outer got", repr(k))
try:
    raise
except RuntimeError as r:
    print("RuntimeError:", r)
try:
    try:
        raise ValueError("first")
    except ValueError:
        try:
            raise TypeError("second")
        except TypeError:
            pass
        raise
except ValueError as v:
    print("bare raise restored", v)
try:
    raise LookupError("base")
except (IndexError, KeyError):
    print("wrong")
except LookupError as l:
    print("LookupError", l)
try:
    try:
        raise ValueError
    except 5:
        pass
except TypeError as t:
    print("TypeError:", t)
print(isinstance(ValueError(), Exception), issubclass(KeyError, LookupError), issubclass(bool, int))
err = ValueError("a", 2)
print(err.args, str(err), repr(err), str(KeyError("k")), repr(KeyError()), str(ValueError()))
