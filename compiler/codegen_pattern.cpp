// The match statement, following compile.c's compiler_match and compiler_pattern_* (3.11) so the instructions,
// their order and their locations are CPython's. A pattern runs with the subject on top of the stack and either
// falls through on success — having pushed one value per captured name, stored only once the whole case
// matched — or jumps to a "fail_pop" block that pops what it left on the stack.
#include <fmt/format.h>

#include <algorithm>

#include "compiler/codegen_internal.h"

namespace minipy {

namespace {

// `_` (a MatchAs with neither sub-pattern nor name) and `*_` bind nothing and always match: the compiler skips the work
// for them, as compile.c's WILDCARD_CHECK does.
bool is_wildcard(const ast::Pattern* p) {
  return p->kind == ast::PatternKind::MatchAs && !static_cast<const ast::MatchAs*>(p)->pattern &&
         static_cast<const ast::MatchAs*>(p)->name.empty();
}
bool is_star_wildcard(const ast::Pattern* p) {
  return p->kind == ast::PatternKind::MatchStar && static_cast<const ast::MatchStar*>(p)->name.empty();
}

// Two constant mapping keys CPython's set would treat as one (1, 1.0 and True are the same key).
// compile.c finds duplicate mapping keys by inserting the constants into a set, so its notion of "the same" is Python's
// hash/equality, not the compiler's constant identity (which keeps 1 and 1.0 apart).
bool same_key(const Const& a, const Const& b) {
  using K = Const::Kind;
  auto numeric = [](const Const& c, double* out) {
    switch (c.kind()) {
      case K::False: *out = 0; return true;
      case K::True: *out = 1; return true;
      case K::Int: *out = c.int_value().to_double().value_or(0); return true;
      case K::Float: *out = c.float_value(); return true;
      default: return false;
    }
  };
  double x, y;
  if (numeric(a, &x) && numeric(b, &y)) {
    if (a.is(K::Int) && b.is(K::Int)) return a.int_value() == b.int_value();
    return x == y;
  }
  if (a.kind() != b.kind()) return false;
  switch (a.kind()) {
    case K::Str: case K::Bytes: return a.text() == b.text();
    case K::None: case K::Ellipsis: return true;
    case K::Complex: return a.float_value() == b.float_value() && a.imag_value() == b.imag_value();
    default: return same_constant(a, b);
  }
}

}  // namespace

// compile.c's pattern_context.
struct PatternContext {
  std::vector<std::string> stores;      // captured names, in the order their values sit on the stack
  bool allow_irrefutable = false;       // an irrefutable pattern is allowed here
  std::vector<BasicBlock*> fail_pop;    // fail_pop[n] pops n items, then falls into fail_pop[n-1]...
  int on_top = 0;                       // items on the stack above the captured values
};

class PatternCompiler {
 public:
  explicit PatternCompiler(Codegen& cg) : cg_(cg) {}

