#include "markdown_escape.hpp"

#include "markup.hpp"
#include "unicode.hpp"

#include <unicode/uchar.h>

namespace cvc {

namespace {

bool is_ascii_punctuation(char32_t cp) {
  return (cp >= '!' && cp <= '/') || (cp >= ':' && cp <= '@') ||
         (cp >= '[' && cp <= '`') || (cp >= '{' && cp <= '~');
}

bool is_space(char32_t cp) {
  return cp == 0 || cp == ' ' || cp == '\t' || cp == '\n' || cp == '\r' ||
         u_isUWhiteSpace(static_cast<UChar32>(cp));
}

// CommonMark counts Unicode punctuation (categories P and S) for flanking.
bool is_punctuation(char32_t cp) {
  if (cp < 0x80)
    return is_ascii_punctuation(cp);
  int8_t category = u_charType(static_cast<UChar32>(cp));
  return u_ispunct(static_cast<UChar32>(cp)) || category == U_MATH_SYMBOL ||
         category == U_CURRENCY_SYMBOL || category == U_MODIFIER_SYMBOL ||
         category == U_OTHER_SYMBOL;
}

// Whether an underscore between `before` and `after` could open or close
// emphasis under CommonMark's flanking rules.
bool underscore_is_delimiter(char32_t before, char32_t after) {
  bool left = !is_space(after) && (!is_punctuation(after) || is_space(before) ||
                                   is_punctuation(before));
  bool right = !is_space(before) && (!is_punctuation(before) ||
                                     is_space(after) || is_punctuation(after));
  bool can_open = left && (!right || is_punctuation(before));
  bool can_close = right && (!left || is_punctuation(after));
  return can_open || can_close;
}

// `&name;`, `&#123;` and `&#x1F;` are character references in CommonMark.
bool starts_entity(const std::u32string& text, size_t amp) {
  size_t i = amp + 1;
  if (i < text.size() && text[i] == '#') {
    ++i;
    if (i < text.size() && (text[i] == 'x' || text[i] == 'X'))
      ++i;
  }
  size_t start = i;
  while (i < text.size() && ((text[i] >= 'a' && text[i] <= 'z') ||
                             (text[i] >= 'A' && text[i] <= 'Z') ||
                             (text[i] >= '0' && text[i] <= '9')))
    ++i;
  return i > start && i < text.size() && text[i] == ';';
}

std::u32string decode(std::string_view text) {
  std::u32string out;
  size_t pos = 0;
  while (pos < text.size())
    out += next_code_point(text, pos);
  return out;
}

// Returns the index of the character that starts a block at the start of
// `cps` (after blanks), where a backslash must go, or npos.
size_t block_marker(const std::u32string& cps) {
  size_t i = 0;
  while (i < cps.size() && (cps[i] == ' ' || cps[i] == '\t'))
    ++i;
  if (i >= cps.size())
    return std::u32string::npos;
  char32_t c = cps[i];
  if (c == '#' || c == '>' || c == '-' || c == '+' || c == '=' || c == '~' ||
      c == ':')
    return i;
  size_t digits = i;
  while (digits < cps.size() && cps[digits] >= '0' && cps[digits] <= '9')
    ++digits;
  bool blank_after = digits + 1 >= cps.size() || cps[digits + 1] == ' ' ||
                     cps[digits + 1] == '\t';
  if (digits > i && digits < cps.size() &&
      (cps[digits] == '.' || cps[digits] == ')') && blank_after)
    return digits;
  return std::u32string::npos;
}

std::string escape_text(std::string_view text, bool at_line_start) {
  std::u32string cps = decode(text);
  size_t marker = at_line_start ? block_marker(cps) : std::u32string::npos;
  std::string out;
  for (size_t i = 0; i < cps.size(); ++i) {
    char32_t cp = cps[i];
    char32_t before = i > 0 ? cps[i - 1] : 0;
    char32_t after = i + 1 < cps.size() ? cps[i + 1] : 0;
    if (i == marker && cp != '*' && cp != '_') {
      out += '\\';
      out += static_cast<char>(cp);
      continue;
    }
    switch (cp) {
    case '\\':
    case '`':
    case '*':
    case '[':
    case ']':
    case '<':
    case '|':
    case '~':
      out += '\\';
      out += static_cast<char>(cp);
      continue;
    case '_':
      // An underscore inside a word stays as it is; one that could start
      // or end emphasis becomes a character reference, which CommonMark
      // never reads as a delimiter.
      out += underscore_is_delimiter(before, after) ? "&#95;" : "_";
      continue;
    case '&':
      out += starts_entity(cps, i) ? "&amp;" : "&";
      continue;
    case '\n':
    case '\r':
    case '\t':
      out += ' ';
      continue;
    default:
      append_utf8(out, cp);
    }
  }
  return out;
}

std::string escape_url(std::string_view url) {
  std::string out = "<";
  for (char c : url) {
    switch (c) {
    case '<':
      out += "%3C";
      break;
    case '>':
      out += "%3E";
      break;
    case ' ':
      out += "%20";
      break;
    case '\\':
      out += "%5C";
      break;
    case '\n':
    case '\r':
      break;
    default:
      out += c;
    }
  }
  out += '>';
  return out;
}

std::string escape_code(std::string_view code) {
  // The fence is one backtick longer than the longest run inside, and a
  // space pads a span that starts or ends with a backtick.
  size_t longest = 0;
  size_t run = 0;
  for (char c : code) {
    run = c == '`' ? run + 1 : 0;
    longest = std::max(longest, run);
  }
  std::string fence(longest + 1, '`');
  std::string body(code);
  for (char& c : body)
    if (c == '\n' || c == '\r')
      c = ' ';
  bool pad = !body.empty() && (body.front() == '`' || body.back() == '`' ||
                               (body.front() == ' ' && body.back() == ' '));
  return fence + (pad ? " " : "") + body + (pad ? " " : "") + fence;
}

} // namespace

std::string escape_markdown(std::string_view text, MarkdownContext context,
                            bool at_line_start) {
  switch (context) {
  case MarkdownContext::Text:
    return escape_text(text, at_line_start);
  case MarkdownContext::Url:
    return escape_url(text);
  case MarkdownContext::Verbatim:
    return escape_code(text);
  }
  return {};
}

namespace {

class MarkdownRenderer {
public:
  std::string render(const MarkupNode& node, size_t indent) {
    render_blocks(node, indent);
    while (!out_.empty() && out_.back() == '\n')
      out_.pop_back();
    return out_;
  }

private:
  std::string out_;
  bool line_start_ = true;

