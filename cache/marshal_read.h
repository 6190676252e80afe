// The marshal reader, written once over a builder: untrusted bytes in, the builder's objects out, or the first
// error. Mirrors the order of CPython's r_object so that the same input fails with the same message, and adds
// the limits CPython leaves to memory: allocations never exceed what the remaining input could describe, and
// texts copied out of shared (back-referenced) values are charged against a budget proportional to the input.
//
// Why a template over a builder: the reader's checks (bounds, depth, references, every code-object field's
// type, _PyCode_Validate's rules) must be the same whoever receives the objects, but two receivers exist and
// cache/ may not know the second one:
//   - ConstBuilder (cache/marshal_reader.cpp) builds the compiler's Const / CodeObject tree: marshal.loads of
//     constants, the tools and tests that look at a code object as data;
//   - the VM's builder (vm/interp/code_loader.cpp) builds the VM's objects directly — strs interned as they are
//     read, tuples, ints, code objects verified as each one is complete — so a warm import makes no
//     intermediate tree (that tree and its conversion were two thirds of a warm import's instructions).
// The VM instantiates this template in its own folder; cache/ never includes a vm/ header (a build error).
//
// A Builder provides (Ref is its handle type; a default-constructed Ref means "failed, error recorded"):
//   Ref none(), boolean(bool), ellipsis(), int32(int32_t), int64(int64_t),
//       big_int(std::span<const uint16_t> digits15, bool negative), floating(double), complex(double, double),
//       bytes(std::string_view), str(std::string_view utf8, bool interned),
//       tuple(std::span<const Ref>), frozenset(span), list(span), set(span), dict(span of key, value, ...),
//       code(const MarshalCodeParts<Ref>&)
//   std::optional<std::string_view> text(const Ref&, bool want_str)  — a str's UTF-8 or a bytes' bytes, else nullopt
//   std::optional<std::span<const Ref>> tuple_items(const Ref&)     — a tuple's items, else nullopt
// A builder may refuse an object (code that fails the verifier, a failed allocation) by returning a null Ref
// after recording why itself; the reader then stops and reports nothing of its own.
#pragma once
#include <algorithm>
#include <bit>
#include <charconv>
#include <cstdint>
#include <memory>
#include <optional>
#include <span>
#include <string>
#include <string_view>
#include <vector>

#include "cache/marshal.h"

namespace minipy {

// Appends `c` (a code point below 0x100) as UTF-8: the 'a'/'z' types store one Latin-1 byte per character.
void append_latin1(std::string& out, unsigned char c);
// UTF-8 as CPython's marshal reads it: no overlongs, nothing above U+10FFFF; encoded surrogates pass.
bool valid_utf8(std::string_view s);
// The message for an unparsable text float (FLOAT / COMPLEX types), with CPython's repr of the text.
std::string bad_text_float_message(std::string_view text);

// A code object's fields after the reader checked their types and _PyCode_Validate's rules. Texts are views
// into the input or into objects the builder made; they live as long as the read.
template <class Ref>
struct MarshalCodeParts {
  int32_t argcount = 0, posonlyargcount = 0, kwonlyargcount = 0, stacksize = 0, flags = 0, firstlineno = 0;
  std::string_view code, localspluskinds, filename, name, qualname, linetable, exceptiontable;
  Ref consts, names, localsplusnames;              // tuples (names: of strs)
  // The objects co_filename, co_name and co_qualname were read as, when they were read as objects (shared ones
  // are: the reader views only inline texts); null otherwise. A builder may reuse them instead of the text.
  Ref filename_object, name_object, qualname_object;
  std::span<const Ref> const_items, name_items, localsplus_items;  // their items
};

// Copies what both builders keep of `p` in compiler form — counts, flags, bytecode, kinds, names of the code and
// its file, the line and exception tables — into `c`; the constants and name tuples are each builder's own.
template <class Ref>
void copy_code_fields(const MarshalCodeParts<Ref>& p, CodeObject& c) {
  c.argcount = p.argcount;
  c.posonlyargcount = p.posonlyargcount;
  c.kwonlyargcount = p.kwonlyargcount;
  c.stacksize = p.stacksize;
  c.flags = p.flags;
  c.firstlineno = p.firstlineno;
  c.code = p.code;
  c.localspluskinds = p.localspluskinds;
  c.filename = p.filename;
  c.name = p.name;
  c.qualname = p.qualname;
  c.linetable = p.linetable;
  c.exceptiontable = p.exceptiontable;
}

template <class Builder>
class MarshalReader {
 public:
  using Ref = typename Builder::Ref;
  static constexpr size_t kBudgetPerInputByte = 64;
  static constexpr size_t kBudgetFloor = size_t{1} << 20;

