# Unknown options and options missing their argument: usage message on stderr, exit 2.
source "$(dirname "$0")/../tools/cli_lib.sh" "$@"
run_both -Z
same_all "unknown option -Z"
run_both -X
same_all "-X without an argument"
run_both --frobnicate
same_all "unknown long option"
run_both -m
same_all "-m without an argument"
finish
