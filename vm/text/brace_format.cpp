// str.format's parser (brace_format.h describes the protocol with the VM). It follows Objects/stringlib/
// unicode_format.h (MarkupIterator_next, parse_field, FieldNameIterator) closely, because the error raised for a
// malformed format depends on how far that parser got, and programs and tests see the messages.
#include "vm/text/brace_format.h"

#include <fmt/format.h>

#include <limits>

#include "vm/text/unicode.h"

namespace minipy::text {
namespace {

// The value of `text` as a non-negative decimal integer (digits of any script): -1 when it is empty or has a
// non-digit, an error when it overflows.
// "{0}" and "{٠}" are both index 0: CPython's get_integer accepts any Unicode decimal digit, so a field name made of
// digits is a positional index and anything else is a keyword.
TextResult<int64_t> decimal_index(std::string_view text) {
  if (text.empty()) return int64_t{-1};
  int64_t value = 0;
  for (size_t pos = 0; pos < text.size();) {
    int digit = decimal_value(next_code_point(text, &pos));
    if (digit < 0) return int64_t{-1};
    if (value > (std::numeric_limits<int64_t>::max() - digit) / 10) {
      return value_error("Too many decimal digits in format string");
    }
    value = value * 10 + digit;
  }
  return value;
}

}  // namespace

TextResult<std::optional<BracePiece>> BraceParser::next() {
  // The check comes before anything is parsed, so even an empty nested spec at depth 0 fails, as in CPython.
  if (depth_ <= 0) return value_error("Max string recursion exceeded");
  if (pos_ >= text_.size()) return std::optional<BracePiece>();
  // Literal text runs to the first brace; a doubled brace ends the literal with one brace in it.
  size_t start = pos_;
  char brace = 0;
  while (pos_ < text_.size()) {
    char c = text_[pos_++];
    if (c == '{' || c == '}') {
      brace = c;
      break;
    }
  }
  bool at_end = pos_ >= text_.size();
  // A lone '}' is an error wherever it appears in literal text; a lone '{' at the very end is too.
  if (brace == '}' && (at_end || text_[pos_] != '}')) return value_error("Single '}' encountered in format string");
  if (brace == '{' && at_end) return value_error("Single '{' encountered in format string");
  BracePiece piece;
  if (brace == 0) {
    piece.literal = text_.substr(start);
    return std::optional<BracePiece>(piece);
  }
  if (text_[pos_] == brace) {  // "{{" or "}}"
    piece.literal = text_.substr(start, pos_ - start);
    ++pos_;
    return std::optional<BracePiece>(piece);
  }
  piece.literal = text_.substr(start, pos_ - 1 - start);

  // The field name ends at '!', ':' or '}'; a '[' hides those characters until the next ']'.
  BraceField field;
  size_t name_start = pos_;
  char stop = 0;
  while (pos_ < text_.size()) {
    char c = text_[pos_++];
    if (c == '{') return value_error("unexpected '{' in field name");
    // Inside [...] the characters '!', ':' and '}' are part of the key ("{0[:]}" indexes with the key ':'), as
    // parse_field skips brackets.
    if (c == '[') {
      while (pos_ < text_.size() && text_[pos_] != ']') ++pos_;
      continue;
    }
    if (c == '}' || c == ':' || c == '!') {
      stop = c;
      break;
    }
  }
  if (stop == 0) return value_error("expected '}' before end of string");
  field.field_name = text_.substr(name_start, pos_ - 1 - name_start);
  if (stop == '}') {
    piece.field = field;
    return std::optional<BracePiece>(piece);
  }
  if (stop == '!') {
    if (pos_ >= text_.size()) return value_error("end of string while looking for conversion specifier");
    // The conversion is read as a code point so that an unknown non-ASCII one can be reported by its value.
    field.conversion = next_code_point(text_, &pos_);
    if (pos_ < text_.size()) {
      char c = text_[pos_++];
      if (c == '}') {
        piece.field = field;
        return std::optional<BracePiece>(piece);
      }
      if (c != ':') return value_error("expected ':' after conversion specifier");
    }
  }
  // The spec runs to the brace that balances the field's opening one.
  size_t spec_start = pos_;
  // Braces inside the spec nest ("{:{w}.{p}}"); only the one balancing the field's own opening brace ends it.
  int open = 1;
  while (pos_ < text_.size()) {
    char c = text_[pos_++];
    if (c == '{') {
      field.spec_needs_expanding = true;
      ++open;
    } else if (c == '}' && --open == 0) {
      field.format_spec = text_.substr(spec_start, pos_ - 1 - spec_start);
      piece.field = field;
      return std::optional<BracePiece>(piece);
    }
  }
  return value_error("unmatched '{' in format spec");
}

// An attribute name runs to the next '.' or '['; an index runs to ']' and is an int when it is all digits, else a str
// key ("{0[name]}" looks up 'name', never a variable).
TextResult<std::optional<FieldAccessor>> FieldAccessorIterator::next() {
  if (pos_ >= rest_.size()) return std::optional<FieldAccessor>();
  FieldAccessor accessor;
  char kind = rest_[pos_++];
  size_t start = pos_;
  if (kind == '.') {
    accessor.is_attribute = true;
    while (pos_ < rest_.size() && rest_[pos_] != '.' && rest_[pos_] != '[') ++pos_;
    accessor.name = rest_.substr(start, pos_ - start);
  } else if (kind == '[') {
    while (pos_ < rest_.size() && rest_[pos_] != ']') ++pos_;
    if (pos_ >= rest_.size()) return value_error("Missing ']' in format string");
    accessor.name = rest_.substr(start, pos_ - start);
    ++pos_;
    auto index = decimal_index(accessor.name);
    if (!index.ok()) return index.error();
    accessor.index = index.value();
  } else {
    return value_error("Only '.' or '[' may follow ']' in format field specifier");
  }
  if (accessor.name.empty()) return value_error("Empty attribute in format string");
  return std::optional<FieldAccessor>(accessor);
}

// "{}" and "{0}" may not be mixed in one format string (PEP 3101); the state is shared with nested specs so that
// "{:{}}" counts both fields automatically.
TextResult<FieldName> parse_field_name(std::string_view field_name, AutoNumbering* numbering) {
  size_t first_end = field_name.find_first_of(".[");
  if (first_end == std::string_view::npos) first_end = field_name.size();
  FieldName out;
  std::string_view first = field_name.substr(0, first_end);
  out.accessors = FieldAccessorIterator(field_name.substr(first_end));
  auto index = decimal_index(first);
  if (!index.ok()) return index.error();
  out.arg_index = index.value();
  bool automatic = first.empty();
  if (automatic || out.arg_index >= 0) {
    using State = AutoNumbering::State;
    if (numbering->state == State::kUnset) numbering->state = automatic ? State::kAutomatic : State::kManual;
    if (numbering->state == State::kManual && automatic) {
      return value_error("cannot switch from manual field specification to automatic field numbering");
    }
    if (numbering->state == State::kAutomatic && !automatic) {
      return value_error("cannot switch from automatic field numbering to manual field specification");
    }
    if (automatic) out.arg_index = numbering->next_number++;
  } else {
    out.keyword = first;
  }
  return out;
}

// Only !r, !s and !a exist; the message shows a printable ASCII character as itself and anything else in hex, as
// unicode_format.h does.
std::optional<TextError> conversion_error(char32_t conversion) {
  if (conversion == 0 || conversion == 'r' || conversion == 's' || conversion == 'a') return std::nullopt;
  if (conversion > 32 && conversion < 127) {
    return value_error(fmt::format("Unknown conversion specifier {}", static_cast<char>(conversion)));
  }
  return value_error(fmt::format("Unknown conversion specifier \\x{:x}", static_cast<uint32_t>(conversion)));
}

}  // namespace minipy::text