  MarshalReader(std::span<const uint8_t> data, Builder& builder)
      : data_(data), budget_(std::max(kBudgetFloor, data.size() * kBudgetPerInputByte)), builder_(builder) {}

  Ref read_root() { return read_object("object"); }
  // The reader's own failure (null when the builder refused, or when all went well).
  const std::optional<Failure>& error() const { return error_; }
  size_t position() const { return pos_; }

 private:
  // Takes a view so that callers on the recursive path build no string temporaries in their frames.
  [[gnu::noinline, gnu::cold]] Ref fail(std::string_view message) {
    if (!error_) error_ = Failure{std::string(message), pos_};
    return Ref{};
  }
  size_t remaining() const { return data_.size() - pos_; }

  bool read_bytes(size_t n, std::string_view& out) {
    if (remaining() < n) return fail("marshal data too short"), false;
    out = std::string_view(reinterpret_cast<const char*>(data_.data() + pos_), n);
    pos_ += n;
    return true;
  }
  // The failure paths set `out` too: callers' locals are then never read uninitialized, as far as the
  // compiler can tell (fail() is out of line).
  bool read_i32(int32_t& out) {
    out = 0;
    if (remaining() < 4) return fail("marshal data too short"), false;
    uint32_t u = 0;
    for (int i = 0; i < 4; i++) u |= static_cast<uint32_t>(data_[pos_ + i]) << (8 * i);
    pos_ += 4;
    out = static_cast<int32_t>(u);
    return true;
  }
  bool read_u64(uint64_t& out) {
    out = 0;
    if (remaining() < 8) return fail("marshal data too short"), false;
    for (int i = 0; i < 8; i++) out |= static_cast<uint64_t>(data_[pos_ + i]) << (8 * i);
    pos_ += 8;
    return true;
  }
  [[gnu::noinline]] bool read_length(size_t& out, const char* what) {
    out = 0;
    int32_t n;
    if (!read_i32(n)) return false;
    if (n < 0) return fail(std::string("bad marshal data (") + what + " size out of range)"), false;
    out = static_cast<size_t>(n);
    return true;
  }
  bool charge(size_t cost) {
    if (cost > budget_) return fail("bad marshal data (object expands beyond the size limit)"), false;
    budget_ -= cost;
    return true;
  }

  // Reference-list bookkeeping. A reserved slot stays null until its object is complete, so a reference to
  // an unfinished container is rejected exactly like CPython's placeholder check.
  size_t reserve_ref(bool flagged) {
    if (!flagged) return 0;
    refs_.push_back(Ref{});
    return refs_.size() - 1;
  }
  Ref finish_ref(Ref value, bool flagged, size_t slot) {
    if (value && flagged) refs_[slot] = value;
    return value;
  }
  Ref remember(Ref value, bool flagged) {
    if (value && flagged) refs_.push_back(value);
    return value;
  }

