// The backtracking matcher of the `_sre` module (see sre_engine.h for what goes in and out).
//
// The matcher follows the structure of the code _compiler.py emits: a pattern is a sequence of operators, and
// the constructs that may have to try again (BRANCH, the REPEAT family, assertions, atomic groups) run a
// sub-pattern and look at its outcome. Each such "call" pushes the caller's Frame (what it was doing and
// where to resume) on an explicit stack instead of recursing natively; when the sub-pattern succeeds or fails,
// the frame is popped and resumed with the outcome. Group marks that a failed attempt may have overwritten are
// saved on a second stack (mark_stack_) and restored, which gives the same group values as CPython's engine.
#include <algorithm>

#include "stdlib/native/sre_engine.h"

namespace minipy::sre {

namespace {

// What a suspended frame does when the sub-pattern it called returns (one value per call site).
enum Resume : uint8_t {
  kResumeDone,            // the outermost frame: the outcome is the result
  kResumeBranch,          // an alternative of BRANCH returned
  kResumeRepeatOneLiteral,
  kResumeRepeatOne,
  kResumeMinRepeatOne,
  kResumeRepeat,          // the REPEAT ... UNTIL body and tail returned
  kResumeMaxUntilMin,     // MAX_UNTIL: an item needed to reach the minimum
  kResumeMaxUntilMore,    // MAX_UNTIL: one more item than needed
  kResumeMaxUntilTail,    // MAX_UNTIL: the tail after the last item
  kResumeMinUntilMin,
  kResumeMinUntilTail,
  kResumeMinUntilMore,
  kResumePossessiveMin,   // POSSESSIVE_REPEAT: an item needed to reach the minimum
  kResumePossessiveMore,
  kResumeAtomic,
  kResumeAssert,
  kResumeAssertNot,
};

// A suspended (or the running) sub-pattern attempt. Which fields matter depends on the construct.
struct Frame {
  Resume resume = kResumeDone;
  bool toplevel = true;     // SUCCESS here ends the whole match (so fullmatch/must_advance apply)
  size_t pc = 0;            // the construct's operands (just after its opcode)
  ptrdiff_t ptr = 0;        // the subject position
  ptrdiff_t count = 0;      // repetitions so far
  ptrdiff_t lastmark = -1;  // lastmark/lastindex when the construct began (restored after a failed try)
  ptrdiff_t lastindex = -1;
  ptrdiff_t aux = 0;        // a saved REPEAT last_ptr, or POSSESSIVE_REPEAT's previous position
  int32_t rep = -1;         // the REPEAT context this frame works on
  size_t alternative = 0;   // BRANCH: the alternative being tried
  uint32_t literal = 0;     // REPEAT_ONE followed by a literal: that literal
};

// A REPEAT ... MAX_UNTIL/MIN_UNTIL in progress.
struct RepeatContext {
  ptrdiff_t count;     // items matched so far (-1 before the first)
  size_t pc;           // the REPEAT's operands: skip, min, max, then the item
  int32_t previous;    // the enclosing REPEAT context, -1 when none
  ptrdiff_t last_ptr;  // where the last item attempt started: an empty item must not repeat forever
};

// How much the backtracking stacks may grow before the match fails with MemoryError.
constexpr size_t kMaxStackBytes = size_t{512} << 20;
// The most group marks a match may set (2 per group; CPython's limit, MAXGROUPS, is far beyond any real use).
constexpr size_t kMaxMarks = size_t{1} << 25;

template <class CharT>
class Matcher {
 public:
  Matcher(const Program& program, std::span<const CharT> subject, MatchState& state)
      : code_(program.code), subject_(subject.data()), end_(state.endpos), state_(state),
        mark_limit_(program.groups * 2) {}

  // Runs the pattern from code position `pc` at subject position `ptr` (one attempt: SRE's match()).
  Status run(size_t pc, ptrdiff_t ptr, bool toplevel);
  // Sets up a fresh attempt that starts at `start`.
  void reset(ptrdiff_t start) {
    lastmark_ = lastindex_ = -1;
    start_ = start;
    frames_.clear();
    mark_stack_.clear();
    repeats_.clear();
    repeat_ = -1;
  }
  // Copies the result of a successful attempt into the state.
  void report(ptrdiff_t start);
  uint32_t word(size_t i) {
    if (i < code_.size()) return code_[i];
    invalid_ = true;
    return OP_FAILURE;
  }
  bool in_set(size_t at, uint32_t ch) { return in_charset(code_, at, ch, &invalid_); }

