# A directory holding __main__.py given as the script runs it as module __main__ through runpy: sys.path[0] is the
# directory made absolute (not resolved, trailing slash kept), sys.argv[0] stays as given, and a traceback starts
# with runpy's frames. Without __main__.py: "can't find '__main__' module in ...", exit 1.
source "$(dirname "$0")/../tools/cli_lib.sh" "$@"
mkdir app nomain
cat >app/__main__.py <<'PY'
import sys
print(sys.path[0], sys.argv, __name__, __file__, __spec__.name, repr(__package__))
print(sys.modules['__main__'] is sys.modules[__name__], type(__loader__).__name__)
import helper
print(helper.x)
if len(sys.argv) > 1:
    raise ValueError(sys.argv[1])
PY
echo 'x = 5' >app/helper.py
run_both app
same_all "directory with __main__.py"
run_both app/ boom
same_all "directory with a trailing slash, raising"
run_both ./app
same_all "directory as ./app"
run_both -I app
same_all "directory under -I"
run_both nomain
same_all "directory without __main__.py"
run_both nomain/
same_all "directory without __main__.py, trailing slash"
finish
