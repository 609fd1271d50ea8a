#include "templates.hpp"

#include <algorithm>
#include <filesystem>
#include <fstream>
#include <sstream>

namespace cvc {

std::optional<std::string> load_template(std::string_view name,
                                         const std::string& user_dir,
                                         std::string& error) {
  if (!user_dir.empty()) {
    // The user's folder holds the files of one format, as in templates/latex.
    std::string_view file = name.substr(name.find('/') + 1);
    std::filesystem::path path = std::filesystem::path(user_dir) / file;
    std::error_code ec;
    if (std::filesystem::is_regular_file(path, ec)) {
      std::ifstream in(path, std::ios::binary);
      std::ostringstream text;
      text << in.rdbuf();
      if (!in) {
        error = "cannot read template " + path.string();
        return std::nullopt;
      }
      return text.str();
    }
  }
  auto found = builtin_templates().find(name);
  if (found == builtin_templates().end()) {
    error = "template " + std::string(name) + " not found";
    return std::nullopt;
  }
  return std::string(found->second);
}

Template::Template(const std::string& text, std::string_view name)
    : engine_(std::in_place, text), name_(name) {
  // Values reach templates already escaped for the output format.
  engine_->set_custom_escape([](const std::string& value) { return value; });
}

std::optional<std::string> Template::render(const kainjow::mustache::data& data,
                                            std::string& error) {
  if (!engine_ || !engine_->is_valid()) {
    error = "invalid template " + name_ + ": " +
            (engine_ ? engine_->error_message() : "not loaded");
    return std::nullopt;
  }
  std::string out = engine_->render(data);
  if (!engine_->is_valid()) {
    error = "invalid template " + name_ + ": " + engine_->error_message();
    return std::nullopt;
  }
  return out;
}

std::string tidy_blank_lines(std::string_view text) {
  std::string out;
  out.reserve(text.size() + 1);
  size_t newlines = 0;
  size_t i = 0;
  while (i < text.size()) {
    size_t line_feed = text.find('\n', i);
    size_t end = line_feed == std::string_view::npos ? text.size() : line_feed;
    if (end > i) {
      if (newlines > 0 && !out.empty())
        out.append(std::min<size_t>(newlines, 2), '\n');
      newlines = 0;
      out.append(text, i, end - i);
    }
    i = end;
    while (i < text.size() && text[i] == '\n') {
      ++newlines;
      ++i;
    }
  }
  out += '\n';
  return out;
}

std::optional<std::string> render_template(const std::string& text,
                                           const kainjow::mustache::data& data,
                                           std::string_view name,
                                           std::string& error) {
  return Template(text, name).render(data, error);
}

} // namespace cvc
