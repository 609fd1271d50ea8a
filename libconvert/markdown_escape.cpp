#include "markdown_escape.hpp"

#include "links.hpp"
#include "markup.hpp"
#include "unicode.hpp"

#include <unicode/uchar.h>

#include <algorithm>

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
bool starts_entity(std::string_view text, size_t amp) {
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

// Returns the index of the character that starts a block at the start of
// `text` (after blanks), where a backslash must go, or npos.
size_t block_marker(std::string_view text) {
  size_t i = text.find_first_not_of(" \t");
  if (i == std::string_view::npos)
    return std::string_view::npos;
  char c = text[i];
  if (c == '#' || c == '>' || c == '-' || c == '+' || c == '=' || c == '~' ||
      c == ':')
    return i;
  // Three or more underscores, with only blanks between them, make a
  // thematic break. One between blanks is not an emphasis delimiter, so
  // escape_text would leave `_ _ _` as it is.
  if (c == '_' && text.find_first_not_of("_ \t", i) == std::string_view::npos &&
      std::count(text.begin() + i, text.end(), '_') >= 3)
    return i;
  size_t digits = i;
  while (digits < text.size() && text[digits] >= '0' && text[digits] <= '9')
    ++digits;
  bool blank_after = digits + 1 >= text.size() || text[digits + 1] == ' ' ||
                     text[digits + 1] == '\t';
  if (digits > i && digits < text.size() &&
      (text[digits] == '.' || text[digits] == ')') && blank_after)
    return digits;
  return std::string_view::npos;
}

// The code point that ends just before byte `end` of `text`, or 0 at its
// start.
char32_t code_point_before(std::string_view text, size_t end) {
  if (end == 0)
    return 0;
  size_t start = end - 1;
  while (start > 0 && (static_cast<unsigned char>(text[start]) & 0xC0) == 0x80)
    --start;
  return next_code_point(text, start);
}

std::string escape_text(std::string_view text, bool at_line_start) {
  // Blanks at the start of a line are not shown, and four of them would
  // open a code block.
  if (at_line_start)
    text.remove_prefix(std::min(text.find_first_not_of(" \t"), text.size()));
  size_t marker = at_line_start ? block_marker(text) : std::string_view::npos;
  std::string out;
  out.reserve(text.size() + text.size() / 16);
  // Bytes from `copied` to the current one need no escape and are copied
  // in one run; the characters that need one are all ASCII.
  size_t copied = 0;
  for (size_t i = 0; i < text.size(); ++i) {
    char c = text[i];
    std::string_view replacement;
    char escaped[2] = {'\\', c};
    if (i == marker && c != '*') {
      replacement = {escaped, 2};
    } else {
      switch (c) {
      case '\\':
      case '`':
      case '*':
      case '[':
      case ']':
      case '<':
      case '|':
      case '~':
        replacement = {escaped, 2};
        break;
      case '_': {
        // An underscore inside a word stays as it is. One that could start
        // or end emphasis becomes a character reference, because CommonMark
        // never reads that as a delimiter.
        size_t next = i + 1;
        char32_t after = next < text.size() ? next_code_point(text, next) : 0;
        if (underscore_is_delimiter(code_point_before(text, i), after))
          replacement = "&#95;";
        else
          continue;
        break;
      }
      case '&':
        if (starts_entity(text, i))
          replacement = "&amp;";
        else
          continue;
        break;
      case '\n':
      case '\r':
      case '\t':
        replacement = " ";
        break;
      default:
        continue;
      }
    }
    out.append(text, copied, i - copied);
    out += replacement;
    copied = i + 1;
  }
  out.append(text, copied);
  return out;
}

std::string escape_url(std::string_view url) {
  std::string out = "<";
  for (size_t i = 0; i < url.size(); ++i) {
    char c = url[i];
    switch (c) {
    case '&':
      // A destination's character references are decoded, so `&amp;`
      // typed in a URL is written `&amp;amp;`.
      out += starts_entity(url, i) ? "&amp;" : "&";
      break;
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
  // CommonMark strips one space from each end of a span that has a
  // character other than a space, so only such a span gets padding.
  bool has_non_space = body.find_first_not_of(' ') != std::string::npos;
  bool pad = has_non_space && (body.front() == '`' || body.back() == '`' ||
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

// Appends a marker of the canonical form: U+0001 and a letter. Built from
// two characters because the literal "\x01E" would be the one byte 0x1E.
void mark(std::string& out, char letter) {
  out += '\x01';
  out += letter;
}

// A canonical form of inline content for comparing two trees: text runs
// are concatenated, markup becomes control markers, and a link that no
// output keeps (an unsafe scheme) is replaced by its text.
void canonical(const MarkupNode& node, std::string& out) {
  switch (node.kind) {
  case NodeKind::Text:
    out += node.literal;
    return;
  case NodeKind::Code:
    mark(out, 'C');
    out += node.literal;
    mark(out, 'c');
    return;
  case NodeKind::SoftBreak:
    mark(out, 'b');
    return;
  case NodeKind::LineBreak:
    mark(out, 'B');
    return;
  case NodeKind::Emph:
  case NodeKind::Strong: {
    bool emph = node.kind == NodeKind::Emph;
    mark(out, emph ? 'E' : 'S');
    for (const MarkupNode& child : node.children)
      canonical(child, out);
    mark(out, emph ? 'e' : 's');
    return;
  }
  case NodeKind::Link: {
    bool kept = is_safe_link(node.literal);
    if (kept) {
      mark(out, 'L');
      out += node.literal;
      mark(out, 'l');
    }
    for (const MarkupNode& child : node.children)
      canonical(child, out);
    if (kept)
      mark(out, 'k');
    return;
  }
  default:
    for (const MarkupNode& child : node.children)
      canonical(child, out);
    return;
  }
}

std::string canonical(const MarkupNode& node) {
  std::string out;
  canonical(node, out);
  return out;
}

class MarkdownRenderer {
public:
  MarkdownRenderer(Diagnostics* diagnostics, std::string_view field,
                   SourcePos pos)
      : diagnostics_(diagnostics), field_(field), pos_(pos) {}

  std::string render(const MarkupNode& node, size_t indent) {
    render_blocks(node, indent, true);
    while (!out_.empty() && out_.back() == '\n')
      out_.pop_back();
    return out_;
  }

private:
  std::string out_;
  bool line_start_ = true;
  // Emphasis is written as <em> and <strong> while this is set.
  bool html_emphasis_ = false;
  // The `*` and `**` delimiters written so far, in order: their offsets in
  // out_, lengths, and whether they open emphasis.
  struct Delimiter {
    size_t at;
    size_t length;
    bool opens;
  };
  std::vector<Delimiter> delimiters_;
  Diagnostics* diagnostics_;
  std::string_view field_;
  SourcePos pos_;

  void newline(size_t indent) {
    out_ += '\n';
    out_ += std::string(indent, ' ');
    line_start_ = true;
  }

  void render_inlines(const MarkupNode& parent, size_t indent) {
    for (const MarkupNode& child : parent.children)
      render_inline(child, indent);
  }

  void render_inline(const MarkupNode& node, size_t indent) {
    switch (node.kind) {
    case NodeKind::Text: {
      std::string_view text = node.literal;
      // Blanks at the start of a line are not shown, and four of them
      // would open a code block.
      if (line_start_)
        text.remove_prefix(
            std::min(text.find_first_not_of(" \t"), text.size()));
      out_ += escape_text(text, line_start_);
      break;
    }
    case NodeKind::Code:
      out_ += escape_code(node.literal);
      break;
    case NodeKind::Emph:
    case NodeKind::Strong: {
      bool strong = node.kind == NodeKind::Strong;
      if (!html_emphasis_)
        delimiters_.push_back({out_.size(), strong ? 2u : 1u, true});
      out_ += html_emphasis_ ? (strong ? "<strong>" : "<em>")
                             : (strong ? "**" : "*");
      line_start_ = false;
      render_inlines(node, indent);
      if (!html_emphasis_)
        delimiters_.push_back({out_.size(), strong ? 2u : 1u, false});
      out_ += html_emphasis_ ? (strong ? "</strong>" : "</em>")
                             : (strong ? "**" : "*");
      break;
    }
    case NodeKind::Link:
      if (!is_safe_link(node.literal)) {
        if (diagnostics_)
          diagnostics_->warning(pos_, "dropped link to '" + node.literal +
                                          "' in '" + std::string(field_) +
                                          "': only http, https, mailto and "
                                          "tel links are kept");
        render_inlines(node, indent);
        break;
      }
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
      render_blocks(node, indent, true);
      return;
    }
    line_start_ = false;
  }

  // Writes a paragraph with `*` emphasis, parses it back, and if the
  // emphasis did not come back as written (a delimiter next to
  // punctuation that CommonMark does not read as one), writes it again
  // with <em> and <strong>.
  void render_paragraph(const MarkupNode& node, size_t indent) {
    size_t mark = out_.size();
    bool line_start = line_start_;
    size_t first_delimiter = delimiters_.size();
    render_inlines(node, indent);
    bool plain = plainly_flanking(mark, first_delimiter);
    delimiters_.resize(first_delimiter);
    if (plain)
      return;
    std::string written = out_.substr(mark);
    MarkupNode reparsed = parse_inline_markup(written);
    std::string expected = canonical(node);
    if (canonical(reparsed) == expected)
      return;
    out_.resize(mark);
    line_start_ = line_start;
    html_emphasis_ = true;
    render_inlines(node, indent);
    html_emphasis_ = false;
  }

  // Returns whether every delimiter from delimiters_[first] on comes back
  // as written when the paragraph from out_[mark] is parsed alone, without
  // parsing it. An opener has a space, a line break, `(`, `"` or the
  // paragraph's start before it and an ASCII letter or digit after it. A
  // closer has an ASCII letter or digit before it, and a space, a line
  // break, the end or `.,;:)!?"` after it. CommonMark then reads each
  // opener as only able to open and each closer as only able to close, so
  // it pairs them as they were nested.
  bool plainly_flanking(size_t mark, size_t first) const {
    auto alnum = [](char c) {
      return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') ||
             (c >= '0' && c <= '9');
    };
    auto opens_after = [](char c) {
      return c == ' ' || c == '\n' || c == '(' || c == '"';
    };
    auto closes_before = [](char c) {
      return std::string_view(" \n.,;:)!?\"").find(c) != std::string_view::npos;
    };
    for (size_t i = first; i < delimiters_.size(); ++i) {
      const Delimiter& d = delimiters_[i];
      size_t end = d.at + d.length;
      char before = d.at > mark ? out_[d.at - 1] : '\0';
      char after = end < out_.size() ? out_[end] : '\0';
      bool plain =
          d.opens ? (before == '\0' || opens_after(before)) && alnum(after)
                  : alnum(before) && (after == '\0' || closes_before(after));
      if (!plain)
        return false;
    }
    return true;
  }

  void render_blocks(const MarkupNode& node, size_t indent, bool tight) {
    switch (node.kind) {
    case NodeKind::Document:
    case NodeKind::Item: {
      bool first = true;
      for (const MarkupNode& child : node.children) {
        if (!first) {
          // Blocks of a loose list item or a document are separated by a
          // blank line; in a tight list one line break is enough.
          if (!(node.kind == NodeKind::Item && tight))
            out_ += '\n';
          newline(indent);
        }
        render_blocks(child, indent, tight);
        first = false;
      }
      break;
    }
    case NodeKind::Paragraph:
      render_paragraph(node, indent);
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
        // The item's text starts a line of its own as far as block
        // markers go: `- # x` would make a heading.
        line_start_ = true;
        render_blocks(item, indent + marker.size(), node.tight);
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

std::string render_markdown(const MarkupNode& node, size_t indent,
                            Diagnostics* diagnostics, std::string_view field,
                            SourcePos pos) {
  MarkdownRenderer renderer(diagnostics, field, pos);
  return renderer.render(node, indent);
}

} // namespace cvc
