# Helpers for tests/cli/*.sh (sourced). Each scenario runs minipy and /usr/bin/python3.11 the same way in a
# clean environment and compares their behaviour after replacing each program's own name with PROG.
set -uo pipefail
source "$(dirname "${BASH_SOURCE[0]}")/case_lib.sh"

scenario_minipy "$@"
export CACHE_TAG=${MINIPY_CACHE_TAG:-minipy-311}  # used by the scenario scripts
need_python

enter_scratch_dir

# run_both ARGS...: run minipy and python3.11 with ARGS from the scratch dir; results in
# $SCRATCH/{m,p}.{out,err,rc} with program names normalised to PROG.
run_both() {
  local rc
  rc=0; clean_run "$MINIPY" "$@" >m.out 2>m.err || rc=$?; echo "$rc" >m.rc
  rc=0; clean_run "$PYTHON311" "$@" >p.out 2>p.err || rc=$?; echo "$rc" >p.rc
  normalise m "$MINIPY" "$(basename "$MINIPY")"
  normalise p "$PYTHON311" "$(basename "$PYTHON311")"
  # CPython hard-codes "python" in its usage hint; minipy may name itself there.
  sed -i 's/Try `python -h/Try `PROG -h/' p.err m.err
}

# run_both_with_env NAME=VALUE... -- ARGS...: run_both with those variables added to the clean environment.
run_both_with_env() {
  local vars=()
  while [[ $1 != -- ]]; do vars+=("$1"); shift; done
  shift
  local rc
  rc=0; clean_run env "${vars[@]}" "$MINIPY" "$@" >m.out 2>m.err || rc=$?; echo "$rc" >m.rc
  rc=0; clean_run env "${vars[@]}" "$PYTHON311" "$@" >p.out 2>p.err || rc=$?; echo "$rc" >p.rc
  normalise m "$MINIPY" "$(basename "$MINIPY")"
  normalise p "$PYTHON311" "$(basename "$PYTHON311")"
}

normalise() {  # $1 = m or p, $2 = full program path, $3 = its base name
  local f
  for f in "$1.out" "$1.err"; do
    replace_literal "$f" "$2" PROG >"$f.tmp"
    replace_literal "$f.tmp" "$3" PROG >"$f"
    rm -f "$f.tmp"
  done
}

# same WHAT FILE_SUFFIX: minipy's and python's normalised outputs must be equal, position markers included.
same() {
  local what=$1 suffix=$2
  # Finalization timing under a sanitizer build depends on stale native-stack words (tools/run_case says more):
  # the finalizer scenarios are then checked for memory errors only.
  if [[ ${MINIPY_UNDER_SANITIZER:-} == 1 && $(basename "$0") == finalize_* ]]; then
    if [[ $(cat m.rc) == 134 ]] || grep -q -E 'Sanitizer|runtime error:' m.err; then
      fail "$what: sanitizer report"
      head -n 30 m.err
    fi
    return
  fi
  cp "m.$suffix" m.cmp; cp "p.$suffix" p.cmp
  if ! cmp -s p.cmp m.cmp; then
    fail "$what: $suffix differs from python3.11"
    diff -u --label "python3.11 $suffix" --label "minipy $suffix" p.cmp m.cmp | head -n 40
  fi
}

same_all() {  # same exit code, stdout and stderr as python3.11
  same "$1" rc
  same "$1" out
  same "$1" err
}

expect_rc() {  # WHAT EXPECTED: minipy's exit code
  local got
  got=$(cat m.rc)
  [[ $got == "$2" ]] || { fail "$1: exit code $got, expected $2"; cat m.err; }
}

