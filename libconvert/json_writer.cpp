#include "json_writer.hpp"
#include "json_reader.hpp"

#include "dates.hpp"
#include "links.hpp"
#include "markup.hpp"
#include "unicode.hpp"

#include <nlohmann/json.hpp>

#include <algorithm>
#include <array>
#include <unordered_map>
#include <utility>

namespace cvc {

namespace {

using nlohmann::ordered_json;

// The place in the document that a section's entries go to.
enum class Target {
  Summary,
  Work,
  Volunteer,
  Education,
  Awards,
  Certificates,
  Publications,
  Skills,
  Languages,
  Interests,
  References,
  Projects,
  // Sections of the academicpages flavour only.
  Presentations,
  Teaching,
  Portfolio,
};

struct SectionName {
  std::string_view title;
  Target target;
};

// Section titles (lower case) that name a JSON Resume array.
constexpr std::array kSectionNames = {
    SectionName{"summary", Target::Summary},
    SectionName{"about", Target::Summary},
    SectionName{"about me", Target::Summary},
    SectionName{"profile", Target::Summary},
    SectionName{"work", Target::Work},
    SectionName{"experience", Target::Work},
    SectionName{"work experience", Target::Work},
    SectionName{"professional experience", Target::Work},
    SectionName{"employment", Target::Work},
    SectionName{"volunteer", Target::Volunteer},
    SectionName{"volunteering", Target::Volunteer},
    SectionName{"volunteer experience", Target::Volunteer},
    SectionName{"education", Target::Education},
    SectionName{"awards", Target::Awards},
    SectionName{"honors", Target::Awards},
    SectionName{"honors and awards", Target::Awards},
    SectionName{"awards and honors", Target::Awards},
    SectionName{"certificates", Target::Certificates},
    SectionName{"certifications", Target::Certificates},
    SectionName{"publications", Target::Publications},
    SectionName{"skills", Target::Skills},
    SectionName{"languages", Target::Languages},
    SectionName{"interests", Target::Interests},
    SectionName{"references", Target::References},
    SectionName{"projects", Target::Projects},
    SectionName{"presentations", Target::Presentations},
    SectionName{"talks", Target::Presentations},
    SectionName{"teaching", Target::Teaching},
    SectionName{"portfolio", Target::Portfolio},
};

const char* array_name(Target target, JsonFlavor flavor) {
  switch (target) {
  case Target::Summary:
    return "basics";
  case Target::Work:
    return "work";
  case Target::Volunteer:
    return "volunteer";
  case Target::Education:
    return "education";
  case Target::Awards:
    return "awards";
  case Target::Certificates:
    return "certificates";
  case Target::Publications:
    return "publications";
  case Target::Skills:
    return "skills";
  case Target::Languages:
    return "languages";
  case Target::Interests:
    return "interests";
  case Target::References:
    return "references";
  case Target::Projects:
    return "projects";
  case Target::Presentations:
    return flavor == JsonFlavor::AcademicPages ? "presentations" : "projects";
  case Target::Teaching:
    return flavor == JsonFlavor::AcademicPages ? "teaching" : "projects";
  case Target::Portfolio:
    return flavor == JsonFlavor::AcademicPages ? "portfolio" : "projects";
  }
  return "projects";
}

std::string lower(std::string_view text) {
  std::string out(text);
  for (char& c : out)
    if (c >= 'A' && c <= 'Z')
      c = static_cast<char>(c - 'A' + 'a');
  return out;
}

bool only_text_entries(const Section& section) {
  return std::all_of(
      section.entries.begin(), section.entries.end(),
      [](const Entry& entry) { return kind_of(entry) == EntryKind::Text; });
}

// A section with no JSON Resume array of its own goes into `projects`,
// with the section title as its `type`.
Target target_of(const Section& section, bool summary_taken) {
  std::string title = lower(to_plain_text(section.title.tree));
  for (const SectionName& name : kSectionNames) {
    if (name.title != title)
      continue;
    if (name.target == Target::Summary &&
        (summary_taken || !only_text_entries(section)))
      break;
    return name.target;
  }
  return Target::Projects;
}

// The values of one entry under their CV names. The target array takes
// the ones it has fields for, and the rest keep their CV names.
class Fields {
public:
  void add(std::string key, ordered_json value, SourcePos pos) {
    if (value.is_null() || (value.is_array() && value.empty()) ||
        (value.is_string() && value.get_ref<const std::string&>().empty()))
      return;
    items_.push_back({std::move(key), std::move(value), pos});
  }