 private:
  bool at_position(uint32_t at_code, ptrdiff_t ptr);
  bool matches_char(uint32_t op, size_t operands, uint32_t ch);
  ptrdiff_t count_repeats(size_t item, ptrdiff_t ptr, uint32_t max_count);
  void mark_push(ptrdiff_t lastmark) {
    if (lastmark >= 0) mark_stack_.insert(mark_stack_.end(), marks_.begin(), marks_.begin() + lastmark + 1);
  }
  // Restores the marks the matching mark_push saved; `keep` leaves them on the stack for another restore.
  void mark_pop(ptrdiff_t lastmark, bool keep) {
    if (lastmark < 0) return;
    size_t n = static_cast<size_t>(lastmark) + 1;
    std::copy(mark_stack_.end() - n, mark_stack_.end(), marks_.begin());
    if (!keep) mark_stack_.resize(mark_stack_.size() - n);
  }
  void mark_discard(ptrdiff_t lastmark) {
    if (lastmark >= 0) mark_stack_.resize(mark_stack_.size() - (static_cast<size_t>(lastmark) + 1));
  }
  bool stacks_too_big() const {
    return frames_.size() * sizeof(Frame) + mark_stack_.size() * sizeof(ptrdiff_t) > kMaxStackBytes;
  }
  bool is_word_at(ptrdiff_t ptr, uint32_t category) { return in_category(category, subject_[ptr]); }
  bool boundary(ptrdiff_t ptr, uint32_t category, bool want_boundary);

