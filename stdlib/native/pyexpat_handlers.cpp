// The second half of the native pyexpat module (see pyexpat.cpp for the module itself): the C callbacks expat
// calls while it parses, each building CPython's arguments for the matching Python handler
// (parser.StartElementHandler and the rest) and calling it, as CPython 3.11's pyexpat.c handler macros do.
//
// The rules kept from CPython:
// - buffered character data (buffer_text) is delivered before any other handler runs;
// - element and attribute names, and most identifiers, go through the parser's intern dict;
// - a handler that raises clears every handler and stops the parse; Parse() then raises that exception;
// - an unknown encoding is decoded with Python's codecs when it is a single-byte one.
// Left out: the extra traceback entry CPython adds for the C function ("pyexpat.c", line N, in StartElement).
#include <new>

#include "stdlib/native/native_support.h"
#include "stdlib/native/pyexpat.h"

namespace minipy::pyexpat {

const char* const kHandlerNames[kHandlerCount] = {
    "StartElementHandler",        "EndElementHandler",          "ProcessingInstructionHandler",
    "CharacterDataHandler",       "UnparsedEntityDeclHandler",  "NotationDeclHandler",
    "StartNamespaceDeclHandler",  "EndNamespaceDeclHandler",    "CommentHandler",
    "StartCdataSectionHandler",   "EndCdataSectionHandler",     "DefaultHandler",
    "DefaultHandlerExpand",       "NotStandaloneHandler",       "ExternalEntityRefHandler",
    "StartDoctypeDeclHandler",    "EndDoctypeDeclHandler",      "EntityDeclHandler",
    "XmlDeclHandler",             "ElementDeclHandler",         "AttlistDeclHandler",
    "SkippedEntityHandler"};

namespace {

ParserObject* parser_of(void* user_data) { return static_cast<ParserObject*>(user_data); }

// A str from expat's UTF-8 (`size` bytes, or up to the NUL when SIZE_MAX); None for a null pointer.
Value text(ThreadState& ts, const XML_Char* s, size_t size = SIZE_MAX) {
  if (!s) return None();
  std::string_view view = size == SIZE_MAX ? std::string_view(s) : std::string_view(s, size);
  // expat only hands out well-formed UTF-8; the check keeps a library surprise from breaking the str invariant.
  if (!utf8_valid(view)) return raise(ts, ValueError_type, "expat produced invalid UTF-8");
  return Value(make_str(ts, view));
}

// A name through the parser's intern dict (CPython's string_intern): equal names share one str object.
Value interned(ParserObject* p, const XML_Char* s) {
  ThreadState& ts = *p->ts;
  Value str = text(ts, s);
  if (!str || !s || !p->intern) return str;
  auto* dict = static_cast<DictObject*>(p->intern.as_object());
  Value existing = dict_get(ts, dict, str);
  if (existing) return existing;
  if (ts.current_exception) return Value();
  if (!dict_set(ts, dict, str, str)) return Value();
  return str;
}

// Calls Python handler `index` with `count` arguments made by `make_args(ts, p, out)` (which returns false when
// one could not be made), after delivering buffered text. Returns the handler's result; null when there is no
// handler, a handler already failed, or this one raised (then every handler is cleared).
template <class MakeArgs>
Value dispatch(ParserObject* p, int index, size_t count, MakeArgs make_args) {
  ThreadState& ts = *p->ts;
  if (!p->handlers[index] || ts.current_exception) return Value();
  try {
    if (!flush_text(p) || !p->handlers[index]) return Value();
    Value args[8];  // on the native stack: the collector sees them
    if (!make_args(ts, p, args)) {
      flag_error(p);
      return Value();
    }
    for (size_t i = 0; i < count; i++)
      if (!args[i]) {
        flag_error(p);
        return Value();
      }
    Value handler = p->handlers[index];
    Value result = call(ts, handler, std::span<const Value>(args, count));
    if (!result) flag_error(p);
    return result;
  } catch (const std::bad_alloc&) {
    // Never let a C++ exception unwind through expat's C frames.
    raise(ts, MemoryError_type, "");
    flag_error(p);
    return Value();
  }
}

// Handlers whose result expat uses (NotStandalone, ExternalEntityRef) return an int; anything else is an error.
int int_result(ParserObject* p, Value result) {
  if (!result) return 0;
  int64_t value;
  if (!index_to_int64(*p->ts, result, &value)) {
    flag_error(p);
    return 0;
  }
  return static_cast<int>(value);
}

// Delivers `data` to CharacterDataHandler directly. False when the handler raised.
bool call_text_handler(ParserObject* p, std::string_view data) {
  ThreadState& ts = *p->ts;
  Value handler = p->handlers[kCharacterData];
  if (!handler) return true;  // nobody wants it any more: dropped
  Value arg = text(ts, data.data(), data.size());
  Value result = arg ? call(ts, handler, std::span<const Value>(&arg, 1)) : Value();
  if (!result) {
    flag_error(p);
    return false;
  }
  return true;
}

void XMLCALL on_start_element(void* user_data, const XML_Char* name, const XML_Char** atts) {
  dispatch(parser_of(user_data), kStartElement, 2, [&](ThreadState& ts, ParserObject* p, Value* out) {
    out[0] = interned(p, name);
    int count = 0;
    if (p->specified_attributes) {
      count = XML_GetSpecifiedAttributeCount(p->parser);
    } else {
      while (atts[count]) count += 2;
    }
    // ordered_attributes: a flat [name, value, ...] list; otherwise a dict.
    if (p->ordered_attributes) {
      ListObject* list = make_list(ts, 0);
      out[1] = Value(list);
      for (int i = 0; i < count; i++) {
        Value item = i % 2 == 0 ? interned(p, atts[i]) : text(ts, atts[i]);
        if (!item || !list_append(ts, list, item)) return false;
      }
    } else {
      DictObject* dict = make_dict(ts);
      out[1] = Value(dict);
      for (int i = 0; i + 1 < count; i += 2) {
        Value key = interned(p, atts[i]);
        Value value = key ? text(ts, atts[i + 1]) : Value();
        if (!value || !dict_set(ts, dict, key, value)) return false;
      }
    }
    return true;
  });
}

void XMLCALL on_end_element(void* user_data, const XML_Char* name) {
  dispatch(parser_of(user_data), kEndElement, 1, [&](ThreadState&, ParserObject* p, Value* out) {
    out[0] = interned(p, name);
    return true;
  });
}

void XMLCALL on_processing_instruction(void* user_data, const XML_Char* target, const XML_Char* data) {
  dispatch(parser_of(user_data), kProcessingInstruction, 2, [&](ThreadState& ts, ParserObject* p, Value* out) {
    out[0] = interned(p, target);
    out[1] = text(ts, data);
    return true;
  });
}

// Character data: straight to the handler, or into the buffer while buffer_text is on (flushed when the next
// piece would overflow buffer_size; a piece larger than the buffer is delivered on its own).
void XMLCALL on_character_data(void* user_data, const XML_Char* s, int len) {
  ParserObject* p = parser_of(user_data);
  ThreadState& ts = *p->ts;
  if (!p->handlers[kCharacterData] || ts.current_exception) return;
  try {
    std::string_view data(s, static_cast<size_t>(len));
    if (!p->text_buffer) {
      (void)call_text_handler(p, data);
      return;
    }
    if (static_cast<int64_t>(p->text_buffer->size() + data.size()) > p->buffer_size) {
      if (!flush_text(p) || !p->handlers[kCharacterData]) return;
    }
    // The handler that just ran may have turned buffering off or shrunk the buffer.
    if (!p->text_buffer || static_cast<int64_t>(data.size()) > p->buffer_size) {
      (void)call_text_handler(p, data);
    } else {
      p->text_buffer->append(data);
    }
  } catch (const std::bad_alloc&) {
    raise(ts, MemoryError_type, "");
    flag_error(p);
  }
}

void XMLCALL on_unparsed_entity_decl(void* user_data, const XML_Char* entity_name, const XML_Char* base,
                                     const XML_Char* system_id, const XML_Char* public_id,
                                     const XML_Char* notation_name) {
  dispatch(parser_of(user_data), kUnparsedEntityDecl, 5, [&](ThreadState&, ParserObject* p, Value* out) {
    out[0] = interned(p, entity_name);
    out[1] = interned(p, base);
    out[2] = interned(p, system_id);
    out[3] = interned(p, public_id);
    out[4] = interned(p, notation_name);
    return true;
  });
}

void XMLCALL on_notation_decl(void* user_data, const XML_Char* notation_name, const XML_Char* base,
                              const XML_Char* system_id, const XML_Char* public_id) {
  dispatch(parser_of(user_data), kNotationDecl, 4, [&](ThreadState&, ParserObject* p, Value* out) {
    out[0] = interned(p, notation_name);
    out[1] = interned(p, base);
    out[2] = interned(p, system_id);
    out[3] = interned(p, public_id);
    return true;
  });
}

void XMLCALL on_start_namespace_decl(void* user_data, const XML_Char* prefix, const XML_Char* uri) {
  dispatch(parser_of(user_data), kStartNamespaceDecl, 2, [&](ThreadState&, ParserObject* p, Value* out) {
    out[0] = interned(p, prefix);
    out[1] = interned(p, uri);
    return true;
  });
}

void XMLCALL on_end_namespace_decl(void* user_data, const XML_Char* prefix) {
  dispatch(parser_of(user_data), kEndNamespaceDecl, 1, [&](ThreadState&, ParserObject* p, Value* out) {
    out[0] = interned(p, prefix);
    return true;
  });
}

void XMLCALL on_comment(void* user_data, const XML_Char* data) {
  dispatch(parser_of(user_data), kComment, 1, [&](ThreadState& ts, ParserObject*, Value* out) {
    out[0] = text(ts, data);
    return true;
  });
}

template <int Index>
void XMLCALL on_no_arguments(void* user_data) {
  dispatch(parser_of(user_data), Index, 0, [](ThreadState&, ParserObject*, Value*) { return true; });
}

// DefaultHandler and DefaultHandlerExpand share this body (the index says which).
template <int Index>
void XMLCALL on_default(void* user_data, const XML_Char* s, int len) {
  dispatch(parser_of(user_data), Index, 1, [&](ThreadState& ts, ParserObject*, Value* out) {
    out[0] = text(ts, s, static_cast<size_t>(len));
    return true;
  });
}

int XMLCALL on_not_standalone(void* user_data) {
  ParserObject* p = parser_of(user_data);
  return int_result(p, dispatch(p, kNotStandalone, 0, [](ThreadState&, ParserObject*, Value*) { return true; }));
}

// expat passes the parser itself here, not the user data.
int XMLCALL on_external_entity_ref(XML_Parser parser, const XML_Char* context, const XML_Char* base,
                                   const XML_Char* system_id, const XML_Char* public_id) {
  ParserObject* p = parser_of(XML_GetUserData(parser));
  Value result = dispatch(p, kExternalEntityRef, 4, [&](ThreadState& ts, ParserObject* q, Value* out) {
    out[0] = text(ts, context);
    out[1] = interned(q, base);
    out[2] = interned(q, system_id);
    out[3] = interned(q, public_id);
    return true;
  });
  return int_result(p, result);
}

// After a handler failed: expat's own treatment of an external entity is refused, so the parse ends.
int XMLCALL refuse_external_entity_ref(XML_Parser, const XML_Char*, const XML_Char*, const XML_Char*,
                                       const XML_Char*) {
  return XML_STATUS_ERROR;
}

void XMLCALL on_start_doctype_decl(void* user_data, const XML_Char* doctype_name, const XML_Char* sysid,
                                   const XML_Char* pubid, int has_internal_subset) {
  dispatch(parser_of(user_data), kStartDoctypeDecl, 4, [&](ThreadState& ts, ParserObject* p, Value* out) {
    out[0] = interned(p, doctype_name);
    out[1] = interned(p, sysid);
    out[2] = interned(p, pubid);
    out[3] = make_int(ts, has_internal_subset);
    return true;
  });
}

void XMLCALL on_entity_decl(void* user_data, const XML_Char* entity_name, int is_parameter_entity,
                            const XML_Char* value, int value_length, const XML_Char* base,
                            const XML_Char* system_id, const XML_Char* public_id, const XML_Char* notation_name) {
  dispatch(parser_of(user_data), kEntityDecl, 7, [&](ThreadState& ts, ParserObject* p, Value* out) {
    out[0] = interned(p, entity_name);
    out[1] = make_int(ts, is_parameter_entity);
    out[2] = value ? text(ts, value, static_cast<size_t>(value_length)) : None();
    out[3] = interned(p, base);
    out[4] = interned(p, system_id);
    out[5] = interned(p, public_id);
    out[6] = interned(p, notation_name);
    return true;
  });
}

void XMLCALL on_xml_decl(void* user_data, const XML_Char* version, const XML_Char* encoding, int standalone) {
  dispatch(parser_of(user_data), kXmlDecl, 3, [&](ThreadState& ts, ParserObject*, Value* out) {
    out[0] = text(ts, version);
    out[1] = text(ts, encoding);
    out[2] = make_int(ts, standalone);
    return true;
  });
}

// An element declaration's content model as CPython gives it: (type, quantifier, name or None, children).
Value content_model(ThreadState& ts, const XML_Content* model, int depth) {
  if (depth > 1000) return raise(ts, RecursionError_type, "content model too deep");
  TupleObject* children = make_tuple(ts, model->numchildren);
  for (unsigned i = 0; i < model->numchildren; i++) children->items[i] = None();
  for (unsigned i = 0; i < model->numchildren; i++) {
    Value child = content_model(ts, &model->children[i], depth + 1);
    if (!child) return Value();
    children->items[i] = child;
  }
  Value name = text(ts, model->name);
  if (!name) return Value();
  Value items[4] = {make_int(ts, model->type), make_int(ts, model->quant), name, Value(children)};
  return Value(make_tuple(ts, items));
}

void XMLCALL on_element_decl(void* user_data, const XML_Char* name, XML_Content* model) {
  ParserObject* p = parser_of(user_data);
  dispatch(p, kElementDecl, 2, [&](ThreadState& ts, ParserObject* q, Value* out) {
    out[0] = interned(q, name);
    out[1] = content_model(ts, model, 0);
    return true;
  });
  // The model is ours to free, whether or not a handler saw it.
  XML_FreeContentModel(p->parser, model);
}

void XMLCALL on_attlist_decl(void* user_data, const XML_Char* element_name, const XML_Char* attribute_name,
                             const XML_Char* attribute_type, const XML_Char* default_value, int is_required) {
  dispatch(parser_of(user_data), kAttlistDecl, 5, [&](ThreadState& ts, ParserObject* p, Value* out) {
    out[0] = interned(p, element_name);
    out[1] = interned(p, attribute_name);
    out[2] = text(ts, attribute_type);
    out[3] = text(ts, default_value);
    out[4] = make_int(ts, is_required);
    return true;
  });
}

void XMLCALL on_skipped_entity(void* user_data, const XML_Char* entity_name, int is_parameter_entity) {
  dispatch(parser_of(user_data), kSkippedEntity, 2, [&](ThreadState& ts, ParserObject* p, Value* out) {
    out[0] = interned(p, entity_name);
    out[1] = make_int(ts, is_parameter_entity);
    return true;
  });
}

// An encoding expat does not know: Python's codec decodes all 256 byte values (CPython's
// PyUnknownEncodingHandler); only single-byte encodings can be described to expat.
int XMLCALL on_unknown_encoding(void* data, const XML_Char* name, XML_Encoding* info) {
  ParserObject* p = parser_of(data);
  ThreadState& ts = *p->ts;
  try {
    std::string all_bytes(256, '\0');
    for (int i = 0; i < 256; i++) all_bytes[i] = static_cast<char>(i);
    Value bytes = make_bytes(ts, all_bytes);
    Value args[2] = {text(ts, name), Value(make_str(ts, "replace"))};
    if (!args[0]) return XML_STATUS_ERROR;
    Value decoded = call_method(ts, bytes, intern(ts, "decode"), args);
    if (!decoded) return XML_STATUS_ERROR;
    if (!is_str(decoded)) return raise(ts, TypeError_type, "decoder did not return a str"), XML_STATUS_ERROR;
    StrObject* s = as_str(decoded);
    if (s->length != 256) {
      raise(ts, ValueError_type, "multi-byte encodings are not supported");
      return XML_STATUS_ERROR;
    }
    // Walk the UTF-8 of the 256 characters; U+FFFD (undecodable byte) becomes -1, "not a valid byte".
    const auto* u = reinterpret_cast<const unsigned char*>(s->data);
    size_t at = 0;
    for (int i = 0; i < 256; i++) {
      uint32_t cp = u[at];
      int extra = cp < 0x80 ? 0 : cp < 0xE0 ? 1 : cp < 0xF0 ? 2 : 3;
      cp &= extra == 0 ? 0x7F : extra == 1 ? 0x1F : extra == 2 ? 0x0F : 0x07;
      for (int k = 1; k <= extra; k++) cp = (cp << 6) | (u[at + k] & 0x3F);
      at += 1 + extra;
      info->map[i] = cp == 0xFFFD ? -1 : static_cast<int>(cp);
    }
    info->data = nullptr;
    info->convert = nullptr;
    info->release = nullptr;
    return XML_STATUS_OK;
  } catch (const std::bad_alloc&) {
    raise(ts, MemoryError_type, "");
    return XML_STATUS_ERROR;
  }
}

}  // namespace

void install_handler(XML_Parser parser, int index, bool on) {
  switch (index) {
    case kStartElement:
      XML_SetStartElementHandler(parser, on ? on_start_element : nullptr);
      break;
    case kEndElement:
      XML_SetEndElementHandler(parser, on ? on_end_element : nullptr);
      break;
    case kProcessingInstruction:
      XML_SetProcessingInstructionHandler(parser, on ? on_processing_instruction : nullptr);
      break;
    case kCharacterData:
      XML_SetCharacterDataHandler(parser, on ? on_character_data : nullptr);
      break;
    case kUnparsedEntityDecl:
      XML_SetUnparsedEntityDeclHandler(parser, on ? on_unparsed_entity_decl : nullptr);
      break;
    case kNotationDecl:
      XML_SetNotationDeclHandler(parser, on ? on_notation_decl : nullptr);
      break;
    case kStartNamespaceDecl:
      XML_SetStartNamespaceDeclHandler(parser, on ? on_start_namespace_decl : nullptr);
      break;
    case kEndNamespaceDecl:
      XML_SetEndNamespaceDeclHandler(parser, on ? on_end_namespace_decl : nullptr);
      break;
    case kComment:
      XML_SetCommentHandler(parser, on ? on_comment : nullptr);
      break;
    case kStartCdataSection:
      XML_SetStartCdataSectionHandler(parser, on ? on_no_arguments<kStartCdataSection> : nullptr);
      break;
    case kEndCdataSection:
      XML_SetEndCdataSectionHandler(parser, on ? on_no_arguments<kEndCdataSection> : nullptr);
      break;
    case kDefault:
      XML_SetDefaultHandler(parser, on ? on_default<kDefault> : nullptr);
      break;
    case kDefaultExpand:
      XML_SetDefaultHandlerExpand(parser, on ? on_default<kDefaultExpand> : nullptr);
      break;
    case kNotStandalone:
      XML_SetNotStandaloneHandler(parser, on ? on_not_standalone : nullptr);
      break;
    case kExternalEntityRef:
      XML_SetExternalEntityRefHandler(parser, on ? on_external_entity_ref : nullptr);
      break;
    case kStartDoctypeDecl:
      XML_SetStartDoctypeDeclHandler(parser, on ? on_start_doctype_decl : nullptr);
      break;
    case kEndDoctypeDecl:
      XML_SetEndDoctypeDeclHandler(parser, on ? on_no_arguments<kEndDoctypeDecl> : nullptr);
      break;
    case kEntityDecl:
      XML_SetEntityDeclHandler(parser, on ? on_entity_decl : nullptr);
      break;
    case kXmlDecl:
      XML_SetXmlDeclHandler(parser, on ? on_xml_decl : nullptr);
      break;
    case kElementDecl:
      XML_SetElementDeclHandler(parser, on ? on_element_decl : nullptr);
      break;
    case kAttlistDecl:
      XML_SetAttlistDeclHandler(parser, on ? on_attlist_decl : nullptr);
      break;
    case kSkippedEntity:
      XML_SetSkippedEntityHandler(parser, on ? on_skipped_entity : nullptr);
      break;
    default:
      break;
  }
}

void flag_error(ParserObject* p) {
  for (int i = 0; i < kHandlerCount; i++) {
    p->handlers[i] = Value();
    install_handler(p->parser, i, false);
  }
  XML_SetExternalEntityRefHandler(p->parser, refuse_external_entity_ref);
  XML_StopParser(p->parser, XML_FALSE);  // fails harmlessly when no parse is running
}

bool flush_text(ParserObject* p) {
  if (!p->text_buffer || p->text_buffer->empty()) return true;
  std::string pending;
  pending.swap(*p->text_buffer);  // the handler may add to (or drop) the buffer meanwhile
  return call_text_handler(p, pending);
}

void install_fixed_callbacks(ParserObject* p) {
  XML_SetUserData(p->parser, p);
  XML_SetUnknownEncodingHandler(p->parser, on_unknown_encoding, p);
}

}  // namespace minipy::pyexpat
