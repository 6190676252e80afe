// The `_sre` matcher's operator loop (Matcher::run; see sre_matcher.h for how frames stand in for recursion).
// Each operator of CPython 3.11's code format is one case below; the constructs that try a sub-pattern jump to
// `call`, and the outcome comes back through `unwind`, which resumes the suspended frame where it left off.
#include "stdlib/native/sre_matcher.h"

namespace minipy::sre::detail {

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
      case OP_FAILURE:  // end of a BRANCH list, a failing no-branch of a conditional, or hand-written code
        SRE_RETURN(0);

      case OP_SUCCESS:
        // The end of the pattern (or of a sub-pattern). At the top level fullmatch must have reached endpos, and
        // after an empty match finditer/sub/split must not accept another empty match at the same place.
        if (cur.toplevel && ((state_.match_all && cur.ptr != end_) || (state_.must_advance && cur.ptr == start_)))
          SRE_RETURN(0);
        state_ptr_ = cur.ptr;
        SRE_RETURN(1);

      case OP_AT:  // <AT> <code>: an anchor or word boundary
        if (!at_position(word(cur.pc), cur.ptr)) SRE_RETURN(0);
        cur.pc++;
        break;

      case OP_ANY: case OP_ANY_ALL: case OP_CATEGORY: case OP_LITERAL: case OP_NOT_LITERAL:
      case OP_LITERAL_IGNORE: case OP_NOT_LITERAL_IGNORE: case OP_LITERAL_UNI_IGNORE:
      case OP_NOT_LITERAL_UNI_IGNORE: case OP_LITERAL_LOC_IGNORE: case OP_NOT_LITERAL_LOC_IGNORE:
        // One character: <LITERAL> <code point>, <ANY>, <CATEGORY> <code>, and the case-insensitive forms.
        if (cur.ptr >= end_ || !matches_char(op, cur.pc, subject_[cur.ptr])) SRE_RETURN(0);
        cur.ptr++;
        if (op != OP_ANY && op != OP_ANY_ALL) cur.pc++;
        break;

      case OP_IN: case OP_IN_IGNORE: case OP_IN_UNI_IGNORE: case OP_IN_LOC_IGNORE:
        // <IN> <skip> set... <FAILURE>: one character in a set (sre_chars.cpp reads the set).
        if (cur.ptr >= end_ || !matches_char(op, cur.pc, subject_[cur.ptr])) SRE_RETURN(0);
        cur.ptr++;
        cur.pc += word(cur.pc);
        break;

      case OP_JUMP:
      case OP_INFO:  // inside a pattern, INFO is only skipped
        cur.pc += word(cur.pc);
        break;

      case OP_MARK: {
        // <MARK> <n>: a group boundary (2g-2 opens group g, 2g-1 closes it and makes it lastindex).
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
        save_marks(cur, repeat_ >= 0);
        cur.alternative = cur.pc;
        goto branch_try;

      case OP_REPEAT_ONE:
        // <REPEAT_ONE> <skip> <min> <max> item <SUCCESS> tail: greedy, one character per item.
        if (!take_repeat_items(cur, word(cur.pc + 2))) SRE_RETURN(0);  // (unwind reports invalid code)
        target = cur.pc + word(cur.pc);
        if (repeat_one_is_final(cur, target)) {
          state_ptr_ = cur.ptr;
          SRE_RETURN(1);
        }
        save_marks(cur, repeat_ >= 0);
        if (word(target) == OP_LITERAL) {
          cur.literal = word(target + 1);
          goto repeat_one_literal_try;
        }
        goto repeat_one_try;

      case OP_MIN_REPEAT_ONE:
        // <MIN_REPEAT_ONE> <skip> <min> <max> item <SUCCESS> tail: lazy, one character per item.
        if (word(cur.pc + 1) == 0) {
          state_ptr_ = cur.ptr;
          cur.count = 0;
        } else if (!take_repeat_items(cur, word(cur.pc + 1))) {  // lazy: only the <min> items for now
          SRE_RETURN(0);
        }
        target = cur.pc + word(cur.pc);
        if (word(target) == OP_SUCCESS &&
            !(cur.toplevel && ((state_.match_all && cur.ptr != end_) ||
                               (state_.must_advance && cur.ptr == start_)))) {
          state_ptr_ = cur.ptr;
          SRE_RETURN(1);
        }
        save_marks(cur, repeat_ >= 0);
        goto min_repeat_one_try;

      case OP_POSSESSIVE_REPEAT_ONE:
        // <POSSESSIVE_REPEAT_ONE> <skip> <min> <max> item <SUCCESS> tail: greedy, never gives back.
        if (!take_repeat_items(cur, word(cur.pc + 2))) SRE_RETURN(0);
        target = cur.pc + word(cur.pc);
        if (repeat_one_is_final(cur, target)) {
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
        // The end of one REPEAT item: decide between another item and the tail (greedy or lazy).
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
          save_marks(cur, repeat_ >= 0);
          SRE_CALL(kResumeMinUntilTail, cur.pc, cur.toplevel);
        }
        uint32_t max = word(rep.pc + 2);
        if ((cur.count < static_cast<ptrdiff_t>(max) || max == kMaxRepeat) && state_ptr_ != rep.last_ptr) {
          // Greedy: one more item if it matches (never a second empty one at the same place).
          rep.count = cur.count;
          save_marks(cur, true);
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
        save_marks(cur, repeat_ >= 0);
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
    save_marks(cur, true);
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
      if (settle_attempt(cur, ret)) SRE_RETURN(1);
      cur.alternative += word(cur.alternative);
      goto branch_try;

    case kResumeRepeatOneLiteral:
    case kResumeRepeatOne:
      if (settle_attempt(cur, ret)) SRE_RETURN(1);
      cur.ptr--;
      cur.count--;
      if (cur.resume == kResumeRepeatOneLiteral) goto repeat_one_literal_try;
      goto repeat_one_try;

    case kResumeMinRepeatOne:
      if (settle_attempt(cur, ret)) SRE_RETURN(1);
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
      restore_lastmark(cur);
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
      restore_lastmark(cur);
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
      restore_lastmark(cur);
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
      restore_lastmark(cur);
      cur.pc += word(cur.pc);
      goto dispatch;
  }
  return kStatusInvalidCode;
#undef SRE_CALL
#undef SRE_RETURN
#undef SRE_REPEAT_CONTEXT
}

template Status Matcher<uint8_t>::run(size_t, ptrdiff_t, bool);
template Status Matcher<uint32_t>::run(size_t, ptrdiff_t, bool);

}  // namespace minipy::sre::detail
