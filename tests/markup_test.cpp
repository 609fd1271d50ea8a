#include "markup.hpp"

#include <catch2/catch.hpp>

using namespace cvc;

namespace {

// Returns the single paragraph that an inline field parses to.
const MarkupNode& paragraph_of(const MarkupNode& document) {
  REQUIRE(document.kind == NodeKind::Document);
  REQUIRE(document.children.size() == 1);
  REQUIRE(document.children[0].kind == NodeKind::Paragraph);
  return document.children[0];
}

} // namespace

TEST_CASE("inline markup: emphasis, strong, code, links") {
  MarkupNode doc = parse_inline_markup(
      "**Led** the *team*, `make -j`, [docs](https://example.org/a_b)");
  const MarkupNode& p = paragraph_of(doc);
  REQUIRE(p.children.size() == 7);
  CHECK(p.children[0].kind == NodeKind::Strong);
  CHECK(to_plain_text(p.children[0]) == "Led");
  CHECK(p.children[2].kind == NodeKind::Emph);
  CHECK(p.children[4].kind == NodeKind::Code);
  CHECK(p.children[4].literal == "make -j");
  CHECK(p.children[6].kind == NodeKind::Link);
  CHECK(p.children[6].literal == "https://example.org/a_b");
  CHECK(to_plain_text(doc) == "Led the team, make -j, docs");
}

TEST_CASE("inline markup: block markers stay literal") {
  const char* inputs[] = {"# Not a heading",
                          "- not a list",
                          "+ not a list",
                          "* not a list",
                          "1. not a list",
                          "2018) not a list",
                          "> not a quote",
                          "---",
                          "***",
                          "```not code",
                          "~~~ not code",
                          "    indented",
                          "<div>raw html</div>",
                          "[ref]: https://example.org"};
  for (const char* input : inputs) {
    INFO(input);
    MarkupNode doc = parse_inline_markup(input);
    const MarkupNode& p = paragraph_of(doc);
    std::string expected = input;
    expected.erase(0, expected.find_first_not_of(' '));
    CHECK(to_plain_text(p) == expected);
  }
}

TEST_CASE("inline markup: setext underline stays literal") {
  MarkupNode doc = parse_inline_markup("Title\n===");
  CHECK(to_plain_text(paragraph_of(doc)) == "Title ===");
}

TEST_CASE("inline markup: look-alikes stay text") {
  const char* inputs[] = {
      "[Invited] Rewrote",  "snake_case_table_name", "2 * 3 * 4",
      "<b>bold</b>",        "a <script>x</script>",  "C:\\tools\\build",
      "&copy; not decoded?"};
  for (const char* input : inputs) {
    INFO(input);
    MarkupNode doc = parse_inline_markup(input);
    const MarkupNode& p = paragraph_of(doc);
    REQUIRE(p.children.size() == 1);
    CHECK(p.children[0].kind == NodeKind::Text);
  }
  // A backslash before punctuation is a CommonMark escape.
  CHECK(to_plain_text(parse_inline_markup("C:\\tools\\build")) ==
        "C:\\tools\\build");
  CHECK(to_plain_text(parse_inline_markup("<b>bold</b>")) == "<b>bold</b>");
}

TEST_CASE("inline markup: underscore emphasis at word edges") {
  MarkupNode doc = parse_inline_markup("Shipped _versioned_ schemas");
  const MarkupNode& p = paragraph_of(doc);
  REQUIRE(p.children.size() == 3);
  CHECK(p.children[1].kind == NodeKind::Emph);
}

TEST_CASE("inline markup: autolinks") {
  MarkupNode doc = parse_inline_markup("<https://example.org/~a#b> and "
                                       "<a_b+cv@example.org>");
  const MarkupNode& p = paragraph_of(doc);
  REQUIRE(p.children.size() == 3);
  CHECK(p.children[0].kind == NodeKind::Link);
  CHECK(p.children[0].literal == "https://example.org/~a#b");
  CHECK(p.children[2].kind == NodeKind::Link);
  CHECK(p.children[2].literal == "mailto:a_b+cv@example.org");
}

TEST_CASE("inline markup: blank lines become line breaks") {
  MarkupNode doc = parse_inline_markup("one\n\ntwo");
  const MarkupNode& p = paragraph_of(doc);
  REQUIRE(p.children.size() == 3);
  CHECK(p.children[1].kind == NodeKind::LineBreak);
}

