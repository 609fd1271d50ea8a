// Markdown escaping and rendering: CommonMark that parses back to the text
// it was made from.
#pragma once

#include "diagnostics.hpp"
#include "model.hpp"

#include <string>
#include <string_view>

namespace cvc {

enum class MarkdownContext {
  /// Inline text: no character may start emphasis, a link, a heading, a
  /// list, a table cell, raw HTML or an entity.
  Text,
  /// A link destination, written in angle brackets.
  Url,
  /// A code span, fenced with enough backticks.
  Verbatim,
};

/// Escapes `text` for `context`. Text at the start of a line (`at_line_start`)
/// also has its block markers (`# `, `- `, `1. `, `> `) escaped.
std::string escape_markdown(std::string_view text, MarkdownContext context,
                            bool at_line_start = false);

/// Renders a parsed field as CommonMark. Block content is indented by
/// `indent` spaces after its first line, so it can sit inside a list item.
/// Inline fields (one paragraph) give one line. A link with an unsafe
/// scheme keeps only its text, with a warning naming `field` when
/// `diagnostics` is given.
std::string render_markdown(const MarkupNode& node, size_t indent = 0,
                            Diagnostics* diagnostics = nullptr,
                            std::string_view field = {}, SourcePos pos = {});

} // namespace cvc
