// The compiler-tree instantiation of the marshal reader (cache/marshal_read.h): untrusted bytes in, a Const or
// CodeObject tree out. marshal.loads of constants, pycview and the unit tests and fuzzers that look at a code
// object as data use it; an import builds the VM's objects with the same reader instead
// (vm/interp/code_loader.cpp), so every check below and in the template holds for both.
#include <algorithm>
#include <cstring>

#include "cache/marshal_read.h"
#include "compiler/parse_unicode.h"
#include "compiler/stage_timer.h"

namespace minipy {

void append_latin1(std::string& out, unsigned char c) {
  if (c < 0x80) {
    out.push_back(static_cast<char>(c));
  } else {
    out.push_back(static_cast<char>(0xC0 | (c >> 6)));
    out.push_back(static_cast<char>(0x80 | (c & 0x3F)));
  }
}

bool valid_utf8(std::string_view s) { return !find_invalid_utf8(s, /*allow_surrogates=*/true); }

std::string bad_text_float_message(std::string_view text) {
  return "could not convert string to float: " + Const::str(std::string(text))->repr();
}

namespace {

// Builds the compiler's immutable Const tree. Code objects come out unverified (CodeObject::verified false):
// whoever runs them checks the whole tree once (verify_tree), as code_from_pyc_body's tree loader does.
struct ConstBuilder {
  using Ref = ConstRef;
  static std::vector<ConstRef> vec(std::span<const Ref> items) { return {items.begin(), items.end()}; }

  Ref none() { return Const::none(); }
  Ref boolean(bool b) { return Const::boolean(b); }
  Ref ellipsis() { return Const::ellipsis(); }
  Ref int32(int32_t v) { return Const::integer(BigInt(v)); }
  Ref int64(int64_t v) { return Const::integer(BigInt(v)); }
  Ref big_int(std::span<const uint16_t> digits, bool negative) {
    return Const::integer(BigInt::from_digits15(digits, negative));
  }
  Ref floating(double d) { return Const::floating(d); }
  Ref complex(double re, double im) { return Const::complex(re, im); }
  Ref bytes(std::string_view b) { return Const::bytes(std::string(b)); }
  Ref str(std::string_view utf8, bool interned) { return Const::str(std::string(utf8), interned); }
  Ref tuple(std::span<const Ref> items) { return Const::tuple(vec(items)); }
  Ref frozenset(std::span<const Ref> items) { return Const::frozenset(vec(items)); }
  Ref list(std::span<const Ref> items) { return Const::list(vec(items)); }
  Ref set(std::span<const Ref> items) { return Const::set(vec(items)); }
  Ref dict(std::span<const Ref> items) { return Const::dict(vec(items)); }

  std::optional<std::string_view> text(const Ref& v, bool want_str) {
    if (!v->is(want_str ? Const::Kind::Str : Const::Kind::Bytes)) return std::nullopt;
    return std::string_view(v->text());
  }
  std::optional<std::span<const Ref>> tuple_items(const Ref& v) {
    if (!v->is(Const::Kind::Tuple)) return std::nullopt;
    return std::span<const Ref>(v->items());
  }

  Ref code(const MarshalCodeParts<Ref>& p) {
    auto code = std::make_shared<CodeObject>();
    CodeObject& c = *code;
    copy_code_fields(p, c);
    c.consts = vec(p.const_items);
    c.names.reserve(p.name_items.size());
    for (const Ref& n : p.name_items) c.names.push_back(n->text());
    c.localsplusnames.reserve(p.localsplus_items.size());
    for (const Ref& n : p.localsplus_items) c.localsplusnames.push_back(n->text());
    return Const::code(std::move(code));
  }
};

// Reads the one object in `data` and hands it to `convert`, which turns it into a T or a Failure.
template <class T, class Convert>
Result<Unmarshalled<T>> run_reader(std::span<const uint8_t> data, Convert convert) {
  StageScope stage(CompileStage::Unmarshal);
  ConstBuilder builder;
  MarshalReader<ConstBuilder> reader(data, builder);
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
