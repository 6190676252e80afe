# The native termios module on a fresh pseudo-terminal: tcgetattr's list (cc bytes, VMIN/VTIME ints outside
# canonical mode), tcsetattr round trips (tty.setraw/setcbreak), window sizes, tcflush/tcdrain/tcflow/tcsendbreak,
# termios.error for a descriptor that is no terminal, and CPython's argument errors.
import os, termios, tty

def t(f):
    try: print(repr(f()))
    except Exception as e: print(type(e).__name__, e)

master, slave = os.openpty()
attrs = termios.tcgetattr(slave)
print(attrs)
tty.setraw(slave)
raw = termios.tcgetattr(slave)
print(raw, raw[6][termios.VMIN], raw[6][termios.VTIME])
termios.tcsetattr(slave, termios.TCSANOW, attrs)
print(termios.tcgetattr(slave) == attrs)
tty.setcbreak(slave)
print(termios.tcgetattr(slave)[3] & termios.ICANON, termios.tcgetattr(slave)[3] & termios.ECHO)
termios.tcsetwinsize(slave, (24, 80))
print(termios.tcgetwinsize(slave), termios.tcgetwinsize(master))
termios.tcsetwinsize(master, [10, 20])
print(termios.tcgetwinsize(slave))
class F:
    def fileno(self): return slave
print(termios.tcgetattr(F()) == termios.tcgetattr(slave))
termios.tcflush(slave, termios.TCIOFLUSH); termios.tcflow(slave, termios.TCOON); termios.tcdrain(slave); termios.tcsendbreak(slave, 0)
null = os.open(os.devnull, os.O_RDONLY)
t(lambda: termios.tcgetattr(null)); t(lambda: termios.tcflush(null, termios.TCIFLUSH))
e = None
try: termios.tcgetattr(null)
except termios.error as exc: e = exc
print(e.args, type(e).__mro__[1], termios.error.__module__)
t(lambda: termios.tcsetattr(slave, termios.TCSANOW, [1, 2]))
t(lambda: termios.tcsetattr(slave, termios.TCSANOW, attrs[:6] + [[b"x"] * 3]))
t(lambda: termios.tcsetattr(slave, termios.TCSANOW, attrs[:6] + [[1.5] * termios.NCCS]))
t(lambda: termios.tcsetwinsize(slave, (1, 2, 3))); t(lambda: termios.tcsetwinsize(slave, 5))
t(lambda: termios.tcgetattr("x")); t(lambda: termios.tcgetattr(-1))
print(termios.B38400, termios.NCCS, termios.TCSAFLUSH, termios.VSWTCH == termios.VSWTC, len([n for n in dir(termios) if n.isupper()]))
for fd in (master, slave, null):
    os.close(fd)