  // The recursive path (object -> container or code -> object) goes through small non-inlined functions so
  // that 2000 levels fit in the stack even with sanitizers' larger frames; scalars are read out of line.
  Ref read_object(const char* context) {
    if (remaining() < 1) return fail("EOF read where object expected");
    uint8_t code = data_[pos_++];
    if (depth_ + 1 > kMarshalMaxDepth) return fail("recursion limit exceeded");
    depth_++;
    bool flagged = (code & kMarshalFlagRef) != 0;
    Ref result;
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

  [[gnu::noinline]] Ref read_container(MarshalType type, bool flagged) {
    size_t n;
    if (type == MarshalType::SMALL_TUPLE) {
      // CPython reads EOF here as a count of 255 and then fails on the first missing item.
      n = remaining() < 1 ? 255 : data_[pos_++];
    } else if (!read_length(n, type == MarshalType::TUPLE ? "tuple" : "set")) {
      return Ref{};
    }
    bool is_set = type == MarshalType::FROZENSET;
    size_t slot = reserve_ref(flagged);
    size_t base = scratch_.size();
    if (!read_items(n, is_set ? "set" : "tuple")) return Ref{};
    std::span<const Ref> items(scratch_.data() + base, n);
    Ref made = is_set ? builder_.frozenset(items) : builder_.tuple(items);
    scratch_.resize(base);
    return finish_ref(made, flagged, slot);
  }

  [[gnu::noinline]] Ref read_code_object(bool flagged) {
    size_t slot = reserve_ref(flagged);
    Ref code = read_code();
    if (!code) return Ref{};
    return finish_ref(code, flagged, slot);
  }

  [[gnu::noinline]] Ref read_leaf(int type, bool flagged, const char* context) {
    switch (static_cast<MarshalType>(type)) {
      case MarshalType::NULL_OBJECT:
        return fail(std::string("NULL object in marshal data for ") + context);
      case MarshalType::NONE: return builder_.none();
      case MarshalType::FALSE: return builder_.boolean(false);
      case MarshalType::TRUE: return builder_.boolean(true);
      case MarshalType::ELLIPSIS: return builder_.ellipsis();
      case MarshalType::STOPITER: return fail("bad marshal data (StopIteration is not a code constant)");
      case MarshalType::INT: {
        int32_t v;
        if (!read_i32(v)) return Ref{};
        return remember(builder_.int32(v), flagged);
      }
      case MarshalType::INT64: {
        uint64_t v;
        if (!read_u64(v)) return Ref{};
        return remember(builder_.int64(static_cast<int64_t>(v)), flagged);
      }
      case MarshalType::LONG: return remember(read_long(), flagged);
      case MarshalType::BINARY_FLOAT: {
        uint64_t bits;
        if (!read_u64(bits)) return Ref{};
        return remember(builder_.floating(std::bit_cast<double>(bits)), flagged);
      }
      case MarshalType::BINARY_COMPLEX: {
        uint64_t re, im;
        if (!read_u64(re) || !read_u64(im)) return Ref{};
        return remember(builder_.complex(std::bit_cast<double>(re), std::bit_cast<double>(im)), flagged);
      }
      case MarshalType::FLOAT: {
        double d;
        if (!read_text_float(d)) return Ref{};
        return remember(builder_.floating(d), flagged);
      }
      case MarshalType::COMPLEX: {
        double re, im;
        if (!read_text_float(re) || !read_text_float(im)) return Ref{};
        return remember(builder_.complex(re, im), flagged);
      }
      case MarshalType::STRING: {
        size_t n;
        std::string_view body;
        if (!read_length(n, "bytes object") || !read_bytes(n, body)) return Ref{};
        return remember(builder_.bytes(body), flagged);
      }
      case MarshalType::ASCII:
      case MarshalType::ASCII_INTERNED:
      case MarshalType::SHORT_ASCII:
      case MarshalType::SHORT_ASCII_INTERNED: {
        std::string_view utf8;
        if (!read_one_byte_text(static_cast<MarshalType>(type), utf8, latin1_scratch_)) return Ref{};
        bool interned = type == static_cast<int>(MarshalType::ASCII_INTERNED) ||
                        type == static_cast<int>(MarshalType::SHORT_ASCII_INTERNED);
        return remember(builder_.str(utf8, interned), flagged);
      }
      case MarshalType::UNICODE:
      case MarshalType::INTERNED: {
        size_t n;
        std::string_view body;
        if (!read_length(n, "string") || !read_bytes(n, body)) return Ref{};
        if (!valid_utf8(body)) return fail("bad marshal data (str is not valid UTF-8 without surrogates)");
        return remember(builder_.str(body, type == static_cast<int>(MarshalType::INTERNED)), flagged);
      }
      case MarshalType::LIST:
      case MarshalType::SET:
      case MarshalType::DICT:
        return read_mutable(static_cast<MarshalType>(type), flagged);
      case MarshalType::REF: {
        int32_t index;
        if (!read_i32(index)) return Ref{};
        if (index < 0 || static_cast<size_t>(index) >= refs_.size() || !refs_[static_cast<size_t>(index)])
          return fail("bad marshal data (invalid reference)");
        return refs_[static_cast<size_t>(index)];
      }
      default:
        return fail("bad marshal data (unknown type code)");
    }
  }

  bool next_is_null() const {
    return remaining() >= 1 && (data_[pos_] & ~kMarshalFlagRef) == static_cast<uint8_t>(MarshalType::NULL_OBJECT);
  }

  // A list or set (i32 count + items) or a dict (key/value pairs up to a NULL, which may also stand for a
  // value: CPython's reader then drops the key and stops too).
  [[gnu::noinline]] Ref read_mutable(MarshalType type, bool flagged) {
    size_t base = scratch_.size();
    if (type == MarshalType::DICT) {
      size_t slot = reserve_ref(flagged);
      for (;;) {
        if (next_is_null()) {
          pos_++;
          break;
        }
        Ref item = read_object("dict");
        if (!item) return Ref{};
        scratch_.push_back(item);
        if ((scratch_.size() - base) % 2 == 0) continue;
        if (next_is_null()) {
          pos_++;
          scratch_.pop_back();
          break;
        }
      }
      Ref made = builder_.dict(std::span<const Ref>(scratch_.data() + base, scratch_.size() - base));
      scratch_.resize(base);
      return finish_ref(made, flagged, slot);
    }
    bool is_list = type == MarshalType::LIST;
    size_t n;
    if (!read_length(n, is_list ? "list" : "set")) return Ref{};
    size_t slot = reserve_ref(flagged);
    if (!read_items(n, is_list ? "list" : "set")) return Ref{};
    std::span<const Ref> items(scratch_.data() + base, n);
    Ref made = is_list ? builder_.list(items) : builder_.set(items);
    scratch_.resize(base);
    return finish_ref(made, flagged, slot);
  }

  // Pushes `n` objects onto the scratch stack, which every container shares: nested containers push above and
  // pop back to where they started, so one vector serves the whole read and a tuple costs no allocation of
  // its own. Each item takes at least one input byte, so the stack never outgrows the input.
  [[gnu::noinline]] bool read_items(size_t n, const char* context) {
    for (size_t i = 0; i < n; i++) {
      Ref item = read_object(context);
      if (!item) return false;
      scratch_.push_back(item);
    }
    return true;
  }

  Ref read_long() {
    int32_t signed_count;
    if (!read_i32(signed_count)) return Ref{};
    if (signed_count == 0) return builder_.int32(0);
    int64_t count = signed_count < 0 ? -static_cast<int64_t>(signed_count) : signed_count;
    std::vector<uint16_t> digits;
    digits.reserve(static_cast<size_t>(std::min<int64_t>(count, static_cast<int64_t>(remaining() / 2))));
    for (int64_t i = 0; i < count; i++) {
      std::string_view b;
      if (!read_bytes(2, b)) return Ref{};
      auto d = static_cast<uint16_t>(static_cast<unsigned char>(b[0]) | static_cast<unsigned char>(b[1]) << 8);
      if (d >= 0x8000) return fail("bad marshal data (digit out of range in long)");
      if (d == 0 && i == count - 1) return fail("bad marshal data (unnormalized long data)");
      digits.push_back(d);
    }
    return builder_.big_int(digits, signed_count < 0);
  }

  bool read_text_float(double& out) {
    out = 0;
    if (remaining() < 1) return fail("EOF read where object expected"), false;
    size_t n = data_[pos_++];
    std::string_view text;
    if (!read_bytes(n, text)) return false;
    std::string_view digits = text;
    if (digits.starts_with('+') && !digits.substr(1).starts_with('-')) digits.remove_prefix(1);  // from_chars takes no '+'
    auto [end, ec] = std::from_chars(digits.data(), digits.data() + digits.size(), out);
    if (ec != std::errc() || end != digits.data() + digits.size() || digits.empty())
      return fail(bad_text_float_message(text)), false;
    return true;
  }

  // The body of an 'a'/'A'/'z'/'Z' string (the type byte already read) as UTF-8: a view of the input when it is
  // ASCII (almost always), else converted into `storage`.
  bool read_one_byte_text(MarshalType type, std::string_view& utf8, std::string& storage) {
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
      utf8 = body;
      return true;
    }
    storage.clear();
    storage.reserve(body.size() * 2);
    for (char c : body) append_latin1(storage, static_cast<unsigned char>(c));
    utf8 = storage;
    return true;
  }

