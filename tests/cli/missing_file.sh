# A missing script: "PROG: can't open file '/abs/path': [Errno 2] No such file or directory", exit 2.
source "$(dirname "$0")/../tools/cli_lib.sh" "$@"
run_both nothere.py
same_all "missing file"
mkdir sub
run_both sub/../nothere_either.py
same_all "missing file with a relative path"
run_both -B -E nothere.py
same_all "missing file after options"
finish
