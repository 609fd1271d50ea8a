// Inputs from strangers that the reader must reject with a positioned
// error instead of reading them some other way.
#include "support.hpp"

#include <catch2/catch.hpp>

using namespace cvc;

namespace {

const Diagnostic& single_error(const std::string& yaml) {
  static Diagnostics diagnostics;
  CHECK_FALSE(test::parse(yaml, diagnostics).has_value());
  REQUIRE(diagnostics.error_count() == 1);
  for (const Diagnostic& d : diagnostics.all())
    if (d.severity == Severity::Error)
      return d;
  FAIL("no error");
  return diagnostics.all().front();
}

} // namespace

TEST_CASE("hardening: NUL byte named by offset") {
  const Diagnostic& error =
      single_error(std::string("cv:\n  name: A\0B\n", 16));
  CHECK(error.message == "invalid character: a NUL byte at byte offset 13");
  CHECK(error.pos.line == 2);
  CHECK(error.pos.column == 10);
}

TEST_CASE("hardening: second YAML document rejected") {
  const Diagnostic& error =
      single_error("cv:\n  name: A\n---\ncv:\n  name: B\n");
  CHECK(error.message == "the file holds more than one YAML document");
  // The error points at the `---` that starts the second document.
  CHECK(error.pos.line == 3);
}

TEST_CASE("hardening: merge keys rejected") {
  // The entry left without its merged keys matches no kind: a second error.
  Diagnostics diagnostics;
  CHECK_FALSE(test::parse("cv:\n  name: A\n  sections:\n    S:\n"
                          "      - <<: {company: X, position: Y}\n",
                          diagnostics)
                  .has_value());
  REQUIRE(diagnostics.error_count() >= 1);
  const Diagnostic& error = diagnostics.all().front();
  CHECK(error.message.find("merge keys") != std::string::npos);
  CHECK(error.pos.line == 5);
}

TEST_CASE("hardening: empty file has a position") {
  const Diagnostic& error = single_error("");
  CHECK(error.pos.line == 1);
  CHECK(error.pos.column == 1);
}

TEST_CASE("hardening: year zero rejected") {
  const Diagnostic& error =
      single_error("cv:\n  name: A\n  sections:\n    S:\n      - name: x\n"
                   "        start_date: 0000\n");
  CHECK(error.message.find("there is no year 0") != std::string::npos);
}

TEST_CASE("hardening: website schemes other than http rejected") {
  const Diagnostic& error =
      single_error("cv:\n  name: A\n  website: \"javascript:alert(1)\"\n");
  CHECK(error.message.find("invalid website") != std::string::npos);
  CHECK(error.pos.line == 3);
  test::parse_valid("cv:\n  name: A\n  website: example.org:8080/x\n");
  test::parse_valid("cv:\n  name: A\n  website: HTTP://example.org\n");
}

TEST_CASE("hardening: profile URL as username rejected") {
  const Diagnostic& error =
      single_error("cv:\n  name: A\n  social_networks:\n    - network: ORCID\n"
                   "      username: https://orcid.org/0000-0000-0000-0000\n");
  CHECK(error.message.find("not its URL") != std::string::npos);
}

TEST_CASE("hardening: empty section title rejected") {
  const Diagnostic& error =
      single_error("cv:\n  name: A\n  sections:\n    \"\": [x]\n");
  CHECK(error.message == "empty section title");
}

TEST_CASE("hardening: current_date checked as a date") {
  const Diagnostic& error =
      single_error("cv:\n  name: A\nsettings:\n  current_date: 2026-02-30\n");
  CHECK(error.message.find("has no day 30") != std::string::npos);
}

TEST_CASE("hardening: control characters not echoed") {
  Diagnostics diagnostics;
  CHECK_FALSE(test::parse("cv:\n  name: A\n  \x1b[2Jkey: x\n", diagnostics)
                  .has_value());
  std::string out;
  for (const Diagnostic& d : diagnostics.all())
    out += format_diagnostic(d, "test.yaml", diagnostics.source(), false);
  CHECK(out.find('\x1b') == std::string::npos);
  CHECK(out.find("?[2Jkey") != std::string::npos);
}

TEST_CASE("hardening: comma after a flow collection") {
  // yaml-cpp 0.7 never returns from these and takes all memory; the reader
  // must stop at once with a positioned error.
  struct Case {
    const char* yaml;
    int line;
    int column;
  };
  for (Case c : {Case{"[x], y\n", 1, 4}, Case{"[x]\n, y\n", 2, 1},
                 Case{"cv:\n  a: [x,]\n,y\n", 3, 1}, Case{", y\n", 1, 1},
                 Case{"# comment\n, y\n", 2, 1}, Case{" ,\n", 1, 2},
                 Case{"---\n, y\n", 2, 1}}) {
    INFO(c.yaml);
    Diagnostics diagnostics;
    CHECK_FALSE(test::parse(c.yaml, diagnostics).has_value());
    REQUIRE(diagnostics.error_count() == 1);
    const Diagnostic& error = diagnostics.all().front();
    CHECK(error.message.starts_with("invalid YAML: "));
    CHECK(error.pos.line == c.line);
    CHECK(error.pos.column == c.column);
  }
  // The same characters in text are fine.
  test::parse_valid("cv:\n  name: A\n  sections:\n    S:\n      - |\n"
                    "        See [1], [2] and [3]\n");
}

