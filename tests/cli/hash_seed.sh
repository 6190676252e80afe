# str/bytes hashes and PYTHONHASHSEED as CPython 3.11's (issue #12, item 7): for a fixed seed minipy's
# hash("a"), hash(b"abc") and the iteration order of sets of strings equal python3.11's; "random" and an unset
# or empty variable randomise (two runs differ, sys.flags.hash_randomization is 1); -E and -I ignore the
# variable; an invalid value is CPython's fatal start-up error (exit status 1).
source "$(dirname "$0")/../tools/cli_lib.sh" "$@"

cat >hashes.py <<'PY'
import sys
print(sys.flags.hash_randomization, sys.hash_info.algorithm, sys.hash_info.seed_bits, sys.hash_info.cutoff)
print(hash("a"), hash(b"abc"), hash(""), hash(b""), hash("\xe9t\xe9"), hash("\u20ac"), hash("\U0001f600"))
print(hash(memoryview(b"abc")) == hash(b"abc"), hash("abc") == hash(b"abc"))
words = ["alpha", "beta", "gamma", "delta", "epsilon", "zeta", "eta", "theta", "iota", "kappa", "lambda"]
print(list({"a", "b", "c", "d", "e", "f", "g", "h"}))
print(list(set(words)), list(frozenset(words)))
print(list({w.encode() for w in words}))
print({w: len(w) for w in set(words[:6])})
PY

# run_seed SEED [OPTIONS...]: both programs with PYTHONHASHSEED=SEED in an otherwise empty environment.
run_seed() {
  local seed=$1 rc
  shift
  rc=0; env -i PATH=/usr/bin:/bin LC_ALL=C.UTF-8 "PYTHONHASHSEED=$seed" "$MINIPY" "$@" >m.out 2>m.err || rc=$?; echo "$rc" >m.rc
  rc=0; env -i PATH=/usr/bin:/bin LC_ALL=C.UTF-8 "PYTHONHASHSEED=$seed" "$PYTHON311" "$@" >p.out 2>p.err || rc=$?; echo "$rc" >p.rc
}

for seed in 0 1 42 4294967295 " 7" "+9" 00012; do
  run_seed "$seed" hashes.py
  same_all "PYTHONHASHSEED='$seed'"
done
for seed in abc -1 4294967296 99999999999999999999999 0x10 "5 " " " 1.5; do
  run_seed "$seed" hashes.py
  same_all "invalid PYTHONHASHSEED='$seed'"
done
# -E and -I ignore even an invalid value.
for option in -E -I; do
  run_seed abc "$option" -c 'import sys; print(sys.flags.hash_randomization)'
  same_all "PYTHONHASHSEED=abc with $option"
done

# Randomised runs: the flag is 1 and two runs hash "a" differently (a 2**-64 chance of a false failure).
for seed in random ""; do
  env -i PATH=/usr/bin:/bin "PYTHONHASHSEED=$seed" "$MINIPY" -c 'import sys; print(sys.flags.hash_randomization, hash("a"))' >r1.out
  env -i PATH=/usr/bin:/bin "PYTHONHASHSEED=$seed" "$MINIPY" -c 'import sys; print(sys.flags.hash_randomization, hash("a"))' >r2.out
  [[ $(cut -d' ' -f1 r1.out) == 1 ]] || fail "PYTHONHASHSEED='$seed': hash_randomization is not 1: $(cat r1.out)"
  cmp -s r1.out r2.out && fail "PYTHONHASHSEED='$seed': two runs gave the same hash: $(cat r1.out)"
done
env -i PATH=/usr/bin:/bin "$MINIPY" -c 'print(hash("a"))' >r1.out
env -i PATH=/usr/bin:/bin "$MINIPY" -c 'print(hash("a"))' >r2.out
cmp -s r1.out r2.out && fail "unset PYTHONHASHSEED: two runs gave the same hash"

finish
