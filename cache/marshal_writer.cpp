// The marshal writer. Two passes over the same traversal: the first counts how often each value occurs (a
// repeated value's children are not visited, because the second pass writes a back-reference there instead);
// the second writes, giving FLAG_REF to the first occurrence of every value counted more than once and
// TYPE_REF to the later ones. Values are keyed structurally (kind, interned-ness, contents; code objects by
// identity), so the output depends only on the value graph.
#include <bit>
#include <cstring>
#include <unordered_map>

#include "cache/marshal.h"
#include "cache/marshal_value_key.h"

namespace minipy {
namespace {

class MarshalWriter {
 public:
  std::string write_root(const CodeObject& code) {
    for (bool counting : {true, false}) {
      counting_ = counting;
      write_code(code, 0);
    }
    return std::move(out_);
  }

  std::string write_root(const Const& value) {
    for (bool counting : {true, false}) {
      counting_ = counting;
      write_value(value);
    }
    return std::move(out_);
  }

 private:
  struct Occurrence {
    int count = 0;
    int32_t ref_index = -1;  // assigned when the first occurrence is written with FLAG_REF
  };

  void put_byte(uint8_t b) {
    if (!counting_) out_.push_back(static_cast<char>(b));
  }
  void put_type(MarshalType t, uint8_t flag) { put_byte(static_cast<uint8_t>(t) | flag); }
  void put_i32(int32_t v) {
    auto u = static_cast<uint32_t>(v);
    for (int i = 0; i < 4; i++) put_byte(static_cast<uint8_t>(u >> (8 * i)));
  }
  void put_u64(uint64_t u) {
    for (int i = 0; i < 8; i++) put_byte(static_cast<uint8_t>(u >> (8 * i)));
  }
  void put_raw(std::string_view s) {
    if (!counting_) out_.append(s);
  }
  void put_sized(std::string_view s) {
    put_i32(static_cast<int32_t>(s.size()));
    put_raw(s);
  }

  // Returns the flag byte for a value about to be written in full, or nullopt when a back-reference was
  // written (or counted) in its place.
  [[gnu::noinline]] std::optional<uint8_t> begin_shared(const Const& value) {
    auto [it, first] = occurrences_.try_emplace(keys_.key(value));
    Occurrence& occ = it->second;
    if (counting_) {
      occ.count++;
      if (!first) return std::nullopt;
      return 0;
    }
    if (occ.ref_index >= 0) {
      put_type(MarshalType::REF, 0);
      put_i32(occ.ref_index);
      return std::nullopt;
    }
    if (occ.count > 1) {
      occ.ref_index = next_ref_++;
      return kMarshalFlagRef;
    }
    return 0;
  }

  // Containers and code objects recurse; everything else is written out of line so that the recursive frames
  // stay small (nesting reaches 2000 levels).
  void write_value(const Const& value) {
    using K = Const::Kind;
    switch (value.kind()) {
      case K::None: put_type(MarshalType::NONE, 0); return;
      case K::False: put_type(MarshalType::FALSE, 0); return;
      case K::True: put_type(MarshalType::TRUE, 0); return;
      case K::Ellipsis: put_type(MarshalType::ELLIPSIS, 0); return;
      default: break;
    }
    auto flag = begin_shared(value);
    if (!flag) return;
    switch (value.kind()) {
      case K::Tuple:
      case K::FrozenSet:
        write_container_header(value, *flag);
        for (const auto& item : value.items()) write_value(*item);
        break;
      case K::Code: write_code(*value.code_value(), *flag); break;
      default: write_leaf(value, *flag);
    }
  }

  [[gnu::noinline]] void write_container_header(const Const& value, uint8_t flag) {
    size_t count = value.items().size();
    if (value.is(Const::Kind::FrozenSet)) {
      put_type(MarshalType::FROZENSET, flag);
      put_i32(static_cast<int32_t>(count));
    } else if (count < 256) {
      put_type(MarshalType::SMALL_TUPLE, flag);
      put_byte(static_cast<uint8_t>(count));
    } else {
      put_type(MarshalType::TUPLE, flag);
      put_i32(static_cast<int32_t>(count));
    }
  }

