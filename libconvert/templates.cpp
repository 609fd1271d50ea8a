#include "templates.hpp"

#include <algorithm>
#include <cstddef>
#include <filesystem>
#include <fstream>
#include <sstream>

namespace cvc {

std::optional<std::string> load_template(std::string_view name,
                                         const std::string& user_dir,
                                         std::string& error,
                                         std::string* source) {
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
      if (source)
        *source = path.string();
      // Line ends become line feeds, so that a template saved with CRLF or
      // CR renders as the built-in one does and its errors count lines.
      std::string content = text.str();
      std::string normal;
      normal.reserve(content.size());
      for (size_t i = 0; i < content.size(); ++i) {
        if (content[i] != '\r')
          normal += content[i];
        else if (i + 1 == content.size() || content[i + 1] != '\n')
          normal += '\n';
      }
      return normal;
    }
  }
  auto found = builtin_templates().find(name);
  if (found == builtin_templates().end()) {
    error = "template " + std::string(name) + " not found";
    return std::nullopt;
  }
  if (source)
    *source = std::string(name);
  return std::string(found->second);
}

void TemplateData::set(std::string_view name, TemplateData value) {
  if (kind_ != Kind::Map)
    return;
  for (size_t i = 0; i < names_.size(); ++i)
    if (names_[i] == name) {
      items_[i] = std::move(value);
      return;
    }
  names_.emplace_back(name);
  items_.push_back(std::move(value));
}

size_t TemplateData::text_size() const {
  size_t size = kind_ == Kind::String ? text_.size() : 0;
  for (const TemplateData& item : items_)
    size += item.text_size();
  return size;
}

const TemplateData* TemplateData::get(std::string_view name) const {
  if (kind_ != Kind::Map)
    return nullptr;
  for (size_t i = 0; i < names_.size(); ++i)
    if (names_[i] == name)
      return &items_[i];
  return nullptr;
}

namespace {

enum class NodeKind : unsigned char {
  Text,
  Newline,
  Variable,
  Section,
  Inverted,
  Partial
};

struct Node {
  NodeKind kind;
  // The characters of a text or line break, or the name of a tag.
  std::string text;
  // The name of a variable or section, split at its dots. It is empty for
  // `.`, the current item.
  std::vector<std::string> path;
  // A section's end: the index of the first node after its content.
  size_t end = 0;
};

bool is_space(char c) {
  return c == ' ' || c == '\t' || c == '\n' || c == '\v' || c == '\f' ||
         c == '\r';
}

std::string_view trim(std::string_view text) {
  while (!text.empty() && is_space(text.front()))
    text.remove_prefix(1);
  while (!text.empty() && is_space(text.back()))
    text.remove_suffix(1);
  return text;
}

// The line of a byte offset, for error messages.
size_t line_of(std::string_view text, size_t offset) {
  return 1 + std::count(text.begin(), text.begin() + offset, '\n');
}

// Reads the delimiters of a `=begin end=` tag's content. Delimiters may not
// contain blanks or `=`.
bool read_delimiters(std::string_view content, std::string& begin,
                     std::string& end) {
  if (content.size() < 5 || content.back() != '=')
    return false;
  std::string_view inner = trim(content.substr(1, content.size() - 2));
  size_t space = inner.find(' ');
  if (space == std::string_view::npos)
    return false;
  std::string_view first = inner.substr(0, space);
  std::string_view second = inner.substr(inner.find_first_not_of(' ', space));
  for (std::string_view delimiter : {first, second})
    for (char c : delimiter)
      if (c == '=' || is_space(c))
        return false;
  begin = first;
  end = second;
  return true;
}

// A name's parts between dots; a trailing dot adds no empty part.
std::vector<std::string> name_path(std::string_view name) {
  std::vector<std::string> path;
  if (name == ".")
    return path;
  size_t start = 0;
  while (start < name.size()) {
    size_t dot = name.find('.', start);
    if (dot == std::string_view::npos)
      dot = name.size();
    path.emplace_back(name.substr(start, dot - start));
    start = dot + 1;
  }
  if (name.empty())
    path.emplace_back();
  return path;
}

} // namespace

struct Template::Parsed {
  std::vector<Node> nodes;
  std::string error;
  // The partials rendered so far, parsed, by their text.
  std::map<std::string, std::unique_ptr<Parsed>, std::less<>> partials;

  explicit Parsed(std::string_view input);
};

