// The academicpages collection items: one Markdown file with YAML front
// matter per entry, named and shaped as the template's own examples.
#include "markdown_entry.hpp"
#include "markdown_escape.hpp"
#include "markdown_writer.hpp"

#include "html_escape.hpp"
#include "markup.hpp"
#include "output_file.hpp"
#include "templates.hpp"
#include "unicode.hpp"

#include <unicode/translit.h>
#include <unicode/unistr.h>

#include <algorithm>
#include <cstdio>
#include <filesystem>
#include <functional>
#include <map>
#include <memory>
#include <mutex>
#include <set>

namespace cvc {

using data = TemplateData;
using markdown::EntryParts;

namespace {

struct CollectionShape {
  std::string_view name;
  std::string_view folder;
  std::string_view permalink_prefix;
  std::string_view template_name;
};

// The folders and permalinks of the academicpages template's examples.
const CollectionShape kShapes[] = {
    {"publications", "_publications", "/publication/",
     "markdown/publication.md"},
    {"talks", "_talks", "/talks/", "markdown/talk.md"},
    {"teaching", "_teaching", "/teaching/", "markdown/teaching.md"},
    {"portfolio", "_portfolio", "/portfolio/", "markdown/portfolio.md"},
};

const CollectionShape* find_shape(std::string_view name) {
  for (const CollectionShape& shape : kShapes)
    if (shape.name == name)
      return &shape;
  return nullptr;
}

uint64_t fnv1a(std::string_view text) {
  uint64_t hash = 0xcbf29ce484222325ull;
  for (unsigned char c : text) {
    hash ^= c;
    hash *= 0x100000001b3ull;
  }
  return hash;
}

std::string hex(uint64_t value) {
  char buffer[17];
  std::snprintf(buffer, sizeof buffer, "%016llx",
                static_cast<unsigned long long>(value));
  return buffer;
}

// A YAML double-quoted scalar that any YAML 1.1 or 1.2 parser reads back as
// exactly `text`: backslash, quote, control characters and the characters
// that YAML 1.1 treats as line breaks are escaped.
std::string yaml_quote(std::string_view text) {
  std::string out = "\"";
  size_t pos = 0;
  while (pos < text.size()) {
    char32_t cp = next_code_point(text, pos);
    char buffer[16];
    if (cp == '\\' || cp == '"') {
      out += '\\';
      out += static_cast<char>(cp);
    } else if (cp == '\n') {
      out += "\\n";
    } else if (cp == '\t') {
      out += "\\t";
    } else if (cp < 0x20 || cp == 0x7f) {
      std::snprintf(buffer, sizeof buffer, "\\x%02X",
                    static_cast<unsigned>(cp));
      out += buffer;
    } else if ((cp >= 0x80 && cp < 0xa0) || cp == 0x2028 || cp == 0x2029 ||
               cp == 0xfeff) {
      std::snprintf(buffer, sizeof buffer, "\\u%04X",
                    static_cast<unsigned>(cp));
      out += buffer;
    } else {
      append_utf8(out, cp);
    }
  }
  return out + "\"";
}

// Front matter text: the field's plain text with `&`, `<` and `>` escaped,
// because the academicpages layouts print these values into HTML as they
// are.
std::string front_matter_text(const MarkupNode& paragraph) {
  return yaml_quote(escape_html(to_plain_text(paragraph), HtmlContext::Text));
}

// The date of a collection item: YYYY-MM-DD, with 01 for a missing month
// or day. Present and free-text dates give none.
std::string item_date(const std::optional<Date>& date) {
  if (!date || (date->precision != DatePrecision::Year &&
                date->precision != DatePrecision::Month &&
                date->precision != DatePrecision::Day))
    return {};
  char buffer[32];
  std::snprintf(buffer, sizeof buffer, "%04d-%02d-%02d", date->year,
                date->precision == DatePrecision::Year ? 1 : date->month,
                date->precision == DatePrecision::Day ? date->day : 1);
  return buffer;
}

std::string lowercase_ascii(std::string text) {
  for (char& c : text)
    if (c >= 'A' && c <= 'Z')
      c = static_cast<char>(c - 'A' + 'a');
  return text;
}

// Guesses a section's collection from the words of its title.
std::string collection_from_title(const std::string& title) {
  static const std::map<std::string, std::string> words = {
      {"publications", "publications"},
      {"publication", "publications"},
      {"papers", "publications"},
      {"paper", "publications"},
      {"talks", "talks"},
      {"talk", "talks"},
      {"presentations", "talks"},
      {"presentation", "talks"},
      {"teaching", "teaching"},
      {"portfolio", "portfolio"},
      {"projects", "portfolio"},
      {"project", "portfolio"},
  };
  std::string word;
  std::string lowered = lowercase_ascii(title) + " ";
  for (char c : lowered) {
    if ((c >= 'a' && c <= 'z') || (c >= '0' && c <= '9')) {
      word += c;
      continue;
    }
    auto found = words.find(word);
    if (found != words.end())
      return found->second;
    word.clear();
  }
  return {};
}

// Adds `cvconvert_hash` as the last front matter key. The hash covers the
// whole file without that line, so an edit anywhere changes it.
std::optional<std::string> add_hash(const std::string& content) {
  if (content.rfind("---\n", 0) != 0)
    return std::nullopt;
  size_t end = content.find("\n---\n", 3);
  if (end == std::string::npos)
    return std::nullopt;
  std::string line =
      std::string(kHashKey) + ": \"" + hex(fnv1a(content)) + "\"\n";
  return content.substr(0, end + 1) + line + content.substr(end + 1);
}

// Mustache leaves an empty line where a section tag stood alone; in front
// matter those lines are dropped.
std::string drop_blank_front_matter_lines(const std::string& text) {
  if (text.rfind("---\n", 0) != 0)
    return text;
  size_t end = text.find("\n---\n", 3);
  if (end == std::string::npos)
    return text;
  std::string front = text.substr(0, end + 1);
  std::string out;
  size_t start = 0;
  while (start < front.size()) {
    size_t newline = front.find('\n', start);
    if (newline > start)
      out += front.substr(start, newline - start + 1);
    start = newline + 1;
  }
  return out + text.substr(end + 1);
}

class CollectionWriter {
public:
  CollectionWriter(const Cv& cv, const MarkdownOptions& options,
                   Diagnostics& diagnostics)
      : cv_(cv), options_(options), diagnostics_(diagnostics) {}