  // The fail_pop blocks form a ladder emitted in reverse (emit_and_reset_fail_pop): entering at rung n pops n items and
  // falls through the lower rungs, so every failure point jumps to the rung matching its own stack depth and one chain
  // of POP_TOPs serves all of them.
  bool ensure_fail_pop(PatternContext& pc, size_t n) {
    while (pc.fail_pop.size() < n + 1) pc.fail_pop.push_back(cg_.new_block());
    return true;
  }
  // Jumps with `op` to the block popping everything this pattern has on the stack.
  bool jump_to_fail_pop(PatternContext& pc, Opcode op) {
    size_t pops = static_cast<size_t>(pc.on_top) + pc.stores.size();
    ensure_fail_pop(pc, pops);
    return cg_.addop_j(op, pc.fail_pop[pops]);
  }
  bool emit_and_reset_fail_pop(PatternContext& pc) {
    if (pc.fail_pop.empty()) return true;
    for (size_t i = pc.fail_pop.size() - 1; i > 0; --i) {
      cg_.use_next_block(pc.fail_pop[i]);
      if (!cg_.addop(Opcode::POP_TOP)) return false;
    }
    cg_.use_next_block(pc.fail_pop[0]);
    pc.fail_pop.clear();
    return true;
  }
  // compile.c's pattern_helper_rotate: moves the top item down `count - 1` places with a run of SWAPs, the 3.11
  // replacement for ROT_N.
  bool rotate(int count) {
    while (count > 1)
      if (!cg_.addop_i(Opcode::SWAP, count--)) return false;
    return true;
  }
  bool duplicate_store(std::string_view name) {
    return cg_.error(fmt::format("multiple assignments to name '{}' in pattern", name));
  }
  // Captured values are not stored as they are found: a later sub-pattern may still fail, and a failed case must leave
  // the names unbound. The value is rotated below the items still in use and stored by match_stmt once the whole
  // pattern (and so every capture) succeeded.
  bool store_name(std::string_view name, PatternContext& pc) {
    if (name.empty()) return cg_.addop(Opcode::POP_TOP);
    if (cg_.forbidden_name(name, ast::ExprContext::Store)) return false;
    if (std::find(pc.stores.begin(), pc.stores.end(), name) != pc.stores.end()) return duplicate_store(name);
    // Rotate the value underneath the items that must stay on top.
    if (!rotate(pc.on_top + static_cast<int>(pc.stores.size()) + 1)) return false;
    pc.stores.emplace_back(name);
    return true;
  }

  // An irrefutable pattern is an error only at the top of a case that is not the last; inside a larger pattern (`[x,
  // _]`) it is fine.
  bool subpattern(const ast::Pattern* p, PatternContext& pc) {
    bool allow = pc.allow_irrefutable;
    pc.allow_irrefutable = true;
    if (!pattern(p, pc)) return false;
    pc.allow_irrefutable = allow;
    return true;
  }

  bool pattern(const ast::Pattern* p, PatternContext& pc) {
    cg_.set_loc(p->loc);
    using K = ast::PatternKind;
    switch (p->kind) {
      case K::MatchValue: {
        const ast::Expr* value = static_cast<const ast::MatchValue*>(p)->value;
        // The grammar lets through more than the language allows (negative numbers and complex literals were folded to
        // constants by the parser); this is compile.c's check and message for what remains.
        if (value->kind != ast::ExprKind::Constant && value->kind != ast::ExprKind::Attribute)
          return cg_.error("patterns may only match literals and attribute lookups");
        return cg_.visit_expr(value) && cg_.addcompare(ast::CmpOpKind::Eq) &&
               jump_to_fail_pop(pc, Opcode::POP_JUMP_IF_FALSE);
      }
      case K::MatchSingleton:
        return cg_.load_ast_const(*static_cast<const ast::MatchSingleton*>(p)->value) &&
               cg_.addcompare(ast::CmpOpKind::Is) && jump_to_fail_pop(pc, Opcode::POP_JUMP_IF_FALSE);
      case K::MatchSequence: return sequence(static_cast<const ast::MatchSequence*>(p), pc);
      case K::MatchMapping: return mapping(static_cast<const ast::MatchMapping*>(p), pc);
      case K::MatchClass: return class_pattern(static_cast<const ast::MatchClass*>(p), pc);
      case K::MatchStar: return store_name(static_cast<const ast::MatchStar*>(p)->name, pc);
      case K::MatchAs: return as_pattern(static_cast<const ast::MatchAs*>(p), pc);
      case K::MatchOr: return or_pattern(static_cast<const ast::MatchOr*>(p), pc);
    }
    return true;
  }

  bool as_pattern(const ast::MatchAs* p, PatternContext& pc) {
    if (!p->pattern) {
      if (!pc.allow_irrefutable) {
        if (!p->name.empty())
          return cg_.error(fmt::format("name capture '{}' makes remaining patterns unreachable", p->name));
        return cg_.error("wildcard makes remaining patterns unreachable");
      }
      return store_name(p->name, pc);
    }
    // Keep a copy to store once the inner pattern matched.
    pc.on_top++;
    if (!cg_.addop_i(Opcode::COPY, 1) || !pattern(p->pattern, pc)) return false;
    pc.on_top--;
    return store_name(p->name, pc);
  }

