// Unit tests of the Markdown and HTML escapers and renderers. Markdown
// output is parsed back with the cmark library, as a CommonMark renderer of
// the output would read it, and HTML output is saved and parsed back with
// pugixml.
#include "support.hpp"

#include "diagnostics.hpp"
#include "html_escape.hpp"
#include "markdown_escape.hpp"
#include "markup.hpp"

#include <catch2/catch.hpp>
#include <cmark.h>
#include <pugixml.hpp>

#include <memory>
#include <sstream>
#include <string>
#include <vector>

using namespace cvc;
using namespace cvc::test;

namespace {

// Writes cmark's tree as an HTML-like outline: blocks as `<tag>`, text as
// it is. Raw HTML is marked, so a test finds any tag that would reach a
// browser.
void outline(cmark_node* node, std::string& out) {
  for (cmark_node* child = cmark_node_first_child(node); child;
       child = cmark_node_next(child)) {
    switch (cmark_node_get_type(child)) {
    case CMARK_NODE_TEXT:
      out += literal_of(child);
      break;
    case CMARK_NODE_CODE:
      out += "<code>" + literal_of(child) + "</code>";
      break;
    case CMARK_NODE_SOFTBREAK:
      out += ' ';
      break;
    case CMARK_NODE_LINEBREAK:
      out += "<br>";
      break;
    case CMARK_NODE_HTML_INLINE:
    case CMARK_NODE_HTML_BLOCK:
      out += "<raw>" + literal_of(child) + "</raw>";
      break;
    case CMARK_NODE_LINK: {
      const char* url = cmark_node_get_url(child);
      out += "<a href=\"" + std::string(url ? url : "") + "\">";
      outline(child, out);
      out += "</a>";
      break;
    }
    case CMARK_NODE_LIST: {
      bool ordered = cmark_node_get_list_type(child) == CMARK_ORDERED_LIST;
      out += ordered
                 ? "<ol start=" +
                       std::to_string(cmark_node_get_list_start(child)) + ">"
                 : "<ul>";
      outline(child, out);
      out += ordered ? "</ol>" : "</ul>";
      break;
    }
    default: {
      std::string tag = cmark_node_get_type_string(child);
      out += "<" + tag + ">";
      outline(child, out);
      out += "</" + tag + ">";
      break;
    }
    }
  }
}

// The outline of Markdown as CommonMark reads it.
std::string commonmark_outline(const std::string& markdown) {
  CmarkDocument document = parse_commonmark(markdown);
  std::string out;
  outline(document.get(), out);
  return out;
}

// The outline of one paragraph of text, for escaped inline text.
std::string paragraph(const std::string& text) {
  return "<paragraph>" + text + "</paragraph>";
}

// Returns whether every list in `markdown` is tight, as CommonMark reads it.
bool all_lists_tight(cmark_node* node) {
  for (cmark_node* child = cmark_node_first_child(node); child;
       child = cmark_node_next(child)) {
    if (cmark_node_get_type(child) == CMARK_NODE_LIST &&
        !cmark_node_get_list_tight(child))
      return false;
    if (!all_lists_tight(child))
      return false;
  }
  return true;
}

bool all_lists_tight(const std::string& markdown) {
  CmarkDocument document = parse_commonmark(markdown);
  return all_lists_tight(document.get());
}

// Returns the destination of the only link in `markdown`, or "(no link)".
std::string link_destination(const std::string& markdown) {
  CmarkDocument document = parse_commonmark(markdown);
  cmark_node* para = cmark_node_first_child(document.get());
  if (!para || cmark_node_get_type(para) != CMARK_NODE_PARAGRAPH)
    return "(no link)";
  cmark_node* link = cmark_node_first_child(para);
  if (!link || cmark_node_get_type(link) != CMARK_NODE_LINK ||
      cmark_node_next(link))
    return "(no link)";
  const char* url = cmark_node_get_url(link);
  return url ? url : "";
}

// Returns the literal of the only code span in `markdown`, or "(no code)".
std::string code_literal(const std::string& markdown) {
  CmarkDocument document = parse_commonmark(markdown);
  cmark_node* para = cmark_node_first_child(document.get());
  if (!para || cmark_node_get_type(para) != CMARK_NODE_PARAGRAPH)
    return "(no code)";
  cmark_node* code = cmark_node_first_child(para);
  if (!code || cmark_node_get_type(code) != CMARK_NODE_CODE ||
      cmark_node_next(code))
    return "(no code)";
  return literal_of(code);
}

// Renders a parsed field into a <div>, saves it, parses it back and
// returns the parsed copy.
struct HtmlResult {
  std::string saved;
  pugi::xml_document document;
  Diagnostics diagnostics;
};

std::unique_ptr<HtmlResult> html_of(const MarkupNode& tree,
                                    std::string_view field = "summary") {
  auto result = std::make_unique<HtmlResult>();
  pugi::xml_document rendered;
  render_html(tree, rendered.append_child("div"), field, {3, 7},
              result->diagnostics);
  std::ostringstream saved;
  rendered.save(saved, "", pugi::format_raw | pugi::format_no_declaration);
  result->saved = saved.str();
  pugi::xml_parse_result parsed = result->document.load_string(
      result->saved.c_str(), pugi::parse_default | pugi::parse_ws_pcdata);
  INFO(result->saved);
  REQUIRE(parsed);
  return result;
}

// All text inside `node`, concatenated.
std::string text_of(pugi::xml_node node) {
  std::string out;
  for (pugi::xml_node child : node.children()) {
    if (child.type() == pugi::node_pcdata)
      out += child.value();
    else
      out += text_of(child);
  }
  return out;
}

const char* const kLatexEscapes[] = {"\\&", "\\%", "\\_", "\\textbackslash",
                                     "\\$", "\\#", "\\{", "\\textasciitilde"};

} // namespace

