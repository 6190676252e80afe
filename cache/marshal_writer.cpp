// The marshal writer, in one pass. Every value is keyed structurally (marshal_value_ids.h: kind,
// interned-ness, contents; code objects, lists, dicts and sets by identity); the first occurrence of a key is
// written in full and remembered, a later one becomes a TYPE_REF with a placeholder index. At the end the first
// occurrences of keys that were referenced get FLAG_REF and reference indexes in the order they were written,
// and the placeholders are filled in. Repeated values' children are never visited, exactly as marshal.dumps does, so
// the output depends only on the value graph.
#include <bit>
#include <cstdio>
#include <cstring>
#include <utility>

#include "cache/marshal.h"
#include "cache/marshal_value_ids.h"
#include "compiler/stage_timer.h"

namespace minipy {
namespace {

class MarshalWriter {
 public:
  explicit MarshalWriter(int version = kMarshalVersion,
                         const std::unordered_set<const Const*>* held_elsewhere = nullptr)
      : version_(version), held_elsewhere_(held_elsewhere) {}

  std::string write_root(const CodeObject& code) {
    write_code(code);
    return finish();
  }

  std::string write_root(const Const& value) {
    write_value(value, ids_.of(value));
    return finish();
  }

 private:
  void put_byte(uint8_t b) { out_.push_back(static_cast<char>(b)); }
  void put_type(MarshalType t) { put_byte(static_cast<uint8_t>(t)); }
  void put_i32(int32_t v) {
    auto u = static_cast<uint32_t>(v);
    char bytes[4] = {static_cast<char>(u), static_cast<char>(u >> 8), static_cast<char>(u >> 16),
                     static_cast<char>(u >> 24)};
    out_.append(bytes, 4);
  }
  void put_u64(uint64_t u) {
    put_i32(static_cast<int32_t>(static_cast<uint32_t>(u)));
    put_i32(static_cast<int32_t>(static_cast<uint32_t>(u >> 32)));
  }
  void put_sized(std::string_view s) {
    put_i32(static_cast<int32_t>(s.size()));
    out_.append(s);
  }

  // marshal.dumps's reference-count stand-in (see marshal_dumps_constant); never for a pyc's code object.
  bool presumed_shared(const Const& value) const {
    return held_elsewhere_ && held_elsewhere_->count(&value) != 0;
  }

  // True when the value with key `id` is to be written in full next (its type byte goes at the current
  // position); false when a back-reference was written in its place. `flag`: give a first occurrence
  // FLAG_REF even if it never recurs.
  bool begin(uint32_t id, bool flag = false) {
    if (version_ < 3) return true;  // no references before format 3: every occurrence is written in full
    if (id >= first_pos_.size()) first_pos_.resize(std::max<size_t>(ids_.size(), 2 * first_pos_.size()), 0);
    uint32_t& first = first_pos_[id];
    if (first) {
      first |= kReferenced;
      put_type(MarshalType::REF);
      patches_.push_back({static_cast<uint32_t>(out_.size()), id});
      put_i32(0);
      return false;
    }
    first = static_cast<uint32_t>(out_.size()) + 1;
    if (flag) first |= kReferenced;
    order_.push_back(id);
    return true;
  }

  std::string finish() {
    // Reference indexes count FLAG_REF objects in the order the reader meets them: first occurrences in
    // output order.
    std::vector<int32_t> ref_index(first_pos_.size(), -1);
    int32_t next = 0;
    for (uint32_t id : order_) {
      uint32_t first = first_pos_[id];
      if (!(first & kReferenced)) continue;
      out_[(first & ~kReferenced) - 1] |= static_cast<char>(kMarshalFlagRef);
      ref_index[id] = next++;
    }
    for (auto [pos, id] : patches_) {
      auto u = static_cast<uint32_t>(ref_index[id]);
      for (int i = 0; i < 4; i++) out_[pos + static_cast<uint32_t>(i)] = static_cast<char>(u >> (8 * i));
    }
    return std::move(out_);
  }

  // Containers and code objects recurse; everything else is written out of line so that the recursive frames
  // stay small (nesting reaches 2000 levels).
  void write_value(const Const& value, uint32_t id) {
    using K = Const::Kind;
    switch (value.kind()) {
      case K::None: put_type(MarshalType::NONE); return;
      case K::False: put_type(MarshalType::FALSE); return;
      case K::True: put_type(MarshalType::TRUE); return;
      case K::Ellipsis: put_type(MarshalType::ELLIPSIS); return;
      default: break;
    }
    if (!begin(id, presumed_shared(value))) return;
    switch (value.kind()) {
      case K::Tuple:
      case K::FrozenSet: {
        const auto& items = value.items();
        write_container_header(value.is(K::FrozenSet), items.size());
        for (size_t i = 0; i < items.size(); i++) write_value(*items[i], ids_.item_of(id, i));
        break;
      }
      case K::Code: write_code(*value.code_value()); break;
      case K::List:
      case K::Set:
      case K::Dict: {
        // CPython's w_complex_object: list and set with an i32 count; a dict as key/value pairs closed by NULL.
        const auto& items = value.items();
        write_mutable_header(value.kind(), items.size());
        for (size_t i = 0; i < items.size(); i++) write_value(*items[i], ids_.item_of(id, i));
        if (value.is(K::Dict)) put_type(MarshalType::NULL_OBJECT);
        break;
      }
      default: write_leaf(value);
    }
  }

