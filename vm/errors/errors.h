// The builtin exception hierarchy (one X-macro: name, base) and the ways VM code raises exceptions.
// Raising never throws: it sets ThreadState::current_exception and returns a null Value, so a failing path
// reads `return raise(ts, TypeError_type, "...")`.
#pragma once
#include <fmt/format.h>

#include <string_view>

#include "vm/objects/objects.h"
#include "vm/interp/thread_state.h"

namespace minipy {

#define MINIPY_EXCEPTION_TYPES(X)                                                              \
  X(BaseException, object)                                                                     \
  X(SystemExit, BaseException) X(KeyboardInterrupt, BaseException) X(GeneratorExit, BaseException) \
  X(Exception, BaseException)                                                                  \
  X(StopIteration, Exception) X(StopAsyncIteration, Exception) X(ArithmeticError, Exception) X(FloatingPointError, ArithmeticError) \
  X(OverflowError, ArithmeticError) X(ZeroDivisionError, ArithmeticError)                      \
  X(AssertionError, Exception) X(AttributeError, Exception) X(BufferError, Exception)           \
  X(EOFError, Exception) X(ImportError, Exception) X(ModuleNotFoundError, ImportError)         \
  X(LookupError, Exception) X(IndexError, LookupError) X(KeyError, LookupError)                \
  X(MemoryError, Exception) X(NameError, Exception) X(UnboundLocalError, NameError)            \
  X(OSError, Exception) X(FileNotFoundError, OSError) X(FileExistsError, OSError)              \
  X(PermissionError, OSError) X(IsADirectoryError, OSError) X(NotADirectoryError, OSError)     \
  X(ReferenceError, Exception) X(RuntimeError, Exception) X(NotImplementedError, RuntimeError) \
  X(RecursionError, RuntimeError) X(SyntaxError, Exception) X(IndentationError, SyntaxError)  \
  X(TabError, IndentationError) X(SystemError, Exception) X(TypeError, Exception)              \
  X(ValueError, Exception) X(UnicodeError, ValueError) X(UnicodeDecodeError, UnicodeError)     \
  X(UnicodeEncodeError, UnicodeError) X(UnicodeTranslateError, UnicodeError) X(Warning, Exception) X(DeprecationWarning, Warning)     \
  X(RuntimeWarning, Warning) X(UserWarning, Warning) X(SyntaxWarning, Warning)                \
  X(PendingDeprecationWarning, Warning) X(FutureWarning, Warning) X(ImportWarning, Warning)    \
  X(UnicodeWarning, Warning) X(BytesWarning, Warning) X(ResourceWarning, Warning)              \
  X(EncodingWarning, Warning)                                                                  \
  X(BlockingIOError, OSError) X(ChildProcessError, OSError) X(ConnectionError, OSError)        \
  X(BrokenPipeError, ConnectionError) X(ConnectionAbortedError, ConnectionError)               \
  X(ConnectionRefusedError, ConnectionError) X(ConnectionResetError, ConnectionError)          \
  X(InterruptedError, OSError) X(ProcessLookupError, OSError) X(TimeoutError, OSError)         \
  X(BaseExceptionGroup, BaseException) X(ExceptionGroup, BaseExceptionGroup) /* and Exception: see exception_group.cpp */

#define X(name, base) extern Type name##_type;
MINIPY_EXCEPTION_TYPES(X)
#undef X

// Raises OSError (the subclass errno `err` maps to, as CPython's OSError constructor) with CPython's strerror
// text and, when given, the filenames: "[Errno 2] No such file or directory: 'x'" (vm/objects/os_error.cpp).
Value raise_os_error(ThreadState& ts, int err, Value filename = Value(), Value filename2 = Value());

// Creates an exception of `type` with the single argument `message` and makes it the pending exception.
Value raise(ThreadState& ts, Type& type, std::string_view message);
template <class... Args>
Value raise_fmt(ThreadState& ts, Type& type, fmt::format_string<Args...> format, Args&&... args) {
  return raise(ts, type, fmt::format(format, std::forward<Args>(args)...));
}
// Makes `exception` (an exception instance) pending, attaching the exception being handled as __context__.
Value raise_value(ThreadState& ts, Value exception);
// Raises an exception given as a class or an instance (the `raise X` statement); TypeError otherwise.
Value raise_object(ThreadState& ts, Value exc_or_class, Value cause_or_null);

bool is_exception_type(Type* type);
bool exception_matches(Value exception, Type* type);
// `KeyError(key)`: the key is the single argument (so str() shows its repr).
Value raise_key_error(ThreadState& ts, Value key);
// StopIteration carrying a value (generator returns)
Value raise_stop_iteration(ThreadState& ts, Value value);
// Constructs (without raising) an instance of exception type `type` with `args`.
Value new_exception(ThreadState& ts, Type* type, std::span<const Value> args);

// AttributeError remembering the object and name, for the "Did you mean" line of the traceback.
Value raise_attribute_error(ThreadState& ts, Value obj, StrObject* name, std::string_view message);
// A pending AttributeError from a class's own __getattr__/__getattribute__ that names no attribute and object
// gets `name` and `obj` (CPython's set_attribute_error_context), so the traceback can suggest a name.
void add_attribute_error_context(ThreadState& ts, Value obj, StrObject* name);

// Names of the types of values, for messages: "'int' object is not callable".
std::string_view type_name(Value v);

// Appends a traceback entry for `code` at `lasti` to the pending exception.
void traceback_here(ThreadState& ts, CodeObj* code, int lasti);
// The pending exception leaves the running frame of `code`, last at code unit `lasti` (a RERAISE puts the
// instruction that raised back): its traceback entry for that frame remembers it for tb_frame.f_lineno.
void traceback_frame_left(ThreadState& ts, CodeObj* code, int lasti);
// Writes `text` to sys.stderr through its write() and flush() methods, so a program that replaced sys.stderr
// gets the report, with any exception the stream raises dropped. Without sys.stderr (start-up) the text goes to
// C's stderr; when sys.stderr is None it goes nowhere if `none_is_silent` (CPython's exception and unraisable
// reports) and to C's stderr otherwise (PySys_WriteStderr, which gc's debug output uses).
void write_sys_stderr(ThreadState& ts, std::string_view text, bool none_is_silent);
// Prints the pending/uncaught exception in CPython's format to sys.stderr, chained exceptions included unless
// `chain` is false (unraisable reports show only the exception itself).
void print_exception(ThreadState& ts, Value exception, bool chain = true);
// Reports and clears the pending exception as CPython's PyErr_WriteUnraisable: "Exception ignored in: <repr of
// obj>" then the traceback, on sys.stderr (finalizers, weakref callbacks).
// A program's sys.unraisablehook receives it instead; `err_msg` replaces "Exception ignored in".
void write_unraisable(ThreadState& ts, Value obj, const char* err_msg = nullptr);
// The default hook's report of exception `exc` about `obj` (null or None: none) with message `err_msg` (a str;
// null or None: "Exception ignored in"): "MSG: repr(obj)" then the traceback without the chain, on sys.stderr.
void print_unraisable(ThreadState& ts, Value exc, Value obj, Value err_msg);
// Whether printed tracebacks show source lines (CPython's do not during interpreter shutdown).
void set_traceback_source_lines(bool on);

void init_exception_types();

}  // namespace minipy
