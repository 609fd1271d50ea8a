#include "markdown_writer.hpp"

#include "links.hpp"
#include "markdown_entry.hpp"
#include "markdown_escape.hpp"
#include "markup.hpp"
#include "templates.hpp"

#include <algorithm>

namespace cvc {

using data = TemplateData;
using markdown::EntryParts;

namespace {

// An ATX heading drops a closing run of `#` that follows a blank, so a
// title that ends in ` #` gets its last `#` escaped.
std::string atx_safe(std::string heading) {
  if (!heading.empty() && heading.back() == '#' &&
      (heading.size() < 2 || heading[heading.size() - 2] != '\\')) {
    heading.insert(heading.size() - 1, "\\");
  }
  return heading;
}

MarkupNode strong_node(std::vector<MarkupNode> children) {
  MarkupNode node;
  node.kind = NodeKind::Strong;
  node.children = std::move(children);
  return node;
}

MarkupNode link_paragraph(const std::string& target, std::string shown) {
  MarkupNode link;
  link.kind = NodeKind::Link;
  link.literal = target;
  link.children = markdown::text_paragraph(std::move(shown)).children;
  MarkupNode paragraph = markdown::text_paragraph("");
  paragraph.children.push_back(std::move(link));
  return paragraph;
}

class MarkdownWriter {
public:
  MarkdownWriter(const Cv& cv, const MarkdownOptions& options,
                 Diagnostics& diagnostics)
      : cv_(cv), options_(options), diagnostics_(diagnostics) {}

  std::optional<std::string> write();

private:
  const Cv& cv_;
  const MarkdownOptions& options_;
  Diagnostics& diagnostics_;
  Template entry_template_;
  std::string template_error_;

  // The final form of a value for the flavour's template.
  std::string value(std::string markdown) const {
    if (options_.flavor == MarkdownFlavor::Academicpages)
      return markdown::liquid_safe(std::move(markdown));
    return markdown;
  }
  std::string inline_value(const MarkupNode& paragraph) const {
    MarkupNode document;
    document.children.push_back(paragraph);
    return value(render_markdown(document));
  }

