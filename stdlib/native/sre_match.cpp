// re.Match and the scanner of the native `_sre` module (see sre.cpp for the module and re.Pattern).
// A Match keeps its subject object and, per group, the span in code units plus the same span as byte offsets
// into the subject's UTF-8, so group() slices without rescanning the text.
#include <algorithm>

#include "stdlib/native/native_support.h"
#include "stdlib/native/native_type.h"
#include "stdlib/native/sre_module.h"
#include "vm/text/unicode.h"

namespace minipy {

Type sre_match_type, sre_scanner_type;

namespace {

MatchObject* as_match(Value v) { return static_cast<MatchObject*>(v.as_object()); }
ScannerObject* as_scanner(Value v) { return static_cast<ScannerObject*>(v.as_object()); }

#define SRE_FN(name) Value name(ThreadState& ts, Value self, std::span<const Value> args, TupleObject* kwnames)

// Group g's span in code units (what start()/end()/span() report; -1 for a group that did not match).
int64_t group_start(MatchObject* m, int64_t g) { return m->spans[4 * g]; }
int64_t group_end(MatchObject* m, int64_t g) { return m->spans[4 * g + 1]; }

// The text of group `g`, or `missing` when the group did not take part in the match.
Value group_text(ThreadState& ts, MatchObject* m, int64_t g, Value missing) {
  int64_t start = group_start(m, g), end = group_end(m, g);
  if (start < 0) return missing;
  auto from = static_cast<size_t>(m->spans[4 * g + 2]);
  auto to = static_cast<size_t>(m->spans[4 * g + 3]);
  if (is_str(m->string)) {
    std::string_view text = as_str(m->string)->view().substr(from, to - from);
    return Value(make_str_known(ts, text, end - start, text.size() == static_cast<size_t>(end - start)));
  }
  if (is_subtype(type_of(m->string), &bytes_type))
    return make_bytes(ts, static_cast<BytesObject*>(m->string.as_object())->view().substr(from, to - from));
  // Another buffer is read again, as it is now, and the span cut to its length (CPython's getslice).
  BufferLease buffer;
  if (!buffer.acquire(ts, m->string)) return Value();
  std::string_view bytes = buffer.bytes();
  from = std::min(from, bytes.size());
  return make_bytes(ts, bytes.substr(from, std::min(to, bytes.size()) - from));
}

// The group number `index` names: an int in range, or a group name; IndexError "no such group" otherwise.
bool group_index(ThreadState& ts, MatchObject* m, Value index, int64_t* out) {
  int64_t i = -1;
  if (is_int(index) || type_of(index)->index) {
    // An index object's __index__ counts (CPython's PyIndex_Check); one too big for any group is no group.
    Value number = number_index(ts, index);
    if (!number) return false;
    if (!int_to_int64(number, &i)) i = -1;
  } else if (m->pattern->groupindex->used > 0) {
    // As CPython, only a pattern with named groups looks the name up (so an unhashable one is a TypeError).
    Value found = dict_get(ts, m->pattern->groupindex, index);
    if (!found && ts.current_exception) return false;
    if (found && is_int(found) && !int_to_int64(found, &i)) i = -1;
  }
  if (i < 0 || i >= m->groups) return raise(ts, IndexError_type, "no such group"), false;
  *out = i;
  return true;
}

// group(): group 0; group(g): one group; group(g1, g2, ...): a tuple. Every argument is checked.
SRE_FN(match_group) {
  if (!no_keywords(ts, "group", kwnames)) return Value();
  MatchObject* m = as_match(self);
  if (args.empty()) return group_text(ts, m, 0, None());
  if (args.size() == 1) {
    int64_t g;
    if (!group_index(ts, m, args[0], &g)) return Value();
    return group_text(ts, m, g, None());
  }
  TupleObject* result = make_tuple(ts, static_cast<int64_t>(args.size()));
  for (size_t i = 0; i < args.size(); i++) result->items[i] = None();
  for (size_t i = 0; i < args.size(); i++) {
    int64_t g;
    if (!group_index(ts, m, args[i], &g)) return Value();
    result->items[i] = group_text(ts, m, g, None());
  }
  return Value(result);
}

// m[g]: group g, as m.group(g) (the slot, and __getitem__ for explicit calls).
Value match_getitem(ThreadState& ts, Value self, Value key) {
  int64_t g;
  if (!group_index(ts, as_match(self), key, &g)) return Value();
  return group_text(ts, as_match(self), g, None());
}
SRE_FN(match_getitem_method) {
  if (!check_positional_args(ts, "__getitem__", args, kwnames, 1, 1))
    return Value();
  return match_getitem(ts, self, args[0]);
}

// The `default` argument of groups()/groupdict() (None when absent).
bool default_arg(ThreadState& ts, const char* function, std::span<const Value> args, TupleObject* kwnames,
                 Value* out) {
  static const char* const names[] = {"default"};
  Value a[1];
  if (!native::parse_args(ts, function, args, kwnames, names, 0, 0, a)) return false;
  *out = a[0] ? a[0] : None();
  return true;
}

// groups(default=None): groups 1..n, `default` for those that did not take part.
SRE_FN(match_groups) {
  Value missing;
  if (!default_arg(ts, "groups", args, kwnames, &missing)) return Value();
  MatchObject* m = as_match(self);
  TupleObject* result = make_tuple(ts, m->groups - 1);
  for (int64_t g = 1; g < m->groups; g++) result->items[g - 1] = None();
  for (int64_t g = 1; g < m->groups; g++) result->items[g - 1] = group_text(ts, m, g, missing);
  return Value(result);
}

// groupdict(default=None): named groups only, in the order the pattern names them.
SRE_FN(match_groupdict) {
  Value missing;
  if (!default_arg(ts, "groupdict", args, kwnames, &missing)) return Value();
  MatchObject* m = as_match(self);
  DictObject* result = make_dict(ts);
  int64_t position = 0;
  Value name, number;
  while (dict_next(m->pattern->groupindex, &position, &name, &number)) {
    int64_t g;
    if (!group_index(ts, m, name, &g)) return Value();
    if (!dict_set(ts, result, name, group_text(ts, m, g, missing))) return Value();
  }
  return Value(result);
}

// The group argument of start()/end()/span() (0 when absent).
bool optional_group(ThreadState& ts, const char* function, MatchObject* m, std::span<const Value> args,
                    TupleObject* kwnames, int64_t* out) {
  if (!no_keywords(ts, function, kwnames) || !check_arg_count(ts, function, args.size(), 0, 1)) return false;
  *out = 0;
  return args.empty() || group_index(ts, m, args[0], out);
}

SRE_FN(match_start) {
  int64_t g;
  if (!optional_group(ts, "start", as_match(self), args, kwnames, &g)) return Value();
  return make_int(ts, group_start(as_match(self), g));
}

SRE_FN(match_end) {
  int64_t g;
  if (!optional_group(ts, "end", as_match(self), args, kwnames, &g)) return Value();
  return make_int(ts, group_end(as_match(self), g));
}

Value span_tuple(ThreadState& ts, MatchObject* m, int64_t g) {
  Value items[2] = {make_int(ts, group_start(m, g)), make_int(ts, group_end(m, g))};
  return Value(make_tuple(ts, items));
}

SRE_FN(match_span) {
  int64_t g;
  if (!optional_group(ts, "span", as_match(self), args, kwnames, &g)) return Value();
  return span_tuple(ts, as_match(self), g);
}

// expand(template): re._expand does the template work, as in CPython.
SRE_FN(match_expand) {
  static const char* const names[] = {"template"};
  Value a[1];
  if (!native::parse_args(ts, "expand", args, kwnames, names, 1, 0, a)) return Value();
  Value helper_args[3] = {Value(as_match(self)->pattern), self, a[0]};
  return call_re_helper(ts, "_expand", helper_args);
}

SRE_FN(match_copy) { return self; }
SRE_FN(match_deepcopy) {
  if (!check_arg_count(ts, "__deepcopy__", args.size(), 1, 1)) return Value();
  return self;
}

SRE_FN(match_get_pos) { return make_int(ts, as_match(self)->pos); }
SRE_FN(match_get_endpos) { return make_int(ts, as_match(self)->endpos); }
SRE_FN(match_get_lastindex) {
  int64_t i = as_match(self)->lastindex;
  return i >= 0 ? make_int(ts, i) : None();
}
// The name of the last group closed, None when it has no name or no group closed.
SRE_FN(match_get_lastgroup) {
  MatchObject* m = as_match(self);
  TupleObject* names = m->pattern->indexgroup;
  if (m->lastindex < 0 || !names || m->lastindex >= names->size) return None();
  return names->items[m->lastindex];
}
SRE_FN(match_get_re) { return Value(as_match(self)->pattern); }
SRE_FN(match_get_string) { return as_match(self)->string; }
// regs: the spans of group 0 and every group, as a tuple of pairs.
SRE_FN(match_get_regs) {
  MatchObject* m = as_match(self);
  TupleObject* result = make_tuple(ts, m->groups);
  for (int64_t g = 0; g < m->groups; g++) result->items[g] = None();
  for (int64_t g = 0; g < m->groups; g++) result->items[g] = span_tuple(ts, m, g);
  return Value(result);
}

// <re.Match object; span=(0, 3), match='abc'>, the match's repr cut to 50 characters.
Value match_repr(ThreadState& ts, Value self) {
  MatchObject* m = as_match(self);
  Value text = group_text(ts, m, 0, None());
  if (!text) return Value();
  Value shown = py_repr(ts, text);
  if (!shown) return Value();
  StrObject* s = as_str(shown);
  std::string_view view = s->view();
  if (s->length > 50) view = view.substr(0, s->is_ascii() ? 50 : text::byte_offset_of_index(view, 50));
  return Value(make_str(ts, fmt::format("<re.Match object; span=({}, {}), match={}>", group_start(m, 0),
                                        group_end(m, 0), view)));
}

void trace_match(Object* self, Tracer& tracer) {
  auto* m = static_cast<MatchObject*>(self);
  tracer.visit(m->pattern);
  tracer.visit(m->string);
}

// ---- the scanner ---------------------------------------------------------------------------------------------

// One step of the scanner: a Match from where the last one ended, or None (and None from then on).
Value scanner_step(ThreadState& ts, Value self, std::span<const Value> args, bool search) {
  if (!check_arg_count(ts, search ? "search" : "match", args.size(), 0, 0)) return Value();
  ScannerObject* s = as_scanner(self);
  if (s->start < 0) return None();
  sre::MatchState state;
  state.pos = s->start;
  state.endpos = s->endpos;
  state.must_advance = s->must_advance;
  sre::Status status = s->subject->run(*s->pattern->program, state, search);
  if (status < 0) return raise_engine_error(ts, status);
  if (status == sre::kStatusNoMatch) {
    s->start = -1;
    return None();
  }
  Value match = make_match(ts, s->pattern, *s->subject, state, s->pos, s->endpos);
  s->must_advance = state.end == state.start;
  s->start = state.end;
  return match;
}

SRE_FN(scanner_match) { return no_keywords(ts, "match", kwnames) ? scanner_step(ts, self, args, false) : Value(); }
SRE_FN(scanner_search) { return no_keywords(ts, "search", kwnames) ? scanner_step(ts, self, args, true) : Value(); }
SRE_FN(scanner_get_pattern) { return Value(as_scanner(self)->pattern); }

void trace_scanner(Object* self, Tracer& tracer) {
  auto* s = static_cast<ScannerObject*>(self);
  tracer.visit(s->pattern);
  tracer.visit(s->string);
}

void finalize_scanner(Object* self) {
  auto* s = static_cast<ScannerObject*>(self);
  delete s->subject;
  s->subject = nullptr;
}

const MethodDef kMatchMethods[] = {
    {"group", match_group},   {"groups", match_groups},     {"groupdict", match_groupdict},
    {"start", match_start},   {"end", match_end},           {"span", match_span},
    {"expand", match_expand}, {"__copy__", match_copy},     {"__deepcopy__", match_deepcopy},
    {"__getitem__", match_getitem_method},
};
const MethodDef kMatchGetters[] = {
    {"pos", match_get_pos},       {"endpos", match_get_endpos}, {"lastindex", match_get_lastindex},
    {"lastgroup", match_get_lastgroup}, {"re", match_get_re}, {"string", match_get_string},
    {"regs", match_get_regs},
};
const MethodDef kScannerMethods[] = {{"match", scanner_match}, {"search", scanner_search}};
const MethodDef kScannerGetters[] = {{"pattern", scanner_get_pattern}};

#undef SRE_FN

}  // namespace

// The Match records spans both as code-unit indices and as byte offsets: the subject's decoded form is gone by
// the time group() runs, and re-walking the UTF-8 text per call would make finditer quadratic.
Value make_match(ThreadState& ts, PatternObject* pattern, Subject& subject, const sre::MatchState& state,
                 int64_t pos, int64_t endpos) {
  int64_t groups = pattern->groups + 1;
  if (groups > (int64_t{1} << 24)) return raise(ts, MemoryError_type, "");
  // MatchObject already holds one of the 4 * groups span words.
  size_t size = sizeof(MatchObject) + sizeof(int64_t) * (4 * static_cast<size_t>(groups) - 1);
  auto* m = ts.alloc<MatchObject>(&sre_match_type, size);
  m->pattern = pattern;
  m->string = subject.object;
  m->pos = pos;
  m->endpos = endpos;
  m->lastindex = state.lastindex;
  m->groups = groups;
  for (int64_t g = 0; g < groups; g++) {
    int64_t start = -1, end = -1;
    if (g == 0) {
      start = state.start;
      end = state.end;
    } else if (static_cast<size_t>(2 * g - 1) < state.marks.size() && state.marks[2 * g - 2] >= 0) {
      start = state.marks[2 * g - 2];
      end = state.marks[2 * g - 1];
    }
    m->spans[4 * g] = start;
    m->spans[4 * g + 1] = end;
    m->spans[4 * g + 2] = start < 0 ? -1 : static_cast<int64_t>(subject.byte_offset(start));
    m->spans[4 * g + 3] = end < 0 ? -1 : static_cast<int64_t>(subject.byte_offset(end));
  }
  return Value(m);
}

// The scanner decodes its subject once and keeps it (finditer over a long text decodes it once, not per match).
Value make_scanner(ThreadState& ts, PatternObject* pattern, Value string, int64_t pos, int64_t endpos) {
  auto subject = std::make_unique<Subject>();
  if (!load_subject(ts, pattern, string, subject.get())) return Value();
  clamp_positions(subject->length, &pos, &endpos);
  auto* s = ts.alloc<ScannerObject>(&sre_scanner_type);
  s->pattern = pattern;
  s->string = string;
  s->subject = subject.release();
  s->start = pos;
  s->pos = pos;
  s->endpos = endpos;
  s->must_advance = false;
  return Value(s);
}

void init_sre_match_types(ThreadState& ts) {
  Type& m = sre_match_type;
  if (begin_native_type(ts, m, "Match", "re", sizeof(MatchObject))) {
    m.new_instance = refuse_new;
    m.repr = match_repr;
    m.getitem = match_getitem;
    m.trace = trace_match;
    add_methods(ts, m, kMatchMethods);
    add_methods(ts, m, kClassGetitemMethod);
    add_getsets(ts, m, kMatchGetters);
    finish_native_type(ts, m);
  }
  Type& s = sre_scanner_type;
  if (begin_native_type(ts, s, "SRE_Scanner", "_sre", sizeof(ScannerObject))) {
    s.new_instance = refuse_new;
    s.trace = trace_scanner;
    s.finalize = finalize_scanner;
    add_methods(ts, s, kScannerMethods);
    add_getsets(ts, s, kScannerGetters);
    finish_native_type(ts, s);
  }
}

}  // namespace minipy
