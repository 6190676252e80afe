# -V / --version print minipy's own version (exit 0, non-empty); -h prints usage on stdout, exit 0.
source "$(dirname "$0")/../tools/cli_lib.sh" "$@"
for opt in -V --version; do
  run_both "$opt"
  expect_rc "$opt" 0
  [[ -s m.out || -s m.err ]] || fail "$opt printed nothing"
done
for opt in -h --help; do
  run_both "$opt"
  expect_rc "$opt" 0
  grep -q -i 'usage' m.out || fail "$opt: no usage line on stdout"
done
finish