  data header();
  data section(const Section& section);
  data entry(const Entry& entry, size_t index, size_t count);
  std::vector<std::string> details(const EntryParts& parts, size_t column);
  std::string highlight_item(const Highlight& item, size_t column);
};

std::string MarkdownWriter::highlight_item(const Highlight& item,
                                           size_t column) {
  std::string out =
      "* " + render_markdown(item.text.tree, column + 2, &diagnostics_,
                             "highlights", item.text.pos);
  for (const Highlight& child : item.children)
    out +=
        "\n" + std::string(column + 2, ' ') + highlight_item(child, column + 2);
  return out;
}

// The nested items of an entry, in the LaTeX writer's order: authors and
// links, summary, extra fields, highlights.
std::vector<std::string> MarkdownWriter::details(const EntryParts& parts,
                                                 size_t column) {
  std::vector<std::string> out;
  auto paragraph_item = [&](const MarkupNode& paragraph) {
    MarkupNode document;
    document.children.push_back(paragraph);
    out.push_back("* " + render_markdown(document, column + 2));
  };
  for (const MarkupNode& paragraph : parts.before_summary)
    paragraph_item(paragraph);
  if (parts.summary)
    out.push_back("* " + render_markdown(parts.summary->tree, column + 2,
                                         &diagnostics_, "summary",
                                         parts.summary->pos));
  for (const MarkupNode& paragraph : parts.extras)
    paragraph_item(paragraph);
  if (parts.highlights)
    for (const Highlight& item : *parts.highlights)
      out.push_back(highlight_item(item, column));
  return out;
}

data MarkdownWriter::entry(const Entry& entry, size_t index, size_t count) {
  EntryParts parts = markdown::entry_parts(entry, cv_.locale, diagnostics_);
  data out;
  std::string marker = "* ";
  std::string line;
  switch (kind_of(entry)) {
  case EntryKind::Education:
  case EntryKind::Experience:
  case EntryKind::Publication:
  case EntryKind::Normal: {
    MarkupNode joined = parts.title;
    markdown::append_joined(joined, parts.organization, ", ");
    markdown::append_joined(joined, parts.location, ", ");
    markdown::append_joined(joined, markdown::text_paragraph(parts.dates),
                            ", ");
    line = inline_value(joined);
    break;
  }
  case EntryKind::OneLine: {
    MarkupNode joined = markdown::text_paragraph("");
    if (!parts.title.children.empty()) {
      std::vector<MarkupNode> label = parts.title.children;
      label.push_back(markdown::text_paragraph(":").children.front());
      joined.children.push_back(strong_node(std::move(label)));
    }
    // A label with no details is shown without the colon.
    if (parts.details.children.empty() && !joined.children.empty())
      joined.children.front().children.pop_back();
    markdown::append_joined(joined, parts.details, " ");
    line = inline_value(joined);
    break;
  }
  case EntryKind::Bullet:
    line = value(render_markdown(parts.body->tree, 2, &diagnostics_, "bullet",
                                 parts.body->pos));
    break;
  case EntryKind::Numbered:
    marker = std::to_string(index + 1) + ". ";
    line = value(render_markdown(parts.body->tree, marker.size(), &diagnostics_,
                                 "number", parts.body->pos));
    break;
  case EntryKind::ReversedNumbered:
    // CommonMark numbers a list upwards from its first number, so the
    // descending numbers are written as text.
    line = escape_markdown(std::to_string(count - index) + ". ",
                           MarkdownContext::Text, true) +
           value(render_markdown(parts.body->tree, 2, &diagnostics_,
                                 "reversed_number", parts.body->pos));
    break;
  case EntryKind::Text:
    out.set("paragraph",
            value(render_markdown(parts.body->tree, 0, &diagnostics_,
                                  "text entry", parts.body->pos)));
    return out;
  }

  data items = data::list();
  for (const std::string& detail : details(parts, marker.size())) {
    data item;
    item.set("text", value(detail));
    items.push_back(std::move(item));
  }
  out.set("indent", std::string(marker.size(), ' '));
  out.set("marker", std::move(marker));
  out.set("line", std::move(line));
  if (!items.items().empty())
    out.set("details", std::move(items));
  out.set("kind", entry_kind_name(kind_of(entry)));
  return out;
}

data MarkdownWriter::section(const Section& section) {
  data out;
  std::string title = inline_value(
      markdown::inline_paragraph(section.title, "section title", diagnostics_));
  out.set("title", options_.flavor == MarkdownFlavor::CommonMark
                       ? atx_safe(title)
                       : title);
  std::vector<const Entry*> shown;
  for (const Entry& e : section.entries)
    if (has_content(e))
      shown.push_back(&e);
  // Each entry is rendered on its own, so that list items follow each
  // other without the blank lines that would make the list loose.
  std::string body;
  for (size_t i = 0; i < shown.size(); ++i) {
    std::string error;
    std::optional<std::string> rendered =
        entry_template_.render(entry(*shown[i], i, shown.size()), error);
    if (!rendered) {
      template_error_ = error;
      break;
    }
    while (!rendered->empty() && rendered->back() == '\n')
      rendered->pop_back();
    rendered->erase(0, rendered->find_first_not_of('\n'));
    bool paragraph = kind_of(*shown[i]) == EntryKind::Text;
    if (!body.empty())
      body += paragraph ? "\n\n" : "\n";
    body += *rendered;
  }
  out.set("body", std::move(body));
  out.set("has_entries", !shown.empty());
  return out;
}

data MarkdownWriter::header() {
  data out;
  MarkupNode name = markdown::inline_paragraph(cv_.name, "name", diagnostics_);
  out.set("name", atx_safe(inline_value(name)));
  MarkupNode strong = markdown::text_paragraph("");
  strong.children.push_back(strong_node(name.children));
  out.set("name_strong", inline_value(strong));
  if (!cv_.headline.empty())
    out.set("headline", inline_value(markdown::inline_paragraph(
                            cv_.headline, "headline", diagnostics_)));

  data contacts = data::list();
  auto add = [&](const MarkupNode& paragraph) {
    data item;
    item.set("text", inline_value(paragraph));
    contacts.push_back(std::move(item));
  };
  if (!cv_.location.empty())
    add(markdown::inline_paragraph(cv_.location, "location", diagnostics_));
  for (const Scalar& email : cv_.emails)
    add(link_paragraph(mailto_url(email.value), email.value));
  for (const Scalar& phone : cv_.phones)
    add(link_paragraph(tel_url(phone.value), phone.value));
  for (const Scalar& website : cv_.websites) {
    std::string target = website_url(website.value);
    add(link_paragraph(target, website_display(target)));
  }
  for (const SocialNetwork& social : cv_.social_networks) {
    MarkupNode line = markdown::text_paragraph(social.network.value + ": ");
    if (social.url.empty())
      markdown::append_joined(
          line, markdown::text_paragraph(social.username.value), "");
    else
      markdown::append_joined(
          line, link_paragraph(social.url, social.username.value), "");
    add(line);
  }
  out.set("contacts", std::move(contacts));
  return out;
}

std::optional<std::string> MarkdownWriter::write() {
  if (!cv_.photo.empty())
    diagnostics_.warning(cv_.photo.pos,
                         "the Markdown CV does not show 'photo'");
  std::string error;
  std::string entry_source;
  std::optional<std::string> partial = load_template(
      "markdown/entry.md", options_.template_dir, error, &entry_source);
  if (!partial) {
    diagnostics_.error({}, error);
    return std::nullopt;
  }
  entry_template_ = Template(*partial, entry_source);

  data document = header();
  data sections = data::list();
  for (const Section& s : cv_.sections) {
    data rendered = section(s);
    // A section with nothing to show gets no heading.
    if (rendered.get("has_entries")->kind() == data::Kind::True)
      sections.push_back(std::move(rendered));
  }
  document.set("sections", std::move(sections));
  if (!template_error_.empty()) {
    diagnostics_.error({}, template_error_);
    return std::nullopt;
  }

  std::string main_name = options_.flavor == MarkdownFlavor::Academicpages
                              ? "markdown/academicpages.md"
                              : "markdown/commonmark.md";
  std::string main_source;
  std::optional<std::string> main =
      load_template(main_name, options_.template_dir, error, &main_source);
  if (!main) {
    diagnostics_.error({}, error);
    return std::nullopt;
  }
  std::optional<std::string> rendered =
      render_template(*main, document, main_source, error);
  if (!rendered) {
    diagnostics_.error({}, error);
    return std::nullopt;
  }
  return tidy_blank_lines(std::move(*rendered));
}

} // namespace

std::optional<MarkdownFlavor> parse_markdown_flavor(std::string_view name) {
  if (name == "commonmark")
    return MarkdownFlavor::CommonMark;
  if (name == "academicpages")
    return MarkdownFlavor::Academicpages;
  return std::nullopt;
}

std::optional<std::string> write_markdown(const Cv& cv,
                                          const MarkdownOptions& options,
                                          Diagnostics& diagnostics) {
  MarkdownWriter writer(cv, options, diagnostics);
  return writer.write();
}

} // namespace cvc