Template::Parsed::Parsed(std::string_view input) {
  std::string begin = "{{";
  std::string end = "}}";
  // The sections open at this point of the text: node index and offset.
  std::vector<std::pair<size_t, size_t>> open;
  size_t pos = 0;
  auto add = [&](NodeKind kind, std::string_view text) {
    nodes.push_back(Node{kind, std::string(text), {}, 0});
  };
  while (pos < input.size()) {
    // Text up to the next tag or line break.
    size_t stop = pos;
    while (stop < input.size() && input[stop] != '\n' && input[stop] != '\r' &&
           input.compare(stop, begin.size(), begin) != 0)
      ++stop;
    if (stop > pos)
      add(NodeKind::Text, input.substr(pos, stop - pos));
    pos = stop;
    if (pos == input.size())
      break;
    if (input[pos] == '\n' || input[pos] == '\r') {
      size_t length = input.compare(pos, 2, "\r\n") == 0 ? 2 : 1;
      add(NodeKind::Newline, input.substr(pos, length));
      pos += length;
      continue;
    }

    size_t tag_start = pos;
    size_t content_start = pos + begin.size();
    // With the default delimiters, `{{{name}}}` inserts a value as it is.
    bool triple = begin == "{{" && end == "}}" &&
                  content_start < input.size() && input[content_start] == '{';
    std::string_view closing = triple ? std::string_view("}}}") : end;
    if (triple)
      ++content_start;
    size_t content_end = input.find(closing, content_start);
    if (content_end == std::string_view::npos) {
      error =
          "unclosed tag at line " + std::to_string(line_of(input, tag_start));
      return;
    }
    pos = content_end + closing.size();
    std::string_view content =
        trim(input.substr(content_start, content_end - content_start));
    if (!content.empty() && content[0] == '=') {
      if (!read_delimiters(content, begin, end)) {
        error = "invalid delimiter tag at line " +
                std::to_string(line_of(input, tag_start));
        return;
      }
      continue;
    }
    char sigil = triple || content.empty() ? '\0' : content[0];
    std::string_view name =
        std::string_view("#^/>&!").find(sigil) == std::string_view::npos ||
                sigil == '\0'
            ? content
            : trim(content.substr(1));
    switch (sigil) {
    case '!':
      break;
    case '>':
      add(NodeKind::Partial, name);
      break;
    case '#':
    case '^':
      open.emplace_back(nodes.size(), tag_start);
      add(sigil == '#' ? NodeKind::Section : NodeKind::Inverted, name);
      nodes.back().path = name_path(name);
      break;
    case '/':
      if (open.empty()) {
        error = "section \"" + std::string(name) + "\" closed at line " +
                std::to_string(line_of(input, tag_start)) + " was never opened";
        return;
      }
      if (nodes[open.back().first].text != name) {
        error = "section \"" + nodes[open.back().first].text +
                "\" is closed by \"" + std::string(name) + "\" at line " +
                std::to_string(line_of(input, tag_start));
        return;
      }
      nodes[open.back().first].end = nodes.size();
      open.pop_back();
      break;
    default:
      add(NodeKind::Variable, name);
      nodes.back().path = name_path(name);
    }
  }
  if (!open.empty())
    error = "section \"" + nodes[open.front().first].text +
            "\" opened at line " +
            std::to_string(line_of(input, open.front().second)) +
            " is never closed";
}

namespace {

// Renders parsed nodes into one string. A line is written to `out` as it
// is rendered. At its end it is taken back if a section began or ended on
// it and it contains nothing but blanks.
class Renderer {
public:
  std::string out;
  std::string error;

  explicit Renderer(const TemplateData& data) { stack_.push_back(&data); }

  void render(Template::Parsed& parsed, size_t first, size_t last);
  void end_line(std::string_view line_break);

private:
  std::vector<const TemplateData*> stack_;
  size_t line_start_ = 0;
  bool had_section_ = false;
  // Sections and partials being rendered, one inside the other. Each one
  // is a call deeper, so a template that nests without end (a partial that
  // renders itself) stops at kMaxDepth instead of overflowing the stack.
  static constexpr int kMaxDepth = 256;
  int depth_ = 0;
  // Bounds on one rendering. A CV of 13.8 MB renders its LaTeX far below
  // them.
  static constexpr size_t kMaxOutputBytes = 256 * 1024 * 1024;
  static constexpr size_t kMaxSteps = 10'000'000;
  size_t steps_ = 0;

  // Enters a section or partial. Returns false, with `error` set, past
  // kMaxDepth.
  bool enter() {
    if (depth_ == kMaxDepth) {
      error = "sections and partials nest more than " +
              std::to_string(kMaxDepth) + " deep";
      return false;
    }
    ++depth_;
    return true;
  }

