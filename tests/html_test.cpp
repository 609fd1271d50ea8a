// The HTML writer: page structure parsed back with pugixml, tidy's HTML5
// check, links, JSON-LD, the photo and stylesheets, and the HTML
// expectations of the fault cases in tests/cases/.
#include <catch2/catch.hpp>

#include "html_support.hpp"
#include "support.hpp"

#include <nlohmann/json.hpp>

#include <filesystem>
#include <fstream>
#include <regex>

using namespace cvc;
using namespace cvc::test;

namespace {

bool contains(const std::string& text, const std::string& part) {
  return text.find(part) != std::string::npos;
}

std::string page_of_file(const std::string& path) {
  return html_of(parse_valid(read_file(path)));
}

std::string case_page(const std::string& name) {
  return page_of_file(source_path("tests/cases/" + name + ".yaml"));
}

std::vector<std::string> texts_of(const pugi::xml_node& root,
                                  const char* xpath) {
  std::vector<std::string> out;
  for (const pugi::xpath_node& node : root.select_nodes(xpath))
    out.push_back(visible_text(node.node()));
  return out;
}

std::vector<std::string> hrefs(const pugi::xml_node& root) {
  std::vector<std::string> out;
  for (const pugi::xpath_node& node : root.select_nodes("//a/@href"))
    out.push_back(node.attribute().value());
  return out;
}

bool has(const std::vector<std::string>& items, const std::string& item) {
  return std::find(items.begin(), items.end(), item) != items.end();
}

// Runs tidy in HTML5 mode and returns its report. The status is 0 only
// when tidy finds neither errors nor warnings.
CommandResult tidy(const std::string& html) {
  TempFile file("page.html", html);
  return run_command("tidy -q -e --doctype html5 --show-warnings yes '" +
                     file.path() + "' 2>&1");
}

nlohmann::json json_ld(const pugi::xml_document& document) {
  pugi::xml_node script =
      document.select_node("//script[@type='application/ld+json']").node();
  REQUIRE(script);
  return nlohmann::json::parse(script.text().get());
}

std::string warnings_of(const Cv& cv, const HtmlOptions& options = {}) {
  Diagnostics diagnostics("test.yaml", "");
  REQUIRE(write_html(cv, options, diagnostics).has_value());
  std::string out;
  for (const Diagnostic& d : diagnostics.all())
    out += d.message + "\n";
  return out;
}

} // namespace

TEST_CASE("html page: head declares language and charset") {
  Cv cv = parse_valid("cv:\n  name: Işıl Yücetürk\n  headline: Engineer\n"
                      "locale:\n  language: tr\n");
  std::string html = html_of(cv);
  CHECK(html.rfind("<!DOCTYPE html>\n<html lang=\"tr\">", 0) == 0);
  pugi::xml_document document;
  parse_page(html, document);
  CHECK(document.select_node("/html/head/meta[@charset='utf-8']"));
  CHECK(std::string(document.select_node("/html/head/meta[@name='viewport']")
                        .node()
                        .attribute("content")
                        .value()) == "width=device-width, initial-scale=1");
  CHECK(visible_text(document.select_node("/html/head/title").node()) ==
        "Işıl Yücetürk");
  CHECK(texts_of(document, "//h1") ==
        std::vector<std::string>{"Işıl Yücetürk"});
}

TEST_CASE("html page: title is plain text") {
  Cv cv = parse_valid("cv:\n  name: \"**Ada** <b>Lovelace</b>\"\n");
  pugi::xml_document document;
  parse_page(html_of(cv), document);
  pugi::xml_node title = document.select_node("/html/head/title").node();
  CHECK(title.first_child() == title.last_child());
  CHECK(std::string(title.text().get()) == "Ada <b>Lovelace</b>");
  CHECK(document.select_node("//h1/strong"));
}

TEST_CASE("html page: every page parses and passes tidy") {
  for (const std::string& path : page_inputs()) {
    INFO(path);
    std::string html = page_of_file(path);
    pugi::xml_document document;
    parse_page(html, document);
    CommandResult report = tidy(html);
    INFO(report.output);
    CHECK(report.status == 0);
    CHECK(report.output.empty());
  }
}