  std::optional<std::vector<CollectionFile>> write();

private:
  const Cv& cv_;
  const MarkdownOptions& options_;
  Diagnostics& diagnostics_;
  std::map<std::string, std::set<std::string>> used_slugs_;

  std::string unique_slug(const std::string& collection,
                          const std::string& title);
  std::string body(const Entry& entry, const EntryParts& parts,
                   const std::vector<std::string_view>& in_front_matter);
  data item(const Entry& entry, const CollectionShape& shape,
            const std::string& stem, const EntryParts& parts);
};

std::string CollectionWriter::unique_slug(const std::string& collection,
                                          const std::string& title) {
  std::string base = make_slug(title);
  std::set<std::string>& used = used_slugs_[collection];
  std::string slug = base;
  for (int n = 2; used.count(slug); ++n)
    slug = base + "-" + std::to_string(n);
  used.insert(slug);
  return slug;
}

// The Markdown body: the dates when the front matter's `date` cannot show
// them, authors and links, the entry's link, summary, the extra fields the
// front matter does not hold, and highlights.
std::string
CollectionWriter::body(const Entry& entry, const EntryParts& parts,
                       const std::vector<std::string_view>& in_front_matter) {
  std::vector<std::string> blocks;
  auto paragraph = [&](const MarkupNode& node) {
    MarkupNode document;
    document.children.push_back(node);
    blocks.push_back(render_markdown(document));
  };
  bool exact_date = parts.sort_date && !item_date(parts.sort_date).empty() &&
                    parts.sort_date->precision == DatePrecision::Day;
  const auto* dated = std::visit(
      [](const auto& e) -> const DatedFields* {
        if constexpr (std::is_base_of_v<DatedFields, std::decay_t<decltype(e)>>)
          return &e;
        return nullptr;
      },
      entry);
  bool range = dated && dated->start_date && !dated->date;
  if (!parts.dates.empty() && (range || !exact_date))
    paragraph(markdown::text_paragraph(parts.dates));
  for (const MarkupNode& node : parts.before_summary)
    paragraph(node);
  if (!parts.link.empty() && kind_of(entry) != EntryKind::Publication) {
    MarkupNode link;
    link.kind = NodeKind::Link;
    link.literal = parts.link;
    link.children = markdown::text_paragraph(parts.link).children;
    MarkupNode node = markdown::text_paragraph("");
    node.children.push_back(link);
    paragraph(node);
  }
  if (!parts.details.children.empty())
    paragraph(parts.details);
  if (parts.body)
    blocks.push_back(render_markdown(parts.body->tree, 0, &diagnostics_, "text",
                                     parts.body->pos));
  if (parts.summary)
    blocks.push_back(render_markdown(parts.summary->tree, 0, &diagnostics_,
                                     "summary", parts.summary->pos));
  for (size_t i = 0; i < parts.extras.size(); ++i)
    if (std::find(in_front_matter.begin(), in_front_matter.end(),
                  parts.extra_keys[i]) == in_front_matter.end())
      paragraph(parts.extras[i]);
  if (parts.highlights) {
    std::string list;
    std::function<void(const Highlight&, size_t)> add =
        [&](const Highlight& item, size_t column) {
          if (!list.empty())
            list += "\n";
          list += std::string(column, ' ') + "* " +
                  render_markdown(item.text.tree, column + 2, &diagnostics_,
                                  "highlights", item.text.pos);
          for (const Highlight& child : item.children)
            add(child, column + 2);
        };
    for (const Highlight& item : *parts.highlights)
      add(item, 0);
    blocks.push_back(list);
  }
  std::string out;
  for (const std::string& block : blocks)
    if (!block.empty())
      out += (out.empty() ? "" : "\n\n") + block;
  return markdown::liquid_safe(out);
}

std::string citation(const PublicationEntry& e, const std::string& year) {
  auto html = [](const Text& text) {
    return escape_html(to_plain_text(text.tree), HtmlContext::Text);
  };
  std::string authors;
  for (const Text& author : e.authors)
    authors += (authors.empty() ? "" : ", ") + html(author);
  std::string title = html(e.title);
  if (!title.empty() &&
      std::string(".?!").find(title.back()) == std::string::npos)
    title += '.';
  std::string out = authors;
  if (!year.empty())
    out += (out.empty() ? "(" : " (") + year + ").";
  else if (!out.empty())
    out += '.';
  out += (out.empty() ? "" : " ") + std::string("&quot;") + title + "&quot;";
  if (!e.journal.empty())
    out += " <i>" + html(e.journal) + "</i>.";
  return out;
}

data CollectionWriter::item(const Entry& entry, const CollectionShape& shape,
                            const std::string& stem, const EntryParts& parts) {
  data out;
  const auto* common =
      std::visit([](const auto& e) -> const EntryCommon* { return &e; }, entry);
  auto extra_text = [&](std::string_view key) {
    MarkupNode joined = markdown::text_paragraph("");
    if (const Extra* extra = common->extra(key))
      for (const Text& value : extra->values)
        markdown::append_joined(
            joined, markdown::text_paragraph(to_plain_text(value.tree)), ", ");
    return joined;
  };
  std::vector<std::string_view> in_front_matter;

  out.set("title", front_matter_text(parts.title));
  out.set("permalink", std::string(shape.permalink_prefix) + stem);
  std::string date = item_date(parts.sort_date);
  if (!date.empty())
    out.set("date", date);
  if (!parts.organization.children.empty())
    out.set("venue", front_matter_text(parts.organization));
  if (!parts.location.children.empty())
    out.set("location", front_matter_text(parts.location));

  MarkupNode type = extra_text("type");
  if (!type.children.empty()) {
    out.set("type", front_matter_text(type));
    in_front_matter.push_back("type");
  } else if (shape.name == "talks") {
    out.set("type", yaml_quote("Talk"));
  }
  MarkupNode category = extra_text("category");
  if (!category.children.empty())
    in_front_matter.push_back("category");
  out.set("category", category.children.empty() ? std::string("manuscripts")
                                                : front_matter_text(category));

  if (parts.summary) {
    // The excerpt is the summary's first paragraph, as Markdown, because
    // the layouts pass it through markdownify.
    const MarkupNode& first = parts.summary->tree.children.front();
    MarkupNode document;
    document.children.push_back(
        first.kind == NodeKind::Paragraph
            ? first
            : markdown::text_paragraph(to_plain_text(first)));
    out.set("excerpt", yaml_quote(render_markdown(document)));
  }
  if (!parts.link.empty())
    out.set("paperurl", yaml_quote(parts.link));
  if (const auto* publication = std::get_if<PublicationEntry>(&entry))
    out.set("citation", yaml_quote(citation(*publication, date.substr(0, 4))));
  else
    out.set("citation", yaml_quote(escape_html(to_plain_text(parts.title),
                                               HtmlContext::Text)));
  out.set("body", body(entry, parts, in_front_matter));
  return out;
}

std::optional<std::vector<CollectionFile>> CollectionWriter::write() {
  for (const CollectionChoice& choice :
       cv_.settings.academicpages_collections) {
    bool found = false;
    for (const Section& section : cv_.sections)
      found = found || section.key == choice.section ||
              to_plain_text(section.title.tree) == choice.section;
    if (!found)
      diagnostics_.warning(choice.pos,
                           "no section is titled '" + choice.section +
                               "', so 'academicpages_collections' does not "
                               "use this key");
  }

  std::vector<CollectionFile> files;
  std::map<std::string, Template> templates;
  for (const Section& section : cv_.sections) {
    const CollectionShape* shape =
        find_shape(collection_of_section(cv_, section));
    if (!shape)
      continue;
    if (!templates.count(std::string(shape->name))) {
      std::string error;
      std::string source;
      std::optional<std::string> text = load_template(
          shape->template_name, options_.template_dir, error, &source);
      if (!text) {
        diagnostics_.error({}, error);
        return std::nullopt;
      }
      templates.try_emplace(std::string(shape->name), *text, source);
    }
    for (const Entry& entry : section.entries) {
      if (!has_content(entry))
        continue;
      EntryParts parts = markdown::entry_parts(entry, cv_.locale, diagnostics_);
      std::string date = item_date(parts.sort_date);
      const auto* common = std::visit(
          [](const auto& e) -> const EntryCommon* { return &e; }, entry);
      if (date.empty() && shape->name != "portfolio")
        diagnostics_.warning(common->pos,
                             "this entry of '" + section.key +
                                 "' has no date in YYYY, YYYY-MM or YYYY-MM-DD "
                                 "form, so its " +
                                 std::string(shape->name) +
                                 " item has no date and its file name no date "
                                 "prefix");
      std::string slug =
          unique_slug(std::string(shape->name), to_plain_text(parts.title));
      std::string stem = date.empty() ? slug : date + "-" + slug;
      data values = item(entry, *shape, stem, parts);
      std::string error;
      std::optional<std::string> rendered =
          templates[std::string(shape->name)].render(values, error);
      if (!rendered) {
        diagnostics_.error({}, error);
        return std::nullopt;
      }
      std::string content = drop_blank_front_matter_lines(*rendered);
      while (!content.empty() && content.back() == '\n')
        content.pop_back();
      content += '\n';
      std::optional<std::string> hashed = add_hash(content);
      if (!hashed) {
        diagnostics_.error({}, "template " + std::string(shape->template_name) +
                                   " must start with YAML front matter "
                                   "between '---' lines");
        return std::nullopt;
      }
      files.push_back(
          {std::string(shape->folder) + "/" + stem + ".md", *hashed});
    }
  }
  return files;
}

} // namespace

std::string collection_of_section(const Cv& cv, const Section& section) {
  std::string title = to_plain_text(section.title.tree);
  for (const CollectionChoice& choice : cv.settings.academicpages_collections)
    if (choice.section == section.key || choice.section == title)
      return choice.collection == "none" ? std::string() : choice.collection;
  return collection_from_title(title);
}

std::optional<std::vector<CollectionFile>>
write_collections(const Cv& cv, const MarkdownOptions& options,
                  Diagnostics& diagnostics) {
  CollectionWriter writer(cv, options, diagnostics);
  return writer.write();
}

std::string make_slug(std::string_view text) {
  static std::unique_ptr<icu::Transliterator> transliterator = [] {
    UErrorCode status = U_ZERO_ERROR;
    std::unique_ptr<icu::Transliterator> created(
        icu::Transliterator::createInstance("Any-Latin; Latin-ASCII; Lower",
                                            UTRANS_FORWARD, status));
    return U_SUCCESS(status) ? std::move(created) : nullptr;
  }();
  // One transliterator serves every thread, and it is not safe to use
  // from two at once.
  static std::mutex mutex;
  icu::UnicodeString unicode = icu::UnicodeString::fromUTF8(
      icu::StringPiece(text.data(), static_cast<int32_t>(text.size())));
  if (transliterator) {
    std::lock_guard<std::mutex> lock(mutex);
    transliterator->transliterate(unicode);
  }
  std::string ascii;
  unicode.toUTF8String(ascii);

  // Runs of anything but ASCII letters and digits become one hyphen, and
  // the slug stops at a word boundary near 60 characters.
  constexpr size_t kMaxLength = 60;
  std::string slug;
  for (char c : lowercase_ascii(ascii)) {
    bool keep = (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9');
    if (keep)
      slug += c;
    else if (!slug.empty() && slug.back() != '-')
      slug += '-';
  }
  while (!slug.empty() && slug.back() == '-')
    slug.pop_back();
  if (slug.size() > kMaxLength) {
    size_t cut = slug.rfind('-', kMaxLength);
    slug.resize(cut == std::string::npos || cut < kMaxLength / 2 ? kMaxLength
                                                                 : cut);
  }
  if (slug.empty())
    slug = "item-" + hex(fnv1a(text)).substr(0, 8);
  return slug;
}

bool is_unchanged_generated_file(std::string_view content) {
  if (content.substr(0, 4) != "---\n")
    return false;
  size_t end = content.find("\n---\n", 3);
  if (end == std::string_view::npos)
    return false;
  std::string key = "\n" + std::string(kHashKey) + ": \"";
  size_t line = content.find(key, 3);
  if (line == std::string_view::npos || line >= end)
    return false;
  size_t value = line + key.size();
  size_t close = content.find("\"\n", value);
  if (close == std::string_view::npos || close > end)
    return false;
  std::string stored(content.substr(value, close - value));
  std::string rest = std::string(content.substr(0, line + 1)) +
                     std::string(content.substr(close + 2));
  return stored == hex(fnv1a(rest));
}

CollectionSaveReport save_collections(const std::string& directory,
                                      const std::vector<CollectionFile>& files,
                                      bool force) {
  namespace fs = std::filesystem;
  CollectionSaveReport report;
  for (const CollectionFile& file : files) {
    fs::path path = fs::path(directory) / file.path;
    std::string shown = path.string();
    std::string existing;
    std::string error;
    std::error_code code;
    if (fs::exists(path, code)) {
      if (!read_input(shown, existing, error)) {
        report.errors.push_back(shown + ": " + error);
        continue;
      }
      if (existing == file.content) {
        report.unchanged.push_back(shown);
        continue;
      }
      if (!force && !is_unchanged_generated_file(existing)) {
        report.skipped.push_back(shown);
        continue;
      }
    }
    fs::create_directories(path.parent_path(), code);
    if (code) {
      report.errors.push_back(shown + ": cannot create folder " +
                              path.parent_path().string() + ": " +
                              code.message());
      continue;
    }
    error = write_file_atomically(shown, file.content);
    if (!error.empty()) {
      report.errors.push_back(error);
      continue;
    }
    report.written.push_back(shown);
  }
  return report;
}

} // namespace cvc