// ---------------------------------------------------------------------------
// escape_markdown: Text

TEST_CASE("markdown text: characters that start inline markup") {
  CHECK(escape_markdown("a*b", MarkdownContext::Text) == "a\\*b");
  CHECK(escape_markdown("[x](y)", MarkdownContext::Text) == "\\[x\\](y)");
  CHECK(escape_markdown("`code`", MarkdownContext::Text) == "\\`code\\`");
  CHECK(escape_markdown("<b>", MarkdownContext::Text) == "\\<b>");
  CHECK(escape_markdown("a|b", MarkdownContext::Text) == "a\\|b");
  CHECK(escape_markdown("~~x~~", MarkdownContext::Text) == "\\~\\~x\\~\\~");
  CHECK(escape_markdown("C:\\tools", MarkdownContext::Text) == "C:\\\\tools");
}

TEST_CASE("markdown text: underscores inside words stay") {
  CHECK(escape_markdown("snake_case_name", MarkdownContext::Text) ==
        "snake_case_name");
  CHECK(escape_markdown("x86_64", MarkdownContext::Text) == "x86_64");
  // An underscore that could open or close emphasis becomes a character
  // reference, which CommonMark never reads as a delimiter.
  CHECK(escape_markdown("_init_", MarkdownContext::Text) == "&#95;init&#95;");
}

TEST_CASE("markdown text: character references stay literal") {
  CHECK(escape_markdown("R&D", MarkdownContext::Text) == "R&D");
  CHECK(escape_markdown("&amp;", MarkdownContext::Text) == "&amp;amp;");
  CHECK(escape_markdown("&copy; &#35; &#x41;", MarkdownContext::Text) ==
        "&amp;copy; &amp;#35; &amp;#x41;");
}

