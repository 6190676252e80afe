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
for options in "-W error" "-W ignore" "-W once" "-W always" "-W error::DeprecationWarning" \
               "-W ignore -W error::RuntimeWarning" "-W error:message:UserWarning" "-Werror" "-W bogus" \
               "-W ignore::NoSuchWarning" "-b" "-bb" "-X dev" "-X dev -W ignore" "-X a=1 -X b -X a" "-E -W error"; do
  # shellcheck disable=SC2086  # the options are words
  run_both $options warn.py
  same_all "$options"
done
for value in "error" "ignore::UserWarning,error::RuntimeWarning" ",,error::DeprecationWarning," "nonsense"; do
  run_both_with_env "PYTHONWARNINGS=$value" -- warn.py
  same_all "PYTHONWARNINGS=$value"
  run_both_with_env "PYTHONWARNINGS=$value" -- -W always warn.py
  same_all "PYTHONWARNINGS=$value with -W always"
  run_both_with_env "PYTHONWARNINGS=$value" -- -E warn.py
  same_all "PYTHONWARNINGS=$value with -E"
done
run_both_with_env PYTHONDEVMODE=1 -- warn.py
same_all "PYTHONDEVMODE=1"

finish
