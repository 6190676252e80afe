# Source that is not valid UTF-8 and has no coding declaration: SyntaxError naming the byte, exit 1.
source "$(dirname "$0")/../tools/cli_lib.sh" "$@"
printf 'print("caf\xe9")\n' >latin1.py
run_both latin1.py
same_all "invalid UTF-8 in a string"
printf 'x = 1\n# \xff\xfe comment\nprint(x)\n' >badcomment.py
run_both badcomment.py
same_all "invalid UTF-8 in a comment"
printf 'print("ok")\nname = "\xc3"\n' >truncated.py
run_both truncated.py
same_all "truncated UTF-8 sequence"
finish
