# os.fork, os.register_at_fork and os.waitpid (posix_process.cpp): the hooks run in CPython's order (before:
# newest first; after: oldest first), the child reseeds random (Lib's random.py registers that hook), and the
# parent decodes the child's exit status. The child reports through a pipe, so the output order is fixed.
import os
import random

for kw in [{}, {'before': 1}, {'after_in_child': 'x'}]:
    try:
        os.register_at_fork(**kw)
    except TypeError as e:
        print('TypeError', e)
try:
    os.register_at_fork(print)
except TypeError as e:
    print('TypeError', e)
log = []
os.register_at_fork(before=lambda: log.append('before 1'), after_in_parent=lambda: log.append('parent 1'))
os.register_at_fork(before=lambda: log.append('before 2'), after_in_child=lambda: log.append('child 2'))
random.seed(5)
r, w = os.pipe()
pid = os.fork()
if pid == 0:
    os.close(r)
    os.write(w, repr((log, random.random())).encode())
    os._exit(7)
os.close(w)
child_log, child_value = eval(os.read(r, 1000).decode())
os.close(r)
got, status = os.waitpid(pid, 0)
print('parent saw', log)
print('child saw', child_log)
print(got == pid, os.WIFEXITED(status), os.WEXITSTATUS(status), os.waitstatus_to_exitcode(status))
print('child reseeded', child_value != random.random())
pid = os.fork()
if pid == 0:
    os.kill(os.getpid(), 9)
_, status = os.waitpid(pid, 0)
print(os.WIFSIGNALED(status), os.WTERMSIG(status), os.waitstatus_to_exitcode(status))
try:
    os.waitpid(pid, 0)
except ChildProcessError as e:
    print('ChildProcessError', e.errno)
