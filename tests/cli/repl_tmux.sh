# The REPL in a real terminal: tmux runs minipy and python3.11 in turn, sends both the same keystrokes
# (send-keys) and compares the screens (capture-pane). Only the banner's version line differs by design
# (minipy names itself there); it is normalised on both sides. Covers the banner, -q, -i after a script,
# results echoed through sys.displayhook and kept in `_`, blocks ended by a blank line, tracebacks that keep
# the prompt, line editing (Left, Backspace) and history (Up), Ctrl-C at the prompt and while running, sys.ps1,
# exit's repr, exit() and Ctrl-D; Tab completion of names and attributes (rlcompleter), the history kept in
# ~/.python_history from one session to the next, PYTHONSTARTUP, and the reprs of help, credits and license.
# Each interpreter gets its own home directory, so the history files stay apart.
source "$(dirname "$0")/../tools/cli_lib.sh" "$@"
if ! command -v tmux >/dev/null; then
  echo "SKIPPED: tmux not found"
  exit 77
fi
SOCKET=minipy-repl-$$
# REPL_SCREENS_DIR=DIR keeps both screens of each scenario there, for a look at what was compared.
trap 'tmux -L "$SOCKET" kill-server 2>/dev/null; [[ -n ${REPL_SCREENS_DIR:-} ]] && cp "$SCRATCH"/[mp].[a-z]* "$REPL_SCREENS_DIR"/ 2>/dev/null; rm -rf "$SCRATCH"' EXIT
printf 'x = 42\nprint("script ran")\n' >script.py

# The screen, once it has stopped changing and shows a prompt (or the exit status) on its last line: keys sent
# while a statement still runs would be echoed by the terminal instead of read by the REPL (a loaded machine
# answers slowly).
settle() {
  local before="" now waited=0
  sleep 0.05
  while (( waited < 150 )); do
    now=$(tmux -L "$SOCKET" capture-pane -p -S - -t repl 2>/dev/null)
    if [[ $now == "$before" ]] &&
      printf '%s\n' "$now" | grep -v '^$' | tail -n 1 | grep -q -E '^(>>>|\.\.\.|py>)|^\[exit status|^Pane is dead'; then
      return
    fi
    before=$now
    sleep 0.08
    waited=$((waited + 1))
  done
}
keys() { tmux -L "$SOCKET" send-keys -t repl "$@"; settle; }

# session OUTFILE SCENARIO PROGRAM ARGS...: runs PROGRAM in a fresh 100x200 terminal, plays SCENARIO (a shell
# function sending keys) and saves the normalised screen.
session() {
  local out=$1 scenario=$2
  shift 2
  tmux -L "$SOCKET" kill-server 2>/dev/null
  tmux -L "$SOCKET" new-session -d -s repl -x 100 -y 200
  tmux -L "$SOCKET" set-option -t repl remain-on-exit on >/dev/null
  # The shell in the pane prints the program's exit status on the screen once the program has left.
  tmux -L "$SOCKET" respawn-pane -k -t repl \
    "cd '$SCRATCH' && env -i PATH=/usr/bin:/bin TERM=xterm LC_ALL=C.UTF-8 HOME='$home' $*; echo \"[exit status \$?]\""
  # Keys typed before the prompt is up would be echoed by the terminal, not read by the REPL: wait for it.
  local tries=0
  until tmux -L "$SOCKET" capture-pane -p -t repl | grep -q '^>>>' || (( tries++ > 100 )); do sleep 0.1; done
  settle
  "$scenario"
  # Every scenario ends by leaving the REPL: wait for the status line.
  tries=0
  until tmux -L "$SOCKET" capture-pane -p -S - -t repl | grep -q -E '^\[exit status [0-9]+\]$' || (( tries++ > 100 )); do
    sleep 0.1
  done
  tmux -L "$SOCKET" capture-pane -p -S - -t repl |
    sed -E 's/^Python 3\.11\.[0-9]+ \(.*\) \[.*\] on linux$/Python 3.11 (BANNER) on linux/' |
    grep -v '^Pane is dead' |
    awk '{ line[NR] = $0 } END { n = NR; while (n > 0 && line[n] == "") n--; for (i = 1; i <= n; i++) print line[i] }' \
    >"$out"
}