  void add(std::string key, const Text& text) {
    add(std::move(key), text.source, text.pos);
  }

  /// Removes and returns the first value whose key is one of `keys`.
  ordered_json take(std::initializer_list<std::string_view> keys) {
    for (std::string_view key : keys) {
      auto it = std::find_if(items_.begin(), items_.end(),
                             [&](const Item& item) { return item.key == key; });
      if (it != items_.end()) {
        ordered_json value = std::move(it->value);
        items_.erase(it);
        return value;
      }
    }
    return nullptr;
  }

  bool has(std::string_view key) const {
    return std::any_of(items_.begin(), items_.end(),
                       [&](const Item& item) { return item.key == key; });
  }

  /// Writes the values that no field took, under their own names.
  void put_rest(ordered_json& out) {
    for (Item& item : items_)
      if (!out.contains(item.key))
        out[item.key] = std::move(item.value);
    items_.clear();
  }

private:
  struct Item {
    std::string key;
    ordered_json value;
    SourcePos pos;
  };
  std::vector<Item> items_;
};

// Highlights are strings in JSON Resume; nested ones follow their parent.
void flatten(const std::vector<Highlight>& highlights, ordered_json& out) {
  for (const Highlight& highlight : highlights) {
    if (!highlight.text.empty())
      out.push_back(highlight.text.source);
    flatten(highlight.children, out);
  }
}

struct EntryDates {
  std::optional<Date> date;
  std::optional<Date> start;
  std::optional<Date> end;
};

// The keys that can hold an entry's title, in order of preference.
#define TITLE_KEYS                                                             \
  "name", "title", "label", "position", "bullet", "number", "reversed_number", \
      "text", "institution", "company"

class Writer {
public:
  Writer(const Cv& cv, JsonFlavor flavor, Diagnostics& diagnostics)
      : cv_(cv), flavor_(flavor), diagnostics_(diagnostics) {}

  std::string write();

private:
  bool academic() const { return flavor_ == JsonFlavor::AcademicPages; }

  ordered_json basics();
  void write_section(const Section& section, Target target);
  ordered_json item(const Entry& entry, const Section& section, Target target);
  Fields fields_of(const Entry& entry, EntryDates& dates);
  void put_dates(ordered_json& out, const EntryDates& dates, Target target);
  std::optional<std::string> iso(const Date& date, std::string_view field);
  void put_url(ordered_json& out, const char* key, ordered_json value);
  void merge_json_resume_fields(ordered_json& document);

