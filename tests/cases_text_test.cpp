// The Markdown and HTML expectations of the fault cases in tests/cases/,
// checked field by field on the text layer: every text field of each case
// CV is rendered as CommonMark and as HTML, and parsed back.
#include "html_escape.hpp"
#include "markdown_escape.hpp"
#include "markup.hpp"
#include "support.hpp"

#include <catch2/catch.hpp>
#include <cmark.h>
#include <pugixml.hpp>

#include <memory>
#include <sstream>

using namespace cvc;
using namespace cvc::test;

namespace {

Cv case_cv(const std::string& name) {
  return parse_valid(read_file(source_path("tests/cases/" + name + ".yaml")));
}

// Renders CommonMark to HTML with the cmark library, as a Markdown
// renderer on a site would, and parses the result with pugixml.
struct RenderedMarkdown {
  std::string html;
  pugi::xml_document document;
  std::string text;
};

// Concatenates the text of a tree; a block element ends with a space, as
// a browser shows blocks on lines of their own.
void collect_text(pugi::xml_node node, std::string& out) {
  for (pugi::xml_node child : node.children()) {
    if (child.type() == pugi::node_pcdata) {
      out += child.value();
      continue;
    }
    collect_text(child, out);
    std::string_view name = child.name();
    if (name == "p" || name == "li" || name == "ul" || name == "ol" ||
        name == "br")
      out += ' ';
  }
}

// Visible text with every run of blanks made one space and the ends
// trimmed, as a browser shows it.
std::string squeeze(const std::string& text) {
  std::string out;
  for (char c : text) {
    bool blank = c == ' ' || c == '\n' || c == '\t';
    if (blank) {
      if (!out.empty() && out.back() != ' ')
        out += ' ';
    } else {
      out += c;
    }
  }
  while (!out.empty() && out.back() == ' ')
    out.pop_back();
  return out;
}

std::unique_ptr<RenderedMarkdown> render_commonmark(const std::string& md) {
  auto rendered = std::make_unique<RenderedMarkdown>();
  char* html = cmark_markdown_to_html(md.data(), md.size(), CMARK_OPT_DEFAULT);
  rendered->html = html;
  free(html);
  std::string wrapped = "<div>" + rendered->html + "</div>";
  pugi::xml_parse_result ok = rendered->document.load_string(
      wrapped.c_str(), pugi::parse_default | pugi::parse_ws_pcdata);
  INFO(wrapped);
  REQUIRE(ok);
  collect_text(rendered->document, rendered->text);
  rendered->text = squeeze(rendered->text);
  return rendered;
}

// Renders a field with the HTML renderer, saves the tree, and parses the
// saved text back.
struct RenderedHtml {
  std::string source;
  pugi::xml_document document;
  std::string text;
};

std::unique_ptr<RenderedHtml> render_field_html(const Text& text) {
  auto rendered = std::make_unique<RenderedHtml>();
  pugi::xml_document tree;
  Diagnostics diagnostics;
  render_html(text.tree, tree.append_child("div"), "field", text.pos,
              diagnostics);
  std::ostringstream saved;
  tree.save(saved, "", pugi::format_raw | pugi::format_no_declaration);
  rendered->source = saved.str();
  pugi::xml_parse_result ok = rendered->document.load_string(
      rendered->source.c_str(), pugi::parse_default | pugi::parse_ws_pcdata);
  INFO(rendered->source);
  REQUIRE(ok);
  collect_text(rendered->document, rendered->text);
  rendered->text = squeeze(rendered->text);
  return rendered;
}

std::vector<std::string> hrefs(const pugi::xml_document& document) {
  std::vector<std::string> out;
  for (pugi::xpath_node link : document.select_nodes("//a[@href]"))
    out.push_back(link.node().attribute("href").value());
  return out;
}

bool contains(const std::vector<std::string>& items, const std::string& item) {
  return std::find(items.begin(), items.end(), item) != items.end();
}

} // namespace

TEST_CASE("cases: Markdown gives back every field's text") {
  for (const char* name :
       {"01-latex-special-characters", "02-urls-links-schemes",
        "03-unicode-names-scripts-pdflatex", "06-empty-missing-sections",
        "08-markdown-in-fields", "10-yaml-implicit-typing",
        "13-json-resume-conformance"}) {
    Cv cv = case_cv(name);
    for_each_field(cv, [&](const std::string& field, const Text& text) {
      std::string markdown = render_markdown(text.tree);
      INFO(name << " " << field << ": " << text.source
                << "\nMarkdown: " << markdown);
      auto rendered = render_commonmark(markdown);
      CHECK(rendered->text == squeeze(to_plain_text(text.tree)));
      CHECK(markdown.find("\\&") == std::string::npos);
      CHECK(markdown.find("\\%") == std::string::npos);
      CHECK(markdown.find("\\_") == std::string::npos);
      CHECK(markdown.find("\\textbackslash") == std::string::npos);
    });
  }
}

