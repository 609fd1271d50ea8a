#include "latex_escape.hpp"
#include "markup.hpp"

#include <catch2/catch.hpp>

using namespace cvc;

namespace {

std::string text(std::string_view input, Diagnostics& diagnostics,
                 std::string engine = "pdflatex") {
  LatexEscaper escaper(engine, diagnostics);
  return escaper.escape(input, LatexContext::Text, "field", {1, 1});
}

std::string text(std::string_view input) {
  Diagnostics diagnostics;
  return text(input, diagnostics);
}

} // namespace

TEST_CASE("latex text: every special character") {
  struct Case {
    const char* input;
    const char* expected;
  };
  const Case cases[] = {
      {"&", "\\&"},
      {"%", "\\%"},
      {"$", "\\$"},
      {"#", "\\#"},
      {"_", "\\_"},
      {"{", "\\{"},
      {"}", "\\}"},
      {"~", "\\textasciitilde{}"},
      {"^", "\\textasciicircum{}"},
      {"\\", "\\textbackslash{}"},
      {"<", "\\textless{}"},
      {">", "\\textgreater{}"},
      {"|", "\\textbar{}"},
      {"\"", "\\textquotedbl{}"},
      {"'", "\\textquotesingle{}"},
      {"`", "\\textasciigrave{}"},
      {"[x]", "{[}x{]}"},
      {"\\textbf{foo}", "\\textbackslash{}textbf\\{foo\\}"},
      {"C:\\tools", "C:\\textbackslash{}tools"},
  };
  for (const Case& c : cases) {
    INFO(c.input);
    CHECK(text(c.input) == c.expected);
  }
}

TEST_CASE("latex text: ligatures are broken") {
  CHECK(text("--") == "-{}-");
  CHECK(text("---") == "-{}-{}-");
  CHECK(text(",,") == ",{},");
  CHECK(text("<<") == "\\textless{}\\textless{}");
  CHECK(text("?`") == "?\\textasciigrave{}");
  CHECK(text("a-b") == "a-b");
}

TEST_CASE("latex url: link targets reach the PDF intact") {
  Diagnostics diagnostics;
  LatexEscaper escaper("pdflatex", diagnostics);
  CHECK(escaper.escape("https://e.org/~a/b_c?x=1&y=2#top", LatexContext::Url) ==
        "https://e.org/\\string~a/b\\string_c?x=1\\&y=2\\#top");
  CHECK(escaper.escape("https://e.org/a%20b", LatexContext::Url) ==
        "https://e.org/a\\%20b");
  CHECK(escaper.escape("https://e.org/é {x}", LatexContext::Url) ==
        "https://e.org/\\%C3\\%A9\\%20\\%7Bx\\%7D");
}

TEST_CASE("latex email: underscores and plus signs") {
  Diagnostics diagnostics;
  LatexEscaper escaper("pdflatex", diagnostics);
  CHECK(escaper.escape("ines_varga+cv@example.org", LatexContext::Email) ==
        "ines\\string_varga+cv@example.org");
}

TEST_CASE("latex text: Latin diacritics pass through") {
  CHECK(text("Łódź İzmir Iğdır þ ð æ") == "Łódź İzmir Iğdır þ ð æ");
}

TEST_CASE("latex text: Vietnamese words switch to T5") {
  Diagnostics diagnostics;
  LatexEscaper escaper("pdflatex", diagnostics);
  std::string out = escaper.escape("Nguyễn Thu", LatexContext::Text);
  CHECK(out == "{\\fontencoding{T5}\\selectfont Nguyễn} Thu");
  CHECK((escaper.scripts() & kScriptVietnamese) != 0);
}

TEST_CASE("latex text: Greek and Cyrillic switch encodings") {
  Diagnostics diagnostics;
  LatexEscaper escaper("pdflatex", diagnostics);
  CHECK(escaper.escape("αβ γ", LatexContext::Text) ==
        "{\\fontencoding{LGR}\\selectfont αβ} "
        "{\\fontencoding{LGR}\\selectfont γ}");
  CHECK(escaper.escape("Жук", LatexContext::Text) ==
        "{\\fontencoding{T2A}\\selectfont Жук}");
  CHECK((escaper.scripts() & kScriptGreek) != 0);
  CHECK((escaper.scripts() & kScriptCyrillic) != 0);
}

