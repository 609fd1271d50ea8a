#include "markdown_entry.hpp"

#include "dates.hpp"
#include "links.hpp"
#include "markup.hpp"

#include <algorithm>

namespace cvc::markdown {

namespace {

MarkupNode text_node(std::string literal) {
  MarkupNode node;
  node.kind = NodeKind::Text;
  node.literal = std::move(literal);
  return node;
}

MarkupNode link_node(std::string target, std::vector<MarkupNode> children) {
  MarkupNode node;
  node.kind = NodeKind::Link;
  node.literal = std::move(target);
  node.children = std::move(children);
  return node;
}

MarkupNode empty_paragraph() {
  MarkupNode node;
  node.kind = NodeKind::Paragraph;
  return node;
}

// Copies inlines, replacing each unsafe link by its children.
void copy_safe_inlines(const MarkupNode& node, std::vector<MarkupNode>& out,
                       std::string_view field, SourcePos pos,
                       Diagnostics& diagnostics) {
  if (node.kind == NodeKind::Link && !is_safe_link(node.literal)) {
    diagnostics.warning(pos, "dropped link to '" + node.literal + "' in '" +
                                 std::string(field) +
                                 "': only http, https, mailto and tel links "
                                 "are kept");
    for (const MarkupNode& child : node.children)
      copy_safe_inlines(child, out, field, pos, diagnostics);
    return;
  }
  MarkupNode copy = node;
  copy.children.clear();
  for (const MarkupNode& child : node.children)
    copy_safe_inlines(child, copy.children, field, pos, diagnostics);
  out.push_back(std::move(copy));
}

MarkupNode extra_paragraph(const Extra& extra, Diagnostics& diagnostics) {
  MarkupNode values = empty_paragraph();
  for (const Text& value : extra.values)
    append_joined(values, inline_paragraph(value, extra.key, diagnostics),
                  ", ");
  MarkupNode line = text_paragraph(key_label(extra.key) + ": ");
  for (MarkupNode& child : values.children)
    line.children.push_back(std::move(child));
  return line;
}

void add_extras(EntryParts& parts, const EntryCommon& common,
                const std::vector<std::string_view>& shown,
                Diagnostics& diagnostics) {
  for (const Extra& extra : common.extras) {
    if (extra.values.empty() ||
        std::find(shown.begin(), shown.end(), extra.key) != shown.end())
      continue;
    parts.extras.push_back(extra_paragraph(extra, diagnostics));
    parts.extra_keys.push_back(extra.key);
  }
}

void add_dated(EntryParts& parts, const DatedFields& dated,
               const Locale& locale, Diagnostics& diagnostics) {
  parts.dates = format_entry_dates(dated, locale);
  parts.sort_date = dated.date ? dated.date : dated.start_date;
  parts.location = inline_paragraph(dated.location, "location", diagnostics);
  if (!dated.summary.empty())
    parts.summary = &dated.summary;
  if (!dated.highlights.empty())
    parts.highlights = &dated.highlights;
}

void publication_parts(EntryParts& parts, const PublicationEntry& e,
                       Diagnostics& diagnostics) {
  parts.title = inline_paragraph(e.title, "title", diagnostics);
  parts.organization = inline_paragraph(e.journal, "journal", diagnostics);
  MarkupNode authors = empty_paragraph();
  for (const Text& author : e.authors)
    append_joined(authors, inline_paragraph(author, "authors", diagnostics),
                  ", ");
  if (!authors.children.empty())
    parts.before_summary.push_back(authors);

  MarkupNode links = empty_paragraph();
  if (!e.doi.empty()) {
    links.children.push_back(text_node("DOI: "));
    links.children.push_back(
        link_node(doi_url(e.doi.value), {text_node(e.doi.value)}));
    parts.link = doi_url(e.doi.value);
  }
  if (!e.url.empty()) {
    std::string target = website_url(e.url.value);
    if (!links.children.empty())
      links.children.push_back(text_node(" · "));
    links.children.push_back(
        link_node(target, {text_node(website_display(target))}));
    parts.link = target;
  }
  if (!links.children.empty())
    parts.before_summary.push_back(links);
}

void normal_parts(EntryParts& parts, const NormalEntry& e,
                  Diagnostics& diagnostics) {
  parts.title = inline_paragraph(e.name, "name", diagnostics);
  std::vector<std::string_view> shown = {"venue"};
  if (const Extra* venue = e.extra("venue"))
    for (const Text& value : venue->values)
      append_joined(parts.organization,
                    inline_paragraph(value, "venue", diagnostics), ", ");
  const Extra* url = e.extra("url");
  if (url && !url->is_list && url->values.size() == 1) {
    parts.link = website_url(url->values[0].source);
    shown.push_back("url");
    // A title that holds a link of its own stays as it is: links do not
    // nest.
    bool has_link = false;
    for (const MarkupNode& child : parts.title.children)
      has_link = has_link || child.kind == NodeKind::Link;
    if (!has_link && !parts.title.children.empty())
      parts.title.children = {
          link_node(parts.link, std::move(parts.title.children))};
  }
  add_extras(parts, e, shown, diagnostics);
}

} // namespace

MarkupNode text_paragraph(std::string plain) {
  MarkupNode paragraph = empty_paragraph();
  if (!plain.empty())
    paragraph.children.push_back(text_node(std::move(plain)));
  return paragraph;
}

MarkupNode inline_paragraph(const Text& text, std::string_view field,
                            Diagnostics& diagnostics) {
  MarkupNode paragraph = empty_paragraph();
  for (const MarkupNode& block : text.tree.children) {
    if (block.kind != NodeKind::Paragraph) {
      // An inline field holds one paragraph; anything else is shown as
      // its plain text.
      append_joined(paragraph, text_paragraph(to_plain_text(block)), " ");
      continue;
    }
    if (!paragraph.children.empty())
      paragraph.children.push_back(text_node(" "));
    for (const MarkupNode& child : block.children)
      copy_safe_inlines(child, paragraph.children, field, text.pos,
                        diagnostics);
  }
  return paragraph;
}

void append_joined(MarkupNode& out, const MarkupNode& paragraph,
                   std::string_view separator) {
  if (paragraph.children.empty())
    return;
  if (!out.children.empty())
    out.children.push_back(text_node(std::string(separator)));
  for (const MarkupNode& child : paragraph.children)
    out.children.push_back(child);
}

std::string key_label(std::string_view key) {
  std::string label(key);
  for (char& c : label)
    if (c == '_')
      c = ' ';
  if (!label.empty() && label[0] >= 'a' && label[0] <= 'z')
    label[0] = static_cast<char>(label[0] - 'a' + 'A');
  return label;
}

std::string liquid_safe(std::string markdown) {
  std::string out;
  out.reserve(markdown.size());
  for (size_t i = 0; i < markdown.size(); ++i) {
    bool opens_tag = markdown[i] == '{' && i + 1 < markdown.size() &&
                     (markdown[i + 1] == '{' || markdown[i + 1] == '%');
    // CommonMark decodes the reference back to `{` in text and link
    // destinations.
    out += opens_tag ? std::string("&#123;") : std::string(1, markdown[i]);
  }
  return out;
}

EntryParts entry_parts(const Entry& entry, const Locale& locale,
                       Diagnostics& diagnostics) {
  EntryParts parts;
  parts.title = empty_paragraph();
  parts.organization = empty_paragraph();
  parts.location = empty_paragraph();
  parts.details = empty_paragraph();
  switch (kind_of(entry)) {
  case EntryKind::Education: {
    const auto& e = std::get<EducationEntry>(entry);
    add_dated(parts, e, locale, diagnostics);
    parts.title = inline_paragraph(e.degree, "degree", diagnostics);
    append_joined(parts.title, inline_paragraph(e.area, "area", diagnostics),
                  " in ");
    parts.organization =
        inline_paragraph(e.institution, "institution", diagnostics);
    add_extras(parts, e, {}, diagnostics);
    break;
  }
  case EntryKind::Experience: {
    const auto& e = std::get<ExperienceEntry>(entry);
    add_dated(parts, e, locale, diagnostics);
    parts.title = inline_paragraph(e.position, "position", diagnostics);
    parts.organization = inline_paragraph(e.company, "company", diagnostics);
    add_extras(parts, e, {}, diagnostics);
    break;
  }
  case EntryKind::Publication: {
    const auto& e = std::get<PublicationEntry>(entry);
    add_dated(parts, e, locale, diagnostics);
    publication_parts(parts, e, diagnostics);
    add_extras(parts, e, {}, diagnostics);
    break;
  }
  case EntryKind::Normal: {
    const auto& e = std::get<NormalEntry>(entry);
    add_dated(parts, e, locale, diagnostics);
    normal_parts(parts, e, diagnostics);
    break;
  }
  case EntryKind::OneLine: {
    const auto& e = std::get<OneLineEntry>(entry);
    parts.title = inline_paragraph(e.label, "label", diagnostics);
    parts.details = inline_paragraph(e.details, "details", diagnostics);
    add_extras(parts, e, {}, diagnostics);
    break;
  }
  case EntryKind::Bullet: {
    const auto& e = std::get<BulletEntry>(entry);
    parts.title = text_paragraph(to_plain_text(e.bullet.tree));
    parts.body = &e.bullet;
    add_extras(parts, e, {}, diagnostics);
    break;
  }
  case EntryKind::Numbered: {
    const auto& e = std::get<NumberedEntry>(entry);
    parts.title = text_paragraph(to_plain_text(e.number.tree));
    parts.body = &e.number;
    add_extras(parts, e, {}, diagnostics);
    break;
  }
  case EntryKind::ReversedNumbered: {
    const auto& e = std::get<ReversedNumberedEntry>(entry);
    parts.title = text_paragraph(to_plain_text(e.reversed_number.tree));
    parts.body = &e.reversed_number;
    add_extras(parts, e, {}, diagnostics);
    break;
  }
  case EntryKind::Text: {
    const auto& e = std::get<TextEntry>(entry);
    parts.title = text_paragraph(to_plain_text(e.text.tree));
    parts.body = &e.text;
    break;
  }
  }
  return parts;
}

} // namespace cvc::markdown