TEST_CASE("markdown text: no LaTeX escapes") {
  const char* inputs[] = {"R&D at 100% in snake_case_name",
                          "C:\\tools\\build and \\textbf{foo}", "& % _ \\",
                          "_lead & trail_", "$40k ~ #3 {x}"};
  for (const char* input : inputs) {
    INFO(input);
    std::string markdown = escape_markdown(input, MarkdownContext::Text);
    INFO(markdown);
    for (const char* latex : kLatexEscapes)
      CHECK(markdown.find(latex) == std::string::npos);
    CHECK(commonmark_outline(markdown) == paragraph(input));
  }

  // The same through the renderer, for a parsed field.
  MarkupNode tree = parse_inline_markup("R&D at 100% in snake_case_name");
  std::string markdown = render_markdown(tree);
  for (const char* latex : kLatexEscapes)
    CHECK(markdown.find(latex) == std::string::npos);
  CHECK(markdown == "R&D at 100% in snake_case_name");
}

TEST_CASE("markdown text: newlines and tabs become spaces") {
  CHECK(escape_markdown("a\nb\r\nc\td", MarkdownContext::Text) == "a b  c d");
}

TEST_CASE("markdown text: block markers at a line start") {
  struct Case {
    const char* input;
    const char* expected;
  };
  const Case cases[] = {
      {"# heading-like", "\\# heading-like"},
      {"## two", "\\## two"},
      {"- list-like", "\\- list-like"},
      {"+ plus", "\\+ plus"},
      {"* star", "\\* star"},
      {"1. numbered-like", "1\\. numbered-like"},
      {"2018) paren", "2018\\) paren"},
      {"> quote-like", "\\> quote-like"},
      {"===", "\\==="},
      {"---", "\\---"},
      // Blanks at a line start are dropped: they are not shown anyway.
      {"  # indented", "\\# indented"},
  };
  for (const Case& c : cases) {
    INFO(c.input);
    std::string markdown = escape_markdown(c.input, MarkdownContext::Text,
                                           /*at_line_start=*/true);
    CHECK(markdown == c.expected);
    std::string visible = c.input;
    visible.erase(0, visible.find_first_not_of(' '));
    CHECK(commonmark_outline(markdown) == paragraph(visible));
  }
}

TEST_CASE("markdown text: indented text at a line start") {
  // Four leading spaces would open an indented code block.
  std::string markdown =
      escape_markdown("    four spaces", MarkdownContext::Text,
                      /*at_line_start=*/true);
  INFO(markdown);
  std::string rendered = commonmark_outline(markdown);
  bool paragraph_kept = rendered == paragraph("four spaces") ||
                        rendered == paragraph("    four spaces");
  CHECK(paragraph_kept);
}

TEST_CASE("markdown text: markers after a line start stay") {
  // Inside a line, these characters start no block, so they need no
  // backslash.
  for (const char* input : {"# heading-like", "- list-like", "1. numbered",
                            "> quote-like", "2018) paren"}) {
    INFO(input);
    std::string markdown = escape_markdown(input, MarkdownContext::Text);
    CHECK(markdown == input);
    CHECK(commonmark_outline("Text " + markdown) ==
          paragraph("Text " + std::string(input)));
  }
}

TEST_CASE("markdown text: hostile strings parse back unchanged") {
  const char* inputs[] = {"2 * 3 * 4",
                          "**not bold**",
                          "*not italic*",
                          "_not italic_",
                          "__init__",
                          "[brackets]",
                          "[x](not a link",
                          "![alt](img.png)",
                          "<b>raw html</b>",
                          "<https://example.org>",
                          "<a_b@example.org>",
                          "&amp;",
                          "&copy;",
                          "&#35;",
                          "| a | b |",
                          "`tick",
                          "``double``",
                          "\\*escaped\\*",
                          "end\\",
                          "~~strike~~",
                          "a  b",
                          "x_1 + y_2",
                          "Łódź & İzmir",
                          "100%_done",
                          ":emoji:",
                          "trailing_",
                          "_leading",
                          "*",
                          "_",
                          "`",
                          "\\",
                          "[",
                          "<",
                          "&",
                          "!",
                          "![",
                          "](",
                          "***",
                          "___",
                          "_ _ _",
                          "_  _  _",
                          "- - -",
                          "+",
                          "-",
                          "1.",
                          "#",
                          "=",
                          "<div>",
                          "<!-- x -->"};
  for (const char* input : inputs) {
    INFO(input);
    for (bool line_start : {true, false}) {
      std::string markdown =
          escape_markdown(input, MarkdownContext::Text, line_start);
      INFO("Markdown: " << markdown);
      std::string prefix = line_start ? "" : "Text ";
      CHECK(commonmark_outline(prefix + markdown) == paragraph(prefix + input));
    }
  }
}

