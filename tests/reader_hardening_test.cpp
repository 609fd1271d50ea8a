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
  CHECK(error.pos.line == 4);
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
  // yaml-cpp 0.7 never returns from these and takes all memory.
  for (const char* yaml : {"[x], y\n", "[x]\n, y\n", "cv:\n  a: [x,]\n,y\n"}) {
    INFO(yaml);
    Diagnostics diagnostics;
    CHECK_FALSE(test::parse(yaml, diagnostics).has_value());
    REQUIRE(diagnostics.error_count() >= 1);
    CHECK(diagnostics.all().front().message ==
          "invalid YAML: ',' after a closed flow collection");
  }
  for (const char* yaml : {", y\n", "# comment\n, y\n", " ,\n", "---\n, y\n"}) {
    INFO(yaml);
    Diagnostics diagnostics;
    CHECK_FALSE(test::parse(yaml, diagnostics).has_value());
    REQUIRE(diagnostics.error_count() >= 1);
    CHECK(diagnostics.all().front().message ==
          "invalid YAML: a document cannot start with ','");
  }
  // The same characters in text are fine.
  test::parse_valid("cv:\n  name: A\n  sections:\n    S:\n      - |\n"
                    "        See [1], [2] and [3]\n");
}
