// CommonMark in CV fields: parsing with cmark into the model's tree, and
// plain-text rendering for places that cannot hold markup.
#pragma once

#include "model.hpp"

#include <string>
#include <string_view>

namespace cvc {

/// Parses a field that takes inline markup only (emphasis, strong, code,
/// links, autolinks, hard breaks). Text that would start a block (`# `,
/// `- `, `1. `, `> `) stays literal. The result is a Document holding at
/// most one Paragraph.
MarkupNode parse_inline_markup(std::string_view source);

/// Parses a field that also takes paragraphs and (nested) lists. Headings
/// and block quotes become paragraphs and code blocks become code spans, so
/// no text is lost. Raw HTML is kept as text.
MarkupNode parse_block_markup(std::string_view source);

/// Renders a tree as plain text: markup is dropped, a link keeps its text,
/// breaks become spaces, and blocks are separated by a space.
std::string to_plain_text(const MarkupNode& node);

/// Builds a Text holding `plain` as a single literal run, with no markup.
Text make_literal_text(std::string plain, SourcePos pos = {});

} // namespace cvc