// ---------------------------------------------------------------------------
// escape_markdown: Url

TEST_CASE("markdown url: angle-bracket destinations") {
  CHECK(escape_markdown("https://example.org/a_b", MarkdownContext::Url) ==
        "<https://example.org/a_b>");
  CHECK(escape_markdown("https://e.org/a b<c>\\d", MarkdownContext::Url) ==
        "<https://e.org/a%20b%3Cc%3E%5Cd>");
}

TEST_CASE("markdown url: destinations parse back unchanged") {
  const char* urls[] = {
      "https://example.org/Tarski's_lemma_(order_theory)?lang=en&rev=2",
      "https://example.org/a_(b",
      "https://example.org/a)b",
      "https://example.org/~user/notes#open_problems",
      "https://example.org/papers/sparse%20sketches.pdf#page=3",
      "https://example.org/*star*_under_",
      "https://example.org/[x]",
      "https://example.org/`tick`",
      "mailto:a_b+c@example.org",
      "https://example.org/?q=a&b=c",
      // A literal character reference in a URL must not be decoded.
      "https://example.org/?a=1&amp;b=2",
  };
  for (const char* url : urls) {
    INFO(url);
    std::string markdown =
        "[text](" + escape_markdown(url, MarkdownContext::Url) + ")";
    INFO(markdown);
    CHECK(link_destination(markdown) == url);
  }
}

// ---------------------------------------------------------------------------
// escape_markdown: Verbatim

TEST_CASE("markdown verbatim: fences longer than any backtick run") {
  CHECK(escape_markdown("make -j", MarkdownContext::Verbatim) == "`make -j`");
  CHECK(escape_markdown("a`b", MarkdownContext::Verbatim) == "``a`b``");
  CHECK(escape_markdown("a``b", MarkdownContext::Verbatim) == "```a``b```");
  CHECK(escape_markdown("`x", MarkdownContext::Verbatim) == "`` `x ``");
}

TEST_CASE("markdown verbatim: code parses back unchanged") {
  const char* codes[] = {"make -j",  "a`b",      "`leading", "trailing`",
                         "``both``", " spaced ", "a  b",     "*not* _em_",
                         "<b>&amp;", "\\",       "x\\`y",    " ",
                         "  ",       "` `"};
  for (const char* code : codes) {
    INFO("code: '" << code << "'");
    std::string markdown = escape_markdown(code, MarkdownContext::Verbatim);
    INFO("Markdown: " << markdown);
    CHECK(code_literal(markdown) == code);
  }
}

// ---------------------------------------------------------------------------
// render_markdown

TEST_CASE("markdown render: emphasis and strong") {
  CHECK(render_markdown(parse_inline_markup("*italic*")) == "*italic*");
  CHECK(render_markdown(parse_inline_markup("**bold**")) == "**bold**");
  CHECK(render_markdown(parse_inline_markup("_italic_")) == "*italic*");
  CHECK(render_markdown(parse_inline_markup("__bold__")) == "**bold**");
  CHECK(render_markdown(parse_inline_markup("**a *b* c**")) == "**a *b* c**");
  CHECK(render_markdown(parse_inline_markup("***both***")) == "***both***");
  CHECK(commonmark_outline(
            render_markdown(parse_inline_markup("x **R&D** and *teach*"))) ==
        "<paragraph>x <strong>R&D</strong> and <emph>teach</emph>"
        "</paragraph>");
}

