// The methods of bytes and bytearray: argument handling around the text engine. Searching reuses the str
// functions on an ASCII StrRef (byte indexes); whitespace, case and line rules come from
// vm/text/bytes_methods.h. One table serves both types: results take the receiver's type (make_result), and
// arguments may be any bytes-like object (the buffer protocol, vm/objects/buffer.h).
#include "vm/objects/buffer.h"
#include "vm/objects/bytearray.h"
#include "vm/objects/text_args.h"
#include "vm/objects/type_init.h"
#include "vm/runtime.h"
#include "vm/text/bytes_methods.h"
#include "vm/text/str_methods.h"

namespace minipy {

// The argument helpers shared with str's methods (split_args for split/rsplit, keepends_arg for splitlines,
// join_items for join) are defined in str_methods.cpp and declared in text_args.h.

namespace {

#define BYTES_METHOD(name) Value name(ThreadState& ts, Value self, std::span<const Value> args, TupleObject* kwnames)

bool is_bytes(Value v) { return v.is_object() && v.as_object()->type == &bytes_type; }
// The bytes of a receiver (bytes, bytearray or a subclass of either).
std::string_view data(Value v) {
  return is_bytearray(v) ? bytearray_view(v) : static_cast<BytesObject*>(v.as_object())->view();
}
// The str search algorithms are reused by presenting the bytes as an "ASCII" str: with the ASCII flag set they work
// byte by byte, so indexes come out as byte positions.
text::StrRef ref(Value v) { return text::StrRef(data(v), true); }
// A new object of the receiver's kind: bytearray methods return bytearrays.
Value make_result(ThreadState& ts, Value self, std::string_view bytes) {
  return is_bytearray(self) ? make_bytearray(ts, bytes) : make_bytes(ts, bytes);
}
// "bytes.upper" or "bytearray.upper", for argument errors.
// CPython's argument-clinic messages name the receiver's own type ("bytearray.upper() takes no arguments"), so one
// method table can serve both types only if the name is computed per call.
std::string qualified(Value self, const char* bytes_name) {
  return is_bytearray(self) ? "bytearray" + std::string(bytes_name + 5) : std::string(bytes_name);
}

// A bytes-like argument. Its bytes stay valid after the export ends while no Python code runs: the methods
// here use them at once.
bool buffer_arg(ThreadState& ts, Value v, std::string_view* out) {
  BufferLease lease;
  if (!lease.acquire(ts, v)) return false;
  *out = lease.bytes();
  return true;
}

// An int in range(256) as one byte, else a bytes-like object: the needle of find/count/index/`in`.
// The single-byte case points `out` at the caller's `byte`, so the view is valid for as long as the caller's local is.
bool needle_arg(ThreadState& ts, Value v, char* byte, std::string_view* out) {
  if (is_int(v)) {
    int n;
    if (!byte_value(ts, v, &n)) return false;
    *byte = static_cast<char>(n);
    *out = std::string_view(byte, 1);
    return true;
  }
  if (!has_buffer(v)) {
    raise_fmt(ts, TypeError_type, "argument should be integer or bytes-like object, not '{}'", type_name(v));
    return false;
  }
  return buffer_arg(ts, v, out);
}

// `result` is `self`'s bytes or a piece of them: self itself when nothing was cut off.
// Only an exact bytes may be returned unchanged (it is immutable); a bytearray result must always be a new object,
// since the caller may mutate it.
Value same_or_new(ThreadState& ts, Value self, std::string_view result) {
  if (result.size() == data(self).size() && type_of(self) == &bytes_type) return self;
  return make_result(ts, self, result);
}

// A piece that is all of an exact bytes (no separator found) is the receiver itself.
Value list_of_bytes(ThreadState& ts, Value self, const std::vector<std::string_view>& parts) {
  ListObject* l = make_list(ts, static_cast<int64_t>(parts.size()));
  for (size_t i = 0; i < parts.size(); i++) l->items[i] = None();
  for (size_t i = 0; i < parts.size(); i++) l->items[i] = same_or_new(ts, self, parts[i]);
  return Value(l);
}

Value split_method(ThreadState& ts, Value self, std::span<const Value> args, TupleObject* kwnames, bool right) {
  Value sep_v;
  int64_t maxsplit;
  if (!split_args(ts, args, kwnames, right, &sep_v, &maxsplit)) return Value();
  std::optional<std::string_view> sep;
  if (sep_v) {
    std::string_view s;
    if (!buffer_arg(ts, sep_v, &s)) return Value();
    sep = s;
  }
  auto r = right ? text::bytes::rsplit(data(self), sep, maxsplit) : text::bytes::split(data(self), sep, maxsplit);
  if (!r.ok()) return raise_text_error(ts, r.error());
  return list_of_bytes(ts, self, r.value());
}
BYTES_METHOD(m_split) { return split_method(ts, self, args, kwnames, false); }
BYTES_METHOD(m_rsplit) { return split_method(ts, self, args, kwnames, true); }
BYTES_METHOD(m_splitlines) {
  int k;
  if (!keepends_arg(ts, args, kwnames, &k)) return Value();
  return list_of_bytes(ts, self, text::bytes::splitlines(data(self), k));
}

// The parts are views into their buffers; no Python code runs between taking them and copying them out (the buffer
// protocol of 3.11 has no Python-level hooks), so none of them can be resized or freed meanwhile.
BYTES_METHOD(m_join) {
  if (!check_positional_args(ts, "join", args, kwnames, 1, 1)) return Value();
  std::span<Value> items;
  Value storage;
  if (!join_items(ts, args[0], &items, &storage)) return Value();
  // bytes (not bytearray) joining one exact bytes returns that item, whatever the separator.
  if (items.size() == 1 && !is_bytearray(self) && type_of(items[0]) == &bytes_type) return items[0];
  std::vector<std::string_view> parts;
  for (size_t i = 0; i < items.size(); i++) {
    if (!has_buffer(items[i]))
      return raise_fmt(ts, TypeError_type, "sequence item {}: expected a bytes-like object, {} found", i,
                       type_name(items[i]));
    std::string_view part;
    if (!buffer_arg(ts, items[i], &part)) return Value();
    parts.push_back(part);
  }
  return make_result(ts, self, text::join(data(self), parts));
}

Value strip_method(ThreadState& ts, Value self, std::span<const Value> args, TupleObject* kwnames, int which) {
  const char* names[3] = {"strip", "lstrip", "rstrip"};
  if (!no_keywords(ts, names[which], kwnames) || !check_arg_count(ts, names[which], args.size(), 0, 1))
    return Value();
  std::optional<std::string_view> chars;
  if (!args.empty() && !is_none(args[0])) {
    std::string_view c;
    if (!buffer_arg(ts, args[0], &c)) return Value();
    chars = c;
  }
  std::string_view s = data(self);
  return same_or_new(ts, self, which == 0   ? text::bytes::strip(s, chars)
                               : which == 1 ? text::bytes::lstrip(s, chars)
                                            : text::bytes::rstrip(s, chars));
}
BYTES_METHOD(m_strip) { return strip_method(ts, self, args, kwnames, 0); }
BYTES_METHOD(m_lstrip) { return strip_method(ts, self, args, kwnames, 1); }
BYTES_METHOD(m_rstrip) { return strip_method(ts, self, args, kwnames, 2); }

// find, rfind, index, rindex, count
Value search_method(ThreadState& ts, Value self, std::span<const Value> args, TupleObject* kwnames, int which) {
  const char* names[5] = {"find", "rfind", "index", "rindex", "count"};
  if (!no_keywords(ts, names[which], kwnames) || !check_arg_count(ts, names[which], args.size(), 1, 3))
    return Value();
  char byte;
  std::string_view sub;
  if (!needle_arg(ts, args[0], &byte, &sub)) return Value();
  text::OptIndex start, end;
  if (!text_bound_arg(ts, args, 1, &start) || !text_bound_arg(ts, args, 2, &end)) return Value();
  if (which == 4) return make_int(ts, text::count(ref(self), sub, start, end));
  int64_t at = which == 0 || which == 2 ? text::find(ref(self), sub, start, end)
                                        : text::rfind(ref(self), sub, start, end);
  // bytes.index's message differs from str.index's ("substring not found"), as in CPython.
  if (at < 0 && which >= 2) return raise(ts, ValueError_type, "subsection not found");
  return make_int(ts, at);
}
BYTES_METHOD(m_find) { return search_method(ts, self, args, kwnames, 0); }
BYTES_METHOD(m_rfind) { return search_method(ts, self, args, kwnames, 1); }
BYTES_METHOD(m_index) { return search_method(ts, self, args, kwnames, 2); }
BYTES_METHOD(m_rindex) { return search_method(ts, self, args, kwnames, 3); }
BYTES_METHOD(m_count) { return search_method(ts, self, args, kwnames, 4); }

BYTES_METHOD(m_replace) {
  if (!check_positional_args(ts, "replace", args, kwnames, 2, 3)) return Value();
  std::string_view old_part, new_part;
  if (!buffer_arg(ts, args[0], &old_part) || !buffer_arg(ts, args[1], &new_part)) return Value();
  int64_t count = -1;
  if (args.size() > 2 && !index_to_int64(ts, args[2], &count)) return Value();
  std::string replaced = text::bytes::replace(data(self), old_part, new_part, count);
  // Nothing replaced: an exact bytes is returned itself.
  if (type_of(self) == &bytes_type && replaced == data(self)) return self;
  return make_result(ts, self, replaced);
}

// bytes' affixes are any buffer; only a lone non-buffer argument gets startswith's own message.
// Inside a tuple a non-buffer item fails with the buffer protocol's own TypeError ("a bytes-like object is required"),
// as CPython's tailmatch does.
bool bytes_affix_arg(ThreadState& ts, Value v, const char* name, bool in_tuple, std::string_view* out) {
  if (!in_tuple && !has_buffer(v)) {
    raise_fmt(ts, TypeError_type, "{} first arg must be bytes or a tuple of bytes, not {}", name, type_name(v));
    return false;
  }
  return buffer_arg(ts, v, out);
}
BYTES_METHOD(m_startswith) { return affix_method(ts, ref(self), args, kwnames, false, bytes_affix_arg); }
BYTES_METHOD(m_endswith) { return affix_method(ts, ref(self), args, kwnames, true, bytes_affix_arg); }

Value partition_method(ThreadState& ts, Value self, std::span<const Value> args, TupleObject* kwnames, bool right) {
  const char* name = right ? "rpartition" : "partition";
  if (!no_keywords(ts, name, kwnames) || !check_arg_count(ts, name, args.size(), 1, 1)) return Value();
  std::string_view sep;
  if (!buffer_arg(ts, args[0], &sep)) return Value();
  auto r = right ? text::rpartition(data(self), sep) : text::partition(data(self), sep);
  if (!r.ok()) return raise_text_error(ts, r.error());
  TupleObject* t = make_tuple(ts, 3);
  for (int i = 0; i < 3; i++) t->items[i] = None();
  for (int i = 0; i < 3; i++) t->items[i] = make_result(ts, self, r.value()[static_cast<size_t>(i)]);
  // CPython's immutable partition hands back its operands: the receiver itself (a subclass instance too) when the
  // separator is absent, the separator object as given (any buffer) when it is found.
  if (!is_bytearray(self)) {
    if (r.value()[1].empty()) t->items[right ? 2 : 0] = self;
    else t->items[1] = args[0];
  }
  return Value(t);
}
BYTES_METHOD(m_partition) { return partition_method(ts, self, args, kwnames, false); }
BYTES_METHOD(m_rpartition) { return partition_method(ts, self, args, kwnames, true); }

Value justify_method(ThreadState& ts, Value self, std::span<const Value> args, TupleObject* kwnames, int which) {
  const char* names[3] = {"center", "ljust", "rjust"};
  if (!no_keywords(ts, names[which], kwnames) || !check_arg_count(ts, names[which], args.size(), 1, 2))
    return Value();
  int64_t width;
  if (!index_to_int64(ts, args[0], &width)) return Value();
  char fill = ' ';
  if (args.size() > 1) {
    // The fill must be bytes or bytearray of length 1 (not any buffer): argument clinic's `char` converter.
    if (!(is_bytes(args[1]) || is_bytearray(args[1])) || data(args[1]).size() != 1)
      return raise_fmt(ts, TypeError_type, "{}() argument 2 must be a byte string of length 1, not {}", names[which],
                       type_name(args[1]));
    fill = data(args[1])[0];
  }
  if (width > text::kMaxTextResult) return raise(ts, MemoryError_type, "");
  std::string_view s = data(self);
  return same_or_new(ts, self, which == 0   ? text::bytes::center(s, width, fill)
                               : which == 1 ? text::bytes::ljust(s, width, fill)
                                            : text::bytes::rjust(s, width, fill));
}
BYTES_METHOD(m_center) { return justify_method(ts, self, args, kwnames, 0); }
BYTES_METHOD(m_ljust) { return justify_method(ts, self, args, kwnames, 1); }
BYTES_METHOD(m_rjust) { return justify_method(ts, self, args, kwnames, 2); }
BYTES_METHOD(m_zfill) {
  if (!check_positional_args(ts, "zfill", args, kwnames, 1, 1)) return Value();
  int64_t width;
  if (!index_to_int64(ts, args[0], &width)) return Value();
  if (width > text::kMaxTextResult) return raise(ts, MemoryError_type, "");
  return same_or_new(ts, self, text::zfill(ref(self), width));
}
BYTES_METHOD(m_expandtabs) {
  size_t n = positional_count(args, kwnames);
  Value t = n > 0 ? args[0] : keyword_arg(ts, args, kwnames, "tabsize");
  int64_t tabsize = 8;
  if (t && !index_to_int64(ts, t, &tabsize, "Python int too large to convert to C int")) return Value();
  if (tabsize > INT32_MAX || tabsize < INT32_MIN)  // CPython's tabsize is a C int
    return raise(ts, OverflowError_type, "Python int too large to convert to C int");
  if (tabsize > text::kMaxTextResult) return raise(ts, MemoryError_type, "");
  return make_result(ts, self, text::bytes::expandtabs(data(self), tabsize));
}

BYTES_METHOD(m_removeprefix) {
  if (!check_positional_args(ts, "removeprefix", args, kwnames, 1, 1))
    return Value();
  std::string_view p, s = data(self);
  if (!buffer_arg(ts, args[0], &p)) return Value();
  return same_or_new(ts, self, s.starts_with(p) ? s.substr(p.size()) : s);
}
BYTES_METHOD(m_removesuffix) {
  if (!check_positional_args(ts, "removesuffix", args, kwnames, 1, 1))
    return Value();
  std::string_view p, s = data(self);
  if (!buffer_arg(ts, args[0], &p)) return Value();
  return same_or_new(ts, self, !p.empty() && s.ends_with(p) ? s.substr(0, s.size() - p.size()) : s);
}

// The zero-argument methods: case conversions and the isX() predicates.
bool no_args(ThreadState& ts, const char* qualified_name, std::span<const Value> args, TupleObject* kwnames) {
  return no_keywords(ts, qualified_name, kwnames) && check_arg_count(ts, qualified_name, args.size(), 0, 0);
}
template <const char* kName, std::string (*convert)(std::string_view)>
BYTES_METHOD(m_convert) {
  if (!no_args(ts, qualified(self, kName).c_str(), args, kwnames)) return Value();
  return make_result(ts, self, convert(data(self)));
}
template <const char* kName, bool (*predicate)(std::string_view)>
BYTES_METHOD(m_predicate) {
  if (!no_args(ts, qualified(self, kName).c_str(), args, kwnames)) return Value();
  return Bool(predicate(data(self)));
}
#define NAME(method) constexpr char k_##method[] = "bytes." #method;
NAME(upper) NAME(lower) NAME(title) NAME(capitalize) NAME(swapcase) NAME(isalpha) NAME(isdigit) NAME(isspace)
NAME(isalnum) NAME(isupper) NAME(islower) NAME(istitle) NAME(isascii)
#undef NAME

// translate(table, /, delete=b''): `table` None keeps every byte.
// Bytes listed in `delete` are removed first and the rest mapped through the table, as the documentation
// specifies; a translation that changes nothing returns an exact bytes receiver itself.
BYTES_METHOD(m_translate) {
  size_t n = positional_count(args, kwnames);
  if (n < 1 || n > 2) return raise_fmt(ts, TypeError_type, "translate() takes at most 2 arguments ({} given)", n);
  std::string_view table, remove;
  bool has_table = !is_none(args[0]);
  if (has_table) {
    if (!buffer_arg(ts, args[0], &table)) return Value();
    if (table.size() != 256) return raise(ts, ValueError_type, "translation table must be 256 characters long");
  }
  Value del = n > 1 ? args[1] : keyword_arg(ts, args, kwnames, "delete");
  if (del && !buffer_arg(ts, del, &remove)) return Value();
  std::string out;
  for (unsigned char c : data(self)) {
    if (remove.find(static_cast<char>(c)) != std::string_view::npos) continue;
    out.push_back(has_table ? table[c] : static_cast<char>(c));
  }
  return out == data(self) && type_of(self) == &bytes_type ? self : make_result(ts, self, out);
}
// bytes.maketrans(from, to): a 256-byte table mapping each byte of `from` to the byte of `to` at its position.
BYTES_METHOD(m_maketrans) {
  (void)self;
  if (!check_positional_args(ts, "maketrans", args, kwnames, 2, 2)) return Value();
  std::string_view from, to;
  if (!buffer_arg(ts, args[0], &from) || !buffer_arg(ts, args[1], &to)) return Value();
  if (from.size() != to.size()) return raise(ts, ValueError_type, "maketrans arguments must have same length");
  std::string table(256, '\0');
  for (int i = 0; i < 256; i++) table[static_cast<size_t>(i)] = static_cast<char>(i);
  for (size_t i = 0; i < from.size(); i++) table[static_cast<unsigned char>(from[i])] = to[i];
  return make_bytes(ts, table);
}

// hex(sep=None, bytes_per_sep=1): groups count from the right for a positive bytes_per_sep, from the left for
// a negative one.
// The separator is counted from the right by default so that hex(':', 2) groups like a number ("0102:0304" for four
// bytes, and "01:0203" for three); a negative count groups from the left.
BYTES_METHOD(m_hex) {
  size_t n = positional_count(args, kwnames);
  if (n > 2) return raise_fmt(ts, TypeError_type, "hex() takes at most 2 arguments ({} given)", n);
  Value sep_v = n > 0 ? args[0] : keyword_arg(ts, args, kwnames, "sep");
  Value per_v = n > 1 ? args[1] : keyword_arg(ts, args, kwnames, "bytes_per_sep");
  std::string_view sep;
  if (sep_v) {
    if (is_str(sep_v)) sep = as_str(sep_v)->view();
    else if (is_bytes(sep_v) || is_bytearray(sep_v)) sep = data(sep_v);
    else return raise(ts, TypeError_type, "sep must be str or bytes.");
    if (sep.size() != 1) return raise(ts, ValueError_type, "sep must be length 1.");
    if (static_cast<unsigned char>(sep[0]) >= 0x80) return raise(ts, ValueError_type, "sep must be ASCII.");
  }
  int64_t per = 1;
  if (per_v && !index_to_int64(ts, per_v, &per)) return Value();
  std::string_view s = data(self);
  std::string out;
  size_t group = per < 0 ? static_cast<size_t>(-per) : static_cast<size_t>(per);
  for (size_t i = 0; i < s.size(); i++) {
    if (i > 0 && !sep.empty() && group > 0) {
      size_t boundary = per > 0 ? (s.size() - i) % group : i % group;
      if (boundary == 0) out += sep;
    }
    out += fmt::format("{:02x}", static_cast<unsigned char>(s[i]));
  }
  return Value(make_str_known(ts, out, static_cast<int64_t>(out.size()), true));
}

int hex_digit(char c) {
  if (c >= '0' && c <= '9') return c - '0';
  if (c >= 'a' && c <= 'f') return c - 'a' + 10;
  if (c >= 'A' && c <= 'F') return c - 'A' + 10;
  return -1;
}
// bytes.fromhex(string): pairs of hex digits, ASCII whitespace allowed between pairs.
BYTES_METHOD(m_fromhex) {
  if (!check_positional_args(ts, "fromhex", args, kwnames, 1, 1)) return Value();
  if (!is_str(args[0]))
    return raise_fmt(ts, TypeError_type, "fromhex() argument must be str, not {}", type_name(args[0]));
  std::string_view s = as_str(args[0])->view();
  std::string out;
  // The position in the message is a code-point index into the argument str, which matters once the text contains
  // non-ASCII characters.
  auto bad = [&](size_t at) {
    return raise_fmt(ts, ValueError_type, "non-hexadecimal number found in fromhex() arg at position {}",
                     text::index_of_byte_offset(s, std::min(at, s.size())));
  };
  for (size_t i = 0; i < s.size();) {
    if (s[i] == ' ' || (s[i] >= '\t' && s[i] <= '\r')) {
      i++;
      continue;
    }
    int hi = hex_digit(s[i]);
    if (hi < 0) return bad(i);
    if (i + 1 >= s.size()) return bad(i + 1);
    int lo = hex_digit(s[i + 1]);
    if (lo < 0) return bad(i + 1);
    out.push_back(static_cast<char>(hi * 16 + lo));
    i += 2;
  }
  Value cls = self;
  Value r = make_bytes(ts, out);
  // A classmethod called on bytearray or a subclass builds that type from the bytes, as CPython's bytes_fromhex_impl
  // calls the class.
  if (is_type(cls) && as_type(cls) != &bytes_type) return call(ts, cls, std::span<const Value>(&r, 1));
  return r;
}

BYTES_METHOD(m_bytes) {
  if (!no_args(ts, "bytes.__bytes__", args, kwnames)) return Value();
  return type_of(self) == &bytes_type ? self : make_bytes(ts, data(self));
}
BYTES_METHOD(m_getnewargs) {
  if (!no_args(ts, "bytes.__getnewargs__", args, kwnames)) return Value();
  Value copy = make_bytes(ts, data(self));
  return Value(make_tuple(ts, std::span<const Value>(&copy, 1)));
}

const MethodDef bytes_methods[] = {
    {"split", m_split},
    {"rsplit", m_rsplit},
    {"splitlines", m_splitlines},
    {"join", m_join},
    {"strip", m_strip},
    {"lstrip", m_lstrip},
    {"rstrip", m_rstrip},
    {"find", m_find},
    {"rfind", m_rfind},
    {"index", m_index},
    {"rindex", m_rindex},
    {"count", m_count},
    {"replace", m_replace},
    {"startswith", m_startswith},
    {"endswith", m_endswith},
    {"partition", m_partition},
    {"rpartition", m_rpartition},
    {"center", m_center},
    {"ljust", m_ljust},
    {"rjust", m_rjust},
    {"zfill", m_zfill},
    {"expandtabs", m_expandtabs},
    {"removeprefix", m_removeprefix},
    {"removesuffix", m_removesuffix},
    {"upper", m_convert<k_upper, text::bytes::upper>},
    {"lower", m_convert<k_lower, text::bytes::lower>},
    {"title", m_convert<k_title, text::bytes::title>},
    {"capitalize", m_convert<k_capitalize, text::bytes::capitalize>},
    {"swapcase", m_convert<k_swapcase, text::bytes::swapcase>},
    {"isalpha", m_predicate<k_isalpha, text::bytes::isalpha>},
    {"isdigit", m_predicate<k_isdigit, text::bytes::isdigit>},
    {"isspace", m_predicate<k_isspace, text::bytes::isspace>},
    {"isalnum", m_predicate<k_isalnum, text::bytes::isalnum>},
    {"isupper", m_predicate<k_isupper, text::bytes::isupper>},
    {"islower", m_predicate<k_islower, text::bytes::islower>},
    {"istitle", m_predicate<k_istitle, text::bytes::istitle>},
    {"isascii", m_predicate<k_isascii, text::bytes::isascii>},
    {"translate", m_translate},
    {"maketrans", m_maketrans, kMethodStatic},
    {"hex", m_hex},
    {"fromhex", m_fromhex, kMethodClass},
    {"__bytes__", m_bytes},
    {"__getnewargs__", m_getnewargs},
};

}  // namespace

void init_bytes_methods(ThreadState& ts) { add_methods(ts, bytes_type, bytes_methods); }

// bytearray's share of the table: everything but __bytes__ and __getnewargs__ (the last two rows), which only
// immutable bytes has.
void add_bytes_methods(ThreadState& ts, Type& type) {
  add_methods(ts, type, std::span<const MethodDef>(bytes_methods, std::size(bytes_methods) - 2));
}

}  // namespace minipy
