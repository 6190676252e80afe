// The searching and splitting str methods: find/count/replace/split/strip/partition and friends.
//
// Strings are searched as UTF-8 bytes and the byte offsets turned into code point indexes only at the end.
// That is exact because UTF-8 is self-synchronising: a valid needle can match only at a character boundary,
// never inside a multi-byte sequence (minipy's lone surrogates are three-byte sequences too). The templates
// over an element type E serve str (code points, Unicode whitespace and line breaks) and bytes (single bytes,
// ASCII whitespace), so both get CPython's split/strip rules from one implementation.
#include <algorithm>

#include "vm/text/bytes_methods.h"
#include "vm/text/elements.h"
#include "vm/text/str_methods.h"
#include "vm/text/unicode.h"

namespace minipy::text {
namespace {

// s[start:end] after CPython's ADJUST_INDICES, in code points and bytes. When start > end nothing can match,
// not even the empty string; callers test begin_index > end_index.
struct Window {
  int64_t begin_index = 0, end_index = 0;
  size_t begin_byte = 0, end_byte = 0;
  bool ascii = true;
  std::string_view view(std::string_view s) const { return s.substr(begin_byte, end_byte - begin_byte); }
};

// `exact_end` asks for the true end index (the empty string's matches depend on it). Without it, non-ASCII
// text with non-negative bounds is only walked as far as the bounds reach, not measured to its end, so a
// search that hits early stays cheap; end_index may then exceed the length.
Window make_window(StrRef ref, OptIndex start, OptIndex end, bool exact_end) {
  std::string_view s = ref.bytes;
  Window w;
  w.ascii = ref.ascii;
  bool negative = (start && *start < 0) || (end && *end < 0);
  if (!ref.ascii && !exact_end && !negative) {
    w.begin_index = start.value_or(0);
    w.end_index = end.value_or(INT64_MAX);
    if (w.begin_index > w.end_index) return w;
    w.begin_byte = byte_offset_of_index(s, static_cast<size_t>(w.begin_index));
    w.end_byte = end ? w.begin_byte + byte_offset_of_index(s.substr(w.begin_byte),
                                                           static_cast<size_t>(w.end_index - w.begin_index))
                     : s.size();
    return w;
  }
  auto len = static_cast<int64_t>(ref.length());
  int64_t b = start.value_or(0), e = end.value_or(len);
  if (e > len) {
    e = len;
  } else if (e < 0) {
    e = std::max<int64_t>(e + len, 0);
  }
  if (b < 0) b = std::max<int64_t>(b + len, 0);
  w.begin_index = b;
  w.end_index = e;
  if (b > e) return w;
  if (w.ascii) {
    w.begin_byte = static_cast<size_t>(std::min(b, len));
    w.end_byte = static_cast<size_t>(e);
  } else {
    w.begin_byte = byte_offset_of_index(s, static_cast<size_t>(b));
    w.end_byte = w.begin_byte + byte_offset_of_index(s.substr(w.begin_byte), static_cast<size_t>(e - b));
  }
  return w;
}

// The code point index of byte `offset` of s, where the window's bytes start at its begin index.
int64_t index_in_window(std::string_view s, const Window& w, size_t offset) {
  if (w.ascii) return static_cast<int64_t>(offset);
  return w.begin_index +
         static_cast<int64_t>(code_point_count(s.substr(w.begin_byte, offset - w.begin_byte)));
}

template <class E>
bool is_whitespace_at(std::string_view s, size_t pos, size_t* next) {
  *next = pos;
  return E::classes(E::next(s, next)) & kClassSpace;
}

// A set of elements for strip(chars), with a direct table for Latin-1 (every byte).
template <class E>
class CharSet {
 public:
  explicit CharSet(std::string_view chars) {
    for (size_t pos = 0; pos < chars.size();) {
      char32_t c = E::next(chars, &pos);
      if (c < 256) {
        small_[c] = true;
      } else {
        large_.push_back(c);
      }
    }
  }
  bool contains(char32_t c) const {
    return c < 256 ? small_[c] : std::find(large_.begin(), large_.end(), c) != large_.end();
  }