TEST_CASE("html page: every model link kept") {
  for (const std::string& path : page_inputs()) {
    Cv cv = parse_valid(read_file(path));
    pugi::xml_document document;
    parse_page(page_of_file(path), document);
    std::vector<std::string> hrefs;
    for (pugi::xpath_node link : document.select_nodes("//a[@href]"))
      hrefs.push_back(link.node().attribute("href").value());
    for (const std::string& target : model_link_targets(cv)) {
      INFO(path << ": " << target);
      CHECK(std::find(hrefs.begin(), hrefs.end(), target) != hrefs.end());
    }
  }
}

TEST_CASE("html page: headings in order, one h1, one section each") {
  for (const std::string& path : page_inputs()) {
    INFO(path);
    Cv cv = parse_valid(read_file(path));
    pugi::xml_document document;
    parse_page(html_of(cv), document);
    CHECK(document.select_nodes("//h1").size() == 1);
    size_t sections = document.select_nodes("//section").size();
    CHECK(document.select_nodes("//section/h2").size() == sections);
    // Every h2 and every h3 is inside a section.
    CHECK(document.select_nodes("//h2[not(parent::section)]").empty());
    CHECK(document.select_nodes("//h3[not(ancestor::section)]").empty());
    CHECK(document.select_nodes("//h4|//h5|//h6").empty());
    // An h3 never comes before the first h2.
    std::string order;
    for (const pugi::xpath_node& h : document.select_nodes("//h1|//h2|//h3"))
      order += h.node().name()[1];
    CHECK(std::regex_match(order, std::regex("1(2(3)*)*")));
  }
}

TEST_CASE("html page: void elements only are self-closed") {
  std::string html = page_of_file(source_path("samples/engineer.yaml"));
  std::regex self_closed("<([a-zA-Z0-9]+)[^<>]*/>");
  for (auto it = std::sregex_iterator(html.begin(), html.end(), self_closed);
       it != std::sregex_iterator(); ++it) {
    std::string name = (*it)[1];
    INFO(name);
    CHECK((name == "meta" || name == "br" || name == "img" || name == "link"));
  }
  CHECK_FALSE(contains(html, "<a/>"));
  CHECK_FALSE(contains(html, "<script />"));
  CHECK(contains(html, "<meta charset=\"utf-8\"/>"));
}

TEST_CASE("html page: empty elements get an end tag") {
  Cv cv = parse_valid(R"yaml(cv:
  name: A B
  sections:
    Notes:
      - "line one  \nline two"
)yaml");
  std::string html = html_of(cv);
  CHECK(contains(html, "line one<br/>line two"));
  CHECK(contains(html, "</script>"));
}

TEST_CASE("html page: dates in time elements") {
  Cv cv = parse_valid(R"yaml(cv:
  name: A B
  sections:
    Experience:
      - company: Acme
        position: Engineer
        start_date: 2019-05
        end_date: present
      - company: Beta
        position: Intern
        start_date: 2017-06-01
        end_date: 2018
      - company: Gamma
        position: Tutor
        date: Summer 2016
)yaml");
  pugi::xml_document document;
  parse_page(html_of(cv), document);
  auto dates = texts_of(document, "//p[@class='entry-date']");
  REQUIRE(dates.size() == 3);
  CHECK(dates[0] == "May 2019 \u2013 present");
  CHECK(dates[1] == "Jun 1, 2017 \u2013 2018");
  CHECK(dates[2] == "Summer 2016");
  std::vector<std::string> iso;
  for (const pugi::xpath_node& time : document.select_nodes("//time/@datetime"))
    iso.push_back(time.attribute().value());
  CHECK(iso == std::vector<std::string>{"2019-05", "2017-06-01", "2018"});
}

TEST_CASE("html page: extras and nested highlights") {
  Cv cv = parse_valid(R"yaml(cv:
  name: A B
  sections:
    Teaching:
      - name: Graph theory
        type: Undergraduate course
        venue: University 1
        role: Teaching assistant
        course_code: [MA101, MA102]
        url: https://example.org/course
        date: 2015
        highlights:
          - Led labs
          - - Week 1
            - Week 2
)yaml");
  pugi::xml_document document;
  parse_page(html_of(cv), document);
  auto extras = texts_of(document, "//p[@class='extra']");
  CHECK(extras == std::vector<std::string>{"Role: Teaching assistant",
                                           "Course code: MA101, MA102"});
  CHECK(texts_of(document, "//h3/a") ==
        std::vector<std::string>{"Graph theory"});
  CHECK(texts_of(document, "//p[@class='entry-grade']") ==
        std::vector<std::string>{"Undergraduate course"});
  CHECK(texts_of(document, "//span[@class='organization']") ==
        std::vector<std::string>{"University 1"});
  CHECK(texts_of(document, "//ul[@class='highlights']/li/ul/li") ==
        std::vector<std::string>{"Week 1", "Week 2"});
}