  // A code object's str or bytes field. Written inline without FLAG_REF (the common case), nothing else can
  // refer to it, so its text is viewed in place (or converted into `storage`) and `raw` stays null; anything
  // else is read as an object into `raw`, for fill_code to check. Reads and errors are exactly read_object's.
  [[gnu::noinline]] bool read_text_field(bool want_str, Ref& raw, std::string_view& out, std::string& storage) {
    if (remaining() >= 1 && depth_ + 1 <= kMarshalMaxDepth) {
      auto type = static_cast<MarshalType>(data_[pos_]);  // a FLAG_REF type byte matches no case below
      std::string_view body;
      size_t n;
      if (!want_str && type == MarshalType::STRING) {
        pos_++;
        if (!read_length(n, "bytes object") || !read_bytes(n, body)) return false;
        out = body;
        return true;
      }
      if (want_str) {
        switch (type) {
          case MarshalType::ASCII:
          case MarshalType::ASCII_INTERNED:
          case MarshalType::SHORT_ASCII:
          case MarshalType::SHORT_ASCII_INTERNED:
            pos_++;
            return read_one_byte_text(type, out, storage);
          case MarshalType::UNICODE:
          case MarshalType::INTERNED:
            pos_++;
            if (!read_length(n, "string") || !read_bytes(n, body)) return false;
            if (!valid_utf8(body)) return fail("bad marshal data (str is not valid UTF-8 without surrogates)"), false;
            out = body;
            return true;
          default: break;
        }
      }
    }
    raw = read_object("object");
    return static_cast<bool>(raw);
  }

