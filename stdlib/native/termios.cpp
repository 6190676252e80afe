// The native `termios` module, as CPython 3.11's termios.c on Linux: tcgetattr/tcsetattr (the 7-item attribute
// list, cc as 1-byte bytes with VMIN/VTIME as ints outside canonical mode), tcsendbreak, tcdrain, tcflush, tcflow,
// tcgetwinsize/tcsetwinsize, termios.error (errno, strerror) and every constant CPython's Linux build has. What
// tty, getpass (no echo) and curses-free terminal programs use.
//
// Leaves out nothing of the 3.11 API.
#include <sys/ioctl.h>
#include <sys/ttydefaults.h>
#include <termios.h>
#include <unistd.h>

#include <cerrno>
#include <cstring>

#include "stdlib/native/native_support.h"
#include "stdlib/native/native_type.h"

// CPython's name for the switch character's index; glibc calls it VSWTC.
#ifndef VSWTCH
#define VSWTCH VSWTC
#endif

namespace minipy {

namespace {

Value termios_error;  // termios.error (a GC root once created)

// termios.error(errno, strerror) for the current errno.
Value raise_termios_error(ThreadState& ts) {
  int err = errno;
  Value items[2] = {make_int(ts, err), Value(make_str(ts, std::strerror(err)))};
  Value error = new_exception(ts, as_type(termios_error), items);
  return error ? raise_value(ts, error) : Value();
}

// A file descriptor argument: an int, or an object with fileno() (CPython's _PyLong_FileDescriptor_Converter).
[[nodiscard]] bool fd_arg(ThreadState& ts, Value v, int* out) {
  Value number = v;
  if (!is_int(v)) {
    Value fileno = get_attr_optional(ts, v, intern(ts, "fileno"));
    if (!fileno) {
      if (!ts.current_exception) raise(ts, TypeError_type, "argument must be an int, or have a fileno() method.");
      return false;
    }
    number = call(ts, fileno, {});
    if (!number) return false;
    if (!is_int(number)) return raise(ts, TypeError_type, "fileno() returned a non-integer"), false;
  }
  int64_t fd;
  if (!int_to_int64(number, &fd) || fd > INT32_MAX || fd < INT32_MIN)
    return raise(ts, OverflowError_type, "Python int too large to convert to C int"), false;
  if (fd < 0) return raise_fmt(ts, ValueError_type, "file descriptor cannot be a negative integer ({})", fd), false;
  *out = static_cast<int>(fd);
  return true;
}

// A C int argument (PyLong_AsLong, then truncated to the flag word as CPython's tcsetattr does).
[[nodiscard]] bool long_arg(ThreadState& ts, Value v, int64_t* out) { return index_to_int64(ts, v, out); }

// tcgetattr(fd, /): [iflag, oflag, cflag, lflag, ispeed, ospeed, cc].
NATIVE_FN(termios_tcgetattr) {
  Value v[1];
  int fd;
  if (!native::parse_args(ts, "tcgetattr", args, kwnames, {""}, 1, 1, v) || !fd_arg(ts, v[0], &fd)) return Value();
  struct termios mode;
  if (tcgetattr(fd, &mode) == -1) return raise_termios_error(ts);
  ListObject* cc = make_list(ts, 0);
  for (int i = 0; i < NCCS; i++) {
    char c = static_cast<char>(mode.c_cc[i]);
    if (!list_append(ts, cc, make_bytes(ts, std::string_view(&c, 1)))) return Value();
  }
  // Outside canonical mode VMIN and VTIME are counts, not characters.
  if (!(mode.c_lflag & ICANON)) {
    cc->items[VMIN] = make_int(ts, mode.c_cc[VMIN]);
    cc->items[VTIME] = make_int(ts, mode.c_cc[VTIME]);
  }
  Value items[7] = {make_int(ts, mode.c_iflag), make_int(ts, mode.c_oflag), make_int(ts, mode.c_cflag),
                    make_int(ts, mode.c_lflag), make_int(ts, cfgetispeed(&mode)), make_int(ts, cfgetospeed(&mode)),
                    Value(cc)};
  return Value(make_list(ts, items));
}

// tcsetattr(fd, when, attributes, /)
NATIVE_FN(termios_tcsetattr) {
  Value v[3];
  int fd;
  int64_t when;
  if (!native::parse_args(ts, "tcsetattr", args, kwnames, {"", "", ""}, 3, 3, v) || !fd_arg(ts, v[0], &fd) ||
      !long_arg(ts, v[1], &when))
    return Value();
  if (!is_list(v[2]) || static_cast<ListObject*>(v[2].as_object())->size != 7)
    return raise(ts, TypeError_type, "tcsetattr, arg 3: must be 7 element list");
  struct termios mode;
  if (tcgetattr(fd, &mode) == -1) return raise_termios_error(ts);
  auto* attributes = static_cast<ListObject*>(v[2].as_object());
  int64_t words[6];
  for (int i = 0; i < 6; i++)
    if (!long_arg(ts, attributes->items[i], &words[i])) return Value();
  Value cc = attributes->items[6];
  if (!is_list(cc) || static_cast<ListObject*>(cc.as_object())->size != NCCS)
    return raise_fmt(ts, TypeError_type, "tcsetattr: attributes[6] must be {} element list", NCCS);
  mode.c_iflag = static_cast<tcflag_t>(words[0]);
  mode.c_oflag = static_cast<tcflag_t>(words[1]);
  mode.c_cflag = static_cast<tcflag_t>(words[2]);
  mode.c_lflag = static_cast<tcflag_t>(words[3]);
  for (int i = 0; i < NCCS; i++) {
    Value item = static_cast<ListObject*>(cc.as_object())->items[i];
    if (item.is_object() && type_of(item) == &bytes_type && static_cast<BytesObject*>(item.as_object())->size == 1) {
      mode.c_cc[i] = static_cast<cc_t>(static_cast<BytesObject*>(item.as_object())->data[0]);
    } else if (is_int(item)) {
      int64_t n;
      if (!long_arg(ts, item, &n)) return Value();
      mode.c_cc[i] = static_cast<cc_t>(n);
    } else {
      return raise(ts, TypeError_type, "tcsetattr: elements of attributes must be characters or integers");
    }
  }
  if (cfsetispeed(&mode, static_cast<speed_t>(words[4])) == -1 ||
      cfsetospeed(&mode, static_cast<speed_t>(words[5])) == -1 || tcsetattr(fd, static_cast<int>(when), &mode) == -1)
    return raise_termios_error(ts);
  return None();
}

// tcsendbreak(fd, duration, /), tcflush(fd, queue, /), tcflow(fd, action, /): one int after the descriptor.
template <int (*Call)(int, int)>
Value fd_and_int(ThreadState& ts, const char* name, std::span<const Value> args, TupleObject* kwnames) {
  Value v[2];
  int fd;
  int64_t n;
  if (!native::parse_args(ts, name, args, kwnames, {"", ""}, 2, 2, v) || !fd_arg(ts, v[0], &fd) ||
      !long_arg(ts, v[1], &n))
    return Value();
  if (Call(fd, static_cast<int>(n)) == -1) return raise_termios_error(ts);
  return None();
}
NATIVE_FN(termios_tcsendbreak) { return fd_and_int<tcsendbreak>(ts, "tcsendbreak", args, kwnames); }
NATIVE_FN(termios_tcflush) { return fd_and_int<tcflush>(ts, "tcflush", args, kwnames); }
NATIVE_FN(termios_tcflow) { return fd_and_int<tcflow>(ts, "tcflow", args, kwnames); }

NATIVE_FN(termios_tcdrain) {
  Value v[1];
  int fd;
  if (!native::parse_args(ts, "tcdrain", args, kwnames, {""}, 1, 1, v) || !fd_arg(ts, v[0], &fd)) return Value();
  if (tcdrain(fd) == -1) return raise_termios_error(ts);
  return None();
}

// tcgetwinsize(fd, /): (rows, columns); tcsetwinsize(fd, winsize, /) from a two-item sequence.
NATIVE_FN(termios_tcgetwinsize) {
  Value v[1];
  int fd;
  if (!native::parse_args(ts, "tcgetwinsize", args, kwnames, {""}, 1, 1, v) || !fd_arg(ts, v[0], &fd)) return Value();
  struct winsize size;
  if (ioctl(fd, TIOCGWINSZ, &size) == -1) return raise_termios_error(ts);
  Value items[2] = {make_int(ts, size.ws_row), make_int(ts, size.ws_col)};
  return Value(make_tuple(ts, items));
}
NATIVE_FN(termios_tcsetwinsize) {
  Value v[2];
  int fd;
  if (!native::parse_args(ts, "tcsetwinsize", args, kwnames, {"", ""}, 2, 2, v) || !fd_arg(ts, v[0], &fd))
    return Value();
  Type* t = type_of(v[1]);
  if (is_dict(v[1]) || !t->getitem || !t->length)
    return raise(ts, TypeError_type, "tcsetwinsize, arg 2: must be a two-item sequence");
  int64_t n = py_len(ts, v[1]);
  if (n < 0) return Value();
  if (n != 2) return raise(ts, TypeError_type, "tcsetwinsize, arg 2: must be a two-item sequence");
  struct winsize size;
  if (ioctl(fd, TIOCGWINSZ, &size) == -1) return raise_termios_error(ts);
  int64_t rows, columns;
  Value row_value = get_item(ts, v[1], make_int(ts, 0));
  if (!row_value || !long_arg(ts, row_value, &rows)) return Value();
  Value column_value = get_item(ts, v[1], make_int(ts, 1));
  if (!column_value || !long_arg(ts, column_value, &columns)) return Value();
  if (rows < 0 || rows > UINT16_MAX || columns < 0 || columns > UINT16_MAX)
    return raise(ts, OverflowError_type, "winsize value(s) out of range.");
  size.ws_row = static_cast<unsigned short>(rows);
  size.ws_col = static_cast<unsigned short>(columns);
  if (ioctl(fd, TIOCSWINSZ, &size) == -1) return raise_termios_error(ts);
  return None();
}

const MethodDef kFunctions[] = {{"tcgetattr", termios_tcgetattr},     {"tcsetattr", termios_tcsetattr},
                                {"tcsendbreak", termios_tcsendbreak}, {"tcdrain", termios_tcdrain},
                                {"tcflush", termios_tcflush},         {"tcflow", termios_tcflow},
                                {"tcgetwinsize", termios_tcgetwinsize}, {"tcsetwinsize", termios_tcsetwinsize}};

// Every constant of CPython's Linux termios module, from the system's headers.
#define C(name) {#name, static_cast<int64_t>(name)},
const std::pair<const char*, int64_t> kConstants[] = {
    C(B0) C(B1000000) C(B110) C(B115200) C(B1152000) C(B1200) C(B134) C(B150)
    C(B1500000) C(B1800) C(B19200) C(B200) C(B2000000) C(B230400) C(B2400) C(B2500000)
    C(B300) C(B3000000) C(B3500000) C(B38400) C(B4000000) C(B460800) C(B4800) C(B50)
    C(B500000) C(B57600) C(B576000) C(B600) C(B75) C(B921600) C(B9600) C(BRKINT)
    C(BS0) C(BS1) C(BSDLY) C(CBAUD) C(CBAUDEX) C(CDSUSP) C(CEOF) C(CEOL)
    C(CEOT) C(CERASE) C(CFLUSH) C(CIBAUD) C(CINTR) C(CKILL) C(CLNEXT) C(CLOCAL)
    C(CQUIT) C(CR0) C(CR1) C(CR2) C(CR3) C(CRDLY) C(CREAD) C(CRPRNT)
    C(CRTSCTS) C(CS5) C(CS6) C(CS7) C(CS8) C(CSIZE) C(CSTART) C(CSTOP)
    C(CSTOPB) C(CSUSP) C(CWERASE) C(ECHO) C(ECHOCTL) C(ECHOE) C(ECHOK) C(ECHOKE)
    C(ECHONL) C(ECHOPRT) C(EXTA) C(EXTB) C(FF0) C(FF1) C(FFDLY) C(FIOASYNC)
    C(FIOCLEX) C(FIONBIO) C(FIONCLEX) C(FIONREAD) C(FLUSHO) C(HUPCL) C(ICANON) C(ICRNL)
    C(IEXTEN) C(IGNBRK) C(IGNCR) C(IGNPAR) C(IMAXBEL) C(INLCR) C(INPCK) C(IOCSIZE_MASK)
    C(IOCSIZE_SHIFT) C(ISIG) C(ISTRIP) C(IUCLC) C(IXANY) C(IXOFF) C(IXON) C(NCC)
    C(NCCS) C(NL0) C(NL1) C(NLDLY) C(NOFLSH) C(N_MOUSE) C(N_PPP) C(N_SLIP)
    C(N_STRIP) C(N_TTY) C(OCRNL) C(OFDEL) C(OFILL) C(OLCUC) C(ONLCR) C(ONLRET)
    C(ONOCR) C(OPOST) C(PARENB) C(PARMRK) C(PARODD) C(PENDIN) C(TAB0) C(TAB1)
    C(TAB2) C(TAB3) C(TABDLY) C(TCFLSH) C(TCGETA) C(TCGETS) C(TCIFLUSH) C(TCIOFF)
    C(TCIOFLUSH) C(TCION) C(TCOFLUSH) C(TCOOFF) C(TCOON) C(TCSADRAIN) C(TCSAFLUSH) C(TCSANOW)
    C(TCSBRK) C(TCSBRKP) C(TCSETA) C(TCSETAF) C(TCSETAW) C(TCSETS) C(TCSETSF) C(TCSETSW)
    C(TCXONC) C(TIOCCONS) C(TIOCEXCL) C(TIOCGETD) C(TIOCGICOUNT) C(TIOCGLCKTRMIOS) C(TIOCGPGRP) C(TIOCGSERIAL)
    C(TIOCGSOFTCAR) C(TIOCGWINSZ) C(TIOCINQ) C(TIOCLINUX) C(TIOCMBIC) C(TIOCMBIS) C(TIOCMGET) C(TIOCMIWAIT)
    C(TIOCMSET) C(TIOCM_CAR) C(TIOCM_CD) C(TIOCM_CTS) C(TIOCM_DSR) C(TIOCM_DTR) C(TIOCM_LE) C(TIOCM_RI)
    C(TIOCM_RNG) C(TIOCM_RTS) C(TIOCM_SR) C(TIOCM_ST) C(TIOCNOTTY) C(TIOCNXCL) C(TIOCOUTQ) C(TIOCPKT)
    C(TIOCPKT_DATA) C(TIOCPKT_DOSTOP) C(TIOCPKT_FLUSHREAD) C(TIOCPKT_FLUSHWRITE) C(TIOCPKT_NOSTOP) C(TIOCPKT_START) C(TIOCPKT_STOP) C(TIOCSCTTY)
    C(TIOCSERCONFIG) C(TIOCSERGETLSR) C(TIOCSERGETMULTI) C(TIOCSERGSTRUCT) C(TIOCSERGWILD) C(TIOCSERSETMULTI) C(TIOCSERSWILD) C(TIOCSER_TEMT)
    C(TIOCSETD) C(TIOCSLCKTRMIOS) C(TIOCSPGRP) C(TIOCSSERIAL) C(TIOCSSOFTCAR) C(TIOCSTI) C(TIOCSWINSZ) C(TOSTOP)
    C(VDISCARD) C(VEOF) C(VEOL) C(VEOL2) C(VERASE) C(VINTR) C(VKILL) C(VLNEXT)
    C(VMIN) C(VQUIT) C(VREPRINT) C(VSTART) C(VSTOP) C(VSUSP) C(VSWTC) C(VSWTCH)
    C(VT0) C(VT1) C(VTDLY) C(VTIME) C(VWERASE) C(XCASE) C(XTABS)};
#undef C

}  // namespace

ModuleObject* create_termios_module(ThreadState& ts) {
  if (!termios_error) {
    termios_error = native::new_exception_class(ts, "termios", "error", &Exception_type);
    register_root(ts, &termios_error);
  }
  ModuleObject* m = make_module(ts, "termios");
  add_module_functions(ts, m, kFunctions);
  add_module_value(ts, m, "error", termios_error);
  for (const auto& [name, value] : kConstants) add_module_value(ts, m, name, make_int(ts, value));
  return m;
}

}  // namespace minipy
