# Reference cycles are reclaimed: a loop that creates and drops a million two-object cycles (each holding a
# fresh 1 KB string, ~1 GB in all) prints what python3.11 prints and stays far below that in peak memory.
source "$(dirname "$0")/../tools/cli_lib.sh" "$@"
if [[ ! -x /usr/bin/time ]]; then
  echo "SKIPPED: /usr/bin/time not found (Debian package 'time'; .ci/install-deps installs it)"
  exit 77
fi
cat >cycles.py <<'PY'
class Node:
    pass
total = 0
for i in range(1000000):
    a = Node()
    b = Node()
    a.other = b
    b.other = a
    a.payload = "x" * 1000 + str(i)
    total += len(a.payload)
selfref = []
for i in range(200000):
    l = [i]
    l.append(l)
print("done", total)
PY
run_both cycles.py
same_all "a million dropped cycles"
if [[ ${MINIPY_UNDER_SANITIZER:-} == 1 ]] || ldd "$MINIPY" 2>/dev/null | grep -q libasan; then
  # AddressSanitizer's quarantine and shadow memory make RSS meaningless here; the output check above stands.
  echo "memory bound not checked: $MINIPY is an AddressSanitizer build"
  finish
fi
peak_kb=$(env -i PATH=/usr/bin:/bin /usr/bin/time -f %M "$MINIPY" cycles.py 2>&1 >/dev/null | tail -n 1)
if [[ ! $peak_kb =~ ^[0-9]+$ ]] || ((peak_kb > 100000)); then
  fail "peak memory ${peak_kb} KB: cycles are not being reclaimed (bound 100000 KB)"
else
  echo "peak memory ${peak_kb} KB"
fi
finish