  // UNPACK_EX packs the counts before and after the star into one oparg (low byte: before, high bits: after), so at
  // most 255 sub-patterns may precede the star: compile.c's message for more.
  bool unpack_helper(ast::List<ast::Pattern> elts) {
    size_t n = elts.size();
    bool seen_star = false;
    for (size_t i = 0; i < n; ++i) {
      if (elts[i]->kind != ast::PatternKind::MatchStar) continue;
      if (seen_star) return cg_.error("multiple starred expressions in sequence pattern");
      if (i >= (1 << 8)) return cg_.error("too many expressions in star-unpacking sequence pattern");
      if (!cg_.addop_i(Opcode::UNPACK_EX, static_cast<int>(i + ((n - i - 1) << 8)))) return false;
      seen_star = true;
    }
    return seen_star || cg_.addop_i(Opcode::UNPACK_SEQUENCE, static_cast<int>(n));
  }

  bool sequence_unpack(ast::List<ast::Pattern> patterns, PatternContext& pc) {
    if (!unpack_helper(patterns)) return false;
    pc.on_top += static_cast<int>(patterns.size());
    for (const ast::Pattern* sub : patterns) {
      pc.on_top--;
      if (!subpattern(sub, pc)) return false;
    }
    return true;
  }

  // [first, *_, last]: index the subject instead of unpacking it all.
  bool sequence_subscr(ast::List<ast::Pattern> patterns, size_t star, PatternContext& pc) {
    pc.on_top++;
    size_t size = patterns.size();
    for (size_t i = 0; i < size; ++i) {
      const ast::Pattern* sub = patterns[i];
      if (is_wildcard(sub) || i == star) continue;
      if (!cg_.addop_i(Opcode::COPY, 1)) return false;
      if (i < star) {
        if (!cg_.load_const(Const::integer(BigInt(static_cast<int64_t>(i))))) return false;
      } else {
        // The subject may not support negative indexes: compute len - k.
        if (!cg_.addop(Opcode::GET_LEN) || !cg_.load_const(Const::integer(BigInt(static_cast<int64_t>(size - i)))) ||
            !cg_.addop_i(Opcode::BINARY_OP, binary_op_number(ast::OperatorKind::Sub)))
          return false;
      }
      if (!cg_.addop(Opcode::BINARY_SUBSCR) || !subpattern(sub, pc)) return false;
    }
    pc.on_top--;
    return cg_.addop(Opcode::POP_TOP);
  }

  // MATCH_SEQUENCE checks the subject's Py_TPFLAGS_SEQUENCE (not str/bytes/bytearray), then the length is compared:
  // equal without a star, at least the fixed part with one.
  bool sequence(const ast::MatchSequence* p, PatternContext& pc) {
    ast::List<ast::Pattern> patterns = p->patterns;
    size_t size = patterns.size();
    size_t star = SIZE_MAX;
    bool only_wildcard = true, star_wildcard = false;
    for (size_t i = 0; i < size; ++i) {
      const ast::Pattern* sub = patterns[i];
      if (sub->kind == ast::PatternKind::MatchStar) {
        if (star != SIZE_MAX) return cg_.error("multiple starred names in sequence pattern");
        star_wildcard = is_star_wildcard(sub);
        only_wildcard &= star_wildcard;
        star = i;
        continue;
      }
      only_wildcard &= is_wildcard(sub);
    }
    pc.on_top++;
    if (!cg_.addop(Opcode::MATCH_SEQUENCE) || !jump_to_fail_pop(pc, Opcode::POP_JUMP_IF_FALSE)) return false;
    if (star == SIZE_MAX) {
      if (!cg_.addop(Opcode::GET_LEN) || !cg_.load_const(Const::integer(BigInt(static_cast<int64_t>(size)))) ||
          !cg_.addcompare(ast::CmpOpKind::Eq) || !jump_to_fail_pop(pc, Opcode::POP_JUMP_IF_FALSE))
        return false;
    } else if (size > 1) {
      // With a star: len(subject) >= the other patterns (a lone [*x] needs no check).
      if (!cg_.addop(Opcode::GET_LEN) || !cg_.load_const(Const::integer(BigInt(static_cast<int64_t>(size - 1)))) ||
          !cg_.addcompare(ast::CmpOpKind::GtE) || !jump_to_fail_pop(pc, Opcode::POP_JUMP_IF_FALSE))
        return false;
    }
    pc.on_top--;
    if (only_wildcard) return cg_.addop(Opcode::POP_TOP);
    if (star_wildcard) return sequence_subscr(patterns, star, pc);
    return sequence_unpack(patterns, pc);
  }

