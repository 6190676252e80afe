# A source file containing a NUL byte. CPython 3.11.2's file tokenizer reports it quirkily (the line is cut
# at the NUL); we accept either CPython's exact last line or the clearer "cannot contain null bytes" message,
# but require exit 1, no stdout, and no cache from py_compile.
source "$(dirname "$0")/../tools/cli_lib.sh" "$@"
printf 'x = 1\x00\nprint(x)\n' >nul.py
run_both nul.py
same "NUL byte" rc
same "NUL byte" out
m_last=$(tail -n 1 m.err)
p_last=$(tail -n 1 p.err)
if [[ $m_last != "$p_last" ]] && ! grep -q -E '^(SyntaxError|ValueError): source code (string )?cannot contain null bytes' m.err; then
  fail "NUL byte: last stderr line '$m_last' (python3.11: '$p_last')"
fi
rm -rf __pycache__
run_both -m py_compile nul.py
same "py_compile of a NUL byte" rc
if ls __pycache__/nul.* >/dev/null 2>&1; then fail "py_compile wrote a cache for a file with a NUL byte"; fi
finish