TEST_CASE("hardening: block nesting has the same limit as flow nesting") {
  std::string yaml = "cv:\n  name: A\n  x:\n";
  for (int i = 0; i < 70; ++i)
    yaml += std::string(4 + 2 * i, ' ') + "k:\n";
  const Diagnostic& error = single_error(yaml);
  CHECK(error.message ==
        "invalid YAML: collections nested more than 64 levels deep");
  // The mappings of the file, of `cv` and of `x` (which starts at the
  // first `k:`, line 4) make three levels, so the 63rd `k:` opens the 65th.
  CHECK(error.pos.line == 4 + 62);
}

TEST_CASE("hardening: an undefined alias is named") {
  const Diagnostic& error = single_error("cv:\n  name: *who\n");
  CHECK(error.message == "invalid YAML: the referenced anchor is not defined");
  CHECK(error.pos.line == 2);
  CHECK(error.pos.column == 9);
}

TEST_CASE("hardening: an alias cannot name the collection it is in") {
  // The anchor names the list only once the list is complete, so the
  // alias inside it is undefined rather than a cycle.
  const Diagnostic& error =
      single_error("cv:\n  name: A\n  sections:\n    S: &s [a, *s]\n");
  CHECK(error.message ==
        "invalid YAML: the alias *s is inside the collection it names");
  CHECK(error.pos.column == 15);
}

TEST_CASE("hardening: error columns count bytes after non-ASCII text") {
  // "Zoë Ωmega" contains two two-byte characters before the stray quote.
  const Diagnostic& error =
      single_error("cv:\n  name: Zo\u00eb \u03a9mega\n  phone: 'x\n");
  CHECK(error.pos.line == 3);
  CHECK(error.pos.column == 10);
}

TEST_CASE("hardening: line and paragraph separators stay in the text") {
  // YAML 1.1 parsers take U+2028 and U+2029 for line breaks; YAML 1.2
  // takes them for text, as the CV's writer meant.
  Cv cv = test::parse_valid(
      "cv:\n  name: A\n  sections:\n    S:\n"
      "      - one\u2028two\u2029three\n      - \"\\L\\P\"\n");
  const auto& first = std::get<TextEntry>(cv.sections[0].entries[0]);
  CHECK(first.text.source == "one\u2028two\u2029three");
}

TEST_CASE("hardening: a raw non-character is taken out with a warning") {
  Diagnostics diagnostics;
  std::optional<Cv> cv =
      test::parse("cv:\n  name: A\xEF\xBF\xBE B\n", diagnostics);
  REQUIRE(cv.has_value());
  CHECK(cv->name.source == "A B");
  REQUIRE(diagnostics.all().size() == 1);
  CHECK(diagnostics.all()[0].message ==
        "removed non-character U+FFFE from 'name'");
  CHECK(diagnostics.all()[0].pos.line == 2);
  CHECK(diagnostics.all()[0].pos.column == 9);
}

TEST_CASE("hardening: positions after a removed control character") {
  // The BEL on line 2 is taken out before parsing; the error on line 3
  // must still point at its own column of the file.
  const Diagnostic& error =
      single_error("cv:\n  name: \x07A\x07\n  \x07phone: 'x\n");
  CHECK(error.pos.line == 3);
  CHECK(error.pos.column == 11);
}

TEST_CASE("hardening: the number of YAML values is bounded") {
  // A million and one list items in 2 MB: below the input size limit,
  // but each value costs memory.
  std::string yaml = "cv:\n  name: A\n  x: [";
  for (int i = 0; i < 1'000'001; ++i)
    yaml += "a,";
  yaml += "]\n";
  const Diagnostic& error = single_error(yaml);
  CHECK(error.message == "the file holds more than 1000000 YAML values, more "
                         "than a CV can use");
  CHECK(error.pos.line == 3);
  CHECK(error.hint.empty());
}

TEST_CASE("hardening: a byte order mark does not shift columns") {
  const Diagnostic& error = single_error("\xEF\xBB\xBF"
                                         "cv:\n  name: Ada\n  nmae: x\n");
  CHECK(error.pos.line == 3);
  CHECK(error.pos.column == 3);
}

TEST_CASE("hardening: lone carriage returns end lines") {
  const Diagnostic& error = single_error("cv:\r  name: Ada\r  nmae: x\r");
  CHECK(error.message.starts_with("unknown key 'nmae'"));
  CHECK(error.pos.line == 3);
  CHECK(error.pos.column == 3);
  std::string printed = format_diagnostic(
      error, "cv.yaml", "cv:\r  name: Ada\r  nmae: x\r", false);
  CHECK(printed.find("\n    nmae: x\n") != std::string::npos);
}