  // MATCH_MAPPING checks Py_TPFLAGS_MAPPING; MATCH_KEYS then looks every key up with the subject's get() and pushes a
  // tuple of the values, or None when any key is missing, so the values are matched only once all keys were found.
  bool mapping(const ast::MatchMapping* p, PatternContext& pc) {
    size_t size = p->keys.size();
    pc.on_top++;
    if (!cg_.addop(Opcode::MATCH_MAPPING) || !jump_to_fail_pop(pc, Opcode::POP_JUMP_IF_FALSE)) return false;
    if (!size && p->rest.empty()) {
      pc.on_top--;
      return cg_.addop(Opcode::POP_TOP);
    }
    if (size && (!cg_.addop(Opcode::GET_LEN) || !cg_.load_const(Const::integer(BigInt(static_cast<int64_t>(size)))) ||
                 !cg_.addcompare(ast::CmpOpKind::GtE) || !jump_to_fail_pop(pc, Opcode::POP_JUMP_IF_FALSE)))
      return false;
    // Duplicate literal keys are a compile-time error; attribute keys (`Color.RED`) are only checked at run time by
    // MATCH_KEYS ("mapping pattern checks duplicate key").
    std::vector<const Const*> seen;
    for (const ast::Expr* key : p->keys) {
      if (auto* c = key->as<ast::Constant>()) {
        for (const Const* s : seen)
          if (same_key(*s, *c->value))
            return cg_.error(fmt::format("mapping pattern checks duplicate key ({})", c->value->repr()));
        seen.push_back(c->value);
      } else if (key->kind != ast::ExprKind::Attribute) {
        return cg_.error("mapping pattern keys may only match literals and attribute lookups");
      }
      if (!cg_.visit_expr(key)) return false;
    }
    if (!cg_.addop_i(Opcode::BUILD_TUPLE, static_cast<int>(size)) || !cg_.addop(Opcode::MATCH_KEYS)) return false;
    // A tuple of keys and a tuple of values (or None) now sit on the subject.
    pc.on_top += 2;
    if (!cg_.addop_i(Opcode::COPY, 1) || !cg_.load_none() || !cg_.addop_i(Opcode::IS_OP, 1) ||
        !jump_to_fail_pop(pc, Opcode::POP_JUMP_IF_FALSE))
      return false;
    if (!cg_.addop_i(Opcode::UNPACK_SEQUENCE, static_cast<int>(size))) return false;
    pc.on_top += static_cast<int>(size) - 1;
    for (const ast::Pattern* sub : p->patterns) {
      pc.on_top--;
      if (!subpattern(sub, pc)) return false;
    }
    pc.on_top -= 2;
    if (p->rest.empty()) return cg_.addop(Opcode::POP_TOP) && cg_.addop(Opcode::POP_TOP);
    // rest = dict(subject); del rest[key] for each matched key.
    if (!cg_.addop_i(Opcode::BUILD_MAP, 0) || !cg_.addop_i(Opcode::SWAP, 3) || !cg_.addop_i(Opcode::DICT_UPDATE, 2) ||
        !cg_.addop_i(Opcode::UNPACK_SEQUENCE, static_cast<int>(size)))
      return false;
    for (size_t left = size; left > 0; --left) {
      if (!cg_.addop_i(Opcode::COPY, static_cast<int>(1 + left)) || !cg_.addop_i(Opcode::SWAP, 2) ||
          !cg_.addop(Opcode::DELETE_SUBSCR))
        return false;
    }
    return store_name(p->rest, pc);
  }

