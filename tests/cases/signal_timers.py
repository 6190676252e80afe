# signal's interval timers and the thread's signal mask: setitimer/getitimer with SIGALRM, ItimerError,
# pthread_sigmask/sigpending/sigwait, sigtimedwait's struct_siginfo, pthread_kill to the main thread.
import os
import signal
import threading
import time

print(signal.ItimerError, signal.ItimerError.__mro__[1].__name__)
print(signal.ITIMER_REAL, signal.ITIMER_VIRTUAL, signal.ITIMER_PROF, signal.SIGCLD == signal.SIGCHLD)
print(signal.getitimer(signal.ITIMER_REAL))

fired = []
signal.signal(signal.SIGALRM, lambda signum, frame: fired.append(signum))
print(signal.setitimer(signal.ITIMER_REAL, 30))
delay, interval = signal.getitimer(signal.ITIMER_REAL)
print(0 < delay <= 30, interval)
old_delay, old_interval = signal.setitimer(signal.ITIMER_REAL, 0.05)
print(0 < old_delay <= 30, old_interval)
deadline = time.monotonic() + 5
while not fired and time.monotonic() < deadline:
    time.sleep(0.01)
print("fired", fired == [signal.SIGALRM])

# A repeating timer, then disarmed: the old value comes back.
signal.setitimer(signal.ITIMER_REAL, 0.02, 0.02)
deadline = time.monotonic() + 5
while len(fired) < 4 and time.monotonic() < deadline:
    time.sleep(0.005)
old_delay, old_interval = signal.setitimer(signal.ITIMER_REAL, 0)
print("repeating", len(fired) >= 4, old_interval)
print(signal.getitimer(signal.ITIMER_REAL))

for which, seconds in ((99, 1), (signal.ITIMER_REAL, -1)):
    try:
        signal.setitimer(which, seconds)
    except signal.ItimerError as e:
        print(type(e).__name__, e.errno, e)
for bad in ("1", None):
    try:
        signal.setitimer(signal.ITIMER_REAL, bad)
    except TypeError as e:
        print("TypeError", e)

# Blocking SIGUSR1: it stays pending until sigwait takes it; no handler runs.
handled = []
signal.signal(signal.SIGUSR1, lambda s, f: handled.append(s))
print(signal.pthread_sigmask(signal.SIG_BLOCK, [signal.SIGUSR1]))
os.kill(os.getpid(), signal.SIGUSR1)
print(signal.sigpending(), handled)
print(signal.sigwait([signal.SIGUSR1]) == signal.SIGUSR1, signal.sigpending(), handled)

# sigtimedwait: a struct_siginfo for a signal that came, None after the timeout.
os.kill(os.getpid(), signal.SIGUSR1)
info = signal.sigtimedwait([signal.SIGUSR1], 1.0)
print(type(info).__name__, info.si_signo == signal.SIGUSR1, info.si_pid == os.getpid(), len(info))
print(signal.sigtimedwait([signal.SIGUSR1], 0.01))
try:
    signal.sigtimedwait([signal.SIGUSR1], -1)
except ValueError as e:
    print("ValueError", e)

# Unblocking runs a handler for a signal that arrived meanwhile.
os.kill(os.getpid(), signal.SIGUSR1)
print(handled)
print(sorted(signal.pthread_sigmask(signal.SIG_UNBLOCK, [signal.SIGUSR1])))
print(handled)
for bad in ([0], [signal.NSIG], ["x"]):
    try:
        signal.pthread_sigmask(signal.SIG_BLOCK, bad)
    except (ValueError, TypeError) as e:
        print(type(e).__name__, e)

signal.pthread_kill(threading.get_ident(), signal.SIGUSR1)
print(handled)
signal.pthread_kill(threading.get_ident(), 0)
print("pthread_kill 0 ok")
