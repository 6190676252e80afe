// The objects of the native `_sre` module, shared by its files: sre.cpp (the module, compile() and Pattern),
// sre_match.cpp (Match and Scanner) and sre_subject.cpp (subjects: str/bytes as arrays the engine reads).
#pragma once
#include <memory>
#include <vector>

#include "stdlib/native/sre_engine.h"
#include "vm/objects/buffer.h"
#include "vm/runtime.h"

namespace minipy {

extern Type sre_pattern_type, sre_match_type, sre_scanner_type;

enum SubjectKind : int { kSubjectStr = 0, kSubjectBytes = 1, kSubjectAny = -1 };

// A compiled regular expression (re.Pattern).
struct PatternObject : Object {
  Value pattern;            // the source str or bytes (or None)
  int64_t flags;
  int64_t groups;           // capturing groups
  DictObject* groupindex;   // name -> group number
  TupleObject* indexgroup;  // group number -> name or None
  int kind;                 // which subjects it takes: kSubjectStr, kSubjectBytes, or kSubjectAny (pattern None)
  sre::Program* program;    // owned (new/delete, released by the type's finalize slot)
};

// What the engine reads of a subject: bytes and ASCII text in place as 8-bit units, other text decoded to
// code points. Also converts code point indices into UTF-8 byte offsets for slicing (cheap for ascending
// positions, which is what findall/sub/finditer ask for).
struct Subject {
  Value object;                 // the str or bytes-like object (kept alive by whoever holds the Subject)
  bool is_bytes = false;
  std::string_view data;        // the object's bytes (UTF-8 for a str)
  BufferLease buffer;           // held while the engine reads a buffer other than bytes: it cannot resize
  std::vector<uint32_t> wide;   // code points, when the text is not ASCII
  int64_t length = 0;           // in code units (what the engine and the match positions count)
  size_t cursor_index = 0, cursor_offset = 0;  // a known (code point index, byte offset) pair
  bool narrow() const { return wide.empty() && (is_bytes || data.size() == static_cast<size_t>(length)); }
  size_t byte_offset(int64_t index);
  // The subject's `[from, to)` slice as a new str or bytes.
  Value slice(ThreadState& ts, int64_t from, int64_t to);
  // Runs the engine: search (else match) with `state`.
  sre::Status run(const sre::Program& program, sre::MatchState& state, bool search);
};

// A successful match (re.Match). Followed in memory by 4 words per group (group 0 first): start and end as
// code-unit indices (-1 when the group did not take part), then start and end as byte offsets into the subject.
struct MatchObject : Object {
  PatternObject* pattern;
  Value string;
  int64_t pos, endpos;
  int64_t lastindex;  // -1 when no group closed
  int64_t groups;     // pattern groups + 1
  int64_t spans[1];
};

// A pattern stepping through one subject (pattern.scanner(), and finditer's engine).
struct ScannerObject : Object {
  PatternObject* pattern;
  Value string;
  Subject* subject;  // owned (new/delete, released by the type's finalize slot)
  int64_t start;     // where the next attempt begins; -1 once exhausted
  int64_t endpos;
  int64_t pos;       // as given, for the Match objects it makes
  bool must_advance;
};

// Fills `subject` from `string` for `pattern` (TypeError when the kinds differ or it is neither).
[[nodiscard]] bool load_subject(ThreadState& ts, PatternObject* pattern, Value string, Subject* subject);
// Clamps pos/endpos to the subject as CPython does (negative -> 0, past the end -> the end).
void clamp_positions(int64_t length, int64_t* pos, int64_t* endpos);
// Raises the exception for an engine error status.
Value raise_engine_error(ThreadState& ts, sre::Status status);
// A Match for the state of a successful run over `subject`.
Value make_match(ThreadState& ts, PatternObject* pattern, Subject& subject, const sre::MatchState& state,
                 int64_t pos, int64_t endpos);
// A new scanner over `string` from pos to endpos (null with an exception for a bad subject).
Value make_scanner(ThreadState& ts, PatternObject* pattern, Value string, int64_t pos, int64_t endpos);
// The value of group `index` of a finished run (for findall/split): its text, or `missing` when unset.
Value state_group(ThreadState& ts, Subject& subject, const sre::MatchState& state, int64_t index, Value missing);
// Calls the pure-Python helper `re.NAME(args...)` (re._subx, re._expand), importing `re` if needed.
Value call_re_helper(ThreadState& ts, const char* name, std::span<const Value> args);
// The new slot of the three types: TypeError "cannot create 're.Pattern' instances".
Value refuse_new(ThreadState& ts, Type* type, std::span<const Value> args, TupleObject* kwnames);
// Readies re.Match and the scanner type (sre.cpp readies re.Pattern), once per interpreter.
void init_sre_match_types(ThreadState& ts);

}  // namespace minipy
