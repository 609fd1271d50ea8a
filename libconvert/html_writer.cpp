#include "html_writer.hpp"

#include "dates.hpp"
#include "html_escape.hpp"
#include "links.hpp"
#include "markup.hpp"
#include "templates.hpp"

#include <nlohmann/json.hpp>
#include <pugixml.hpp>

#include <algorithm>
#include <array>
#include <filesystem>
#include <fstream>
#include <iterator>
#include <set>
#include <unordered_map>

namespace cvc {

namespace {

// The properties of an element that the page layout depends on.
enum ElementFlag : unsigned {
  // HTML5 defines it as void: it has no end tag, so pugixml's `<br/>` is
  // right for it and wrong for every other element.
  kVoidElement = 1,
  // Its content is blocks, never phrasing content, so whitespace between
  // its children does not change what a browser shows.
  kBlockContainer = 2,
  // It is a block, so a line break may go before and after it.
  kBlockElement = 4,
};

unsigned element_flags(std::string_view name) {
  static const std::unordered_map<std::string_view, unsigned> kFlags = {
      {"area", kVoidElement},
      {"base", kVoidElement},
      {"br", kVoidElement},
      {"col", kVoidElement},
      {"embed", kVoidElement},
      {"hr", kVoidElement},
      {"img", kVoidElement},
      {"input", kVoidElement},
      {"link", kVoidElement | kBlockElement},
      {"meta", kVoidElement | kBlockElement},
      {"source", kVoidElement},
      {"track", kVoidElement},
      {"wbr", kVoidElement},
      {"html", kBlockContainer | kBlockElement},
      {"head", kBlockContainer | kBlockElement},
      {"body", kBlockContainer | kBlockElement},
      {"header", kBlockContainer | kBlockElement},
      {"main", kBlockContainer | kBlockElement},
      {"section", kBlockContainer | kBlockElement},
      {"div", kBlockContainer | kBlockElement},
      {"ul", kBlockContainer | kBlockElement},
      {"ol", kBlockContainer | kBlockElement},
      {"li", kBlockContainer | kBlockElement},
      {"footer", kBlockContainer | kBlockElement},
      {"p", kBlockElement},
      {"h1", kBlockElement},
      {"h2", kBlockElement},
      {"h3", kBlockElement},
      {"title", kBlockElement},
      {"style", kBlockElement},
      {"script", kBlockElement},
  };
  auto found = kFlags.find(name);
  return found == kFlags.end() ? 0 : found->second;
}

// Prepares the tree under `node` for printing, in one pass:
// - every empty non-void element gets an empty text child, so that
//   pugixml writes `<a></a>` instead of `<a />`, which an HTML parser
//   reads as an unclosed start tag;
// - line breaks and indentation go between block elements only. pugixml's
//   own format_indent also breaks lines between inline elements such as
//   `<strong>a</strong><em>b</em>`, which would add a visible space.
void finish_tree(pugi::xml_node node, int depth) {
  bool all_blocks = true;
  for (pugi::xml_node child : node.children()) {
    if (child.type() != pugi::node_element) {
      all_blocks = false;
      continue;
    }
    unsigned flags = element_flags(child.name());
    if (!child.first_child() && !(flags & kVoidElement))
      child.append_child(pugi::node_pcdata);
    all_blocks = all_blocks && (flags & kBlockElement);
    finish_tree(child, depth + 1);
  }

  if (!all_blocks || !node.first_child() ||
      !(element_flags(node.name()) & kBlockContainer))
    return;
  std::string inner = "\n" + std::string(2 * (depth + 1), ' ');
  for (pugi::xml_node child = node.first_child(); child;
       child = child.next_sibling())
    node.insert_child_before(pugi::node_pcdata, child)
        .set_value(inner.data(), inner.size());
  std::string outer = "\n" + std::string(2 * depth, ' ');
  node.append_child(pugi::node_pcdata).set_value(outer.data(), outer.size());
}

// Collects pugixml's output in a string.
struct StringWriter : pugi::xml_writer {
  std::string text;
  void write(const void* data, size_t size) override {
    text.append(static_cast<const char*>(data), size);
  }
};

// Returns the link target of a URL the user gave: with `https://` added
// when it has no scheme, but unchanged when its scheme is unsafe, so that
// the link check still sees `data:` or `javascript:`.
std::string link_target(std::string_view url) {
  return is_safe_link(url) ? website_url(url) : std::string(url);
}

// Turns an extra key into a label: `role` gives `Role`, `course_code` gives
// `Course code`.
std::string key_label(std::string_view key) {
  std::string label(key);
  std::replace(label.begin(), label.end(), '_', ' ');
  if (!label.empty() && label[0] >= 'a' && label[0] <= 'z')
    label[0] = static_cast<char>(label[0] - 'a' + 'A');
  return label;
}

// Percent-encodes the characters that have a meaning in a mailto: URI
// (RFC 6068): `%`, `#`, `?` and `/`.
std::string encode_mailto(std::string_view address) {
  std::string out;
  for (char c : address) {
    switch (c) {
    case '%':
      out += "%25";
      break;
    case '#':
      out += "%23";
      break;
    case '?':
      out += "%3F";
      break;
    case '/':
      out += "%2F";
      break;
    default:
      out += c;
    }
  }
  return out;
}

std::string base64(std::string_view bytes) {
  static constexpr char kAlphabet[] =
      "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/";
  std::string out;
  out.reserve((bytes.size() + 2) / 3 * 4);
  for (size_t i = 0; i < bytes.size(); i += 3) {
    unsigned value = static_cast<unsigned char>(bytes[i]) << 16;
    if (i + 1 < bytes.size())
      value |= static_cast<unsigned char>(bytes[i + 1]) << 8;
    if (i + 2 < bytes.size())
      value |= static_cast<unsigned char>(bytes[i + 2]);
    out += kAlphabet[(value >> 18) & 63];
    out += kAlphabet[(value >> 12) & 63];
    out += i + 1 < bytes.size() ? kAlphabet[(value >> 6) & 63] : '=';
    out += i + 2 < bytes.size() ? kAlphabet[value & 63] : '=';
  }
  return out;
}

// Returns an id for a section: the ASCII letters and digits of its key in
// lower case, joined by hyphens, made unique with a number.
std::string section_id(std::string_view key, std::set<std::string>& used) {
  std::string id;
  for (char c : key) {
    bool alnum = (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9');
    if (c >= 'A' && c <= 'Z')
      id += static_cast<char>(c - 'A' + 'a');
    else if (alnum)
      id += c;
    else if (!id.empty() && id.back() != '-')
      id += '-';
  }
  while (!id.empty() && id.back() == '-')
    id.pop_back();
  if (id.empty() || !(id[0] >= 'a' && id[0] <= 'z'))
    id = "section-" + id;
  std::string unique = id;
  for (int n = 2; used.count(unique); ++n)
    unique = id + "-" + std::to_string(n);
  used.insert(unique);
  return unique;
}

// A marker that stands for a stylesheet in the tree until the page is
// serialised, because pugixml would escape `>` in CSS selectors and an
// HTML parser does not decode references inside <style>.
std::string style_marker(size_t index) {
  return "cvconvert-stylesheet-" + std::to_string(index) + "-marker";
}

bool contains_ignoring_case(std::string_view text, std::string_view part) {
  auto lower = [](char c) {
    return c >= 'A' && c <= 'Z' ? static_cast<char>(c - 'A' + 'a') : c;
  };
  auto found =
      std::search(text.begin(), text.end(), part.begin(), part.end(),
                  [&](char a, char b) { return lower(a) == lower(b); });
  return found != text.end();
}

class HtmlWriter {
public:
  HtmlWriter(const Cv& cv, const HtmlOptions& options, Diagnostics& diagnostics)
      : cv_(cv), options_(options), diagnostics_(diagnostics) {}

  std::optional<std::string> write();

private:
  const Cv& cv_;
  const HtmlOptions& options_;
  Diagnostics& diagnostics_;
  std::vector<std::string> stylesheets_;

  void head(pugi::xml_node head);
  std::string json_ld();
  void header(pugi::xml_node body);
  void photo(pugi::xml_node parent);
  void section(const Section& section, pugi::xml_node main,
               std::set<std::string>& ids);
  void entry(const Entry& entry, pugi::xml_node list);
  pugi::xml_node dated_entry(pugi::xml_node list, const char* kind,
                             const DatedFields& dated);
  void entry_body(pugi::xml_node item, const DatedFields& dated,
                  const EntryCommon& common,
                  const std::vector<std::string_view>& shown_extras);
  void highlights(pugi::xml_node parent, const std::vector<Highlight>& items);

  void block(const Text& value, pugi::xml_node parent, std::string_view field);
  void inline_text(const Text& value, pugi::xml_node parent,
                   std::string_view field);
  bool link(pugi::xml_node parent, const std::string& target,
            const std::string& text, std::string_view field, SourcePos pos);
  void dates(const DatedFields& dated, pugi::xml_node parent);
};

pugi::xml_node element(pugi::xml_node parent, const char* name,
                       const char* class_name = nullptr) {
  pugi::xml_node node = parent.append_child(name);
  if (class_name)
    node.append_attribute("class") = class_name;
  return node;
}

// Shows an autolink (a link whose text is its own target) without its
// scheme, so the text names where it goes.
void shorten_autolinks(pugi::xml_node node) {
  for (pugi::xml_node child : node.children()) {
    if (child.type() != pugi::node_element)
      continue;
    if (std::string_view(child.name()) == "a") {
      pugi::xml_node text = child.first_child();
      std::string_view href = child.attribute("href").value();
      if (text && text == child.last_child() &&
          text.type() == pugi::node_pcdata && href == text.value()) {
        std::string shown = website_display(href);
        if (shown.rfind("mailto:", 0) == 0)
          shown.erase(0, 7);
        else if (shown.rfind("tel:", 0) == 0)
          shown.erase(0, 4);
        if (!shown.empty())
          text.set_value(shown.c_str());
      }
      continue;
    }
    shorten_autolinks(child);
  }
}

void HtmlWriter::block(const Text& value, pugi::xml_node parent,
                       std::string_view field) {
  render_html(value.tree, parent, field, value.pos, diagnostics_);
  shorten_autolinks(parent);
}

// Renders a field inside an inline element: the paragraph that holds an
// inline field's content is left out. A block field that has more than
// one block keeps them all.
void HtmlWriter::inline_text(const Text& value, pugi::xml_node parent,
                             std::string_view field) {
  bool first = true;
  for (const MarkupNode& child : value.tree.children) {
    if (child.kind != NodeKind::Paragraph) {
      render_html(child, parent, field, value.pos, diagnostics_);
      continue;
    }
    if (!first)
      append_text(parent, " ");
    first = false;
    for (const MarkupNode& part : child.children)
      render_html(part, parent, field, value.pos, diagnostics_);
  }
  shorten_autolinks(parent);
}

// Appends a link, or only a warning naming `field` when the target's
// scheme is not one of http, https, mailto and tel.
bool HtmlWriter::link(pugi::xml_node parent, const std::string& target,
                      const std::string& text, std::string_view field,
                      SourcePos pos) {
  if (!is_safe_link(target)) {
    diagnostics_.warning(pos, "dropped link to '" + target + "' in '" +
                                  std::string(field) +
                                  "': only http, https, mailto and tel "
                                  "links are kept");
    return false;
  }
  pugi::xml_node a = parent.append_child("a");
  a.append_attribute("href") = target.c_str();
  append_text(a, text);
  return true;
}

// Writes the entry's dates as format_entry_dates shows them, with each
// date that has an ISO form inside <time datetime>.
void HtmlWriter::dates(const DatedFields& dated, pugi::xml_node parent) {
  std::string shown = format_entry_dates(dated, cv_.locale);
  auto time = [&](const Date& date, const std::string& text) {
    std::string iso = iso_date(date);
    if (iso.empty()) {
      append_text(parent, text);
      return;
    }
    pugi::xml_node node = parent.append_child("time");
    node.append_attribute("datetime") = iso.c_str();
    append_text(node, text);
  };

  const std::string dash = " \u2013 ";
  if (dated.start_date) {
    std::string start = format_date(*dated.start_date, cv_.locale);
    if (shown == start) {
      time(*dated.start_date, start);
      return;
    }
    if (shown.rfind(start + dash, 0) == 0) {
      time(*dated.start_date, start);
      append_text(parent, dash);
      std::string end = shown.substr(start.size() + dash.size());
      if (dated.end_date)
        time(*dated.end_date, end);
      else
        append_text(parent, end);
      return;
    }
  }
  const Date* single = dated.date       ? &*dated.date
                       : dated.end_date ? &*dated.end_date
                                        : nullptr;
  if (single && format_date(*single, cv_.locale) == shown)
    time(*single, shown);
  else
    append_text(parent, shown);
}

void HtmlWriter::highlights(pugi::xml_node parent,
                            const std::vector<Highlight>& items) {
  if (items.empty())
    return;
  pugi::xml_node list = element(parent, "ul", "highlights");
  for (const Highlight& item : items) {
    pugi::xml_node li = list.append_child("li");
    inline_text(item.text, li, "highlights");
    highlights(li, item.children);
  }
}

pugi::xml_node HtmlWriter::dated_entry(pugi::xml_node list, const char* kind,
                                       const DatedFields& dated) {
  pugi::xml_node item = list.append_child("li");
  item.append_attribute("class") = (std::string("entry ") + kind).c_str();
  if (!format_entry_dates(dated, cv_.locale).empty())
    dates(dated, element(item, "p", "entry-date"));
  return item;
}

void HtmlWriter::entry_body(pugi::xml_node item, const DatedFields& dated,
                            const EntryCommon& common,
                            const std::vector<std::string_view>& shown_extras) {
  if (!dated.summary.empty())
    block(dated.summary, element(item, "div", "summary"), "summary");
  for (const Extra& extra : common.extras) {
    if (std::find(shown_extras.begin(), shown_extras.end(), extra.key) !=
            shown_extras.end() ||
        extra.values.empty())
      continue;
    pugi::xml_node line = element(item, "p", "extra");
    append_text(element(line, "span", "extra-key"), key_label(extra.key));
    append_text(line, ": ");
    for (size_t i = 0; i < extra.values.size(); ++i) {
      if (i > 0)
        append_text(line, ", ");
      inline_text(extra.values[i], line, extra.key);
    }
  }
  highlights(item, dated.highlights);
}

void HtmlWriter::entry(const Entry& entry, pugi::xml_node list) {
  // The line under a title: organisation and location, comma-separated.
  auto meta = [&](pugi::xml_node item, const Text* organization,
                  std::string_view organization_field, const Text& location) {
    bool has_organization = organization && !organization->empty();
    if (!has_organization && location.empty())
      return;
    pugi::xml_node line = element(item, "p", "entry-meta");
    if (has_organization)
      inline_text(*organization, element(line, "span", "organization"),
                  organization_field);
    if (has_organization && !location.empty())
      append_text(line, ", ");
    if (!location.empty())
      inline_text(location, element(line, "span", "location"), "location");
  };
  auto extra_values = [&](const EntryCommon& common,
                          std::string_view key) -> const Extra* {
    const Extra* extra = common.extra(key);
    return extra && !extra->values.empty() ? extra : nullptr;
  };

  switch (kind_of(entry)) {
  case EntryKind::Education: {
    const auto& e = std::get<EducationEntry>(entry);
    pugi::xml_node item = dated_entry(list, "education", e);
    pugi::xml_node title = element(item, "h3", "entry-title");
    if (!e.degree.empty()) {
      inline_text(e.degree, title, "degree");
      append_text(title, " in ");
    }
    inline_text(e.area, title, "area");
    meta(item, &e.institution, "institution", e.location);
    entry_body(item, e, e, {});
    return;
  }
  case EntryKind::Experience: {
    const auto& e = std::get<ExperienceEntry>(entry);
    pugi::xml_node item = dated_entry(list, "experience", e);
    inline_text(e.position, element(item, "h3", "entry-title"), "position");
    meta(item, &e.company, "company", e.location);
    entry_body(item, e, e, {});
    return;
  }
  case EntryKind::Publication: {
    const auto& e = std::get<PublicationEntry>(entry);
    pugi::xml_node item = dated_entry(list, "publication", e);
    inline_text(e.title, element(item, "h3", "entry-title"), "title");
    meta(item, &e.journal, "journal", e.location);
    if (!e.authors.empty()) {
      pugi::xml_node authors = element(item, "p", "authors");
      for (size_t i = 0; i < e.authors.size(); ++i) {
        if (i > 0)
          append_text(authors, ", ");
        inline_text(e.authors[i], authors, "authors");
      }
    }
    if (!e.doi.empty() || !e.url.empty()) {
      pugi::xml_node links = element(item, "p", "links");
      if (!e.doi.empty()) {
        append_text(links, "DOI: ");
        if (!link(links, doi_url(e.doi.value), e.doi.value, "doi", e.doi.pos))
          append_text(links, e.doi.value);
      }
      if (!e.url.empty()) {
        std::string target = link_target(e.url.value);
        if (!e.doi.empty())
          append_text(links, " \u00b7 ");
        link(links, target, website_display(target), "url", e.url.pos);
      }
      if (!links.first_child())
        item.remove_child(links);
    }
    entry_body(item, e, e, {});
    return;
  }
  case EntryKind::Normal: {
    const auto& e = std::get<NormalEntry>(entry);
    pugi::xml_node item = dated_entry(list, "normal", e);
    pugi::xml_node title = element(item, "h3", "entry-title");
    std::vector<std::string_view> shown = {"venue", "type"};
    const Extra* url = e.extra("url");
    if (url && !url->is_list && url->values.size() == 1) {
      shown.push_back("url");
      std::string target = link_target(url->values[0].source);
      if (is_safe_link(target)) {
        pugi::xml_node a = title.append_child("a");
        a.append_attribute("href") = target.c_str();
        title = a;
      } else {
        diagnostics_.warning(url->values[0].pos,
                             "dropped link to '" + target +
                                 "' in 'url': only http, https, mailto and "
                                 "tel links are kept");
      }
    }
    inline_text(e.name, title, "name");
    const Extra* venue = extra_values(e, "venue");
    if (venue || !e.location.empty()) {
      pugi::xml_node line = element(item, "p", "entry-meta");
      if (venue) {
        pugi::xml_node span = element(line, "span", "organization");
        for (size_t i = 0; i < venue->values.size(); ++i) {
          if (i > 0)
            append_text(span, ", ");
          inline_text(venue->values[i], span, "venue");
        }
      }
      if (venue && !e.location.empty())
        append_text(line, ", ");
      if (!e.location.empty())
        inline_text(e.location, element(line, "span", "location"), "location");
    }
    if (const Extra* type = extra_values(e, "type")) {
      pugi::xml_node line = element(item, "p", "entry-grade");
      for (size_t i = 0; i < type->values.size(); ++i) {
        if (i > 0)
          append_text(line, ", ");
        inline_text(type->values[i], line, "type");
      }
    }
    entry_body(item, e, e, shown);
    return;
  }
  case EntryKind::OneLine: {
    const auto& e = std::get<OneLineEntry>(entry);
    pugi::xml_node item = list.append_child("li");
    item.append_attribute("class") = "entry one-line";
    if (!e.label.empty())
      inline_text(e.label, element(item, "p", "entry-label"), "label");
    if (!e.details.empty())
      inline_text(e.details, element(item, "p", "details"), "details");
    return;
  }
  case EntryKind::Bullet:
    inline_text(std::get<BulletEntry>(entry).bullet, list.append_child("li"),
                "bullet");
    return;
  case EntryKind::Numbered:
    inline_text(std::get<NumberedEntry>(entry).number, list.append_child("li"),
                "number");
    return;
  case EntryKind::ReversedNumbered:
    inline_text(std::get<ReversedNumberedEntry>(entry).reversed_number,
                list.append_child("li"), "reversed_number");
    return;
  case EntryKind::Text:
    block(std::get<TextEntry>(entry).text, element(list, "div", "text-entry"),
          "text entry");
    return;
  }
}

// Creates the element that holds a section's entries of `kind`.
pugi::xml_node entry_list(pugi::xml_node section, EntryKind kind,
                          size_t count) {
  switch (kind) {
  case EntryKind::Education:
  case EntryKind::Experience:
  case EntryKind::Publication:
  case EntryKind::Normal:
  case EntryKind::OneLine:
    return element(section, "ul", "entries");
  case EntryKind::Bullet:
    return element(section, "ul", "bullets");
  case EntryKind::Numbered:
    return element(section, "ol", "bullets");
  case EntryKind::ReversedNumbered: {
    pugi::xml_node list = element(section, "ol", "bullets");
    list.append_attribute("reversed") = "reversed";
    list.append_attribute("start") = static_cast<unsigned>(count);
    return list;
  }
  case EntryKind::Text:
    return element(section, "div", "text-entries");
  }
  return section;
}

void HtmlWriter::section(const Section& section, pugi::xml_node main,
                         std::set<std::string>& ids) {
  std::vector<const Entry*> shown;
  for (const Entry& e : section.entries)
    if (has_content(e))
      shown.push_back(&e);
  // A section with nothing to show gets no heading.
  if (shown.empty())
    return;

  pugi::xml_node node = main.append_child("section");
  std::string id = section_id(section.key, ids);
  node.append_attribute("id") = id.c_str();
  node.append_attribute("aria-labelledby") = (id + "-title").c_str();
  pugi::xml_node title = node.append_child("h2");
  title.append_attribute("id") = (id + "-title").c_str();
  inline_text(section.title, title, "section title");

  pugi::xml_node list;
  EntryKind list_kind = EntryKind::Text;
  for (const Entry* e : shown) {
    if (!list || kind_of(*e) != list_kind) {
      list_kind = kind_of(*e);
      list = entry_list(node, list_kind, shown.size());
    }
    entry(*e, list);
  }
}

void HtmlWriter::photo(pugi::xml_node parent) {
  if (cv_.photo.empty())
    return;
  if (!options_.embed_photo) {
    diagnostics_.warning(cv_.photo.pos,
                         "'photo' is not shown: the page embeds no external "
                         "image unless asked",
                         "pass --embed-photo to embed it as a data URI");
    return;
  }
  std::filesystem::path path(cv_.photo.value);
  if (path.is_relative() && !options_.base_dir.empty())
    path = std::filesystem::path(options_.base_dir) / path;
  std::ifstream in(path, std::ios::binary);
  if (!in.is_open()) {
    diagnostics_.warning(cv_.photo.pos, "'photo' is not shown: cannot open '" +
                                            path.string() + "'");
    return;
  }
  std::string bytes((std::istreambuf_iterator<char>(in)),
                    std::istreambuf_iterator<char>());
  if (in.bad()) {
    diagnostics_.warning(cv_.photo.pos, "'photo' is not shown: cannot read '" +
                                            path.string() + "'");
    return;
  }
  std::string mime = image_mime_type(bytes);
  if (mime.empty()) {
    diagnostics_.warning(cv_.photo.pos,
                         "'photo' is not shown: '" + path.string() +
                             "' is not a PNG, JPEG, WebP or GIF image");
    return;
  }
  pugi::xml_node img = element(parent, "img", "photo");
  img.append_attribute("src") =
      ("data:" + mime + ";base64," + base64(bytes)).c_str();
  img.append_attribute("alt") =
      ("Photo of " + to_plain_text(cv_.name.tree)).c_str();
}

void HtmlWriter::header(pugi::xml_node body) {
  pugi::xml_node header = element(body, "header", "cv-header");
  photo(header);
  pugi::xml_node titles = header.append_child("div");
  inline_text(cv_.name, titles.append_child("h1"), "name");
  if (!cv_.headline.empty())
    inline_text(cv_.headline, element(titles, "p", "headline"), "headline");

  pugi::xml_node contact = element(titles, "ul", "contact");
  if (!cv_.location.empty())
    inline_text(cv_.location, element(contact, "li", "location"), "location");
  for (const Scalar& email : cv_.emails)
    link(element(contact, "li", "email"),
         mailto_url(encode_mailto(email.value)), email.value, "email",
         email.pos);
  for (const Scalar& phone : cv_.phones)
    link(element(contact, "li", "phone"), tel_url(phone.value), phone.value,
         "phone", phone.pos);
  for (const Scalar& website : cv_.websites) {
    std::string target = link_target(website.value);
    link(element(contact, "li", "website"), target, website_display(target),
         "website", website.pos);
  }
  for (const SocialNetwork& social : cv_.social_networks) {
    std::string text = social.network.value + ": " + social.username.value;
    pugi::xml_node item = element(contact, "li", "social");
    if (social.url.empty() ||
        !link(item, social.url, text, "social_networks", social.pos))
      append_text(item, text);
  }
  // Links that were dropped leave empty items behind.
  for (pugi::xml_node item = contact.first_child(); item;) {
    pugi::xml_node next = item.next_sibling();
    if (!item.first_child())
      contact.remove_child(item);
    item = next;
  }
  if (!contact.first_child())
    titles.remove_child(contact);
}

std::string HtmlWriter::json_ld() {
  using nlohmann::json;
  json person = {{"@context", "https://schema.org"}, {"@type", "Person"}};
  person["name"] = to_plain_text(cv_.name.tree);
  if (!cv_.headline.empty())
    person["jobTitle"] = to_plain_text(cv_.headline.tree);
  if (!cv_.location.empty())
    person["address"] = to_plain_text(cv_.location.tree);
  if (!cv_.emails.empty())
    person["email"] = cv_.emails.front().value;
  if (!cv_.phones.empty())
    person["telephone"] = cv_.phones.front().value;

  json same_as = json::array();
  for (const Scalar& website : cv_.websites) {
    std::string target = link_target(website.value);
    if (!is_safe_link(target))
      continue;
    if (!person.contains("url"))
      person["url"] = target;
    else
      same_as.push_back(target);
  }
  for (const SocialNetwork& social : cv_.social_networks)
    if (!social.url.empty() && is_safe_link(social.url))
      same_as.push_back(social.url);
  if (!same_as.empty())
    person["sameAs"] = same_as;

  json alumni = json::array();
  std::set<std::string> seen;
  for (const Section& section : cv_.sections)
    for (const Entry& e : section.entries)
      if (const auto* education = std::get_if<EducationEntry>(&e)) {
        std::string name = to_plain_text(education->institution.tree);
        if (!name.empty() && seen.insert(name).second)
          alumni.push_back(
              {{"@type", "EducationalOrganization"}, {"name", name}});
      }
  if (!alumni.empty())
    person["alumniOf"] = alumni;

  std::string text = person.dump(2, ' ', false, json::error_handler_t::replace);
  return escape_html(text, HtmlContext::ScriptJson);
}

void HtmlWriter::head(pugi::xml_node head) {
  head.append_child("meta").append_attribute("charset") = "utf-8";
  pugi::xml_node viewport = head.append_child("meta");
  viewport.append_attribute("name") = "viewport";
  viewport.append_attribute("content") = "width=device-width, initial-scale=1";
  pugi::xml_node generator = head.append_child("meta");
  generator.append_attribute("name") = "generator";
  generator.append_attribute("content") = "cvconvert " CVCONVERT_VERSION;

  std::string name = to_plain_text(cv_.name.tree);
  append_text(head.append_child("title"),
              name.empty() ? "Curriculum vitae" : name);
  std::string description = "Curriculum vitae of " + name;
  if (!cv_.headline.empty())
    description += ", " + to_plain_text(cv_.headline.tree);
  pugi::xml_node meta = head.append_child("meta");
  meta.append_attribute("name") = "description";
  meta.append_attribute("content") = description.c_str();

  for (size_t i = 0; i < stylesheets_.size(); ++i)
    append_text(head.append_child("style"), style_marker(i));
  for (const std::string& href : options_.stylesheet_links) {
    if (!is_safe_link(href)) {
      diagnostics_.warning({}, "dropped stylesheet link '" + href +
                                   "': only http and https links and "
                                   "relative URLs are kept");
      continue;
    }
    pugi::xml_node link = head.append_child("link");
    link.append_attribute("rel") = "stylesheet";
    link.append_attribute("href") = href.c_str();
  }

  pugi::xml_node script = head.append_child("script");
  script.append_attribute("type") = "application/ld+json";
  append_text(script, json_ld());
}

std::optional<std::string> HtmlWriter::write() {
  std::string error;
  if (!options_.no_builtin_css) {
    std::optional<std::string> css =
        load_template("html/cv.css", options_.template_dir, error);
    if (!css) {
      diagnostics_.error({}, error);
      return std::nullopt;
    }
    stylesheets_.push_back(*css);
  }
  if (!options_.extra_css.empty())
    stylesheets_.push_back(options_.extra_css);
  for (const std::string& css : stylesheets_) {
    if (contains_ignoring_case(css, "</style")) {
      diagnostics_.error({}, "invalid stylesheet: it contains '</style', "
                             "which would end the <style> element early");
      return std::nullopt;
    }
  }

  pugi::xml_document document;
  pugi::xml_node html = document.append_child("html");
  html.append_attribute("lang") =
      cv_.locale.language.empty() ? "en" : cv_.locale.language.c_str();
  head(html.append_child("head"));
  pugi::xml_node body = html.append_child("body");
  header(body);
  pugi::xml_node main = body.append_child("main");
  std::set<std::string> ids;
  for (const Section& s : cv_.sections)
    section(s, main, ids);
  finish_tree(document, -1);

  StringWriter out;
  out.text = "<!DOCTYPE html>\n";
  html.print(out, "", pugi::format_raw, pugi::encoding_utf8);
  out.text += '\n';
  std::string page = std::move(out.text);
  for (size_t i = 0; i < stylesheets_.size(); ++i) {
    // Field text cannot contain a literal <style>: pugixml escapes `<`.
    std::string marker = "<style>" + style_marker(i) + "</style>";
    size_t at = page.find(marker);
    if (at != std::string::npos)
      page.replace(at, marker.size(),
                   "<style>\n" + stylesheets_[i] + "</style>");
  }
  return page;
}

} // namespace

std::string image_mime_type(std::string_view bytes) {
  auto starts = [&](std::string_view prefix) {
    return bytes.substr(0, prefix.size()) == prefix;
  };
  if (starts("\x89PNG\r\n\x1a\n"))
    return "image/png";
  if (starts("\xff\xd8\xff"))
    return "image/jpeg";
  if (starts("GIF87a") || starts("GIF89a"))
    return "image/gif";
  if (bytes.size() >= 12 && starts("RIFF") && bytes.substr(8, 4) == "WEBP")
    return "image/webp";
  return {};
}

std::optional<std::string> write_html(const Cv& cv, const HtmlOptions& options,
                                      Diagnostics& diagnostics) {
  HtmlWriter writer(cv, options, diagnostics);
  return writer.write();
}

} // namespace cvc
