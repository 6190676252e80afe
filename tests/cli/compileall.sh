# -m compileall: same listing/compiling/error output and exit code as python3.11's, caches at the same places
# (with minipy's tag), up-to-date files skipped, -q/-f/-l/-j and --invalidation-mode honoured natively, the
# other options through Lib's compileall.py.
source "$(dirname "$0")/../tools/cli_lib.sh" "$@"
mkdir -p tree/pkg/sub
printf 'x = 1\n' >tree/a.py
printf 'y = (\n' >tree/pkg/bad.py
printf 'z = 2\n' >tree/pkg/sub/c.py
: >tree/pkg/__init__.py
: >tree/notes.txt
pycs() { (cd tree && find . -name '*.pyc' | sed "s/\.$CACHE_TAG\./.TAG./; s/\.cpython-311\./.TAG./" | sort); }
clear_caches() { find tree -name __pycache__ -prune -exec rm -rf {} +; }

run_both -m compileall tree
same_all "compileall of a tree with a syntax error"
clear_caches
clean_run "$PYTHON311" -m compileall -q tree >/dev/null; pycs >p.pycs; clear_caches
clean_run "$MINIPY" -m compileall -q tree >/dev/null; pycs >m.pycs
cmp -s p.pycs m.pycs || { fail "cache files differ"; diff p.pycs m.pycs; }

# A second run finds everything up to date: only the listing (and the file that keeps failing) appear.
clean_run "$PYTHON311" -m compileall tree >/dev/null
run_both -m compileall tree
same_all "second run skips up-to-date files"
run_both -m compileall -f -q tree
same_all "-f -q"
run_both -m compileall -l tree
same_all "-l (no recursion)"
run_both -m compileall -qq -j 2 tree
same_all "-qq -j 2"

# Only regular files are compiled: a dangling or looping symlink is passed over; a target that is no file is
# walked as a directory ("Can't list", exit status 0).
mkdir links
ln -s missing.py links/dangling.py
ln -s loop.py links/loop.py
run_both -m compileall links
same_all "symlinks that lead to no file"
run_both -m compileall nothere.py
same_all "a missing target"

rm tree/pkg/bad.py
clear_caches
run_both -m compileall --invalidation-mode checked-hash tree/a.py
same_all "single file, checked-hash"
clear_caches
clean_run "$MINIPY" -m compileall -q --invalidation-mode unchecked-hash tree/a.py
flags=$(od -A n -t x1 -j 4 -N 4 "tree/__pycache__/a.$CACHE_TAG.pyc" | tr -d ' ')
[[ $flags == 01000000 ]] || fail "unchecked-hash flags are $flags, expected 01000000"

# Options the native command line leaves to Lib's compileall.py: legacy pycs beside the sources (-b), a
# stripped/prepended path in the code's filename (-s/-p), exclusion (-x), -r0, and the full --help.
clear_caches
run_both -m compileall -b -q tree
same_all "-b writes legacy pycs"
(cd tree && find . -name '*.pyc' | sort) >b.pycs
grep -q '^./a.pyc$' b.pycs || fail "-b did not write tree/a.pyc"
[[ $(clean_run "$PYTHON311" tree/a.pyc; echo $?) == 0 ]] || fail "python3.11 cannot run minipy's legacy pyc"
find tree -name '*.pyc' -delete
run_both -m compileall -x 'sub' tree
same_all "-x excludes by regular expression"
clear_caches
run_both -m compileall -r0 -s tree -p /lib tree
same_all "-r0 -s -p"
run_both -m compileall --help
same_all "--help"
run_both -m compileall --bogus tree
same_all "an unknown option"
finish
