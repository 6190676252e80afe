// Subjects and helpers of the native `_sre` module: turning a str or bytes into the code-unit array the engine
// reads (sre_engine.h), slicing results back out, and the calls into
// the pure-Python half of `re` (re._subx, re._expand) that CPython's _sre makes too.
#include <new>

#include "stdlib/native/sre_module.h"
#include "vm/text/unicode.h"

namespace minipy {

namespace {

// How many UTF-8 bytes encode `cp` (surrogates included, as minipy's strs store them).
size_t utf8_length(uint32_t cp) { return cp < 0x80 ? 1 : cp < 0x800 ? 2 : cp < 0x10000 ? 3 : 4; }

}  // namespace

size_t Subject::byte_offset(int64_t index) {
  if (wide.empty()) return static_cast<size_t>(index);
  auto target = static_cast<size_t>(index);
  // Walk from the remembered position, or from the start when that is closer.
  if (target < cursor_index && target < cursor_index - target) cursor_index = cursor_offset = 0;
  while (cursor_index < target) cursor_offset += utf8_length(wide[cursor_index++]);
  while (cursor_index > target) cursor_offset -= utf8_length(wide[--cursor_index]);
  return cursor_offset;
}

Value Subject::slice(ThreadState& ts, int64_t from, int64_t to) {
  if (to < from) to = from;  // an empty result rather than a negative length (CPython slices the same way)
  // All of an exact str or bytes is the object itself (CPython's getslice): split/sub without a match copy nothing.
  if (from == 0 && to == length && (type_of(object) == &str_type || type_of(object) == &bytes_type)) return object;
  if (is_bytes) return make_bytes(ts, data.substr(static_cast<size_t>(from), static_cast<size_t>(to - from)));
  size_t first = byte_offset(from);
  size_t last = byte_offset(to);
  std::string_view text = data.substr(first, last - first);
  return Value(make_str_known(ts, text, to - from, text.size() == static_cast<size_t>(to - from)));
}

// One engine instantiation per code-unit width: 8-bit units read the object's bytes in place.
sre::Status Subject::run(const sre::Program& program, sre::MatchState& state, bool search) try {
  if (!wide.empty()) {
    std::span<const uint32_t> units(wide.data(), wide.size());
    return search ? sre::search(program, units, state) : sre::match(program, units, state);
  }
  std::span<const uint8_t> units(reinterpret_cast<const uint8_t*>(data.data()), data.size());
  return search ? sre::search(program, units, state) : sre::match(program, units, state);
} catch (const std::bad_alloc&) {
  return sre::kStatusMemory;  // the engine's stacks could not grow: MemoryError, as CPython's engine gives
}

// The subject kinds CPython accepts: str (any subclass) and any C-contiguous buffer (bytes, bytearray, memoryview,
// mmap, array.array), whose bytes are the code units.
bool load_subject(ThreadState& ts, PatternObject* pattern, Value string, Subject* subject) {
  subject->object = string;
  if (is_str(string)) {
    if (pattern->kind == kSubjectBytes)
      return raise(ts, TypeError_type, "cannot use a bytes pattern on a string-like object"), false;
    StrObject* s = as_str(string);
    subject->data = s->view();
    subject->length = s->length;
    // Non-ASCII text is decoded once per call, so positions are code point indices as in CPython.
    if (!s->is_ascii()) {
      subject->wide.reserve(static_cast<size_t>(s->length));
      for (size_t at = 0; at < subject->data.size();) subject->wide.push_back(text::next_code_point(subject->data, &at));
    }
    return true;
  }
  if (string.is_object() && is_subtype(type_of(string), &bytes_type)) {
    subject->data = static_cast<BytesObject*>(string.as_object())->view();
  } else if (has_buffer(string) && subject->buffer.acquire(ts, string)) {
    subject->data = subject->buffer.bytes();
  } else {
    ts.current_exception = Value();  // a refused export reads as CPython's getstring words it
    raise_fmt(ts, TypeError_type, "expected string or bytes-like object, got '{}'", type_name(string));
    return false;
  }
  if (pattern->kind == kSubjectStr)
    return raise(ts, TypeError_type, "cannot use a string pattern on a bytes-like object"), false;
  subject->is_bytes = true;
  subject->length = static_cast<int64_t>(subject->data.size());
  return true;
}

void clamp_positions(int64_t length, int64_t* pos, int64_t* endpos) {
  *pos = *pos < 0 ? 0 : *pos > length ? length : *pos;
  *endpos = *endpos < 0 ? 0 : *endpos > length ? length : *endpos;
}

// CPython's pattern_error: MemoryError for exhausted stacks, RuntimeError for code its validator would refuse.
Value raise_engine_error(ThreadState& ts, sre::Status status) {
  if (status == sre::kStatusMemory) return raise(ts, MemoryError_type, "");
  return raise(ts, RuntimeError_type, "invalid SRE code");
}

// findall/split read groups straight from the engine's state (no Match object), as CPython's state_getslice.
Value state_group(ThreadState& ts, Subject& subject, const sre::MatchState& state, int64_t index, Value missing) {
  if (index == 0) return subject.slice(ts, state.start, state.end);
  auto mark = static_cast<size_t>(index - 1) * 2;
  if (mark + 1 >= state.marks.size() || state.marks[mark] < 0) return missing;
  return subject.slice(ts, state.marks[mark], state.marks[mark + 1]);
}

// CPython's _sre imports `re` for the same two helpers: templates are parsed and expanded in Python.
Value call_re_helper(ThreadState& ts, const char* name, std::span<const Value> args) {
  StrObject* re_name = intern(ts, "re");
  Value module = dict_get_str(ts.interp->modules, re_name);
  if (!module) {
    Value importer = dict_get_str(ts.interp->builtins, intern(ts, "__import__"));
    if (!importer) return raise(ts, ImportError_type, "__import__ not found");
    Value name_arg(re_name);
    module = call(ts, importer, std::span<const Value>(&name_arg, 1));
    if (!module) return Value();
  }
  Value helper = get_attr(ts, module, intern(ts, name));
  if (!helper) return Value();
  return call(ts, helper, args);
}

}  // namespace minipy
