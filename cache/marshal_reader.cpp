// The marshal reader: untrusted bytes in, a constant or code object out, or the first error. Mirrors the order
// of CPython's r_object so that the same input fails with the same message, and adds the limits CPython leaves
// to memory: allocations never exceed what the remaining input could describe, and converting shared
// (back-referenced) values into code objects is charged against a budget proportional to the input size.
#include <bit>
#include <algorithm>
#include <charconv>
#include <cstring>

#include "cache/marshal.h"
#include "compiler/stage_timer.h"

namespace minipy {
namespace {

constexpr size_t kBudgetPerInputByte = 64;
constexpr size_t kBudgetFloor = size_t{1} << 20;

// Appends `c` (a code point below 0x100) as UTF-8: the 'a'/'z' types store one Latin-1 byte per character.
void append_latin1(std::string& out, unsigned char c) {
  if (c < 0x80) {
    out.push_back(static_cast<char>(c));
  } else {
    out.push_back(static_cast<char>(0xC0 | (c >> 6)));
    out.push_back(static_cast<char>(0x80 | (c & 0x3F)));
  }
}

// UTF-8 as CPython's marshal reads it: no overlongs, nothing above U+10FFFF; encoded surrogates pass.
bool valid_utf8(std::string_view s) {
  size_t i = 0;
  while (i < s.size()) {
    auto c = static_cast<unsigned char>(s[i]);
    int extra;
    uint32_t cp;
    if (c < 0x80) { i++; continue; }
    if (c >= 0xC2 && c <= 0xDF) { extra = 1; cp = c & 0x1F; }
    else if (c >= 0xE0 && c <= 0xEF) { extra = 2; cp = c & 0x0F; }
    else if (c >= 0xF0 && c <= 0xF4) { extra = 3; cp = c & 0x07; }
    else return false;
    if (i + extra >= s.size()) return false;
    for (int k = 1; k <= extra; k++) {
      auto cc = static_cast<unsigned char>(s[i + k]);
      if ((cc & 0xC0) != 0x80) return false;
      cp = (cp << 6) | (cc & 0x3F);
    }
    // Encoded surrogates pass, as CPython reads strs with "surrogatepass" (a literal '\udc80' is stored so).
    if ((extra == 2 && cp < 0x800) || (extra == 3 && (cp < 0x10000 || cp > 0x10FFFF)))
      return false;
    i += extra + 1;
  }
  return true;
}

struct RawCodeFields;

class MarshalReader {
 public:
  explicit MarshalReader(std::span<const uint8_t> data)
      : data_(data), budget_(std::max(kBudgetFloor, data.size() * kBudgetPerInputByte)) {}

  ConstRef read_root() { return read_object("object"); }
  const std::optional<Failure>& error() const { return error_; }
  size_t position() const { return pos_; }

 private:
  // Takes a view so that callers on the recursive path build no string temporaries in their frames.
  [[gnu::noinline, gnu::cold]] std::nullptr_t fail(std::string_view message) {
    if (!error_) error_ = Failure{std::string(message), pos_};
    return nullptr;
  }
  size_t remaining() const { return data_.size() - pos_; }

  bool read_bytes(size_t n, std::string_view& out) {
    if (remaining() < n) return fail("marshal data too short"), false;
    out = std::string_view(reinterpret_cast<const char*>(data_.data() + pos_), n);
    pos_ += n;
    return true;
  }
  bool read_i32(int32_t& out) {
    std::string_view b;
    if (!read_bytes(4, b)) return false;
    uint32_t u = 0;
    for (int i = 0; i < 4; i++) u |= static_cast<uint32_t>(static_cast<unsigned char>(b[i])) << (8 * i);
    out = static_cast<int32_t>(u);
    return true;
  }
  bool read_u64(uint64_t& out) {
    std::string_view b;
    if (!read_bytes(8, b)) return false;
    out = 0;
    for (int i = 0; i < 8; i++) out |= static_cast<uint64_t>(static_cast<unsigned char>(b[i])) << (8 * i);
    return true;
  }
  [[gnu::noinline]] bool read_length(size_t& out, const char* what) {
    int32_t n;
    if (!read_i32(n)) return false;
    if (n < 0) return fail(fmt_size_error(what)), false;
    out = static_cast<size_t>(n);
    return true;
  }
  static std::string fmt_size_error(const char* what) {
    return std::string("bad marshal data (") + what + " size out of range)";
  }
  bool charge(size_t cost) {
    if (cost > budget_) return fail("bad marshal data (object expands beyond the size limit)"), false;
    budget_ -= cost;
    return true;
  }