  const Cv& cv_;
  JsonFlavor flavor_;
  Diagnostics& diagnostics_;
  ordered_json document_ = ordered_json::object();
  std::vector<std::string> summary_;
};

std::optional<std::string> Writer::iso(const Date& date,
                                       std::string_view field) {
  if (date.precision == DatePrecision::Present)
    return std::nullopt;
  std::string text = iso_date(date);
  if (text.empty()) {
    diagnostics_.warning(date.pos,
                         "the free-text date '" + date.text + "' of '" +
                             std::string(field) +
                             "' is left out of JSON Resume",
                         "JSON Resume dates are YYYY, YYYY-MM or YYYY-MM-DD");
    return std::nullopt;
  }
  return text;
}

// The schema checks URLs with `format: uri`, so a website without a scheme
// gets one; an unsafe link is left out, as in every output.
void Writer::put_url(ordered_json& out, const char* key, ordered_json value) {
  if (!value.is_string())
    return;
  std::string url = value.get<std::string>();
  bool relative = !url.empty() && url[0] == '/';
  if (!relative && url.find(':') == std::string::npos)
    url = website_url(url);
  if (!is_safe_link(url)) {
    diagnostics_.warning({}, "unsafe link '" + url + "' in '" + key +
                                 "' is left out of JSON Resume");
    return;
  }
  out[key] = url;
}

ordered_json Writer::basics() {
  ordered_json out = ordered_json::object();
  if (!cv_.name.empty())
    out["name"] = cv_.name.source;
  if (!cv_.headline.empty())
    out["label"] = cv_.headline.source;
  if (!cv_.photo.empty())
    out["image"] = cv_.photo.value;
  if (!cv_.emails.empty())
    out["email"] = cv_.emails[0].value;
  if (!cv_.phones.empty())
    out["phone"] = cv_.phones[0].value;
  if (!cv_.websites.empty())
    put_url(out, academic() ? "website" : "url", cv_.websites[0].value);

  // JSON Resume has one e-mail, phone and website.
  auto extra_values = [&](const std::vector<Scalar>& values,
                          const char* field) {
    for (size_t i = 1; i < values.size(); ++i)
      diagnostics_.warning(values[i].pos,
                           "JSON Resume has one '" + std::string(field) +
                               "': '" + values[i].value + "' is left out");
  };
  extra_values(cv_.emails, "email");
  extra_values(cv_.phones, "phone");
  extra_values(cv_.websites, "website");

  if (!cv_.location.empty())
    out["location"] = ordered_json{{"address", cv_.location.source}};
  ordered_json profiles = ordered_json::array();
  for (const SocialNetwork& social : cv_.social_networks) {
    ordered_json profile = {{"network", social.network.value},
                            {"username", social.username.value}};
    if (!social.url.empty())
      profile["url"] = social.url;
    profiles.push_back(std::move(profile));
  }
  if (!profiles.empty())
    out["profiles"] = std::move(profiles);
  return out;
}

Fields Writer::fields_of(const Entry& entry, EntryDates& dates) {
  Fields fields;
  auto dated = [&](const DatedFields& d) {
    dates = {d.date, d.start_date, d.end_date};
    fields.add("location", d.location);
    fields.add("summary", d.summary);
    ordered_json highlights = ordered_json::array();
    flatten(d.highlights, highlights);
    fields.add("highlights", std::move(highlights), {});
  };
  std::visit(
      [&](const auto& e) {
        using T = std::decay_t<decltype(e)>;
        if constexpr (std::is_same_v<T, EducationEntry>) {
          fields.add("institution", e.institution);
          fields.add("degree", e.degree);
          fields.add("area", e.area);
          dated(e);
        } else if constexpr (std::is_same_v<T, ExperienceEntry>) {
          fields.add("company", e.company);
          fields.add("position", e.position);
          dated(e);
        } else if constexpr (std::is_same_v<T, PublicationEntry>) {
          fields.add("title", e.title);
          fields.add("journal", e.journal);
          fields.add("url", e.url.value, e.url.pos);
          fields.add("doi", e.doi.value, e.doi.pos);
          ordered_json authors = ordered_json::array();
          for (const Text& author : e.authors)
            authors.push_back(author.source);
          fields.add("authors", std::move(authors), e.pos);
          dated(e);
        } else if constexpr (std::is_same_v<T, NormalEntry>) {
          fields.add("name", e.name);
          dated(e);
        } else if constexpr (std::is_same_v<T, OneLineEntry>) {
          fields.add("label", e.label);
          fields.add("details", e.details);
        } else if constexpr (std::is_same_v<T, BulletEntry>) {
          fields.add("bullet", e.bullet);
        } else if constexpr (std::is_same_v<T, NumberedEntry>) {
          fields.add("number", e.number);
        } else if constexpr (std::is_same_v<T, ReversedNumberedEntry>) {
          fields.add("reversed_number", e.reversed_number);
        } else {
          static_assert(std::is_same_v<T, TextEntry>);
          fields.add("text", e.text);
        }
        for (const Extra& extra : e.extras) {
          if (extra.is_list) {
            ordered_json values = ordered_json::array();
            for (const Text& value : extra.values)
              values.push_back(value.source);
            fields.add(extra.key, std::move(values), extra.key_pos);
          } else if (!extra.values.empty()) {
            fields.add(extra.key, extra.values[0]);
          }
        }
      },
      entry);
  return fields;
}

// Entries with a span (work, education, projects) take startDate and
// endDate; a single `date` there gives both, so that the entry does not
// read as ongoing. The others take one date under their own name.
void Writer::put_dates(ordered_json& out, const EntryDates& dates,
                       Target target) {
  const char* point = nullptr;
  switch (target) {
  case Target::Awards:
  case Target::Certificates:
  case Target::Presentations:
  case Target::Portfolio:
    point = "date";
    break;
  case Target::Teaching:
    point = academic() ? "date" : nullptr;
    break;
  case Target::Publications:
    point = "releaseDate";
    break;
  case Target::Summary:
  case Target::Work:
  case Target::Volunteer:
  case Target::Education:
  case Target::Skills:
  case Target::Languages:
  case Target::Interests:
  case Target::References:
  case Target::Projects:
    break;
  }
  // Without the academicpages arrays these sections go to `projects`.
  if (!academic() &&
      (target == Target::Presentations || target == Target::Portfolio))
    point = nullptr;

  if (dates.date) {
    std::optional<std::string> text = iso(*dates.date, "date");
    if (!text)
      return;
    if (point) {
      out[point] = *text;
    } else {
      out["startDate"] = *text;
      out["endDate"] = *text;
    }
    return;
  }
  if (dates.start)
    if (std::optional<std::string> text = iso(*dates.start, "start_date"))
      out[point ? point : "startDate"] = *text;
  if (dates.end)
    if (std::optional<std::string> text = iso(*dates.end, "end_date"))
      out["endDate"] = *text;
}

ordered_json keywords_from(Fields& fields) {
  ordered_json keywords = ordered_json::array();
  ordered_json given = fields.take({"keywords"});
  if (given.is_array())
    keywords = std::move(given);
  else if (given.is_string())
    keywords.push_back(std::move(given));
  ordered_json details = fields.take({"details"});
  if (details.is_string()) {
    // `details: HTML, CSS` is the one-line form of a keyword list.
    std::string text = details.get<std::string>();
    size_t start = 0;
    while (true) {
      size_t comma = text.find(", ", start);
      keywords.push_back(text.substr(start, comma - start));
      if (comma == std::string::npos)
        break;
      start = comma + 2;
    }
  }
  ordered_json highlights = fields.take({"highlights"});
  if (highlights.is_array())
    for (ordered_json& h : highlights)
      keywords.push_back(std::move(h));
  return keywords;
}

void put(ordered_json& out, const char* key, ordered_json value) {
  if (!value.is_null())
    out[key] = std::move(value);
}

ordered_json as_array(ordered_json value) {
  if (value.is_null() || value.is_array())
    return value;
  return ordered_json::array({std::move(value)});
}

ordered_json Writer::item(const Entry& entry, const Section& section,
                          Target target) {
  EntryDates dates;
  Fields fields = fields_of(entry, dates);
  ordered_json out = ordered_json::object();
  // Only a section called Projects is at home in `projects`.
  bool home = lower(to_plain_text(section.title.tree)) == "projects";

  switch (target) {
  case Target::Summary:
    break;
  case Target::Work:
  case Target::Volunteer: {
    const char* org = target == Target::Work ? (academic() ? "company" : "name")
                                             : "organization";
    bool has_org = fields.has("company") || fields.has("institution") ||
                   fields.has("organization");
    put(out, org,
        has_org ? fields.take({"company", "organization", "institution"})
                : fields.take({TITLE_KEYS}));
    put(out, "position", fields.take({"position", "degree"}));
    put_url(out, academic() ? "website" : "url",
            fields.take({"url", "website"}));
    break;
  }
  case Target::Education:
    put(out, "institution", fields.take({"institution", TITLE_KEYS}));
    put_url(out, "url", fields.take({"url", "website"}));
    put(out, "area", fields.take({"area"}));
    put(out, "studyType", fields.take({"degree", "studyType"}));
    put(out, academic() ? "gpa" : "score", fields.take({"score", "gpa"}));
    put(out, "courses", as_array(fields.take({"courses"})));
    break;
  case Target::Awards:
    put(out, "title", fields.take({"title", TITLE_KEYS}));
    put(out, "awarder", fields.take({"awarder", "journal", "venue"}));
    break;
  case Target::Certificates:
    put(out, "name", fields.take({TITLE_KEYS}));
    put(out, "issuer", fields.take({"issuer", "venue"}));
    put_url(out, "url", fields.take({"url", "website"}));
    break;
  case Target::Publications:
    put(out, "name", fields.take({"title", TITLE_KEYS}));
    put(out, "publisher", fields.take({"journal", "publisher", "venue"}));
    put_url(out, academic() ? "website" : "url",
            fields.take({"url", "website"}));
    break;
  case Target::Skills:
  case Target::Interests: {
    put(out, "name", fields.take({"label", TITLE_KEYS}));
    if (target == Target::Skills)
      put(out, "level", fields.take({"level"}));
    ordered_json keywords = keywords_from(fields);
    if (!keywords.empty())
      out["keywords"] = std::move(keywords);
    break;
  }
  case Target::Languages:
    put(out, "language", fields.take({"label", "language", TITLE_KEYS}));
    put(out, "fluency", fields.take({"details", "fluency"}));
    break;
  case Target::References:
    put(out, "name", fields.take({TITLE_KEYS}));
    put(out, "reference", fields.take({"reference", "summary", "details"}));
    break;
  case Target::Presentations:
    if (academic()) {
      put(out, "name", fields.take({TITLE_KEYS}));
      put(out, "event", fields.take({"event", "venue"}));
      put(out, "location", fields.take({"location"}));
      put(out, "description", fields.take({"description", "summary"}));
      break;
    }
    [[fallthrough]];
  case Target::Teaching:
    if (academic() && target == Target::Teaching) {
      put(out, "course", fields.take({"course", TITLE_KEYS}));
      put(out, "institution", fields.take({"venue", "institution"}));
      put(out, "role", fields.take({"role"}));
      put(out, "description", fields.take({"description", "summary"}));
      break;
    }
    [[fallthrough]];
  case Target::Portfolio:
    if (academic() && target == Target::Portfolio) {
      put(out, "name", fields.take({TITLE_KEYS}));
      put(out, "category", fields.take({"category", "type"}));
      put(out, "url", fields.take({"url"}));
      put(out, "description", fields.take({"description", "summary"}));
      break;
    }
    [[fallthrough]];
  case Target::Projects: {
    put(out, "name", fields.take({TITLE_KEYS}));
    put(out, "description", fields.take({"description", "summary", "details"}));
    put_url(out, "url", fields.take({"url", "website"}));
    put(out, "entity", fields.take({"entity", "venue", "journal"}));
    put(out, "roles", as_array(fields.take({"roles", "role"})));
    ordered_json keywords = as_array(fields.take({"keywords"}));
    if (!home) {
      // The section title becomes the project's type; the entry's own type
      // (`Invited talk`) is kept as its first keyword.
      ordered_json type = fields.take({"type"});
      if (type.is_string()) {
        if (keywords.is_null())
          keywords = ordered_json::array();
        keywords.insert(keywords.begin(), std::move(type));
      }
      out["type"] = section.title.source;
    } else {
      put(out, "type", fields.take({"type"}));
    }
    put(out, "keywords", std::move(keywords));
    break;
  }
  }
  put_dates(out, dates, target);
  fields.put_rest(out);
  return out;
}

void Writer::write_section(const Section& section, Target target) {
  if (target == Target::Summary) {
    for (const Entry& entry : section.entries)
      if (const Text& text = std::get<TextEntry>(entry).text; !text.empty())
        summary_.push_back(text.source);
    return;
  }
  ordered_json& array = document_[array_name(target, flavor_)];
  if (array.is_null())
    array = ordered_json::array();
  for (const Entry& entry : section.entries) {
    ordered_json value = item(entry, section, target);
    if (!value.empty())
      array.push_back(std::move(value));
  }
  if (array.empty())
    document_.erase(array_name(target, flavor_));
}

// Deep-merges the kept JSON Resume fields (the postal address parts, `meta`)
// over what the CV gives.
void merge(ordered_json& into, const ordered_json& from) {
  // ordered_json finds a key by searching every key, so an index of
  // `into` keeps a merge of many keys linear.
  if (!into.is_object())
    into = ordered_json::object();
  auto& pairs = into.get_ref<ordered_json::object_t&>();
  std::unordered_map<std::string, size_t> index;
  for (size_t i = 0; i < pairs.size(); ++i)
    index.emplace(
        std::next(pairs.begin(), static_cast<std::ptrdiff_t>(i))->first, i);
  for (const auto& [key, value] : from.items()) {
    auto found = index.find(key);
    if (found == index.end()) {
      if (!value.is_null()) {
        index.emplace(key, pairs.size());
        pairs.push_back({key, value});
      }
      continue;
    }
    ordered_json& existing =
        std::next(pairs.begin(), static_cast<std::ptrdiff_t>(found->second))
            ->second;
    if (value.is_object() && existing.is_object())
      merge(existing, value);
    else if (!value.is_null())
      existing = value;
  }
}

void Writer::merge_json_resume_fields(ordered_json& document) {
  if (cv_.json_resume_fields.empty())
    return;
  std::optional<ordered_json> parsed =
      parse_json_in_order(cv_.json_resume_fields);
  if (!parsed || !parsed->is_object())
    return;
  ordered_json& fields = *parsed;
  // The kept address parts replace the one-line location they came with.
  if (fields.contains("basics") && fields["basics"].is_object() &&
      fields["basics"].contains("location") && document.contains("basics"))
    document["basics"].erase("location");
  merge(document, fields);
}

std::string Writer::write() {
  document_["basics"] = basics();
  bool summary_taken = false;
  for (const Section& section : cv_.sections) {
    if (section.entries.empty())
      continue;
    Target target = target_of(section, summary_taken);
    if (target == Target::Summary)
      summary_taken = true;
    write_section(section, target);
  }
  if (!summary_.empty()) {
    std::string summary;
    for (const std::string& paragraph : summary_)
      summary += (summary.empty() ? "" : "\n\n") + paragraph;
    document_["basics"]["summary"] = summary;
  }
  merge_json_resume_fields(document_);
  if (!academic()) {
    // The v1.0.0 schema allows no other top-level key.
    static const std::array<std::string_view, 14> allowed = {
        "$schema",   "basics",       "work",         "volunteer", "education",
        "awards",    "certificates", "publications", "skills",    "languages",
        "interests", "references",   "projects",     "meta"};
    // The document is rebuilt, since erasing keys one by one from
    // ordered_json takes time with the square of their number.
    ordered_json kept = ordered_json::object();
    auto& kept_pairs = kept.get_ref<ordered_json::object_t&>();
    for (auto& [key, value] : document_.get_ref<ordered_json::object_t&>()) {
      if (std::find(allowed.begin(), allowed.end(), key) != allowed.end()) {
        kept_pairs.push_back({key, std::move(value)});
        continue;
      }
      diagnostics_.warning({},
                           "'json_resume." + key +
                               "' has no place in JSON Resume and is left out",
                           "write it with --flavor academicpages");
    }
    document_ = std::move(kept);
  }
  if (document_["basics"].empty())
    document_.erase("basics");
  // Every string was checked as UTF-8 when the CV was read; should one
  // still be invalid, it gets U+FFFD instead of ending the program.
  return format_json(document_) + "\n";
}

} // namespace

namespace {

// Appends a JSON string. Only `"`, `\` and control characters are escaped,
// as nlohmann does: the usual short escapes, else `\u00xx`.
void append_json_string(const std::string& text, std::string& out) {
  if (find_invalid_utf8(text)) {
    out += ordered_json(text).dump(-1, ' ', false,
                                   ordered_json::error_handler_t::replace);
    return;
  }
  out += '"';
  size_t copied = 0;
  for (size_t i = 0; i < text.size(); ++i) {
    unsigned char c = static_cast<unsigned char>(text[i]);
    if (c >= 0x20 && c != '"' && c != '\\')
      continue;
    out.append(text, copied, i - copied);
    copied = i + 1;
    switch (c) {
    case '"':
      out += "\\\"";
      break;
    case '\\':
      out += "\\\\";
      break;
    case '\b':
      out += "\\b";
      break;
    case '\f':
      out += "\\f";
      break;
    case '\n':
      out += "\\n";
      break;
    case '\r':
      out += "\\r";
      break;
    case '\t':
      out += "\\t";
      break;
    default: {
      static constexpr char kHex[] = "0123456789abcdef";
      out += "\\u00";
      out += kHex[c >> 4];
      out += kHex[c & 0xF];
    }
    }
  }
  out.append(text, copied);
  out += '"';
}

void append_json(const ordered_json& value, std::string& out, size_t depth) {
  switch (value.type()) {
  case ordered_json::value_t::object:
  case ordered_json::value_t::array: {
    bool object = value.is_object();
    if (value.empty()) {
      out += object ? "{}" : "[]";
      return;
    }
    out += object ? "{\n" : "[\n";
    for (auto item = value.begin(); item != value.end(); ++item) {
      if (item != value.begin())
        out += ",\n";
      out.append(2 * (depth + 1), ' ');
      if (object) {
        append_json_string(item.key(), out);
        out += ": ";
      }
      append_json(item.value(), out, depth + 1);
    }
    out += '\n';
    out.append(2 * depth, ' ');
    out += object ? '}' : ']';
    return;
  }
  case ordered_json::value_t::string:
    append_json_string(value.get_ref<const std::string&>(), out);
    return;
  default:
    // Numbers, truth values and null.
    out += value.dump();
  }
}

} // namespace

std::string format_json(const ordered_json& value) {
  std::string out;
  append_json(value, out, 0);
  return out;
}

std::optional<JsonFlavor> json_flavor_from_name(std::string_view name) {
  if (name.empty() || name == "jsonresume")
    return JsonFlavor::JsonResume;
  if (name == "academicpages")
    return JsonFlavor::AcademicPages;
  return std::nullopt;
}

std::string write_json_resume(const Cv& cv, JsonFlavor flavor,
                              Diagnostics& diagnostics) {
  return Writer(cv, flavor, diagnostics).write();
}

} // namespace cvc
