# SyntaxError's fields are members set by __init__, not views of args: assigning or deleting one leaves args
# alone, str(e) reads the members, a second __init__ keeps the fields its arguments do not name, and a subclass
# that skips the base __init__ has them all None (CPython's SyntaxError_init and SyntaxError_str).
try:
    compile("1 +", "<s>", "exec")
except SyntaxError as caught:
    err = caught
print(err.msg, err.lineno, err.offset, err.args)
err.msg = "changed"
err.lineno = 7
err.filename = "/some/dir/mod.py"
print(err.msg, err.lineno, err.args, str(err))
err.lineno = "seven"
print(str(err))
err.filename = None
err.lineno = 3
print(str(err))
del err.msg
print(err.msg, repr(str(err)))

e2 = SyntaxError("m", ("f.py", 3, 4, "txt\n", 3, 5))
print(e2.filename, e2.lineno, e2.offset, repr(e2.text), e2.end_lineno, e2.end_offset)
e2.text = None
print(e2, repr(e2), e2.args)
e2.__init__("again")
print(e2.msg, e2.filename, e2.lineno, e2.args)
e2.__init__("third", ["g.py", 9, 1, "x"])
print(e2.msg, e2.filename, e2.lineno, e2.end_lineno, e2.end_offset, e2.args)

e3 = SyntaxError()
print(e3.msg, e3.filename, e3.args, repr(str(e3)))
e3.print_file_and_line = 1
print(e3.print_file_and_line)
print(str(SyntaxError(5)), str(SyntaxError("a", "bcde")), SyntaxError("a", "b", "c").msg)


class Quiet(SyntaxError):
    def __init__(self, *args):
        pass


q = Quiet("hidden", ("q.py", 1, 1, "t"))
print(q.msg, q.filename, q.args, repr(str(q)))


class Loud(IndentationError):
    def __init__(self, msg):
        super().__init__(msg, ("l.py", 2, 3, "  y\n"))


try:
    raise Loud("custom indentation")
except IndentationError as caught:
    print(type(caught).__name__, caught.msg, caught.filename, caught.lineno, caught.offset, str(caught))

# The traceback printer reads the members too.
import traceback

e4 = SyntaxError("printed", ("p.py", 4, 2, "abc\n", 4, 3))
e4.msg = "member message"
e4.text = "xyz\n"
print("".join(traceback.format_exception_only(SyntaxError, e4)), end="")
raise e4