TEST_CASE("hardening: escaped private-use characters stay") {
  // The stand-ins for U+2028 and U+2029 must not be characters that the
  // file writes as escapes.
  Cv cv = test::parse_valid("cv:\n  name: \"PUA \\uE000 \\uE001\"\n"
                            "  headline: \"a\u2028b\u2029c\"\n");
  CHECK(cv.name.source == "PUA \uE000 \uE001");
  CHECK(cv.headline.source == "a\u2028b\u2029c");
}

TEST_CASE("hardening: a null tag on text keeps the text") {
  Cv cv = test::parse_valid("cv:\n  name: A\n  headline: !!null Engineer\n");
  CHECK(cv.headline.source == "Engineer");
}

TEST_CASE("hardening: a control character in a key is reported") {
  Diagnostics diagnostics;
  std::optional<Cv> cv = test::parse("cv:\n  na\x01me: Ada\n", diagnostics);
  REQUIRE(cv.has_value());
  CHECK(cv->name.source == "Ada");
  REQUIRE(diagnostics.all().size() == 1);
  CHECK(diagnostics.all()[0].message ==
        "removed control character U+0001 from the key 'name'");
}

TEST_CASE("hardening: unknown keys stop at the error limit") {
  std::string yaml = "cv:\n  name: Ada\n";
  for (int i = 0; i < 5000; ++i)
    yaml += "  k" + std::to_string(i) + ": v\n";
  Diagnostics diagnostics;
  CHECK_FALSE(test::parse(yaml, diagnostics).has_value());
  CHECK(diagnostics.error_count() == 102);
  CHECK(diagnostics.all().back().message == "too many errors; stopped reading");
}

TEST_CASE("hardening: aliases of a long value stop at the byte limit") {
  // Twenty aliases of a 1 MiB highlight would repeat 20 MiB.
  std::string yaml = "cv:\n  name: A\n  sections:\n    S:\n"
                     "      - company: C\n        position: P\n"
                     "        highlights:\n          - &b \"" +
                     std::string(1024 * 1024 - 16, 'x') + "\"\n";
  for (int i = 0; i < 20; ++i)
    yaml += "          - *b\n";
  const Diagnostic& error = single_error(yaml);
  CHECK(error.message == "values repeated through YAML aliases add up to "
                         "more than 16777216 bytes");
}

TEST_CASE("hardening: an unclosed list points where it opens") {
  const Diagnostic& error = single_error("cv:\n  name: Ada\n  email: [x\n");
  CHECK(error.message.starts_with("invalid YAML: "));
  CHECK(error.pos.line == 3);
  CHECK(error.pos.column == 10);
}

TEST_CASE("hardening: warnings past the limit are counted, not kept") {
  std::string yaml = "cv:\n  name: A\n  sections:\n    S:\n";
  for (int i = 0; i < 150; ++i)
    yaml += "      - \"x\\ay\"\n";
  Diagnostics diagnostics;
  REQUIRE(test::parse(yaml, diagnostics).has_value());
  CHECK(diagnostics.all().size() == Diagnostics::kMaxKept);
  CHECK(diagnostics.dropped_warnings() == 50);
}

TEST_CASE("hardening: appended diagnostics keep the limits") {
  Diagnostics first;
  for (int i = 0; i < 60; ++i)
    first.warning({1, 1}, "first " + std::to_string(i));
  Diagnostics second;
  for (int i = 0; i < 130; ++i)
    second.warning({2, 1}, "second " + std::to_string(i));
  second.error({3, 1}, "broken");
  first.append(std::move(second));

  CHECK(first.all().size() == Diagnostics::kMaxKept + 1);
  CHECK(first.all().front().message == "first 0");
  CHECK(first.all()[60].message == "second 0");
  CHECK(first.all().back().message == "broken");
  CHECK(first.error_count() == 1);
  // 30 dropped by `second` itself, and 60 that no longer fit after the
  // 60 warnings `first` already had.
  CHECK(first.dropped_warnings() == 90);
  CHECK(second.all().empty());
}

TEST_CASE("hardening: byte errors count lone carriage returns as lines") {
  // The invalid byte is on the third line: the first ends with a lone
  // carriage return, as the printed source lines count it.
  const Diagnostic& error = single_error("cv:\r  name: A\n  x: \xFF\n");
  CHECK(error.pos.line == 3);
  CHECK(error.pos.column == 6);
}

TEST_CASE("hardening: a caret past the line end stays at its end") {
  Diagnostic d{Severity::Error, {1, 500}, "message", ""};
  std::string printed = format_diagnostic(d, "cv.yaml", "short line\n", false);
  CHECK(printed.find("short line") != std::string::npos);
}
