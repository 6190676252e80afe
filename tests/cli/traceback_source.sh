# A traceback shows each frame's source line as the file holds it when the traceback is printed (CPython reads
# the file again every time): a module rewritten after its import shows the new text, a deleted one no line.
source "$(dirname "$0")/../tools/cli_lib.sh" "$@"
cat >main.py <<'PY'
import os
import sys

with open("rewritten.py", "w") as f:
    f.write("def fail():\n    raise ValueError('first text')\n")
import rewritten


def show():
    try:
        rewritten.fail()
    except ValueError as e:
        sys.excepthook(type(e), e, e.__traceback__)


show()
with open("rewritten.py", "w") as f:
    f.write("def fail():\n    raise ValueError('first text')  # changed since the import\n")
show()
os.remove("rewritten.py")
show()
PY
run_both -B main.py
same_all "source lines of a module rewritten after its import"
finish
