// The parser half of str.format / str.format_map: it splits a format string into literal text and replacement
// fields, and a field name into its first part (an argument index or keyword) and its chain of .attr / [key]
// accessors. It knows nothing of VM objects; the VM looks the objects up, applies the conversion and calls
// format(). Every step is lazy, like CPython's, so that errors surface in the same order relative to the
// lookups and __format__ calls the VM performs in between.
//
// The VM's loop, per piece: write the literal; for a field: parse_field_name (auto-numbering errors), look up
// the first part (IndexError / KeyError), walk the accessors one next() at a time, check the conversion
// (conversion_error), expand the spec if spec_needs_expanding by running a BraceParser over it with depth - 1
// (and the same AutoNumbering), then format the object with the spec.
#pragma once
#include <cstdint>
#include <optional>
#include <string_view>

#include "vm/text/text_error.h"

namespace minipy::text {

// PEP 3101 allows a format spec to contain fields, but those may not nest further: str.format starts at 2.
inline constexpr int kBraceFormatMaxDepth = 2;

struct BraceField {
  std::string_view field_name;   // before '!' / ':'; empty means the next automatic number
  char32_t conversion = 0;       // the character after '!', or 0; see conversion_error
  std::string_view format_spec;  // after ':', without the closing brace
  bool spec_needs_expanding = false;  // format_spec holds '{' and must itself be formatted first
};

struct BracePiece {
  std::string_view literal;  // may be empty
  std::optional<BraceField> field;
};

// Iterates over the pieces of `format` (which must outlive the parser).
class BraceParser {
 public:
  // `depth` is the recursion budget: kBraceFormatMaxDepth for a format string, one less for each nested spec.
  explicit BraceParser(std::string_view format, int depth = kBraceFormatMaxDepth)
      : text_(format), depth_(depth) {}
  // The next piece, nullopt at the end, or CPython's error ("Single '}' encountered in format string",
  // "expected '}' before end of string", "Max string recursion exceeded", ...).
  TextResult<std::optional<BracePiece>> next();
  int depth() const { return depth_; }

 private:
  std::string_view text_;
  size_t pos_ = 0;
  int depth_;
};

// Automatic field numbering ({}) and manual numbering ({0}) may not be mixed in one format call; one of these
// is shared by a format string and the specs nested in it.
struct AutoNumbering {
  enum class State { kUnset, kAutomatic, kManual } state = State::kUnset;
  int64_t next_number = 0;
};

// One step of a field name after its first part: `.name` or `[key]`.
struct FieldAccessor {
  bool is_attribute = false;
  std::string_view name;  // the attribute name or the key text
  int64_t index = -1;     // for [key]: the key as a non-negative integer, or -1 when it is not all digits
};

// Walks the accessors of a field name, one at a time (errors such as "Empty attribute in format string"
// surface only when reached).
class FieldAccessorIterator {
 public:
  explicit FieldAccessorIterator(std::string_view rest) : rest_(rest) {}
  // The next accessor, nullopt at the end, or the error for a malformed one.
  TextResult<std::optional<FieldAccessor>> next();

 private:
  std::string_view rest_;
  size_t pos_ = 0;
};

struct FieldName {
  int64_t arg_index = -1;        // the positional argument, or -1 when `keyword` names the argument
  std::string_view keyword;      // the keyword argument when arg_index is -1
  FieldAccessorIterator accessors{std::string_view()};
};

// Splits `field_name` into its first part and accessors, applying automatic numbering through `numbering`
// ("cannot switch from automatic field numbering to manual field specification" and the reverse).
TextResult<FieldName> parse_field_name(std::string_view field_name, AutoNumbering* numbering);

// The error for a conversion character other than 'r', 's' and 'a' ("Unknown conversion specifier x"), or
// nullopt when `conversion` is valid (or 0, meaning none).
std::optional<TextError> conversion_error(char32_t conversion);

}  // namespace minipy::text
