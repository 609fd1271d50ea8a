// The Markdown expectations of the fault cases in tests/cases/, checked on
// the whole CV page that cv2md writes.
#include "markdown_writer.hpp"
#include "support.hpp"

#include <catch2/catch.hpp>

#include <filesystem>
#include <fstream>

using namespace cvc;
using namespace cvc::test;

namespace {

std::string case_page(const std::string& name,
                      MarkdownFlavor flavor = MarkdownFlavor::CommonMark) {
  Cv cv = parse_valid(read_file(source_path("tests/cases/" + name + ".yaml")));
  Diagnostics diagnostics;
  MarkdownOptions options;
  options.flavor = flavor;
  std::optional<std::string> page = write_markdown(cv, options, diagnostics);
  REQUIRE(page.has_value());
  return *page;
}

// Renders Markdown to HTML with the cmark-gfm command and the GFM
// extensions that change how text is read (tables, strikethrough,
// autolinks).
std::string gfm_html(const std::string& markdown) {
  std::string path = (std::filesystem::temp_directory_path() /
                      ("cvconvert-gfm-" + std::to_string(::getpid()) + ".md"))
                         .string();
  std::ofstream(path, std::ios::binary) << markdown;
  CommandResult result = run_command(
      "cmark-gfm -e table -e strikethrough -e autolink '" + path + "'");
  std::filesystem::remove(path);
  REQUIRE(result.status == 0);
  return result.output;
}

std::string commonmark_html(const std::string& markdown) {
  std::string path = (std::filesystem::temp_directory_path() /
                      ("cvconvert-cm-" + std::to_string(::getpid()) + ".md"))
                         .string();
  std::ofstream(path, std::ios::binary) << markdown;
  CommandResult result = run_command("cmark '" + path + "'");
  std::filesystem::remove(path);
  REQUIRE(result.status == 0);
  return result.output;
}

bool contains(const std::string& text, const std::string& part) {
  return text.find(part) != std::string::npos;
}

} // namespace

TEST_CASE("markdown case 01: GFM shows every field as typed") {
  for (MarkdownFlavor flavor :
       {MarkdownFlavor::CommonMark, MarkdownFlavor::Academicpages}) {
    std::string html =
        gfm_html(case_page("01-latex-special-characters", flavor));
    CHECK(contains(html, "R&amp;D lead | C# &amp; C++ | 100% remote"));
    CHECK(contains(html, "Latency &lt; 5 ms, throughput &gt; 10k rps | "
                         "budget ~$40k"));
    CHECK(contains(html, "Barnes &amp; Able Ltd."));
    CHECK(contains(html, "spot_instances and a {config} overlay"));
    CHECK(contains(html, "[Invited] Rewrote the build scripts under "
                         "C:\\tools\\build for x^2 speed"));
    CHECK(contains(html, "Documented why \\textbf{foo} stays literal"));
    CHECK(
        contains(html, "Q&amp;A at 50% Cost: Tagging #issues_by_{component}"));
    CHECK(contains(html, "R&amp;D / Q&amp;A - 100%</h"));
    CHECK_FALSE(contains(html, "<table"));
    CHECK_FALSE(contains(html, "<del>"));
    CHECK_FALSE(contains(html, "<em>"));
    CHECK_FALSE(contains(html, "<h1>3"));
    CHECK_FALSE(contains(html, "<a href=\"Invited"));
  }
}

TEST_CASE("markdown case 01: no LaTeX escapes") {
  std::string page = case_page("01-latex-special-characters");
  for (const char* escape : {"\\&", "\\%", "\\_", "\\textbackslash", "\\$"})
    CHECK_FALSE(contains(page, escape));
}

TEST_CASE("markdown case 02: link destinations kept whole") {
  std::string page = case_page("02-urls-links-schemes");
  std::string html = commonmark_html(page);
  for (const char* target :
       {"href=\"https://www.ines-varga.example.net\"",
        "href=\"mailto:ines_varga+cv@example.org\"",
        "href=\"https://github.com/ines_varga\"",
        "href=\"https://social.example/@ines_v\"",
        "href=\"https://example.org/~ines/notes#open_problems\"",
        "href=\"https://example.org/papers/sparse%20sketches.pdf#page=3\"",
        "href=\"https://wiki.example.org/Tarski&#x27;s_lemma_(order_theory)?lang="
        "en&amp;rev=2\"",
        "href=\"https://code.example.org/ines_varga/graph-kit?tab=readme#"
        "install\""})
    CHECK(contains(html, target));
  // Older Markdown dialects end a destination at the first `)`, so the one
  // with parentheses is written in angle brackets.
  CHECK(contains(page, "(<https://wiki.example.org/Tarski's_lemma_(order_"
                       "theory)?lang=en&rev=2>)"));
  CHECK_FALSE(contains(html, "href=\"https://https://"));
  CHECK_FALSE(contains(html, "mailto:mailto:"));
  // No destination is broken across lines, and none contains `\_`.
  size_t open = 0;
  while ((open = page.find("](<", open)) != std::string::npos) {
    size_t close = page.find(">)", open);
    REQUIRE(close != std::string::npos);
    std::string target = page.substr(open + 3, close - open - 3);
    CHECK_FALSE(contains(target, "\n"));
    CHECK_FALSE(contains(target, "\\_"));
    open = close;
  }
}

