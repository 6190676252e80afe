# except* (PEP 654): matching splits a group, unmatched parts re-raise, handlers see sub-groups.

def show(label, eg):
    print(label, type(eg).__name__, repr(eg.message), [repr(e) for e in eg.exceptions])


def split_two():
    try:
        raise ExceptionGroup("eg", [ValueError(1), TypeError(2), ValueError(3)])
    except* ValueError as e:
        show("value", e)
    except* TypeError as e:
        show("type", e)


split_two()


def unmatched_reraised():
    try:
        try:
            raise ExceptionGroup("outer", [KeyError("k"), OSError("o")])
        except* KeyError as e:
            show("key", e)
    except ExceptionGroup as rest:
        show("rest", rest)


unmatched_reraised()


def naked_exception_is_wrapped():
    try:
        raise ValueError("naked")
    except* ValueError as e:
        show("wrapped", e)
        print(e.exceptions[0] is not None)


naked_exception_is_wrapped()


def tuple_of_types():
    try:
        raise ExceptionGroup("t", [IndexError(0), KeyError(1), ZeroDivisionError()])
    except* (IndexError, KeyError) as e:
        show("lookup", e)
    except* ArithmeticError as e:
        show("arith", e)


tuple_of_types()


def nested_groups():
    inner = ExceptionGroup("inner", [ValueError("a"), TypeError("b")])
    try:
        raise ExceptionGroup("outer", [inner, ValueError("c")])
    except* ValueError as e:
        print("nested value:", repr(e))
    except* TypeError as e:
        print("nested type:", repr(e))


nested_groups()


def raise_in_handler():
    try:
        try:
            raise ExceptionGroup("g", [ValueError(1)])
        except* ValueError:
            raise RuntimeError("from handler")
    except Exception as e:
        print("raised", type(e).__name__, repr(e))
        print("context:", repr(e.__context__))


raise_in_handler()


def reraise_bare():
    try:
        try:
            raise ExceptionGroup("g", [ValueError(1), TypeError(2)])
        except* ValueError:
            print("handling then re-raising")
            raise
    except ExceptionGroup as e:
        show("bare", e)


reraise_bare()


def else_and_finally():
    for payload in (None, ExceptionGroup("g", [OSError("x")])):
        try:
            if payload is not None:
                raise payload
        except* OSError as e:
            show("os", e)
        else:
            print("else ran")
        finally:
            print("finally ran")


else_and_finally()


def bad_match_type():
    try:
        try:
            raise ExceptionGroup("g", [ValueError(1)])
        except* ExceptionGroup:
            pass
    except TypeError as e:
        print("TypeError:", e)
    try:
        try:
            raise ExceptionGroup("g", [ValueError(1)])
        except* 42:
            pass
    except TypeError as e:
        print("TypeError:", e)


bad_match_type()


def base_exception_group():
    try:
        raise BaseExceptionGroup("b", [KeyboardInterrupt(), ValueError(5)])
    except* KeyboardInterrupt as e:
        show("kbd", e)
    except* ValueError as e:
        show("val", e)


base_exception_group()


def loop_with_continue():
    for i in range(3):
        try:
            raise ExceptionGroup("g", [ValueError(i)])
        except* ValueError as e:
            print("loop", i, repr(e.exceptions[0]))
    print("loop done")


loop_with_continue()


def notes_and_traceback_kept():
    try:
        err = ValueError("noted")
        err.add_note("a note")
        raise ExceptionGroup("g", [err])
    except* ValueError as e:
        print(e.exceptions[0].__notes__, e.exceptions[0].__traceback__ is not None)


notes_and_traceback_kept()

# Uncaught: the unmatched part is printed with CPython's boxed traceback.
try:
    raise ExceptionGroup("final", [ValueError("v"), TypeError("t")])
except* ValueError:
    print("caught the ValueError part")