TEST_CASE("markdown render: strong ending in punctuation") {
  // `**C#**` opens and closes as strong in CommonMark, so no raw HTML is
  // needed for it.
  std::string markdown = render_markdown(parse_inline_markup("**C#**"));
  CHECK(markdown == "**C#**");
  CHECK(commonmark_outline(markdown) ==
        "<paragraph><strong>C#</strong></paragraph>");
}

TEST_CASE("markdown render: emphasis that asterisks cannot express") {
  // A `*` after a letter and before punctuation cannot open emphasis, so
  // the renderer may fall back to tags. A CommonMark renderer shows
  // emphasis either way.
  MarkupNode emphasis{NodeKind::Emph, {}, 1, true, {}};
  emphasis.children.push_back({NodeKind::Text, "(1)", 1, true, {}});
  MarkupNode para{NodeKind::Paragraph, {}, 1, true, {}};
  para.children.push_back({NodeKind::Text, "see", 1, true, {}});
  para.children.push_back(emphasis);
  MarkupNode tree{NodeKind::Document, {}, 1, true, {}};
  tree.children.push_back(para);
  std::string markdown = render_markdown(tree);
  INFO(markdown);
  std::string rendered = commonmark_outline(markdown);
  bool emphasis_kept =
      rendered == "<paragraph>see<emph>(1)</emph></paragraph>" ||
      rendered == "<paragraph>see<raw><em></raw>(1)<raw></em>"
                  "</raw></paragraph>";
  CHECK(emphasis_kept);
}

TEST_CASE("markdown render: links with angle-bracket destinations") {
  MarkupNode tree = parse_inline_markup(
      "[lemma](<https://example.org/Tarski's_lemma_(order)?a=1&b=2>)");
  std::string markdown = render_markdown(tree);
  CHECK(markdown ==
        "[lemma](<https://example.org/Tarski's_lemma_(order)?a=1&b=2>)");
  CHECK(link_destination(markdown) ==
        "https://example.org/Tarski's_lemma_(order)?a=1&b=2");

  MarkupNode autolink = parse_inline_markup("<a_b+c@example.org>");
  std::string mail = render_markdown(autolink);
  CHECK(link_destination(mail) == "mailto:a_b+c@example.org");
  CHECK(commonmark_outline(mail) ==
        "<paragraph><a href=\"mailto:a_b+c@example.org\">a_b+c@example.org"
        "</a></paragraph>");
}

TEST_CASE("markdown render: link text with markup") {
  MarkupNode tree =
      parse_inline_markup("[**bold** and `code`](https://example.org/x_y)");
  CHECK(commonmark_outline(render_markdown(tree)) ==
        "<paragraph><a href=\"https://example.org/x_y\"><strong>bold</strong>"
        " and <code>code</code></a></paragraph>");
}

TEST_CASE("markdown render: unsafe link keeps its text only") {
  // A CommonMark page of a static site turns a link into an <a href>, so a
  // javascript: link would run in the reader's browser.
  for (const char* input :
       {"[click](javascript:alert(1))", "<javascript:alert(1)>",
        "[x](data:text/html,<script>alert(1)</script>)",
        "[y](JaVaScRiPt:alert(1))"}) {
    INFO(input);
    MarkupNode tree = parse_inline_markup(input);
    std::string markdown = render_markdown(tree);
    INFO(markdown);
    CHECK(link_destination(markdown) == "(no link)");
    CHECK(commonmark_outline(markdown) == paragraph(to_plain_text(tree)));
  }
}

TEST_CASE("markdown render: code spans containing backticks") {
  MarkupNode tree = parse_inline_markup("run ``a ` b`` and `` `x` ``");
  std::string markdown = render_markdown(tree);
  INFO(markdown);
  CHECK(commonmark_outline(markdown) ==
        "<paragraph>run <code>a ` b</code> and <code>`x`</code></paragraph>");
}

