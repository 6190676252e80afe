# asyncio on minipy's native select (epoll), _socket, _posixsubprocess and signal.set_wakeup_fd: tasks, gather,
# queues, timeouts, cancellation, TCP and Unix streams, socketpair streams, subprocesses, signal handlers.
# Threads are out (minipy has one), so subprocesses use the pidfd child watcher, which needs none.
import asyncio
import os
import signal
import socket
import tempfile


async def double(n):
    await asyncio.sleep(0.01 * n)
    return n * 2


async def delayed(n):
    # Wide gaps: the completion order must not depend on the machine's load.
    await asyncio.sleep(0.1 * n)
    return n * 2


async def failing():
    await asyncio.sleep(0)
    raise ValueError('bad')


async def basics():
    print(await asyncio.gather(*(double(i) for i in range(4))))
    task = asyncio.create_task(double(5), name='five')
    print(task.get_name(), await task, task.done())
    print(await asyncio.gather(double(1), failing(), return_exceptions=True))
    try:
        await asyncio.wait_for(asyncio.sleep(10), 0.05)
    except asyncio.TimeoutError as e:
        print('wait_for timed out', type(e).__name__)
    slow = asyncio.create_task(asyncio.sleep(10))
    await asyncio.sleep(0)
    slow.cancel()
    try:
        await slow
    except asyncio.CancelledError:
        print('cancelled', slow.cancelled())
    done, pending = await asyncio.wait([asyncio.create_task(double(1)), asyncio.create_task(asyncio.sleep(5))],
                                       return_when=asyncio.FIRST_COMPLETED)
    print(len(done), len(pending), [t.result() for t in done])
    for t in pending:
        t.cancel()
    results = []
    for coro in asyncio.as_completed([delayed(3), delayed(1), delayed(2)]):
        results.append(await coro)
    print(results)
    q = asyncio.Queue(maxsize=2)

    async def producer():
        for i in range(5):
            await q.put(i)
        await q.put(None)

    async def consumer():
        got = []
        while (item := await q.get()) is not None:
            got.append(item)
        return got

    print((await asyncio.gather(producer(), consumer()))[1])
    lock = asyncio.Lock()
    event = asyncio.Event()
    order = []

    async def worker(name):
        await event.wait()
        async with lock:
            order.append(name)
            await asyncio.sleep(0)

    workers = [asyncio.create_task(worker(n)) for n in 'abc']
    event.set()
    await asyncio.gather(*workers)
    print(order)
    try:
        async with asyncio.timeout(0.05):
            await asyncio.sleep(10)
    except TimeoutError:
        print('timeout context fired')
    try:
        async with asyncio.TaskGroup() as tg:
            tg.create_task(double(1))
            tg.create_task(failing())
    except ExceptionGroup as eg:
        print('task group', type(eg).__name__, [str(e) for e in eg.exceptions])
    loop = asyncio.get_running_loop()
    fut = loop.create_future()
    loop.call_later(0.01, fut.set_result, 'later')
    loop.call_soon(print, 'call_soon ran')
    print(await fut)


async def handle(reader, writer):
    data = await reader.readline()
    writer.write(data.upper())
    await writer.drain()
    writer.close()
    await writer.wait_closed()


async def streams():
    server = await asyncio.start_server(handle, '127.0.0.1', 0)
    port = server.sockets[0].getsockname()[1]
    reader, writer = await asyncio.open_connection('127.0.0.1', port)
    writer.write(b'hello tcp\n')
    await writer.drain()
    print(await reader.read())
    print(writer.get_extra_info('peername')[1] == port)
    writer.close()
    await writer.wait_closed()
    server.close()
    await server.wait_closed()
    path = os.path.join(tempfile.mkdtemp(), 'sock')
    userver = await asyncio.start_unix_server(handle, path)
    r, w = await asyncio.open_unix_connection(path)
    w.write(b'hello unix\n')
    print(await r.readline(), await r.readline())
    w.close()
    await w.wait_closed()
    userver.close()
    await userver.wait_closed()
    os.unlink(path)
    os.rmdir(os.path.dirname(path))
    a, b = socket.socketpair()
    r, w = await asyncio.open_connection(sock=a)
    b.sendall(b'pair line\nrest')
    print(await r.readline(), await r.readexactly(2))
    w.write(b'back')
    await w.drain()
    print(b.recv(10))
    w.close()
    b.close()
    try:
        await asyncio.open_connection('127.0.0.1', port)
    except ConnectionRefusedError as e:
        print('refused', e.errno)
    loop = asyncio.get_running_loop()
    x, y = socket.socketpair()
    x.setblocking(False), y.setblocking(False)
    await loop.sock_sendall(x, b'sock api')
    print(await loop.sock_recv(y, 100))
    x.close(), y.close()


async def processes():
    proc = await asyncio.create_subprocess_exec('/bin/echo', 'from a child', stdout=asyncio.subprocess.PIPE)
    out, err = await proc.communicate()
    print(out, err, proc.returncode)
    proc = await asyncio.create_subprocess_shell('cat; exit 4', stdin=asyncio.subprocess.PIPE,
                                                 stdout=asyncio.subprocess.PIPE)
    print(await proc.communicate(b'piped in'), proc.returncode)
    proc = await asyncio.create_subprocess_exec('sleep', '10')
    try:
        await asyncio.wait_for(proc.wait(), 0.1)
    except asyncio.TimeoutError:
        proc.kill()
        print('killed', await proc.wait())


async def signals():
    loop = asyncio.get_running_loop()
    got = loop.create_future()
    loop.add_signal_handler(signal.SIGUSR1, got.set_result, 'SIGUSR1 handled')
    os.kill(os.getpid(), signal.SIGUSR1)
    print(await asyncio.wait_for(got, 5))
    print(loop.remove_signal_handler(signal.SIGUSR1), loop.remove_signal_handler(signal.SIGUSR1))


asyncio.run(basics())
asyncio.run(streams())
asyncio.set_child_watcher(asyncio.PidfdChildWatcher())
asyncio.run(processes())
asyncio.run(signals())
print(asyncio.run(double(21)))
try:
    asyncio.run(failing())
except ValueError as e:
    print('run raised', e)
