// Mustache templates: built-in copies and the user's overrides.
#pragma once

#include <kainjow/mustache.hpp>

#include <map>
#include <optional>
#include <string>
#include <string_view>

namespace cvc {

/// The templates under templates/ in the source tree, by relative path
/// (`latex/cv.tex`), compiled into the library.
const std::map<std::string_view, std::string_view>& builtin_templates();

/// Loads a template: the user's copy `user_dir/name` if `user_dir` is set
/// and the file exists, else the built-in one. Sets `error` and returns
/// nothing when neither exists or the user's copy cannot be read.
std::optional<std::string> load_template(std::string_view name,
                                         const std::string& user_dir,
                                         std::string& error);

/// A template parsed once, to render many times (once per entry).
class Template {
public:
  Template() = default;
  Template(const std::string& text, std::string_view name);

  /// Renders the template with values already escaped for its format.
  /// Sets `error` and returns nothing when the template is invalid.
  std::optional<std::string> render(const kainjow::mustache::data& data,
                                    std::string& error);

private:
  std::optional<kainjow::mustache::mustache> engine_;
  std::string name_;
};

/// Returns rendered text with its runs of blank lines merged into one and
/// those at the start and end dropped, ending in one line feed. Mustache
/// leaves a blank line where a section tag stood alone; one blank line and
/// several mean the same to TeX and to CommonMark.
std::string tidy_blank_lines(std::string_view text);

/// Renders a template whose values are already escaped for its format.
/// Sets `error` and returns nothing when the template is invalid.
std::optional<std::string> render_template(const std::string& text,
                                           const kainjow::mustache::data& data,
                                           std::string_view name,
                                           std::string& error);

} // namespace cvc
