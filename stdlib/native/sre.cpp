// The native `_sre` module: CPython's regular-expression engine module, which Lib/re/_compiler.py compiles
// patterns for. This file holds the module (compile(), the case helpers, MAGIC/CODESIZE/MAXREPEAT/MAXGROUPS)
// and re.Pattern with its matching methods; sre_match.cpp has re.Match and the scanner, sre_engine.cpp the
// matcher itself, sre_subject.cpp the subject and argument helpers.
//
// Left out: bytes-like subjects other than bytes (bytearray, memoryview, mmap: the subject code in sre_subject.cpp
// takes str and bytes only and does not read through the buffer protocol, vm/objects/buffer.h),
// the code validator's exact diagnostics (malformed code fails with RuntimeError "invalid SRE code" when the
// engine reaches the bad part, never by reading outside it), `copyright`, and checking for signals (Ctrl-C)
// during a long match.
#include <cstring>

#include "stdlib/native/native_support.h"
#include "stdlib/native/native_type.h"
#include "stdlib/native/sre_module.h"
#include "vm/text/unicode.h"

namespace minipy {

Type sre_pattern_type;

namespace {

PatternObject* as_pattern(Value v) { return static_cast<PatternObject*>(v.as_object()); }

#define SRE_FN(name) Value name(ThreadState& ts, Value self, std::span<const Value> args, TupleObject* kwnames)

// An int argument that must fit in a code word (the case helpers take one character code).
bool code_word_arg(ThreadState& ts, const char* function, std::span<const Value> args, TupleObject* kwnames,
                   int64_t* out) {
  if (!no_keywords(ts, function, kwnames) || !check_arg_count(ts, function, args.size(), 1, 1)) return false;
  if (!is_int(args[0])) {
    raise_fmt(ts, TypeError_type, "'{}' object cannot be interpreted as an integer", type_name(args[0]));
    return false;
  }
  return index_to_int64(ts, args[0], out);
}

// Code words are 32 bits (CODESIZE 4), the unit _compiler.py's MAXCODE and the charset bitmaps are built for.
SRE_FN(sre_getcodesize) {
  if (!check_arg_count(ts, "getcodesize", args.size(), 0, 0)) return Value();
  return make_int(ts, 4);
}

// ascii_iscased / unicode_iscased / ascii_tolower / unicode_tolower(character): what _compiler.py asks about
// case when it compiles IGNORECASE patterns.
template <bool (*Predicate)(uint32_t)>
SRE_FN(sre_case_predicate) {
  int64_t ch;
  if (!code_word_arg(ts, "iscased", args, kwnames, &ch)) return Value();
  return Bool(ch >= 0 && ch <= 0xFFFFFFFF && Predicate(static_cast<uint32_t>(ch)));
}
template <uint32_t (*Mapping)(uint32_t)>
SRE_FN(sre_case_mapping) {
  int64_t ch;
  if (!code_word_arg(ts, "tolower", args, kwnames, &ch)) return Value();
  if (ch < 0 || ch > 0xFFFFFFFF) return make_int(ts, ch);
  return make_int(ts, Mapping(static_cast<uint32_t>(ch)));
}

// compile(pattern, flags, code, groups, groupindex, indexgroup): a Pattern running `code`.
SRE_FN(sre_compile) {
  static const char* const names[] = {"pattern", "flags", "code", "groups", "groupindex", "indexgroup"};
  Value a[6];
  if (!native::parse_args(ts, "compile", args, kwnames, names, 6, 0, a)) return Value();
  int64_t flags, groups;
  if (!index_to_int64(ts, a[1], &flags)) return Value();
  if (!is_list(a[2]))
    return raise_fmt(ts, TypeError_type, "compile() argument 'code' must be list, not {}", type_name(a[2]));
  if (!index_to_int64(ts, a[3], &groups)) return Value();
  if (!is_dict(a[4]))
    return raise_fmt(ts, TypeError_type, "compile() argument 'groupindex' must be dict, not {}", type_name(a[4]));
  if (!is_tuple(a[5]))
    return raise_fmt(ts, TypeError_type, "compile() argument 'indexgroup' must be tuple, not {}", type_name(a[5]));
  if (groups < 0 || groups > sre::kMaxGroups) return raise(ts, RuntimeError_type, "invalid SRE code");
  int kind = is_none(a[0]) ? kSubjectAny : is_str(a[0]) ? kSubjectStr : kSubjectBytes;
  if (kind == kSubjectBytes && !has_buffer(a[0]))
    return raise_fmt(ts, TypeError_type, "expected string or bytes-like object, got '{}'", type_name(a[0]));

  // The program is copied out of the code list once: the list is ordinary Python data a program could mutate later,
  // while the engine needs a fixed, validated array of words. Ownership passes to the Pattern (freed by its finalizer).
  auto program = std::make_unique<sre::Program>();
  auto* code = static_cast<ListObject*>(a[2].as_object());
  program->code.reserve(static_cast<size_t>(code->size));
  for (int64_t i = 0; i < code->size; i++) {
    Value item = code->items[i];
    int64_t word;
    if (!is_int(item)) return raise_fmt(ts, TypeError_type, "an integer is required");
    if (!int_to_int64(item, &word) || word < 0 || word > 0xFFFFFFFF)
      // CPython's _sre.compile stores the words in a C array of SRE_CODE and reports an out-of-range word with this
      // message.
      return raise(ts, OverflowError_type, "regular expression code size limit exceeded");
    program->code.push_back(static_cast<uint32_t>(word));
  }
  program->groups = static_cast<size_t>(groups);

  auto* p = ts.alloc<PatternObject>(&sre_pattern_type);
  p->pattern = a[0];
  p->flags = flags;
  p->groups = groups;
  p->groupindex = static_cast<DictObject*>(a[4].as_object());
  p->indexgroup = static_cast<TupleObject*>(a[5].as_object());
  p->kind = kind;
  p->program = program.release();
  return Value(p);
}

// ---- Pattern ------------------------------------------------------------------------------------------------

// The (string, pos, endpos) arguments of match/fullmatch/search/findall/finditer/scanner, loaded.
struct SubjectArgs {
  Value string;
  int64_t pos = 0;
  int64_t endpos = INT64_MAX;
};

bool parse_subject_args(ThreadState& ts, const char* function, std::span<const Value> args, TupleObject* kwnames,
                        SubjectArgs* out) {
  static const char* const names[] = {"string", "pos", "endpos"};
  Value a[3];
  if (!native::parse_args(ts, function, args, kwnames, names, 1, 0, a)) return false;
  out->string = a[0];
  if (a[1] && !index_to_int64(ts, a[1], &out->pos)) return false;
  if (a[2] && !index_to_int64(ts, a[2], &out->endpos)) return false;
  return true;
}

// match / fullmatch / search: one run of the engine, a Match or None.
// The subject is decoded once per call into the engine's code-unit array (load_subject), and pos/endpos are clamped as
// CPython clamps them (negative to 0, past the end to the length), so out-of-range bounds never fail.
Value run_once(ThreadState& ts, Value self, std::span<const Value> args, TupleObject* kwnames, const char* function,
               bool search, bool match_all) {
  SubjectArgs sa;
  if (!parse_subject_args(ts, function, args, kwnames, &sa)) return Value();
  PatternObject* p = as_pattern(self);
  Subject subject;
  if (!load_subject(ts, p, sa.string, &subject)) return Value();
  clamp_positions(subject.length, &sa.pos, &sa.endpos);
  sre::MatchState state;
  state.pos = sa.pos;
  state.endpos = sa.endpos;
  state.match_all = match_all;
  sre::Status status = subject.run(*p->program, state, search);
  if (status < 0) return raise_engine_error(ts, status);
  if (status == sre::kStatusNoMatch) return None();
  return make_match(ts, p, subject, state, sa.pos, sa.endpos);
}

SRE_FN(pattern_match) { return run_once(ts, self, args, kwnames, "match", false, false); }
SRE_FN(pattern_fullmatch) { return run_once(ts, self, args, kwnames, "fullmatch", false, true); }
SRE_FN(pattern_search) { return run_once(ts, self, args, kwnames, "search", true, false); }

// findall(string, pos, endpos): every non-overlapping match's text, or its group (one group) or groups.
SRE_FN(pattern_findall) {
  SubjectArgs sa;
  if (!parse_subject_args(ts, "findall", args, kwnames, &sa)) return Value();
  PatternObject* p = as_pattern(self);
  Subject subject;
  if (!load_subject(ts, p, sa.string, &subject)) return Value();
  clamp_positions(subject.length, &sa.pos, &sa.endpos);
  ListObject* result = make_list(ts, 0);
  sre::MatchState state;
  state.pos = sa.pos;
  state.endpos = sa.endpos;
  Value empty = subject.slice(ts, 0, 0);
  while (state.pos <= state.endpos) {
    sre::Status status = subject.run(*p->program, state, true);
    if (status < 0) return raise_engine_error(ts, status);
    if (status == sre::kStatusNoMatch) break;
    Value item;
    if (p->groups == 0) {
      item = state_group(ts, subject, state, 0, empty);
    } else if (p->groups == 1) {
      item = state_group(ts, subject, state, 1, empty);
    } else {
      TupleObject* t = make_tuple(ts, p->groups);
      for (int64_t i = 0; i < p->groups; i++) t->items[i] = state_group(ts, subject, state, i + 1, empty);
      item = Value(t);
    }
    if (!list_append(ts, result, item)) return Value();
    // After an empty match the next one may not be empty at the same position (must_advance), which makes the
    // loop terminate; an empty match right where a non-empty one ended is still found, as 3.7+ finds it.
    state.must_advance = state.end == state.start;
    state.pos = state.end;
  }
  return Value(result);
}

SRE_FN(pattern_scanner) {
  SubjectArgs sa;
  if (!parse_subject_args(ts, "scanner", args, kwnames, &sa)) return Value();
  return make_scanner(ts, as_pattern(self), sa.string, sa.pos, sa.endpos);
}

// finditer: iter(scanner.search, None), as CPython builds it.
SRE_FN(pattern_finditer) {
  SubjectArgs sa;
  if (!parse_subject_args(ts, "finditer", args, kwnames, &sa)) return Value();
  Value scanner = make_scanner(ts, as_pattern(self), sa.string, sa.pos, sa.endpos);
  if (!scanner) return Value();
  Value search = get_attr(ts, scanner, intern(ts, "search"));
  if (!search) return Value();
  return make_callable_iterator(ts, search, None());
}

// split(string, maxsplit=0): the pieces between matches, with the groups of each match between them.
SRE_FN(pattern_split) {
  static const char* const names[] = {"string", "maxsplit"};
  Value a[2];
  if (!native::parse_args(ts, "split", args, kwnames, names, 1, 0, a)) return Value();
  int64_t maxsplit = 0;
  if (a[1] && !index_to_int64(ts, a[1], &maxsplit)) return Value();
  PatternObject* p = as_pattern(self);
  Subject subject;
  if (!load_subject(ts, p, a[0], &subject)) return Value();
  ListObject* result = make_list(ts, 0);
  sre::MatchState state;
  state.pos = 0;
  state.endpos = subject.length;
  int64_t last = 0;
  for (int64_t n = 0; maxsplit <= 0 || n < maxsplit; n++) {
    if (maxsplit < 0) break;  // a negative maxsplit splits nothing
    sre::Status status = subject.run(*p->program, state, true);
    if (status < 0) return raise_engine_error(ts, status);
    if (status == sre::kStatusNoMatch) break;
    if (!list_append(ts, result, subject.slice(ts, last, state.start))) return Value();
    for (int64_t i = 0; i < p->groups; i++)
      if (!list_append(ts, result, state_group(ts, subject, state, i + 1, None()))) return Value();
    // As in findall: no second empty match at the same position.
    state.must_advance = state.end == state.start;
    last = state.pos = state.end;
  }
  if (!list_append(ts, result, subject.slice(ts, last, subject.length))) return Value();
  return Value(result);
}

// Whether a replacement template is plain text (no backslash: nothing to expand).
bool is_literal_template(ThreadState& ts, Value repl) {
  if (is_str(repl)) return as_str(repl)->view().find('\\') == std::string_view::npos;
  if (repl.is_object() && is_subtype(type_of(repl), &bytes_type))
    return static_cast<BytesObject*>(repl.as_object())->view().find('\\') == std::string_view::npos;
  BufferLease buffer;
  if (has_buffer(repl) && buffer.acquire(ts, repl)) return buffer.bytes().find('\\') == std::string_view::npos;
  ts.current_exception = Value();  // not text: re._subx decides
  return false;
}

// Joins the pieces of sub()'s result with CPython's type errors ("sequence item 0: expected str instance, int
// found").
Value join_pieces(ThreadState& ts, ListObject* pieces, bool bytes) {
  // One exact str or bytes is the result itself, as CPython's joins give it (sub() with no match returns its
  // subject, not a copy).
  if (pieces->size == 1 && type_of(pieces->items[0]) == (bytes ? &bytes_type : &str_type)) return pieces->items[0];
  std::string out;
  bool ascii = true;
  int64_t length = 0;
  for (int64_t i = 0; i < pieces->size; i++) {
    Value piece = pieces->items[i];
    if (bytes) {
      BufferLease buffer;
      if (!has_buffer(piece) || !buffer.acquire(ts, piece)) {
        ts.current_exception = Value();  // a refused export is worded as a missing one, as CPython's bytes join
        return raise_fmt(ts, TypeError_type, "sequence item {}: expected a bytes-like object, {} found", i,
                         type_name(piece));
      }
      out += buffer.bytes();
    } else {
      if (!is_str(piece))
        return raise_fmt(ts, TypeError_type, "sequence item {}: expected str instance, {} found", i,
                         type_name(piece));
      StrObject* s = as_str(piece);
      out += s->view();
      length += s->length;
      ascii = ascii && s->is_ascii();
    }
  }
  if (bytes) return make_bytes(ts, out);
  return Value(make_str_known(ts, out, length, ascii));
}

// sub/subn(repl, string, count=0): `repl` is a callable (called with each Match), plain text, or a template
// that re._subx turns into either.
Value substitute(ThreadState& ts, Value self, std::span<const Value> args, TupleObject* kwnames, const char* function,
                 bool with_count) {
  static const char* const names[] = {"repl", "string", "count"};
  Value a[3];
  if (!native::parse_args(ts, function, args, kwnames, names, 2, 0, a)) return Value();
  int64_t count = 0;
  if (a[2] && !index_to_int64(ts, a[2], &count)) return Value();
  PatternObject* p = as_pattern(self);
  Value filter = a[0];
  bool filter_is_callable = type_of(filter)->call != nullptr && !is_str(filter);
  if (!filter_is_callable && !is_literal_template(ts, filter)) {
    Value helper_args[2] = {self, a[0]};
    filter = call_re_helper(ts, "_subx", helper_args);
    if (!filter) return Value();
    filter_is_callable = type_of(filter)->call != nullptr && !is_str(filter);
  }
  Subject subject;
  if (!load_subject(ts, p, a[1], &subject)) return Value();
  ListObject* pieces = make_list(ts, 0);
  sre::MatchState state;
  state.pos = 0;
  state.endpos = subject.length;
  int64_t last = 0, n = 0;
  while (count <= 0 || n < count) {
    if (count < 0) break;
    sre::Status status = subject.run(*p->program, state, true);
    if (status < 0) return raise_engine_error(ts, status);
    if (status == sre::kStatusNoMatch) break;
    if (last < state.start && !list_append(ts, pieces, subject.slice(ts, last, state.start))) return Value();
    Value item = filter;
    if (filter_is_callable) {
      Value match = make_match(ts, p, subject, state, 0, subject.length);
      if (!match) return Value();
      item = call(ts, filter, std::span<const Value>(&match, 1));
      if (!item) return Value();
    }
    if (!is_none(item) && !list_append(ts, pieces, item)) return Value();
    last = state.end;
    n++;
    // After an empty match the next one may not be empty at the same position (must_advance), which makes the
    // loop terminate; an empty match right where a non-empty one ended is still found, as 3.7+ finds it.
    state.must_advance = state.end == state.start;
    state.pos = state.end;
  }
  if (last < subject.length && !list_append(ts, pieces, subject.slice(ts, last, subject.length))) return Value();
  Value joined = pieces->size == 0 ? subject.slice(ts, 0, 0) : join_pieces(ts, pieces, subject.is_bytes);
  if (!joined || !with_count) return joined;
  Value items[2] = {joined, make_int(ts, n)};
  return Value(make_tuple(ts, items));
}

SRE_FN(pattern_sub) { return substitute(ts, self, args, kwnames, "sub", false); }
SRE_FN(pattern_subn) { return substitute(ts, self, args, kwnames, "subn", true); }

SRE_FN(pattern_copy) { return self; }
SRE_FN(pattern_deepcopy) {
  if (!check_arg_count(ts, "__deepcopy__", args.size(), 1, 1)) return Value();
  return self;
}

SRE_FN(pattern_get_pattern) { return as_pattern(self)->pattern; }
SRE_FN(pattern_get_flags) { return make_int(ts, as_pattern(self)->flags); }
SRE_FN(pattern_get_groups) { return make_int(ts, as_pattern(self)->groups); }
SRE_FN(pattern_get_groupindex) { return make_mappingproxy(ts, Value(as_pattern(self)->groupindex)); }

// re.compile('pattern', re.IGNORECASE|re.MULTILINE): the flags by name, re.UNICODE left out for str patterns
// where it is the default, unknown bits in hex.
Value pattern_repr(ThreadState& ts, Value self) {
  PatternObject* p = as_pattern(self);
  static const struct { const char* name; int64_t value; } kFlagNames[] = {
      {"re.TEMPLATE", 1}, {"re.IGNORECASE", 2}, {"re.LOCALE", 4}, {"re.MULTILINE", 8}, {"re.DOTALL", 16},
      {"re.UNICODE", 32}, {"re.VERBOSE", 64}, {"re.DEBUG", 128}, {"re.ASCII", 256},
  };
  Value source = py_repr(ts, p->pattern);
  if (!source) return Value();
  StrObject* s = as_str(source);
  std::string text = "re.compile(";
  if (s->length > 200) {
    // %.200R: the first 200 characters of the repr.
    text += s->view().substr(0, s->is_ascii() ? 200 : text::byte_offset_of_index(s->view(), 200));
  } else {
    text += s->view();
  }
  int64_t flags = p->flags;
  if (p->kind == kSubjectStr && (flags & (4 | 32 | 256)) == 32) flags &= ~int64_t{32};
  if (flags) {
    text += ", ";
    bool first = true;
    for (const auto& f : kFlagNames) {
      if (!(flags & f.value)) continue;
      if (!first) text += "|";
      text += f.name;
      first = false;
      flags &= ~f.value;
    }
    if (flags) {
      if (!first) text += "|";
      text += fmt::format("{:#x}", flags);
    }
  }
  text += ")";
  return Value(make_str(ts, text));
}

Value pattern_richcompare(ThreadState& ts, Value left, Value right, int op) {
  if ((op != kEq && op != kNe) || type_of(left) != &sre_pattern_type || type_of(right) != &sre_pattern_type)
    return NotImplemented();
  PatternObject* a = as_pattern(left);
  PatternObject* b = as_pattern(right);
  bool equal = left == right;
  if (!equal && a->flags == b->flags && a->kind == b->kind && a->program->code == b->program->code) {
    int same = py_eq(ts, a->pattern, b->pattern);
    if (same < 0) return Value();
    equal = same == 1;
  }
  return Bool(equal == (op == kEq));
}

bool pattern_hash(ThreadState& ts, Value self, int64_t* out) {
  PatternObject* p = as_pattern(self);
  int64_t hash;
  if (!py_hash(ts, p->pattern, &hash)) return false;
  // FNV-1a over the code words: equal patterns have equal code, so equal hashes.
  uint64_t code_hash = 14695981039346656037ull;
  for (uint32_t w : p->program->code) code_hash = (code_hash ^ w) * 1099511628211ull;
  hash ^= static_cast<int64_t>(code_hash >> 1) ^ p->flags ^ p->kind ^ static_cast<int64_t>(p->program->code.size());
  *out = hash == -1 ? -2 : hash;
  return true;
}

void trace_pattern(Object* self, Tracer& tracer) {
  auto* p = static_cast<PatternObject*>(self);
  tracer.visit(p->pattern);
  tracer.visit(p->groupindex);
  tracer.visit(p->indexgroup);
}

void finalize_pattern(Object* self) {
  auto* p = static_cast<PatternObject*>(self);
  delete p->program;
  p->program = nullptr;
}

const MethodDef kPatternMethods[] = {
    {"match", pattern_match},       {"fullmatch", pattern_fullmatch}, {"search", pattern_search},
    {"findall", pattern_findall},   {"finditer", pattern_finditer},   {"scanner", pattern_scanner},
    {"split", pattern_split},       {"sub", pattern_sub},             {"subn", pattern_subn},
    {"__copy__", pattern_copy},     {"__deepcopy__", pattern_deepcopy},
};
const MethodDef kPatternGetters[] = {
    {"pattern", pattern_get_pattern},
    {"flags", pattern_get_flags},
    {"groups", pattern_get_groups},
    {"groupindex", pattern_get_groupindex},
};

const MethodDef kModuleFunctions[] = {
    {"compile", sre_compile},
    {"getcodesize", sre_getcodesize},
    {"ascii_iscased", sre_case_predicate<sre::ascii_iscased>},
    {"unicode_iscased", sre_case_predicate<sre::unicode_iscased>},
    {"ascii_tolower", sre_case_mapping<sre::ascii_lower>},
    {"unicode_tolower", sre_case_mapping<sre::unicode_lower>},
};

#undef SRE_FN

}  // namespace

// Pattern(), Match() and the scanner type cannot be called: their objects come from compile() and matching.
Value refuse_new(ThreadState& ts, Type* type, std::span<const Value>, TupleObject*) {
  return raise_fmt(ts, TypeError_type, "cannot create '{}' instances", type->c_name);
}

void init_sre_types(ThreadState& ts) {
  Type& t = sre_pattern_type;
  if (begin_native_type(ts, t, "Pattern", "re", sizeof(PatternObject))) {
    t.new_instance = refuse_new;
    t.repr = pattern_repr;
    t.hash = pattern_hash;
    t.richcompare = pattern_richcompare;
    t.trace = trace_pattern;
    t.finalize = finalize_pattern;
    add_methods(ts, t, kPatternMethods);
    add_methods(ts, t, kClassGetitemMethod);
    add_getsets(ts, t, kPatternGetters);
    allow_weak_references(t);
    finish_native_type(ts, t);
  }
  init_sre_match_types(ts);
}

ModuleObject* create_sre_module(ThreadState& ts) {
  init_sre_types(ts);  // the types are readied on first import (a program that never uses re pays nothing)
  ModuleObject* m = make_module(ts, "_sre");
  for (const MethodDef& def : kModuleFunctions)
    dict_set_str_new(ts, m->dict, intern(ts, def.name), make_native_function(ts, &def, Value(m), Value(m->name)));
  dict_set_str_new(ts, m->dict, intern(ts, "MAGIC"), make_int(ts, sre::kMagic));
  dict_set_str_new(ts, m->dict, intern(ts, "CODESIZE"), make_int(ts, 4));
  dict_set_str_new(ts, m->dict, intern(ts, "MAXREPEAT"), make_int(ts, sre::kMaxRepeat));
  dict_set_str_new(ts, m->dict, intern(ts, "MAXGROUPS"), make_int(ts, sre::kMaxGroups));
  dict_set_str_new(ts, m->dict, intern(ts, "copyright"),
               Value(make_str(ts, "minipy's _sre: a regular expression engine for CPython 3.11's re")));
  return m;
}

}  // namespace minipy