TEST_CASE("markdown render: nested lists") {
  MarkupNode tree = parse_block_markup("Interests:\n\n"
                                       "- query planners\n"
                                       "  - cost models\n"
                                       "    - *joins*\n"
                                       "- graph theory\n");
  std::string markdown = render_markdown(tree);
  CHECK(markdown == "Interests:\n\n"
                    "- query planners\n"
                    "  - cost models\n"
                    "    - *joins*\n"
                    "- graph theory");
  CHECK(commonmark_outline(markdown) ==
        "<paragraph>Interests:</paragraph>"
        "<ul><item><paragraph>query planners</paragraph>"
        "<ul><item><paragraph>cost models</paragraph>"
        "<ul><item><paragraph><emph>joins</emph></paragraph></item></ul>"
        "</item></ul></item>"
        "<item><paragraph>graph theory</paragraph></item></ul>");
  // A blank line between an item's paragraph and its nested list would
  // make the list loose, and HTML renderers would wrap each item in <p>.
  CHECK(all_lists_tight(markdown));
}

TEST_CASE("markdown render: blocks indented inside a list item") {
  MarkupNode tree = parse_block_markup("First paragraph.\n\n"
                                       "1. one\n"
                                       "2. two\n"
                                       "   - nested\n");
  std::string markdown = "- " + render_markdown(tree, 2);
  CHECK(markdown == "- First paragraph.\n\n"
                    "  1. one\n"
                    "  2. two\n"
                    "     - nested");
  CHECK(commonmark_outline(markdown) ==
        "<ul><item><paragraph>First paragraph.</paragraph>"
        "<ol start=1><item><paragraph>one</paragraph></item>"
        "<item><paragraph>two</paragraph>"
        "<ul><item><paragraph>nested</paragraph></item></ul></item></ol>"
        "</item></ul>");
  // The outer item contains two blocks, so it needs its blank line. The
  // ordered list stays tight.
  CmarkDocument document = parse_commonmark(markdown);
  cmark_node* item =
      cmark_node_first_child(cmark_node_first_child(document.get()));
  REQUIRE(item);
  cmark_node* ordered = cmark_node_next(cmark_node_first_child(item));
  REQUIRE(ordered);
  CHECK(all_lists_tight(ordered));
  CHECK(cmark_node_get_list_tight(ordered) == 1);
}

TEST_CASE("markdown render: ordered list keeps its start") {
  MarkupNode tree = parse_block_markup("3. three\n4. four\n");
  std::string markdown = render_markdown(tree);
  CHECK(markdown == "3. three\n4. four");
  CHECK(commonmark_outline(markdown) ==
        "<ol start=3><item><paragraph>three</paragraph></item>"
        "<item><paragraph>four</paragraph></item></ol>");
}

TEST_CASE("markdown render: loose list keeps blank lines") {
  MarkupNode tree = parse_block_markup("- a\n\n- b\n");
  std::string markdown = render_markdown(tree);
  CHECK(markdown == "- a\n\n- b");
  CmarkDocument document = parse_commonmark(markdown);
  cmark_node* list = cmark_node_first_child(document.get());
  REQUIRE(list);
  CHECK(cmark_node_get_list_tight(list) == 0);
}

TEST_CASE("markdown render: list item text that looks like a marker") {
  // The text of an item starts a line, so `- ` inside it must not open a
  // nested list.
  MarkupNode tree = parse_block_markup("- \\- dash\n- \\# hash\n- 1\\. one\n");
  std::string markdown = render_markdown(tree);
  INFO(markdown);
  CHECK(commonmark_outline(markdown) ==
        "<ul><item><paragraph>- dash</paragraph></item>"
        "<item><paragraph># hash</paragraph></item>"
        "<item><paragraph>1. one</paragraph></item></ul>");
}

TEST_CASE("markdown render: hard and soft breaks") {
  MarkupNode tree = parse_inline_markup("one\ntwo\n\nthree");
  std::string markdown = render_markdown(tree);
  CHECK(commonmark_outline(markdown) ==
        "<paragraph>one two<br>three</paragraph>");
}

// ---------------------------------------------------------------------------
// escape_html