  std::span<const uint32_t> code_;
  const CharT* subject_;
  ptrdiff_t end_;
  MatchState& state_;
  std::vector<ptrdiff_t> marks_;  // grown as MARKs need it (a pattern may declare far more groups than it uses)
  size_t mark_limit_;              // 2 * groups: MARK operands must stay below it
  ptrdiff_t lastmark_ = -1, lastindex_ = -1;
  ptrdiff_t start_ = 0;      // where this attempt started (must_advance compares with it)
  ptrdiff_t state_ptr_ = 0;  // the position a sub-pattern starts at, and where a successful one ended
  int32_t repeat_ = -1;      // the innermost REPEAT context in force
  bool invalid_ = false;
  std::vector<Frame> frames_;
  std::vector<ptrdiff_t> mark_stack_;
  std::vector<RepeatContext> repeats_;
};

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

template <class CharT>
Status Matcher<CharT>::run(size_t start_pc, ptrdiff_t start_ptr, bool start_toplevel) {
  Frame cur;
  cur.pc = start_pc;
  cur.ptr = start_ptr;
  cur.toplevel = start_toplevel;
  int ret = 0;
  uint32_t op = 0;
  ptrdiff_t n = 0;
  size_t target = 0;
  bool target_toplevel = false;

  // A sub-pattern call: suspend the running frame (to resume at `kind`), start a fresh one at `to`.
#define SRE_CALL(kind, to, top)   \
  do {                            \
    cur.resume = (kind);          \
    target = (to);                \
    target_toplevel = (top);      \
    goto call;                    \
  } while (0)
#define SRE_RETURN(value) \
  do {                    \
    ret = (value);        \
    goto unwind;          \
  } while (0)
#define SRE_REPEAT_CONTEXT repeats_[static_cast<size_t>(cur.rep)]

enter:
  // A sub-pattern (or the whole pattern) may begin with INFO, whose minimum width rules out short subjects.
  if (word(cur.pc) == OP_INFO) {
    uint32_t min_width = word(cur.pc + 3);
    if (min_width && end_ - cur.ptr < static_cast<ptrdiff_t>(min_width)) SRE_RETURN(0);
    cur.pc += word(cur.pc + 1) + 1;
  }

dispatch:
  for (;;) {
    if (invalid_) return kStatusInvalidCode;
    op = word(cur.pc++);
    switch (op) {
      case OP_FAILURE:
        SRE_RETURN(0);

      case OP_SUCCESS:
        if (cur.toplevel && ((state_.match_all && cur.ptr != end_) || (state_.must_advance && cur.ptr == start_)))
          SRE_RETURN(0);
        state_ptr_ = cur.ptr;
        SRE_RETURN(1);

      case OP_AT:
        if (!at_position(word(cur.pc), cur.ptr)) SRE_RETURN(0);
        cur.pc++;
        break;

      case OP_ANY: case OP_ANY_ALL: case OP_CATEGORY: case OP_LITERAL: case OP_NOT_LITERAL:
      case OP_LITERAL_IGNORE: case OP_NOT_LITERAL_IGNORE: case OP_LITERAL_UNI_IGNORE:
      case OP_NOT_LITERAL_UNI_IGNORE: case OP_LITERAL_LOC_IGNORE: case OP_NOT_LITERAL_LOC_IGNORE:
        if (cur.ptr >= end_ || !matches_char(op, cur.pc, subject_[cur.ptr])) SRE_RETURN(0);
        cur.ptr++;
        if (op != OP_ANY && op != OP_ANY_ALL) cur.pc++;
        break;

      case OP_IN: case OP_IN_IGNORE: case OP_IN_UNI_IGNORE: case OP_IN_LOC_IGNORE:
        if (cur.ptr >= end_ || !matches_char(op, cur.pc, subject_[cur.ptr])) SRE_RETURN(0);
        cur.ptr++;
        cur.pc += word(cur.pc);
        break;

      case OP_JUMP:
      case OP_INFO:  // inside a pattern, INFO is only skipped
        cur.pc += word(cur.pc);
        break;

      case OP_MARK: {
        uint32_t i = word(cur.pc);
        if (i >= mark_limit_) return kStatusInvalidCode;
        if (i >= marks_.size()) {
          if (i >= kMaxMarks) return kStatusMemory;
          marks_.resize(size_t{i} + 1, -1);
        }
        if (i & 1) lastindex_ = i / 2 + 1;
        if (static_cast<ptrdiff_t>(i) > lastmark_) {
          // Marks between the old last one and this one were never set in this attempt.
          for (ptrdiff_t j = lastmark_ + 1; j < static_cast<ptrdiff_t>(i); j++) marks_[j] = -1;
          lastmark_ = i;
        }
        marks_[i] = cur.ptr;
        cur.pc++;
        break;
      }

      case OP_BRANCH:
        // <BRANCH> <skip> alternative <JUMP> ... <skip> alternative <JUMP> ... <0>
        cur.lastmark = lastmark_;
        cur.lastindex = lastindex_;
        if (repeat_ >= 0) mark_push(cur.lastmark);
        cur.alternative = cur.pc;
        goto branch_try;

      case OP_REPEAT_ONE:
        // <REPEAT_ONE> <skip> <min> <max> item <SUCCESS> tail: greedy, one character per item.
        if (cur.ptr + static_cast<ptrdiff_t>(word(cur.pc + 1)) > end_) SRE_RETURN(0);
        state_ptr_ = cur.ptr;
        n = count_repeats(cur.pc + 3, cur.ptr, word(cur.pc + 2));
        if (invalid_) return kStatusInvalidCode;
        if (n < static_cast<ptrdiff_t>(word(cur.pc + 1))) SRE_RETURN(0);
        cur.ptr += n;
        cur.count = n;
        target = cur.pc + word(cur.pc);
        if (word(target) == OP_SUCCESS && cur.ptr == end_ &&
            !(cur.toplevel && state_.must_advance && cur.ptr == start_)) {
          state_ptr_ = cur.ptr;  // nothing after the repeat: the longest run wins
          SRE_RETURN(1);
        }
        cur.lastmark = lastmark_;
        cur.lastindex = lastindex_;
        if (repeat_ >= 0) mark_push(cur.lastmark);
        if (word(target) == OP_LITERAL) {
          cur.literal = word(target + 1);
          goto repeat_one_literal_try;
        }
        goto repeat_one_try;

      case OP_MIN_REPEAT_ONE:
        // <MIN_REPEAT_ONE> <skip> <min> <max> item <SUCCESS> tail: lazy, one character per item.
        if (cur.ptr + static_cast<ptrdiff_t>(word(cur.pc + 1)) > end_) SRE_RETURN(0);
        state_ptr_ = cur.ptr;
        if (word(cur.pc + 1) == 0) {
          cur.count = 0;
        } else {
          n = count_repeats(cur.pc + 3, cur.ptr, word(cur.pc + 1));
          if (invalid_) return kStatusInvalidCode;
          if (n < static_cast<ptrdiff_t>(word(cur.pc + 1))) SRE_RETURN(0);
          cur.ptr += n;
          cur.count = n;
        }
        target = cur.pc + word(cur.pc);
        if (word(target) == OP_SUCCESS &&
            !(cur.toplevel && ((state_.match_all && cur.ptr != end_) ||
                               (state_.must_advance && cur.ptr == start_)))) {
          state_ptr_ = cur.ptr;
          SRE_RETURN(1);
        }
        cur.lastmark = lastmark_;
        cur.lastindex = lastindex_;
        if (repeat_ >= 0) mark_push(cur.lastmark);
        goto min_repeat_one_try;

      case OP_POSSESSIVE_REPEAT_ONE:
        // <POSSESSIVE_REPEAT_ONE> <skip> <min> <max> item <SUCCESS> tail: greedy, never gives back.
        if (cur.ptr + static_cast<ptrdiff_t>(word(cur.pc + 1)) > end_) SRE_RETURN(0);
        state_ptr_ = cur.ptr;
        n = count_repeats(cur.pc + 3, cur.ptr, word(cur.pc + 2));
        if (invalid_) return kStatusInvalidCode;
        if (n < static_cast<ptrdiff_t>(word(cur.pc + 1))) SRE_RETURN(0);
        cur.ptr += n;
        target = cur.pc + word(cur.pc);
        if (word(target) == OP_SUCCESS && cur.ptr == end_ &&
            !(cur.toplevel && state_.must_advance && cur.ptr == start_)) {
          state_ptr_ = cur.ptr;
          SRE_RETURN(1);
        }
        cur.pc = target;
        break;

      case OP_REPEAT: {
        // <REPEAT> <skip> <min> <max> item <MAX_UNTIL or MIN_UNTIL> tail: the UNTIL decides each step.
        if (repeats_.size() >= INT32_MAX) return kStatusMemory;
        repeats_.push_back(RepeatContext{-1, cur.pc, repeat_, -1});
        cur.rep = static_cast<int32_t>(repeats_.size() - 1);
        repeat_ = cur.rep;
        state_ptr_ = cur.ptr;
        SRE_CALL(kResumeRepeat, cur.pc + word(cur.pc), cur.toplevel);
      }

      case OP_MAX_UNTIL:
      case OP_MIN_UNTIL: {
        if (repeat_ < 0) return kStatusInvalidCode;
        cur.rep = repeat_;
        RepeatContext& rep = SRE_REPEAT_CONTEXT;
        state_ptr_ = cur.ptr;
        cur.count = rep.count + 1;
        if (cur.count < static_cast<ptrdiff_t>(word(rep.pc + 1))) {
          // Not enough items yet: match another one.
          rep.count = cur.count;
          SRE_CALL(op == OP_MAX_UNTIL ? kResumeMaxUntilMin : kResumeMinUntilMin, rep.pc + 3, cur.toplevel);
        }
        if (op == OP_MIN_UNTIL) {
          // Lazy: try the tail first, outside this repeat.
          repeat_ = rep.previous;
          cur.lastmark = lastmark_;
          cur.lastindex = lastindex_;
          if (repeat_ >= 0) mark_push(cur.lastmark);
          SRE_CALL(kResumeMinUntilTail, cur.pc, cur.toplevel);
        }
        uint32_t max = word(rep.pc + 2);
        if ((cur.count < static_cast<ptrdiff_t>(max) || max == kMaxRepeat) && state_ptr_ != rep.last_ptr) {
          // Greedy: one more item if it matches (never a second empty one at the same place).
          rep.count = cur.count;
          cur.lastmark = lastmark_;
          cur.lastindex = lastindex_;
          mark_push(cur.lastmark);
          cur.aux = rep.last_ptr;
          rep.last_ptr = state_ptr_;
          SRE_CALL(kResumeMaxUntilMore, rep.pc + 3, cur.toplevel);
        }
        goto max_until_tail;
      }

      case OP_POSSESSIVE_REPEAT:
        // <POSSESSIVE_REPEAT> <skip> <min> <max> item <SUCCESS> tail
        state_ptr_ = cur.ptr;
        cur.count = 0;
        goto possessive_min_try;

      case OP_ATOMIC_GROUP:
        // <ATOMIC_GROUP> <skip> pattern <SUCCESS> tail: the first way the group matches is final.
        state_ptr_ = cur.ptr;
        SRE_CALL(kResumeAtomic, cur.pc + 1, false);

      case OP_GROUPREF: case OP_GROUPREF_IGNORE: case OP_GROUPREF_UNI_IGNORE: case OP_GROUPREF_LOC_IGNORE: {
        // <GROUPREF> <group - 1>: the text the group matched, again.
        size_t mark = size_t{word(cur.pc)} * 2;
        if (mark + 1 >= mark_limit_) return kStatusInvalidCode;
        if (static_cast<ptrdiff_t>(mark) >= lastmark_) SRE_RETURN(0);  // (so mark + 1 < marks_.size())
        ptrdiff_t from = marks_[mark], to = marks_[mark + 1];
        if (from < 0 || to < 0 || to < from || to - from > end_ - cur.ptr) SRE_RETURN(0);
        for (ptrdiff_t i = 0; i < to - from; i++) {
          uint32_t a = subject_[cur.ptr + i], b = subject_[from + i];
          if (op == OP_GROUPREF_IGNORE) a = ascii_lower(a), b = ascii_lower(b);
          else if (op == OP_GROUPREF_UNI_IGNORE) a = unicode_lower(a), b = unicode_lower(b);
          else if (op == OP_GROUPREF_LOC_IGNORE) a = locale_lower(a), b = locale_lower(b);
          if (a != b) SRE_RETURN(0);
        }
        cur.ptr += to - from;
        cur.pc++;
        break;
      }

      case OP_GROUPREF_EXISTS: {
        // <GROUPREF_EXISTS> <group - 1> <skip> yes-pattern <JUMP> no-pattern
        size_t mark = size_t{word(cur.pc)} * 2;
        if (mark + 1 >= mark_limit_) return kStatusInvalidCode;
        bool set = static_cast<ptrdiff_t>(mark) < lastmark_ && marks_[mark] >= 0 && marks_[mark + 1] >= 0 &&
                   marks_[mark] <= marks_[mark + 1];
        cur.pc += set ? 2 : word(cur.pc + 1);
        break;
      }

      case OP_ASSERT:
      case OP_ASSERT_NOT: {
        // <ASSERT> <skip> <back> pattern: the pattern must (not) match `back` characters before here.
        ptrdiff_t back = word(cur.pc + 1);
        if (cur.ptr - back < 0) {
          if (op == OP_ASSERT) SRE_RETURN(0);
          cur.pc += word(cur.pc);
          break;
        }
        state_ptr_ = cur.ptr - back;
        if (op == OP_ASSERT) SRE_CALL(kResumeAssert, cur.pc + 2, false);
        cur.lastmark = lastmark_;
        cur.lastindex = lastindex_;
        if (repeat_ >= 0) mark_push(cur.lastmark);
        SRE_CALL(kResumeAssertNot, cur.pc + 2, false);
      }

      default:
        return kStatusInvalidCode;
    }
  }

  // ---- loops that call sub-patterns (entered from an operator above or from a resumption below) -------------
branch_try:
  while (word(cur.alternative) != 0) {
    size_t alternative = cur.alternative;
    // Skip alternatives whose first character cannot match here.
    uint32_t first = word(alternative + 1);
    if ((first == OP_LITERAL && (cur.ptr >= end_ || subject_[cur.ptr] != word(alternative + 2))) ||
        (first == OP_IN && (cur.ptr >= end_ || !in_set(alternative + 3, subject_[cur.ptr])))) {
      cur.alternative += word(alternative);
      continue;
    }
    state_ptr_ = cur.ptr;
    SRE_CALL(kResumeBranch, alternative + 1, cur.toplevel);
  }
  if (invalid_) return kStatusInvalidCode;
  if (repeat_ >= 0) mark_discard(cur.lastmark);
  SRE_RETURN(0);

repeat_one_literal_try:
  for (;;) {
    ptrdiff_t min = word(cur.pc + 1);
    // Give back characters until the literal that follows the repeat can match.
    while (cur.count >= min && (cur.ptr >= end_ || subject_[cur.ptr] != cur.literal)) {
      cur.ptr--;
      cur.count--;
    }
    if (cur.count < min) break;
    state_ptr_ = cur.ptr;
    SRE_CALL(kResumeRepeatOneLiteral, cur.pc + word(cur.pc), cur.toplevel);
  }
  if (repeat_ >= 0) mark_discard(cur.lastmark);
  SRE_RETURN(0);

repeat_one_try:
  if (cur.count >= static_cast<ptrdiff_t>(word(cur.pc + 1))) {
    state_ptr_ = cur.ptr;
    SRE_CALL(kResumeRepeatOne, cur.pc + word(cur.pc), cur.toplevel);
  }
  if (repeat_ >= 0) mark_discard(cur.lastmark);
  SRE_RETURN(0);

min_repeat_one_try:
  if (word(cur.pc + 2) == kMaxRepeat || cur.count <= static_cast<ptrdiff_t>(word(cur.pc + 2))) {
    state_ptr_ = cur.ptr;
    SRE_CALL(kResumeMinRepeatOne, cur.pc + word(cur.pc), cur.toplevel);
  }
  if (repeat_ >= 0) mark_discard(cur.lastmark);
  SRE_RETURN(0);

max_until_tail:
  // No (more) items here: the tail must match, outside this repeat.
  repeat_ = SRE_REPEAT_CONTEXT.previous;
  SRE_CALL(kResumeMaxUntilTail, cur.pc, cur.toplevel);

possessive_min_try:
  if (cur.count < static_cast<ptrdiff_t>(word(cur.pc + 1))) SRE_CALL(kResumePossessiveMin, cur.pc + 3, false);
  cur.aux = -1;
possessive_more_try:
  if ((cur.count < static_cast<ptrdiff_t>(word(cur.pc + 2)) || word(cur.pc + 2) == kMaxRepeat) &&
      state_ptr_ != cur.aux) {
    cur.lastmark = lastmark_;
    cur.lastindex = lastindex_;
    mark_push(cur.lastmark);
    cur.aux = state_ptr_;  // an empty item stops the loop (it would match empty forever)
    SRE_CALL(kResumePossessiveMore, cur.pc + 3, false);
  }
possessive_done:
  cur.pc += word(cur.pc) + 1;  // past the item's SUCCESS
  cur.ptr = state_ptr_;
  goto dispatch;

call:
  if (stacks_too_big()) return kStatusMemory;
  frames_.push_back(cur);
  cur = Frame{};
  cur.pc = target;
  cur.ptr = state_ptr_;
  cur.toplevel = target_toplevel;
  goto enter;

unwind:
  // The running frame finished with `ret`: resume the frame that called it.
  if (ret < 0) return static_cast<Status>(ret);
  if (invalid_) return kStatusInvalidCode;  // a check that failed may have failed on bad code
  if (frames_.empty()) return ret ? kStatusMatched : kStatusNoMatch;
  cur = frames_.back();
  frames_.pop_back();
  switch (cur.resume) {
    case kResumeDone:
      return ret ? kStatusMatched : kStatusNoMatch;

    case kResumeBranch:
      if (ret) {
        if (repeat_ >= 0) mark_discard(cur.lastmark);
        SRE_RETURN(1);
      }
      if (repeat_ >= 0) mark_pop(cur.lastmark, true);
      lastmark_ = cur.lastmark;
      lastindex_ = cur.lastindex;
      cur.alternative += word(cur.alternative);
      goto branch_try;

    case kResumeRepeatOneLiteral:
    case kResumeRepeatOne:
      if (ret) {
        if (repeat_ >= 0) mark_discard(cur.lastmark);
        SRE_RETURN(1);
      }
      if (repeat_ >= 0) mark_pop(cur.lastmark, true);
      lastmark_ = cur.lastmark;
      lastindex_ = cur.lastindex;
      cur.ptr--;
      cur.count--;
      if (cur.resume == kResumeRepeatOneLiteral) goto repeat_one_literal_try;
      goto repeat_one_try;

    case kResumeMinRepeatOne:
      if (ret) {
        if (repeat_ >= 0) mark_discard(cur.lastmark);
        SRE_RETURN(1);
      }
      if (repeat_ >= 0) mark_pop(cur.lastmark, true);
      lastmark_ = cur.lastmark;
      lastindex_ = cur.lastindex;
      // One more item, if it matches here.
      state_ptr_ = cur.ptr;
      n = count_repeats(cur.pc + 3, cur.ptr, 1);
      if (invalid_) return kStatusInvalidCode;
      if (n == 0) {
        if (repeat_ >= 0) mark_discard(cur.lastmark);
        SRE_RETURN(0);
      }
      cur.ptr++;
      cur.count++;
      goto min_repeat_one_try;

    case kResumeRepeat:
      repeat_ = repeats_[static_cast<size_t>(cur.rep)].previous;
      repeats_.pop_back();
      SRE_RETURN(ret);

    case kResumeMaxUntilMin:
    case kResumeMinUntilMin:
      if (ret) SRE_RETURN(1);
      SRE_REPEAT_CONTEXT.count = cur.count - 1;
      state_ptr_ = cur.ptr;
      SRE_RETURN(0);

    case kResumeMaxUntilMore:
      SRE_REPEAT_CONTEXT.last_ptr = cur.aux;
      if (ret) {
        mark_discard(cur.lastmark);
        SRE_RETURN(1);
      }
      mark_pop(cur.lastmark, false);
      lastmark_ = cur.lastmark;
      lastindex_ = cur.lastindex;
      SRE_REPEAT_CONTEXT.count = cur.count - 1;
      state_ptr_ = cur.ptr;
      goto max_until_tail;

    case kResumeMaxUntilTail:
      repeat_ = cur.rep;
      if (ret) SRE_RETURN(1);
      state_ptr_ = cur.ptr;
      SRE_RETURN(0);

    case kResumeMinUntilTail: {
      int32_t repeat_of_tail = repeat_;
      repeat_ = cur.rep;
      if (ret) {
        if (repeat_of_tail >= 0) mark_discard(cur.lastmark);
        SRE_RETURN(1);
      }
      if (repeat_of_tail >= 0) mark_pop(cur.lastmark, false);
      lastmark_ = cur.lastmark;
      lastindex_ = cur.lastindex;
      state_ptr_ = cur.ptr;
      RepeatContext& rep = SRE_REPEAT_CONTEXT;
      uint32_t max = word(rep.pc + 2);
      if ((cur.count >= static_cast<ptrdiff_t>(max) && max != kMaxRepeat) || state_ptr_ == rep.last_ptr)
        SRE_RETURN(0);
      // The tail failed: one more item, then try again.
      rep.count = cur.count;
      cur.aux = rep.last_ptr;
      rep.last_ptr = state_ptr_;
      SRE_CALL(kResumeMinUntilMore, rep.pc + 3, cur.toplevel);
    }

    case kResumeMinUntilMore:
      SRE_REPEAT_CONTEXT.last_ptr = cur.aux;
      if (ret) SRE_RETURN(1);
      SRE_REPEAT_CONTEXT.count = cur.count - 1;
      state_ptr_ = cur.ptr;
      SRE_RETURN(0);

    case kResumePossessiveMin:
      if (!ret) {
        state_ptr_ = cur.ptr;
        SRE_RETURN(0);
      }
      cur.count++;
      goto possessive_min_try;

    case kResumePossessiveMore:
      if (ret) {
        mark_discard(cur.lastmark);
        cur.count++;
        goto possessive_more_try;
      }
      mark_pop(cur.lastmark, false);
      lastmark_ = cur.lastmark;
      lastindex_ = cur.lastindex;
      state_ptr_ = cur.aux;
      goto possessive_done;

    case kResumeAtomic:
      if (!ret) SRE_RETURN(0);
      cur.ptr = state_ptr_;
      cur.pc += word(cur.pc);
      goto dispatch;

    case kResumeAssert:
      if (!ret) SRE_RETURN(0);
      cur.pc += word(cur.pc);
      goto dispatch;

    case kResumeAssertNot:
      if (ret) {
        if (repeat_ >= 0) mark_discard(cur.lastmark);
        SRE_RETURN(0);
      }
      if (repeat_ >= 0) mark_pop(cur.lastmark, false);
      lastmark_ = cur.lastmark;
      lastindex_ = cur.lastindex;
      cur.pc += word(cur.pc);
      goto dispatch;
  }
  return kStatusInvalidCode;
#undef SRE_CALL
#undef SRE_RETURN
#undef SRE_REPEAT_CONTEXT
}

}  // namespace

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