 private:
  std::array<bool, 256> small_{};
  std::vector<char32_t> large_;
};

template <class E>
// With chars=None the element type's whitespace is stripped; otherwise any element in `chars`.
std::string_view strip_sides(std::string_view s, std::optional<std::string_view> chars, bool left, bool right) {
  std::optional<CharSet<E>> set;
  if (chars) set.emplace(*chars);
  auto strippable = [&](char32_t c) { return set ? set->contains(c) : (E::classes(c) & kClassSpace) != 0; };
  size_t begin = 0, end = s.size();
  if (left) {
    while (begin < end) {
      size_t next = begin;
      if (!strippable(E::next(s, &next))) break;
      begin = next;
    }
  }
  if (right) {
    while (end > begin) {
      size_t prev = end;
      if (!strippable(E::previous(s, &prev))) break;
      end = prev;
    }
  }
  return s.substr(begin, end - begin);
}

template <class E>
// split(sep=None, maxsplit=-1). With a separator, empty fields are kept ('a,,b' gives three); without one,
// runs of whitespace separate and leading/trailing whitespace yields no empty fields, and once maxsplit is
// used up the remainder is kept with its trailing whitespace (CPython's split_whitespace).
TextResult<std::vector<std::string_view>> split_impl(std::string_view s, std::optional<std::string_view> sep,
                                                     int64_t maxsplit) {
  std::vector<std::string_view> parts;
  if (maxsplit < 0) maxsplit = INT64_MAX;
  if (sep) {
    if (sep->empty()) return value_error("empty separator");
    size_t pos = 0;
    while (maxsplit-- > 0) {
      size_t hit = s.find(*sep, pos);
      if (hit == std::string_view::npos) break;
      parts.push_back(s.substr(pos, hit - pos));
      pos = hit + sep->size();
    }
    parts.push_back(s.substr(pos));
    return parts;
  }
  size_t pos = 0, next = 0;
  while (true) {
    while (pos < s.size() && is_whitespace_at<E>(s, pos, &next)) pos = next;
    if (pos >= s.size()) break;
    if (maxsplit-- <= 0) {
      parts.push_back(s.substr(pos));  // the rest keeps its trailing whitespace
      break;
    }
    size_t word = pos;
    while (pos < s.size() && !is_whitespace_at<E>(s, pos, &next)) pos = next;
    parts.push_back(s.substr(word, pos - word));
  }
  return parts;
}

template <class E>
// The mirror image of split_impl, scanning from the end; the pieces are collected backwards and reversed.
TextResult<std::vector<std::string_view>> rsplit_impl(std::string_view s, std::optional<std::string_view> sep,
                                                      int64_t maxsplit) {
  std::vector<std::string_view> parts;
  if (maxsplit < 0) maxsplit = INT64_MAX;
  if (sep) {
    if (sep->empty()) return value_error("empty separator");
    size_t end = s.size();
    while (maxsplit-- > 0 && end >= sep->size()) {
      size_t hit = s.substr(0, end).rfind(*sep);
      if (hit == std::string_view::npos) break;
      parts.push_back(s.substr(hit + sep->size(), end - hit - sep->size()));
      end = hit;
    }
    parts.push_back(s.substr(0, end));
    std::reverse(parts.begin(), parts.end());
    return parts;
  }
  size_t end = s.size();
  auto space_before = [&](size_t pos, size_t* prev) {
    *prev = pos;
    return (E::classes(E::previous(s, prev)) & kClassSpace) != 0;
  };
  size_t prev = 0;
  while (true) {
    while (end > 0 && space_before(end, &prev)) end = prev;
    if (end == 0) break;
    if (maxsplit-- <= 0) {
      parts.push_back(s.substr(0, end));
      break;
    }
    size_t word_end = end;
    while (end > 0 && !space_before(end, &prev)) end = prev;
    parts.push_back(s.substr(end, word_end - end));
  }
  std::reverse(parts.begin(), parts.end());
  return parts;
}

template <class E>
// str.splitlines breaks at every Unicode line boundary (\n, \r, \r\n, \v, \f, \x1c-\x1e, \x85, \u2028,
// \u2029); bytes.splitlines only at \n, \r and \r\n. A final line without a break is kept; no empty last line.
std::vector<std::string_view> splitlines_impl(std::string_view s, bool keepends) {
  std::vector<std::string_view> lines;
  size_t line_start = 0, pos = 0;
  while (pos < s.size()) {
    size_t here = pos;
    char32_t c = E::next(s, &pos);
    if (!(E::classes(c) & kClassLineBreak)) continue;
    if (c == '\r' && pos < s.size() && s[pos] == '\n') ++pos;
    lines.push_back(s.substr(line_start, (keepends ? pos : here) - line_start));
    line_start = pos;
  }
  if (line_start < s.size()) lines.push_back(s.substr(line_start));
  return lines;
}

template <class E>
// replace(old, new, count=-1). An empty `old` matches before every element and at the end, so
// 'ab'.replace('', '-') is '-a-b-'.
std::string replace_impl(std::string_view s, std::string_view old_part, std::string_view new_part,
                         int64_t max_count) {
  if (max_count < 0) max_count = INT64_MAX;
  std::string out;
  if (old_part.empty()) {
    // The empty string matches before every element and at the end.
    size_t pos = 0;
    while (max_count > 0 && pos < s.size()) {
      out += new_part;
      size_t next = pos;
      E::next(s, &next);
      out += s.substr(pos, next - pos);
      pos = next;
      --max_count;
    }
    if (max_count > 0) out += new_part;
    out += s.substr(pos);
    return out;
  }
  size_t pos = 0;
  while (max_count-- > 0) {
    size_t hit = s.find(old_part, pos);
    if (hit == std::string_view::npos) break;
    out += s.substr(pos, hit - pos);
    out += new_part;
    pos = hit + old_part.size();
  }
  out += s.substr(pos);
  return out;
}

}  // namespace

std::string_view char_at(StrRef ref, int64_t index) {
  std::string_view s = ref.bytes;
  if (ref.ascii) return s.substr(static_cast<size_t>(index), 1);
  size_t at = byte_offset_of_index(s, static_cast<size_t>(index)), after = at;
  if (at < s.size()) next_code_point(s, &after);
  return s.substr(at, after - at);
}

std::string slice(StrRef ref, int64_t start, int64_t step, int64_t count) {
  std::string_view s = ref.bytes;
  if (count <= 0) return std::string();
  if (ref.ascii) {
    if (step == 1) return std::string(s.substr(static_cast<size_t>(start), static_cast<size_t>(count)));
    std::string out(static_cast<size_t>(count), '\0');
    for (int64_t i = 0; i < count; ++i) out[static_cast<size_t>(i)] = s[static_cast<size_t>(start + i * step)];
    return out;
  }
  if (step == 1) {
    size_t begin = byte_offset_of_index(s, static_cast<size_t>(start));
    size_t end = begin + byte_offset_of_index(s.substr(begin), static_cast<size_t>(count));
    return std::string(s.substr(begin, end - begin));
  }
  std::vector<size_t> starts;  // byte offset of every code point, plus the end
  for (size_t pos = 0; pos < s.size();) {
    starts.push_back(pos);
    next_code_point(s, &pos);
  }
  starts.push_back(s.size());
  std::string out;
  for (int64_t i = 0; i < count; ++i) {
    auto index = static_cast<size_t>(start + i * step);
    out += s.substr(starts[index], starts[index + 1] - starts[index]);
  }
  return out;
}

std::string join(std::string_view sep, std::span<const std::string_view> parts) {
  size_t total = parts.empty() ? 0 : sep.size() * (parts.size() - 1);
  for (auto p : parts) total += p.size();
  std::string out;
  out.reserve(total);
  for (size_t i = 0; i < parts.size(); ++i) {
    if (i) out += sep;
    out += parts[i];
  }
  return out;
}

std::string_view strip(std::string_view s, std::optional<std::string_view> chars) {
  return strip_sides<CodePoints>(s, chars, true, true);
}
std::string_view lstrip(std::string_view s, std::optional<std::string_view> chars) {
  return strip_sides<CodePoints>(s, chars, true, false);
}
std::string_view rstrip(std::string_view s, std::optional<std::string_view> chars) {
  return strip_sides<CodePoints>(s, chars, false, true);
}

// The code point index of the first match of `sub` in s[start:end], or -1. The empty string is found at the
// window's start whenever the window exists (start <= len and start <= end after adjustment).
int64_t find(StrRef ref, std::string_view sub, OptIndex start, OptIndex end) {
  std::string_view s = ref.bytes;
  if (!start && !end) {  // the whole string: no index arithmetic before the search
    size_t hit = s.find(sub);
    if (hit == std::string_view::npos) return -1;
    return static_cast<int64_t>(ref.ascii ? hit : code_point_count(s.substr(0, hit)));
  }
  // A non-empty match inside the window implies the window is long enough; the empty string needs a
  // window that exists at all (start <= end).
  Window w = make_window(ref, start, end, sub.empty());
  if (w.begin_index > w.end_index) return -1;
  size_t hit = w.view(s).find(sub);
  if (hit == std::string_view::npos) return -1;
  return index_in_window(s, w, w.begin_byte + hit);
}

int64_t rfind(StrRef ref, std::string_view sub, OptIndex start, OptIndex end) {
  std::string_view s = ref.bytes;
  Window w = make_window(ref, start, end, sub.empty());
  if (w.begin_index > w.end_index) return -1;
  size_t hit = w.view(s).rfind(sub);
  if (hit == std::string_view::npos) return -1;
  return index_in_window(s, w, w.begin_byte + hit);
}

TextResult<int64_t> index(StrRef ref, std::string_view sub, OptIndex start, OptIndex end) {
  int64_t at = find(ref, sub, start, end);
  if (at < 0) return value_error("substring not found");
  return at;
}

TextResult<int64_t> rindex(StrRef ref, std::string_view sub, OptIndex start, OptIndex end) {
  int64_t at = rfind(ref, sub, start, end);
  if (at < 0) return value_error("substring not found");
  return at;
}

// Non-overlapping matches; the empty string matches len(window) + 1 times.
int64_t count(StrRef ref, std::string_view sub, OptIndex start, OptIndex end) {
  std::string_view s = ref.bytes;
  Window w = make_window(ref, start, end, sub.empty());
  if (w.begin_index > w.end_index) return 0;
  if (sub.empty()) return w.end_index - w.begin_index + 1;
  std::string_view view = w.view(s);
  int64_t n = 0;
  for (size_t pos = view.find(sub); pos != std::string_view::npos; pos = view.find(sub, pos + sub.size())) ++n;
  return n;
}

// startswith/endswith with start/end test the window s[start:end], which must exist even for an empty
// prefix ('abc'.startswith('', 4) is False).
bool startswith(StrRef ref, std::string_view prefix, OptIndex start, OptIndex end) {
  std::string_view s = ref.bytes;
  Window w = make_window(ref, start, end, prefix.empty());
  if (w.begin_index > w.end_index) return false;
  return w.view(s).starts_with(prefix);
}

bool endswith(StrRef ref, std::string_view suffix, OptIndex start, OptIndex end) {
  std::string_view s = ref.bytes;
  Window w = make_window(ref, start, end, suffix.empty());
  if (w.begin_index > w.end_index) return false;
  return w.view(s).ends_with(suffix);
}

// (head, sep, tail) at the first separator, or (s, '', '') when there is none; rpartition is its mirror.
TextResult<std::array<std::string_view, 3>> partition(std::string_view s, std::string_view sep) {
  if (sep.empty()) return value_error("empty separator");
  size_t hit = s.find(sep);
  if (hit == std::string_view::npos) return std::array<std::string_view, 3>{s, s.substr(0, 0), s.substr(0, 0)};
  return std::array<std::string_view, 3>{s.substr(0, hit), s.substr(hit, sep.size()),
                                         s.substr(hit + sep.size())};
}

TextResult<std::array<std::string_view, 3>> rpartition(std::string_view s, std::string_view sep) {
  if (sep.empty()) return value_error("empty separator");
  size_t hit = s.rfind(sep);
  if (hit == std::string_view::npos) return std::array<std::string_view, 3>{s.substr(0, 0), s.substr(0, 0), s};
  return std::array<std::string_view, 3>{s.substr(0, hit), s.substr(hit, sep.size()),
                                         s.substr(hit + sep.size())};
}

// ---- the str and bytes entry points of the element templates ---------------------------------------------------
TextResult<std::vector<std::string_view>> split(std::string_view s, std::optional<std::string_view> sep,
                                                int64_t maxsplit) {
  return split_impl<CodePoints>(s, sep, maxsplit);
}
TextResult<std::vector<std::string_view>> rsplit(std::string_view s, std::optional<std::string_view> sep,
                                                 int64_t maxsplit) {
  return rsplit_impl<CodePoints>(s, sep, maxsplit);
}
std::vector<std::string_view> splitlines(std::string_view s, bool keepends) {
  return splitlines_impl<CodePoints>(s, keepends);
}
std::string replace(std::string_view s, std::string_view old_part, std::string_view new_part, int64_t max_count) {
  return replace_impl<CodePoints>(s, old_part, new_part, max_count);
}

namespace bytes {
TextResult<std::vector<std::string_view>> split(std::string_view s, std::optional<std::string_view> sep,
                                                int64_t maxsplit) {
  return split_impl<Bytes>(s, sep, maxsplit);
}
TextResult<std::vector<std::string_view>> rsplit(std::string_view s, std::optional<std::string_view> sep,
                                                 int64_t maxsplit) {
  return rsplit_impl<Bytes>(s, sep, maxsplit);
}
std::vector<std::string_view> splitlines(std::string_view s, bool keepends) {
  return splitlines_impl<Bytes>(s, keepends);
}
std::string replace(std::string_view s, std::string_view old_part, std::string_view new_part, int64_t max_count) {
  return replace_impl<Bytes>(s, old_part, new_part, max_count);
}
std::string_view strip(std::string_view s, std::optional<std::string_view> chars) {
  return strip_sides<Bytes>(s, chars, true, true);
}
std::string_view lstrip(std::string_view s, std::optional<std::string_view> chars) {
  return strip_sides<Bytes>(s, chars, true, false);
}
std::string_view rstrip(std::string_view s, std::optional<std::string_view> chars) {
  return strip_sides<Bytes>(s, chars, false, true);
}
}  // namespace bytes

}  // namespace minipy::text
