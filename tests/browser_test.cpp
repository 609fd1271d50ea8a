// Pages loaded in headless Chromium (Debian's chromium package) from
// file:// with no network: DOM text, screenshots at desktop and phone
// widths, print to PDF, and an injection corpus where no script may run.
#include <catch2/catch.hpp>

#include "html_support.hpp"
#include "support.hpp"

#include "markup.hpp"

#include <png.h>

#include <regex>
#include <set>
#include <sstream>

using namespace cvc;
using namespace cvc::test;

namespace {

bool contains(const std::string& text, const std::string& part) {
  return text.find(part) != std::string::npos;
}

// Returns the text of a DOM that Chromium dumped, as an HTML5 parser
// built it: its serialisation parsed again by pugixml would fail on void
// elements, so tags are removed and the few references Chromium writes
// are decoded.
std::string dom_text(const std::string& dom) {
  std::string body = dom.substr(dom.find("<body"));
  std::string text;
  bool in_tag = false;
  for (char c : body) {
    if (c == '<')
      in_tag = true;
    else if (c == '>')
      in_tag = false;
    else if (!in_tag)
      text += c;
    if (c == '>' && !text.empty() && text.back() != ' ')
      text += ' ';
  }
  for (const auto& [reference, character] : {std::pair{"&lt;", "<"},
                                             {"&gt;", ">"},
                                             {"&nbsp;", "\u00a0"},
                                             {"&amp;", "&"}}) {
    for (size_t at = text.find(reference); at != std::string::npos;
         at = text.find(reference, at + 1))
      text.replace(at, std::string(reference).size(), character);
  }
  return collapse_spaces(text);
}

// Returns the number of distinct colours in a PNG file.
size_t distinct_colours(const std::string& path) {
  png_image image{};
  image.version = PNG_IMAGE_VERSION;
  REQUIRE(png_image_begin_read_from_file(&image, path.c_str()) != 0);
  image.format = PNG_FORMAT_RGBA;
  std::vector<png_byte> pixels(PNG_IMAGE_SIZE(image));
  REQUIRE(png_image_finish_read(&image, nullptr, pixels.data(), 0, nullptr) !=
          0);
  std::set<uint32_t> colours;
  for (size_t i = 0; i + 3 < pixels.size(); i += 4)
    colours.insert(pixels[i] << 24 | pixels[i + 1] << 16 | pixels[i + 2] << 8 |
                   pixels[i + 3]);
  return colours.size();
}

int pdf_pages(const std::string& path) {
  CommandResult info = run_command("pdfinfo '" + path + "'");
  REQUIRE(info.status == 0);
  size_t at = info.output.find("Pages:");
  REQUIRE(at != std::string::npos);
  return std::stoi(info.output.substr(at + 6));
}

std::string page_file(const std::string& yaml_path) {
  return html_of(parse_valid(read_file(yaml_path)));
}

} // namespace

TEST_CASE("browser: every page loads with its text") {
  for (const std::string& path : page_inputs()) {
    INFO(path);
    Cv cv = parse_valid(read_file(path));
    TempFile page("cv.html", html_of(cv));
    CommandResult dom = run_chromium("--dump-dom", page.url());
    REQUIRE(dom.status == 0);
    std::string text = dom_text(dom.output);
    CHECK(contains(text, collapse_spaces(to_plain_text(cv.name.tree))));
    CHECK(contains(dom.output, "<h1>"));
  }
}

TEST_CASE("browser: reference items in order") {
  std::string yaml = read_file(source_path("samples/academicpages.yaml"));
  const std::string abstract_key = "**Abstract:** ";
  size_t abstract_at = yaml.find(abstract_key);
  REQUIRE(abstract_at != std::string::npos);
  abstract_at += abstract_key.size();
  std::string abstract = collapse_spaces(
      "Abstract: " +
      yaml.substr(abstract_at, yaml.find('\n', abstract_at) - abstract_at));

  TempFile page("cv.html", html_of(parse_valid(yaml)));
  CommandResult dom = run_chromium("--dump-dom", page.url());
  REQUIRE(dom.status == 0);
  std::string text = dom_text(dom.output);
  require_in_order(text, reference_items(abstract));
  CHECK(contains(dom.output, "<title>Lena Marchetti</title>"));
}

TEST_CASE("browser: screenshots are not blank") {
  for (const char* sample : {"samples/academicpages.yaml",
                             "samples/engineer.yaml", "samples/minimal.yaml"}) {
    TempFile page("cv.html", page_file(source_path(sample)));
    for (int width : {1280, 360}) {
      INFO(sample << " at " << width << " px");
      std::string shot = page.folder() + "/shot.png";
      CommandResult result =
          run_chromium("--window-size=" + std::to_string(width) +
                           ",1200 --screenshot='" + shot + "'",
                       page.url());
      REQUIRE(result.status == 0);
      // Text antialiasing gives many shades; a blank page has one colour.
      CHECK(distinct_colours(shot) > 20);
    }
  }
}

