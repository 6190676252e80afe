// BaseExceptionGroup / ExceptionGroup (PEP 654) and the runtime half of except*, as CPython 3.11's
// Objects/exceptions.c and ceval.c define them: construction rules and messages, message / exceptions,
// derive / split / subgroup (with the metadata split copies), CHECK_EG_MATCH and PREP_RERAISE_STAR.
// A group keeps (message, exceptions tuple) in ExceptionObject::extra.
#include <functional>

#include "vm/interp/eval.h"
#include "vm/objects/type_init.h"
#include "vm/runtime.h"

namespace minipy {

namespace {

ExceptionObject* as_exc(Value v) { return static_cast<ExceptionObject*>(v.as_object()); }
bool is_group(Value v) { return v.is_object() && is_subtype(type_of(v), &BaseExceptionGroup_type); }
TupleObject* group_fields(Value eg) { return static_cast<TupleObject*>(as_exc(eg)->extra.as_object()); }
Value group_message(Value eg) { return group_fields(eg)->items[0]; }
TupleObject* group_exceptions(Value eg) { return static_cast<TupleObject*>(group_fields(eg)->items[1].as_object()); }
bool is_exception_instance(Value v) { return v.is_object() && is_exception_type(type_of(v)); }

// BaseExceptionGroup.__new__(cls, message, exceptions).
// The checks and their order are BaseExceptionGroup_new's. The exceptions are copied into a tuple at once, so mutating
// the list passed in does not change the group.
Value eg_new(ThreadState& ts, Type* cls, std::span<const Value> args, TupleObject* kwnames) {
  if (kwnames && kwnames->size) return raise(ts, TypeError_type, "BaseExceptionGroup.__new__() takes no keyword arguments");
  if (args.size() != 2)
    return raise_fmt(ts, TypeError_type, "BaseExceptionGroup.__new__() takes exactly 2 arguments ({} given)",
                     args.size());
  if (!is_str(args[0]))
    return raise_fmt(ts, TypeError_type, "BaseExceptionGroup.__new__() argument 1 must be str, not {}",
                     type_name(args[0]));
  Value seq = args[1];
  Type* st = type_of(seq);
  // PySequence_Check: lists, tuples and objects with __getitem__ that are not dicts.
  if (is_dict(seq) || !(is_list(seq) || is_tuple(seq) || type_lookup(st, intern(ts, "__getitem__"))))
    return raise(ts, TypeError_type, "second argument (exceptions) must be a sequence");
  Value items = call(ts, Value(&tuple_type), std::span<const Value>(&seq, 1));
  if (!items) return Value();
  auto* excs = static_cast<TupleObject*>(items.as_object());
  if (excs->size == 0) return raise(ts, ValueError_type, "second argument (exceptions) must be a non-empty sequence");
  bool nested_base = false;
  for (int64_t i = 0; i < excs->size; i++) {
    Value e = excs->items[i];
    if (!is_exception_instance(e))
      return raise_fmt(ts, ValueError_type, "Item {} of second argument (exceptions) is not an exception", i);
    if (!is_subtype(type_of(e), &Exception_type)) nested_base = true;
  }
  if (cls == &ExceptionGroup_type) {
    if (nested_base) return raise(ts, TypeError_type, "Cannot nest BaseExceptions in an ExceptionGroup");
  } else if (cls == &BaseExceptionGroup_type) {
    // BaseExceptionGroup(...) of only Exceptions returns an ExceptionGroup, so that `except Exception` catches it.
    if (!nested_base) cls = &ExceptionGroup_type;  // all are Exceptions: an ExceptionGroup
  } else if (nested_base && is_subtype(cls, &Exception_type)) {
    return raise_fmt(ts, TypeError_type, "Cannot nest BaseExceptions in '{}'", cls->name->view());
  }
  Value self = BaseException_type.new_instance(ts, cls, args, kwnames);
  if (!self) return Value();
  Value fields[2] = {args[0], items};
  as_exc(self)->extra = Value(minipy::make_tuple(ts, fields));
  return self;
}

// str(eg) counts the direct sub-exceptions, not the leaves.
Value eg_str(ThreadState& ts, Value self) {
  int64_t n = group_exceptions(self)->size;
  Value msg = py_str(ts, group_message(self));
  if (!msg) return Value();
  return make_str(ts, fmt::format("{} ({} sub-exception{})", as_str(msg)->view(), n, n > 1 ? "s" : ""));
}

Value eg_message(ThreadState&, Value self, std::span<const Value>, TupleObject*) { return group_message(self); }
Value eg_exceptions(ThreadState&, Value self, std::span<const Value>, TupleObject*) {
  return Value(group_exceptions(self));
}

// split() and subgroup() build their parts through derive(), so a subclass that overrides it controls the type of the
// parts (PEP 654); the default makes a plain (Base)ExceptionGroup with the same message.
Value eg_derive(ThreadState& ts, Value self, std::span<const Value> args, TupleObject* kwnames) {
  if (!check_positional_args(ts, "derive", args, kwnames, 1, 1)) return Value();
  Value call_args[2] = {group_message(self), args[0]};
  return call(ts, Value(&BaseExceptionGroup_type), call_args);
}

// split()/subgroup()'s condition: a type or tuple of types, a predicate, or (for except*) leaf identities.
using Matcher = std::function<int(Value)>;  // 1 match, 0 no, -1 error

// The matchers capture `ts` by reference and `cond` by value; `cond` stays alive because the caller's argument array
// holds it for the whole split.
bool make_matcher(ThreadState& ts, Value cond, Matcher* out) {
  if (type_of(cond)->call && !is_type(cond)) {
    *out = [&ts, cond](Value e) {
      Value r = call(ts, cond, std::span<const Value>(&e, 1));
      return r ? py_truth(ts, r) : -1;
    };
    return true;
  }
  bool ok = is_type(cond) && is_exception_type(as_type(cond));
  if (!ok && type_of(cond) == &tuple_type) {
    ok = true;
    for (Value t : static_cast<TupleObject*>(cond.as_object())->span())
      ok = ok && is_type(t) && is_exception_type(as_type(t));
  }
  if (!ok) {
    raise(ts, TypeError_type, "expected a function, exception type or tuple of exception types");
    return false;
  }
  *out = [&ts, cond](Value e) {
    int r;
    return is_instance(ts, e, cond, &r) ? r : -1;
  };
  return true;
}

// derive() the group for the list `excs` (handed to derive itself) and copy orig's traceback, cause, context and
// notes onto it (null when empty).
bool subset(ThreadState& ts, Value orig, ListObject* excs, Value* result) {
  *result = Value();
  if (excs->size == 0) return true;
  Value list(excs);
  Value eg = call_method(ts, orig, intern(ts, "derive"), std::span<const Value>(&list, 1));
  if (!eg) return false;
  if (!is_group(eg)) {
    raise(ts, TypeError_type, "derive must return an instance of BaseExceptionGroup");
    return false;
  }
  ExceptionObject* from = as_exc(orig);
  ExceptionObject* to = as_exc(eg);
  // PEP 654: each part carries the original group's traceback, cause, context and a copy of its notes, so printing a
  // part shows where the whole group was raised.
  to->traceback = from->traceback;
  to->context = from->context;
  to->cause = from->cause;
  Value notes = get_attr_optional(ts, orig, intern(ts, "__notes__"));
  if (notes) {
    Value copy = call(ts, Value(&list_type), std::span<const Value>(&notes, 1));
    if (!copy || !set_attr(ts, eg, intern(ts, "__notes__"), copy)) return false;
  } else if (ts.current_exception) {
    return false;
  }
  *result = eg;
  return true;
}

// A matching group is taken whole (its leaves are not examined); otherwise it is split leaf by leaf, keeping the
// nesting, and an empty side is None rather than an empty group.
bool split_recursive(ThreadState& ts, Value exc, const Matcher& match, bool construct_rest, Value* m, Value* rest) {
  *m = *rest = Value();
  int r = match(exc);
  if (r < 0) return false;
  if (r) {
    *m = exc;
    return true;
  }
  if (!is_group(exc)) {
    if (construct_rest) *rest = exc;
    return true;
  }
  // List objects, not C++ vectors: the parts made so far are referenced from nowhere else while the matcher and
  // derive() run Python code that can collect.
  ListObject* match_list = make_list(ts, 0);
  ListObject* rest_list = make_list(ts, 0);
  for (Value e : group_exceptions(exc)->span()) {
    Value sm, sr;
    if (!split_recursive(ts, e, match, construct_rest, &sm, &sr)) return false;
    if (sm && !list_append(ts, match_list, sm)) return false;
    if (sr && !list_append(ts, rest_list, sr)) return false;
  }
  if (!subset(ts, exc, match_list, m)) return false;
  return !construct_rest || subset(ts, exc, rest_list, rest);
}

Value eg_split(ThreadState& ts, Value self, std::span<const Value> args, TupleObject* kwnames) {
  if (!check_positional_args(ts, "split", args, kwnames, 1, 1)) return Value();
  Matcher matcher;
  if (!make_matcher(ts, args[0], &matcher)) return Value();
  Value m, rest;
  if (!split_recursive(ts, self, matcher, true, &m, &rest)) return Value();
  Value pair[2] = {m ? m : None(), rest ? rest : None()};
  return Value(minipy::make_tuple(ts, pair));
}

Value eg_subgroup(ThreadState& ts, Value self, std::span<const Value> args, TupleObject* kwnames) {
  if (!check_positional_args(ts, "subgroup", args, kwnames, 1, 1)) return Value();
  Matcher matcher;
  if (!make_matcher(ts, args[0], &matcher)) return Value();
  Value m, rest;
  if (!split_recursive(ts, self, matcher, false, &m, &rest)) return Value();
  return m ? m : None();
}

const MethodDef kGroupMethods[] = {{"derive", eg_derive}, {"split", eg_split}, {"subgroup", eg_subgroup}};

// except* may not name exception groups, nor non-exceptions.
// Checked when an exception reaches the except* clause, as for plain except; PEP 654 forbids naming a group type,
// because except* already unwraps groups.
bool check_except_star_type(ThreadState& ts, Value t) {
  auto one = [&](Value c) {
    if (!is_type(c) || !is_exception_type(as_type(c))) {
      raise(ts, TypeError_type, "catching classes that do not inherit from BaseException is not allowed");
      return false;
    }
    if (is_subtype(as_type(c), &BaseExceptionGroup_type)) {
      raise(ts, TypeError_type, "catching ExceptionGroup with except* is not allowed. Use except instead.");
      return false;
    }
    return true;
  };
  if (type_of(t) == &tuple_type) {
    for (Value c : static_cast<TupleObject*>(t.as_object())->span())
      if (!one(c)) return false;
    return true;
  }
  return one(t);
}

// The leaves of a (possibly nested) group, appended to `out`.
bool collect_leaves(ThreadState& ts, Value e, ListObject* out) {
  if (is_none(e)) return true;
  if (!is_group(e)) return list_append(ts, out, e);
  for (Value sub : group_exceptions(e)->span())
    if (!collect_leaves(ts, sub, out)) return false;
  return true;
}

// How PREP_RERAISE_STAR tells a bare `raise` in an except* clause (re-raising the matched part, which still carries the
// original group's traceback, cause and context) from a new exception raised by the handler.
bool same_metadata(Value a, Value b) {
  ExceptionObject* x = as_exc(a);
  ExceptionObject* y = as_exc(b);
  return x->traceback == y->traceback && x->cause == y->cause && x->context == y->context;
}

}  // namespace

// CHECK_EG_MATCH: split `exc` by `match_type` into what an except* clause handles (*match, None if nothing)
// and the rest; a naked exception that matches is wrapped in an ExceptionGroup("", [exc]).
bool check_eg_match(ThreadState& ts, Value exc, Value match_type, Value* rest, Value* match) {
  if (!check_except_star_type(ts, match_type)) return false;
  if (is_none(exc)) {
    *match = *rest = None();
    return true;
  }
  int full;
  if (!is_instance(ts, exc, match_type, &full)) return false;
  if (full) {
    if (is_group(exc)) {
      *match = exc;
    } else {
      Value wrapped(minipy::make_tuple(ts, std::span<const Value>(&exc, 1)));  // CPython wraps in a tuple
      Value args[2] = {Value(ts.interp->names.empty), wrapped};
      *match = call(ts, Value(&BaseExceptionGroup_type), args);
      if (!*match) return false;
    }
    *rest = None();
  } else if (is_group(exc)) {
    Value pair = call_method(ts, exc, intern(ts, "split"), std::span<const Value>(&match_type, 1));
    if (!pair) return false;
    *match = static_cast<TupleObject*>(pair.as_object())->items[0];
    *rest = static_cast<TupleObject*>(pair.as_object())->items[1];
  } else {
    *match = None();
    *rest = exc;
  }
  // The handler sees the matched group as the exception being handled.
  // So sys.exc_info() and a bare `raise` inside the clause see the matched subgroup, not the whole group.
  if (!is_none(*match) && ts.exc_info) ts.exc_info->exc_value = *match;
  return true;
}

// PREP_RERAISE_STAR: from the original exception and the list of what the except* clauses raised or
// re-raised (plus the unhandled rest), the exception to re-raise, or None.
// After all except* clauses ran: the unhandled and re-raised leaves are put back in the original group's shape (split
// by identity), and newly raised exceptions are grouped with them, so the result keeps as much of the original
// structure as PEP 654 asks.
Value prep_reraise_star(ThreadState& ts, Value orig, Value excs) {
  // The compiler always passes a list of exceptions (or Nones); crafted bytecode may pass anything, which
  // CPython only asserts against. Refuse it rather than read a non-list as one.
  if (!is_list(excs)) return raise(ts, SystemError_type, "PREP_RERAISE_STAR: the raised exceptions are not a list");
  auto* list = static_cast<ListObject*>(excs.as_object());
  for (Value e : list->span())
    if (!is_none(e) && !is_subtype(type_of(e), &BaseException_type))
      return raise(ts, SystemError_type, "PREP_RERAISE_STAR: a raised item is not an exception");
  std::span<Value> items = list->span();
  if (items.empty()) return None();
  if (!is_group(orig)) return items[0];  // a naked exception: at most one clause ran
  // Lists, as in split_recursive: derive() below runs Python code.
  ListObject* raised = make_list(ts, 0);
  ListObject* reraised_leaves = make_list(ts, 0);
  for (Value e : items) {
    if (is_none(e)) continue;
    if (!(same_metadata(e, orig) ? collect_leaves(ts, e, reraised_leaves) : list_append(ts, raised, e)))
      return Value();
  }
  // The re-raised part keeps the original group's shape: its leaves that were re-raised.
  Value reraised = None();
  if (reraised_leaves->size) {
    Matcher keep = [&](Value e) {
      for (Value l : reraised_leaves->span())
        if (l == e) return 1;
      return 0;
    };
    Value m, rest;
    if (!split_recursive(ts, orig, keep, false, &m, &rest)) return Value();
    if (m) reraised = m;
  }
  if (raised->size == 0) return reraised;
  if (!is_none(reraised) && !list_append(ts, raised, reraised)) return Value();
  // As 3.11.2 (the oracle): what the handlers raised is always wrapped in a new group, even a single
  // exception. (3.11.4 returns a lone raised exception unwrapped.)
  Value all(raised);
  Value args[2] = {Value(ts.interp->names.empty), all};
  return call(ts, Value(&BaseExceptionGroup_type), args);
}

void init_exception_group_types(ThreadState& ts) {
  // ExceptionGroup derives from BaseExceptionGroup and Exception: its MRO lists both.
  Value mro[] = {Value(&ExceptionGroup_type), Value(&BaseExceptionGroup_type), Value(&Exception_type),
                 Value(&BaseException_type), Value(&object_type)};
  ExceptionGroup_type.mro = minipy::make_tuple(ts, mro);
  Value bases[] = {Value(&BaseExceptionGroup_type), Value(&Exception_type)};
  ExceptionGroup_type.bases = minipy::make_tuple(ts, bases);
  Type& t = BaseExceptionGroup_type;
  t.new_instance = eg_new;
  t.str = eg_str;
  add_methods(ts, t, kGroupMethods);
  add_getset(ts, t, "message", eg_message);
  add_getset(ts, t, "exceptions", eg_exceptions);
}

}  // namespace minipy
