// HTML escaping and rendering of parsed fields into a pugixml tree.
#pragma once

#include "diagnostics.hpp"
#include "links.hpp"
#include "model.hpp"

#include <pugixml.hpp>

#include <string>
#include <string_view>

namespace cvc {

enum class HtmlContext {
  /// Element text: `&`, `<` and `>` become character references.
  Text,
  /// A quoted attribute value: quotes are escaped too.
  Attribute,
  /// Text inside a <script> element holding JSON: `<`, `>` and `&` become
  /// \u escapes, so `</script>` can never end the element.
  ScriptJson,
};

/// Escapes `text` for a string context. Writers that build a pugixml tree
/// need no escaping of element text and attributes: pugixml escapes them.
std::string escape_html(std::string_view text, HtmlContext context);

/// Appends text to `parent`, joined to a text node that ends the element,
/// so that the tree parses back the same.
void append_text(pugi::xml_node parent, std::string_view text);

/// Appends a parsed field to `parent`: paragraphs, lists, emphasis, code and
/// links become elements, text becomes text nodes. A link with an unsafe
/// scheme keeps its text and is reported as a warning naming `field`.
void render_html(const MarkupNode& node, pugi::xml_node parent,
                 std::string_view field, SourcePos pos,
                 Diagnostics& diagnostics);

} // namespace cvc
