# Warning control from the command line and the environment: -W, PYTHONWARNINGS (comma-separated; -E ignores
# it), -X dev / PYTHONDEVMODE and -b/-bb make sys.warnoptions in CPython's order, and Lib's warnings module,
# imported before the program, turns them into filters: errors, ignores, "once", invalid options reported on
# stderr. sys._xoptions and sys.flags show the same settings.
source "$(dirname "$0")/../tools/cli_lib.sh" "$@"

cat >warn.py <<'PY'
import sys
print(sys.warnoptions)
print(sys.flags.bytes_warning, sys.flags.dev_mode, sorted(sys._xoptions.items()))
import warnings
for category in (UserWarning, DeprecationWarning, RuntimeWarning):
    for attempt in range(2):
        try:
            warnings.warn("message %s" % attempt, category)
            print(category.__name__, "passed")
        except Warning as e:
            print(category.__name__, "raised", type(e).__name__, e)
print("done")
PY
run_both warn.py
same_all "no options"
for options in "-W error" "-W once" "-W error::DeprecationWarning" "-W ignore -W error::RuntimeWarning" \
               "-W error:message:UserWarning" "-Werror" "-W bogus" "-W ignore::NoSuchWarning" "-bb" \
               "-X dev -W ignore" "-X a=1 -X b -X a" "-E -W error"; do
  # shellcheck disable=SC2086  # the options are words
  run_both $options warn.py
  same_all "$options"
done
for value in "ignore::UserWarning,error::RuntimeWarning" ",,error::DeprecationWarning," "nonsense"; do
  run_both_with_env "PYTHONWARNINGS=$value" -- warn.py
  same_all "PYTHONWARNINGS=$value"
done
run_both_with_env "PYTHONWARNINGS=error" -- -W always warn.py
same_all "PYTHONWARNINGS=error with -W always"
run_both_with_env "PYTHONWARNINGS=error" -- -E warn.py
same_all "PYTHONWARNINGS=error with -E"
run_both_with_env PYTHONDEVMODE=1 -- warn.py
same_all "PYTHONDEVMODE=1"

# An error filter ends the program with the warning's traceback from the caller's line (the filters are
# native, as CPython's _warnings: no frames of Lib's warnings.py), and a shown warning prints its source line.
printf 'import warnings\nprint("before")\nwarnings.warn("stop here")\nprint("after")\n' >stop.py
run_both -W error stop.py
same_all "-W error, uncaught"
run_both -W always stop.py
same_all "-W always, shown"
printf 'print(int("7"))\nx = 1 is 1\n' >native_warning.py
run_both -W error::SyntaxWarning native_warning.py
same_all "-W error::SyntaxWarning at compile time"

finish