  // Reference-list bookkeeping. A reserved slot stays null until its object is complete, so a reference to
  // an unfinished container is rejected exactly like CPython's placeholder check.
  [[gnu::noinline]] size_t reserve_ref(bool flagged) {
    if (!flagged) return 0;
    refs_.push_back(nullptr);
    return refs_.size() - 1;
  }
  [[gnu::noinline]] ConstRef finish_ref(ConstRef value, bool flagged, size_t slot) {
    if (value && flagged) refs_[slot] = value;
    return value;
  }
  ConstRef remember(ConstRef value, bool flagged) {
    if (value && flagged) refs_.push_back(value);
    return value;
  }

  // The recursive path (object -> container or code -> object) goes through small non-inlined functions so
  // that 2000 levels fit in the stack even with sanitizers' larger frames; scalars are read out of line.
  ConstRef read_object(const char* context) {
    if (remaining() < 1) return fail("EOF read where object expected");
    uint8_t code = data_[pos_++];
    if (depth_ + 1 > kMarshalMaxDepth) return fail("recursion limit exceeded");
    depth_++;
    bool flagged = (code & kMarshalFlagRef) != 0;
    ConstRef result;
    switch (static_cast<MarshalType>(code & ~kMarshalFlagRef)) {
      case MarshalType::SMALL_TUPLE:
      case MarshalType::TUPLE:
      case MarshalType::FROZENSET:
        result = read_container(static_cast<MarshalType>(code & ~kMarshalFlagRef), flagged);
        break;
      case MarshalType::CODE:
        result = read_code_object(flagged);
        break;
      default:
        result = read_leaf(code & ~kMarshalFlagRef, flagged, context);
    }
    depth_--;
    return result;
  }

  [[gnu::noinline]] ConstRef read_container(MarshalType type, bool flagged) {
    size_t n;
    if (type == MarshalType::SMALL_TUPLE) {
      // CPython reads EOF here as a count of 255 and then fails on the first missing item.
      n = remaining() < 1 ? 255 : data_[pos_++];
    } else if (!read_length(n, type == MarshalType::TUPLE ? "tuple" : "set")) {
      return nullptr;
    }
    bool is_set = type == MarshalType::FROZENSET;
    size_t slot = reserve_ref(flagged);
    std::vector<ConstRef> items;
    if (!read_items(n, is_set ? "set" : "tuple", items)) return nullptr;
    return finish_ref(make_container(is_set, std::move(items)), flagged, slot);
  }

  [[gnu::noinline]] static ConstRef make_container(bool is_set, std::vector<ConstRef> items) {
    return is_set ? Const::frozenset(std::move(items)) : Const::tuple(std::move(items));
  }

  [[gnu::noinline]] ConstRef read_code_object(bool flagged) {
    size_t slot = reserve_ref(flagged);
    auto code = read_code();
    if (!code) return nullptr;
    return finish_ref(Const::code(std::move(code)), flagged, slot);
  }

