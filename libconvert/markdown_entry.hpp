// The parts of an entry that the Markdown page and the academicpages
// collection items both show, built as CommonMark trees so that
// render_markdown does all the escaping.
#pragma once

#include "diagnostics.hpp"
#include "model.hpp"

#include <optional>
#include <string>
#include <vector>

namespace cvc::markdown {

/// An entry taken apart: each MarkupNode is a Paragraph of inlines, empty
/// when the entry has no such part.
struct EntryParts {
  /// `degree in area`, position, title, name (a link for a normal entry
  /// with `url`), label, or the text of a bullet, numbered or text entry.
  MarkupNode title;
  /// institution, company, journal or `venue`.
  MarkupNode organization;
  MarkupNode location;
  /// The dates as format_entry_dates shows them.
  std::string dates;
  /// The date that dates a collection item: `date`, else `start_date`.
  std::optional<Date> sort_date;
  /// Paragraphs shown before the summary: a publication's authors and links.
  std::vector<MarkupNode> before_summary;
  const Text* summary = nullptr;
  /// `Key: value` paragraphs for the extras that have no part of their own.
  std::vector<MarkupNode> extras;
  /// The key of each paragraph in `extras`.
  std::vector<std::string> extra_keys;
  const std::vector<Highlight>* highlights = nullptr;
  /// The block text of a bullet, numbered, reversed numbered or text entry.
  const Text* body = nullptr;
  /// A one-line entry's details, shown after its label.
  MarkupNode details;
  /// The entry's own link: a normal entry's `url`, a publication's `url`,
  /// else its DOI link.
  std::string link;
};

/// Takes an entry apart. Links with a scheme that no output keeps are
/// replaced by their text, with a warning naming the field.
EntryParts entry_parts(const Entry& entry, const Locale& locale,
                       Diagnostics& diagnostics);

/// Returns a Paragraph holding the inlines of an inline field, with unsafe
/// links replaced by their text (and a warning naming `field`).
MarkupNode inline_paragraph(const Text& text, std::string_view field,
                            Diagnostics& diagnostics);

/// Returns a Paragraph holding `plain` as one text run.
MarkupNode text_paragraph(std::string plain);

/// Appends the inlines of `paragraph` to `out`, after `separator` when
/// `out` is not empty.
void append_joined(MarkupNode& out, const MarkupNode& paragraph,
                   std::string_view separator);

/// Turns an extra key into a label: `course_code` gives `Course code`.
std::string key_label(std::string_view key);

/// Rewrites `{{` and `{%` so that Jekyll's Liquid finds no tag in text that
/// came from the CV.
std::string liquid_safe(std::string markdown);

} // namespace cvc::markdown
