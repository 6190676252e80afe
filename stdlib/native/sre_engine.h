// The regular-expression engine behind the native `_sre` module: it runs the code CPython 3.11's
// Lib/re/_compiler.py emits (MAGIC 20220615, 4-byte code words, the opcode numbering of re._constants).
//
// What goes in: the code words, the number of groups, and a subject as an array of code units (bytes or ASCII
// text as 8-bit units, other text as code points). What comes out: whether the pattern matched at (match) or
// after (search) a start position, the end of the match and the group marks. The engine is VM-free: errors are
// status codes the module turns into Python exceptions.
//
// Backtracking keeps its own explicit stacks (frames and saved marks) on the C++ heap, never native recursion,
// so a hostile pattern can be slow (as in CPython) but cannot overflow the native stack; the stacks are capped
// (kStatusMemory past the cap). Every read of the code is bounds-checked, so code that did not come from
// _compiler.py fails with kStatusInvalidCode instead of reading past its end.
#pragma once
#include <cstddef>
#include <cstdint>
#include <span>
#include <vector>

namespace minipy::sre {

// re._constants.OPCODES, in order: the value of each name is its position in that list.
#define SRE_OPCODES(X)                                                                                          \
  X(FAILURE) X(SUCCESS) X(ANY) X(ANY_ALL) X(ASSERT) X(ASSERT_NOT) X(AT) X(BRANCH) X(CATEGORY) X(CHARSET)      \
  X(BIGCHARSET) X(GROUPREF) X(GROUPREF_EXISTS) X(IN) X(INFO) X(JUMP) X(LITERAL) X(MARK) X(MAX_UNTIL)           \
  X(MIN_UNTIL) X(NOT_LITERAL) X(NEGATE) X(RANGE) X(REPEAT) X(REPEAT_ONE) X(SUBPATTERN) X(MIN_REPEAT_ONE)       \
  X(ATOMIC_GROUP) X(POSSESSIVE_REPEAT) X(POSSESSIVE_REPEAT_ONE) X(GROUPREF_IGNORE) X(IN_IGNORE)                \
  X(LITERAL_IGNORE) X(NOT_LITERAL_IGNORE) X(GROUPREF_LOC_IGNORE) X(IN_LOC_IGNORE) X(LITERAL_LOC_IGNORE)       \
  X(NOT_LITERAL_LOC_IGNORE) X(GROUPREF_UNI_IGNORE) X(IN_UNI_IGNORE) X(LITERAL_UNI_IGNORE)                     \
  X(NOT_LITERAL_UNI_IGNORE) X(RANGE_UNI_IGNORE)

enum Opcode : uint32_t {
#define X(name) OP_##name,
  SRE_OPCODES(X)
#undef X
  kOpcodeCount
};

// re._constants.ATCODES, in order.
enum AtCode : uint32_t {
  AT_BEGINNING, AT_BEGINNING_LINE, AT_BEGINNING_STRING, AT_BOUNDARY, AT_NON_BOUNDARY, AT_END, AT_END_LINE,
  AT_END_STRING, AT_LOC_BOUNDARY, AT_LOC_NON_BOUNDARY, AT_UNI_BOUNDARY, AT_UNI_NON_BOUNDARY
};

// re._constants.CHCODES, in order.
enum CategoryCode : uint32_t {
  CATEGORY_DIGIT, CATEGORY_NOT_DIGIT, CATEGORY_SPACE, CATEGORY_NOT_SPACE, CATEGORY_WORD, CATEGORY_NOT_WORD,
  CATEGORY_LINEBREAK, CATEGORY_NOT_LINEBREAK, CATEGORY_LOC_WORD, CATEGORY_LOC_NOT_WORD, CATEGORY_UNI_DIGIT,
  CATEGORY_UNI_NOT_DIGIT, CATEGORY_UNI_SPACE, CATEGORY_UNI_NOT_SPACE, CATEGORY_UNI_WORD, CATEGORY_UNI_NOT_WORD,
  CATEGORY_UNI_LINEBREAK, CATEGORY_UNI_NOT_LINEBREAK
};

constexpr uint32_t kMagic = 20220615;
constexpr uint32_t kMaxRepeat = 0xFFFFFFFFu;     // _sre.MAXREPEAT with 4-byte code words
constexpr int64_t kMaxGroups = 0x3FFFFFFF;       // _sre.MAXGROUPS
constexpr uint32_t kInfoPrefix = 1, kInfoLiteral = 2, kInfoCharset = 4;  // SRE_INFO_* flags of an INFO block

// The outcome of a match or search: 1 matched, 0 did not, negative an error.
enum Status : int {
  kStatusMatched = 1,
  kStatusNoMatch = 0,
  kStatusInvalidCode = -1,  // the code is not something _compiler.py emits (RuntimeError "invalid SRE code")
  kStatusMemory = -2,       // the backtracking stacks outgrew their cap (MemoryError)
};

// The case mappings and classes the engine uses, as CPython's sre does (the "simple" mappings are the first
// code point of str.lower()/str.upper(), which is what CPython's _PyUnicode_ToLowercase returns).
uint32_t ascii_lower(uint32_t ch);
uint32_t ascii_upper(uint32_t ch);
uint32_t unicode_lower(uint32_t ch);
uint32_t unicode_upper(uint32_t ch);
uint32_t locale_lower(uint32_t ch);  // the C library's tolower() below 256, as CPython; identity beyond
uint32_t locale_upper(uint32_t ch);
bool ascii_iscased(uint32_t ch);
bool unicode_iscased(uint32_t ch);

// A compiled pattern's code and shape, as _sre.compile received them.
struct Program {
  std::vector<uint32_t> code;
  size_t groups = 0;  // capturing groups (group 0, the whole match, not counted)
};

// One run of the engine over a subject: positions are code-unit indices into the subject.
struct MatchState {
  ptrdiff_t pos = 0;     // where matching/searching starts (already clamped to [0, length])
  ptrdiff_t endpos = 0;  // where the subject is cut off (clamped to [pos, length])
  bool match_all = false;    // fullmatch: the match must end at endpos
  bool must_advance = false; // the match must not be empty at pos (finditer/sub/split after an empty match)
  // Results: where the match starts and ends, and the group marks (start, end of group 1, then group 2, ...;
  // -1 unset). The vector stops after the last mark the match set: groups beyond its end are unset too.
  ptrdiff_t start = 0;
  ptrdiff_t end = 0;
  std::vector<ptrdiff_t> marks;
  ptrdiff_t lastindex = -1;  // the last group closed (1-based), -1 when none
};

// Tries `program` at state.pos only (match/fullmatch). Fills state's results on a match.
template <class CharT>
Status match(const Program& program, std::span<const CharT> subject, MatchState& state);
// Tries `program` at state.pos, then each later position up to endpos (search).
template <class CharT>
Status search(const Program& program, std::span<const CharT> subject, MatchState& state);

}  // namespace minipy::sre

namespace minipy::sre {

// Whether `ch` belongs to character category `category` (a CHCODES value); false for unknown codes.
bool in_category(uint32_t category, uint32_t ch);
// Whether `ch` is in the set that starts at code[at] (the words after IN's skip, up to its FAILURE). Sets
// *invalid when the set runs off the code or holds an unknown operator.
bool in_charset(std::span<const uint32_t> code, size_t at, uint32_t ch, bool* invalid);

}  // namespace minipy::sre