  [[gnu::noinline]] ConstRef read_leaf(int type, bool flagged, const char* context) {
    switch (static_cast<MarshalType>(type)) {
      case MarshalType::NULL_OBJECT:
        return fail(std::string("NULL object in marshal data for ") + context);
      case MarshalType::NONE: return Const::none();
      case MarshalType::FALSE: return Const::boolean(false);
      case MarshalType::TRUE: return Const::boolean(true);
      case MarshalType::ELLIPSIS: return Const::ellipsis();
      case MarshalType::STOPITER: return fail("bad marshal data (StopIteration is not a code constant)");
      case MarshalType::INT: {
        int32_t v;
        if (!read_i32(v)) return nullptr;
        return remember(Const::integer(BigInt(v)), flagged);
      }
      case MarshalType::INT64: {
        uint64_t v;
        if (!read_u64(v)) return nullptr;
        return remember(Const::integer(BigInt(static_cast<int64_t>(v))), flagged);
      }
      case MarshalType::LONG: return remember(read_long(), flagged);
      case MarshalType::BINARY_FLOAT: {
        uint64_t bits;
        if (!read_u64(bits)) return nullptr;
        return remember(Const::floating(std::bit_cast<double>(bits)), flagged);
      }
      case MarshalType::BINARY_COMPLEX: {
        uint64_t re, im;
        if (!read_u64(re) || !read_u64(im)) return nullptr;
        return remember(Const::complex(std::bit_cast<double>(re), std::bit_cast<double>(im)), flagged);
      }
      case MarshalType::FLOAT: {
        double d;
        if (!read_text_float(d)) return nullptr;
        return remember(Const::floating(d), flagged);
      }
      case MarshalType::COMPLEX: {
        double re, im;
        if (!read_text_float(re) || !read_text_float(im)) return nullptr;
        return remember(Const::complex(re, im), flagged);
      }
      case MarshalType::STRING: {
        size_t n;
        std::string_view body;
        if (!read_length(n, "bytes object") || !read_bytes(n, body)) return nullptr;
        return remember(Const::bytes(std::string(body)), flagged);
      }
      case MarshalType::ASCII:
      case MarshalType::ASCII_INTERNED:
      case MarshalType::SHORT_ASCII:
      case MarshalType::SHORT_ASCII_INTERNED:
        return remember(read_one_byte_str(static_cast<MarshalType>(type)), flagged);
      case MarshalType::UNICODE:
      case MarshalType::INTERNED: {
        size_t n;
        std::string_view body;
        if (!read_length(n, "string") || !read_bytes(n, body)) return nullptr;
        if (!valid_utf8(body)) return fail("bad marshal data (str is not valid UTF-8 without surrogates)");
        return remember(Const::str(std::string(body), type == static_cast<int>(MarshalType::INTERNED)), flagged);
      }
      case MarshalType::LIST:
      case MarshalType::SET:
      case MarshalType::DICT:
        return read_mutable(static_cast<MarshalType>(type), flagged);
      case MarshalType::REF: {
        int32_t index;
        if (!read_i32(index)) return nullptr;
        if (index < 0 || static_cast<size_t>(index) >= refs_.size() || !refs_[index])
          return fail("bad marshal data (invalid reference)");
        return refs_[index];
      }
      default:
        return fail("bad marshal data (unknown type code)");
    }
  }

  // A list or set (i32 count + items) or a dict (key/value pairs up to a NULL, which may also stand for a
  // value: CPython's reader then drops the key and stops too).
  [[gnu::noinline]] ConstRef read_mutable(MarshalType type, bool flagged) {
    std::vector<ConstRef> items;
    if (type == MarshalType::DICT) {
      size_t slot = reserve_ref(flagged);
      for (;;) {
        if (remaining() >= 1 && (data_[pos_] & ~kMarshalFlagRef) == static_cast<uint8_t>(MarshalType::NULL_OBJECT)) {
          pos_++;
          break;
        }
        ConstRef item = read_object("dict");
        if (!item) return nullptr;
        items.push_back(std::move(item));
        if (items.size() % 2 == 0) continue;
        if (remaining() >= 1 && (data_[pos_] & ~kMarshalFlagRef) == static_cast<uint8_t>(MarshalType::NULL_OBJECT)) {
          pos_++;
          items.pop_back();
          break;
        }
      }
      return finish_ref(Const::dict(std::move(items)), flagged, slot);
    }
    bool is_list = type == MarshalType::LIST;
    size_t n;
    if (!read_length(n, is_list ? "list" : "set")) return nullptr;
    size_t slot = reserve_ref(flagged);
    if (!read_items(n, is_list ? "list" : "set", items)) return nullptr;
    return finish_ref(is_list ? Const::list(std::move(items)) : Const::set(std::move(items)), flagged, slot);
  }

