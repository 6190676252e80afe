# subprocess on the native _posixsubprocess.fork_exec, posix's waitpid/pipe/dup and select's poll:
# run/check_output/Popen.communicate, return codes, stdin input, timeouts, and the errors CPython reports.
import os
import subprocess
import sys

r = subprocess.run(['/bin/echo', 'hello', 'world'], capture_output=True, text=True)
print(r)
print(subprocess.check_output(['/bin/sh', '-c', 'echo out; echo err >&2'], stderr=subprocess.STDOUT))
print(subprocess.run(['/bin/sh', '-c', 'exit 3']).returncode)
try:
    subprocess.run(['/bin/sh', '-c', 'exit 3'], check=True)
except subprocess.CalledProcessError as e:
    print(repr(e), '|', e, '|', e.returncode, e.cmd)
try:
    subprocess.check_output(['/bin/sh', '-c', 'echo partial; exit 2'])
except subprocess.CalledProcessError as e:
    print(e.output, e.returncode)

# The error pipe: a missing program, a directory, a bad cwd, a failing preexec_fn.
for args, kwargs in [(['no_such_program_xyz'], {}), (['/no/such/dir/prog'], {}), (['/tmp'], {}),
                     (['/bin/ls'], {'cwd': '/no/such/dir'})]:
    try:
        subprocess.run(args, **kwargs)
    except OSError as e:
        print(type(e).__name__, e.errno, e.strerror, e.filename)
try:
    subprocess.run(['/bin/true'], preexec_fn=lambda: 1 / 0)
except subprocess.SubprocessError as e:
    print(type(e).__name__, e)
print(subprocess.run(['/bin/true'], preexec_fn=lambda: None).returncode)

# Pipes both ways, text mode and universal newlines.
p = subprocess.Popen(['cat'], stdin=subprocess.PIPE, stdout=subprocess.PIPE)
print(p.communicate(b'abc\n' * 3), p.returncode)
print(repr(subprocess.run(['cat'], input='x\r\ny\n', capture_output=True, text=True).stdout))
big = b'z' * 200000
print(len(subprocess.run(['cat'], input=big, stdout=subprocess.PIPE).stdout))
out = subprocess.run(['/bin/sh', '-c', 'echo to-err >&2; echo to-out'], capture_output=True)
print(out.stdout, out.stderr)
print(subprocess.run('echo $((6*7)) $FOO', shell=True, stdout=subprocess.PIPE, env={'FOO': 'bar'}).stdout)
print(subprocess.run(['pwd'], cwd='/tmp', stdout=subprocess.PIPE, text=True).stdout.strip())
print(subprocess.getstatusoutput('echo hi; exit 7'))
print(subprocess.getoutput('printf abc'))
print(subprocess.call(['/bin/sh', '-c', 'exit 5']))
print(subprocess.run(['/bin/sh', '-c', 'echo $0'], stdout=subprocess.PIPE).stdout)
devnull = subprocess.run(['cat'], stdin=subprocess.DEVNULL, stdout=subprocess.PIPE)
print(devnull.stdout)
print(subprocess.run(['/bin/sh', '-c', 'echo quiet'], stdout=subprocess.DEVNULL).stdout)

# A child killed by a signal, and a timeout.
p = subprocess.Popen(['sleep', '10'])
p.kill()
print(p.wait())
try:
    subprocess.run(['sleep', '5'], timeout=0.2)
except subprocess.TimeoutExpired as e:
    print(type(e).__name__, e.cmd, e.timeout > 0)
p = subprocess.Popen(['sleep', '5'], stdout=subprocess.PIPE)
try:
    p.communicate(timeout=0.1)
except subprocess.TimeoutExpired as e:
    print('communicate timed out')
p.terminate()
print(p.wait(), p.poll())

# File descriptors passed on, and the child's view of them.
r, w = os.pipe()
print(os.get_inheritable(r), os.get_inheritable(w))
subprocess.run(['/bin/sh', '-c', 'echo via-fd >&%d' % w], pass_fds=(w,))
os.close(w)
print(os.read(r, 100))
os.close(r)
with subprocess.Popen(['/bin/echo', 'ctx'], stdout=subprocess.PIPE) as p:
    print(p.stdout.read(), p.args)
print(p.returncode)
done = subprocess.run([sys.executable, '-c', 'import sys; print(6 * 7); sys.exit(4)'], capture_output=True)
print(done.returncode, done.stdout, done.stderr)
