// The CV document: header fields, sections and the nine entry kinds of the
// RenderCV format, with the source position of every value.
#pragma once

#include <optional>
#include <string>
#include <type_traits>
#include <variant>
#include <vector>

namespace cvc {

/// A 1-based line and column in the input file; line 0 means unknown.
struct SourcePos {
  int line = 0;
  int column = 0;
};

/// Kinds of CommonMark nodes that a field can hold. Block kinds come first.
enum class NodeKind {
  Document,
  Paragraph,
  BulletList,
  OrderedList,
  Item,
  Text,
  Emph,
  Strong,
  Code,
  Link,
  SoftBreak,
  LineBreak,
};

/// One node of a parsed field. `literal` is the text of Text and Code nodes
/// and the destination of a Link.
struct MarkupNode {
  NodeKind kind = NodeKind::Document;
  std::string literal;
  int list_start = 1;
  bool tight = true;
  std::vector<MarkupNode> children;
};

/// A text field: its normalised source string and its parsed tree, a
/// Document node whose children are blocks.
struct Text {
  std::string source;
  MarkupNode tree;
  SourcePos pos;

  bool empty() const { return tree.children.empty(); }
};

/// A value used verbatim (an e-mail address, URL, DOI or phone number).
struct Scalar {
  std::string value;
  SourcePos pos;

  bool empty() const { return value.empty(); }
};

/// How precisely a date was given.
enum class DatePrecision { Year, Month, Day, Present, FreeText };

struct Date {
  DatePrecision precision = DatePrecision::FreeText;
  int year = 0;
  int month = 0;
  int day = 0;
  /// The source text, kept for free-text dates and for diagnostics.
  std::string text;
  SourcePos pos;
};

/// An extra key of an entry that no kind defines (`type`, `venue`, `role`),
/// kept for templates and for the outputs that can hold it.
struct Extra {
  std::string key;
  SourcePos key_pos;
  std::vector<Text> values;
  bool is_list = false;
};

/// A highlight with the items nested under it.
struct Highlight {
  Text text;
  std::vector<Highlight> children;
};

/// Fields shared by the dated entry kinds.
struct DatedFields {
  std::optional<Date> date;
  std::optional<Date> start_date;
  std::optional<Date> end_date;
  Text location;
  Text summary;
  std::vector<Highlight> highlights;
};

struct EntryCommon {
  SourcePos pos;
  std::vector<Extra> extras;

  const Extra* extra(std::string_view key) const {
    for (const Extra& e : extras)
      if (e.key == key)
        return &e;
    return nullptr;
  }
};

struct EducationEntry : EntryCommon, DatedFields {
  Text institution;
  Text area;
  Text degree;
};

struct ExperienceEntry : EntryCommon, DatedFields {
  Text company;
  Text position;
};

struct PublicationEntry : EntryCommon, DatedFields {
  Text title;
  std::vector<Text> authors;
  Scalar doi;
  Scalar url;
  Text journal;
};

struct NormalEntry : EntryCommon, DatedFields {
  Text name;
};

struct OneLineEntry : EntryCommon {
  Text label;
  Text details;
};

struct BulletEntry : EntryCommon {
  Text bullet;
};

struct NumberedEntry : EntryCommon {
  Text number;
};

struct ReversedNumberedEntry : EntryCommon {
  Text reversed_number;
};

struct TextEntry : EntryCommon {
  Text text;
};

/// The entry kinds, in the order of the Entry variant.
enum class EntryKind {
  Education,
  Experience,
  Publication,
  Normal,
  OneLine,
  Bullet,
  Numbered,
  ReversedNumbered,
  Text,
};

using Entry = std::variant<EducationEntry, ExperienceEntry, PublicationEntry,
                           NormalEntry, OneLineEntry, BulletEntry,
                           NumberedEntry, ReversedNumberedEntry, TextEntry>;

inline EntryKind kind_of(const Entry& entry) {
  return static_cast<EntryKind>(entry.index());
}

/// Returns whether an entry has anything to show. Empty strings and nulls
/// are absent, and every writer leaves out an entry made only of them.
inline bool has_content(const Entry& entry) {
  return std::visit(
      [](const auto& e) {
        using T = std::decay_t<decltype(e)>;
        if constexpr (std::is_same_v<T, TextEntry>)
          return !e.text.empty();
        else if constexpr (std::is_same_v<T, OneLineEntry>)
          return !e.label.empty() || !e.details.empty();
        else if constexpr (std::is_same_v<T, BulletEntry>)
          return !e.bullet.empty();
        else if constexpr (std::is_same_v<T, NumberedEntry>)
          return !e.number.empty();
        else if constexpr (std::is_same_v<T, ReversedNumberedEntry>)
          return !e.reversed_number.empty();
        else
          return true;
      },
      entry);
}

/// The name of an entry kind as messages and docs use it.
const char* entry_kind_name(EntryKind kind);

struct Section {
  /// The key as written in `cv.sections`.
  std::string key;
  /// The title shown in outputs: the key, or a snake_case key in title case.
  Text title;
  SourcePos pos;
  std::vector<Entry> entries;
};

struct SocialNetwork {
  Scalar network;
  Scalar username;
  /// A profile URL given in the input, which then replaces the derived one.
  Scalar given_url;
  /// The profile URL: the given one, else the one derived from network and
  /// username.
  std::string url;
  SourcePos pos;
};

struct Design {
  std::string style = "classic";
  std::string color = "blue";
  std::string font_size = "11pt";
  std::string paper = "a4paper";
  std::string engine = "pdflatex";
};

struct Locale {
  /// A BCP 47 language tag.
  std::string language = "en";
  /// Overrides of ICU's data; empty keeps ICU's (or the project's table
  /// for `present`, which ICU has no word for).
  std::string present;
  std::string range_separator;
  std::vector<std::string> month_names;
  std::vector<std::string> month_abbreviations;
  /// Whether months are written in full (`September 2018`) rather than
  /// abbreviated (`Sep 2018`).
  bool full_month_names = false;
};

/// A section that `settings.academicpages_collections` sends to an
/// academicpages collection (`publications`, `talks`, `teaching`,
/// `portfolio`) or to none (`none`).
struct CollectionChoice {
  std::string section;
  std::string collection;
  SourcePos pos;
};

struct Settings {
  std::string current_date;
  std::vector<std::string> bold_keywords;
  /// Keys of sections whose entries are sorted newest first.
  std::vector<std::string> newest_first;
  std::vector<CollectionChoice> academicpages_collections;
};

struct Cv {
  Text name;
  Text headline;
  Text location;
  std::vector<Scalar> emails;
  std::vector<Scalar> phones;
  std::vector<Scalar> websites;
  Scalar photo;
  std::vector<SocialNetwork> social_networks;
  std::vector<Section> sections;
  Design design;
  Locale locale;
  Settings settings;
  /// The top-level `json_resume` mapping as JSON text: JSON Resume fields
  /// that have no place in the CV format (the parts of a postal address,
  /// `meta`), kept for the JSON Resume writer. Empty when absent.
  std::string json_resume_fields;
};

} // namespace cvc
