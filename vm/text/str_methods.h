// The str methods as pure functions over UTF-8 text. Indexes (start, end, results) count code points, as in
// Python; start/end follow slice rules (negative counts from the end, out of range clamps, nullopt = None).
// Results that are pieces of the input are string_views into it. Functions taking a StrRef use the caller's
// is-ASCII flag for their fast paths. The caller (the VM's str type) unpacks
// arguments, handles tuple prefixes for startswith/endswith and reports TypeErrors about argument types.
#pragma once
#include <array>
#include <cstdint>
#include <optional>
#include <span>
#include <string>
#include <string_view>
#include <vector>

#include "vm/text/text_error.h"
#include "vm/text/unicode.h"

namespace minipy::text {

using OptIndex = std::optional<int64_t>;

// s[index] for 0 <= index < len(s) (the caller has normalized and range-checked it): that code point's bytes.
std::string_view char_at(StrRef s, int64_t index);
// s[start:stop:step] given slice.indices()-style normalized `start` and `step` and the item count the caller
// computed (PySlice_AdjustIndices); step 1 needs no copy of the code point offsets.
std::string slice(StrRef s, int64_t start, int64_t step, int64_t count);

// str.split(sep, maxsplit) and str.rsplit: `sep` nullopt splits on runs of whitespace; a negative `maxsplit`
// means no limit. Fails with "empty separator" when sep is "".
TextResult<std::vector<std::string_view>> split(std::string_view s, std::optional<std::string_view> sep,
                                                int64_t maxsplit = -1);
TextResult<std::vector<std::string_view>> rsplit(std::string_view s, std::optional<std::string_view> sep,
                                                 int64_t maxsplit = -1);
// str.splitlines(keepends) of `s`, breaking at \n, \r, \r\n, \v, \f, \x1c-\x1e, \x85, U+2028 and U+2029.
std::vector<std::string_view> splitlines(std::string_view s, bool keepends = false);
// sep.join(parts): `parts` are already known to be strs.
std::string join(std::string_view sep, std::span<const std::string_view> parts);

// str.strip/lstrip/rstrip(chars) of `s`: `chars` nullopt strips whitespace, otherwise any of its code points.
std::string_view strip(std::string_view s, std::optional<std::string_view> chars = std::nullopt);
std::string_view lstrip(std::string_view s, std::optional<std::string_view> chars = std::nullopt);
std::string_view rstrip(std::string_view s, std::optional<std::string_view> chars = std::nullopt);

// str.find/rfind(sub, start, end) of `s`: the code point index of `sub` in s[start:end], or -1.
int64_t find(StrRef s, std::string_view sub, OptIndex start = {}, OptIndex end = {});
int64_t rfind(StrRef s, std::string_view sub, OptIndex start = {}, OptIndex end = {});
// str.index/rindex: as find/rfind, failing with ValueError "substring not found".
TextResult<int64_t> index(StrRef s, std::string_view sub, OptIndex start = {}, OptIndex end = {});
TextResult<int64_t> rindex(StrRef s, std::string_view sub, OptIndex start = {}, OptIndex end = {});
// str.count(sub, start, end): non-overlapping occurrences of `sub` in s[start:end].
int64_t count(StrRef s, std::string_view sub, OptIndex start = {}, OptIndex end = {});
// str.replace(old, new, count) of `s`; a negative `max_count` replaces every occurrence.
std::string replace(std::string_view s, std::string_view old_part, std::string_view new_part,
                    int64_t max_count = -1);
// str.startswith/endswith(affix, start, end) of `s` for one affix (the caller loops over a tuple).
bool startswith(StrRef s, std::string_view prefix, OptIndex start = {}, OptIndex end = {});
bool endswith(StrRef s, std::string_view suffix, OptIndex start = {}, OptIndex end = {});
// str.partition/rpartition(sep) of `s`: (head, sep, tail); fails with "empty separator".
TextResult<std::array<std::string_view, 3>> partition(std::string_view s, std::string_view sep);
TextResult<std::array<std::string_view, 3>> rpartition(std::string_view s, std::string_view sep);

// str.center/ljust/rjust(width, fillchar) of `s`. `fill` must be one code point; the caller checks that
// ("The fill character must be exactly one character long"). For these and zfill/expandtabs the caller also
// raises MemoryError for widths (tab sizes) beyond kMaxTextResult.
std::string center(StrRef s, int64_t width, char32_t fill = ' ');
std::string ljust(StrRef s, int64_t width, char32_t fill = ' ');
std::string rjust(StrRef s, int64_t width, char32_t fill = ' ');
// str.zfill(width) of `s`: zeros after a leading sign.
std::string zfill(StrRef s, int64_t width);
// str.expandtabs(tabsize) of `s`: columns restart after \n and \r; a tabsize <= 0 deletes tabs.
std::string expandtabs(std::string_view s, int64_t tabsize = 8);

// Case conversions with CPython's full mappings and final-sigma rule.
std::string upper(StrRef s);
std::string lower(StrRef s);
std::string casefold(StrRef s);
std::string title(StrRef s);
std::string capitalize(StrRef s);
std::string swapcase(StrRef s);

// The str.isX() predicates of `s`.
bool isalpha(std::string_view s);
bool isdigit(std::string_view s);
bool isdecimal(std::string_view s);
bool isnumeric(std::string_view s);
bool isspace(std::string_view s);
bool isalnum(std::string_view s);
bool isupper(std::string_view s);
bool islower(std::string_view s);
bool istitle(std::string_view s);
bool isidentifier(std::string_view s);
bool isprintable(std::string_view s);
bool isascii(std::string_view s);

// repr() of the str `s`: CPython's quote choice and escapes (\\ \' \t \n \r \xhh \uhhhh \Uhhhhhhhh).
std::string repr(StrRef s);
// ascii() of the str `s`: repr with every non-ASCII code point escaped.
std::string ascii(StrRef s);

}  // namespace minipy::text