  // MATCH_CLASS does the isinstance check and collects the positional sub-patterns' attributes through __match_args__
  // and the keyword ones by name, pushing a tuple of them or None on failure; the sub-patterns then match the tuple's
  // items in order.
  bool class_pattern(const ast::MatchClass* p, PatternContext& pc) {
    size_t nargs = p->patterns.size(), nattrs = p->kwd_attrs.size();
    if (nattrs) {
      for (size_t i = 0; i < nattrs; ++i) {
        cg_.set_loc(p->kwd_patterns[i]->loc);
        if (cg_.forbidden_name(p->kwd_attrs[i], ast::ExprContext::Store)) return false;
        for (size_t j = i + 1; j < nattrs; ++j) {
          if (p->kwd_attrs[i] == p->kwd_attrs[j]) {
            cg_.set_loc(p->kwd_patterns[j]->loc);
            return cg_.error(fmt::format("attribute name repeated in class pattern: {}", p->kwd_attrs[i]));
          }
        }
      }
      cg_.set_loc(p->loc);
    }
    if (!cg_.visit_expr(p->cls)) return false;
    std::vector<ConstRef> names;
    for (std::string_view a : p->kwd_attrs) names.push_back(Const::str(std::string(a), all_name_chars(a)));
    if (!cg_.load_const(Const::tuple(std::move(names))) || !cg_.addop_i(Opcode::MATCH_CLASS, static_cast<int>(nargs)) ||
        !cg_.addop_i(Opcode::COPY, 1) || !cg_.load_none() || !cg_.addop_i(Opcode::IS_OP, 1))
      return false;
    pc.on_top++;
    if (!jump_to_fail_pop(pc, Opcode::POP_JUMP_IF_FALSE)) return false;
    if (!cg_.addop_i(Opcode::UNPACK_SEQUENCE, static_cast<int>(nargs + nattrs))) return false;
    pc.on_top += static_cast<int>(nargs + nattrs) - 1;
    for (size_t i = 0; i < nargs + nattrs; ++i) {
      pc.on_top--;
      const ast::Pattern* sub = i < nargs ? p->patterns[i] : p->kwd_patterns[i - nargs];
      if (is_wildcard(sub)) {
        if (!cg_.addop(Opcode::POP_TOP)) return false;
        continue;
      }
      if (!subpattern(sub, pc)) return false;
    }
    return true;
  }

