# A numeric literal directly followed by a keyword (`1if x else y`, `0x1for`): CPython's tokenizer lets the
# keywords that may follow a number in valid code through with a SyntaxWarning "invalid ... literal", and
# rejects any other name character; with the warning filters set to 'error' the warning is that SyntaxError.
# (test_grammar's test_end_of_numerical_literals.) Also the other bad literals of test_bad_numerical_literals.
import warnings


def show(source, mode="eval"):
    with warnings.catch_warnings(record=True) as caught:
        warnings.simplefilter("always")
        try:
            compile(source, "<case>", mode)
            result = "ok"
        except SyntaxError as e:
            result = ("SyntaxError", e.msg, e.lineno, e.offset, e.end_lineno, e.end_offset)
    print(repr(source), result, [(w.category.__name__, str(w.message), w.filename, w.lineno) for w in caught])


for num in "0xf", "0o7", "0b1", "9", "0", "1.", "1e3", "1j":
    for template in ["{}and x", "{}or x", "{}in x", "{}not in x", "{}if x else y", "x if {}else y",
                     "[{}for x in ()]", "{}spam", "{}is x"]:
        show(template.format(num))
for source in ["[0x1ffor x in ()]", "[0x1for x in ()]", "[0xfor x in ()]", "1_if x else y", "1.e5if x else y",
               "1jif x else y", "0b12", "0o8", "1e", "0x", "1__0",
               "0b1_2", "0o1_8", "0b1_2_", "0b_2", "0o_8", "0b1__1", "0x1_g", "0b1_a", "0o18", "1.2_", "1e2_", "1e+",
               "012", "0b1_", "0o1_", "0x1_", "1_"]:
    show(source)
show("1if\n", "exec")
show("x = 1\ny = 2if x else 3\n", "exec")

with warnings.catch_warnings():
    warnings.simplefilter("error")
    for source in ["1if x else y", "x = 1\ny = 0x1for\n"]:
        try:
            compile(source, "<case>", "exec")
        except SyntaxError as e:
            print("as error:", e.msg, e.lineno, e.offset, e.end_lineno, e.end_offset)
with warnings.catch_warnings():
    warnings.simplefilter("ignore")
    print(eval("[0x1for x in (1, 2)]"), eval("1if 1else 2"), eval("0x1or 5"))