TEST_CASE("html escape: text") {
  CHECK(escape_html("a & b < c > d \"e\" 'f'", HtmlContext::Text) ==
        "a &amp; b &lt; c &gt; d \"e\" 'f'");
  // Text is escaped exactly once.
  CHECK(escape_html("&amp;", HtmlContext::Text) == "&amp;amp;");
  CHECK(escape_html("<script>alert(1)</script>", HtmlContext::Text) ==
        "&lt;script&gt;alert(1)&lt;/script&gt;");
  CHECK(escape_html("Łódź 🚀", HtmlContext::Text) == "Łódź 🚀");
}

TEST_CASE("html escape: attribute") {
  CHECK(escape_html("a\"b'c&d<e>", HtmlContext::Attribute) ==
        "a&quot;b&#39;c&amp;d&lt;e&gt;");
  CHECK(escape_html("https://e.org/?a=1&b=2", HtmlContext::Attribute) ==
        "https://e.org/?a=1&amp;b=2");
}

TEST_CASE("html escape: JSON inside a script element") {
  std::string json = escape_html(
      R"({"name": "</script><script>alert(1)</script>", "x": "a&b"})",
      HtmlContext::ScriptJson);
  CHECK(json == R"({"name": "\u003c/script\u003e\u003cscript\u003ealert(1))"
                R"(\u003c/script\u003e", "x": "a\u0026b"})");
  CHECK(json.find("</") == std::string::npos);
  CHECK(json.find('<') == std::string::npos);
  CHECK(json.find('>') == std::string::npos);
  CHECK(json.find('&') == std::string::npos);
  // A comment opener would change how the HTML parser reads the script.
  CHECK(escape_html("<!--", HtmlContext::ScriptJson) == "\\u003c!--");
}

// ---------------------------------------------------------------------------
// is_safe_link

TEST_CASE("safe links: allowed schemes and relative URLs") {
  for (const char* url : {"http://example.org", "https://example.org/a_b?x=1#y",
                          "HTTPS://EXAMPLE.ORG", "mailto:a_b+c@example.org",
                          "tel:+15550188", "/a:b", "#frag", "relative/path:x",
                          "page.html", "?q=a:b", "//example.org/x"}) {
    INFO(url);
    CHECK(is_safe_link(url));
  }
}

TEST_CASE("safe links: script and data schemes") {
  for (const char* url :
       {"javascript:alert(1)", "JaVaScRiPt:alert(1)", " javascript:alert(1)",
        "java\tscript:alert(1)", "java\nscript:alert(1)",
        "\x01javascript:alert(1)", "javascript :alert(1)",
        "data:text/html,<script>alert(1)</script>",
        "data:text/html;base64,PHNjcmlwdD5hbGVydCgxKTwvc2NyaXB0Pg==",
        "vbscript:msgbox(1)", "file:///etc/passwd", "ftp:x"}) {
    INFO(url);
    CHECK_FALSE(is_safe_link(url));
  }
}

// ---------------------------------------------------------------------------
// render_html

TEST_CASE("html render: markup becomes elements") {
  auto html =
      html_of(parse_inline_markup("**Led** the *team*, `make -j`, "
                                  "[docs](https://example.org/a_b?x=1&y=2)"));
  pugi::xml_node p = html->document.child("div").child("p");
  REQUIRE(p);
  CHECK(text_of(p.child("strong")) == "Led");
  CHECK(text_of(p.child("em")) == "team");
  CHECK(text_of(p.child("code")) == "make -j");
  CHECK(std::string(p.child("a").attribute("href").value()) ==
        "https://example.org/a_b?x=1&y=2");
  CHECK(text_of(p) == "Led the team, make -j, docs");
  // `&` in the href is escaped once in the saved HTML.
  CHECK(html->saved.find("href=\"https://example.org/a_b?x=1&amp;y=2\"") !=
        std::string::npos);
  CHECK(html->diagnostics.all().empty());
}