main_scenario() {
  keys 'abc'; keys C-c
  keys '1+1' Enter; keys '_ * 10' Enter; keys '_' Enter
  keys 'def twice(n):' Enter; keys '    return n * 2' Enter; keys '' Enter
  keys 'twice(21)' Enter
  keys 'if 1:' Enter; keys 'x = 5' Enter
  keys 'for i in range(2):' Enter; keys '    print(i)' Enter; keys '' Enter
  keys '1/0' Enter
  keys 'y = (1,' Enter; keys '2)' Enter; keys 'y' Enter
  keys 'y = = 2' Enter
  keys 'None' Enter; keys '"abc"' Enter
  keys '2+3'; keys Left; keys BSpace; keys '*'; keys Enter
  keys Up; keys Enter
  keys 'while True: pass' Enter; keys '' Enter; sleep 0.5; keys C-c
  keys 'import sys; sys.ps1 = "py> "' Enter; keys 'exit' Enter
  keys 'exit(3)' Enter
}
quiet_scenario() { keys '[1, 2][-1]' Enter; keys C-d; }
inspect_scenario() { keys 'x' Enter; keys 'x + 1' Enter; keys C-d; }
# Tab: a builtin name, an attribute, a list of candidates (Tab twice), a keyword; Tab on an empty line indents.
complete_scenario() {
  keys 'pri' Tab; keys '"done")' Enter
  keys 'import math' Enter; keys 'math.sq' Tab; keys '2)' Enter
  keys 'math.is' Tab Tab; keys C-u
  keys 'whi' Tab; keys C-u
  keys 'if 1:' Enter; keys Tab; keys 'pass' Enter; keys '' Enter
  keys 'help' Enter; keys 'credits' Enter; keys 'license' Enter; keys 'copyright' Enter
  keys C-d
}
# The first session leaves a line in ~/.python_history; the second finds it with Up.
history1_scenario() { keys 'print("from the first session")' Enter; keys C-d; }
history2_scenario() { keys Up; keys Enter; keys Up; keys Up; keys C-u; keys C-d; }
# PYTHONSTARTUP runs in __main__ before the first prompt; its errors are reported and the prompt opens anyway.
startup_scenario() { keys 'started' Enter; keys C-d; }
missing_startup_scenario() { keys '1' Enter; keys C-d; }
printf 'started = "yes"\nprint("startup file ran")\n' >startup.py

mkdir -p m.home p.home
for scenario in main quiet inspect complete history1 history2 startup missing_startup; do
  case $scenario in
    main) args=() ;;
    quiet) args=(-q) ;;
    inspect) args=(-i script.py) ;;
    complete | history1 | history2) args=(-q) ;;
    startup) args=(PYTHONSTARTUP="$SCRATCH/startup.py" -q) ;;
    missing_startup) args=(PYTHONSTARTUP="$SCRATCH/no-such-file.py" -q) ;;
  esac
  # A fresh history for every scenario but the second history one.
  [[ $scenario == history2 ]] || rm -f m.home/.python_history p.home/.python_history
  prefix=() command=("${args[@]}")
  while [[ ${command[0]:-} == *=* ]]; do prefix+=("${command[0]}"); command=("${command[@]:1}"); done
  home=$SCRATCH/m.home session "m.$scenario" "${scenario}_scenario" "${prefix[@]}" "$MINIPY" "${command[@]}"
  home=$SCRATCH/p.home session "p.$scenario" "${scenario}_scenario" "${prefix[@]}" "$PYTHON311" "${command[@]}"
  if ! cmp -s "p.$scenario" "m.$scenario"; then
    fail "$scenario: the screen differs from python3.11's"
    diff -u --label "python3.11 screen" --label "minipy screen" "p.$scenario" "m.$scenario" | head -n 60
  fi
done

# Without a terminal, stdin is a program, not a REPL.
printf 'print(6 * 7)\n' | clean_run "$MINIPY" >m.out 2>m.err
[[ $(cat m.out) == 42 && ! -s m.err ]] || fail "stdin from a pipe: $(cat m.out m.err)"
finish
