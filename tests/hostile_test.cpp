// Hostile strings: LaTeX specials, TeX ligatures and commands, Markdown
// look-alikes, URLs, e-mail addresses and names in many scripts. Each one
// goes into one CV that pdflatex compiles once, and through the Markdown and
// HTML renderers, and every output must show the same visible text.
#include "support.hpp"

#include "diagnostics.hpp"
#include "html_escape.hpp"
#include "latex_writer.hpp"
#include "markdown_escape.hpp"
#include "markup.hpp"
#include "unicode.hpp"

#include <catch2/catch.hpp>
#include <cmark.h>
#include <pugixml.hpp>

#include <filesystem>
#include <fstream>
#include <memory>
#include <regex>
#include <sstream>
#include <string>
#include <vector>

#include <unistd.h>

using namespace cvc;
using namespace cvc::test;

namespace {

struct Hostile {
  /// The field as written in the YAML file (before NFC normalisation).
  std::string input;
  /// The text that every output shows: Markdown once rendered, the HTML
  /// element's text and the PDF.
  std::string visible;
  /// The expected markup, written as an HTML fragment with `&`, `<` and `>`
  /// in text escaped; empty for a field that must stay plain text.
  std::string markup;
  /// What pdftotext shows, where it differs from `visible`.
  std::string pdf;
  /// The kind of warning that write_latex must report for this field, and
  /// the text that the warning must name.
  std::string warning;
  std::string warned;
  /// Whether the PDF's text of the field only contains `pdf`.
  bool pdf_partial = false;
};

Hostile same(std::string input) {
  std::string visible = input;
  return {std::move(input), std::move(visible), {}, {}, {}, {}};
}

Hostile shown(std::string input, std::string visible) {
  return {std::move(input), std::move(visible), {}, {}, {}, {}};
}

Hostile marked(std::string input, std::string visible, std::string markup) {
  return {std::move(input), std::move(visible), std::move(markup), {}, {}, {}};
}

// A field whose PDF text can only be checked in part; the reason is given
// where the table uses it.
Hostile pdf_shows(std::string input, std::string pdf) {
  std::string visible = input;
  return {
      std::move(input), std::move(visible), {}, std::move(pdf), {}, {}, true};
}

// A field in a script that pdflatex has no fonts for here: the PDF shows a
// Latin transliteration and write_latex warns, naming the field's text.
Hostile transliterated(std::string input, std::string latin) {
  std::string visible = input;
  std::string first_word = input.substr(0, input.find(' '));
  return {std::move(input), std::move(visible), {},
          std::move(latin), "transliterated",   std::move(first_word)};
}

std::vector<Hostile> hostile_strings() {
  std::vector<Hostile> table;
  auto add = [&](Hostile h) { table.push_back(std::move(h)); };

  // Every LaTeX special character alone, and the ASCII characters that
  // start Markdown blocks (`*`, `+`, `-`, `=` alone open a list, a thematic
  // break or a setext heading).
  for (const char* c :
       {"&", "%", "$", "#",  "_", "{", "}", "~", "^", "\\", "[", "]",
        "<", ">", "|", "\"", "'", "`", "*", "+", "-", "=",  "!"})
    add(same(c));

  // Pairs of special characters.
  for (const char* pair :
       {"&&", "%%",  "$$", "##", "__", "{}",   "}{", "~~", "^^",
        "[]", "][",  "<>", "><", "||", "\"\"", "$%", "%&", "#_",
        "_#", "{%}", "&#", "~^", "^~", "%$",   "|&"})
    add(same(pair));

  // A backslash before ASCII punctuation is a CommonMark escape, so text
  // written with LaTeX's escapes shows the character itself.
  add(shown("\\\\", "\\"));
  add(shown("\\_", "_"));
  add(shown("\\%", "%"));
  add(shown("R\\&D", "R&D"));

  // Each special character at the start and at the end of a field.
  for (const char* c : {"&", "%", "$", "#", "_", "{", "}", "~", "^", "\\", "[",
                        "]", "<", ">", "|", "\"", "'", "`"}) {
    add(same(std::string(c) + "start"));
    add(same(std::string("end") + c));
  }

  // TeX ligatures that the escaper must break: `--` would print an en dash,
  // `<<` a guillemet, `,,` a low quote, `?`` an inverted question mark.
  // pdftotext maps the fi, ff, ffi and fl ligature glyphs back to letters.
  for (const char* s : {"--", "---", "1990--2000", "a---b", "<<", ">>",
                        "<<guillemets>>", ",,", ",,low quotes''", "?`", "!`",
                        "''", "``quoted''", "-->", "fi", "office fluff affine"})
    add(same(s));
  add(same("<!-- not a comment -->"));

  // Unbalanced braces.
  for (const char* s : {"{{{", "}}}", "a{b", "c}d", "{x}}", "{{y}"})
    add(same(s));

  // TeX commands and comment starts must print as text and run nothing.
  for (const char* s :
       {"\\input{/etc/passwd}", "\\write18{ls}", "\\immediate\\write18{id}",
        "^^5c", "^^5cinput{x}", "\\def\\x{}", "\\end{document}",
        "\\begin{itemize}", "% comment start", "text % then a comment",
        "\\csname relax\\endcsname", "\\textbf{foo}", "C:\\tools\\build",
        "$x^2$", "$$\\sum$$", "\\verb|x|", "#1 and ##2", "\\newline"})
    add(same(s));
  // `\\` is an escaped backslash, and `\(` an escaped parenthesis.
  add(shown("\\\\[2cm]", "\\[2cm]"));
  add(shown("\\(x\\)", "(x)"));

  // URLs as Markdown links and autolinks, e-mail autolinks and DOIs.
  add(marked("[docs](https://example.org/a%20b)", "docs",
             "<a href=\"https://example.org/a%20b\">docs</a>"));
  add(marked("[part](https://example.org/page#part_2)", "part",
             "<a href=\"https://example.org/page#part_2\">part</a>"));
  add(marked("[file](https://example.org/my_file_name.pdf)", "file",
             "<a href=\"https://example.org/my_file_name.pdf\">file</a>"));
  add(marked("[it's](https://example.org/it's_here)", "it's",
             "<a href=\"https://example.org/it's_here\">it's</a>"));
  add(marked(
      "[lemma](<https://example.org/Tarski's_lemma_(order)>)", "lemma",
      "<a href=\"https://example.org/Tarski's_lemma_(order)\">lemma</a>"));
  add(marked("[balanced](https://example.org/a_(b)_c)", "balanced",
             "<a href=\"https://example.org/a_(b)_c\">balanced</a>"));
  add(marked("[query](https://example.org/?a=1&b=2)", "query",
             "<a href=\"https://example.org/?a=1&b=2\">query</a>"));
  add(marked("[home](https://example.org/~user/)", "home",
             "<a href=\"https://example.org/~user/\">home</a>"));
  add(marked("<https://example.org/a_b#c%20d>", "https://example.org/a_b#c%20d",
             "<a href=\"https://example.org/a_b#c%20d\">"
             "https://example.org/a_b#c%20d</a>"));
  add(marked("<https://example.org/it's>", "https://example.org/it's",
             "<a href=\"https://example.org/it's\">"
             "https://example.org/it's</a>"));
  add(marked("<https://example.org/100%25_done>",
             "https://example.org/100%25_done",
             "<a href=\"https://example.org/100%25_done\">"
             "https://example.org/100%25_done</a>"));
  add(marked("see <https://example.org/x_y> now",
             "see https://example.org/x_y now",
             "see <a href=\"https://example.org/x_y\">"
             "https://example.org/x_y</a> now"));
  add(marked("<a_b+c@example.org>", "a_b+c@example.org",
             "<a href=\"mailto:a_b+c@example.org\">a_b+c@example.org</a>"));
  add(marked("<first.last_name+cv@sub.example.org>",
             "first.last_name+cv@sub.example.org",
             "<a href=\"mailto:first.last_name+cv@sub.example.org\">"
             "first.last_name+cv@sub.example.org</a>"));
  add(marked("mail <x_y@example.org> today", "mail x_y@example.org today",
             "mail <a href=\"mailto:x_y@example.org\">x_y@example.org</a> "
             "today"));
  add(same("10.1000/jea_2021.07"));
  add(same("doi:10.1000/a_b_c"));
  add(marked("[10.1000/x_y](https://doi.org/10.1000/x_y)", "10.1000/x_y",
             "<a href=\"https://doi.org/10.1000/x_y\">10.1000/x_y</a>"));
  add(marked("<https://doi.org/10.1000/jea_2021.07>",
             "https://doi.org/10.1000/jea_2021.07",
             "<a href=\"https://doi.org/10.1000/jea_2021.07\">"
             "https://doi.org/10.1000/jea_2021.07</a>"));
  // CommonMark links no bare URL, so this one is text.
  add(same("https://example.org/a_b?c=d&e=f#g"));
  add(same("user_name+tag@example.org"));

  // Names in Latin scripts with diacritics, which T1 typesets.
  for (const char* s :
       {"Élise Lefèvre, Noël Œuvray", "Jürgen Groß, Ärztin Müller",
        "Łukasz Wróblewski-Żak", "Uniwersytet Żółtej Łąki",
        "Jiří Dvořák, Šťastný Ůlehla", "Işıl Yücetürk, İzmir",
        "Ağrı ve Iğdır şubeleri", "Işıklı Yazılım A.Ş.",
        "Þórður Guðmundsson, Ægir", "José Núñez Peña"})
    add(same(s));
  // Vietnamese uses T5 and Greek LGR. pdftotext reads their glyph names
  // back to the letters, which the NFC-normalised PDF text is compared
  // with. The CV's name is Vietnamese too, and is also checked in the
  // PDF's metadata. T1 gives Đ (U+0110) and Ð (U+00D0) one glyph, named
  // Eth, which reads back as Ð, while T5's Dcroat glyph reads back as Đ.
  // So Đ must be typeset in T5 with the rest of its Vietnamese word.
  add(same("Trần Văn Đức"));
  add(same("Hội thảo Dữ liệu Sài Gòn"));
  add(same("Αλέξανδρος Παπαδόπουλος"));
  // Cyrillic (T2A) for Russian and Ukrainian.
  add(same("Анна Кузнецова"));
  add(same("Олена Ґалаґан, Їжак, Євген"));
  // Chinese and Japanese with kana (CJKutf8).
  add(same("王小明"));
  add(same("数据工程研讨会"));
  add(same("山田はなこ"));
  add(same("カタカナ・タロウ"));
  // Scripts that pdflatex has no fonts for here: ICU's Any-Latin and
  // Latin-ASCII transliterations.
  add(transliterated("محمد", "mhmd"));
  add(transliterated("שרה כהן", "srh khn"));
  add(transliterated("प्रिया शर्मा", "priya sarma"));
  add(transliterated("김민준", "gimminjun"));
  add(transliterated("สมชาย", "smchay"));
  add(same("Nguyễn & Łukasz_Żak #1 Ωmega"));

  // Combining sequences. NFC merges `e` + U+0301 into `é`, but `q` + U+0301
  // and `x` + U+0323 have no precomposed form, so LaTeX stacks the accent
  // (\'{q}, \d{x}). pdftotext returns the acute as a combining mark after
  // the q, but the dot below as a separate `.` on its own line, so only the
  // text after that letter is checked in the PDF.
  add(shown("caf\u0065\u0301", "café"));
  add(shown("Zoe\u0308 and n\u0303", "Zoë and ñ"));
  add(shown("Ha\u0301q\u0301im", "Háq\u0301im"));
  add(pdf_shows("x\u0323 dot below", "dot below"));

  // Typographic quotes and dashes.
  for (const char* s :
       {"‘single’", "“double”", "„German“", "«guillemets»", "‹angle›",
        "1990–2000 en dash", "em—dash", "Ω — the end"})
    add(same(s));

  // Markdown that must stay literal. Character references such as `&amp;`
  // show as typed, like raw HTML, so a field shows what its author wrote.
  for (const char* s : {"2 * 3 * 4",
                        "snake_case_name",
                        "a_b_c",
                        "x_1 + y_2",
                        "#hashtag",
                        "# heading-like",
                        "## two hashes",
                        "- list-like",
                        "+ plus-list",
                        "* star-list",
                        "1. numbered-like",
                        "2) paren-numbered",
                        "> quote-like",
                        "| table | like |",
                        "[brackets]",
                        "[x](not a link",
                        "[ref]: https://example.org",
                        "<b>raw html</b>",
                        "<script>alert(1)</script>",
                        "<img src=x onerror=alert(1)>",
                        "&amp;",
                        "&copy;",
                        "&#35;",
                        ":emoji:",
                        "***",
                        "* * *",
                        "_ _ _",
                        "===",
                        "```fence",
                        "~~~fence",
                        "~~strike~~",
                        "5 > 3 < 4",
                        "www.example.org",
                        "@mention"})
    add(same(s));
  add(shown("\\*not emphasis\\*", "*not emphasis*"));
  add(shown("    indented code", "indented code"));
  add(shown("  padded  ", "padded"));
  add(shown("line one\nline two", "line one line two"));
  add(marked("first\n\nsecond", "first second", "first<br/>second"));
  // pdflatex has no glyph for an emoji: it is dropped with a warning.
  add({"launch 🚀 day",
       "launch 🚀 day",
       {},
       "launch day",
       "cannot typeset",
       "U+1F680"});

  // Markdown that must render.
  add(marked("**bold**", "bold", "<strong>bold</strong>"));
  add(marked("*italic*", "italic", "<em>italic</em>"));
  add(marked("`code`", "code", "<code>code</code>"));
  add(marked("[link](https://example.org/a_b)", "link",
             "<a href=\"https://example.org/a_b\">link</a>"));
  add(marked("***both***", "both", "<em><strong>both</strong></em>"));
  add(marked("__strong__", "strong", "<strong>strong</strong>"));
  add(marked("_emph_", "emph", "<em>emph</em>"));
  // Python's dunder names are strong emphasis under CommonMark.
  add(marked("__init__", "init", "<strong>init</strong>"));
  add(marked("**R&D** at *50%*", "R&D at 50%",
             "<strong>R&amp;D</strong> at <em>50%</em>"));
  add(marked("**bold *nested* bold**", "bold nested bold",
             "<strong>bold <em>nested</em> bold</strong>"));
  // Emphasis directly inside emphasis, which `*a*q*a*` would not keep.
  add(marked("_a*q*a_", "aqa", "<em>a<em>q</em>a</em>"));
  add(marked("*italic with `code`*", "italic with code",
             "<em>italic with <code>code</code></em>"));
  add(marked("[**bold link**](https://example.org)", "bold link",
             "<a href=\"https://example.org\"><strong>bold link</strong></a>"));
  add(marked("``code with ` tick``", "code with ` tick",
             "<code>code with ` tick</code>"));
  add(marked("`a*b*c`", "a*b*c", "<code>a*b*c</code>"));
  add(marked("`\\textbf{x} & 100%`", "\\textbf{x} & 100%",
             "<code>\\textbf{x} &amp; 100%</code>"));
  add(marked("`--` and `<<`", "-- and <<",
             "<code>--</code> and <code>&lt;&lt;</code>"));
  add(marked("**C#**", "C#", "<strong>C#</strong>"));
  add(marked("*(parenthetical)*", "(parenthetical)",
             "<em>(parenthetical)</em>"));
  add(marked("**a_b**", "a_b", "<strong>a_b</strong>"));
  // An image in a field is shown as its description.
  add(marked("![alt text](https://example.org/x.png)", "alt text", "alt text"));
  return table;
}

// ---------------------------------------------------------------------------
// Markup signatures: the same HTML-like fragment written from the model's
// tree, from cmark's tree of the rendered Markdown and from the HTML tree.

std::string escape_signature_text(std::string_view text) {
  std::string out;
  for (char c : text) {
    if (c == '&')
      out += "&amp;";
    else if (c == '<')
      out += "&lt;";
    else if (c == '>')
      out += "&gt;";
    else
      out += c;
  }
  return out;
}

void model_signature(const MarkupNode& node, std::string& out) {
  auto children = [&] {
    for (const MarkupNode& child : node.children)
      model_signature(child, out);
  };
  switch (node.kind) {
  case NodeKind::Document:
    children();
    break;
  case NodeKind::Paragraph:
    if (!out.empty())
      out += "<p/>"; // a second paragraph: never expected in a field
    children();
    break;
  case NodeKind::BulletList:
  case NodeKind::OrderedList:
  case NodeKind::Item:
    out += "<list/>";
    children();
    break;
  case NodeKind::Text:
    out += escape_signature_text(node.literal);
    break;
  case NodeKind::Code:
    out += "<code>" + escape_signature_text(node.literal) + "</code>";
    break;
  case NodeKind::Emph:
    out += "<em>";
    children();
    out += "</em>";
    break;
  case NodeKind::Strong:
    out += "<strong>";
    children();
    out += "</strong>";
    break;
  case NodeKind::Link:
    out += "<a href=\"" + node.literal + "\">";
    children();
    out += "</a>";
    break;
  case NodeKind::SoftBreak:
    out += ' ';
    break;
  case NodeKind::LineBreak:
    out += "<br/>";
    break;
  }
}

std::string model_signature(const MarkupNode& node) {
  std::string out;
  model_signature(node, out);
  return out;
}

// What a browser would show from the rendered Markdown, and its markup. The
// renderer writes emphasis that `*` cannot express as raw <em> and <strong>
// tags; any other raw HTML, and any block but one paragraph, is written into
// the signature so that the comparison fails.
struct CommonmarkView {
  std::string text;
  std::string signature;
};

void view_inlines(cmark_node* parent, CommonmarkView& view) {
  for (cmark_node* node = cmark_node_first_child(parent); node;
       node = cmark_node_next(node)) {
    switch (cmark_node_get_type(node)) {
    case CMARK_NODE_TEXT:
      view.text += literal_of(node);
      view.signature += escape_signature_text(literal_of(node));
      break;
    case CMARK_NODE_CODE:
      view.text += literal_of(node);
      view.signature +=
          "<code>" + escape_signature_text(literal_of(node)) + "</code>";
      break;
    case CMARK_NODE_SOFTBREAK:
      view.text += ' ';
      view.signature += ' ';
      break;
    case CMARK_NODE_LINEBREAK:
      view.text += ' ';
      view.signature += "<br/>";
      break;
    case CMARK_NODE_EMPH:
      view.signature += "<em>";
      view_inlines(node, view);
      view.signature += "</em>";
      break;
    case CMARK_NODE_STRONG:
      view.signature += "<strong>";
      view_inlines(node, view);
      view.signature += "</strong>";
      break;
    case CMARK_NODE_LINK: {
      const char* url = cmark_node_get_url(node);
      view.signature += "<a href=\"" + std::string(url ? url : "") + "\">";
      view_inlines(node, view);
      view.signature += "</a>";
      break;
    }
    case CMARK_NODE_HTML_INLINE: {
      std::string tag = literal_of(node);
      bool emphasis = tag == "<em>" || tag == "</em>" || tag == "<strong>" ||
                      tag == "</strong>";
      view.signature += emphasis ? tag : "<raw-html:" + tag + ">";
      break;
    }
    default:
      view.signature +=
          "<unexpected:" + std::string(cmark_node_get_type_string(node)) + ">";
      view_inlines(node, view);
      break;
    }
  }
}

// Reads the blocks of a document or a list item: a field gives at most one
// paragraph.
void view_blocks(cmark_node* parent, CommonmarkView& view) {
  bool first = true;
  for (cmark_node* node = cmark_node_first_child(parent); node;
       node = cmark_node_next(node)) {
    if (!first)
      view.signature += "<p/>";
    first = false;
    if (cmark_node_get_type(node) == CMARK_NODE_PARAGRAPH) {
      view_inlines(node, view);
      continue;
    }
    view.signature +=
        "<block:" + std::string(cmark_node_get_type_string(node)) + ">";
    view.text += literal_of(node);
  }
}

CommonmarkView view_markdown(const std::string& markdown) {
  CommonmarkView view;
  CmarkDocument document = parse_commonmark(markdown);
  view_blocks(document.get(), view);
  return view;
}

// Reads Markdown written as the only item of a bullet list.
CommonmarkView view_markdown_list_item(const std::string& markdown) {
  CommonmarkView view;
  CmarkDocument document = parse_commonmark(markdown);
  cmark_node* list = cmark_node_first_child(document.get());
  bool one_item = list && !cmark_node_next(list) &&
                  cmark_node_get_type(list) == CMARK_NODE_LIST &&
                  cmark_node_first_child(list) &&
                  !cmark_node_next(cmark_node_first_child(list));
  if (!one_item) {
    view.signature = "<not-one-list-item>";
    return view;
  }
  view_blocks(cmark_node_first_child(list), view);
  return view;
}

// The HTML tree's text and markup, read the same way.
void view_html(pugi::xml_node parent, CommonmarkView& view) {
  for (pugi::xml_node node : parent.children()) {
    if (node.type() == pugi::node_pcdata) {
      view.text += node.value();
      view.signature += escape_signature_text(node.value());
      continue;
    }
    std::string name = node.name();
    if (name == "p") {
      if (!view.signature.empty())
        view.signature += "<p/>";
      view_html(node, view);
    } else if (name == "br") {
      view.text += ' ';
      view.signature += "<br/>";
    } else if (name == "a") {
      view.signature +=
          "<a href=\"" + std::string(node.attribute("href").value()) + "\">";
      view_html(node, view);
      view.signature += "</a>";
    } else if (name == "em" || name == "strong" || name == "code") {
      view.signature += "<" + name + ">";
      view_html(node, view);
      view.signature += "</" + name + ">";
    } else {
      view.signature += "<unexpected:" + name + ">";
      view_html(node, view);
    }
  }
}

// The signature that a field must have: its markup, or its text alone.
std::string expected_signature(const Hostile& h) {
  return h.markup.empty() ? escape_signature_text(h.visible) : h.markup;
}

// ---------------------------------------------------------------------------
// The CV that contains every string.

std::string yaml_quoted(std::string_view text) {
  std::string out = "\"";
  for (char c : text) {
    if (c == '\\')
      out += "\\\\";
    else if (c == '"')
      out += "\\\"";
    else if (c == '\n')
      out += "\\n";
    else if (c == '\t')
      out += "\\t";
    else
      out += c;
  }
  return out + "\"";
}

const char* const kCvName = "Nguyễn Thu Hương";
const char* const kHeadline = "R&D lead | C# & C++ | 100% remote ~$40k";
const char* const kLocation = "Ağrı & Łódź, #1_{x}";
const char* const kEmail = "a_b+c@example.org";
const char* const kDoi = "10.1000/jea_2021.07";
const char* const kOneLineSection = "R&D / Q&A - 100%";
// Free-text dates that mark where each experience entry starts in the
// PDF's text.
const char* const kHostileDate = "Hostile period";
const char* const kLongEntryDate = "Long period";

// Each experience entry contains this many strings as highlights, few
// enough that the entry fits on one page.
constexpr size_t kHighlightsPerEntry = 25;

// The number of highlights of the entry that is longer than a page.
constexpr int kManyHighlights = 80;

std::string many_highlight(int number) {
  return "long entry highlight " + std::to_string(number);
}

// A highlight is block Markdown, where `- x`, `+ x`, `* x`, `1. x` and
// `2) x` open a list, as they should. To check those strings literally in
// the highlights too, their marker gets a backslash there; the one-line
// entries take them as written.
std::string as_highlight(const std::string& input) {
  size_t digits = input.find_first_not_of("0123456789");
  bool ordered = digits > 0 && digits != std::string::npos &&
                 digits + 1 < input.size() &&
                 (input[digits] == '.' || input[digits] == ')') &&
                 input[digits + 1] == ' ';
  bool bullet = input.size() > 1 &&
                (input[0] == '-' || input[0] == '+' || input[0] == '*') &&
                input[1] == ' ';
  if (ordered)
    return input.substr(0, digits) + "\\" + input.substr(digits);
  if (bullet)
    return "\\" + input;
  return input;
}

// Every string is a highlight of an experience entry and the details of a
// one-line entry. moderncv typesets a \cventry as one box, so the strings
// are spread over several entries. One more entry, longer than a page,
// checks that such an entry is not cut at the end of the page.
std::string hostile_cv_yaml(const std::vector<Hostile>& table) {
  std::string yaml = "cv:\n";
  yaml += "  name: " + yaml_quoted(kCvName) + "\n";
  yaml += "  headline: " + yaml_quoted(kHeadline) + "\n";
  yaml += "  location: " + yaml_quoted(kLocation) + "\n";
  yaml += "  email: " + yaml_quoted(kEmail) + "\n";

  yaml += "  sections:\n";
  yaml += "    Experience:\n";
  for (size_t i = 0; i < table.size(); ++i) {
    if (i % kHighlightsPerEntry == 0) {
      yaml += "      - company: Hostile Strings Ltd\n";
      yaml += "        position: Highlights Tester\n";
      yaml += "        date: " + std::string(kHostileDate) + "\n";
      yaml += "        highlights:\n";
    }
    yaml += "          - " + yaml_quoted(as_highlight(table[i].input)) + "\n";
  }

  yaml += "      - company: Long Entry Ltd\n";
  yaml += "        position: Long Entry Tester\n";
  yaml += "        date: " + std::string(kLongEntryDate) + "\n";
  yaml += "        highlights:\n";
  for (int number = 1; number <= kManyHighlights; ++number)
    yaml += "          - " + many_highlight(number) + "\n";

  yaml += "    " + yaml_quoted(kOneLineSection) + ":\n";
  for (const Hostile& h : table) {
    yaml += "      - label: Field\n";
    yaml += "        details: " + yaml_quoted(h.input) + "\n";
  }

  yaml += "    Publications:\n";
  yaml += "      - title: Sparse sketches\n";
  yaml += "        authors: [Ines Varga]\n";
  yaml += "        doi: " + yaml_quoted(kDoi) + "\n";
  yaml += "        date: 2021-07\n";
  return yaml;
}

// The PDF's text in content-stream order (`pdftotext -raw`) with runs of
// whitespace collapsed. In some lines of a two-column \cvitem, the layout
// mode of test::pdf_text drops the spaces around `*`, `<` and `>`. Its
// joining of a hyphen at a line end also removes the hyphen of a field
// that ends with one, such as `-` or `--`.
std::string pdf_raw_text(const std::string& pdf) {
  std::string path =
      (std::filesystem::temp_directory_path() /
       ("cvconvert-hostile-" + std::to_string(getpid()) + "-raw.pdf"))
          .string();
  std::ofstream(path, std::ios::binary) << pdf;
  test::CommandResult result =
      test::run_command("pdftotext -raw -enc UTF-8 '" + path + "' -");
  std::filesystem::remove(path);
  REQUIRE(result.status == 0);
  std::string text;
  for (char c : result.output) {
    bool space = c == ' ' || c == '\n' || c == '\t' || c == '\f' || c == '\r';
    if (!space)
      text += c;
    else if (!text.empty() && text.back() != ' ')
      text += ' ';
  }
  return text;
}

std::string pdf_needle(const Hostile& h) {
  return normalize_nfc(h.pdf.empty() ? h.visible : h.pdf);
}

// Removes moderncv's page numbers (`2/12`) from the collapsed text.
std::string without_page_numbers(const std::string& text) {
  static const std::regex page_number(" [0-9]+/[0-9]+ ");
  return std::regex_replace(text, page_number, " ");
}

std::string trimmed(std::string_view text) {
  size_t first = text.find_first_not_of(' ');
  if (first == std::string_view::npos)
    return "";
  size_t last = text.find_last_not_of(' ');
  return std::string(text.substr(first, last - first + 1));
}

// Returns the trimmed pieces of `region` that follow each `separator`.
std::vector<std::string> split_items(std::string_view region,
                                     std::string_view separator) {
  std::vector<std::string> items;
  size_t start = region.find(separator);
  while (start != std::string_view::npos) {
    start += separator.size();
    size_t next = region.find(separator, start);
    size_t end = next == std::string_view::npos ? region.size() : next;
    items.push_back(trimmed(region.substr(start, end - start)));
    start = next;
  }
  return items;
}

// The highlights of the hostile experience entries, in order. Each entry
// starts with its date, title and company; its first character after them
// is the itemize bullet, which separates the highlights.
std::vector<std::string> highlight_items(const std::string& text) {
  const std::string header =
      std::string(kHostileDate) + " Highlights Tester, Hostile Strings Ltd ";
  std::vector<std::string> items;
  size_t start = text.find(header);
  while (start != std::string::npos) {
    start += header.size();
    size_t end = std::min(text.find(kHostileDate, start),
                          text.find(kLongEntryDate, start));
    std::string_view region(text.data() + start,
                            std::min(end, text.size()) - start);
    size_t bullet_size = 1;
    while (bullet_size < region.size() &&
           (static_cast<unsigned char>(region[bullet_size]) & 0xC0) == 0x80)
      ++bullet_size;
    for (std::string& item : split_items(region, region.substr(0, bullet_size)))
      items.push_back(std::move(item));
    start = text.find(header, end);
  }
  return items;
}

// The details of the one-line entries, in order: each follows its label.
std::vector<std::string> one_line_items(const std::string& text) {
  size_t start = text.find(std::string(kOneLineSection) + " Field");
  if (start == std::string::npos)
    return {};
  size_t end = text.find("Publications", start);
  std::string_view region(text.data() + start,
                          std::min(end, text.size()) - start);
  return split_items(region, "Field");
}

bool pdf_item_matches(const std::string& item, const Hostile& h) {
  std::string expected = pdf_needle(h);
  return h.pdf_partial ? item.find(expected) != std::string::npos
                       : item == expected;
}

// Compares the items read from the PDF with the table. The two lists are
// aligned by their longest common subsequence, so that a lost or an extra
// item is reported once, with the items that the PDF shows in its place.
void check_items(const std::vector<std::string>& items,
                 const std::vector<Hostile>& table, std::string_view where) {
  size_t rows = table.size();
  size_t columns = items.size();
  // common[i][j]: the longest common subsequence of table[i..] and items[j..].
  std::vector<std::vector<size_t>> common(rows + 1,
                                          std::vector<size_t>(columns + 1));
  for (size_t i = rows; i-- > 0;)
    for (size_t j = columns; j-- > 0;)
      common[i][j] = pdf_item_matches(items[j], table[i])
                         ? common[i + 1][j + 1] + 1
                         : std::max(common[i + 1][j], common[i][j + 1]);

  size_t i = 0;
  size_t j = 0;
  std::vector<size_t> lost;
  std::vector<std::string> shown;
  auto report = [&] {
    for (size_t index : lost) {
      std::string instead;
      for (const std::string& item : shown)
        instead += " '" + item + "'";
      FAIL_CHECK("the PDF's " << where << " lack '" << pdf_needle(table[index])
                              << "' for input '" << table[index].input
                              << "'; in its place:"
                              << (instead.empty() ? " nothing" : instead));
    }
    for (const std::string& item : shown)
      if (lost.empty())
        FAIL_CHECK("the PDF's " << where << " show an extra item '" << item
                                << "'");
    lost.clear();
    shown.clear();
  };
  while (i < rows || j < columns) {
    if (i < rows && j < columns && pdf_item_matches(items[j], table[i]) &&
        common[i][j] == common[i + 1][j + 1] + 1) {
      report();
      ++i;
      ++j;
    } else if (j < columns &&
               (i == rows || common[i][j + 1] >= common[i + 1][j])) {
      shown.push_back(items[j++]);
    } else {
      lost.push_back(i++);
    }
  }
  report();
}

// A URL can reach a PDF string with its parentheses escaped.
std::string pdf_string_escaped(std::string_view url) {
  std::string out;
  for (char c : url) {
    if (c == '(' || c == ')' || c == '\\')
      out += '\\';
    out += c;
  }
  return out;
}

std::string pdf_metadata(const std::string& pdf) {
  std::string path =
      (std::filesystem::temp_directory_path() /
       ("cvconvert-hostile-" + std::to_string(getpid()) + ".pdf"))
          .string();
  std::ofstream(path, std::ios::binary) << pdf;
  test::CommandResult result =
      test::run_command("pdfinfo -enc UTF-8 '" + path + "'");
  std::filesystem::remove(path);
  REQUIRE(result.status == 0);
  return result.output;
}

// Returns the value of one `Key: value` line of pdfinfo's output.
std::string metadata_field(const std::string& metadata,
                           const std::string& key) {
  std::istringstream lines(metadata);
  std::string line;
  while (std::getline(lines, line)) {
    if (line.rfind(key + ":", 0) != 0)
      continue;
    size_t value = line.find_first_not_of(' ', key.size() + 1);
    return value == std::string::npos ? "" : line.substr(value);
  }
  return "";
}

std::string all_messages(const Diagnostics& diagnostics) {
  std::string out;
  for (const Diagnostic& d : diagnostics.all())
    out += format_diagnostic(d, diagnostics.file_name(), diagnostics.source(),
                             false);
  return out;
}

} // namespace