  [[gnu::noinline]] bool read_items(size_t n, const char* context, std::vector<ConstRef>& items) {
    // Each item takes at least one byte, so a count beyond the remaining input fails before the vector is
    // full; sizing it up front keeps reallocation code out of this recursive frame.
    items.resize(std::min(n, remaining()));
    for (size_t i = 0; i < n; i++) {
      if (i == items.size()) return fail("EOF read where object expected"), false;
      items[i] = read_object(context);
      if (!items[i]) return false;
    }
    return true;
  }

  ConstRef read_long() {
    int32_t signed_count;
    if (!read_i32(signed_count)) return nullptr;
    if (signed_count == 0) return Const::integer(BigInt(0));
    int64_t count = signed_count < 0 ? -static_cast<int64_t>(signed_count) : signed_count;
    std::vector<uint16_t> digits;
    digits.reserve(static_cast<size_t>(std::min<int64_t>(count, static_cast<int64_t>(remaining() / 2))));
    for (int64_t i = 0; i < count; i++) {
      std::string_view b;
      if (!read_bytes(2, b)) return nullptr;
      auto d = static_cast<uint16_t>(static_cast<unsigned char>(b[0]) | static_cast<unsigned char>(b[1]) << 8);
      if (d >= 0x8000) return fail("bad marshal data (digit out of range in long)");
      if (d == 0 && i == count - 1) return fail("bad marshal data (unnormalized long data)");
      digits.push_back(d);
    }
    return Const::integer(BigInt::from_digits15(digits, signed_count < 0));
  }

  bool read_text_float(double& out) {
    if (remaining() < 1) return fail("EOF read where object expected"), false;
    size_t n = data_[pos_++];
    std::string_view text;
    if (!read_bytes(n, text)) return false;
    std::string_view digits = text;
    if (digits.starts_with('+') && !digits.substr(1).starts_with('-')) digits.remove_prefix(1);  // from_chars takes no '+'
    auto [end, ec] = std::from_chars(digits.data(), digits.data() + digits.size(), out);
    if (ec != std::errc() || end != digits.data() + digits.size() || digits.empty())
      return fail("could not convert string to float: " + Const::str(std::string(text))->repr()), false;
    return true;
  }

  ConstRef read_one_byte_str(MarshalType type) {
    std::string utf8;
    if (!read_one_byte_text(type, utf8)) return nullptr;
    bool interned = type == MarshalType::ASCII_INTERNED || type == MarshalType::SHORT_ASCII_INTERNED;
    return Const::str(std::move(utf8), interned);
  }

  // The body of an 'a'/'A'/'z'/'Z' string (the type byte already read) as UTF-8.
  bool read_one_byte_text(MarshalType type, std::string& utf8) {
    size_t n;
    bool short_form = type == MarshalType::SHORT_ASCII || type == MarshalType::SHORT_ASCII_INTERNED;
    if (short_form) {
      if (remaining() < 1) return fail("EOF read where object expected"), false;
      n = data_[pos_++];
    } else if (!read_length(n, "string")) {
      return false;
    }
    std::string_view body;
    if (!read_bytes(n, body)) return false;
    bool ascii = true;
    for (char c : body) ascii = ascii && static_cast<unsigned char>(c) < 0x80;
    if (ascii) {
      utf8.assign(body);
      return true;
    }
    utf8.clear();
    utf8.reserve(body.size() * 2);
    for (char c : body) append_latin1(utf8, static_cast<unsigned char>(c));
    return true;
  }

