# An empty script, a comment-only script and a script of blank lines all run silently with exit 0.
source "$(dirname "$0")/../tools/cli_lib.sh" "$@"
: >empty.py
run_both empty.py
same_all "empty file"
printf '# only a comment\n' >comment.py
run_both comment.py
same_all "comment-only file"
printf '\n\n   \n\t\n' >blank.py
run_both blank.py
same_all "blank-lines file"
printf 'print("no trailing newline")' >nonl.py
run_both nonl.py
same_all "file without a final newline"
printf 'print("crlf")\r\nx = 1\r\nprint(x)\r\n' >crlf.py
run_both crlf.py
same_all "CRLF line endings"
printf '\xef\xbb\xbfprint("bom")\n' >bom.py
run_both bom.py
same_all "UTF-8 BOM"
finish
