// The template engine against kainjow::mustache, whose rendering it
// follows: random templates over random data must give the same text, and
// the same templates must be rejected.
#include "templates.hpp"

#include <catch2/catch.hpp>
#include <kainjow/mustache.hpp>

#include <filesystem>
#include <fstream>
#include <random>

using namespace cvc;

namespace {

using Random = std::mt19937;

size_t pick(Random& random, size_t count) {
  return std::uniform_int_distribution<size_t>(0, count - 1)(random);
}

template <typename T>
const T& pick(Random& random, std::initializer_list<T> items) {
  return items.begin()[pick(random, items.size())];
}

// Both engines' data for one random value.
struct Value {
  TemplateData ours;
  kainjow::mustache::data theirs;
};

// Returns a template text of `tokens` pieces, whose tags use the delimiters
// in force where they stand. Sections mostly close in order, so that most
// templates are valid. Now and then a tag is left open or closed twice.
std::string random_template(Random& random, int tokens, bool partials) {
  std::string begin = "{{";
  std::string end = "}}";
  std::vector<std::string> open;
  std::string out;
  for (int i = 0; i < tokens; ++i) {
    std::string name = pick<std::string>(
        random, {"a", "b", "c", "a.b", "b.c", ".", " a ", "", "a."});
    switch (pick(random, 15)) {
    case 0:
      out += pick<std::string>(random, {"x", "yz", "{", "}", "<", ">", "="});
      break;
    case 1:
      out += pick<std::string>(random, {" ", "\t", "  "});
      break;
    case 2:
      out += pick<std::string>(random, {"\n", "\n", "\r\n", "\r"});
      break;
    case 3:
      out += begin + name + end;
      break;
    case 4:
      out += begin == "{{" && end == "}}" ? "{{{" + name + "}}}"
                                          : begin + "&" + name + end;
      break;
    case 5:
    case 6:
      open.push_back(name);
      out += begin + pick<std::string>(random, {"#", "^", "# "}) + name + end;
      break;
    case 7:
    case 8:
      if (!open.empty()) {
        out += begin + "/" + open.back() + end;
        open.pop_back();
      } else if (pick(random, 8) == 0) {
        out += begin + "/" + name + end;
      }
      break;
    case 9:
      out += begin + "! note " + name + end;
      break;
    case 10:
      if (partials)
        out += begin + "> " + pick<std::string>(random, {"p", "q", "a"}) + end;
      break;
    case 11: {
      auto [first, second] = pick<std::pair<std::string, std::string>>(
          random, {{"<<", ">>"}, {"{{", "}}"}, {"<%", "%>"}, {"|", "|"}});
      out += begin + "=" + first + " " + second + "=" + end;
      begin = first;
      end = second;
      break;
    }
    case 12:
      if (pick(random, 20) == 0)
        out += begin + pick<std::string>(random, {"a", "=x=", "= a ="});
      break;
    default:
      out += pick<std::string>(random, {"text", "\\cventry{", "- "});
    }
  }
  while (!open.empty() && pick(random, 20) != 0) {
    out += begin + "/" + open.back() + end;
    open.pop_back();
  }
  return out;
}

Value random_value(Random& random, int depth) {
  size_t kind = pick(random, depth > 2 ? 5 : 8);
  switch (kind) {
  case 0:
  case 1: {
    std::string text = pick<std::string>(
        random, {"v", "", " ", "two\nlines", "\t", "{{a}}", "w x"});
    return {TemplateData(text), kainjow::mustache::data(text)};
  }
  case 2:
    return {TemplateData(true), kainjow::mustache::data(true)};
  case 3:
    return {TemplateData(false), kainjow::mustache::data(false)};
  case 4: {
    // A partial contains no partial tag, so that none can include itself.
    std::string text = random_template(random, 6, false);
    return {TemplateData::partial(text),
            kainjow::mustache::data(
                kainjow::mustache::partial([text] { return text; }))};
  }
  case 5: {
    Value list{TemplateData::list(),
               kainjow::mustache::data(kainjow::mustache::data::type::list)};
    for (size_t i = pick(random, 4); i > 0; --i) {
      Value item = random_value(random, depth + 1);
      list.ours.push_back(std::move(item.ours));
      list.theirs.push_back(item.theirs);
    }
    return list;
  }
  default: {
    Value map;
    for (size_t i = pick(random, 5); i > 0; --i) {
      std::string name =
          pick<std::string>(random, {"a", "b", "c", "p", "q", ""});
      Value item = random_value(random, depth + 1);
      map.ours.set(name, std::move(item.ours));
      map.theirs.set(name, item.theirs);
    }
    return map;
  }
  }
}

} // namespace