TEST_CASE("markdown case 03: Unicode byte for byte") {
  std::string page = case_page("03-unicode-names-scripts-pdflatex");
  CHECK(page.rfind("\xEF\xBB\xBF", 0) != 0);
  for (const char* text :
       {"Nguyễn Thu Hương", "🚀", "data\u200Bpipelines", "≤ 5\u00A0ms", "Łódź",
        "数据工程研讨会 2022", "Işıklı Yazılım A.Ş."})
    CHECK(contains(page, text));
  for (const char* bad : {"&#", "\\u", "Ã", "Å", "\xEF\xBF\xBD"})
    CHECK_FALSE(contains(page, bad));
}

TEST_CASE("markdown case 06: no empty headings, items or links") {
  for (MarkdownFlavor flavor :
       {MarkdownFlavor::CommonMark, MarkdownFlavor::Academicpages}) {
    std::string page = case_page("06-empty-missing-sections", flavor);
    CHECK_FALSE(contains(page, "[]("));
    CHECK_FALSE(contains(page, "* \n"));
    CHECK_FALSE(contains(page, "- \n"));
    CHECK_FALSE(contains(page, ":**\n"));
    for (const char* heading : {"Publications", "Talks", "Teaching", "Awards"})
      CHECK_FALSE(contains(page, std::string("\n") + heading + "\n"));
    // Every heading is followed by content, not by another heading.
    std::string html = commonmark_html(page);
    size_t at = 0;
    while ((at = html.find("</h", at)) != std::string::npos) {
      size_t next = html.find('<', at + 3);
      REQUIRE(next != std::string::npos);
      CHECK(html.compare(next, 2, "<h") != 0);
      at = next;
    }
    CHECK(contains(page, "May 2019 – present"));
    CHECK(contains(page, "  * Ran the weekly newsletter\n"));
  }
}

TEST_CASE("markdown case 08: markup kept as Markdown") {
  std::string page = case_page("08-markdown-in-fields");
  std::string html = commonmark_html(page);
  CHECK(contains(html, "<strong>data platforms</strong>"));
  CHECK(contains(html, "<em>teach</em>"));
  CHECK(contains(html, "<a href=\"https://example.org/courses/"
                       "graph_theory_101\">graph theory</a>"));
  CHECK(contains(html, "<li>query planners</li>"));
  CHECK(contains(html, "<li>type systems for SQL</li>"));
  CHECK((contains(html, "<em><strong>Promoted twice</strong></em>") ||
         contains(html, "<strong><em>Promoted twice</em></strong>")));
  CHECK(contains(html, "<em>versioned</em>"));
  CHECK(contains(html, "snake_case_table_name"));
  for (const char* other :
       {"\\textbf", "#link(", "#strong[", "<strong>", "<em>", "&ast;"})
    CHECK_FALSE(contains(page, other));
}

TEST_CASE("markdown case 10: scalars keep their source text") {
  std::string page = case_page("10-yaml-implicit-typing");
  for (const char* text :
       {"07700900123", "3.8",    "3.10",      "3.12",   "3.80",  "yes",  "no",
        "on",          "off",    "1st place", "2015",   "2014",  "2016", "2018",
        "* NO\n",      "* SE\n", "* DK\n",    "* FI\n", "* y\n", "* n\n"})
    CHECK(contains(page, text));
  for (const char* word : {"False", "false", "True", "true", "None", "null",
                           "3.1,", "3.1 ", "(7700900123"})
    CHECK_FALSE(contains(page, word));
  CHECK(contains(page, "- Oslo, NO\n"));
  CHECK(contains(page, "Fjordlys Analyse AS, Oslo, NO, 2016"));
  CHECK(contains(page, "* Senior analyst, Example Insights, 2018 – present\n"));
}

TEST_CASE("markdown case 13: talk, teaching and service shown") {
  std::string page = case_page("13-json-resume-conformance");
  CHECK(contains(page, "Invited talk"));
  CHECK(contains(page, "\n## Teaching\n"));
  CHECK(contains(page, "BIO 401 Computational Genomics"));
  CHECK(contains(page, "\n## Service\n"));
  CHECK(contains(page, "Reviewer, Journal of Example Biology"));
}
