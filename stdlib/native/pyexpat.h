// What the two halves of the native pyexpat module share: the parser object's layout and the handler table.
// pyexpat.cpp is the module and the xmlparser type (creation, Parse/ParseFile, attributes, ExpatError);
// pyexpat_handlers.cpp is the C callbacks expat calls and the Python handlers they call.
#pragma once
#include <expat.h>

#include <string>

#include "vm/runtime.h"

namespace minipy::pyexpat {

// The handlers an xmlparser can be given, in CPython's handler_info order (the attribute names come from
// kHandlerNames, indexed by these).
enum Handler {
  kStartElement, kEndElement, kProcessingInstruction, kCharacterData, kUnparsedEntityDecl, kNotationDecl,
  kStartNamespaceDecl, kEndNamespaceDecl, kComment, kStartCdataSection, kEndCdataSection, kDefault,
  kDefaultExpand, kNotStandalone, kExternalEntityRef, kStartDoctypeDecl, kEndDoctypeDecl, kEntityDecl,
  kXmlDecl, kElementDecl, kAttlistDecl, kSkippedEntity, kHandlerCount
};
extern const char* const kHandlerNames[kHandlerCount];

// pyexpat.xmlparser. Objects never move (the collector does not compact), so expat's user data is the object
// itself; `parser` is freed by the type's finalizer.
struct ParserObject : Object {
  XML_Parser parser;
  ThreadState* ts;                 // the (one) thread, for callbacks expat makes
  Value handlers[kHandlerCount];   // null: not set
  Value intern;                    // the intern dict, or null (ParserCreate(intern=None))
  Value parent;                    // an ExternalEntityParserCreate child keeps its parent (expat needs it)
  std::string* text_buffer;        // buffer_text's pending character data; null while buffer_text is off
  int64_t buffer_size;             // buffer_size (8192 by default)
  bool ordered_attributes;
  bool specified_attributes;
  bool namespace_prefixes;
  bool in_parse;                   // inside Parse/ParseFile: a nested call is refused (expat is not reentrant)
};

// Installs (or, with `on` false, removes) expat's C callback for handler `index` on `parser`.
void install_handler(XML_Parser parser, int index, bool on);
// Clears every handler after a Python handler failed (CPython's flag_error): the rest of the document is parsed
// by nobody, and the parse stops.
void flag_error(ParserObject* p);
// Delivers the buffered character data to CharacterDataHandler (buffer_text). False when the handler raised.
[[nodiscard]] bool flush_text(ParserObject* p);
// The callbacks every parser gets: unknown encodings (single-byte codecs through Python's codecs).
void install_fixed_callbacks(ParserObject* p);

}  // namespace minipy::pyexpat