  // A code object's str or bytes field. Written inline without FLAG_REF (the common case), nothing else can
  // refer to it, so its text goes straight into `out` and `raw` stays null; anything else is read as an
  // object into `raw`, for fill_code to check. Reads and errors are exactly read_object's.
  [[gnu::noinline]] bool read_text_field(Const::Kind kind, ConstRef& raw, std::string& out) {
    if (remaining() >= 1 && depth_ + 1 <= kMarshalMaxDepth) {
      auto type = static_cast<MarshalType>(data_[pos_]);  // a FLAG_REF type byte matches no case below
      std::string_view body;
      size_t n;
      if (kind == Const::Kind::Bytes && type == MarshalType::STRING) {
        pos_++;
        if (!read_length(n, "bytes object") || !read_bytes(n, body)) return false;
        out.assign(body);
        return true;
      }
      if (kind == Const::Kind::Str) {
        switch (type) {
          case MarshalType::ASCII:
          case MarshalType::ASCII_INTERNED:
          case MarshalType::SHORT_ASCII:
          case MarshalType::SHORT_ASCII_INTERNED:
            pos_++;
            return read_one_byte_text(type, out);
          case MarshalType::UNICODE:
          case MarshalType::INTERNED:
            pos_++;
            if (!read_length(n, "string") || !read_bytes(n, body)) return false;
            if (!valid_utf8(body)) return fail("bad marshal data (str is not valid UTF-8 without surrogates)"), false;
            out.assign(body);
            return true;
          default: break;
        }
      }
    }
    raw = read_object("object");
    return raw != nullptr;
  }

  std::shared_ptr<const CodeObject> read_code();
  [[gnu::noinline]] bool fill_code(const RawCodeFields& raw, CodeObject& c);
  [[gnu::noinline]] bool take_text(const ConstRef& v, Const::Kind kind, const char* field, std::string& out);
  bool take_bytes(const ConstRef& v, const char* field, std::string& out) {
    return take_text(v, Const::Kind::Bytes, field, out);
  }
  bool take_str(const ConstRef& v, const char* field, std::string& out) {
    return take_text(v, Const::Kind::Str, field, out);
  }
  [[gnu::noinline]] bool take_names(const ConstRef& v, const char* field, std::vector<std::string>& out);

