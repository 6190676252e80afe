# `minipy -m NAME` runs a module found on sys.path as __main__, as CPython's runpy does: parents imported
# first, a package's __main__, the same error messages, sys.argv[0] the module's file; its cache is written
# like an imported module's. Also -X importtime's table.
source "$(dirname "$0")/import_lib.sh" "$@"
need_python

mkdir -p tool/app
printf 'import sys\nprint(__name__, __package__, __spec__.name, sys.argv[1:], __file__ == sys.argv[0])\n' >tool/app/cli.py
printf 'print("package main", __name__, __package__)\n' >tool/app/__main__.py
printf '' >tool/app/__init__.py
mkdir -p tool/bare && printf '' >tool/bare/__init__.py
printf 'X = 1\n' >tool/plain.py
touch -d '-1 hour' tool/app/*.py tool/bare/*.py tool/plain.py
for args in "app.cli one two" "app" "bare" "nosuch" "nosuch.sub" "plain.sub" ".rel" "keyword"; do
  for side in m p; do
    program=$MINIPY; [[ $side == p ]] && program=$PYTHON311
    rc=0; (cd tool && env -i PATH=/usr/bin:/bin LC_ALL=C.UTF-8 "${PASS_ENV[@]}" timeout "$CASE_TIMEOUT" "$program" -B -m $args \
      >"../$side.out" 2>"../$side.err") || rc=$?
    echo "status $rc" >>$side.out
    sed -i -e "s|$program|PROG|g" $side.err
  done
  cmp -s p.out m.out || { fail "-m $args: stdout differs"; diff p.out m.out; }
  cmp -s p.err m.err || { fail "-m $args: stderr differs"; diff p.err m.err; }
done
(cd tool && env -i PATH=/usr/bin:/bin "${PASS_ENV[@]}" "$MINIPY" -m app.cli >/dev/null)
[[ -f tool/app/__pycache__/cli.$TAG.pyc ]] || fail "-m did not cache the module it ran"

cd tool
mp -- -X importtime -c 'import app.cli' 
expect_err_has "-X importtime" "import time: self [us] | cumulative | imported package"
grep -qE '^import time: +[0-9]+ \| +[0-9]+ \|   app$' err || fail "-X importtime: no indented app line: $(cat err)"
grep -qE '^import time: +[0-9]+ \| +[0-9]+ \| app.cli$' err || fail "-X importtime: no app.cli line"
finish