  [[gnu::noinline]] void write_mutable_header(Const::Kind kind, size_t count) {
    if (kind == Const::Kind::Dict) {
      put_type(MarshalType::DICT);
      return;
    }
    put_type(kind == Const::Kind::List ? MarshalType::LIST : MarshalType::SET);
    put_i32(static_cast<int32_t>(count));
  }

  // A tuple shorter than 256 items gets format 4's one-byte count (SMALL_TUPLE), as CPython's w_object does;
  // frozensets have no short form.
  [[gnu::noinline]] void write_container_header(bool frozenset, size_t count) {
    if (frozenset) {
      put_type(MarshalType::FROZENSET);
      put_i32(static_cast<int32_t>(count));
    } else if (count < 256 && version_ >= 4) {
      put_type(MarshalType::SMALL_TUPLE);
      put_byte(static_cast<uint8_t>(count));
    } else {
      put_type(MarshalType::TUPLE);
      put_i32(static_cast<int32_t>(count));
    }
  }

  [[gnu::noinline]] void write_leaf(const Const& value) {
    using K = Const::Kind;
    switch (value.kind()) {
      case K::Int: write_int(value.int_value()); break;
      case K::Float:
        // Format 2 and later store the IEEE bits (exact); formats 0 and 1 only had repr-like text.
        if (version_ < 2) {
          put_type(MarshalType::FLOAT);
          put_float_text(value.float_value());
          break;
        }
        put_type(MarshalType::BINARY_FLOAT);
        put_u64(std::bit_cast<uint64_t>(value.float_value()));
        break;
      case K::Complex:
        if (version_ < 2) {
          put_type(MarshalType::COMPLEX);
          put_float_text(value.float_value());
          put_float_text(value.imag_value());
          break;
        }
        put_type(MarshalType::BINARY_COMPLEX);
        put_u64(std::bit_cast<uint64_t>(value.float_value()));
        put_u64(std::bit_cast<uint64_t>(value.imag_value()));
        break;
      case K::Str: write_str(value.text(), value.interned()); break;
      case K::Bytes:
        put_type(MarshalType::STRING);
        put_sized(value.text());
        break;
      default: break;
    }
  }

  // Format 0/1 floats: a length byte and C's "%.17g" text, as CPython's w_float_str.
  void put_float_text(double d) {
    char buf[64];
    int n = std::snprintf(buf, sizeof buf, "%.17g", d);
    put_byte(static_cast<uint8_t>(n));
    out_.append(buf, static_cast<size_t>(n));
  }

  // TYPE_INT when the value fits 32 bits, else TYPE_LONG: a signed count of 15-bit digits, least significant
  // first. marshal fixes 15-bit digits whatever CPython's own digit size is, so pycs move between builds.
  void write_int(const BigInt& v) {
    if (v.fits_int64()) {
      int64_t small = v.to_int64();
      if (small >= INT32_MIN && small <= INT32_MAX) {
        put_type(MarshalType::INT);
        put_i32(static_cast<int32_t>(small));
        return;
      }
    }
    std::vector<uint16_t> digits = v.to_digits15();
    put_type(MarshalType::LONG);
    auto count = static_cast<int32_t>(digits.size());
    put_i32(v.sign() < 0 ? -count : count);
    for (uint16_t d : digits) {
      put_byte(static_cast<uint8_t>(d));
      put_byte(static_cast<uint8_t>(d >> 8));
    }
  }

  // CPython picks the most compact form: ASCII text as 'z'/'a' (one byte per character), anything else as
  // UTF-8 'u'; the interned variants mark strings CPython interns so the reader interns them again.
  void write_str(std::string_view utf8, bool interned) {
    bool ascii = version_ >= 4;  // the ASCII forms are format 4's
    for (unsigned char c : utf8) ascii = ascii && c < 0x80;
    interned = interned && version_ >= 3;
    if (ascii && utf8.size() < 256) {
      put_type(interned ? MarshalType::SHORT_ASCII_INTERNED : MarshalType::SHORT_ASCII);
      put_byte(static_cast<uint8_t>(utf8.size()));
      out_.append(utf8);
    } else if (ascii) {
      put_type(interned ? MarshalType::ASCII_INTERNED : MarshalType::ASCII);
      put_sized(utf8);
    } else {
      put_type(interned ? MarshalType::INTERNED : MarshalType::UNICODE);
      put_sized(utf8);
    }
  }