  // The object-valued fields of a code object as read, before their types are checked (null: a str or bytes
  // field that read_text_field viewed directly), and the storage of texts converted from Latin-1.
  struct RawCodeFields {
    Ref code, consts, names, localsplusnames, kinds, filename, name, qualname, linetable, exceptiontable;
    std::string storage[4];  // filename, name, qualname: the only fields read as strs (one spare)
  };

  // Fields in 3.11 order. The raw fields live on the heap so that this frame, which sits on the recursive path
  // once per nesting level, stays small.
  [[gnu::noinline]] Ref read_code() {
    auto parts = std::make_unique<MarshalCodeParts<Ref>>();
    MarshalCodeParts<Ref>& c = *parts;
    if (!read_i32(c.argcount) || !read_i32(c.posonlyargcount) || !read_i32(c.kwonlyargcount) ||
        !read_i32(c.stacksize) || !read_i32(c.flags))
      return Ref{};
    auto raw = std::make_unique<RawCodeFields>();
    std::string unused;
    if (!read_text_field(false, raw->code, c.code, unused)) return Ref{};
    for (Ref* field : {&raw->consts, &raw->names, &raw->localsplusnames})
      if (!(*field = read_object("object"))) return Ref{};
    if (!read_text_field(false, raw->kinds, c.localspluskinds, unused) ||
        !read_text_field(true, raw->filename, c.filename, raw->storage[0]) ||
        !read_text_field(true, raw->name, c.name, raw->storage[1]) ||
        !read_text_field(true, raw->qualname, c.qualname, raw->storage[2]))
      return Ref{};
    if (!read_i32(c.firstlineno)) return Ref{};
    if (!read_text_field(false, raw->linetable, c.linetable, unused) ||
        !read_text_field(false, raw->exceptiontable, c.exceptiontable, unused))
      return Ref{};
    if (!fill_code(*raw, c)) return Ref{};
    return builder_.code(c);
  }