TEST_CASE("hostile strings: table size", "[hostile]") {
  CHECK(hostile_strings().size() >= 150);
}

TEST_CASE("hostile strings in Markdown and HTML", "[hostile]") {
  for (const Hostile& h : hostile_strings()) {
    INFO("input: '" << h.input << "'");
    // The reader normalises every value to NFC before parsing it.
    MarkupNode tree = parse_inline_markup(normalize_nfc(h.input));
    std::string signature = expected_signature(h);
    CHECK(to_plain_text(tree) == h.visible);
    CHECK(model_signature(tree) == signature);

    std::string markdown = render_markdown(tree);
    INFO("Markdown: " << markdown);
    CommonmarkView md = view_markdown(markdown);
    CHECK(md.text == h.visible);
    CHECK(md.signature == signature);

    // The same field as a list item, where a highlight goes.
    std::string item = "- " + render_markdown(tree, 2);
    INFO("Markdown list item: " << item);
    CommonmarkView md_item = view_markdown_list_item(item);
    CHECK(md_item.text == h.visible);
    CHECK(md_item.signature == signature);

    pugi::xml_document document;
    Diagnostics diagnostics;
    render_html(tree, document.append_child("div"), "highlights", {},
                diagnostics);
    CHECK(diagnostics.all().empty());
    std::ostringstream saved;
    document.save(saved, "", pugi::format_raw | pugi::format_no_declaration);
    INFO("HTML: " << saved.str());
    pugi::xml_document reparsed;
    pugi::xml_parse_result parsed = reparsed.load_string(
        saved.str().c_str(), pugi::parse_default | pugi::parse_ws_pcdata);
    REQUIRE(parsed);
    CommonmarkView html;
    view_html(reparsed.child("div"), html);
    CHECK(html.text == h.visible);
    CHECK(html.signature == signature);
  }
}