  void newline(size_t indent) {
    out_ += '\n';
    out_ += std::string(indent, ' ');
    line_start_ = true;
  }

  // Emphasis written with `*` only works when the text inside starts and
  // ends with a letter or digit; otherwise raw HTML keeps the meaning.
  static bool flanks_cleanly(const MarkupNode& node) {
    std::u32string cps = decode(to_plain_text(node));
    if (cps.empty())
      return false;
    return !is_space(cps.front()) && !is_punctuation(cps.front()) &&
           !is_space(cps.back()) && !is_punctuation(cps.back());
  }

  void render_inlines(const MarkupNode& parent, size_t indent) {
    for (const MarkupNode& child : parent.children)
      render_inline(child, indent);
  }

  void render_inline(const MarkupNode& node, size_t indent) {
    switch (node.kind) {
    case NodeKind::Text:
      out_ += escape_text(node.literal, line_start_);
      break;
    case NodeKind::Code:
      out_ += escape_code(node.literal);
      break;
    case NodeKind::Emph:
    case NodeKind::Strong: {
      bool strong = node.kind == NodeKind::Strong;
      bool markdown = flanks_cleanly(node);
      out_ += markdown ? (strong ? "**" : "*") : (strong ? "<strong>" : "<em>");
      line_start_ = false;
      render_inlines(node, indent);
      out_ +=
          markdown ? (strong ? "**" : "*") : (strong ? "</strong>" : "</em>");
      break;
    }
    case NodeKind::Link:
      out_ += '[';
      line_start_ = false;
      render_inlines(node, indent);
      out_ += "](" + escape_url(node.literal) + ")";
      break;
    case NodeKind::SoftBreak:
      newline(indent);
      return;
    case NodeKind::LineBreak:
      out_ += '\\';
      newline(indent);
      return;
    default:
      render_blocks(node, indent);
      return;
    }
    line_start_ = false;
  }

  void render_blocks(const MarkupNode& node, size_t indent) {
    switch (node.kind) {
    case NodeKind::Document:
    case NodeKind::Item: {
      bool first = true;
      for (const MarkupNode& child : node.children) {
        if (!first) {
          // A blank line separates blocks; it needs no indentation.
          out_ += '\n';
          newline(indent);
        }
        render_blocks(child, indent);
        first = false;
      }
      break;
    }
    case NodeKind::Paragraph:
      render_inlines(node, indent);
      break;
    case NodeKind::BulletList:
    case NodeKind::OrderedList: {
      bool ordered = node.kind == NodeKind::OrderedList;
      int number = node.list_start;
      bool first = true;
      for (const MarkupNode& item : node.children) {
        if (!first) {
          if (!node.tight)
            out_ += '\n';
          newline(indent);
        }
        std::string marker = ordered ? std::to_string(number++) + ". " : "- ";
        out_ += marker;
        line_start_ = false;
        render_blocks(item, indent + marker.size());
        first = false;
      }
      break;
    }
    default:
      render_inline(node, indent);
      break;
    }
  }
};

} // namespace

std::string render_markdown(const MarkupNode& node, size_t indent) {
  MarkdownRenderer renderer;
  return renderer.render(node, indent);
}

} // namespace cvc