  // A Bytes or Str field's text (charging it to the budget). A null `v` is a field read_text_field already
  // viewed in `out`.
  bool take_text(const Ref& v, bool want_str, const char* field, std::string_view& out) {
    if (v) {
      std::optional<std::string_view> text = builder_.text(v, want_str);
      if (!text) {
        const char* expected = want_str ? "a str" : "bytes";
        return fail(std::string("bad marshal data (code object field ") + field + " is not " + expected + ")"),
               false;
      }
      out = *text;
    }
    return charge(out.size());
  }

  bool take_names(const Ref& v, const char* field, std::span<const Ref>& out) {
    std::optional<std::span<const Ref>> items = builder_.tuple_items(v);
    if (!items) return fail(std::string("bad marshal data (code object field ") + field + " is not a tuple)"), false;
    if (!charge(items->size())) return false;
    for (const Ref& item : *items) {
      std::optional<std::string_view> text = builder_.text(item, true);
      if (!text)
        return fail(std::string("bad marshal data (code object field ") + field + " holds a non-str)"), false;
      if (!charge(text->size())) return false;
    }
    out = *items;
    return true;
  }

  // Type checks, then the checks CPython's _PyCode_Validate makes (with its messages where it has them) plus a
  // few of minipy's own that keep later stages from seeing negative counts.
  [[gnu::noinline]] bool fill_code(const RawCodeFields& raw, MarshalCodeParts<Ref>& c) {
    if (!take_text(raw.code, false, "co_code", c.code)) return false;
    std::optional<std::span<const Ref>> consts = builder_.tuple_items(raw.consts);
    if (!consts) return fail("bad marshal data (code object field co_consts is not a tuple)"), false;
    if (!charge(consts->size())) return false;
    c.consts = raw.consts;
    c.const_items = *consts;
    c.names = raw.names;
    c.localsplusnames = raw.localsplusnames;
    c.filename_object = raw.filename;
    c.name_object = raw.name;
    c.qualname_object = raw.qualname;
    if (!take_names(raw.names, "co_names", c.name_items) ||
        !take_names(raw.localsplusnames, "co_localsplusnames", c.localsplus_items) ||
        !take_text(raw.kinds, false, "co_localspluskinds", c.localspluskinds) ||
        !take_text(raw.filename, true, "co_filename", c.filename) || !take_text(raw.name, true, "co_name", c.name) ||
        !take_text(raw.qualname, true, "co_qualname", c.qualname) ||
        !take_text(raw.linetable, false, "co_linetable", c.linetable) ||
        !take_text(raw.exceptiontable, false, "co_exceptiontable", c.exceptiontable))
      return false;

    if (c.localspluskinds.size() != c.localsplus_items.size())
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

  std::span<const uint8_t> data_;
  size_t pos_ = 0;
  int depth_ = 0;
  size_t budget_;
  Builder& builder_;
  std::vector<Ref> refs_;
  std::vector<Ref> scratch_;      // items of the containers being read (see read_items)
  std::string latin1_scratch_;    // a non-ASCII one-byte str's UTF-8, until the builder has made its object
  std::optional<Failure> error_;
};

}  // namespace minipy