TEST_CASE("cases: HTML gives back every field's text") {
  for (const char* name :
       {"01-latex-special-characters", "02-urls-links-schemes",
        "03-unicode-names-scripts-pdflatex", "06-empty-missing-sections",
        "08-markdown-in-fields", "10-yaml-implicit-typing",
        "13-json-resume-conformance"}) {
    Cv cv = case_cv(name);
    for_each_field(cv, [&](const std::string& field, const Text& text) {
      auto rendered = render_field_html(text);
      INFO(name << " " << field << ": " << text.source
                << "\nHTML: " << rendered->source);
      CHECK(rendered->text == squeeze(to_plain_text(text.tree)));
      // Escaped once: no visible character reference survives parsing.
      CHECK(rendered->text.find("&amp;") == std::string::npos);
      CHECK(rendered->text.find("&lt;") == std::string::npos);
    });
  }
}

TEST_CASE("case 01: special characters stay literal in Markdown") {
  Cv cv = case_cv("01-latex-special-characters");
  const auto& experience = std::get<ExperienceEntry>(cv.sections[1].entries[0]);
  const char* expected[] = {
      "Grew ARR from $1.2M to $3.4M & hired 6 engineers",
      "Cut cloud spend by 35% using spot_instances and a {config} overlay",
      "[Invited] Rewrote the build scripts under C:\\tools\\build for x^2 "
      "speed",
      "Documented why \\textbf{foo} stays literal in our wiki"};
  REQUIRE(experience.highlights.size() == 4);
  for (size_t i = 0; i < 4; ++i) {
    auto rendered =
        render_commonmark(render_markdown(experience.highlights[i].text.tree));
    CHECK(rendered->text == expected[i]);
    // No emphasis, link, heading or inline HTML came out of the text.
    CHECK(rendered->document.select_nodes("//em|//strong|//a|//h1|//code")
              .empty());
  }
  std::string title = render_markdown(cv.sections[4].title.tree);
  CHECK(render_commonmark(title)->text == "R&D / Q&A - 100%");
}

TEST_CASE("case 01: HTML escapes special characters once") {
  Cv cv = case_cv("01-latex-special-characters");
  const auto& summary = std::get<TextEntry>(cv.sections[0].entries[0]);
  auto rendered = render_field_html(summary.text);
  CHECK(rendered->source.find("&lt; 5 ms") != std::string::npos);
  CHECK(rendered->source.find("&gt; 10k") != std::string::npos);
  CHECK(rendered->source.find("&amp;amp;") == std::string::npos);
  CHECK(rendered->text ==
        "Latency < 5 ms, throughput > 10k rps | budget ~$40k");
}

TEST_CASE("case 02: link targets survive Markdown and HTML") {
  Cv cv = case_cv("02-urls-links-schemes");
  const auto& summary = std::get<TextEntry>(cv.sections[0].entries[0]);
  const auto& job = std::get<ExperienceEntry>(cv.sections[2].entries[0]);
  struct Link {
    const Text* text;
    std::string target;
    std::string label;
  };
  const Link links[] = {
      {&summary.text, "https://example.org/~ines/notes#open_problems",
       "my wiki"},
      {&job.highlights[0].text,
       "https://code.example.org/ines_varga/graph-kit?tab=readme#install",
       "graph toolkit"},
  };
  for (const Link& link : links) {
    std::string markdown = render_markdown(link.text->tree);
    INFO(markdown);
    auto from_markdown = render_commonmark(markdown);
    CHECK(contains(hrefs(from_markdown->document), link.target));
    CHECK(from_markdown->text.find(link.label) != std::string::npos);
    CHECK(from_markdown->text.find("](") == std::string::npos);
    auto html = render_field_html(*link.text);
    CHECK(contains(hrefs(html->document), link.target));
  }
  // A destination with parentheses, a quote and an ampersand keeps them.
  Text tarski;
  tarski.tree = parse_inline_markup(
      "[lemma](https://wiki.example.org/Tarski's_lemma_(order_theory)"
      "?lang=en&rev=2)");
  std::string markdown = render_markdown(tarski.tree);
  CHECK(markdown.find("(<https://wiki.example.org/Tarski's_lemma_(order_theory)"
                      "?lang=en&rev=2>)") != std::string::npos);
  CHECK(contains(hrefs(render_commonmark(markdown)->document),
                 "https://wiki.example.org/Tarski's_lemma_(order_theory)"
                 "?lang=en&rev=2"));
  auto html = render_field_html(tarski);
  CHECK(html->source.find("&amp;rev=2") != std::string::npos);
  CHECK(html->source.find("&amp;amp;") == std::string::npos);
}

