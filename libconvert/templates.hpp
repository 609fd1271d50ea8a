// Mustache templates: built-in copies, the user's overrides, and the
// engine that renders them.
#pragma once

#include <map>
#include <memory>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace cvc {

/// The templates under templates/ in the source tree, by relative path
/// (`latex/cv.tex`), compiled into the library.
const std::map<std::string_view, std::string_view>& builtin_templates();

/// Loads a template: the user's copy `user_dir/name` if `user_dir` is set
/// and the file exists, else the built-in one. Sets `error` and returns
/// nothing when neither exists or the user's copy cannot be read. Sets
/// `source`, when given, to the name for messages: the user's file, or
/// `name` for a built-in template.
std::optional<std::string> load_template(std::string_view name,
                                         const std::string& user_dir,
                                         std::string& error,
                                         std::string* source = nullptr);

/// A value that a template reads: a map from names to values (the
/// default), a string, a truth value, a list, or the text of a partial.
class TemplateData {
public:
  enum class Kind : unsigned char { Map, String, True, False, List, Partial };

  TemplateData() = default;
  TemplateData(std::string text)
      : kind_(Kind::String), text_(std::move(text)) {}
  TemplateData(std::string_view text) : TemplateData(std::string(text)) {}
  TemplateData(const char* text) : TemplateData(std::string(text)) {}
  TemplateData(bool value) : kind_(value ? Kind::True : Kind::False) {}

  static TemplateData list() { return TemplateData(Kind::List); }
  /// Returns a partial, which `{{> name}}` renders in place as a template.
  static TemplateData partial(std::string text) {
    TemplateData out(Kind::Partial);
    out.text_ = std::move(text);
    return out;
  }

  Kind kind() const { return kind_; }
  /// The text of a string or a partial.
  const std::string& text() const { return text_; }
  /// The items of a list.
  const std::vector<TemplateData>& items() const { return items_; }

  /// Sets the value under `name` in a map, replacing an earlier one.
  void set(std::string_view name, TemplateData value);
  /// Appends an item to a list.
  void push_back(TemplateData value) { items_.push_back(std::move(value)); }
  /// Returns the length of every string in this value and under it.
  size_t text_size() const;
  /// Returns the value under `name` in a map, or null for other kinds.
  const TemplateData* get(std::string_view name) const;

private:
  explicit TemplateData(Kind kind) : kind_(kind) {}

  Kind kind_ = Kind::Map;
  std::string text_;
  // A map's values, each with its name in names_ at the same index; a
  // list's items. Maps contain a few dozen names at most, so a search along
  // the vector is quicker than hashing.
  std::vector<std::string> names_;
  std::vector<TemplateData> items_;
};

/// A template parsed once, to render many times (once per entry). Its
/// partials are parsed the first time they are rendered.
///
/// The engine renders as kainjow::mustache 4.1 does, tag for tag, and a
/// test compares the two on random templates:
/// - `{{name}}`, `{{{name}}}` and `{{&name}}` insert a string as it is,
///   because values reach templates already escaped for their format;
/// - `{{#name}}` repeats its content for each item of a list, and renders
///   it once for any other value but false;
/// - `{{^name}}` renders its content for a missing value, false or an
///   empty list;
/// - `{{> name}}` renders the partial (or string) named `name` in place;
/// - `{{! comment}}` and `{{=<< >>=}}` (new delimiters) print nothing;
/// - names may be dotted (`a.b`), and `.` is the current item;
/// - a line on which a section was rendered, and that holds only blanks,
///   is left out.
class Template {
public:
  Template();
  Template(std::string_view text, std::string_view name);
  Template(Template&&) noexcept;
  Template& operator=(Template&&) noexcept;
  ~Template();

  /// Renders the template with `data`. Sets `error` and returns nothing
  /// when the template or a partial it renders is invalid.
  std::optional<std::string> render(const TemplateData& data,
                                    std::string& error);

  struct Parsed;

private:
  std::unique_ptr<Parsed> parsed_;
  std::string name_;
};

/// Returns rendered text with its runs of blank lines merged into one and
/// those at the start and end dropped, ending in one line feed. Mustache
/// leaves a blank line where a section tag stood alone; one blank line and
/// several mean the same to TeX and to CommonMark.
std::string tidy_blank_lines(std::string text);

/// Renders a template whose values are already escaped for its format.
/// Sets `error` and returns nothing when the template is invalid.
std::optional<std::string> render_template(std::string_view text,
                                           const TemplateData& data,
                                           std::string_view name,
                                           std::string& error);

} // namespace cvc
