# A few differential cases whose bugs only a collection at the wrong moment shows, run with a collection at
# every safe point (MINIPY_GC_STRESS=1; `make gcstress` runs all of them): arguments of f(*args, **kw) held
# only by the call, slot words of __slots__ instances, builtin and native-module types no Python object refers to
# yet (static_types_collect: the static-type registry is their one root), typing's
# caches, and the tracing hooks and live frame objects (settrace_events ... debugger_bdb_trace: frame objects
# are weakly registered while their frames run). Each must still print exactly CPython's output.
source "$(dirname "$0")/../tools/cli_lib.sh" "$@"
here=$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)
cat >"$SCRATCH/minipy-gcstress" <<WRAP
#!/usr/bin/env bash
MINIPY_GC_STRESS=1 exec "$MINIPY" "\$@"
WRAP
chmod +x "$SCRATCH/minipy-gcstress"
for name in call_ex_gc class_slots stdlib_typing generic_alias_types static_types_collect \
    settrace_events setprofile_events frame_live debugger_bdb_trace; do
  [[ -f $here/../cases/$name.py ]] || continue
  if ! "$here/../tools/run_case" source "$SCRATCH/minipy-gcstress" "$name" >"$SCRATCH/out" 2>&1; then
    cat "$SCRATCH/out"
    fail "$name differs under MINIPY_GC_STRESS=1"
  fi
done
finish
