# threading imports on minipy's single-thread _thread (current/main thread, locks, local, Event, Condition
# without waiting), so logging works: levels, formats, named loggers, handlers writing to a StringIO.
import io
import logging
import threading
print(threading.current_thread().name, threading.main_thread() is threading.current_thread())
print(threading.active_count(), [t.name for t in threading.enumerate()])
lock = threading.Lock()
with lock:
    print("locked", lock.locked())
print("unlocked", lock.locked(), lock.acquire(timeout=0.01), lock.acquire(blocking=False))
rlock = threading.RLock()
with rlock:
    with rlock:
        print("reentrant")
local = threading.local()
local.x = 5
print(local.x)
ev = threading.Event()
print(ev.is_set(), ev.wait(0.01))
ev.set()
print(ev.is_set(), ev.wait())

stream = io.StringIO()
handler = logging.StreamHandler(stream)
handler.setFormatter(logging.Formatter("%(levelname)s|%(name)s|%(message)s"))
log = logging.getLogger("app.db")
log.addHandler(handler)
log.setLevel(logging.INFO)
log.debug("hidden %s", 1)
log.info("connected to %s:%d", "localhost", 5432)
log.warning("slow query: %.2fs", 1.5)
try:
    1 / 0
except ZeroDivisionError:
    log.exception("failed")
print(stream.getvalue().splitlines()[:4])
print(logging.getLogger("app") is log.parent, log.getEffectiveLevel(), logging.getLevelName(30))
child = logging.getLogger("app.db.pool")
child.propagate = True
child.error("pool exhausted")
print(stream.getvalue().splitlines()[-1])
logging.basicConfig(level=logging.WARNING, format="%(levelname)s:%(message)s", stream=__import__("sys").stdout)
logging.warning("to stdout %d", 3)
logging.info("not shown")
