# Importing a module writes and reuses its cache like CPython: the -v lines about this folder's files (cache
# tag normalised to TAG), the cache files left behind and stdout must match python3.11 across a first run,
# a second run, -B, PYTHONDONTWRITEBYTECODE (and -E ignoring it), an edited source and a damaged cache.
# Skips (exit 77) while minipy cannot import modules yet.
source "$(dirname "$0")/../tools/cli_lib.sh" "$@"

mkdir probe && printf 'X = 1\n' >probe/m.py && printf 'import m\n' >probe/main.py
if ! (cd probe && clean_run "$MINIPY" main.py >/dev/null 2>&1); then
  echo "SKIPPED: minipy cannot import a module yet"
  exit 77
fi

# in_both DIR ENV... -- ARGS...: run both interpreters from their own copy of DIR (m/ and p/), capture
# stdout and the normalised -v lines, and list the cache files afterwards.
setup() {
  rm -rf m p
  for side in m p; do
    mkdir "$side"
    printf 'X = 41\ndef bump(v):\n    return v + 1\n' >"$side/mod.py"
    printf 'import mod\nprint(mod.bump(mod.X))\n' >"$side/main.py"
  done
}
run_side() {  # SIDE PROGRAM ENV_ASSIGNMENTS... -- ARGS...
  local side=$1 program=$2; shift 2
  local envs=()
  while [[ $1 != -- ]]; do envs+=("$1"); shift; done
  shift
  local rc=0
  (cd "$side" && env -i PATH=/usr/bin:/bin LC_ALL=C.UTF-8 "${envs[@]}" timeout 30 "$program" -v "$@" \
     >"../$side.out" 2>"../$side.verbose") || rc=$?
  echo "$rc" >"$side.rc"
  local dir
  dir=$(cd "$side" && pwd)
  grep -F -e "$dir" -e "'mod'" "$side.verbose" | grep -v -E '^(import |# (cleanup|destroy|clear))' \
    | sed -e "s|$dir/||g" -e "s/$CACHE_TAG/TAG/g" -e 's/cpython-311/TAG/g' >"$side.err"
  (cd "$side" && find . -name '*.pyc' | sed -e "s/$CACHE_TAG/TAG/" -e 's/cpython-311/TAG/' | sort) >"$side.files"
}
both() {  # WHAT ENV... -- ARGS...
  local what=$1; shift
  run_side m "$MINIPY" "$@"
  run_side p "$PYTHON311" "$@"
  same "$what" rc
  same "$what" out
  same "$what" err
  same "$what" files
}

setup
both "first import" -- main.py
both "second import (cache reused)" -- main.py

setup
both "-B" -- -B main.py
setup
both "PYTHONDONTWRITEBYTECODE=1" PYTHONDONTWRITEBYTECODE=1 -- main.py
setup
both "-E ignores PYTHONDONTWRITEBYTECODE" PYTHONDONTWRITEBYTECODE=1 -- -E main.py

setup
both "before the edit" -- main.py
for side in m p; do
  printf 'X = 99\ndef bump(v):\n    return v + 2\n' >"$side/mod.py"
  touch -d '+5 seconds' "$side/mod.py"
done
both "after editing the source" -- main.py

setup
both "before damaging the cache" -- main.py
for side in m p; do
  printf 'JUNK' | dd of="$(ls "$side"/__pycache__/mod.*.pyc)" bs=1 seek=0 conv=notrunc status=none
done
both "bad magic number: recompiled and rewritten" -- main.py
finish