TEST_CASE("case 03: Unicode stays byte for byte in Markdown") {
  Cv cv = case_cv("03-unicode-names-scripts-pdflatex");
  const auto& summary = std::get<TextEntry>(cv.sections[0].entries[0]);
  std::string markdown = render_markdown(summary.text.tree);
  CHECK(markdown.find("data\u200Bpipelines") != std::string::npos);
  CHECK(markdown.find("5\u00A0ms") != std::string::npos);
  CHECK(render_markdown(cv.headline.tree).find("🚀") != std::string::npos);
  CHECK(render_markdown(cv.name.tree) == "Nguyễn Thu Hương");
  for (const char* mojibake : {"Ã", "Å", "\xEF\xBF\xBD", "&#"})
    CHECK(markdown.find(mojibake) == std::string::npos);
  auto html = render_field_html(cv.headline);
  CHECK(html->text == "Kỹ sư dữ liệu · Data engineer 🚀");
}

TEST_CASE("case 08: Markdown keeps the markup") {
  Cv cv = case_cv("08-markdown-in-fields");
  const auto& summary = std::get<TextEntry>(cv.sections[0].entries[0]);
  std::string markdown = render_markdown(summary.text.tree);
  INFO(markdown);
  auto rendered = render_commonmark(markdown);
  const pugi::xml_document& doc = rendered->document;
  CHECK(doc.select_node("//strong[text()='data platforms']"));
  CHECK(doc.select_node("//em[text()='teach']"));
  CHECK(doc.select_node(
      "//a[@href='https://example.org/courses/graph_theory_101' and "
      "text()='graph theory']"));
  CHECK(doc.select_nodes("//ul/li").size() == 2);
  CHECK(markdown.find("<strong>") == std::string::npos);

  const auto& job = std::get<ExperienceEntry>(cv.sections[1].entries[0]);
  REQUIRE(job.highlights.size() == 5);
  auto led = render_commonmark(render_markdown(job.highlights[0].text.tree));
  CHECK(led->document.select_node("//strong[text()='Led']"));
  auto snake = render_commonmark(render_markdown(job.highlights[1].text.tree));
  CHECK(snake->document.select_nodes("//em").empty());
  CHECK(snake->text.find("snake_case_table_name") != std::string::npos);
  auto twice = render_commonmark(render_markdown(job.highlights[3].text.tree));
  CHECK((twice->document.select_node("//strong/em[text()='Promoted twice']") ||
         twice->document.select_node("//em/strong[text()='Promoted twice']")));
  auto versioned =
      render_commonmark(render_markdown(job.highlights[4].text.tree));
  CHECK(versioned->document.select_node("//em[text()='versioned']"));
}

TEST_CASE("case 08: HTML keeps the markup") {
  Cv cv = case_cv("08-markdown-in-fields");
  const auto& summary = std::get<TextEntry>(cv.sections[0].entries[0]);
  auto html = render_field_html(summary.text);
  const pugi::xml_document& doc = html->document;
  CHECK(doc.select_node("//strong[text()='data platforms']"));
  CHECK(doc.select_node("//em[text()='teach']"));
  CHECK(doc.select_node(
      "//a[@href='https://example.org/courses/graph_theory_101']"));
  CHECK(doc.select_nodes("//ul/li").size() == 2);
  const auto& job = std::get<ExperienceEntry>(cv.sections[1].entries[0]);
  auto snake = render_field_html(job.highlights[1].text);
  CHECK(snake->document.select_nodes("//em").empty());
  CHECK(snake->document.select_node(
      "//text()[contains(., 'snake_case_table_name')]"));
}

TEST_CASE("case 10: scalars keep their source text") {
  Cv cv = case_cv("10-yaml-implicit-typing");
  REQUIRE(cv.phones.size() == 1);
  CHECK(cv.phones[0].value == "07700900123");
  const Section& skills = cv.sections[2];
  const auto& python = std::get<NormalEntry>(skills.entries[1]);
  REQUIRE(python.highlights.size() == 3);
  CHECK(render_markdown(python.highlights[1].text.tree) == "3.10");
  const auto& answers = std::get<NormalEntry>(skills.entries[2]);
  std::string words;
  for (const Highlight& h : answers.highlights)
    words += render_markdown(h.text.tree) + " ";
  CHECK(words == "yes no on off y n ");
}

TEST_CASE("case 06: empty values give no empty items") {
  Cv cv = case_cv("06-empty-missing-sections");
  CHECK(cv.headline.empty());
  CHECK(cv.websites.empty());
  CHECK(cv.phones.empty());
  const auto& press = std::get<ExperienceEntry>(cv.sections[2].entries[1]);
  REQUIRE(press.highlights.size() == 1);
  CHECK(render_markdown(press.highlights[0].text.tree) ==
        "Ran the weekly newsletter");
  CHECK(press.location.empty());
}