TEST_CASE("latex text: CJK picks a font by character set") {
  Diagnostics diagnostics;
  LatexEscaper escaper("pdflatex", diagnostics);
  CHECK(escaper.escape("数据", LatexContext::Text) ==
        "\\begin{CJK}{UTF8}{gbsn}数据\\end{CJK}");
  CHECK(escaper.escape("ひらがな", LatexContext::Text) ==
        "\\begin{CJK}{UTF8}{min}ひらがな\\end{CJK}");
  // 語 is outside GB 2312, so the Japanese font takes it.
  CHECK(escaper.escape("日本語", LatexContext::Text) ==
        "\\begin{CJK}{UTF8}{gbsn}日本\\end{CJK}"
        "\\begin{CJK}{UTF8}{min}語\\end{CJK}");
}

TEST_CASE("latex text: emoji dropped with a warning") {
  Diagnostics diagnostics;
  CHECK(text("Data engineer 🚀", diagnostics) == "Data engineer ");
  REQUIRE(diagnostics.all().size() == 1);
  CHECK(diagnostics.all()[0].severity == Severity::Warning);
  CHECK(diagnostics.all()[0].message.find("U+1F680") != std::string::npos);
  CHECK(diagnostics.all()[0].message.find("'field'") != std::string::npos);
}

TEST_CASE("latex text: invisible and space characters") {
  Diagnostics diagnostics;
  CHECK(text("data\u200Bpipelines", diagnostics) ==
        "data\\hspace{0pt}pipelines");
  CHECK(text("5\u00A0ms", diagnostics) == "5~ms");
  CHECK(diagnostics.all().empty());
  CHECK(text("a\u200Db", diagnostics) == "ab");
  REQUIRE(diagnostics.all().size() == 1);
  CHECK(diagnostics.all()[0].message.find("U+200D") != std::string::npos);
}

TEST_CASE("latex text: symbols from math fonts") {
  CHECK(text("≤ 5") == "\\ensuremath{\\leq} 5");
  CHECK(text("a → b") == "a \\ensuremath{\\rightarrow} b");
}

TEST_CASE("latex text: stray combining mark becomes an accent") {
  CHECK(text("q\u0301") == "\\'{q}");
}

TEST_CASE("latex text: unsupported script is transliterated") {
  Diagnostics diagnostics;
  std::string out = text("Ahmad مرحبا", diagnostics);
  CHECK(out.rfind("Ahmad ", 0) == 0);
  CHECK(out.size() > std::string("Ahmad ").size());
  for (char c : out)
    CHECK(static_cast<unsigned char>(c) < 0x80);
  REQUIRE(diagnostics.all().size() == 1);
  CHECK(diagnostics.all()[0].message.find("transliterated") !=
        std::string::npos);
}

TEST_CASE("latex text: scripts outside the allowed set are transliterated") {
  Diagnostics diagnostics;
  LatexEscaper escaper("pdflatex", diagnostics, kScriptVietnamese);
  std::string out = escaper.escape("Жук", LatexContext::Text);
  CHECK(out == "Zuk");
  CHECK(escaper.scripts() == 0);
  CHECK(diagnostics.all().size() == 1);
}

TEST_CASE("latex text: xelatex keeps every character") {
  Diagnostics diagnostics;
  CHECK(text("Nguyễn 🚀 & αβ", diagnostics, "xelatex") == "Nguyễn 🚀 \\& αβ");
  CHECK(diagnostics.all().empty());
}

TEST_CASE("latex render: markup becomes commands") {
  Diagnostics diagnostics;
  LatexEscaper escaper("pdflatex", diagnostics);
  MarkupNode doc = parse_block_markup(
      "**Led** *x_y* `a&b` [w](https://e.org/a_b)\n\n- one\n- two");
  CHECK(escaper.render(doc, "summary", {}) ==
        "\\textbf{Led} \\emph{x\\_y} \\texttt{a\\&b} "
        "\\href{https://e.org/a\\string_b}{w}"
        "\\begin{itemize}\\item one\\item two\\end{itemize}");
}

TEST_CASE("latex render: unsafe link keeps its text only") {
  Diagnostics diagnostics;
  LatexEscaper escaper("pdflatex", diagnostics);
  MarkupNode doc = parse_inline_markup("[click](javascript:alert(1))");
  CHECK(escaper.render(doc, "highlights", {}) == "click");
  CHECK(diagnostics.all().size() == 1);
}

TEST_CASE("latex pdf string: no font commands") {
  Diagnostics diagnostics;
  LatexEscaper escaper("pdflatex", diagnostics);
  CHECK(escaper.escape("Nguyễn & Co 🚀", LatexContext::PdfString) ==
        "Nguyễn \\& Co ");
}