  std::span<const uint8_t> data_;
  size_t pos_ = 0;
  int depth_ = 0;
  size_t budget_;
  std::vector<ConstRef> refs_;
  std::optional<Failure> error_;
};

// Copies the text of a Bytes or Str field into the code object (charging the copy to the budget). A null `v`
// is a field read_text_field already put in `out`.
bool MarshalReader::take_text(const ConstRef& v, Const::Kind kind, const char* field, std::string& out) {
  if (!v) return charge(out.size());
  if (!v->is(kind)) {
    const char* expected = kind == Const::Kind::Bytes ? "bytes" : "a str";
    return fail(std::string("bad marshal data (code object field ") + field + " is not " + expected + ")"), false;
  }
  if (!charge(v->text().size())) return false;
  out = v->text();
  return true;
}

bool MarshalReader::take_names(const ConstRef& v, const char* field, std::vector<std::string>& out) {
  if (!v->is(Const::Kind::Tuple))
    return fail(std::string("bad marshal data (code object field ") + field + " is not a tuple)"), false;
  if (!charge(v->items().size())) return false;
  out.reserve(v->items().size());
  for (const auto& item : v->items()) {
    if (!item->is(Const::Kind::Str))
      return fail(std::string("bad marshal data (code object field ") + field + " holds a non-str)"), false;
    if (!charge(item->text().size())) return false;
    out.push_back(item->text());
  }
  return true;
}

// The object-valued fields of a code object as read, before their types are checked (null: a str or bytes
// field that read_text_field put straight into the code object).
struct RawCodeFields {
  ConstRef code, consts, names, localsplusnames, kinds, filename, name, qualname, linetable, exceptiontable;
};

// Fields in 3.11 order. The raw fields live on the heap so that this frame, which sits on the recursive path
// once per nesting level, stays small.
std::shared_ptr<const CodeObject> MarshalReader::read_code() {
  auto code = std::make_shared<CodeObject>();
  CodeObject& c = *code;
  if (!read_i32(c.argcount) || !read_i32(c.posonlyargcount) || !read_i32(c.kwonlyargcount) ||
      !read_i32(c.stacksize) || !read_i32(c.flags))
    return nullptr;
  auto raw = std::make_unique<RawCodeFields>();
  if (!read_text_field(Const::Kind::Bytes, raw->code, c.code)) return nullptr;
  for (ConstRef* field : {&raw->consts, &raw->names, &raw->localsplusnames})
    if (!(*field = read_object("object"))) return nullptr;
  if (!read_text_field(Const::Kind::Bytes, raw->kinds, c.localspluskinds) ||
      !read_text_field(Const::Kind::Str, raw->filename, c.filename) ||
      !read_text_field(Const::Kind::Str, raw->name, c.name) ||
      !read_text_field(Const::Kind::Str, raw->qualname, c.qualname))
    return nullptr;
  if (!read_i32(c.firstlineno)) return nullptr;
  if (!read_text_field(Const::Kind::Bytes, raw->linetable, c.linetable) ||
      !read_text_field(Const::Kind::Bytes, raw->exceptiontable, c.exceptiontable))
    return nullptr;
  if (!fill_code(*raw, c)) return nullptr;
  return code;
}

// Type checks and copies, then the checks CPython's _PyCode_Validate makes (with its messages where it has
// them) plus a few of minipy's own that keep later stages from seeing negative counts.
bool MarshalReader::fill_code(const RawCodeFields& raw, CodeObject& c) {
  if (!take_bytes(raw.code, "co_code", c.code)) return false;
  if (!raw.consts->is(Const::Kind::Tuple))
    return fail("bad marshal data (code object field co_consts is not a tuple)"), false;
  if (!charge(raw.consts->items().size())) return false;
  c.consts = raw.consts->items();
  if (!take_names(raw.names, "co_names", c.names) ||
      !take_names(raw.localsplusnames, "co_localsplusnames", c.localsplusnames) ||
      !take_bytes(raw.kinds, "co_localspluskinds", c.localspluskinds) ||
      !take_str(raw.filename, "co_filename", c.filename) || !take_str(raw.name, "co_name", c.name) ||
      !take_str(raw.qualname, "co_qualname", c.qualname) ||
      !take_bytes(raw.linetable, "co_linetable", c.linetable) ||
      !take_bytes(raw.exceptiontable, "co_exceptiontable", c.exceptiontable))
    return false;

  if (c.localspluskinds.size() != c.localsplusnames.size())
    return fail("bad marshal data (co_localspluskinds and co_localsplusnames differ in length)"), false;
  if (c.argcount < 0 || c.posonlyargcount < 0 || c.kwonlyargcount < 0 || c.stacksize < 0 ||
      c.posonlyargcount > c.argcount)
    return fail("bad marshal data (code object has a negative or inconsistent count)"), false;
  if (c.code.size() % 2 != 0) return fail("code: co_code is malformed"), false;
  int64_t plain_locals = 0;
  for (char kind : c.localspluskinds)
    if (static_cast<uint8_t>(kind) & CO_FAST_LOCAL) plain_locals++;
  plain_locals -= int64_t{c.argcount} + c.kwonlyargcount + ((c.flags & CO_VARARGS) != 0) +
                  ((c.flags & CO_VARKEYWORDS) != 0);
  if (plain_locals < 0) return fail("code: co_varnames is too small"), false;
  return true;
}

// Reads the one object in `data` and hands it to `convert`, which turns it into a T or a Failure.
template <class T, class Convert>
Result<Unmarshalled<T>> run_reader(std::span<const uint8_t> data, Convert convert) {
  StageScope stage(CompileStage::Unmarshal);
  MarshalReader reader(data);
  ConstRef root = reader.read_root();
  if (!root) return reader.error().value_or(Failure{"bad marshal data", reader.position()});
  Result<T> converted = convert(std::move(root));
  if (!converted.ok()) return std::move(converted).error();
  return Unmarshalled<T>{std::move(converted).value(), reader.position()};
}

}  // namespace

Result<Unmarshalled<std::shared_ptr<const CodeObject>>> unmarshal_code(std::span<const uint8_t> data) {
  using Code = std::shared_ptr<const CodeObject>;
  return run_reader<Code>(data, [](ConstRef root) -> Result<Code> {
    if (!root->is(Const::Kind::Code)) return Failure{"bad marshal data (not a code object)", 0};
    return root->code_value();
  });
}

Result<Unmarshalled<ConstRef>> unmarshal_constant(std::span<const uint8_t> data) {
  return run_reader<ConstRef>(data, [](ConstRef root) -> Result<ConstRef> { return root; });
}

}  // namespace minipy