TEST_CASE("html page: list kinds") {
  Cv cv = parse_valid(R"yaml(cv:
  name: A B
  sections:
    Skills:
      - label: Languages
        details: C++, Python
    Interests:
      - bullet: Hiking
    Steps:
      - number: First
      - number: Second
    Countdown:
      - reversed_number: Older
      - reversed_number: Newer
)yaml");
  pugi::xml_document document;
  parse_page(html_of(cv), document);
  CHECK(texts_of(document, "//li[contains(@class,'one-line')]/p") ==
        std::vector<std::string>{"Languages", "C++, Python"});
  CHECK(texts_of(document, "//section[@id='interests']/ul/li") ==
        std::vector<std::string>{"Hiking"});
  CHECK(texts_of(document, "//section[@id='steps']/ol/li") ==
        std::vector<std::string>{"First", "Second"});
  pugi::xml_node reversed =
      document.select_node("//section[@id='countdown']/ol").node();
  CHECK(std::string(reversed.attribute("reversed").value()) == "reversed");
  CHECK(std::string(reversed.attribute("start").value()) == "2");
}

TEST_CASE("html page: JSON-LD Person") {
  Cv cv = parse_valid(R"yaml(cv:
  name: Lena Marchetti
  headline: AI Researcher
  email: lena@example.org
  website: [lena.example.org, https://blog.example.org]
  social_networks:
    - network: GitHub
      username: lena
  sections:
    Education:
      - institution: GitHub University
        area: Jekyll
      - institution: GitHub University
        area: Git
      - institution: Example College
        area: Maths
)yaml");
  pugi::xml_document document;
  parse_page(html_of(cv), document);
  nlohmann::json person = json_ld(document);
  CHECK(person["@context"] == "https://schema.org");
  CHECK(person["@type"] == "Person");
  CHECK(person["name"] == "Lena Marchetti");
  CHECK(person["jobTitle"] == "AI Researcher");
  CHECK(person["email"] == "lena@example.org");
  CHECK(person["url"] == "https://lena.example.org");
  CHECK(person["sameAs"] == nlohmann::json::array({"https://blog.example.org",
                                                   "https://github.com/lena"}));
  REQUIRE(person["alumniOf"].size() == 2);
  CHECK(person["alumniOf"][0]["name"] == "GitHub University");
  CHECK(person["alumniOf"][1]["name"] == "Example College");
}

TEST_CASE("html page: script end tag in JSON-LD values") {
  Cv cv = parse_valid(R"yaml(cv:
  name: "</script><script>alert(1)</script>"
  headline: "</SCRIPT ><!-- & -->"
)yaml");
  std::string html = html_of(cv);
  size_t open = html.find("<script type=\"application/ld+json\">");
  REQUIRE(open != std::string::npos);
  size_t close = html.find("</script>", open);
  std::string body = html.substr(open, close - open);
  CHECK_FALSE(contains(body, "</"));
  CHECK_FALSE(contains(body, "<!--"));
  pugi::xml_document document;
  parse_page(html, document);
  nlohmann::json person = json_ld(document);
  CHECK(person["name"] == "</script><script>alert(1)</script>");
  CHECK(person["jobTitle"] == "</SCRIPT ><!-- & -->");
  CHECK(document.select_nodes("//script").size() == 1);
}

TEST_CASE("html page: unsafe links dropped with a warning") {
  // A website with another scheme is rejected by the reader already (see
  // "website with a script scheme rejected" below).
  Cv cv = parse_valid(R"yaml(cv:
  name: A B
  sections:
    Publications:
      - title: Paper
        authors: [A B]
        url: "data:text/html,<script>alert(1)</script>"
    Talks:
      - name: Talk
        url: "javascript:alert(1)//x://"
    Notes:
      - "[click](javascript:alert(1)) and [ok](https://example.org)"
)yaml");
  pugi::xml_document document;
  std::string html = html_of(cv);
  parse_page(html, document);
  CHECK(hrefs(document) == std::vector<std::string>{"https://example.org"});
  CHECK(texts_of(document, "//h3") ==
        std::vector<std::string>{"Paper", "Talk"});
  std::string warnings = warnings_of(cv);
  CHECK(contains(warnings, "in 'url'"));
  CHECK(contains(warnings, "in 'text entry'"));
  CHECK(std::count(warnings.begin(), warnings.end(), '\n') == 3);
}

TEST_CASE("html page: website with a script scheme rejected") {
  for (const char* website :
       {"javascript://example.org/%0aalert(1)", "data:text/html,x",
        "mailto:a@example.org", "JaVaScRiPt:alert(1)"}) {
    INFO(website);
    Diagnostics diagnostics;
    CHECK_FALSE(parse(std::string("cv:\n  name: A B\n  website: \"") +
                          website + "\"\n",
                      diagnostics)
                    .has_value());
    REQUIRE(diagnostics.error_count() == 1);
    CHECK(contains(diagnostics.all()[0].message, "invalid website"));
  }
}

TEST_CASE("html page: link text names the target") {
  Cv cv = parse_valid(R"yaml(cv:
  name: A B
  website: https://www.example.org/
  sections:
    Publications:
      - title: Paper
        authors: [A B]
        url: https://example.org/paper.pdf
    Notes:
      - "See <https://example.org/notes> or <a@example.org>."
)yaml");
  pugi::xml_document document;
  parse_page(html_of(cv), document);
  auto links = texts_of(document, "//a");
  CHECK(has(links, "www.example.org"));
  CHECK(has(links, "example.org/paper.pdf"));
  CHECK(has(links, "example.org/notes"));
  CHECK(has(links, "a@example.org"));
}

TEST_CASE("html page: photo embedded on request") {
  const std::string png("\x89PNG\r\n\x1a\n\0\0\0\rIHDR", 16);
  TempFile photo("me.png", png);
  Cv cv = parse_valid("cv:\n  name: A B\n  photo: me.png\n");

  HtmlOptions options;
  options.base_dir = photo.folder();
  CHECK(contains(warnings_of(cv, options), "'photo' is not shown"));

  options.embed_photo = true;
  CHECK(warnings_of(cv, options).empty());
  pugi::xml_document document;
  parse_page(html_of(cv, options), document);
  pugi::xml_node img = document.select_node("//img").node();
  REQUIRE(img);
  CHECK(std::string(img.attribute("src").value()) ==
        "data:image/png;base64,iVBORw0KGgoAAAANSUhEUg==");
  CHECK(std::string(img.attribute("alt").value()) == "Photo of A B");
}

TEST_CASE("html page: photo that is not an image") {
  TempFile photo("me.png", "<svg onload=alert(1)>");
  Cv cv = parse_valid("cv:\n  name: A B\n  photo: me.png\n");
  HtmlOptions options;
  options.base_dir = photo.folder();
  options.embed_photo = true;
  CHECK(contains(warnings_of(cv, options), "not a PNG, JPEG, WebP or GIF"));
  CHECK_FALSE(contains(html_of(cv, options), "<img"));
  options.base_dir = photo.folder() + "/missing";
  CHECK(contains(warnings_of(cv, options), "cannot open"));
}

TEST_CASE("html page: image types from magic bytes") {
  CHECK(image_mime_type(std::string("\xff\xd8\xff\xe0", 4)) == "image/jpeg");
  CHECK(image_mime_type("GIF89a...") == "image/gif");
  CHECK(image_mime_type(std::string("RIFF\x10\0\0\0WEBPVP8 ", 16)) ==
        "image/webp");
  CHECK(image_mime_type(std::string("RIFF\x10\0\0\0WAVEfmt ", 16)) == "");
  CHECK(image_mime_type("<svg>") == "");
  CHECK(image_mime_type("") == "");
}

TEST_CASE("html page: stylesheets") {
  Cv cv = parse_valid("cv:\n  name: A B\n");
  std::string builtin = html_of(cv);
  CHECK(contains(builtin, "prefers-color-scheme: dark"));
  CHECK(contains(builtin, "@media print"));
  CHECK(contains(builtin, ".entry > * {"));
  CHECK_FALSE(contains(builtin, "<link"));

  HtmlOptions options;
  options.extra_css = "h1 > span { color: red; }";
  options.stylesheet_links = {"https://example.org/cv.css",
                              "javascript:alert(1)"};
  std::string added = html_of(cv, options);
  CHECK(contains(added, "prefers-color-scheme: dark"));
  CHECK(contains(added, "<style>\nh1 > span { color: red; }</style>"));
  CHECK(contains(
      added, "<link rel=\"stylesheet\" href=\"https://example.org/cv.css\""));
  CHECK_FALSE(contains(added, "javascript:"));

  options.no_builtin_css = true;
  std::string replaced = html_of(cv, options);
  CHECK_FALSE(contains(replaced, "prefers-color-scheme"));
  CHECK(contains(replaced, "h1 > span"));

  options.extra_css = "p{} </STYLE><script>alert(1)</script>";
  Diagnostics diagnostics("test.yaml", "");
  CHECK_FALSE(write_html(cv, options, diagnostics).has_value());
  CHECK(diagnostics.has_errors());
}

TEST_CASE("html page: user stylesheet from the template folder") {
  TempFile css("cv.css", "body { margin: 3px; }");
  std::string folder = css.folder();
  HtmlOptions options;
  options.template_dir = folder;
  std::string html = html_of(parse_valid("cv:\n  name: A B\n"), options);
  CHECK(contains(html, "body { margin: 3px; }"));
  CHECK_FALSE(contains(html, "prefers-color-scheme"));
}

TEST_CASE("html case 01: special characters once escaped") {
  std::string html = case_page("01-latex-special-characters");
  CHECK_FALSE(contains(html, "&amp;amp;"));
  CHECK_FALSE(contains(html, "\\textbackslash"));
  CHECK(contains(html, "R&amp;D / Q&amp;A - 100%"));
  pugi::xml_document document;
  parse_page(html, document);
  std::string text = visible_text(document.select_node("//body").node());
  for (const char* item :
       {"R&D lead | C# & C++ | 100% remote",
        "Latency < 5 ms, throughput > 10k rps | budget ~$40k",
        "Barnes & Able Ltd.", "Senior Engineer (Team #3)",
        "Grew ARR from $1.2M to $3.4M & hired 6 engineers",
        "spot_instances and a {config} overlay",
        "C:\\tools\\build for x^2 speed", "\\textbf{foo}",
        "Q&A at 50% Cost: Tagging #issues_by_{component}",
        "Tools & Techniques (T&T", "x86_64 asm", "100% test coverage",
        "[Invited] Rewrote"}) {
    INFO(item);
    CHECK(contains(text, item));
  }
  CHECK(has(texts_of(document, "//h2"), "R&D / Q&A - 100%"));
}

TEST_CASE("html case 02: link targets") {
  pugi::xml_document document;
  parse_page(case_page("02-urls-links-schemes"), document);
  auto links = hrefs(document);
  for (const char* target : {
           "https://www.ines-varga.example.net",
           "mailto:ines_varga+cv@example.org",
           "https://github.com/ines_varga",
           "https://social.example/@ines_v",
           "https://example.org/~ines/notes#open_problems",
           "https://example.org/papers/sparse%20sketches.pdf#page=3",
           "https://wiki.example.org/"
           "Tarski's_lemma_(order_theory)?lang=en&rev=2",
           "https://code.example.org/ines_varga/graph-kit?tab=readme#install",
           "https://doi.org/10.1000/jea_2021.07",
       }) {
    INFO(target);
    CHECK(has(links, target));
  }
  for (const std::string& href : links) {
    INFO(href);
    CHECK_FALSE(href.empty());
    CHECK(href.rfind("https://https://", 0) == std::string::npos);
    CHECK(href.rfind("mailto:mailto:", 0) == std::string::npos);
  }
  std::string html = case_page("02-urls-links-schemes");
  CHECK(contains(html, "?lang=en&amp;rev=2"));
  CHECK_FALSE(contains(html, "&amp;amp;"));
}

TEST_CASE("html case 03: Unicode text and language") {
  std::string html = case_page("03-unicode-names-scripts-pdflatex");
  CHECK(contains(html, "<meta charset=\"utf-8\"/>"));
  CHECK(contains(html, "<html lang=\""));
  pugi::xml_document document;
  parse_page(html, document);
  std::string text = visible_text(document.select_node("//body").node());
  for (const char* item :
       {"Nguyễn Thu Hương", "Łódź", "Uniwersytet Żółtej Łąki",
        "Işıklı Yazılım A.Ş.", "İzmir", "Ağrı", "Iğdır", "🚀", "5\u00a0ms",
        "data\u200bpipelines"}) {
    INFO(item);
    CHECK(contains(text, item));
  }
  for (const char* mojibake : {"Ã", "Ä±", "Å", "\xef\xbf\xbd"}) {
    INFO(mojibake);
    CHECK_FALSE(contains(html, mojibake));
  }
}

TEST_CASE("html case 06: no empty lists, items, links or headings") {
  pugi::xml_document document;
  parse_page(case_page("06-empty-missing-sections"), document);
  CHECK(document.select_nodes("//ul[not(li)]|//ol[not(li)]").empty());
  for (const pugi::xpath_node& li : document.select_nodes("//li"))
    CHECK_FALSE(visible_text(li.node()).empty());
  for (const std::string& href : hrefs(document)) {
    CHECK_FALSE(href.empty());
    CHECK(href.rfind("tel:", 0) == std::string::npos);
  }
  CHECK(hrefs(document) ==
        std::vector<std::string>{"mailto:lena.okafor@example.org"});
  auto headings = texts_of(document, "//h2");
  CHECK(headings ==
        std::vector<std::string>{"Education", "Experience", "Skills"});
  std::string text = visible_text(document.select_node("//body").node());
  CHECK(contains(text, "May 2019 \u2013 present"));
  for (const char* word : {"null", "None", "nil", "undefined", " ~"})
    CHECK_FALSE(contains(text, word));
}

TEST_CASE("html case 08: Markdown becomes elements") {
  pugi::xml_document document;
  parse_page(case_page("08-markdown-in-fields"), document);
  auto strong = texts_of(document, "//strong");
  CHECK(has(strong, "data platforms"));
  CHECK(has(strong, "Led"));
  auto em = texts_of(document, "//em");
  CHECK(has(em, "teach"));
  CHECK(has(em, "versioned"));
  CHECK(document.select_node("//strong/em[.='Promoted twice'] | "
                             "//em/strong[.='Promoted twice']"));
  CHECK(document.select_node(
      "//a[@href='https://example.org/courses/graph_theory_101' and "
      ".='graph theory']"));
  CHECK(document.select_nodes("//div[@class='text-entry']/ul/li").size() == 2);
  std::string text = visible_text(document.select_node("//body").node());
  CHECK_FALSE(contains(text, "**"));
  CHECK_FALSE(contains(text, "]("));
  CHECK_FALSE(contains(text, "#link("));
  CHECK(document.select_node("//text()[contains(., 'snake_case_table_name')]"));
}

TEST_CASE("html case 10: scalars keep their source text") {
  pugi::xml_document document;
  parse_page(case_page("10-yaml-implicit-typing"), document);
  std::string text = visible_text(document.select_node("//body").node());
  for (const char* item : {"07700900123", "NO", "SE", "DK", "FI", "3.8", "3.10",
                           "3.12", "3.80", "yes", "off", "1st place", "2015",
                           "2014", "2016", "2018", "Oslo, NO"}) {
    INFO(item);
    CHECK(contains(text, item));
  }
  for (const char* item : {"False", "false", "True", "true", "None", "null",
                           "3.1,", "3.1 ", " 7700900123"}) {
    INFO(item);
    CHECK_FALSE(contains(text, item));
  }
  CHECK(has(hrefs(document), "tel:07700900123"));
}

TEST_CASE("html case 13: sections without a JSON Resume slot shown") {
  pugi::xml_document document;
  parse_page(case_page("13-json-resume-conformance"), document);
  auto headings = texts_of(document, "//h2");
  CHECK(has(headings, "Talks"));
  CHECK(has(headings, "Teaching"));
  CHECK(has(headings, "Service"));
  std::string text = visible_text(document.select_node("//body").node());
  for (const char* item :
       {"Priors that know biology", "Example Systems Biology Meeting",
        "BIO 401 Computational Genomics", "Teaching assistant",
        "Reviewer, Journal of Example Biology (2021-present)",
        "10.1000/jeb.2021.042", "S. Adeyemi", "R. Kowalczyk", "M. Tanaka",
        "Thesis: Sparse priors for regulatory networks"}) {
    INFO(item);
    CHECK(contains(text, item));
  }
}
