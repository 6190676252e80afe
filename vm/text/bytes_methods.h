// The bytes methods whose algorithm differs from str's only in how elements and their classes are read (see
// elements.h): the same templates as the str functions of str_methods.h, instantiated for single bytes. Indexes
// are byte indexes. Searching (find/count/index/startswith/partition/join) needs no separate entry points: the
// str functions given StrRef(data, true) work byte by byte.
#pragma once
#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "vm/text/text_error.h"

namespace minipy::text::bytes {

// bytes.split(sep, maxsplit) / rsplit: `sep` nullopt splits on runs of ASCII whitespace.
TextResult<std::vector<std::string_view>> split(std::string_view s, std::optional<std::string_view> sep,
                                                int64_t maxsplit = -1);
TextResult<std::vector<std::string_view>> rsplit(std::string_view s, std::optional<std::string_view> sep,
                                                 int64_t maxsplit = -1);
// bytes.splitlines(keepends): breaks at \n, \r and \r\n only.
std::vector<std::string_view> splitlines(std::string_view s, bool keepends = false);
// bytes.strip/lstrip/rstrip(chars): `chars` nullopt strips ASCII whitespace, else any of its bytes.
std::string_view strip(std::string_view s, std::optional<std::string_view> chars = std::nullopt);
std::string_view lstrip(std::string_view s, std::optional<std::string_view> chars = std::nullopt);
std::string_view rstrip(std::string_view s, std::optional<std::string_view> chars = std::nullopt);
// bytes.replace(old, new, count): the empty `old` matches between bytes.
std::string replace(std::string_view s, std::string_view old_part, std::string_view new_part,
                    int64_t max_count = -1);
// bytes.center/ljust/rjust(width, fill) with a one-byte fill; zfill is text::zfill on an ASCII StrRef.
std::string center(std::string_view s, int64_t width, char fill = ' ');
std::string ljust(std::string_view s, int64_t width, char fill = ' ');
std::string rjust(std::string_view s, int64_t width, char fill = ' ');
// bytes.expandtabs(tabsize): every byte is one column.
std::string expandtabs(std::string_view s, int64_t tabsize = 8);
// ASCII-only case conversions; other bytes are left alone.
std::string upper(std::string_view s);
std::string lower(std::string_view s);
std::string title(std::string_view s);
std::string capitalize(std::string_view s);
std::string swapcase(std::string_view s);
// The bytes.isX() predicates (ASCII classes).
bool isalpha(std::string_view s);
bool isdigit(std::string_view s);
bool isspace(std::string_view s);
bool isalnum(std::string_view s);
bool isupper(std::string_view s);
bool islower(std::string_view s);
bool istitle(std::string_view s);
bool isascii(std::string_view s);

}  // namespace minipy::text::bytes
