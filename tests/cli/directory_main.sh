# A directory or zip archive holding __main__.py given as the script runs it as module __main__ through runpy:
# sys.path[0] is the directory (archive) made absolute (not resolved, trailing slash kept), sys.argv[0] stays as
# given, and a traceback starts with runpy's frames. Without __main__.py: "can't find '__main__' module in ...",
# exit 1. A file that only looks like a zip runs as a script.
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
# Archives: plain, a zipapp with a #! line, one without __main__.py. (Only __main__.py itself: minipy's import
# statement does not look inside archives, so the app imports nothing from it.)
mkdir zipsrc
sed '/^import helper/d; /^print(helper.x)/d' app/__main__.py >zipsrc/__main__.py
"$PYTHON311" -c 'import zipfile; z = zipfile.ZipFile("app.zip", "w"); z.write("zipsrc/__main__.py", "__main__.py"); z.close()'
"$PYTHON311" -c 'import zipfile; z = zipfile.ZipFile("nomain.zip", "w"); z.write("app/helper.py", "helper.py"); z.close()'
"$PYTHON311" -m zipapp zipsrc -o app.pyz -p '/usr/bin/env python3'
printf 'print("a script ending like a zip")\n# PK\5\6\n' >fake.zip
run_both app.zip
same_all "zip archive with __main__.py"
run_both app.pyz boom
same_all "zipapp with a #! line, raising"
run_both nomain.zip
same_all "zip archive without __main__.py"
run_both fake.zip
same_all "a script that only looks like a zip"
finish
