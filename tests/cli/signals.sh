# SIGINT raises KeyboardInterrupt at the next instruction boundary (a busy loop, a time.sleep): handlers and
# `finally` run; uncaught, the traceback and death by SIGINT as CPython's. A Python handler for SIGUSR1 runs
# through signal.raise_signal; SIGINT inherited as ignored stays ignored.
source "$(dirname "$0")/../tools/cli_lib.sh" "$@"
cat >sigint.py <<'PY'
import time
print("ready", flush=True)
try:
    while True:
        pass
except KeyboardInterrupt:
    print("caught KeyboardInterrupt", flush=True)
try:
    time.sleep(30)
finally:
    print("finally ran", flush=True)
PY
cat >drive.py <<'PY'
# Runs PROGRAM with SIGINT at its default, interrupts the busy loop and then the sleep.
import signal, subprocess, sys, time
exe = sys.argv[1]
p = subprocess.Popen([exe, "sigint.py"], stdout=subprocess.PIPE, stderr=subprocess.PIPE,
                     env={"PATH": "/usr/bin:/bin", "LC_ALL": "C.UTF-8"},
                     preexec_fn=lambda: signal.signal(signal.SIGINT, signal.SIG_DFL))
print(p.stdout.readline().decode(), end="")
time.sleep(0.3)
p.send_signal(signal.SIGINT)
print(p.stdout.readline().decode(), end="")
time.sleep(0.3)
p.send_signal(signal.SIGINT)
out, err = p.communicate(timeout=20)
print(out.decode(), end="")
print("status", p.returncode)
sys.stderr.write(err.decode())
PY
cat >handlers.py <<'PY'
import _signal as signal
print(signal.SIGINT, signal.SIGUSR1, signal.SIG_DFL, signal.SIG_IGN, signal.NSIG)
print(signal.getsignal(signal.SIGINT) is signal.default_int_handler)
def handler(signum, frame):
    print("handler", signum, frame is None or type(frame).__name__ == "frame")
    raise KeyError("from handler")
print(signal.signal(signal.SIGUSR1, handler))
try:
    signal.raise_signal(signal.SIGUSR1)
except KeyError as e:
    print("caught", e)
print(signal.signal(signal.SIGUSR1, signal.SIG_IGN) is handler)
signal.raise_signal(signal.SIGUSR1)
print(signal.getsignal(signal.SIGUSR1), signal.strsignal(signal.SIGINT))
for bad in (0, 1000):
    try:
        signal.signal(bad, signal.SIG_IGN)
    except ValueError as e:
        print("ValueError", e)
try:
    signal.signal(signal.SIGUSR1, 5)
except TypeError as e:
    print("TypeError", e)
try:
    signal.default_int_handler(2, None)
except KeyboardInterrupt:
    print("KeyboardInterrupt from default_int_handler")
PY
for prog in m p; do
  exe=$MINIPY
  [[ $prog == p ]] && exe=$PYTHON311
  rc=0; clean_run "$PYTHON311" drive.py "$exe" >$prog.out 2>$prog.err || rc=$?; echo "$rc" >$prog.rc
done
sed -i "s|$MINIPY|PROG|g" m.err; sed -i "s|$PYTHON311|PROG|g" p.err
same_all "SIGINT"
run_both handlers.py
same_all "handlers"
finish
