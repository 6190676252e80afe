// The backtracking matcher's machinery, private to the `_sre` engine (sre_engine.cpp: the character-level
// helpers, match() and search(); sre_engine_run.cpp: the operator loop). See sre_engine.h for the interface.
//
// The matcher follows the structure of the code _compiler.py emits: a pattern is a sequence of operators, and
// the constructs that may have to try again (BRANCH, the REPEAT family, assertions, atomic groups) run a
// sub-pattern and look at its outcome. Each such "call" pushes the caller's Frame (what it was doing and
// where to resume) on an explicit stack instead of recursing natively; when the sub-pattern succeeds or fails,
// the frame is popped and resumed with the outcome. Group marks that a failed attempt may have overwritten are
// saved on a second stack (mark_stack_) and restored, which gives the same group values as CPython's engine.
#pragma once
#include <algorithm>
#include <vector>

#include "stdlib/native/sre_engine.h"

namespace minipy::sre::detail {

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
  // CPython's LASTMARK_SAVE, and MARK_PUSH when `push`: the marks as `cur`'s construct begins, so that a failed
  // attempt can put them back (restore_lastmark, mark_pop).
  void save_marks(Frame& cur, bool push) {
    cur.lastmark = lastmark_;
    cur.lastindex = lastindex_;
    if (push) mark_push(cur.lastmark);
  }
  // REPEAT_ONE's shortcut: a greedy repeat whose tail is just SUCCESS (at `tail`) and that ran to the end of the
  // subject is the longest match there can be, so no backtracking is tried — unless this is a top-level search
  // attempt that must advance and has matched the empty string where it started.
  bool repeat_one_is_final(const Frame& cur, size_t tail) {
    return word(tail) == OP_SUCCESS && cur.ptr == end_ && !(cur.toplevel && state_.must_advance && cur.ptr == start_);
  }
  // The items a single-character repeat (REPEAT_ONE and its lazy and possessive forms, operands <skip> <min>
  // <max> at cur.pc) must match before it may try its tail: up to `max_count` of them from cur.ptr, greedily.
  // Advances cur.ptr and cur.count past them; false when fewer than <min> match (invalid_ tells bad code apart).
  bool take_repeat_items(Frame& cur, uint32_t max_count) {
    ptrdiff_t min = word(cur.pc + 1);
    if (cur.ptr + min > end_) return false;
    state_ptr_ = cur.ptr;
    ptrdiff_t n = count_repeats(cur.pc + 3, cur.ptr, max_count);
    if (invalid_ || n < min) return false;
    cur.ptr += n;
    cur.count = n;
    return true;
  }
  // A backtracking point (BRANCH, REPEAT_ONE, MIN_REPEAT_ONE) hears how the attempt it called ended: when it
  // matched, the marks saved for it are dropped and the answer is true; when it failed, the marks are put back as
  // they were, kept on the stack for the next attempt. (Marks are pushed only inside a REPEAT.)
  bool settle_attempt(const Frame& cur, int matched) {
    if (matched) {
      if (repeat_ >= 0) mark_discard(cur.lastmark);
      return true;
    }
    if (repeat_ >= 0) mark_pop(cur.lastmark, true);
    restore_lastmark(cur);
    return false;
  }
  // LASTMARK_RESTORE: the last mark and group index as they were when `cur`'s construct began.
  void restore_lastmark(const Frame& cur) {
    lastmark_ = cur.lastmark;
    lastindex_ = cur.lastindex;
  }
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

}  // namespace minipy::sre::detail