  // A code object's string and bytes fields, which are not Consts.
  void write_text(ValueTag tag, std::string_view data) { write_text(tag, data, ids_.of_text(tag, data)); }
  void write_text(ValueTag tag, std::string_view data, uint32_t id) {
    if (!begin(id)) return;
    if (tag == ValueTag::Bytes) {
      put_type(MarshalType::STRING);
      put_sized(data);
    } else {
      write_str(data, tag == ValueTag::InternedStr);
    }
  }

  // co_consts, co_names and co_localsplusnames: tuples keyed by their items' keys.
  void write_consts(const std::vector<ConstRef>& consts) {
    size_t base = scratch_.size();
    for (const ConstRef& c : consts) {
      uint32_t id = ids_.of(*c);
      scratch_.push_back(id);
    }
    uint32_t id = ids_.of_items(ValueTag::Tuple, std::span(scratch_).subspan(base));
    scratch_.resize(base);
    if (!begin(id)) return;
    write_container_header(false, consts.size());
    for (size_t i = 0; i < consts.size(); i++) write_value(*consts[i], ids_.item_of(id, i));
  }
  // co_names and co_localsplusnames: identifiers, always interned, so a name shared between tuples (or with a
  // constant string that is also interned) becomes a reference.
  void write_names(const std::vector<std::string>& names) {
    size_t base = scratch_.size();
    for (const std::string& n : names) {
      uint32_t id = ids_.of_text(ValueTag::InternedStr, n);
      scratch_.push_back(id);
    }
    uint32_t id = ids_.of_items(ValueTag::Tuple, std::span(scratch_).subspan(base));
    scratch_.resize(base);
    if (!begin(id)) return;
    write_container_header(false, names.size());
    for (size_t i = 0; i < names.size(); i++) write_text(ValueTag::InternedStr, names[i], ids_.item_of(id, i));
  }

  // Strings carry the interned-ness CPython gives them: names and identifiers are interned; the file name and
  // the <module>/<lambda>/... names are not; a qualname equal to the name is the name's object.
  [[gnu::noinline]] void write_code(const CodeObject& code) {
    // A code object's contents follow the pyc rules even inside marshal.dumps: only what recurs is flagged.
    const std::unordered_set<const Const*>* outer_rules = std::exchange(held_elsewhere_, nullptr);
    write_code_fields(code);
    held_elsewhere_ = outer_rules;
  }
  // The fields in the order of CPython 3.11's w_object for code (and r_object reads them back): four counts,
  // flags, the bytecode, then the tuples, the names and the two tables.
  void write_code_fields(const CodeObject& code) {
    put_type(MarshalType::CODE);
    put_i32(code.argcount);
    put_i32(code.posonlyargcount);
    put_i32(code.kwonlyargcount);
    put_i32(code.stacksize);
    put_i32(code.flags);
    write_text(ValueTag::Bytes, code.code);
    write_consts(code.consts);
    write_names(code.names);
    write_names(code.localsplusnames);
    write_text(ValueTag::Bytes, code.localspluskinds);
    write_text(ValueTag::Str, code.filename);
    bool name_interned = !code.name.starts_with('<');
    write_text(name_interned ? ValueTag::InternedStr : ValueTag::Str, code.name);
    bool qualname_interned = name_interned && code.qualname == code.name;
    write_text(qualname_interned ? ValueTag::InternedStr : ValueTag::Str, code.qualname);
    put_i32(code.firstlineno);
    write_text(ValueTag::Bytes, code.linetable);
    write_text(ValueTag::Bytes, code.exceptiontable);
  }

  int version_;
  const std::unordered_set<const Const*>* held_elsewhere_;  // set: marshal.dumps's flagging rules
  // first_pos_[id]: 1 + the output position of the first occurrence's type byte (0: not written yet), with
  // kReferenced set once a later occurrence referred to it.
  static constexpr uint32_t kReferenced = 0x80000000u;
  std::string out_;
  ValueIds ids_;
  std::vector<uint32_t> first_pos_;
  std::vector<uint32_t> order_;                             // ids in the order their first occurrences were written
  std::vector<std::pair<uint32_t, uint32_t>> patches_;      // (position of a TYPE_REF's index, id it refers to)
  std::vector<uint32_t> scratch_;                           // item ids of tuples being keyed, innermost last
};

}  // namespace

std::string marshal_code(const CodeObject& code) {
  StageScope stage(CompileStage::Marshal);
  return MarshalWriter().write_root(code);
}

std::string marshal_constant(const Const& value, int version) { return MarshalWriter(version).write_root(value); }

std::string marshal_dumps_constant(const Const& value, int version,
                                   const std::unordered_set<const Const*>& held_elsewhere) {
  return MarshalWriter(version, &held_elsewhere).write_root(value);
}

}  // namespace minipy
