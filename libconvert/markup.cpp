#include "markup.hpp"

#include <cmark.h>

#include <memory>

namespace cvc {

namespace {

struct CmarkNodeDeleter {
  void operator()(cmark_node* node) const { cmark_node_free(node); }
};

std::string literal_of(cmark_node* node) {
  const char* literal = cmark_node_get_literal(node);
  return literal ? literal : "";
}

// Before parsing, every `&` is written `&amp;` so that character references
// typed in a field (`&copy;`) stay literal: cmark decodes text and link
// destinations back to `&`, and this undoes the change in the literals it
// does not decode (code, raw HTML). The replacement is exact because every
// `&amp;` in the parsed source stands for one typed `&`.
std::string raw_literal_of(cmark_node* node) {
  std::string literal = literal_of(node);
  std::string out;
  out.reserve(literal.size());
  for (size_t i = 0; i < literal.size(); ++i) {
    if (literal.compare(i, 5, "&amp;") == 0) {
      out += '&';
      i += 4;
    } else {
      out += literal[i];
    }
  }
  return out;
}

std::string protect_references(std::string_view source) {
  std::string out;
  out.reserve(source.size());
  size_t backslashes = 0;
  for (char c : source) {
    // `\&` is already a literal ampersand.
    if (c == '&' && backslashes % 2 == 0)
      out += "&amp;";
    else
      out += c;
    backslashes = c == '\\' ? backslashes + 1 : 0;
  }
  return out;
}

void append_inline(MarkupNode& parent, MarkupNode node) {
  // Adjacent text runs are merged, so that writers see whole words and a
  // ligature check never has to look across nodes.
  if (node.kind == NodeKind::Text && !parent.children.empty() &&
      parent.children.back().kind == NodeKind::Text) {
    parent.children.back().literal += node.literal;
    return;
  }
  if (node.kind == NodeKind::Text && node.literal.empty())
    return;
  parent.children.push_back(std::move(node));
}

// Markup nested deeper than this becomes plain text, so that hostile input
// such as twenty thousand nested list markers cannot exhaust the stack.
constexpr int kMaxNesting = 32;

// Collects the text of a subtree with cmark's iterator, which walks the
// tree without recursion.
std::string flat_text(cmark_node* root) {
  std::string out;
  cmark_iter* iter = cmark_iter_new(root);
  cmark_event_type event;
  while ((event = cmark_iter_next(iter)) != CMARK_EVENT_DONE) {
    cmark_node* node = cmark_iter_get_node(iter);
    cmark_node_type type = cmark_node_get_type(node);
    if (event == CMARK_EVENT_ENTER && type == CMARK_NODE_TEXT)
      out += literal_of(node);
    else if (event == CMARK_EVENT_ENTER &&
             (type == CMARK_NODE_CODE || type == CMARK_NODE_HTML_INLINE ||
              type == CMARK_NODE_CODE_BLOCK || type == CMARK_NODE_HTML_BLOCK))
      out += raw_literal_of(node);
    else if (event == CMARK_EVENT_ENTER &&
             (type == CMARK_NODE_SOFTBREAK || type == CMARK_NODE_LINEBREAK))
      out += ' ';
    else if (event == CMARK_EVENT_EXIT &&
             (type == CMARK_NODE_PARAGRAPH || type == CMARK_NODE_ITEM))
      out += ' ';
  }
  cmark_iter_free(iter);
  while (!out.empty() && out.back() == ' ')
    out.pop_back();
  return out;
}

void convert_inlines(cmark_node* first, MarkupNode& parent, int depth);

MarkupNode convert_inline(cmark_node* node, int depth) {
  if (depth > kMaxNesting) {
    MarkupNode flat;
    flat.kind = NodeKind::Text;
    flat.literal = flat_text(node);
    return flat;
  }
  MarkupNode out;
  switch (cmark_node_get_type(node)) {
  case CMARK_NODE_TEXT:
    out.kind = NodeKind::Text;
    out.literal = literal_of(node);
    break;
  case CMARK_NODE_HTML_INLINE:
  case CMARK_NODE_CUSTOM_INLINE:
    out.kind = NodeKind::Text;
    out.literal = raw_literal_of(node);
    break;
  case CMARK_NODE_CODE:
    out.kind = NodeKind::Code;
    out.literal = raw_literal_of(node);
    break;
  case CMARK_NODE_SOFTBREAK:
    out.kind = NodeKind::SoftBreak;
    break;
  case CMARK_NODE_LINEBREAK:
    out.kind = NodeKind::LineBreak;
    break;
  case CMARK_NODE_EMPH:
    out.kind = NodeKind::Emph;
    convert_inlines(cmark_node_first_child(node), out, depth);
    break;
  case CMARK_NODE_STRONG:
    out.kind = NodeKind::Strong;
    convert_inlines(cmark_node_first_child(node), out, depth);
    break;
  case CMARK_NODE_LINK:
    out.kind = NodeKind::Link;
    out.literal = cmark_node_get_url(node) ? cmark_node_get_url(node) : "";
    convert_inlines(cmark_node_first_child(node), out, depth);
    break;
  case CMARK_NODE_IMAGE: {
    // An image in a CV field is shown as its description text.
    MarkupNode description;
    description.kind = NodeKind::Paragraph;
    convert_inlines(cmark_node_first_child(node), description, depth);
    out.kind = NodeKind::Text;
    out.literal = to_plain_text(description);
    break;
  }
  default:
    out.kind = NodeKind::Text;
    out.literal = literal_of(node);
    break;
  }
  return out;
}

void convert_inlines(cmark_node* first, MarkupNode& parent, int depth) {
  for (cmark_node* node = first; node; node = cmark_node_next(node))
    append_inline(parent, convert_inline(node, depth + 1));
}

MarkupNode paragraph_of_literal(std::string text, NodeKind kind) {
  while (!text.empty() && text.back() == '\n')
    text.pop_back();
  MarkupNode paragraph;
  paragraph.kind = NodeKind::Paragraph;
  MarkupNode run;
  run.kind = kind;
  run.literal = std::move(text);
  if (!run.literal.empty())
    paragraph.children.push_back(std::move(run));
  return paragraph;
}

void convert_blocks(cmark_node* first, MarkupNode& parent, int depth);

void convert_block(cmark_node* node, MarkupNode& parent, int depth) {
  if (depth > kMaxNesting) {
    MarkupNode paragraph =
        paragraph_of_literal(flat_text(node), NodeKind::Text);
    if (!paragraph.children.empty())
      parent.children.push_back(std::move(paragraph));
    return;
  }
  switch (cmark_node_get_type(node)) {
  case CMARK_NODE_PARAGRAPH:
  case CMARK_NODE_HEADING: {
    MarkupNode paragraph;
    paragraph.kind = NodeKind::Paragraph;
    convert_inlines(cmark_node_first_child(node), paragraph, depth);
    if (!paragraph.children.empty())
      parent.children.push_back(std::move(paragraph));
    break;
  }
  case CMARK_NODE_LIST: {
    MarkupNode list;
    list.kind = cmark_node_get_list_type(node) == CMARK_ORDERED_LIST
                    ? NodeKind::OrderedList
                    : NodeKind::BulletList;
    list.list_start = cmark_node_get_list_start(node);
    list.tight = cmark_node_get_list_tight(node) != 0;
    for (cmark_node* item = cmark_node_first_child(node); item;
         item = cmark_node_next(item)) {
      MarkupNode converted;
      converted.kind = NodeKind::Item;
      convert_blocks(cmark_node_first_child(item), converted, depth + 1);
      if (!converted.children.empty())
        list.children.push_back(std::move(converted));
    }
    if (!list.children.empty())
      parent.children.push_back(std::move(list));
    break;
  }
  case CMARK_NODE_BLOCK_QUOTE:
    convert_blocks(cmark_node_first_child(node), parent, depth + 1);
    break;
  case CMARK_NODE_CODE_BLOCK: {
    MarkupNode paragraph =
        paragraph_of_literal(raw_literal_of(node), NodeKind::Code);
    if (!paragraph.children.empty())
      parent.children.push_back(std::move(paragraph));
    break;
  }
  case CMARK_NODE_HTML_BLOCK: {
    MarkupNode paragraph =
        paragraph_of_literal(raw_literal_of(node), NodeKind::Text);
    if (!paragraph.children.empty())
      parent.children.push_back(std::move(paragraph));
    break;
  }
  default:
    // A thematic break carries no text.
    break;
  }
}

void convert_blocks(cmark_node* first, MarkupNode& parent, int depth) {
  for (cmark_node* node = first; node; node = cmark_node_next(node))
    convert_block(node, parent, depth + 1);
}

// Returns whether cmark reads `source` as one paragraph of plain text, with
// nothing that CommonMark takes as markup: one line with no blank at either
// end, no character that starts inline markup anywhere (`\`, `` ` ``, `*`,
// `_`, `[`, `]`, `<`, `&`), and a first character that starts no block (a
// letter, a non-ASCII character other than a byte order mark, `(`, `"` or
// `'`). Most names, titles and places are such text.
bool is_plain_paragraph(std::string_view source) {
  if (source.empty())
    return false;
  unsigned char first = static_cast<unsigned char>(source.front());
  bool letter =
      (first >= 'a' && first <= 'z') || (first >= 'A' && first <= 'Z');
  if (!letter && !(first >= 0x80 && first != 0xEF) && first != '(' &&
      first != '"' && first != '\'')
    return false;
  if (source.back() == ' ')
    return false;
  for (char c : source) {
    unsigned char byte = static_cast<unsigned char>(c);
    if (byte < 0x20 || byte == 0x7F)
      return false;
    switch (c) {
    case '\\':
    case '`':
    case '*':
    case '_':
    case '[':
    case ']':
    case '<':
    case '&':
      return false;
    default:
      break;
    }
  }
  return true;
}

MarkupNode parse_document(std::string_view source) {
  if (is_plain_paragraph(source)) {
    MarkupNode text;
    text.kind = NodeKind::Text;
    text.literal = std::string(source);
    MarkupNode paragraph;
    paragraph.kind = NodeKind::Paragraph;
    paragraph.children.push_back(std::move(text));
    MarkupNode root;
    root.kind = NodeKind::Document;
    root.children.push_back(std::move(paragraph));
    return root;
  }
  std::string protected_source = protect_references(source);
  std::unique_ptr<cmark_node, CmarkNodeDeleter> document(cmark_parse_document(
      protected_source.data(), protected_source.size(), CMARK_OPT_DEFAULT));
  MarkupNode root;
  root.kind = NodeKind::Document;
  convert_blocks(cmark_node_first_child(document.get()), root, 0);
  return root;
}

bool is_ascii_digit(char c) {
  return c >= '0' && c <= '9';
}

bool is_ascii_letter(char c) {
  return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z');
}

// `[label]: destination` defines a link reference and would vanish.
bool is_reference_definition(std::string_view line) {
  size_t close = line.find(']');
  return close != std::string_view::npos && close + 1 < line.size() &&
         line[close + 1] == ':';
}

// An HTML tag, comment or declaration at the start of a line opens an HTML
// block; an autolink such as `<https://example.org>` does not.
bool is_tag_start(std::string_view line) {
  if (line.size() < 2)
    return false;
  char c = line[1];
  if (c == '!' || c == '?' || c == '/')
    return true;
  size_t i = 1;
  while (i < line.size() && (is_ascii_letter(line[i]) ||
                             is_ascii_digit(line[i]) || line[i] == '-'))
    ++i;
  return i > 1 && (i == line.size() || line[i] == ' ' || line[i] == '>' ||
                   line[i] == '/' || line[i] == '\t');
}

// A line of one marker character, blanks allowed, is a thematic break or a
// setext heading underline (`-` only needs one character for the latter).
bool is_thematic_break(std::string_view line, char marker) {
  size_t count = 0;
  for (char c : line) {
    if (c == marker)
      ++count;
    else if (c != ' ' && c != '\t')
      return false;
  }
  return marker == '-' ? count >= 1 : count >= 3;
}

// Returns the length of a list item marker and the blank after it (`- `,
// `1. `) at the start of `line`, or zero.
size_t list_marker_length(std::string_view line) {
  if (line.size() >= 2 &&
      (line[0] == '-' || line[0] == '+' || line[0] == '*') &&
      (line[1] == ' ' || line[1] == '\t'))
    return 2;
  size_t digits = 0;
  while (digits < line.size() && is_ascii_digit(line[digits]))
    ++digits;
  if (digits > 0 && digits <= 9 && digits + 1 < line.size() &&
      (line[digits] == '.' || line[digits] == ')') &&
      (line[digits + 1] == ' ' || line[digits + 1] == '\t'))
    return digits + 2;
  return 0;
}

// Returns the index at which a backslash keeps `line` from opening a block,
// or npos when the line starts no block. `line` has no leading blanks.
size_t block_marker_index(std::string_view line) {
  if (line.empty())
    return std::string_view::npos;
  char first = line[0];
  auto blank_or_end = [&](size_t i) {
    return i >= line.size() || line[i] == ' ' || line[i] == '\t';
  };
  switch (first) {
  case '#':
  case '>':
  case '~':
  case '=':
    // A backslash before these is harmless when they start no block.
    return 0;
  case '`':
    return line.substr(0, 3) == "```" ? 0 : std::string_view::npos;
  case '[':
    return is_reference_definition(line) ? 0 : std::string_view::npos;
  case '<':
    return is_tag_start(line) ? 0 : std::string_view::npos;
  case '-':
  case '+':
  case '*':
  case '_':
    if (blank_or_end(1))
      return 0;
    return is_thematic_break(line, first) ? 0 : std::string_view::npos;
  default:
    break;
  }
  size_t digits = 0;
  while (digits < line.size() && is_ascii_digit(line[digits]))
    ++digits;
  if (digits > 0 && digits <= 9 && digits < line.size() &&
      (line[digits] == '.' || line[digits] == ')') && blank_or_end(digits + 1))
    return digits;
  return std::string_view::npos;
}

} // namespace

MarkupNode parse_inline_markup(std::string_view source) {
  // Each line loses its leading blanks (no indented code) and gets a
  // backslash before any marker that would open a block. Inside the
  // paragraph that results, cmark treats that backslash as an escape.
  std::string prepared;
  prepared.reserve(source.size() + 8);
  size_t start = 0;
  while (start <= source.size()) {
    size_t end = source.find('\n', start);
    if (end == std::string_view::npos)
      end = source.size();
    std::string_view line = source.substr(start, end - start);
    size_t lead = line.find_first_not_of(" \t");
    line =
        lead == std::string_view::npos ? std::string_view{} : line.substr(lead);
    size_t marker = block_marker_index(line);
    if (marker != std::string_view::npos) {
      prepared.append(line.substr(0, marker));
      prepared += '\\';
      prepared.append(line.substr(marker));
    } else {
      prepared.append(line);
    }
    if (end == source.size())
      break;
    // A blank line would end the paragraph: it is kept as a line break.
    prepared += '\n';
    start = end + 1;
  }

  MarkupNode parsed = parse_document(prepared);
  if (parsed.children.size() <= 1)
    return parsed;
  // Fields with blank lines give several paragraphs: they are joined into
  // one with line breaks, since inline fields hold no paragraphs.
  MarkupNode root;
  root.kind = NodeKind::Document;
  MarkupNode paragraph;
  paragraph.kind = NodeKind::Paragraph;
  for (MarkupNode& block : parsed.children) {
    if (!paragraph.children.empty())
      paragraph.children.push_back({NodeKind::LineBreak, {}, 1, true, {}});
    for (MarkupNode& child : block.children)
      paragraph.children.push_back(std::move(child));
  }
  root.children.push_back(std::move(paragraph));
  return root;
}

MarkupNode parse_block_markup(std::string_view source) {
  // Lists and paragraphs are kept; any other block (a heading, a block
  // quote, a fence, a thematic break, raw HTML, a link reference
  // definition, a list item with no text) would drop or change the
  // characters typed, so its marker gets a backslash. The check runs after
  // the line's indentation and list markers.
  std::string prepared;
  prepared.reserve(source.size() + 8);
  size_t start = 0;
  while (start <= source.size()) {
    size_t end = source.find('\n', start);
    if (end == std::string_view::npos)
      end = source.size();
    std::string_view line = source.substr(start, end - start);
    size_t i = 0;
    while (i < line.size() && (line[i] == ' ' || line[i] == '\t'))
      ++i;
    bool thematic =
        i < line.size() && is_thematic_break(line.substr(i), line[i]) &&
        std::string_view("-*_").find(line[i]) != std::string_view::npos;
    while (!thematic && i < line.size()) {
      size_t marker = list_marker_length(line.substr(i));
      if (marker == 0)
        break;
      i += marker;
      while (i < line.size() && (line[i] == ' ' || line[i] == '\t'))
        ++i;
    }
    size_t escape = thematic ? 0 : block_marker_index(line.substr(i));
    if (escape != std::string_view::npos) {
      prepared.append(line.substr(0, i + escape));
      prepared += '\\';
      prepared.append(line.substr(i + escape));
    } else {
      prepared.append(line);
    }
    if (end == source.size())
      break;
    prepared += '\n';
    start = end + 1;
  }
  return parse_document(prepared);
}

namespace {

void append_plain(const MarkupNode& node, std::string& out) {
  switch (node.kind) {
  case NodeKind::Text:
  case NodeKind::Code:
    out += node.literal;
    return;
  case NodeKind::SoftBreak:
  case NodeKind::LineBreak:
    out += ' ';
    return;
  case NodeKind::Document:
  case NodeKind::Paragraph:
  case NodeKind::BulletList:
  case NodeKind::OrderedList:
  case NodeKind::Item:
    for (const MarkupNode& child : node.children) {
      bool block = child.kind == NodeKind::Paragraph ||
                   child.kind == NodeKind::BulletList ||
                   child.kind == NodeKind::OrderedList ||
                   child.kind == NodeKind::Item;
      if (block && !out.empty() && out.back() != ' ')
        out += ' ';
      append_plain(child, out);
    }
    return;
  case NodeKind::Emph:
  case NodeKind::Strong:
  case NodeKind::Link:
    for (const MarkupNode& child : node.children)
      append_plain(child, out);
    return;
  }
}

} // namespace

std::string to_plain_text(const MarkupNode& node) {
  std::string out;
  append_plain(node, out);
  return out;
}

Text make_literal_text(std::string plain, SourcePos pos) {
  Text text;
  text.source = plain;
  text.pos = pos;
  text.tree.kind = NodeKind::Document;
  if (!plain.empty()) {
    MarkupNode paragraph;
    paragraph.kind = NodeKind::Paragraph;
    MarkupNode run;
    run.kind = NodeKind::Text;
    run.literal = std::move(plain);
    paragraph.children.push_back(std::move(run));
    text.tree.children.push_back(std::move(paragraph));
  }
  return text;
}

} // namespace cvc
