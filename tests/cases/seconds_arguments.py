# Seconds given to signal.setitimer/sigtimedwait, select.select, poll.poll and epoll.poll: CPython reads them all
# with _PyTime_FromSecondsObject (a float, or an integer by __index__), each with its own TypeError wording.
import select
import signal


class Index:
    def __index__(self):
        return 0


class BadIndex:
    def __index__(self):
        raise RuntimeError("no index")


class F(float):
    pass


def show(label, call):
    try:
        print(label, call())
    except Exception as e:
        print(label, type(e).__name__, e)


values = [0, 0.0, F(0.0), False, Index(), BadIndex(), "1", None, float("nan"), float("inf"), -1, -0.5,
          10**30, 1e30, 2**63, [1]]
poller = select.poll()
epoller = select.epoll()
for v in values:
    tag = type(v).__name__
    show("setitimer " + tag, lambda: signal.setitimer(signal.ITIMER_REAL, v))
    signal.setitimer(signal.ITIMER_REAL, 0)
    show("sigtimedwait " + tag, lambda: signal.sigtimedwait([signal.SIGUSR1], v))
    if v is None:
        continue  # select, poll and epoll wait forever then
    show("select " + tag, lambda: select.select([], [], [], v))
    if isinstance(v, (int, float)) and v < 0:
        continue  # poll and epoll wait forever then
    show("poll " + tag, lambda: poller.poll(v))
    show("epoll " + tag, lambda: epoller.poll(v))
epoller.close()