TEST_CASE("hostile strings in the PDF", "[hostile]") {
  std::vector<Hostile> table = hostile_strings();
  Cv cv = test::parse_valid(hostile_cv_yaml(table));

  Diagnostics diagnostics("test.yaml", "");
  std::optional<LatexDocument> latex = write_latex(cv, {}, diagnostics);
  INFO(all_messages(diagnostics));
  REQUIRE(latex.has_value());
  REQUIRE_FALSE(diagnostics.has_errors());

  // Each field that pdflatex cannot typeset whole is named in a warning.
  for (const Hostile& h : table) {
    if (h.warning.empty())
      continue;
    INFO("input: '" << h.input << "'");
    bool reported = false;
    for (const Diagnostic& d : diagnostics.all())
      reported = reported || (d.severity == Severity::Warning &&
                              d.message.find(h.warning) != std::string::npos &&
                              d.message.find(h.warned) != std::string::npos);
    CHECK(reported);
  }
  // Nothing else is reported: no character of the other strings is dropped
  // or transliterated.
  for (const Diagnostic& d : diagnostics.all()) {
    INFO("warning: " << d.message);
    bool expected = false;
    for (const Hostile& h : table)
      expected = expected || (!h.warning.empty() &&
                              d.message.find(h.warning) != std::string::npos &&
                              d.message.find(h.warned) != std::string::npos);
    CHECK(expected);
  }

  // The only compilation of the test.
  std::string pdf = test::compile_pdf(latex->text);
  std::string text = without_page_numbers(normalize_nfc(pdf_raw_text(pdf)));

  // Header fields. The Vietnamese name is checked in the metadata too,
  // which hyperref writes in Unicode whatever the glyphs' names.
  CHECK(text.find(kHeadline) != std::string::npos);
  CHECK(text.find(kLocation) != std::string::npos);
  CHECK(text.find(kEmail) != std::string::npos);
  CHECK(text.find(std::string("DOI: ") + kDoi) != std::string::npos);
  CHECK(text.find(kCvName) != std::string::npos);
  std::string metadata = pdf_metadata(pdf);
  INFO("pdfinfo:\n" << metadata);
  CHECK(metadata_field(metadata, "Author") == kCvName);
  CHECK(metadata_field(metadata, "Title") == kCvName);

  // Every string as a highlight, then as a one-line entry.
  check_items(highlight_items(text), table, "highlights");
  check_items(one_line_items(text), table, "one-line entries");

  // An entry longer than a page loses no highlight.
  size_t long_entry = text.find(std::string(kLongEntryDate) +
                                " Long Entry Tester, Long Entry Ltd");
  REQUIRE(long_entry != std::string::npos);
  std::string missing;
  for (int number = 1; number <= kManyHighlights; ++number) {
    // The trailing space keeps `1` from matching the start of `10`.
    std::string item = many_highlight(number) + " ";
    size_t found = text.find(item, long_entry);
    if (found == std::string::npos) {
      missing += " " + std::to_string(number);
      continue;
    }
    long_entry = found + item.size();
  }
  INFO("highlights missing from the entry longer than a page:" << missing);
  CHECK(missing.empty());

  // Link targets reach the PDF byte for byte.
  std::string links = test::pdf_links(pdf);
  std::vector<std::string> targets = {"mailto:" + std::string(kEmail),
                                      "https://doi.org/" + std::string(kDoi)};
  for (const Hostile& h : table) {
    std::string_view markup = h.markup;
    size_t href = markup.find("<a href=\"");
    while (href != std::string_view::npos) {
      size_t start = href + 9;
      size_t close = markup.find('"', start);
      targets.emplace_back(markup.substr(start, close - start));
      href = markup.find("<a href=\"", close);
    }
  }
  for (const std::string& target : targets) {
    INFO("target: " << target << "\nlinks:\n" << links);
    bool present =
        links.find("(" + target + ")") != std::string::npos ||
        links.find("(" + pdf_string_escaped(target) + ")") != std::string::npos;
    CHECK(present);
  }
}
