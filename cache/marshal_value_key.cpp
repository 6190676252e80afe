#include "cache/marshal_value_key.h"

#include <bit>
#include <functional>

namespace minipy {

static bool equal_values(const Const& a, const Const& b) {
  if (&a == &b) return true;
  if (a.kind() != b.kind()) return false;
  switch (a.kind()) {
    case Const::Kind::Str:
      return a.interned() == b.interned() && a.text() == b.text();
    case Const::Kind::Tuple:
    case Const::Kind::FrozenSet:
      if (a.items().size() != b.items().size()) return false;
      for (size_t i = 0; i < a.items().size(); i++)
        if (!equal_values(*a.items()[i], *b.items()[i])) return false;
      return true;
    case Const::Kind::Code:
      return a.code_value() == b.code_value();
    default:
      return same_constant(a, b);
  }
}

bool operator==(const ValueKey& a, const ValueKey& b) { return a.hash == b.hash && equal_values(*a.value, *b.value); }

ValueKey ValueKeys::key(const Const& value) { return ValueKey{&value, hash_of(value)}; }

size_t ValueKeys::hash_of(const Const& value) {
  if (auto it = hashes_.find(&value); it != hashes_.end()) return it->second;
  size_t h;
  switch (value.kind()) {
    case Const::Kind::Tuple:
    case Const::Kind::FrozenSet:
      // Combine memoised item hashes so nested containers are hashed once each.
      h = static_cast<size_t>(value.kind()) + 0x51ED27;
      for (const auto& item : value.items()) h = h * 1000003u ^ hash_of(*item);
      break;
    case Const::Kind::Code:
      h = std::hash<const void*>()(value.code_value().get());
      break;
    default:
      h = value.key_hash() ^ (value.interned() ? 0x9E37u : 0u);
  }
  hashes_.emplace(&value, h);
  return h;
}

static ConstRef name_tuple(const std::vector<std::string>& names) {
  std::vector<ConstRef> items;
  items.reserve(names.size());
  for (const auto& n : names) items.push_back(Const::str(n, true));
  return Const::tuple(std::move(items));
}

const CodeFields& ValueKeys::fields_of(const CodeObject& code) {
  if (auto it = fields_.find(&code); it != fields_.end()) return it->second;
  bool name_interned = !code.name.starts_with('<');
  CodeFields f;
  f.code = Const::bytes(code.code);
  f.consts = Const::tuple(code.consts);
  f.names = name_tuple(code.names);
  f.localsplusnames = name_tuple(code.localsplusnames);
  f.localspluskinds = Const::bytes(code.localspluskinds);
  f.filename = Const::str(code.filename, false);
  f.name = Const::str(code.name, name_interned);
  f.qualname = Const::str(code.qualname, name_interned && code.qualname == code.name);
  f.linetable = Const::bytes(code.linetable);
  f.exceptiontable = Const::bytes(code.exceptiontable);
  return fields_.emplace(&code, std::move(f)).first->second;
}

}  // namespace minipy