TEST_CASE("html render: text that looks like tags stays text") {
  for (const char* input :
       {"<script>alert(1)</script>", "<b>raw html</b>",
        "<img src=x onerror=alert(1)>", "a <!-- comment --> b",
        "&lt;i&gt; &amp; &", "<https://example.org", "]]> <![CDATA[x]]>"}) {
    INFO(input);
    MarkupNode tree = parse_inline_markup(input);
    auto html = html_of(tree);
    INFO(html->saved);
    pugi::xml_node p = html->document.child("div").child("p");
    REQUIRE(p);
    CHECK(text_of(p) == to_plain_text(tree));
    // The paragraph contains one text node and no element.
    CHECK(p.first_child().type() == pugi::node_pcdata);
    CHECK(p.first_child() == p.last_child());
  }
}

TEST_CASE("html render: unsafe links are dropped with a warning") {
  const char* inputs[] = {"[click](javascript:alert(1))",
                          "[c](JaVaScRiPt:alert(1))", "<javascript:alert(1)>",
                          "[d](data:text/html,hi)", "[v](vbscript:x)"};
  for (const char* input : inputs) {
    INFO(input);
    MarkupNode tree = parse_inline_markup(input);
    const MarkupNode& link = tree.children.at(0).children.at(0);
    REQUIRE(link.kind == NodeKind::Link);
    auto html = html_of(tree, "highlights");
    INFO(html->saved);
    pugi::xml_node p = html->document.child("div").child("p");
    CHECK_FALSE(p.child("a"));
    CHECK(text_of(p) == to_plain_text(tree));
    REQUIRE(html->diagnostics.all().size() == 1);
    const Diagnostic& warning = html->diagnostics.all()[0];
    CHECK(warning.severity == Severity::Warning);
    CHECK(warning.pos.line == 3);
    CHECK(warning.pos.column == 7);
    CHECK(warning.message.find(link.literal) != std::string::npos);
    CHECK(warning.message.find("'highlights'") != std::string::npos);
  }
}

TEST_CASE("html render: safe links are kept") {
  for (const char* input :
       {"[a](https://example.org/it's_(x))", "<a_b+c@example.org>",
        "[t](tel:+15550188)", "[r](/cv.pdf)", "[f](#publications)"}) {
    INFO(input);
    MarkupNode tree = parse_inline_markup(input);
    const MarkupNode& link = tree.children.at(0).children.at(0);
    auto html = html_of(tree);
    pugi::xml_node a = html->document.child("div").child("p").child("a");
    REQUIRE(a);
    CHECK(std::string(a.attribute("href").value()) == link.literal);
    CHECK(html->diagnostics.all().empty());
  }
}

TEST_CASE("html render: href with quotes round-trips") {
  MarkupNode tree =
      parse_inline_markup("[q](<https://example.org/\"quoted\"&'single'>)");
  auto html = html_of(tree);
  pugi::xml_node a = html->document.child("div").child("p").child("a");
  REQUIRE(a);
  CHECK(std::string(a.attribute("href").value()) ==
        "https://example.org/\"quoted\"&'single'");
}

TEST_CASE("html render: lists") {
  MarkupNode tree = parse_block_markup("Intro\n\n"
                                       "- one\n"
                                       "  - nested *em*\n"
                                       "- two\n\n"
                                       "3. three\n"
                                       "4. four\n");
  auto html = html_of(tree);
  INFO(html->saved);
  CHECK(html->saved ==
        "<div><p>Intro</p>"
        "<ul><li>one<ul><li>nested <em>em</em></li></ul></li><li>two</li></ul>"
        "<ol start=\"3\"><li>three</li><li>four</li></ol></div>");
}

TEST_CASE("html render: loose list items keep paragraphs") {
  auto html = html_of(parse_block_markup("- a\n\n- b\n"));
  CHECK(html->saved ==
        "<div><ul><li><p>a</p></li><li><p>b</p></li></ul></div>");
}

TEST_CASE("html render: breaks") {
  auto html = html_of(parse_inline_markup("one\ntwo\n\nthree"));
  CHECK(html->saved == "<div><p>one two<br/>three</p></div>");
}