  [[gnu::noinline]] void write_leaf(const Const& value, uint8_t flag) {
    using K = Const::Kind;
    switch (value.kind()) {
      case K::Int: write_int(value.int_value(), flag); break;
      case K::Float:
        put_type(MarshalType::BINARY_FLOAT, flag);
        put_u64(std::bit_cast<uint64_t>(value.float_value()));
        break;
      case K::Complex:
        put_type(MarshalType::BINARY_COMPLEX, flag);
        put_u64(std::bit_cast<uint64_t>(value.float_value()));
        put_u64(std::bit_cast<uint64_t>(value.imag_value()));
        break;
      case K::Str: write_str(value.text(), value.interned(), flag); break;
      case K::Bytes:
        put_type(MarshalType::STRING, flag);
        put_sized(value.text());
        break;
      default: break;
    }
  }

  void write_int(const BigInt& v, uint8_t flag) {
    if (v >= BigInt(INT32_MIN) && v <= BigInt(INT32_MAX)) {
      put_type(MarshalType::INT, flag);
      put_i32(static_cast<int32_t>(v.to_int64()));
      return;
    }
    std::vector<uint16_t> digits = v.to_digits15();
    put_type(MarshalType::LONG, flag);
    auto count = static_cast<int32_t>(digits.size());
    put_i32(v.sign() < 0 ? -count : count);
    for (uint16_t d : digits) {
      put_byte(static_cast<uint8_t>(d));
      put_byte(static_cast<uint8_t>(d >> 8));
    }
  }

  // CPython picks the most compact form: ASCII text as 'z'/'a' (one byte per character), anything else as
  // UTF-8 'u'; the interned variants mark strings CPython interns so the reader interns them again.
  void write_str(std::string_view utf8, bool interned, uint8_t flag) {
    bool ascii = true;
    for (unsigned char c : utf8) ascii = ascii && c < 0x80;
    if (ascii && utf8.size() < 256) {
      put_type(interned ? MarshalType::SHORT_ASCII_INTERNED : MarshalType::SHORT_ASCII, flag);
      put_byte(static_cast<uint8_t>(utf8.size()));
      put_raw(utf8);
    } else if (ascii) {
      put_type(interned ? MarshalType::ASCII_INTERNED : MarshalType::ASCII, flag);
      put_sized(utf8);
    } else {
      put_type(interned ? MarshalType::INTERNED : MarshalType::UNICODE, flag);
      put_sized(utf8);
    }
  }

  [[gnu::noinline]] void write_code(const CodeObject& code, uint8_t flag) {
    const CodeFields& f = keys_.fields_of(code);
    put_type(MarshalType::CODE, flag);
    put_i32(code.argcount);
    put_i32(code.posonlyargcount);
    put_i32(code.kwonlyargcount);
    put_i32(code.stacksize);
    put_i32(code.flags);
    write_value(*f.code);
    write_value(*f.consts);
    write_value(*f.names);
    write_value(*f.localsplusnames);
    write_value(*f.localspluskinds);
    write_value(*f.filename);
    write_value(*f.name);
    write_value(*f.qualname);
    put_i32(code.firstlineno);
    write_value(*f.linetable);
    write_value(*f.exceptiontable);
  }

  bool counting_ = true;
  std::string out_;
  ValueKeys keys_;
  std::unordered_map<ValueKey, Occurrence, ValueKeyHash> occurrences_;
  int32_t next_ref_ = 0;
};

}  // namespace

std::string marshal_code(const CodeObject& code) { return MarshalWriter().write_root(code); }

std::string marshal_constant(const Const& value) { return MarshalWriter().write_root(value); }

}  // namespace minipy
