#include "markup.hpp"
#include "reader.hpp"
#include "support.hpp"

#include <catch2/catch.hpp>

#include <chrono>

using namespace cvc;

namespace {

std::optional<Cv> read_with(const std::string& yaml, const ReadLimits& limits,
                            Diagnostics& diagnostics) {
  diagnostics = Diagnostics("test.yaml", yaml);
  return read_cv(diagnostics, limits);
}

const Diagnostic& only_error(const Diagnostics& diagnostics) {
  REQUIRE(diagnostics.error_count() == 1);
  for (const Diagnostic& d : diagnostics.all())
    if (d.severity == Severity::Error)
      return d;
  FAIL("no error");
  return diagnostics.all().front();
}

// Seven anchors, each a list of items with the list before nested under
// them: read in full, the last entry's highlights would hold 9^6 values.
std::string alias_bomb() {
  std::string yaml = "cv:\n  name: A\n  sections:\n    S:\n";
  yaml += "      - name: x0\n        highlights: &a0 "
          "[l, l, l, l, l, l, l, l, l]\n";
  for (int i = 1; i <= 6; ++i) {
    yaml += "      - name: x" + std::to_string(i) + "\n        highlights: &a" +
            std::to_string(i) + " [";
    for (int k = 0; k < 9; ++k)
      yaml += (k ? ", l, *a" : "l, *a") + std::to_string(i - 1);
    yaml += "]\n";
  }
  return yaml;
}

} // namespace

TEST_CASE("alias bomb fails fast") {
  Diagnostics diagnostics;
  auto start = std::chrono::steady_clock::now();
  CHECK_FALSE(read_with(alias_bomb(), {}, diagnostics).has_value());
  auto elapsed = std::chrono::steady_clock::now() - start;
  const Diagnostic& error = only_error(diagnostics);
  CHECK(error.message.find("aliases") != std::string::npos);
  CHECK(error.pos.line > 0);
  // Not a timing assertion on speed: an expanded bomb would run for hours.
  CHECK(elapsed < std::chrono::seconds(30));
}

TEST_CASE("few aliases are accepted") {
  Cv cv = test::parse_valid("cv:\n  name: A\n  location: &city Oslo\n"
                            "  sections:\n    S:\n"
                            "      - name: x\n        location: *city\n");
  const auto& entry = std::get<NormalEntry>(cv.sections[0].entries[0]);
  CHECK(entry.location.source == "Oslo");
}

TEST_CASE("deep flow nesting is rejected") {
  std::string yaml = "cv: {name: A, sections: {S: " + std::string(5000, '[') +
                     std::string(5000, ']') + "}}\n";
  Diagnostics diagnostics;
  CHECK_FALSE(read_with(yaml, {}, diagnostics).has_value());
  const Diagnostic& error = only_error(diagnostics);
  CHECK(error.message.find("nested more than 64 levels") != std::string::npos);
  CHECK(error.pos.line == 1);
  // The block mapping of `cv:`, two braces and 62 brackets make 65 levels:
  // the 62nd bracket, after the 28 characters before the first, is the
  // first one too deep.
  CHECK(error.pos.column == 28 + 62);
}

TEST_CASE("brackets in quoted text are not nesting") {
  std::string brackets(200, '[');
  test::parse_valid("cv:\n  name: \"" + brackets + "\"\n");
}

TEST_CASE("deep Markdown nesting becomes text") {
  std::string lists;
  for (int i = 0; i < 20000; ++i)
    lists += "- ";
  MarkupNode doc = parse_block_markup(lists + "x");
  CHECK(to_plain_text(doc).find('x') != std::string::npos);
  std::string emphasis(40000, '*');
  MarkupNode inline_doc =
      parse_inline_markup(emphasis.substr(0, 20000) + "x" + emphasis);
  CHECK(to_plain_text(inline_doc).find('x') != std::string::npos);
}

TEST_CASE("input over the size limit is rejected") {
  ReadLimits limits;
  limits.max_input_bytes = 20;
  Diagnostics diagnostics;
  CHECK_FALSE(read_with("cv:\n  name: Ada Lovelace\n", limits, diagnostics)
                  .has_value());
  const Diagnostic& error = only_error(diagnostics);
  CHECK(error.message == "input is larger than the maximum of 20 bytes");
  CHECK(error.hint == "raise the limit with --max-input-size");
}

TEST_CASE("value over the length limit is rejected") {
  ReadLimits limits;
  limits.max_value_bytes = 10;
  Diagnostics diagnostics;
  CHECK_FALSE(
      read_with("cv:\n  name: Ada Lovelace of Example\n", limits, diagnostics)
          .has_value());
  const Diagnostic& error = only_error(diagnostics);
  CHECK(error.message == "value of 'name' is longer than 10 bytes");
  CHECK(error.pos.line == 2);
  CHECK(error.pos.column == 9);
}

TEST_CASE("entries over the limit are rejected") {
  ReadLimits limits;
  limits.max_entries = 2;
  Diagnostics diagnostics;
  CHECK_FALSE(read_with("cv:\n  name: A\n  sections:\n    S:\n"
                        "      - one\n      - two\n      - three\n",
                        limits, diagnostics)
                  .has_value());
  const Diagnostic& error = only_error(diagnostics);
  CHECK(error.message == "more than 2 entries in the CV");
  CHECK(error.pos.line == 7);
}

TEST_CASE("long source line is shown as a window") {
  std::string line(5000, 'a');
  Diagnostic d{Severity::Error, {1, 2500}, "message", ""};
  std::string out = format_diagnostic(d, "f.yaml", line, false);
  CHECK(out.size() < 400);
  CHECK(out.find("...") != std::string::npos);
  // The caret sits under the column inside the window.
  size_t source_start = out.find('\n') + 1;
  size_t caret_line = out.find('\n', source_start) + 1;
  size_t caret = out.find('^', caret_line);
  CHECK(caret - caret_line == 2 + 3 + 60 - 1 + 1);
}

TEST_CASE("many text entries are not taken for alias repeats") {
  std::string yaml = "cv:\n  name: A\n  sections:\n    S:\n";
  for (int i = 0; i < 10001; ++i)
    yaml += "      - x" + std::to_string(i) + "\n";
  Cv cv = test::parse_valid(yaml);
  CHECK(cv.sections[0].entries.size() == 10001);
}
