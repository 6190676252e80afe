# Several processes importing the same fresh module at once: each writes its cache through a unique temporary
# file and an atomic rename, so no process ever reads a half-written cache, every run prints the right
# answer, the surviving cache is complete, and no temporary files are left behind.
source "$(dirname "$0")/import_lib.sh" "$@"
PROCS=8
ROUNDS=6
PYC=__pycache__/mod.$TAG.pyc
printf 'import mod\nprint(mod.total())\n' >main.py
for ((round = 1; round <= ROUNDS; round++)); do
  rm -rf __pycache__
  {
    echo "N = $round"
    for ((k = 0; k < 200; k++)); do echo "def f$k(x):"; echo "    return x + $k"; done
    echo 'def total():'
    echo '    return sum([f0(N), f199(N), len(globals())])'
  } >mod.py
  [[ $((round % 2)) -eq 0 ]] && age mod.py   # alternate timestamp and (racy) hash-based pycs
  expected=$((round + round + 199 + 210))
  pids=()
  for ((p = 0; p < PROCS; p++)); do
    (env -i PATH=/usr/bin:/bin LC_ALL=C.UTF-8 "${PASS_ENV[@]}" timeout "$CASE_TIMEOUT" "$MINIPY" main.py >"out.$p" 2>"err.$p"; echo $? >"rc.$p") &
    pids+=($!)
  done
  wait "${pids[@]}"
  for ((p = 0; p < PROCS; p++)); do
    if [[ $(cat "rc.$p") != 0 || $(cat "out.$p") != "$expected" ]]; then
      fail "round $round, process $p: status $(cat "rc.$p"), printed '$(cat "out.$p")', expected $expected"
      head -n 5 "err.$p"
    fi
  done
  mp -- -v main.py
  expect_out "round $round, after the race" "$expected"
  expect_err_has "round $round: the surviving cache is complete" "matches"
  leftovers=$(find __pycache__ -type f ! -name "mod.$TAG.pyc")
  [[ -z $leftovers ]] || fail "round $round: temporary files left: $leftovers"
done
finish
