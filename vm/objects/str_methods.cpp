// The methods of str: argument handling around the pure text engine (vm/text/), which does the actual work.
#include <algorithm>

#include "vm/objects/codecs.h"
#include "vm/objects/sequence.h"
#include "vm/objects/text_args.h"
#include "vm/objects/type_init.h"
#include "vm/runtime.h"
#include "vm/text/str_methods.h"
#include "vm/text/unicode.h"

namespace minipy {

namespace {

#define STR_METHOD(name) Value name(ThreadState& ts, Value self, std::span<const Value> args, TupleObject* kwnames)

std::string_view sv(Value self) { return as_str(self)->view(); }

// A method whose result equals its exact-str receiver returns the receiver itself, as CPython does ("abc".strip() is
// "abc"); a subclass instance always yields a new exact str.
Value new_str(ThreadState& ts, std::string_view s, Value self) {
  if (s.size() == static_cast<size_t>(as_str(self)->size) && type_of(self) == &str_type) return self;
  // A part of ASCII text is ASCII, one code point per byte: no second scan to count them.
  if (as_str(self)->is_ascii()) return Value(make_str_known(ts, s, static_cast<int64_t>(s.size()), true));
  return Value(make_str(ts, s));
}

// The same for a result computed anew (replace, zfill, expandtabs), which may equal the receiver without being a slice
// of it.
Value new_or_same_str(ThreadState& ts, std::string_view s, Value self) {
  if (type_of(self) == &str_type && s == as_str(self)->view()) return self;
  return Value(make_str(ts, s));
}

// A view of all of an exact-str receiver (split or partition finding no separator) is the receiver itself, as in
// CPython; other views become new strs.
Value str_of_view(ThreadState& ts, std::string_view part, Value self) {
  std::string_view whole = as_str(self)->view();
  if (part.data() == whole.data() && part.size() == whole.size() && type_of(self) == &str_type) return self;
  return Value(make_str(ts, part));
}

// The views point into the receiver's data, which stays alive because `self` is still on the native stack (a
// conservative root) while the strs are made.
Value list_of_views(ThreadState& ts, const std::vector<std::string_view>& parts, Value self) {
  ListObject* l = make_list(ts, static_cast<int64_t>(parts.size()));
  for (size_t i = 0; i < parts.size(); i++) l->items[i] = str_of_view(ts, parts[i], self);
  return Value(l);
}

// An optional str argument (None means absent); false with TypeError otherwise.
// strip(chars=None): the message names the method, e.g. "strip arg must be None or str", as unicodeobject.c's
// do_argstrip.
bool opt_str(ThreadState& ts, Value v, std::optional<std::string_view>* out, const char* what) {
  if (!v || is_none(v)) {
    *out = std::nullopt;
    return true;
  }
  if (!is_str(v)) {
    raise_fmt(ts, TypeError_type, "{} arg must be None or str", what);
    return false;
  }
  *out = as_str(v)->view();
  return true;
}

bool str_arg(ThreadState& ts, Value v, std::string_view* out, const char* fn, int position = 1) {
  if (!is_str(v)) {
    raise_fmt(ts, TypeError_type, "{}() argument {} must be str, not {}", fn, position, type_name(v));
    return false;
  }
  *out = as_str(v)->view();
  return true;
}

// start/end slice arguments of find-like methods (None allowed).
bool opt_index(ThreadState& ts, std::span<const Value> args, size_t i, text::OptIndex* out) {
  if (i >= args.size() || is_none(args[i])) return true;
  int64_t v;
  if (!clamped_slice_index(ts, args[i], &v, true)) return false;
  *out = v;
  return true;
}

}  // namespace

// Shared with bytes.split: sep and maxsplit may be given by keyword (argument clinic), sep=None means whitespace.
bool split_args(ThreadState& ts, std::span<const Value> args, TupleObject* kwnames, bool right, Value* sep,
                int64_t* maxsplit) {
  size_t n = positional_count(args, kwnames);
  if (n > 2) {
    raise_fmt(ts, TypeError_type, "{} expected at most 2 arguments, got {}", right ? "rsplit" : "split", n);
    return false;
  }
  *sep = n > 0 ? args[0] : keyword_arg(ts, args, kwnames, "sep");
  if (*sep && is_none(*sep)) *sep = Value();
  Value max_v = n > 1 ? args[1] : keyword_arg(ts, args, kwnames, "maxsplit");
  *maxsplit = -1;
  return !max_v || index_to_int64(ts, max_v, maxsplit);
}

bool keepends_arg(ThreadState& ts, std::span<const Value> args, TupleObject* kwnames, int* keep) {
  Value v = positional_count(args, kwnames) > 0 ? args[0] : keyword_arg(ts, args, kwnames, "keepends");
  *keep = 0;
  return !v || (*keep = py_truth(ts, v)) >= 0;
}

// join needs every item twice (sizing, copying), so a non-list/tuple iterable is first collected into a list kept in
// `storage`; a TypeError from iterating becomes join's own message.
bool join_items(ThreadState& ts, Value iterable, std::span<Value>* items, Value* storage) {
  if (sequence_items(ts, iterable, items, storage)) return true;
  if (exception_matches(ts.current_exception, &TypeError_type)) {
    ts.current_exception = Value();
    raise(ts, TypeError_type, "can only join an iterable");
  }
  return false;
}

namespace {

// str.split() of an ASCII str, the common case (word counting): the words go straight from the text into a
// list sized by a first counting pass, with no vector of views in between (for a large text that vector is as
// big as the list and the strs together, and it set the peak memory).
Value split_ascii_whitespace(ThreadState& ts, StrObject* self) {
  std::string_view s = self->view();
  auto space = [](char c) { return text::is_space(static_cast<unsigned char>(c)); };
  int64_t words = 0;
  for (size_t pos = 0; pos < s.size();) {
    while (pos < s.size() && space(s[pos])) pos++;
    if (pos == s.size()) break;
    words++;
    while (pos < s.size() && !space(s[pos])) pos++;
  }
  ListObject* list = make_list(ts, words);
  int64_t filled = 0;
  for (size_t pos = 0; filled < words;) {
    while (space(s[pos])) pos++;
    size_t start = pos;
    while (pos < s.size() && !space(s[pos])) pos++;
    if (pos - start == s.size() && self->type == &str_type) list->items[filled++] = Value(self);  // no whitespace
    else list->items[filled++] = Value(make_str_known(ts, s.substr(start, pos - start), static_cast<int64_t>(pos - start), true));
  }
  return Value(list);
}

Value split_impl(ThreadState& ts, Value self, std::span<const Value> args, TupleObject* kwnames, bool right) {
  Value sep_v;
  int64_t maxsplit;
  if (!split_args(ts, args, kwnames, right, &sep_v, &maxsplit)) return Value();
  std::optional<std::string_view> sep;
  if (sep_v) {
    if (!is_str(sep_v)) return raise_fmt(ts, TypeError_type, "must be str or None, not {}", type_name(sep_v));
    sep = as_str(sep_v)->view();
  }
  // A non-ASCII str needs Unicode whitespace rules (U+3000, U+2028, ...), which the general path applies.
  if (!sep && maxsplit < 0 && !right && as_str(self)->is_ascii()) return split_ascii_whitespace(ts, as_str(self));
  auto r = right ? text::rsplit(sv(self), sep, maxsplit) : text::split(sv(self), sep, maxsplit);
  if (!r.ok()) return raise_text_error(ts, r.error());
  return list_of_views(ts, r.value(), self);
}
STR_METHOD(m_split) { return split_impl(ts, self, args, kwnames, false); }
STR_METHOD(m_rsplit) { return split_impl(ts, self, args, kwnames, true); }
STR_METHOD(m_splitlines) {
  int k;
  if (!keepends_arg(ts, args, kwnames, &k)) return Value();
  return list_of_views(ts, text::splitlines(sv(self), k), self);
}
// The join of items whose total is at most one byte, through make_str_known (which returns the shared empty and
// one-character strs, as CPython does).
Value join_tiny(ThreadState& ts, StrObject* sep, std::span<Value> items) {
  std::string out;
  for (size_t i = 0; i < items.size(); i++) {
    if (i > 0) out += sep->view();
    out += as_str(items[i])->view();
  }
  return Value(make_str_known(ts, out, static_cast<int64_t>(out.size()), true));
}

STR_METHOD(m_join) {
  if (!check_arg_count(ts, "join", positional_count(args, kwnames), 1, 1)) return Value();
  std::span<Value> items;
  Value storage;
  if (!join_items(ts, args[0], &items, &storage)) return Value();
  // One pass to check the items and size the result, one to copy them into it: no intermediate buffers.
  StrObject* sep = as_str(self);
  bool ascii = sep->is_ascii();
  int64_t length = 0;
  size_t bytes = 0;
  for (size_t i = 0; i < items.size(); i++) {
    if (!is_str(items[i]))
      return raise_fmt(ts, TypeError_type, "sequence item {}: expected str instance, {} found", i, type_name(items[i]));
    StrObject* item = as_str(items[i]);
    ascii &= item->is_ascii();
    length += item->length;
    bytes += static_cast<size_t>(item->size);
  }
  if (items.size() == 1 && type_of(items[0]) == &str_type) return items[0];
  if (!items.empty()) {
    length += sep->length * static_cast<int64_t>(items.size() - 1);
    bytes += static_cast<size_t>(sep->size) * (items.size() - 1);
  }
  // A result of at most one byte must be the shared singleton; make_str_uninitialized would give a fresh object.
  if (bytes <= 1) return join_tiny(ts, sep, items);  // "" and one-character results are shared objects
  // The items stay reachable through `storage` or the argument while the result is allocated.
  StrObject* out = make_str_uninitialized(ts, bytes, length, ascii);
  char* p = out->data;
  for (size_t i = 0; i < items.size(); i++) {
    if (i > 0 && sep->size) p = static_cast<char*>(std::memcpy(p, sep->data, static_cast<size_t>(sep->size))) + sep->size;
    StrObject* item = as_str(items[i]);
    if (item->size) p = static_cast<char*>(std::memcpy(p, item->data, static_cast<size_t>(item->size))) + item->size;
  }
  return Value(out);
}

Value strip_impl(ThreadState& ts, Value self, std::span<const Value> args, TupleObject* kwnames, int which) {
  const char* names[3] = {"strip", "lstrip", "rstrip"};
  if (!no_keywords(ts, names[which], kwnames) ||
      !check_arg_count(ts, names[which], args.size(), 0, 1))
    return Value();
  std::optional<std::string_view> chars;
  if (!args.empty() && !opt_str(ts, args[0], &chars, names[which])) return Value();
  if (!chars && as_str(self)->is_ascii()) {
    // Whitespace around ASCII text: a byte is a character (word counting strips every word).
    std::string_view t = sv(self);
    auto space = [](char c) { return text::is_space(static_cast<unsigned char>(c)); };
    size_t begin = 0, end = t.size();
    if (which != 2)
      while (begin < end && space(t[begin])) begin++;
    if (which != 1)
      while (end > begin && space(t[end - 1])) end--;
    return new_str(ts, t.substr(begin, end - begin), self);
  }
  std::string_view r = which == 0 ? text::strip(sv(self), chars) : which == 1 ? text::lstrip(sv(self), chars)
                                                                              : text::rstrip(sv(self), chars);
  return new_str(ts, r, self);
}
STR_METHOD(m_strip) { return strip_impl(ts, self, args, kwnames, 0); }
STR_METHOD(m_lstrip) { return strip_impl(ts, self, args, kwnames, 1); }
STR_METHOD(m_rstrip) { return strip_impl(ts, self, args, kwnames, 2); }

// find, rfind, index, rindex, count
// start/end are code-point indices, clamped like slice bounds (and given as None or via __index__); the text engine
// converts them to byte offsets.
Value search_impl(ThreadState& ts, Value self, std::span<const Value> args, TupleObject* kwnames, int which) {
  const char* names[5] = {"find", "rfind", "index", "rindex", "count"};
  if (!no_keywords(ts, names[which], kwnames) || !check_arg_count(ts, names[which], args.size(), 1, 3)) return Value();
  if (!is_str(args[0]))
    return raise_fmt(ts, TypeError_type, "must be str, not {}", type_name(args[0]));
  std::string_view sub = as_str(args[0])->view();
  text::OptIndex start, end;
  if (!opt_index(ts, args, 1, &start) || !opt_index(ts, args, 2, &end)) return Value();
  switch (which) {
    case 0: return make_int(ts, text::find(sv(self), sub, start, end));
    case 1: return make_int(ts, text::rfind(sv(self), sub, start, end));
    case 4: return make_int(ts, text::count(sv(self), sub, start, end));
    default: {
      auto r = which == 2 ? text::index(sv(self), sub, start, end) : text::rindex(sv(self), sub, start, end);
      if (!r.ok()) return raise_text_error(ts, r.error());
      return make_int(ts, r.value());
    }
  }
}
STR_METHOD(m_find) { return search_impl(ts, self, args, kwnames, 0); }
STR_METHOD(m_rfind) { return search_impl(ts, self, args, kwnames, 1); }
STR_METHOD(m_index) { return search_impl(ts, self, args, kwnames, 2); }
STR_METHOD(m_rindex) { return search_impl(ts, self, args, kwnames, 3); }
STR_METHOD(m_count) { return search_impl(ts, self, args, kwnames, 4); }

STR_METHOD(m_replace) {
  if (!check_positional_args(ts, "replace", args, kwnames, 2, 3)) return Value();
  std::string_view old_part, new_part;
  if (!str_arg(ts, args[0], &old_part, "replace", 1) || !str_arg(ts, args[1], &new_part, "replace", 2)) return Value();
  int64_t count = -1;
  if (args.size() > 2 && !index_to_int64(ts, args[2], &count)) return Value();
  // Nothing replaced (or a replacement by the same text) returns an exact-str receiver itself.
  return new_or_same_str(ts, text::replace(sv(self), old_part, new_part, count), self);
}

bool str_affix_arg(ThreadState& ts, Value v, const char* name, bool in_tuple, std::string_view* out) {
  if (!is_str(v)) {
    if (in_tuple) raise_fmt(ts, TypeError_type, "tuple for {} must only contain str, not {}", name, type_name(v));
    else raise_fmt(ts, TypeError_type, "{} first arg must be str or a tuple of str, not {}", name, type_name(v));
    return false;
  }
  *out = as_str(v)->view();
  return true;
}
STR_METHOD(m_startswith) { return affix_method(ts, sv(self), args, kwnames, false, str_affix_arg); }
STR_METHOD(m_endswith) { return affix_method(ts, sv(self), args, kwnames, true, str_affix_arg); }

Value partition_impl(ThreadState& ts, Value self, std::span<const Value> args, TupleObject* kwnames, bool right) {
  const char* name = right ? "rpartition" : "partition";
  if (!no_keywords(ts, name, kwnames) || !check_arg_count(ts, name, args.size(), 1, 1)) return Value();
  if (!is_str(args[0])) return raise_fmt(ts, TypeError_type, "must be str, not {}", type_name(args[0]));
  auto r = right ? text::rpartition(sv(self), as_str(args[0])->view()) : text::partition(sv(self), as_str(args[0])->view());
  if (!r.ok()) return raise_text_error(ts, r.error());
  // CPython's partition hands back its operands: the receiver itself (a subclass instance too) when the separator is
  // absent, the separator object as given when it is found.
  Value items[3] = {Value(make_str(ts, r.value()[0])), Value(make_str(ts, r.value()[1])),
                    Value(make_str(ts, r.value()[2]))};
  if (r.value()[1].empty()) items[right ? 2 : 0] = self;
  else items[1] = args[0];
  return Value(minipy::make_tuple(ts, items));
}
STR_METHOD(m_partition) { return partition_impl(ts, self, args, kwnames, false); }
STR_METHOD(m_rpartition) { return partition_impl(ts, self, args, kwnames, true); }

Value justify_impl(ThreadState& ts, Value self, std::span<const Value> args, TupleObject* kwnames, int which) {
  const char* names[3] = {"center", "ljust", "rjust"};
  if (!no_keywords(ts, names[which], kwnames) || !check_arg_count(ts, names[which], args.size(), 1, 2)) return Value();
  int64_t width;
  if (!index_to_int64(ts, args[0], &width)) return Value();
  char32_t fill = ' ';
  if (args.size() > 1) {
    if (!is_str(args[1]))
      return raise_fmt(ts, TypeError_type, "The fill character must be a unicode character, not {}",
                       type_name(args[1]));
    if (as_str(args[1])->length != 1)
      return raise(ts, TypeError_type, "The fill character must be exactly one character long");
    size_t pos = 0;
    fill = text::next_code_point(as_str(args[1])->view(), &pos);
  }
  // Widths are counted in code points, and a str already wide enough is returned unchanged.
  if (width <= as_str(self)->length) return type_of(self) == &str_type ? self : Value(make_str(ts, sv(self)));
  std::string r = which == 0 ? text::center(sv(self), width, fill) : which == 1 ? text::ljust(sv(self), width, fill)
                                                                                : text::rjust(sv(self), width, fill);
  return Value(make_str(ts, r));
}
STR_METHOD(m_center) { return justify_impl(ts, self, args, kwnames, 0); }
STR_METHOD(m_ljust) { return justify_impl(ts, self, args, kwnames, 1); }
STR_METHOD(m_rjust) { return justify_impl(ts, self, args, kwnames, 2); }
STR_METHOD(m_zfill) {
  if (!check_arg_count(ts, "zfill", positional_count(args, kwnames), 1, 1)) return Value();
  int64_t width;
  if (!index_to_int64(ts, args[0], &width)) return Value();
  return new_or_same_str(ts, text::zfill(sv(self), width), self);
}
STR_METHOD(m_expandtabs) {
  size_t n = positional_count(args, kwnames);
  Value t = n > 0 ? args[0] : keyword_arg(ts, args, kwnames, "tabsize");
  int64_t tabsize = 8;
  if (t && !index_to_int64(ts, t, &tabsize, "Python int too large to convert to C int")) return Value();
  // A negative tab size is allowed and acts as 0, as in CPython.
  if (tabsize > INT32_MAX || tabsize < INT32_MIN)  // CPython's tabsize is a C int
    return raise(ts, OverflowError_type, "Python int too large to convert to C int");
  return new_or_same_str(ts, text::expandtabs(sv(self), tabsize), self);
}

// Case mappings use the full Unicode special casing (ß.upper() is "SS", final sigma in lower()), done by
// vm/text/str_case.cpp from the generated Unicode tables.
#define CASE_METHOD(fn, impl)                                                   \
  STR_METHOD(fn) {                                                              \
    if (!check_arg_count(ts, #impl, positional_count(args, kwnames), 0, 0)) return Value(); \
    return Value(make_str(ts, text::impl(sv(self))));                           \
  }
// upper() and lower() of ASCII text map byte by byte straight into the new str (no std::string in between, no
// recount of the code points); results of at most one byte are the shared strs make_str_known returns.
#define ASCII_CASE_METHOD(fn, impl, needs_change)                                                       \
  STR_METHOD(fn) {                                                                                      \
    if (!check_arg_count(ts, #impl, positional_count(args, kwnames), 0, 0)) return Value();             \
    StrObject* src = as_str(self);                                                                      \
    if (!src->is_ascii() || src->size < 2) return Value(make_str(ts, text::impl(sv(self))));           \
    StrObject* out = make_str_uninitialized(ts, static_cast<size_t>(src->size), src->size, true);      \
    for (int64_t i = 0; i < src->size; i++) {                                                           \
      char c = src->data[i];                                                                            \
      out->data[i] = needs_change(c) ? static_cast<char>(c ^ 0x20) : c;                                 \
    }                                                                                                   \
    return Value(out);                                                                                  \
  }
bool ascii_lower_letter(char c) { return c >= 'a' && c <= 'z'; }
bool ascii_upper_letter(char c) { return c >= 'A' && c <= 'Z'; }
ASCII_CASE_METHOD(m_upper, upper, ascii_lower_letter)
ASCII_CASE_METHOD(m_lower, lower, ascii_upper_letter)
CASE_METHOD(m_casefold, casefold)
CASE_METHOD(m_title, title)
CASE_METHOD(m_capitalize, capitalize)
CASE_METHOD(m_swapcase, swapcase)

#define PREDICATE(fn, impl)                                                     \
  STR_METHOD(fn) {                                                              \
    if (!check_arg_count(ts, #impl, positional_count(args, kwnames), 0, 0)) return Value(); \
    return Bool(text::impl(sv(self)));                                          \
  }
PREDICATE(m_isalpha, isalpha)
PREDICATE(m_isdigit, isdigit)
PREDICATE(m_isdecimal, isdecimal)
PREDICATE(m_isnumeric, isnumeric)
PREDICATE(m_isspace, isspace)
PREDICATE(m_isalnum, isalnum)
PREDICATE(m_isupper, isupper)
PREDICATE(m_islower, islower)
PREDICATE(m_istitle, istitle)
PREDICATE(m_isidentifier, isidentifier)
PREDICATE(m_isprintable, isprintable)
PREDICATE(m_isascii, isascii)

// encode(encoding='utf-8', errors='strict')
STR_METHOD(m_encode) {
  std::string_view parts[2] = {"utf-8", "strict"};
  if (!codec_args(ts, "encode", args, kwnames, parts)) return Value();
  return encode_str(ts, sv(self), parts[0], parts[1]);
}
// PEP 616: an empty prefix or suffix leaves the str unchanged (and returns it when it is an exact str).
STR_METHOD(m_removeprefix) {
  if (!check_arg_count(ts, "removeprefix", positional_count(args, kwnames), 1, 1)) return Value();
  std::string_view p;
  if (!str_arg(ts, args[0], &p, "removeprefix")) return Value();
  std::string_view s = sv(self);
  if (s.substr(0, p.size()) == p) return new_str(ts, s.substr(p.size()), self);
  return new_str(ts, s, self);
}
STR_METHOD(m_removesuffix) {
  if (!check_arg_count(ts, "removesuffix", positional_count(args, kwnames), 1, 1)) return Value();
  std::string_view p;
  if (!str_arg(ts, args[0], &p, "removesuffix")) return Value();
  std::string_view s = sv(self);
  if (!p.empty() && s.size() >= p.size() && s.substr(s.size() - p.size()) == p)
    return new_str(ts, s.substr(0, s.size() - p.size()), self);
  return new_str(ts, s, self);
}

// str.maketrans(x[, y[, z]]): the dict of ordinals str.translate takes.
// The one-argument form converts 1-character str keys to ordinals; values are passed through unchecked, since
// translate() validates them when it meets them.
STR_METHOD(m_maketrans) {
  (void)self;
  if (!check_positional_args(ts, "maketrans", args, kwnames, 1, 3)) return Value();
  DictObject* table = make_dict(ts);
  if (args.size() == 1) {
    if (!is_dict(args[0]))
      return raise(ts, TypeError_type, "if you give only one argument to maketrans it must be a dict");
    Value key, value;
    for (int64_t pos = 0; dict_next(static_cast<DictObject*>(args[0].as_object()), &pos, &key, &value);) {
      if (is_str(key)) {
        if (as_str(key)->length != 1)
          return raise(ts, ValueError_type, "string keys in translate table must be of length 1");
        size_t at = 0;
        key = make_int(ts, text::next_code_point(as_str(key)->view(), &at));
      } else if (!is_int(key)) {
        return raise(ts, TypeError_type, "keys in translate table must be strings or integers");
      }
      if (!dict_set(ts, table, key, value)) return Value();
    }
    return Value(table);
  }
  if (!is_str(args[0]))
    return raise(ts, TypeError_type, "first maketrans argument must be a string if there is a second argument");
  if (!is_str(args[1]))
    return raise_fmt(ts, TypeError_type, "maketrans() argument 2 must be str, not {}", type_name(args[1]));
  if (as_str(args[0])->length != as_str(args[1])->length)
    return raise(ts, ValueError_type, "the first two maketrans arguments must have equal length");
  std::string_view from = sv(args[0]), to = sv(args[1]);
  for (size_t i = 0, j = 0; i < from.size();) {
    Value key = make_int(ts, text::next_code_point(from, &i));
    Value value = make_int(ts, text::next_code_point(to, &j));
    if (!dict_set(ts, table, key, value)) return Value();
  }
  if (args.size() == 3) {
    if (!is_str(args[2]))
      return raise_fmt(ts, TypeError_type, "maketrans() argument 3 must be str, not {}", type_name(args[2]));
    std::string_view drop = sv(args[2]);
    for (size_t i = 0; i < drop.size();)
      if (!dict_set(ts, table, make_int(ts, text::next_code_point(drop, &i)), None())) return Value();
  }
  return Value(table);
}

// One table lookup of str.translate (CPython's charmaptranslate_lookup): table[c] checked for its type. kKeep is a
// LookupError (the character stays), kDelete is None; kMapped leaves the int or str in *mapped.
enum class TranslateLookup { kError, kKeep, kDelete, kMapped };
TranslateLookup translate_lookup(ThreadState& ts, Value table, char32_t c, Value* mapped) {
  *mapped = get_item(ts, table, make_int(ts, c));
  if (!*mapped) {
    if (!exception_matches(ts.current_exception, &LookupError_type)) return TranslateLookup::kError;
    ts.current_exception = Value();
    return TranslateLookup::kKeep;
  }
  if (is_none(*mapped)) return TranslateLookup::kDelete;
  if (is_int(*mapped)) {
    int64_t cp;
    if (!int_to_int64(*mapped, &cp) || cp < 0 || cp > 0x10FFFF)
      return raise(ts, ValueError_type, "character mapping must be in range(0x110000)"), TranslateLookup::kError;
    return TranslateLookup::kMapped;
  }
  if (is_str(*mapped)) return TranslateLookup::kMapped;
  raise(ts, TypeError_type, "character mapping must return integer, None or str");
  return TranslateLookup::kError;
}

// The code point an ASCII-only mapping result stands for, or -1 when it is longer or not ASCII.
int ascii_result(Value mapped) {
  int64_t cp = -1;
  if (is_int(mapped)) int_to_int64(mapped, &cp);
  else if (as_str(mapped)->length == 1) cp = static_cast<unsigned char>(as_str(mapped)->view()[0]);
  return cp >= 0 && cp < 128 ? static_cast<int>(cp) : -1;
}

// str.translate(table): table[ord(c)] is a str, an ordinal or None (delete); a LookupError keeps c. Any mapping works.
// How often the table is asked is observable (a __getitem__ with side effects), so this follows
// _PyUnicode_TranslateCharmap's two phases: an ASCII receiver first goes through a per-call cache of ASCII results
// (each ASCII character asked once) until a result is not one ASCII character; from there every character is
// asked, and after a deleted character the following ones are asked while they are deleted too, the first that
// is not being asked again when its turn comes.
STR_METHOD(m_translate) {
  if (!check_positional_args(ts, "translate", args, kwnames, 1, 1)) return Value();
  Value table = args[0];
  std::string_view s = sv(self);
  std::string out;
  size_t pos = 0;
  Value mapped;
  if (as_str(self)->is_ascii()) {
    constexpr int kUnknown = -1, kDeleted = -2;
    int cache[128];
    std::fill(std::begin(cache), std::end(cache), kUnknown);
    for (; pos < s.size(); pos++) {
      unsigned char c = static_cast<unsigned char>(s[pos]);
      if (cache[c] == kUnknown) {
        TranslateLookup r = translate_lookup(ts, table, c, &mapped);
        if (r == TranslateLookup::kError) return Value();
        if (r == TranslateLookup::kKeep) cache[c] = c;
        else if (r == TranslateLookup::kDelete) cache[c] = kDeleted;
        else if (int a = ascii_result(mapped); a >= 0) cache[c] = a;
        else break;  // the rest goes the general way, starting with this character (asked again)
      }
      if (cache[c] != kDeleted) out += static_cast<char>(cache[c]);
    }
  }
  while (pos < s.size()) {
    size_t at = pos;
    char32_t c = text::next_code_point(s, &pos);
    TranslateLookup r = translate_lookup(ts, table, c, &mapped);
    if (r == TranslateLookup::kError) return Value();
    if (r == TranslateLookup::kKeep) {
      out += s.substr(at, pos - at);
    } else if (r == TranslateLookup::kMapped) {
      if (is_str(mapped)) out += as_str(mapped)->view();
      else if (int64_t cp; int_to_int64(mapped, &cp)) text::append_utf8(out, static_cast<char32_t>(cp));
    } else {
      // A run of deleted characters: look ahead while they map to None.
      while (pos < s.size()) {
        size_t next = pos;
        char32_t d = text::next_code_point(s, &next);
        TranslateLookup look = translate_lookup(ts, table, d, &mapped);
        if (look == TranslateLookup::kError) return Value();
        if (look != TranslateLookup::kDelete) break;
        pos = next;
      }
    }
  }
  return Value(make_str(ts, out));  // always a new str, even when nothing changed
}

// str.__str__: the string itself (an exact copy for a subclass), not object.__str__'s repr.
STR_METHOD(m_dunder_str) {
  if (!check_positional_args(ts, "__str__", args, kwnames, 0, 0)) return Value();
  return str_type.str(ts, self);
}

const MethodDef str_methods[] = {
    {"__str__", m_dunder_str},
    {"maketrans", m_maketrans, kMethodStatic}, {"translate", m_translate},
    {"split", m_split},           {"rsplit", m_rsplit},         {"splitlines", m_splitlines},
    {"join", m_join},             {"strip", m_strip},           {"lstrip", m_lstrip},
    {"rstrip", m_rstrip},         {"find", m_find},             {"rfind", m_rfind},
    {"index", m_index},           {"rindex", m_rindex},         {"count", m_count},
    {"replace", m_replace},       {"startswith", m_startswith}, {"endswith", m_endswith},
    {"partition", m_partition},   {"rpartition", m_rpartition}, {"center", m_center},
    {"ljust", m_ljust},           {"rjust", m_rjust},           {"zfill", m_zfill},
    {"expandtabs", m_expandtabs}, {"upper", m_upper},           {"lower", m_lower},
    {"casefold", m_casefold},     {"title", m_title},           {"capitalize", m_capitalize},
    {"swapcase", m_swapcase},     {"isalpha", m_isalpha},       {"isdigit", m_isdigit},
    {"isdecimal", m_isdecimal},   {"isnumeric", m_isnumeric},   {"isspace", m_isspace},
    {"isalnum", m_isalnum},       {"isupper", m_isupper},       {"islower", m_islower},
    {"istitle", m_istitle},       {"isidentifier", m_isidentifier}, {"isprintable", m_isprintable},
    {"isascii", m_isascii},       {"encode", m_encode},         {"removeprefix", m_removeprefix},
    {"removesuffix", m_removesuffix},
};

}  // namespace

// The start/end argument args[i] of a find-like method (absent or None: nullopt); bytes' methods share it.
bool text_bound_arg(ThreadState& ts, std::span<const Value> args, size_t i, text::OptIndex* out) {
  return opt_index(ts, args, i, out);
}

// startswith/endswith for str and bytes (`affix_arg` checks the affix type and words its TypeError); the bounds behave
// as slicing subject[start:end] before testing.
Value affix_method(ThreadState& ts, text::StrRef subject, std::span<const Value> args, TupleObject* kwnames,
                   bool ends, AffixArg affix_arg) {
  const char* name = ends ? "endswith" : "startswith";
  if (!no_keywords(ts, name, kwnames) || !check_arg_count(ts, name, args.size(), 1, 3)) return Value();
  text::OptIndex start, end;
  if (!opt_index(ts, args, 1, &start) || !opt_index(ts, args, 2, &end)) return Value();
  auto test = [&](std::string_view affix) {
    return ends ? text::endswith(subject, affix, start, end) : text::startswith(subject, affix, start, end);
  };
  std::string_view affix;
  if (is_tuple(args[0])) {
    // Any affix of the tuple will do; an item of the wrong type raises only when the loop reaches it.
    for (Value v : static_cast<TupleObject*>(args[0].as_object())->span()) {
      if (!affix_arg(ts, v, name, true, &affix)) return Value();
      if (test(affix)) return True();
    }
    return False();
  }
  if (!affix_arg(ts, args[0], name, false, &affix)) return Value();
  return Bool(test(affix));
}

Value py_ascii(ThreadState& ts, Value v) {
  Value r = py_repr(ts, v);
  if (!r) return r;
  // ascii() is repr() with its non-ASCII code points escaped (the repr is already quoted and escaped).
  std::string_view text = as_str(r)->view();
  std::string out;
  for (size_t pos = 0; pos < text.size();) {
    char32_t cp = text::next_code_point(text, &pos);
    if (cp < 0x80) out += static_cast<char>(cp);
    else if (cp < 0x100) out += fmt::format("\\x{:02x}", static_cast<uint32_t>(cp));
    else if (cp < 0x10000) out += fmt::format("\\u{:04x}", static_cast<uint32_t>(cp));
    else out += fmt::format("\\U{:08x}", static_cast<uint32_t>(cp));
  }
  return Value(make_str(ts, out));
}

void init_str_methods(ThreadState& ts) {
  add_methods(ts, str_type, str_methods);
  init_str_format(ts);
}

}  // namespace minipy