TEST_CASE("templates: rendering follows kainjow::mustache") {
  Random random(20261205);
  int valid = 0;
  for (int i = 0; i < 20000; ++i) {
    std::string text = random_template(random, 1 + pick(random, 24), true);
    Value data = random_value(random, 0);
    Value map;
    // The root is a map, as every writer gives.
    if (data.ours.kind() != TemplateData::Kind::Map)
      map.ours.set("a", std::move(data.ours)), map.theirs.set("a", data.theirs);
    else
      map = std::move(data);
    map.ours.set("p", TemplateData::partial("[{{a}}]\n"));
    map.theirs.set("p", kainjow::mustache::partial([] { return "[{{a}}]\n"; }));

    kainjow::mustache::mustache theirs(text);
    theirs.set_custom_escape([](const std::string& value) { return value; });
    std::string expected = theirs.is_valid() ? theirs.render(map.theirs) : "";
    bool their_valid = theirs.is_valid();

    std::string error;
    Template ours(text, "random");
    std::optional<std::string> rendered = ours.render(map.ours, error);
    INFO("template: " << text);
    REQUIRE(rendered.has_value() == their_valid);
    if (rendered) {
      REQUIRE(*rendered == expected);
      ++valid;
    } else {
      CHECK(error.rfind("invalid template random: ", 0) == 0);
    }
  }
  // Over half the templates must be valid, or the comparison would test
  // little.
  CHECK(valid > 10000);
}

TEST_CASE("templates: a partial is parsed once and rendered in place") {
  TemplateData data;
  data.set("row", TemplateData::partial("{{=<< >>=}}[<<x>>]\n"));
  TemplateData rows = TemplateData::list();
  for (const char* x : {"1", "2", "3"}) {
    TemplateData item;
    item.set("x", x);
    rows.push_back(std::move(item));
  }
  data.set("rows", std::move(rows));
  std::string error;
  Template page("{{#rows}}\n{{> row}}\n{{/rows}}\n", "page");
  std::optional<std::string> out = page.render(data, error);
  REQUIRE(out);
  // The line break after the partial tag stays, as in kainjow.
  CHECK(tidy_blank_lines(*out) == "[1]\n\n[2]\n\n[3]\n");
}

TEST_CASE("templates: errors name the template and the line") {
  std::string error;
  TemplateData data;
  CHECK_FALSE(render_template("a\n{{#x}}\nb\n", data, "t.md", error));
  CHECK(error == "invalid template t.md: section \"x\" opened at line 2 is "
                 "never closed");
  CHECK_FALSE(render_template("a\n\n{{/x}}", data, "t.md", error));
  CHECK(error ==
        "invalid template t.md: section \"x\" closed at line 3 was never "
        "opened");
  CHECK_FALSE(render_template("{{#x}}{{/y}}", data, "t.md", error));
  CHECK(error ==
        "invalid template t.md: section \"x\" is closed by \"y\" at line 1");
  CHECK_FALSE(render_template("\n{{a", data, "t.md", error));
  CHECK(error == "invalid template t.md: unclosed tag at line 2");
  CHECK_FALSE(render_template("{{=<<>>=}}", data, "t.md", error));
  CHECK(error == "invalid template t.md: invalid delimiter tag at line 1");

  // A partial that renders itself, and sections nested without end, stop
  // at a fixed depth instead of overflowing the stack.
  std::string too_deep = "invalid template t.md: sections and partials nest "
                         "more than 256 deep";
  data.set("p", TemplateData::partial("{{> p}}"));
  CHECK_FALSE(render_template("{{> p}}", data, "t.md", error));
  CHECK(error == too_deep);
  data.set("a", true);
  std::string nested;
  for (int i = 0; i < 100000; ++i)
    nested += "{{#a}}";
  for (int i = 0; i < 100000; ++i)
    nested += "{{/a}}";
  CHECK_FALSE(render_template(nested, data, "t.md", error));
  CHECK(error == too_deep);
  // 256 levels still render.
  std::string deepest = "x";
  for (int i = 0; i < 256; ++i)
    deepest = "{{#a}}" + deepest + "{{/a}}";
  CHECK(render_template(deepest, data, "t.md", error) == "x");

  // Sections nested over a list of five items, 14 deep, would repeat their
  // content 5^14 times: rendering stops, with or without output.
  TemplateData items = TemplateData::list();
  for (int i = 0; i < 5; ++i)
    items.push_back(TemplateData());
  data.set("items", std::move(items));
  for (std::string content : {"xxxxxxxxxx", ""}) {
    std::string repeated = content;
    for (int i = 0; i < 14; ++i)
      repeated = "{{#items}}" + repeated + "{{/items}}";
    CHECK_FALSE(render_template(repeated, data, "t.md", error));
    CHECK_THAT(error, Catch::Contains("sections nested over lists repeat too "
                                      "often"));
  }
}

TEST_CASE("templates: blank lines tidied in place") {
  CHECK(tidy_blank_lines("\n\na\n\n\n\nb\nc\n\n") == "a\n\nb\nc\n");
  CHECK(tidy_blank_lines("") == "\n");
  CHECK(tidy_blank_lines("abc") == "abc\n");
  CHECK(tidy_blank_lines("a\n\nb") == "a\n\nb\n");
  CHECK(tidy_blank_lines("  \n\n  x") == "  \n\n  x\n");
}

TEST_CASE("templates: user line ends become line feeds") {
  std::filesystem::path folder =
      std::filesystem::temp_directory_path() / "cvconvert-template-test";
  std::filesystem::create_directories(folder);
  std::ofstream(folder / "entry.md", std::ios::binary) << "a\r\nb\rc\n\r\n";
  std::string error;
  std::optional<std::string> text =
      load_template("markdown/entry.md", folder.string(), error);
  std::filesystem::remove_all(folder);
  REQUIRE(text);
  CHECK(*text == "a\nb\nc\n\n");
}
