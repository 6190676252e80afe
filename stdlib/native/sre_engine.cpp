// The `_sre` engine's entry points (match, search) and the matcher's character-level work: anchors and word
// boundaries, single-character operators, greedy runs of one-character items, and reporting the result. The
// operator loop itself is in sre_engine_run.cpp; the machinery both share is in sre_matcher.h.
#include "stdlib/native/sre_matcher.h"

namespace minipy::sre {

namespace detail {

template <class CharT>
bool Matcher<CharT>::boundary(ptrdiff_t ptr, uint32_t category, bool want_boundary) {
  if (end_ <= 0) return false;  // an empty subject has no boundaries (nor non-boundaries)
  bool before = ptr > 0 && is_word_at(ptr - 1, category);
  bool here = ptr < end_ && is_word_at(ptr, category);
  return (before != here) == want_boundary;
}

template <class CharT>
bool Matcher<CharT>::at_position(uint32_t at_code, ptrdiff_t ptr) {
  switch (at_code) {
    case AT_BEGINNING:
    case AT_BEGINNING_STRING: return ptr == 0;
    case AT_BEGINNING_LINE: return ptr == 0 || subject_[ptr - 1] == '\n';
    case AT_END: return ptr == end_ || (ptr + 1 == end_ && subject_[ptr] == '\n');
    case AT_END_LINE: return ptr == end_ || (ptr < end_ && subject_[ptr] == '\n');
    case AT_END_STRING: return ptr == end_;
    case AT_BOUNDARY: return boundary(ptr, CATEGORY_WORD, true);
    case AT_NON_BOUNDARY: return boundary(ptr, CATEGORY_WORD, false);
    case AT_LOC_BOUNDARY: return boundary(ptr, CATEGORY_LOC_WORD, true);
    case AT_LOC_NON_BOUNDARY: return boundary(ptr, CATEGORY_LOC_WORD, false);
    case AT_UNI_BOUNDARY: return boundary(ptr, CATEGORY_UNI_WORD, true);
    case AT_UNI_NON_BOUNDARY: return boundary(ptr, CATEGORY_UNI_WORD, false);
    default: invalid_ = true; return false;
  }
}

// Whether one subject character `ch` satisfies the single-character operator `op` (whose operands start at
// code position `operands`). Other operators are invalid here.
template <class CharT>
bool Matcher<CharT>::matches_char(uint32_t op, size_t operands, uint32_t ch) {
  switch (op) {
    case OP_ANY: return ch != '\n';
    case OP_ANY_ALL: return true;
    case OP_CATEGORY: return in_category(word(operands), ch);
    case OP_LITERAL: return ch == word(operands);
    case OP_NOT_LITERAL: return ch != word(operands);
    case OP_LITERAL_IGNORE: return ascii_lower(ch) == word(operands);
    case OP_NOT_LITERAL_IGNORE: return ascii_lower(ch) != word(operands);
    case OP_LITERAL_UNI_IGNORE: return unicode_lower(ch) == word(operands);
    case OP_NOT_LITERAL_UNI_IGNORE: return unicode_lower(ch) != word(operands);
    case OP_LITERAL_LOC_IGNORE:
    case OP_NOT_LITERAL_LOC_IGNORE: {
      uint32_t c = word(operands);
      bool same = ch == c || locale_lower(ch) == c || locale_upper(ch) == c;
      return same == (op == OP_LITERAL_LOC_IGNORE);
    }
    // IN's operands are its skip, then the set.
    case OP_IN: return in_set(operands + 1, ch);
    case OP_IN_IGNORE: return in_set(operands + 1, ascii_lower(ch));
    case OP_IN_UNI_IGNORE: return in_set(operands + 1, unicode_lower(ch));
    case OP_IN_LOC_IGNORE:
      return in_set(operands + 1, ch) || in_set(operands + 1, locale_lower(ch)) ||
             in_set(operands + 1, locale_upper(ch));
    default: invalid_ = true; return false;
  }
}

// How many characters from `ptr` on (at most `max_count`) the single-character item at code position `item`
// matches in a row: the greedy part of REPEAT_ONE and friends.
template <class CharT>
ptrdiff_t Matcher<CharT>::count_repeats(size_t item, ptrdiff_t ptr, uint32_t max_count) {
  ptrdiff_t limit = end_;
  if (max_count != kMaxRepeat && limit - ptr > static_cast<ptrdiff_t>(max_count)) limit = ptr + max_count;
  uint32_t op = word(item);
  ptrdiff_t p = ptr;
  switch (op) {
    case OP_ANY_ALL: p = std::max(ptr, limit); break;
    case OP_LITERAL: {
      uint32_t c = word(item + 1);
      while (p < limit && subject_[p] == c) p++;
      break;
    }
    case OP_NOT_LITERAL: {
      uint32_t c = word(item + 1);
      while (p < limit && subject_[p] != c) p++;
      break;
    }
    case OP_ANY:
      while (p < limit && subject_[p] != '\n') p++;
      break;
    default:
      while (p < limit && matches_char(op, item + 1, subject_[p]) && !invalid_) p++;
      break;
  }
  return p - ptr;
}

template <class CharT>
void Matcher<CharT>::report(ptrdiff_t start) {
  state_.start = start;
  state_.end = state_ptr_;
  state_.lastindex = lastindex_;
  // Whole groups only (a start mark may have been set without its end); marks_ holds every index <= lastmark_.
  state_.marks.assign(marks_.size() + (marks_.size() & 1), -1);
  for (size_t j = 0; j + 1 < state_.marks.size(); j += 2) {
    if (static_cast<ptrdiff_t>(j + 1) <= lastmark_ && marks_[j] >= 0 && marks_[j + 1] >= 0) {
      state_.marks[j] = marks_[j];
      state_.marks[j + 1] = marks_[j + 1];
    }
  }
}

template class Matcher<uint8_t>;
template class Matcher<uint32_t>;

}  // namespace detail

using detail::Matcher;

template <class CharT>
Status match(const Program& program, std::span<const CharT> subject, MatchState& state) {
  Matcher<CharT> matcher(program, subject, state);
  matcher.reset(state.pos);
  Status status = matcher.run(0, state.pos, true);
  if (status == kStatusMatched) matcher.report(state.pos);
  return status;
}

template <class CharT>
Status search(const Program& program, std::span<const CharT> subject, MatchState& state) {
  Matcher<CharT> matcher(program, subject, state);
  ptrdiff_t ptr = state.pos, end = state.endpos;
  if (ptr > end) return kStatusNoMatch;
  // The INFO block says how short a match can be and what its first character can be: positions that
  // cannot start a match are skipped without running the matcher (the answers are the same either way).
  ptrdiff_t last_start = end;
  uint32_t first_literal = 0;
  bool has_first_literal = false;
  size_t first_set = 0;  // code position of a charset every match starts with, 0 for none
  size_t body = 0;
  if (matcher.word(0) == OP_INFO) {
    uint32_t flags = matcher.word(2), min_width = matcher.word(3);
    if (min_width && end - ptr < static_cast<ptrdiff_t>(min_width)) return kStatusNoMatch;
    if (min_width > 1) last_start = std::max(ptr, end - static_cast<ptrdiff_t>(min_width - 1));
    if ((flags & kInfoPrefix) && matcher.word(5) > 0) {
      first_literal = matcher.word(7);
      has_first_literal = true;
    } else if (flags & kInfoCharset) {
      first_set = 5;
    }
    body = 1 + matcher.word(1);
  }
  bool anchored = matcher.word(body) == OP_AT &&
                  (matcher.word(body + 1) == AT_BEGINNING || matcher.word(body + 1) == AT_BEGINNING_STRING);
  for (; ptr <= last_start; ptr++) {
    if (has_first_literal && (ptr >= end || subject[ptr] != first_literal)) continue;
    if (first_set && (ptr >= end || !matcher.in_set(first_set, subject[ptr]))) continue;
    matcher.reset(ptr);
    Status status = matcher.run(0, ptr, true);
    if (status == kStatusMatched) matcher.report(ptr);
    if (status != kStatusNoMatch) return status;
    state.must_advance = false;  // only the first position may not give an empty match
    if (anchored) break;
  }
  return kStatusNoMatch;
}

template Status match<uint8_t>(const Program&, std::span<const uint8_t>, MatchState&);
template Status match<uint32_t>(const Program&, std::span<const uint32_t>, MatchState&);
template Status search<uint8_t>(const Program&, std::span<const uint8_t>, MatchState&);
template Status search<uint32_t>(const Program&, std::span<const uint32_t>, MatchState&);

}  // namespace minipy::sre