TEST_CASE("browser: no horizontal scroll at 320 px") {
  for (const std::string& path : page_inputs()) {
    INFO(path);
    // The test adds a script of its own to a copy of the page; the
    // writer's pages contain none.
    std::string html = page_file(path);
    html.insert(html.rfind("</body>"),
                "<script>addEventListener('load', () => {"
                "document.body.dataset.overflow = "
                "document.documentElement.scrollWidth > innerWidth ? "
                "'yes-' + document.documentElement.scrollWidth : 'no';"
                "});</script>");
    TempFile page("cv.html", html);
    CommandResult dom =
        run_chromium("--window-size=320,800 --dump-dom", page.url());
    REQUIRE(dom.status == 0);
    CHECK(contains(dom.output, "data-overflow=\"no\""));
  }
}

TEST_CASE("browser: prints on A4 and Letter") {
  for (const auto& [paper, size] :
       {std::pair{"A4", "(A4)"}, std::pair{"letter", "(letter)"}}) {
    INFO(paper);
    HtmlOptions options;
    options.extra_css = std::string("@page { size: ") + paper + "; }";
    std::string html = html_of(
        parse_valid(read_file(source_path("samples/academicpages.yaml"))),
        options);
    TempFile page("cv.html", html);
    std::string pdf = page.folder() + "/cv.pdf";
    CommandResult result = run_chromium(
        "--no-pdf-header-footer --print-to-pdf='" + pdf + "'", page.url());
    REQUIRE(result.status == 0);
    int pages = pdf_pages(pdf);
    CHECK(pages >= 2);
    CHECK(pages <= 4);
    CommandResult info = run_command("pdfinfo '" + pdf + "'");
    CHECK(contains(info.output, size));
    CommandResult text = run_command("pdftotext -enc UTF-8 '" + pdf + "' -");
    CHECK(contains(text.output, "Lena Marchetti"));
    CHECK(contains(text.output, "Portfolio item number 1"));
  }
}

TEST_CASE("browser: injection corpus runs no script") {
  // Each payload would set the marker attribute if it ran. The marker is
  // built at run time ('pw' + 'ned'), so the payload's own text never
  // contains it.
  const std::string act = "document.documentElement.setAttribute('data-'+"
                          "'pw'+'ned','1');document.title='pw'+'ned'";
  const std::vector<std::string> payloads = {
      "<script>" + act + "</script>",
      "<img src=x onerror=\"" + act + "\">",
      "<svg onload=\"" + act + "\"></svg>",
      "</script><script>" + act + "</script>",
      "<iframe src=\"javascript:" + act + "\"></iframe>",
      "[x](javascript:" + act + ")",
      "[y](data:text/html,<script>" + act + "</script>)",
      "<a href=\"javascript:" + act + "\">z</a>",
      "<style onload=\"" + act + "\"></style>",
      "\"><script>" + act + "</script>",
  };
  auto quoted = [](const std::string& text) {
    std::string out = "\"";
    for (char c : text)
      out += c == '"' ? std::string("\\\"") : std::string(1, c);
    return out + "\"";
  };
  std::string all;
  for (const std::string& payload : payloads)
    all += payload + " ";
  std::string value = quoted(all);
  std::string yaml =
      "cv:\n  name: " + value + "\n  headline: " + value +
      "\n  location: " + value +
      "\n  email: \"a@example.org\"\n"
      // A `javascript:` website is rejected by the reader already; this
      // one carries the payload in its path and query.
      "  website: " +
      quoted("https://example.org/<script>" + act + "</script>?q=\"" + act) +
      "\n  sections:\n"
      "    " +
      quoted("S<script>" + act + "</script>") +
      ":\n"
      "      - company: " +
      value + "\n        position: " + value + "\n        location: " + value +
      "\n        summary: " + value + "\n        role: " + value +
      "\n        highlights: [" + value +
      "]\n"
      "    Publications:\n"
      "      - title: " +
      value + "\n        authors: [" + value + "]\n        journal: " + value +
      "\n        url: " +
      quoted("data:text/html,<script>" + act + "</script>") +
      "\n        doi: " + value + "\n    Talks:\n      - name: " + value +
      "\n        url: " + quoted("javascript:" + act) +
      "\n        venue: " + value + "\n    Skills:\n      - label: " + value +
      "\n        details: " + value +
      "\n    Bullets:\n      - bullet: " + value + "\n    Text:\n      - " +
      value + "\n";
  Cv cv = parse_valid(yaml);
  std::string html = html_of(cv);
  TempFile page("cv.html", html);
  CommandResult dom = run_chromium("--dump-dom", page.url());
  REQUIRE(dom.status == 0);
  CHECK_FALSE(contains(dom.output, "pwned"));
  CHECK(contains(dom.output, "onerror="));
  // The only script element is the JSON-LD, and no link may run code.
  size_t scripts = 0;
  for (size_t at = dom.output.find("<script"); at != std::string::npos;
       at = dom.output.find("<script", at + 1))
    ++scripts;
  CHECK(scripts == 1);
  CHECK(contains(dom.output, "<script type=\"application/ld+json\">"));
  // Payload text shows `href="javascript:` as text after `&lt;a`, so only
  // real start tags are matched.
  std::regex unsafe_link("<a [^<>]*href=\"(javascript|data):");
  CHECK_FALSE(std::regex_search(dom.output, unsafe_link));
  CHECK_FALSE(contains(dom.output, "<img"));
  CHECK_FALSE(contains(dom.output, "<iframe"));
  CHECK_FALSE(contains(dom.output, "<svg"));
}
