# CPython 3.11's parser warns of an invalid escape in a str or bytes literal with a DeprecationWarning (the first
# one of each literal token, on the token's line; an octal escape above 0o377 has its own words); the "error"
# filter makes it a SyntaxError on the whole token. A failed parse that CPython runs a second time warns twice.
import os
import subprocess
import sys
import tempfile
import warnings

sources = [
    r'x = "\d"', r'x = b"\d"', r'x = "\d" "\e"', r'x = "\d\e"', r'x = "\400"', r'x = b"\777"', r'x = "\d\400"',
    r'x = "\8"', r'x = b"\u\N"', r'x = "\N{DIGIT ONE}\q"', r'x = "\\d"', r'x = r"\d"', r'x = u"\d"',
    'x = "\\\u00e4"', r'x = "\ "', r'x = "\0\1\07"', 'x = """\nabc\n\\d"""', 'x = ("a"\n "\\d")',
    'def f():\n  "\\d"\n  return "\\q"',
    r'x = f"\d{1}\e"', r'x = f"\d\{1}"', r'x = f"{1}\d" f"\e"', r'x = f"{1:\d{2}\e}"', r'x = f"{1!r:\d}"',
    r'x = "\d" f"\e{2}"', r'x = f"a\}}"', r'x = f"\{{"', r'x = rf"\d{1}"',
    # errors: in the tokenizer or a literal (one pass), in the grammar (two passes)
    'x = "\\d"\ny = (', 'x = "\\d"; y = )', r'x = ("\d"', r'x = "\d"; y = 1a', r'x = "\d"; y = "\x"',
    r'x = "\d"; y = b"" ""', r'x = "\d"; y = f"{"', r'x = "\d" +', r'x = "\d"; 1 = 2', 'x = "\\d"\n  y = 2',
    r'x = "\d"; break', r'"\d" = 1', r'x = 1if "\d" else 2', 'x = "\\d"\ny = 1if 1 else 2',
]
for src in sources:
    for mode in ("exec", "eval"):
        if mode == "eval" and not src.startswith("x = "):
            continue
        text = src[4:] if mode == "eval" else src
        with warnings.catch_warnings(record=True) as caught:
            warnings.simplefilter("always")
            try:
                compile(text, "<recorded>", mode)
                outcome = "ok"
            except SyntaxError as e:
                outcome = f"{type(e).__name__}: {e.msg} {e.lineno}"
        print(mode, repr(text), outcome, [(w.category.__name__, str(w.message), w.filename, w.lineno)
                                           for w in caught])
        with warnings.catch_warnings():
            warnings.simplefilter("error")
            try:
                compile(text, "<strict>", mode)
                print("  no error")
            except SyntaxError as e:
                print("  ", type(e).__name__, e.msg, e.filename, e.lineno, e.offset, repr(e.text), e.end_lineno,
                      e.end_offset)

# Only DeprecationWarning: an "error" filter for another category leaves it a warning; "ignore" drops it.
with warnings.catch_warnings(record=True) as caught:
    warnings.simplefilter("always")
    warnings.filterwarnings("error", category=SyntaxWarning)
    exec(r'y = "\d"')
    warnings.filterwarnings("ignore", category=DeprecationWarning)
    eval(r'"\q"')
print(len(caught), caught[0].category.__name__)
# The default filters show a DeprecationWarning of __main__ only: compile()'s module is the file name.
with warnings.catch_warnings(record=True) as caught:
    warnings.resetwarnings()
    warnings.simplefilter("default")
    for _ in range(2):
        compile(r'"\d"', "<same>", "eval")
print(len(caught))

# Scripts and imports: -W default shows the warning with the source line; -W error makes it a SyntaxError; a
# cached module compiles no more and warns no more.
with tempfile.TemporaryDirectory() as d:
    with open(os.path.join(d, "script.py"), "w") as f:
        f.write('print("a\\d")\nx = (1,\n     b"\\q")\n')
    with open(os.path.join(d, "mod.py"), "w") as f:
        f.write('X = "\\d"\n')
    env = {k: v for k, v in os.environ.items() if not k.startswith("PYTHON")}
    runs = [["-W", "default", "script.py"], ["-W", "error", "script.py"], ["script.py"],
            ["-W", "error::DeprecationWarning", "-c", r'"\d"'], ["-W", "default", "-c", r'"\d"'],
            ["-W", "default", "-c", "import mod"], ["-W", "default", "-c", "import mod"],
            ["-W", "default", "-B", "-c", "import mod"]]
    for args in runs:
        r = subprocess.run([sys.executable, *args], capture_output=True, text=True, cwd=d, env=env)
        print(args, r.returncode, r.stdout.split(), r.stderr.replace(d, "DIR").splitlines())
