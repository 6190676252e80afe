// The native `time` module (CPython's Modules/timemodule.c): clocks, sleep, struct_time and the C library's
// calendar conversions (localtime, gmtime, mktime, strftime, asctime, ctime); strptime defers to Lib's
// _strptime as CPython's does. sleep() is woken by signals and runs their handlers (SIGINT interrupts it with
// KeyboardInterrupt). The clock_* functions take any clock id, and pthread_getcpuclockid answers for minipy's one
// thread. Left out: tzset's re-reading of TZ into the module constants after start-up.
#include <pthread.h>
#include <sys/resource.h>
#include <unistd.h>

#include <cerrno>
#include <cmath>
#include <ctime>

#include "stdlib/native/native_support.h"
#include "stdlib/native/signal.h"
#include "stdlib/native/struct_sequence.h"
#include "stdlib/native/thread.h"

namespace minipy {

namespace {

#define TIME_FN(name) Value name(ThreadState& ts, Value self, std::span<const Value> args, TupleObject* kwnames)

// Every clock is read as whole nanoseconds first, as CPython's _PyTime_t values are; the float functions convert from
// that with seconds_double.
int64_t clock_ns(clockid_t clock) {
  timespec t;
  clock_gettime(clock, &t);
  return static_cast<int64_t>(t.tv_sec) * 1000000000 + t.tv_nsec;
}

// CPython's _PyTime_AsSecondsDouble: whole seconds exactly, otherwise the nanoseconds divided by 1e9 (a product with
// 1e-9, which is not exact in binary, can differ in the last bit).
double seconds_double(int64_t ns) {
  if (ns % 1000000000 == 0) return static_cast<double>(ns / 1000000000);
  return static_cast<double>(ns) / 1e9;
}

bool no_args(ThreadState& ts, const char* fn, std::span<const Value> args, TupleObject* kwnames) {
  return no_keywords(ts, fn, kwnames) && check_arg_count(ts, fn, args.size(), 0, 0);
}

#define CLOCK_PAIR(name, clock)                                                          \
  TIME_FN(name) {                                                                        \
    (void)self;                                                                          \
    if (!no_args(ts, #name, args, kwnames)) return Value();                              \
    return make_float(ts, seconds_double(clock_ns(clock)));                              \
  }                                                                                      \
  TIME_FN(name##_ns) {                                                                   \
    (void)self;                                                                          \
    if (!no_args(ts, #name "_ns", args, kwnames)) return Value();                        \
    return make_int(ts, clock_ns(clock));                                                \
  }
CLOCK_PAIR(time, CLOCK_REALTIME)
CLOCK_PAIR(monotonic, CLOCK_MONOTONIC)
// CPython 3.11 on Linux uses CLOCK_MONOTONIC for perf_counter as well (time.get_clock_info('perf_counter')).
CLOCK_PAIR(perf_counter, CLOCK_MONOTONIC)
CLOCK_PAIR(process_time, CLOCK_PROCESS_CPUTIME_ID)
CLOCK_PAIR(thread_time, CLOCK_THREAD_CPUTIME_ID)

// ---- clock_* on an explicit clock id -----------------------------------------------------------------------

// The clock id argument, a C int as CPython's "i" format reads it.
// The overflow messages are those of PyArg_Parse's "i" converter, which CPython's clock functions use.
[[nodiscard]] bool clock_id_arg(ThreadState& ts, Value v, clockid_t* out) {
  int64_t id;
  if (!index_to_int64(ts, v, &id)) return false;
  if (id > INT32_MAX) return raise(ts, OverflowError_type, "signed integer is greater than maximum"), false;
  if (id < INT32_MIN) return raise(ts, OverflowError_type, "signed integer is less than minimum"), false;
  *out = static_cast<clockid_t>(id);
  return true;
}

// clock_gettime(clk_id) and its _ns twin (as_ns), clock_getres(clk_id) (resolution): one argument, no keywords.
Value clock_query(ThreadState& ts, const char* fn, std::span<const Value> args, TupleObject* kwnames, bool resolution,
                  bool as_ns) {
  if (!native::check_exact_tuple_args(ts, fn, args, kwnames, 1)) return Value();
  clockid_t clock;
  if (!clock_id_arg(ts, args[0], &clock)) return Value();
  timespec t{};
  if ((resolution ? clock_getres(clock, &t) : clock_gettime(clock, &t)) != 0) return raise_os_error(ts, errno);
  int64_t ns = static_cast<int64_t>(t.tv_sec) * 1000000000 + t.tv_nsec;
  if (as_ns) return make_int(ts, ns);
  // CPython's float result divides the whole seconds and the nanoseconds apart, not the ns total.
  return make_float(ts, static_cast<double>(t.tv_sec) + static_cast<double>(t.tv_nsec) * 1e-9);
}

TIME_FN(time_clock_gettime) { return (void)self, clock_query(ts, "clock_gettime", args, kwnames, false, false); }
// Its argument errors name clock_gettime, as CPython's ("i:clock_gettime" in both).
TIME_FN(time_clock_gettime_ns) { return (void)self, clock_query(ts, "clock_gettime", args, kwnames, false, true); }
TIME_FN(time_clock_getres) { return (void)self, clock_query(ts, "clock_getres", args, kwnames, true, false); }

// The new time of clock_settime: seconds as a float or any integer, as CPython's _PyTime_FromSecondsObject.
[[nodiscard]] bool seconds_to_ns(ThreadState& ts, Value v, int64_t* out) {
  constexpr const char* kTooLarge = "timestamp too large to convert to C _PyTime_t";
  if (is_float(v)) {
    double secs = float_value(v);
    if (std::isnan(secs)) return raise(ts, ValueError_type, "Invalid value NaN (not a number)"), false;
    double ns = secs * 1e9;
    if (!(ns >= -9.2233720368547758e18 && ns < 9.2233720368547758e18))
      return raise(ts, OverflowError_type, kTooLarge), false;
    *out = static_cast<int64_t>(ns);
    return true;
  }
  int64_t secs;
  if (!index_to_int64(ts, v, &secs, kTooLarge)) return false;
  if (__builtin_mul_overflow(secs, int64_t{1000000000}, out)) return raise(ts, OverflowError_type, kTooLarge), false;
  return true;
}

// clock_settime(clk_id, seconds) and clock_settime_ns(clk_id, nanoseconds: an int only).
Value clock_set(ThreadState& ts, const char* fn, std::span<const Value> args, TupleObject* kwnames, bool as_ns) {
  if (!native::check_exact_tuple_args(ts, fn, args, kwnames, 2)) return Value();
  clockid_t clock;
  if (!clock_id_arg(ts, args[0], &clock)) return Value();
  int64_t ns;
  if (as_ns) {
    if (!is_int(args[1])) return raise_fmt(ts, TypeError_type, "expect int, got {}", type_name(args[1]));
    if (!index_to_int64(ts, args[1], &ns, "timestamp too large to convert to C _PyTime_t")) return Value();
  } else if (!seconds_to_ns(ts, args[1], &ns)) {
    return Value();
  }
  timespec t{};
  t.tv_sec = static_cast<time_t>(ns / 1000000000);
  t.tv_nsec = static_cast<long>(ns % 1000000000);
  // A negative time must have its nanoseconds in [0, 1e9) for the kernel, so the seconds are floored.
  if (t.tv_nsec < 0) t.tv_nsec += 1000000000, t.tv_sec -= 1;  // floor division, as CPython's _PyTime_AsTimespec
  if (clock_settime(clock, &t) != 0) return raise_os_error(ts, errno);
  return None();
}

TIME_FN(time_clock_settime) { return (void)self, clock_set(ts, "clock_settime", args, kwnames, false); }
TIME_FN(time_clock_settime_ns) { return (void)self, clock_set(ts, "clock_settime_ns", args, kwnames, true); }

// pthread_getcpuclockid(thread_id): the CPU-time clock of a thread. minipy has one thread, so any other id is
// ESRCH (CPython passes the id to pthread_getcpuclockid unchecked and crashes on a made-up one).
TIME_FN(time_pthread_getcpuclockid) {
  (void)self;
  if (!check_positional_args(ts, "pthread_getcpuclockid", args, kwnames, 1, 1)) return Value();
  int64_t ident;
  if (!is_int(args[0]))
    return raise_fmt(ts, TypeError_type, "pthread_getcpuclockid() argument 1 must be int, not {}", type_name(args[0]));
  if (!index_to_int64(ts, args[0], &ident)) return Value();
  if (ident != kMainThreadIdent) return raise_os_error(ts, ESRCH);
  clockid_t clock;
  if (int err = pthread_getcpuclockid(pthread_self(), &clock)) return raise_os_error(ts, err);
  return make_int(ts, clock);
}

TIME_FN(time_sleep) {
  (void)self;
  if (!check_positional_args(ts, "sleep", args, kwnames, 1, 1)) return Value();
  double secs;
  bool number;
  if (!to_double(ts, args[0], &secs, &number) && ts.current_exception) return Value();
  if (!number)
    return raise_fmt(ts, TypeError_type, "'{}' object cannot be interpreted as an integer", type_name(args[0]));
  if (secs < 0) return raise(ts, ValueError_type, "sleep length must be non-negative");
  if (std::isnan(secs)) return raise(ts, ValueError_type, "Invalid value NaN (not a number)");
  int64_t deadline = clock_ns(CLOCK_MONOTONIC) + static_cast<int64_t>(secs * 1e9);
  for (;;) {
    int64_t left = deadline - clock_ns(CLOCK_MONOTONIC);
    if (left <= 0) break;
    timespec t{static_cast<time_t>(left / 1000000000), static_cast<long>(left % 1000000000)};
    if (nanosleep(&t, nullptr) == 0) break;
    if (errno != EINTR) return raise_os_error(ts, errno);
    if (!run_signal_handlers(ts)) return Value();
  }
  return None();
}

// ---- struct_time ------------------------------------------------------------------------------------------------

Value struct_time_type(ThreadState& ts, Value module) {
  return dict_get_str(static_cast<ModuleObject*>(module.as_object())->dict, intern(ts, "struct_time"));
}

Value tm_to_struct(ThreadState& ts, Value module, const tm& t) {
  Value v[11] = {make_int(ts, t.tm_year + 1900LL), make_int(ts, t.tm_mon + 1), make_int(ts, t.tm_mday),
                 make_int(ts, t.tm_hour),          make_int(ts, t.tm_min),    make_int(ts, t.tm_sec),
                 make_int(ts, (t.tm_wday + 6) % 7), make_int(ts, t.tm_yday + 1), make_int(ts, t.tm_isdst),
                 t.tm_zone ? Value(make_str(ts, t.tm_zone)) : None(), make_int(ts, t.tm_gmtoff)};
  return make_struct_sequence(ts, struct_time_type(ts, module), v);
}

// A time tuple (struct_time or any 9-sequence) as a C struct tm.
bool struct_to_tm(ThreadState& ts, Value v, tm* out, const char* fn) {
  if (!is_tuple(v)) return raise_fmt(ts, TypeError_type, "Tuple or struct_time argument required"), false;
  auto* t = static_cast<TupleObject*>(v.as_object());
  if (t->size != 9) return raise_fmt(ts, TypeError_type, "{}(): illegal time tuple argument", fn), false;
  int64_t f[9];
  for (int i = 0; i < 9; i++)
    if (!index_to_int64(ts, t->items[i], &f[i])) return false;
  *out = tm{};
  out->tm_year = static_cast<int>(f[0] - 1900);
  out->tm_mon = static_cast<int>(f[1] - 1);
  out->tm_mday = static_cast<int>(f[2]);
  out->tm_hour = static_cast<int>(f[3]);
  out->tm_min = static_cast<int>(f[4]);
  out->tm_sec = static_cast<int>(f[5]);
  out->tm_wday = static_cast<int>((f[6] + 1) % 7);
  out->tm_yday = static_cast<int>(f[7] - 1);
  out->tm_isdst = static_cast<int>(f[8]);
  // Extra fields of a struct_time carry the zone for strftime's %Z.
  return true;
}

bool seconds_arg(ThreadState& ts, std::span<const Value> args, time_t* out) {
  if (args.empty() || is_none(args[0])) return *out = ::time(nullptr), true;
  double d;
  bool number;
  if (!to_double(ts, args[0], &d, &number) && ts.current_exception) return false;
  if (!number) return raise_fmt(ts, TypeError_type, "'{}' object cannot be interpreted as an integer", type_name(args[0])), false;
  if (std::isnan(d)) return raise(ts, ValueError_type, "Invalid value NaN (not a number)"), false;
  if (!(std::fabs(d) < 1e17)) return raise(ts, OverflowError_type, "timestamp out of range for platform time_t"), false;
  *out = static_cast<time_t>(std::floor(d));
  return true;
}

TIME_FN(time_localtime) {
  if (!check_positional_args(ts, "localtime", args, kwnames, 0, 1)) return Value();
  time_t when;
  if (!seconds_arg(ts, args, &when)) return Value();
  tm t;
  if (!localtime_r(&when, &t)) return raise_os_error(ts, errno);
  return tm_to_struct(ts, self, t);
}
TIME_FN(time_gmtime) {
  if (!check_positional_args(ts, "gmtime", args, kwnames, 0, 1)) return Value();
  time_t when;
  if (!seconds_arg(ts, args, &when)) return Value();
  tm t;
  if (!gmtime_r(&when, &t)) return raise_os_error(ts, errno);
  return tm_to_struct(ts, self, t);
}
TIME_FN(time_mktime) {
  (void)self;
  if (!check_positional_args(ts, "mktime", args, kwnames, 1, 1)) return Value();
  tm t;
  if (!struct_to_tm(ts, args[0], &t, "mktime")) return Value();
  t.tm_wday = -1;
  time_t r = ::mktime(&t);
  if (r == -1 && t.tm_wday == -1) return raise(ts, OverflowError_type, "mktime argument out of range");
  return make_float(ts, static_cast<double>(r));
}

// The current local time, or the given time tuple, for strftime/asctime.
bool time_tuple_or_now(ThreadState& ts, std::span<const Value> args, size_t index, tm* out, const char* fn) {
  if (args.size() <= index) {
    time_t now = ::time(nullptr);
    localtime_r(&now, out);
    return true;
  }
  if (!struct_to_tm(ts, args[index], out, fn)) return false;
  // The zone of a struct_time from localtime/gmtime, for %Z and %z.
  Value zone = get_attr_optional(ts, args[index], intern(ts, "tm_zone"));
  ts.current_exception = Value();
  Value offset = get_attr_optional(ts, args[index], intern(ts, "tm_gmtoff"));
  ts.current_exception = Value();
  static thread_local std::string zone_text;
  if (zone && is_str(zone)) {
    zone_text = as_str(zone)->view();
    out->tm_zone = zone_text.c_str();
  } else {
    time_t now = ::time(nullptr);
    tm local;
    localtime_r(&now, &local);
    out->tm_zone = out->tm_isdst > 0 ? tzname[1] : tzname[0];
    out->tm_gmtoff = local.tm_gmtoff;
  }
  int64_t off;
  if (offset && is_int(offset) && int_to_int64(offset, &off)) out->tm_gmtoff = off;
  return true;
}

bool check_ranges(ThreadState& ts, const tm& t) {
  if (t.tm_mon < 0 || t.tm_mon > 11) return raise(ts, ValueError_type, "month out of range"), false;
  if (t.tm_mday < 0 || t.tm_mday > 31) return raise(ts, ValueError_type, "day of month out of range"), false;
  if (t.tm_hour < 0 || t.tm_hour > 23) return raise(ts, ValueError_type, "hour out of range"), false;
  if (t.tm_min < 0 || t.tm_min > 59) return raise(ts, ValueError_type, "minute out of range"), false;
  if (t.tm_sec < 0 || t.tm_sec > 61) return raise(ts, ValueError_type, "seconds out of range"), false;
  if (t.tm_yday < -1 || t.tm_yday > 365) return raise(ts, ValueError_type, "day of year out of range"), false;
  return true;
}

TIME_FN(time_strftime) {
  (void)self;
  if (!check_positional_args(ts, "strftime", args, kwnames, 1, 2)) return Value();
  if (!is_str(args[0]))
    return raise_fmt(ts, TypeError_type, "strftime() argument 1 must be str, not {}", type_name(args[0]));
  tm t;
  if (!time_tuple_or_now(ts, args, 1, &t, "strftime")) return Value();
  if (t.tm_mon == -1) t.tm_mon = 0;  // CPython accepts 0 for month and day (as 1)
  if (t.tm_mday == 0) t.tm_mday = 1;
  if (t.tm_yday == -1) t.tm_yday = 0;
  if (!check_ranges(ts, t)) return Value();
  if (t.tm_isdst < -1) t.tm_isdst = -1;
  if (t.tm_isdst > 1) t.tm_isdst = 1;
  std::string format(as_str(args[0])->view());
  if (format.empty()) return Value(ts.interp->names.empty);
  // strftime returns 0 both for "no room" and an empty result: grow until it fits or is clearly empty.
  for (size_t size = 256; size <= 256 * format.size() + 4096; size *= 2) {
    std::string out(size, '\0');
    size_t n = ::strftime(out.data(), size, format.c_str(), &t);
    if (n > 0 || size > 64 * format.size()) {
      out.resize(n);
      return Value(make_str(ts, out));
    }
  }
  return Value(ts.interp->names.empty);
}

std::string asctime_text(const tm& t) {
  static const char* const kDays[] = {"Sun", "Mon", "Tue", "Wed", "Thu", "Fri", "Sat"};
  static const char* const kMonths[] = {"Jan", "Feb", "Mar", "Apr", "May", "Jun",
                                        "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"};
  return fmt::format("{} {} {:2d} {:02d}:{:02d}:{:02d} {}", kDays[(t.tm_wday % 7 + 7) % 7], kMonths[(t.tm_mon % 12 + 12) % 12],
                     t.tm_mday, t.tm_hour, t.tm_min, t.tm_sec, 1900 + t.tm_year);
}

TIME_FN(time_asctime) {
  (void)self;
  if (!check_positional_args(ts, "asctime", args, kwnames, 0, 1)) return Value();
  tm t;
  if (!time_tuple_or_now(ts, args, 0, &t, "asctime")) return Value();
  if (!check_ranges(ts, t)) return Value();
  return Value(make_str(ts, asctime_text(t)));
}
TIME_FN(time_ctime) {
  (void)self;
  if (!check_positional_args(ts, "ctime", args, kwnames, 0, 1)) return Value();
  time_t when;
  if (!seconds_arg(ts, args, &when)) return Value();
  tm t;
  if (!localtime_r(&when, &t)) return raise_os_error(ts, errno);
  return Value(make_str(ts, asctime_text(t)));
}

// strptime(string, format): Lib's _strptime does the work, as in CPython.
TIME_FN(time_strptime) {
  (void)self, (void)kwnames;
  Value module = call(ts, dict_get_str(ts.interp->builtins, ts.interp->names.import),
                      std::span<const Value>(std::array<Value, 1>{Value(intern(ts, "_strptime"))}));
  if (!module) return module;
  Value fn = get_attr(ts, module, intern(ts, "_strptime_time"));
  if (!fn) return fn;
  return call(ts, fn, args);
}

TIME_FN(time_tzset) {
  (void)self, (void)args, (void)kwnames;
  ::tzset();
  return None();
}

// get_clock_info(name): a namespace describing the clock, as CPython's (implementation names are Linux's).
TIME_FN(time_get_clock_info) {
  (void)self;
  if (!check_positional_args(ts, "get_clock_info", args, kwnames, 1, 1))
    return Value();
  if (!is_str(args[0])) return raise(ts, TypeError_type, "get_clock_info() argument must be str");
  std::string_view name = as_str(args[0])->view();
  const char* impl;
  bool monotonic = true, adjustable = false;
  clockid_t clock;
  if (name == "time") impl = "clock_gettime(CLOCK_REALTIME)", monotonic = false, adjustable = true, clock = CLOCK_REALTIME;
  else if (name == "monotonic" || name == "perf_counter") impl = "clock_gettime(CLOCK_MONOTONIC)", clock = CLOCK_MONOTONIC;
  else if (name == "process_time") impl = "clock_gettime(CLOCK_PROCESS_CPUTIME_ID)", clock = CLOCK_PROCESS_CPUTIME_ID;
  else if (name == "thread_time") impl = "clock_gettime(CLOCK_THREAD_CPUTIME_ID)", clock = CLOCK_THREAD_CPUTIME_ID;
  else return raise(ts, ValueError_type, "unknown clock");
  timespec res;
  clock_getres(clock, &res);
  Value types = call(ts, dict_get_str(ts.interp->builtins, ts.interp->names.import),
                     std::span<const Value>(std::array<Value, 1>{Value(intern(ts, "types"))}));
  if (!types) return types;
  Value ns_type = get_attr(ts, types, intern(ts, "SimpleNamespace"));
  if (!ns_type) return ns_type;
  Value info = call(ts, ns_type, {});
  if (!info) return info;
  if (!set_attr(ts, info, intern(ts, "implementation"), Value(make_str(ts, impl))) ||
      !set_attr(ts, info, intern(ts, "monotonic"), Bool(monotonic)) ||
      !set_attr(ts, info, intern(ts, "adjustable"), Bool(adjustable)) ||
      !set_attr(ts, info, intern(ts, "resolution"), make_float(ts, res.tv_sec + res.tv_nsec * 1e-9)))
    return Value();
  return info;
}

const MethodDef kTimeFunctions[] = {
    {"time", time},                   {"time_ns", time_ns},
    {"monotonic", monotonic},         {"monotonic_ns", monotonic_ns},
    {"perf_counter", perf_counter},   {"perf_counter_ns", perf_counter_ns},
    {"process_time", process_time},   {"process_time_ns", process_time_ns},
    {"thread_time", thread_time},     {"thread_time_ns", thread_time_ns},
    {"sleep", time_sleep},            {"localtime", time_localtime},
    {"gmtime", time_gmtime},          {"mktime", time_mktime},
    {"strftime", time_strftime},      {"asctime", time_asctime},
    {"ctime", time_ctime},            {"strptime", time_strptime},
    {"tzset", time_tzset},            {"get_clock_info", time_get_clock_info},
    {"clock_gettime", time_clock_gettime}, {"clock_gettime_ns", time_clock_gettime_ns},
    {"clock_getres", time_clock_getres},   {"clock_settime", time_clock_settime},
    {"clock_settime_ns", time_clock_settime_ns}, {"pthread_getcpuclockid", time_pthread_getcpuclockid},
};

}  // namespace

ModuleObject* create_time_module(ThreadState& ts) {
  ModuleObject* m = make_module(ts, "time");
  auto set = [&](const char* name, Value v) { dict_set_str_new(ts, m->dict, intern(ts, name), v); };
  for (const MethodDef& def : kTimeFunctions) set(def.name, make_native_function(ts, &def, Value(m), Value(m->name)));
  static const char* const kFields[] = {"tm_year", "tm_mon", "tm_mday", "tm_hour", "tm_min",
                                        "tm_sec",  "tm_wday", "tm_yday", "tm_isdst"};
  static const char* const kHidden[] = {"tm_zone", "tm_gmtoff"};
  Value struct_time = make_struct_sequence_type(ts, "time", "struct_time", kFields, 9, kHidden);
  if (!struct_time) return nullptr;
  set("struct_time", struct_time);
  set("_STRUCT_TM_ITEMS", Value::small_int(11));
  // The zone constants as CPython computes them: from January's and July's offsets of this year.
  ::tzset();
  time_t now = ::time(nullptr);
  tm jan{}, jul{};
  localtime_r(&now, &jan);
  jan.tm_mon = 0, jan.tm_mday = 1, jan.tm_hour = 12, jan.tm_isdst = -1;
  jul = jan;
  jul.tm_mon = 6;
  time_t tj = ::mktime(&jan), tl = ::mktime(&jul);
  localtime_r(&tj, &jan);
  localtime_r(&tl, &jul);
  int64_t jan_off = -jan.tm_gmtoff, jul_off = -jul.tm_gmtoff;
  bool southern = jan_off < jul_off;  // daylight saving time in January
  set("timezone", make_int(ts, southern ? jul_off : jan_off));
  set("altzone", make_int(ts, southern ? jan_off : jul_off));
  set("daylight", Value::small_int(jan_off != jul_off));
  Value names[2] = {Value(make_str(ts, southern ? jul.tm_zone : jan.tm_zone)),
                    Value(make_str(ts, southern ? jan.tm_zone : jul.tm_zone))};
  set("tzname", Value(minipy::make_tuple(ts, names)));
  for (auto [name, id] : {std::pair{"CLOCK_REALTIME", CLOCK_REALTIME}, {"CLOCK_MONOTONIC", CLOCK_MONOTONIC},
                          {"CLOCK_PROCESS_CPUTIME_ID", CLOCK_PROCESS_CPUTIME_ID},
                          {"CLOCK_THREAD_CPUTIME_ID", CLOCK_THREAD_CPUTIME_ID}, {"CLOCK_BOOTTIME", CLOCK_BOOTTIME},
                          {"CLOCK_MONOTONIC_RAW", CLOCK_MONOTONIC_RAW}, {"CLOCK_TAI", CLOCK_TAI}})
    set(name, Value::small_int(id));
  return m;
}

}  // namespace minipy
