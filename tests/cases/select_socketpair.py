# The native select module: select(), poll and epoll objects over socketpairs and pipes, selectors'
# DefaultSelector (epoll on Linux), and CPython's argument errors.
import os
import select
import selectors
import socket


def attempt(label, f, *args):
    try:
        print(label, f(*args))
    except Exception as e:
        print(label, type(e).__name__, e)


a, b = socket.socketpair()
print(select.select([a], [], [], 0))
r, w, x = select.select([a], [b], [], 0)
print(r, w == [b], x)
b.send(b'ping')
r, w, x = select.select([a, b], [], [], 1.5)
print(r == [a], w, x)
print(a.recv(10))
rfd, wfd = os.pipe()
print(select.select([rfd], [wfd], [], None)[1] == [wfd])


class HasFileno:
    def fileno(self):
        return rfd


os.write(wfd, b'!')
print(select.select([HasFileno()], [], [], 0)[0][0].__class__.__name__)
os.read(rfd, 1)
attempt('timeout str', select.select, [], [], [], 'a')
attempt('timeout negative', select.select, [], [], [], -1)
attempt('negative fd', select.select, [-1], [], [], 0)
attempt('no fileno', select.select, ['x'], [], [], 0)
attempt('not a sequence', select.select, 1, [], [], 0)
attempt('two args', select.select, [1], [])

# poll
p = select.poll()
p.register(a, select.POLLIN)
p.register(b.fileno())
print(sorted(p.poll(0)) == [(b.fileno(), select.POLLOUT)])
b.send(b'x')
events = dict(p.poll(100))
print(events[a.fileno()] & select.POLLIN != 0)
p.modify(a, select.POLLIN | select.POLLPRI)
p.unregister(b)
print(p.poll(0) == [(a.fileno(), select.POLLIN)])
a.recv(1)
print(p.poll(10))
attempt('register str', p.register, 'x')
attempt('modify unknown', p.modify, 999, 1)
attempt('unregister unknown', p.unregister, 999)
attempt('poll timeout', p.poll, 'x')

# epoll
e = select.epoll()
print(type(e).__name__, e.closed, e.fileno() > 2)
e.register(a.fileno(), select.EPOLLIN)
e.register(b, select.EPOLLOUT)
print(sorted(e.poll(0)) == [(b.fileno(), select.EPOLLOUT)])
b.send(b'yz')
print(dict(e.poll(1))[a.fileno()] == select.EPOLLIN)
e.modify(b, select.EPOLLIN)
e.unregister(a)
print(e.poll(0.01))
attempt('register twice', e.register, b)
attempt('register negative', e.register, -1)
attempt('maxevents', e.poll, 1, 0)
attempt('poll timeout', e.poll, 'x')
with select.epoll() as e2:
    print(e2.closed)
print(e2.closed)
e.close()
print(e.closed)
attempt('closed poll', e.poll)
attempt('closed fileno', e.fileno)
print(select.error is OSError, select.EPOLLIN, select.POLLIN, select.POLLOUT, select.PIPE_BUF)

# selectors
sel = selectors.DefaultSelector()
print(type(sel).__name__)
sel.register(a, selectors.EVENT_READ, data='A')
print([(key.data, mask) for key, mask in sel.select(0)])
b.send(b'hello')
for key, mask in sel.select(1):
    print(key.data, mask, key.fileobj is a, key.fileobj.recv(10))
sel.unregister(a)
sel.close()
for cls in (selectors.SelectSelector, selectors.PollSelector, selectors.EpollSelector):
    s = cls()
    s.register(rfd, selectors.EVENT_READ)
    s.register(wfd, selectors.EVENT_WRITE)
    os.write(wfd, b'.')
    print(cls.__name__, sorted((k.fd == rfd, ev) for k, ev in s.select(0.5)))
    os.read(rfd, 1)
    s.close()
a.close(), b.close(), os.close(rfd), os.close(wfd)