TEST_CASE("block markup: paragraphs and nested lists") {
  MarkupNode doc = parse_block_markup("First **para**.\n\n"
                                      "Interests:\n\n"
                                      "- query planners\n"
                                      "  - cost models\n"
                                      "- type systems\n\n"
                                      "3. third\n4. fourth\n");
  REQUIRE(doc.children.size() == 4);
  CHECK(doc.children[0].kind == NodeKind::Paragraph);
  CHECK(doc.children[1].kind == NodeKind::Paragraph);
  const MarkupNode& list = doc.children[2];
  REQUIRE(list.kind == NodeKind::BulletList);
  REQUIRE(list.children.size() == 2);
  const MarkupNode& first = list.children[0];
  REQUIRE(first.children.size() == 2);
  CHECK(first.children[1].kind == NodeKind::BulletList);
  const MarkupNode& ordered = doc.children[3];
  CHECK(ordered.kind == NodeKind::OrderedList);
  CHECK(ordered.list_start == 3);
}

TEST_CASE("block markup: other blocks stay literal") {
  MarkupNode doc = parse_block_markup("## Heading\n\n> quote\n\n---\n\n"
                                      "```fence\n\n[ref]: https://x.org\n\n-");
  REQUIRE(doc.children.size() == 6);
  CHECK(to_plain_text(doc.children[0]) == "## Heading");
  CHECK(to_plain_text(doc.children[1]) == "> quote");
  CHECK(to_plain_text(doc.children[2]) == "---");
  CHECK(to_plain_text(doc.children[3]) == "```fence");
  CHECK(to_plain_text(doc.children[4]) == "[ref]: https://x.org");
  CHECK(to_plain_text(doc.children[5]) == "-");
}

TEST_CASE("block markup: list item text stays literal") {
  MarkupNode doc = parse_block_markup("- # not a heading\n- > not a quote");
  REQUIRE(doc.children.size() == 1);
  const MarkupNode& list = doc.children[0];
  REQUIRE(list.kind == NodeKind::BulletList);
  REQUIRE(list.children.size() == 2);
  CHECK(to_plain_text(list.children[0]) == "# not a heading");
  CHECK(to_plain_text(list.children[1]) == "> not a quote");
}

TEST_CASE("block markup: indented code keeps its text") {
  MarkupNode doc = parse_block_markup("    code block");
  REQUIRE(doc.children.size() == 1);
  REQUIRE(doc.children[0].children.size() == 1);
  CHECK(doc.children[0].children[0].kind == NodeKind::Code);
  CHECK(doc.children[0].children[0].literal == "code block");
}

TEST_CASE("markup: character references stay literal") {
  CHECK(to_plain_text(parse_inline_markup("&amp; &copy; &#35; AT&T")) ==
        "&amp; &copy; &#35; AT&T");
  MarkupNode code = parse_inline_markup("`a&amp;b` <b title=\"&amp;\">");
  const MarkupNode& p = paragraph_of(code);
  // The raw HTML is text, merged with the blank before it.
  REQUIRE(p.children.size() == 2);
  CHECK(p.children[0].literal == "a&amp;b");
  CHECK(p.children[1].literal == " <b title=\"&amp;\">");
  MarkupNode link =
      parse_inline_markup("[x](https://e.org/?a=1&b=2) <https://e.org/?c&d>");
  CHECK(paragraph_of(link).children[0].literal == "https://e.org/?a=1&b=2");
  CHECK(paragraph_of(link).children[2].literal == "https://e.org/?c&d");
}

TEST_CASE("markup: image keeps its description") {
  CHECK(to_plain_text(parse_inline_markup(
            "![alt text](https://e.org/x.png)")) == "alt text");
}

TEST_CASE("block markup: raw HTML stays text") {
  MarkupNode doc = parse_block_markup("<script>alert(1)</script>\n");
  REQUIRE(doc.children.size() == 1);
  CHECK(to_plain_text(doc) == "<script>alert(1)</script>");
}

TEST_CASE("plain text of a link keeps its text") {
  CHECK(to_plain_text(parse_inline_markup("see [the wiki](https://x.org)")) ==
        "see the wiki");
}
