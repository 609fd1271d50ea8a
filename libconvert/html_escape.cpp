#include "html_escape.hpp"

#include "markup.hpp"

namespace cvc {

std::string escape_html(std::string_view text, HtmlContext context) {
  std::string out;
  out.reserve(text.size());
  for (char c : text) {
    if (context == HtmlContext::ScriptJson) {
      switch (c) {
      case '<':
        out += "\\u003c";
        continue;
      case '>':
        out += "\\u003e";
        continue;
      case '&':
        out += "\\u0026";
        continue;
      default:
        out += c;
        continue;
      }
    }
    switch (c) {
    case '&':
      out += "&amp;";
      break;
    case '<':
      out += "&lt;";
      break;
    case '>':
      out += "&gt;";
      break;
    case '"':
      out += context == HtmlContext::Attribute ? "&quot;" : "\"";
      break;
    case '\'':
      out += context == HtmlContext::Attribute ? "&#39;" : "'";
      break;
    default:
      out += c;
    }
  }
  return out;
}

namespace {

void render_children(const MarkupNode& node, pugi::xml_node parent,
                     std::string_view field, SourcePos pos,
                     Diagnostics& diagnostics, int depth);

void render_node(const MarkupNode& node, pugi::xml_node parent,
                 std::string_view field, SourcePos pos,
                 Diagnostics& diagnostics, int depth) {
  constexpr int kMaxDepth = 48;
  if (depth > kMaxDepth) {
    append_text(parent, to_plain_text(node));
    return;
  }
  switch (node.kind) {
  case NodeKind::Document:
    render_children(node, parent, field, pos, diagnostics, depth);
    break;
  case NodeKind::Paragraph:
    render_children(node, parent.append_child("p"), field, pos, diagnostics,
                    depth);
    break;
  case NodeKind::BulletList:
  case NodeKind::OrderedList: {
    bool ordered = node.kind == NodeKind::OrderedList;
    pugi::xml_node list = parent.append_child(ordered ? "ol" : "ul");
    if (ordered && node.list_start != 1)
      list.append_attribute("start") = node.list_start;
    for (const MarkupNode& item : node.children) {
      pugi::xml_node li = list.append_child("li");
      // A tight list's paragraphs are shown without <p>.
      for (const MarkupNode& block : item.children) {
        if (node.tight && block.kind == NodeKind::Paragraph)
          render_children(block, li, field, pos, diagnostics, depth + 1);
        else
          render_node(block, li, field, pos, diagnostics, depth + 1);
      }
    }
    break;
  }
  case NodeKind::Item:
    render_children(node, parent, field, pos, diagnostics, depth);
    break;
  case NodeKind::Text:
    append_text(parent, node.literal);
    break;
  case NodeKind::Code:
    parent.append_child("code")
        .append_child(pugi::node_pcdata)
        .set_value(node.literal.data(), node.literal.size());
    break;
  case NodeKind::Emph:
  case NodeKind::Strong:
    render_children(
        node,
        parent.append_child(node.kind == NodeKind::Emph ? "em" : "strong"),
        field, pos, diagnostics, depth);
    break;
  case NodeKind::Link: {
    if (!is_safe_link(node.literal)) {
      diagnostics.warning(pos, "dropped link to '" + node.literal + "' in '" +
                                   std::string(field) +
                                   "': only http, https, mailto and tel "
                                   "links are kept");
      render_children(node, parent, field, pos, diagnostics, depth);
      break;
    }
    pugi::xml_node link = parent.append_child("a");
    link.append_attribute("href") = node.literal.c_str();
    render_children(node, link, field, pos, diagnostics, depth);
    break;
  }
  case NodeKind::SoftBreak:
    append_text(parent, " ");
    break;
  case NodeKind::LineBreak:
    parent.append_child("br");
    break;
  }
}

void render_children(const MarkupNode& node, pugi::xml_node parent,
                     std::string_view field, SourcePos pos,
                     Diagnostics& diagnostics, int depth) {
  for (const MarkupNode& child : node.children)
    render_node(child, parent, field, pos, diagnostics, depth + 1);
}

} // namespace

void append_text(pugi::xml_node parent, std::string_view text) {
  // Adjacent text nodes would print fine but parse back as one node, so
  // text joins the previous text node.
  pugi::xml_node last = parent.last_child();
  if (last && last.type() == pugi::node_pcdata) {
    std::string joined = std::string(last.value()) + std::string(text);
    last.set_value(joined.data(), joined.size());
    return;
  }
  parent.append_child(pugi::node_pcdata).set_value(text.data(), text.size());
}

void render_html(const MarkupNode& node, pugi::xml_node parent,
                 std::string_view field, SourcePos pos,
                 Diagnostics& diagnostics) {
  render_node(node, parent, field, pos, diagnostics, 0);
}

} // namespace cvc
