# A directory without __main__.py given as the script.
source "$(dirname "$0")/../tools/cli_lib.sh" "$@"
mkdir pkgdir
run_both pkgdir
same_all "directory as FILE"
finish
