# SyntaxError(msg, details) checks its details as CPython 3.11 does and has print_file_and_line; the frame a
# traceback entry gives (tb_frame) shows where the frame stopped, which after an unmatched except or a finally is
# that clause's line, not the raising one (test_exceptions: test_incorrect_constructor, testAttributes, PEP626Tests).
for details in [("f", 1, 2), ("f", 1, 2, 4, 5, 6, 7), ("f", 1, 2, "t", 1), "abc", ("f", 1, 2, "t", 3, 4), ["f", 1, 2, "t"], 5]:
    try:
        e = SyntaxError("m", details)
        print(repr(details), "ok", e.msg, e.end_offset)
    except TypeError as error:
        print(repr(details), "TypeError:", error)
e = SyntaxError("m", ("f", 1, 2, "t"), 3)
print(e.msg, e.filename, e.lineno, e.print_file_and_line)
print(SyntaxError().print_file_and_line)


def other_except():
    try:
        1 / 0
    except TypeError:
        pass


def in_try():
    try:
        1 / 0
    finally:
        pass


def simple():
    1 / 0
    pass


def in_named_except():
    try:
        1 / 0
    except Exception as ex:
        1 / 0
        pass


for f in (other_except, in_try, simple, in_named_except):
    try:
        f()
    except Exception as ex:
        tb = ex.__traceback__.tb_next
        first = f.__code__.co_firstlineno
        print(f.__name__, tb.tb_lineno - first, tb.tb_frame.f_lineno - first)
