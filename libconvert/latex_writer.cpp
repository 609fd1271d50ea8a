#include "latex_writer.hpp"

#include "dates.hpp"
#include "latex_escape.hpp"
#include "links.hpp"
#include "markup.hpp"
#include "templates.hpp"

#include <algorithm>

namespace cvc {

namespace {

using data = TemplateData;

// moderncv 2.3.1's \social kinds, by the network names of the CV format.
// Other networks become a plain link.
const char* moderncv_social_kind(std::string_view network) {
  if (network == "LinkedIn")
    return "linkedin";
  if (network == "GitHub")
    return "github";
  if (network == "GitLab")
    return "gitlab";
  if (network == "StackOverflow")
    return "stackoverflow";
  if (network == "ORCID")
    return "orcid";
  if (network == "ResearchGate")
    return "researchgate";
  if (network == "Telegram")
    return "telegram";
  if (network == "Google Scholar")
    return "googlescholar";
  return nullptr;
}

// Whether `text` holds only ASCII letters, digits and the characters of
// `allowed`, with no `--` that TeX would print as a dash.
bool prints_as_typed(std::string_view text, std::string_view allowed) {
  for (char c : text) {
    bool alnum = (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') ||
                 (c >= '0' && c <= '9');
    if (!alnum && allowed.find(c) == std::string_view::npos)
      return false;
  }
  return text.find("--") == std::string_view::npos;
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

// Turns an extra key into a label: `role` gives `Role`, `course_code` gives
// `Course code`.
std::string key_label(std::string_view key) {
  std::string label(key);
  for (char& c : label)
    if (c == '_')
      c = ' ';
  if (!label.empty() && label[0] >= 'a' && label[0] <= 'z')
    label[0] = static_cast<char>(label[0] - 'a' + 'A');
  return label;
}

class LatexWriter {
public:
  LatexWriter(const Cv& cv, const LatexOptions& options,
              Diagnostics& diagnostics)
      : cv_(cv), options_(options), diagnostics_(diagnostics),
        escaper_(cv.design.engine, diagnostics, options.allowed_scripts) {}

  std::optional<LatexDocument> write();

private:
  const Cv& cv_;
  const LatexOptions& options_;
  Diagnostics& diagnostics_;
  LatexEscaper escaper_;

  std::string text(const Text& value, std::string_view field) {
    return escaper_.render(value.tree, field, value.pos);
  }
  std::string plain(std::string_view value, std::string_view field,
                    SourcePos pos) {
    return escaper_.escape(value, LatexContext::Text, field, pos);
  }
  std::string url(std::string_view value) {
    return escaper_.escape(value, LatexContext::Url);
  }
  // A link whose text is the URL itself, shown without its scheme.
  std::string url_link(std::string_view target, SourcePos pos) {
    // The shown URL may break after a slash rather than overrun the line.
    std::string shown = plain(website_display(target), "url", pos);
    std::string breakable;
    for (size_t i = 0; i < shown.size(); ++i) {
      breakable += shown[i];
      if (shown[i] == '/' && i + 1 < shown.size() && shown[i + 1] != '/')
        breakable += "\\allowbreak{}";
    }
    return "\\href{" + url(target) + "}{" + breakable + "}";
  }

  data header();
  data section(const Section& section);
  data entry(const Entry& entry, size_t index, size_t count);
  std::string highlights(const std::vector<Highlight>& items, int level = 0);
  std::string description(const DatedFields& dated, const EntryCommon& common,
                          std::vector<std::string> lines,
                          const std::vector<std::string_view>& shown_extras);
  data cventry(std::string dates, std::string title, std::string organization,
               std::string location, std::string grade, std::string description,
               const std::vector<Highlight>& entry_highlights);
  data cvitem(std::string label, std::string body);
};

data LatexWriter::cventry(std::string dates, std::string title,
                          std::string organization, std::string location,
                          std::string grade, std::string description,
                          const std::vector<Highlight>& entry_highlights) {
  data fields;
  fields.set("dates", std::move(dates));
  fields.set("title", std::move(title));
  fields.set("organization", std::move(organization));
  fields.set("location", std::move(location));
  fields.set("grade", std::move(grade));
  // moderncv sets a \cventry in one box that cannot break across pages.
  // So that a long list of highlights can, the description holds the
  // first few and the rest follow in boxes of their own that look the same.
  constexpr size_t kHighlightsPerBox = 10;
  data items = data::list();
  std::vector<Highlight> first(
      entry_highlights.begin(),
      entry_highlights.begin() +
          std::min(entry_highlights.size(), kHighlightsPerBox));
  std::string first_box = highlights(first);
  if (!first_box.empty())
    description += first_box;
  for (size_t start = kHighlightsPerBox; start < entry_highlights.size();
       start += kHighlightsPerBox) {
    size_t end = std::min(entry_highlights.size(), start + kHighlightsPerBox);
    std::vector<Highlight> box(entry_highlights.begin() + start,
                               entry_highlights.begin() + end);
    data item;
    item.set("text", highlights(box));
    items.push_back(std::move(item));
  }
  fields.set("description", std::move(description));
  fields.set("more_highlights", std::move(items));
  fields.set("is_cventry", true);
  return fields;
}

data LatexWriter::cvitem(std::string label, std::string body) {
  data fields;
  fields.set("label", std::move(label));
  fields.set("text", std::move(body));
  fields.set("is_cvitem", true);
  return fields;
}

std::string LatexWriter::highlights(const std::vector<Highlight>& items,
                                    int level) {
  if (items.empty())
    return {};
  // Past the depth that LaTeX nests lists to, items become dashed lines.
  bool as_list = level < LatexEscaper::kMaxListDepth;
  std::string out = as_list ? "\\begin{itemize}" : "";
  for (const Highlight& item : items) {
    out += as_list ? "\\item " : "\\newline{}\\textendash{} ";
    out += escaper_.render(item.text.tree, "highlights", item.text.pos,
                           std::min(level + 1, LatexEscaper::kMaxListDepth));
    out += highlights(item.children, level + 1);
  }
  if (as_list)
    out += "\\end{itemize}";
  return out;
}

std::string
LatexWriter::description(const DatedFields& dated, const EntryCommon& common,
                         std::vector<std::string> lines,
                         const std::vector<std::string_view>& shown_extras) {
  if (!dated.summary.empty())
    lines.push_back(text(dated.summary, "summary"));
  for (const Extra& extra : common.extras) {
    if (std::find(shown_extras.begin(), shown_extras.end(), extra.key) !=
            shown_extras.end() ||
        extra.values.empty())
      continue;
    std::string values;
    for (const Text& value : extra.values) {
      if (!values.empty())
        values += ", ";
      values += text(value, extra.key);
    }
    lines.push_back(plain(key_label(extra.key), extra.key, extra.key_pos) +
                    ": " + values);
  }
  std::string out;
  for (const std::string& line : lines) {
    if (line.empty())
      continue;
    if (!out.empty())
      out += "\\cvcparbreak{}";
    out += line;
  }
  return out;
}

data LatexWriter::entry(const Entry& entry, size_t index, size_t count) {
  auto dates = [&](const DatedFields& dated) {
    return plain(format_entry_dates(dated, cv_.locale), "date",
                 dated.date         ? dated.date->pos
                 : dated.start_date ? dated.start_date->pos
                                    : SourcePos{});
  };
  auto extra_text = [&](const EntryCommon& common, std::string_view key) {
    const Extra* extra = common.extra(key);
    if (!extra || extra->values.empty())
      return std::string();
    std::string out;
    for (const Text& value : extra->values) {
      if (!out.empty())
        out += ", ";
      out += text(value, key);
    }
    return out;
  };

  switch (kind_of(entry)) {
  case EntryKind::Education: {
    const auto& e = std::get<EducationEntry>(entry);
    std::string title = text(e.area, "area");
    if (!e.degree.empty())
      title = text(e.degree, "degree") + " in " + title;
    return cventry(dates(e), title, text(e.institution, "institution"),
                   text(e.location, "location"), {}, description(e, e, {}, {}),
                   e.highlights);
  }
  case EntryKind::Experience: {
    const auto& e = std::get<ExperienceEntry>(entry);
    return cventry(dates(e), text(e.position, "position"),
                   text(e.company, "company"), text(e.location, "location"), {},
                   description(e, e, {}, {}), e.highlights);
  }
  case EntryKind::Publication: {
    const auto& e = std::get<PublicationEntry>(entry);
    std::vector<std::string> lines;
    std::string authors;
    for (const Text& author : e.authors) {
      if (!authors.empty())
        authors += ", ";
      authors += text(author, "authors");
    }
    lines.push_back(authors);
    std::string links;
    if (!e.doi.empty())
      links = "DOI: \\href{" + url(doi_url(e.doi.value)) + "}{" +
              plain(e.doi.value, "doi", e.doi.pos) + "}";
    if (!e.url.empty())
      links += (links.empty() ? "" : " \\textperiodcentered{} ") +
               url_link(e.url.value, e.url.pos);
    lines.push_back(links);
    return cventry(dates(e), text(e.title, "title"), text(e.journal, "journal"),
                   text(e.location, "location"), {},
                   description(e, e, lines, {}), e.highlights);
  }
  case EntryKind::Normal: {
    const auto& e = std::get<NormalEntry>(entry);
    std::string title = text(e.name, "name");
    const Extra* link = e.extra("url");
    std::vector<std::string_view> shown = {"venue", "type"};
    if (link && !link->is_list && link->values.size() == 1) {
      title = "\\href{" + url(website_url(link->values[0].source)) + "}{" +
              title + "}";
      shown.push_back("url");
    }
    return cventry(dates(e), title, extra_text(e, "venue"),
                   text(e.location, "location"), extra_text(e, "type"),
                   description(e, e, {}, shown), e.highlights);
  }
  case EntryKind::OneLine: {
    const auto& e = std::get<OneLineEntry>(entry);
    return cvitem(text(e.label, "label"), text(e.details, "details"));
  }
  case EntryKind::Bullet: {
    const auto& e = std::get<BulletEntry>(entry);
    data fields;
    fields.set("text", text(e.bullet, "bullet"));
    fields.set("is_cvlistitem", true);
    return fields;
  }
  case EntryKind::Numbered: {
    const auto& e = std::get<NumberedEntry>(entry);
    return cvitem(std::to_string(index + 1) + ".", text(e.number, "number"));
  }
  case EntryKind::ReversedNumbered: {
    const auto& e = std::get<ReversedNumberedEntry>(entry);
    return cvitem(std::to_string(count - index) + ".",
                  text(e.reversed_number, "reversed_number"));
  }
  case EntryKind::Text: {
    // NOTE: \cvitem sets its text in a table cell, which cannot break
    // across pages, so a single text entry or summary longer than a page
    // is cut at the page's end. Highlights are split into boxes for this.
    const auto& e = std::get<TextEntry>(entry);
    return cvitem({}, text(e.text, "text entry"));
  }
  }
  return {};
}

data LatexWriter::section(const Section& section) {
  data out;
  out.set("title", text(section.title, "section title"));
  out.set("pdf_title", escaper_.render_pdf_string(section.title.tree));
  data entries = data::list();
  std::vector<const Entry*> shown;
  for (const Entry& e : section.entries)
    if (has_content(e))
      shown.push_back(&e);
  for (size_t i = 0; i < shown.size(); ++i) {
    data item = entry(*shown[i], i, shown.size());
    item.set("kind", entry_kind_name(kind_of(*shown[i])));
    entries.push_back(std::move(item));
  }
  out.set("entries", std::move(entries));
  out.set("has_entries", !shown.empty());
  return out;
}

data LatexWriter::header() {
  data out;
  std::string name = to_plain_text(cv_.name.tree);
  size_t space = name.find_last_of(' ');
  std::string first = space == std::string::npos ? "" : name.substr(0, space);
  std::string last = space == std::string::npos ? name : name.substr(space + 1);
  out.set("first_name", plain(first, "name", cv_.name.pos));
  out.set("last_name", plain(last, "name", cv_.name.pos));
  out.set("pdf_author", escaper_.escape(name, LatexContext::PdfString));
  out.set("pdf_title", escaper_.escape(name, LatexContext::PdfString));
  std::string subject = "Curriculum vitae of " + name;
  if (!cv_.headline.empty())
    subject += ", " + to_plain_text(cv_.headline.tree);
  out.set("pdf_subject", escaper_.escape(subject, LatexContext::PdfString));

  if (!cv_.headline.empty())
    out.set("title", text(cv_.headline, "headline"));
  if (!cv_.location.empty())
    out.set("address", text(cv_.location, "location"));

  data phones = data::list();
  for (const Scalar& phone : cv_.phones) {
    data item;
    item.set("phone", plain(phone.value, "phone", phone.pos));
    phones.push_back(std::move(item));
  }
  out.set("phones", std::move(phones));

  // \email and \homepage print the argument they link to, so they take
  // only addresses whose characters print as typed; others become a link
  // with a separate text in \extrainfo.
  std::vector<std::string> extra_info;
  for (size_t i = 0; i < cv_.emails.size(); ++i) {
    const Scalar& email = cv_.emails[i];
    if (i == 0 && prints_as_typed(email.value, "._+@-")) {
      out.set("email", escaper_.escape(email.value, LatexContext::Email));
      continue;
    }
    extra_info.push_back("\\href{" +
                         url(mailto_url(encode_mailto(email.value))) + "}{" +
                         plain(email.value, "email", email.pos) + "}");
  }
  bool homepage_set = false;
  for (const Scalar& website : cv_.websites) {
    std::string target = website_url(website.value);
    // \homepage adds `https://` itself, so it gets the URL without it.
    bool https = target.rfind("https://", 0) == 0;
    if (!homepage_set && https &&
        prints_as_typed(target.substr(8), "./_~#%&=?:+@-")) {
      out.set("homepage", url(target.substr(8)));
      homepage_set = true;
    } else {
      extra_info.push_back(url_link(target, website.pos));
    }
  }

  data socials = data::list();
  for (const SocialNetwork& social : cv_.social_networks) {
    const char* kind = moderncv_social_kind(social.network.value);
    // \social prints the argument it links to, so it only takes usernames
    // that print as typed.
    if (kind && prints_as_typed(social.username.value, "._-")) {
      data item;
      item.set("network", kind);
      item.set("username", url(social.username.value));
      socials.push_back(std::move(item));
    } else {
      extra_info.push_back(
          "\\href{" + url(social.url) + "}{" +
          plain(social.username.value, "username", social.username.pos) + "}");
    }
  }
  out.set("socials", std::move(socials));

  if (!extra_info.empty()) {
    std::string joined;
    // The styles place \extrainfo in a table cell (classic) or a footer
    // line (casual, banking), where a line break fails, so the items share
    // one line.
    for (const std::string& item : extra_info)
      joined += (joined.empty() ? "" : " \\textperiodcentered{} ") + item;
    out.set("extra_info", std::move(joined));
  }
  return out;
}

std::optional<LatexDocument> LatexWriter::write() {
  data document = header();
  data sections = data::list();
  for (const Section& s : cv_.sections) {
    data rendered = section(s);
    // A section with nothing to show gets no heading.
    if (rendered.get("has_entries")->kind() == data::Kind::True)
      sections.push_back(std::move(rendered));
  }
  document.set("sections", std::move(sections));

  const Design& design = cv_.design;
  document.set("version", CVCONVERT_VERSION);
  // The name goes into a TeX comment, where only a line break matters.
  std::string source_name;
  for (char c : options_.source_name)
    if (static_cast<unsigned char>(c) >= 0x20)
      source_name += c;
  document.set("source", std::move(source_name));
  document.set("style", options_.style.empty() ? design.style : options_.style);
  document.set("color", options_.color.empty() ? design.color : options_.color);
  document.set("font_size", design.font_size);
  document.set("paper", design.paper);
  bool pdflatex = !escaper_.unicode_engine();
  document.set("pdflatex", pdflatex);

  unsigned scripts = escaper_.scripts();
  std::string encodings;
  if (scripts & kScriptCyrillic)
    encodings += "T2A,";
  if (scripts & kScriptGreek)
    encodings += "LGR,";
  if (scripts & kScriptVietnamese)
    encodings += "T5,";
  encodings += "T1";
  document.set("font_encodings", std::move(encodings));
  document.set("cjk", (scripts & (kScriptChinese | kScriptJapanese)) != 0);

  std::string error;
  std::string main_source;
  std::optional<std::string> main =
      load_template("latex/cv.tex", options_.template_dir, error, &main_source);
  for (const char* name : {"cventry", "cvitem", "cvlistitem"}) {
    std::string source;
    std::optional<std::string> partial =
        load_template(std::string("latex/") + name + ".tex",
                      options_.template_dir, error, &source);
    if (!partial)
      break;
    // A partial that includes a partial could include itself without end.
    if (partial->find("<<>") != std::string::npos ||
        partial->find("{{>") != std::string::npos) {
      error = "invalid template " + source +
              ": a partial may not include another partial";
      break;
    }
    // A partial is checked now, not only once an entry uses it.
    if (!render_template(*partial, data(), source, error))
      break;
    document.set(name, data::partial(std::move(*partial)));
  }
  if (!main || !error.empty()) {
    diagnostics_.error({}, error);
    return std::nullopt;
  }
  std::optional<std::string> rendered =
      render_template(*main, document, main_source, error);
  if (!rendered) {
    diagnostics_.error({}, error);
    return std::nullopt;
  }
  return LatexDocument{tidy_blank_lines(std::move(*rendered)), scripts,
                       design.engine};
}

} // namespace

std::optional<LatexDocument> write_latex(const Cv& cv,
                                         const LatexOptions& options,
                                         Diagnostics& diagnostics) {
  LatexWriter writer(cv, options, diagnostics);
  return writer.write();
}

} // namespace cvc