  const TemplateData* find(const Node& node) const;
  void section(Template::Parsed& parsed, size_t index,
               const TemplateData* value);
};

const TemplateData* Renderer::find(const Node& node) const {
  if (node.path.empty())
    return stack_.back();
  for (auto it = stack_.rbegin(); it != stack_.rend(); ++it) {
    const TemplateData* value = *it;
    for (const std::string& part : node.path) {
      value = value->get(part);
      if (!value)
        break;
    }
    if (value)
      return value;
  }
  return nullptr;
}

void Renderer::end_line(std::string_view line_break) {
  if (had_section_ && std::all_of(out.begin() + line_start_, out.end(),
                                  [](char c) { return c == ' ' || c == '\t'; }))
    out.resize(line_start_);
  else
    out += line_break;
  line_start_ = out.size();
  had_section_ = false;
}

void Renderer::section(Template::Parsed& parsed, size_t index,
                       const TemplateData* value) {
  const Node& node = parsed.nodes[index];
  auto once = [&](const TemplateData* item) {
    if (!enter())
      return;
    had_section_ = true;
    if (item)
      stack_.push_back(item);
    render(parsed, index + 1, node.end);
    if (item)
      stack_.pop_back();
    had_section_ = true;
    --depth_;
  };
  if (value && value->kind() == TemplateData::Kind::List &&
      !value->items().empty()) {
    for (const TemplateData& item : value->items()) {
      once(&item);
      if (!error.empty())
        return;
    }
  } else {
    once(value);
  }
}

void Renderer::render(Template::Parsed& parsed, size_t first, size_t last) {
  using Kind = TemplateData::Kind;
  for (size_t i = first; i < last && error.empty(); ++i) {
    // Sections nested over lists repeat their content once per item at
    // every level, so a short template can ask for an output without end.
    if (++steps_ > kMaxSteps || out.size() > kMaxOutputBytes) {
      error = "rendering stopped after " +
              std::to_string(out.size() / (1024 * 1024)) + " MiB of output " +
              "and " + std::to_string(steps_) +
              " tags and texts: sections nested over lists repeat too often";
      break;
    }
    const Node& node = parsed.nodes[i];
    switch (node.kind) {
    case NodeKind::Text:
      out += node.text;
      break;
    case NodeKind::Newline:
      end_line(node.text);
      break;
    case NodeKind::Variable:
      if (const TemplateData* value = find(node);
          value && value->kind() == Kind::String)
        out += value->text();
      break;
    case NodeKind::Section:
    case NodeKind::Inverted: {
      const TemplateData* value = find(node);
      bool is_true = value && value->kind() != Kind::False &&
                     !(value->kind() == Kind::List && value->items().empty());
      if (is_true == (node.kind == NodeKind::Section))
        section(parsed, i, value);
      i = node.end - 1;
      break;
    }
    case NodeKind::Partial: {
      const TemplateData* value = nullptr;
      for (auto it = stack_.rbegin(); it != stack_.rend() && !value; ++it)
        value = (*it)->get(node.text);
      if (!value ||
          (value->kind() != Kind::Partial && value->kind() != Kind::String))
        break;
      auto found = parsed.partials.find(value->text());
      if (found == parsed.partials.end())
        found = parsed.partials
                    .emplace(value->text(),
                             std::make_unique<Template::Parsed>(value->text()))
                    .first;
      Template::Parsed& partial = *found->second;
      if (!partial.error.empty()) {
        error = "partial \"" + node.text + "\": " + partial.error;
      } else if (enter()) {
        render(partial, 0, partial.nodes.size());
        --depth_;
      }
      break;
    }
    }
  }
}

} // namespace

Template::Template() = default;
Template::Template(Template&&) noexcept = default;
Template& Template::operator=(Template&&) noexcept = default;
Template::~Template() = default;

Template::Template(std::string_view text, std::string_view name)
    : parsed_(std::make_unique<Parsed>(text)), name_(name) {}

std::optional<std::string> Template::render(const TemplateData& data,
                                            std::string& error) {
  if (!parsed_ || !parsed_->error.empty()) {
    error = "invalid template " + name_ + ": " +
            (parsed_ ? parsed_->error : "not loaded");
    return std::nullopt;
  }
  Renderer renderer(data);
  // Most of the output is the data's text, so room for it is made at once
  // instead of by doubling as the text grows.
  renderer.out.reserve(data.text_size());
  renderer.render(*parsed_, 0, parsed_->nodes.size());
  if (!renderer.error.empty()) {
    error = "invalid template " + name_ + ": " + renderer.error;
    return std::nullopt;
  }
  renderer.end_line("");
  return std::move(renderer.out);
}

std::string tidy_blank_lines(std::string text) {
  // The text shrinks or keeps its length, so it is rewritten in place. Its
  // first `written` bytes are final, and `i` reads ahead of them.
  size_t written = 0;
  size_t newlines = 0;
  size_t i = 0;
  while (i < text.size()) {
    size_t line_feed = text.find('\n', i);
    size_t end = line_feed == std::string::npos ? text.size() : line_feed;
    if (end > i) {
      if (newlines > 0 && written > 0) {
        for (size_t k = std::min<size_t>(newlines, 2); k > 0; --k)
          text[written++] = '\n';
      }
      newlines = 0;
      // `written` is at or before `i`, so a forward copy is safe.
      std::copy(text.begin() + i, text.begin() + end, text.begin() + written);
      written += end - i;
    }
    i = end;
    while (i < text.size() && text[i] == '\n') {
      ++newlines;
      ++i;
    }
  }
  text.resize(written);
  text += '\n';
  return text;
}

std::optional<std::string> render_template(std::string_view text,
                                           const TemplateData& data,
                                           std::string_view name,
                                           std::string& error) {
  return Template(text, name).render(data, error);
}

} // namespace cvc