  // Each alternative runs on its own copy of the subject with a fresh context; the first alternative's capture order is
  // the control order, and every other alternative must bind the same names, rotated into that order so the code after
  // `end` finds the values in one layout whichever alternative matched.
  bool or_pattern(const ast::MatchOr* p, PatternContext& pc) {
    BasicBlock* end = cg_.new_block();
    size_t size = p->patterns.size();
    PatternContext old_pc = pc;
    std::vector<std::string> control;
    for (size_t i = 0; i < size; ++i) {
      const ast::Pattern* alt = p->patterns[i];
      cg_.set_loc(alt->loc);
      pc.stores.clear();
      pc.allow_irrefutable = i == size - 1 && old_pc.allow_irrefutable;
      pc.fail_pop.clear();
      pc.on_top = 0;
      if (!cg_.addop_i(Opcode::COPY, 1) || !pattern(alt, pc)) return false;
      size_t nstores = pc.stores.size();
      if (i == 0) {
        control = pc.stores;
      } else if (nstores != control.size()) {
        return cg_.error("alternative patterns bind different names");
      } else if (nstores) {
        // Same names, maybe another order: rotate the stack (and stores) into the control order.
        for (size_t icontrol = nstores; icontrol-- > 0;) {
          auto it = std::find(pc.stores.begin(), pc.stores.end(), control[icontrol]);
          if (it == pc.stores.end()) return cg_.error("alternative patterns bind different names");
          size_t istores = static_cast<size_t>(it - pc.stores.begin());
          if (icontrol == istores) continue;
          size_t rotations = istores + 1;
          std::vector<std::string> rotated(pc.stores.begin(), pc.stores.begin() + static_cast<ptrdiff_t>(rotations));
          pc.stores.erase(pc.stores.begin(), pc.stores.begin() + static_cast<ptrdiff_t>(rotations));
          pc.stores.insert(pc.stores.begin() + static_cast<ptrdiff_t>(icontrol - istores), rotated.begin(),
                           rotated.end());
          while (rotations--)
            if (!rotate(static_cast<int>(icontrol) + 1)) return false;
        }
      }
      if (!cg_.addop_j(Opcode::JUMP, end) || !emit_and_reset_fail_pop(pc)) return false;
    }
    pc = old_pc;
    // No alternative matched: pop the subject's copy and fail.
    if (!cg_.addop(Opcode::POP_TOP) || !jump_to_fail_pop(pc, Opcode::JUMP)) return false;
    cg_.use_next_block(end);
    // Back in the outer context: the alternatives' captures sit above the subject copy and the outer items; rotate each
    // below them and record it as an outer capture.
    int nrots = static_cast<int>(control.size()) + 1 + pc.on_top + static_cast<int>(pc.stores.size());
    for (const std::string& name : control) {
      if (!rotate(nrots)) return false;
      if (std::find(pc.stores.begin(), pc.stores.end(), name) != pc.stores.end()) return duplicate_store(name);
      pc.stores.push_back(name);
    }
    return cg_.addop(Opcode::POP_TOP);
  }

 private:
  Codegen& cg_;
};

// compiler_match: each case's pattern runs against the subject left on the stack by the `match` expression. A final
// `case _:` (with more than one case) gets no pattern code at all, only its guard and body, as in compile.c.
bool Codegen::match_stmt(const ast::Match* s) {
  if (!visit_expr(s->subject)) return false;
  BasicBlock* end = new_block();
  size_t cases = s->cases.size();
  bool has_default = is_wildcard(s->cases[cases - 1]->pattern) && cases > 1;
  PatternCompiler patterns(*this);
  PatternContext pc;
  for (size_t i = 0; i < cases - (has_default ? 1 : 0); ++i) {
    const ast::MatchCase* m = s->cases[i];
    set_loc(m->pattern->loc);
    bool last = i == cases - (has_default ? 1 : 0) - 1;
    // Every case but the last works on a copy of the subject.
    if (!last && !addop_i(Opcode::COPY, 1)) return false;
    pc.stores.clear();
    // An irrefutable pattern is allowed in the last case, or when a guard can still make the case fail.
    pc.allow_irrefutable = m->guard != nullptr || i == cases - 1;
    pc.fail_pop.clear();
    pc.on_top = 0;
    if (!patterns.pattern(m->pattern, pc)) return false;
    // A match: store the captured names (their values are on the stack).
    for (const std::string& name : pc.stores)
      if (!nameop(name, ast::ExprContext::Store)) return false;
    if (m->guard) {
      patterns.ensure_fail_pop(pc, 0);
      if (!jump_if(m->guard, pc.fail_pop[0], false)) return false;
    }
    if (!last && !addop(Opcode::POP_TOP)) return false;
    if (!visit_stmts(m->body) || !addop_j_noline(Opcode::JUMP, end)) return false;
    // A failed match belongs to its pattern's line, not the body's last.
    set_loc(m->pattern->loc);
    if (!patterns.emit_and_reset_fail_pop(pc)) return false;
  }
  if (has_default) {
    const ast::MatchCase* m = s->cases[cases - 1];
    set_loc(m->pattern->loc);
    if (!addop(cases == 1 ? Opcode::POP_TOP : Opcode::NOP)) return false;
    if (m->guard && !jump_if(m->guard, end, false)) return false;
    if (!visit_stmts(m->body)) return false;
  }
  use_next_block(end);
  return true;
}

}  // namespace minipy
