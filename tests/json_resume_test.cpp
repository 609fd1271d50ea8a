// JSON Resume: the fault cases' JSON expectations checked on the writer's
// output, and the reader's quoting, legacy names and positions.
#include "json_reader.hpp"
#include "json_writer.hpp"
#include "support.hpp"

#include <catch2/catch.hpp>
#include <nlohmann/json.hpp>
#include <yaml-cpp/yaml.h>

#include <random>

using namespace cvc;
using namespace cvc::test;
using nlohmann::json;

namespace {

json write_case(const std::string& name,
                JsonFlavor flavor = JsonFlavor::JsonResume) {
  Cv cv = parse_valid(read_file(source_path("tests/cases/" + name + ".yaml")));
  Diagnostics diagnostics;
  return json::parse(write_json_resume(cv, flavor, diagnostics));
}

bool has_null(const json& value) {
  if (value.is_null())
    return true;
  if (value.is_structured())
    for (const json& item : value)
      if (has_null(item))
        return true;
  return false;
}

std::optional<Cv> read_json(const std::string& text, Diagnostics& out) {
  out = Diagnostics("resume.json", text);
  return read_json_resume(out);
}

} // namespace

TEST_CASE("case 01 J1: strings equal the input, escaped by nothing") {
  json doc = write_case("01-latex-special-characters");
  CHECK(doc["basics"]["label"] == "R&D lead | C# & C++ | 100% remote");
  CHECK(doc["work"][0]["name"] == "Barnes & Able Ltd.");
  CHECK(doc["publications"][0]["name"] ==
        "Q&A at 50% Cost: Tagging #issues_by_{component}");
  CHECK(doc["work"][0]["highlights"][2] ==
        "[Invited] Rewrote the build scripts under C:\\tools\\build for x^2 "
        "speed");
  std::string text = doc.dump();
  CHECK(text.find("\\\\&") == std::string::npos);
  CHECK(text.find("&amp;") == std::string::npos);
  // The free-form section is kept as a project named after its title.
  CHECK(doc["projects"][0]["type"] == "R&D / Q&A - 100%");
}

TEST_CASE("case 02 J1 and J3: URLs with one scheme, links kept") {
  json doc = write_case("02-urls-links-schemes");
  CHECK(doc["basics"]["url"] == "https://www.ines-varga.example.net");
  CHECK(doc["basics"]["email"] == "ines_varga+cv@example.org");
  CHECK(doc["basics"]["profiles"][0] ==
        json{{"network", "GitHub"},
             {"username", "ines_varga"},
             {"url", "https://github.com/ines_varga"}});
  CHECK(doc["basics"]["profiles"][1]["url"] ==
        "https://social.example/@ines_v");
  CHECK(doc["publications"][0]["url"] ==
        "https://example.org/papers/sparse%20sketches.pdf#page=3");
  CHECK(doc["publications"][1]["url"] ==
        "https://wiki.example.org/Tarski's_lemma_(order_theory)?lang=en&rev=2");
  std::string text = doc.dump();
  CHECK(text.find("https://example.org/~ines/notes#open_problems") !=
        std::string::npos);
  CHECK(text.find("https://code.example.org/ines_varga/graph-kit?tab=readme"
                  "#install") != std::string::npos);
}

TEST_CASE("case 03 J1: Unicode kept, the emoji a valid pair") {
  json doc = write_case("03-unicode-names-scripts-pdflatex");
  CHECK(doc["basics"]["name"] == "Nguyễn Thu Hương");
  std::string label = doc["basics"]["label"];
  CHECK(label.ends_with("🚀"));
  std::string summary = doc["basics"]["summary"];
  CHECK(summary.find("\u200B") != std::string::npos);
  CHECK(summary.find("\u00A0") != std::string::npos);
  CHECK(doc["publications"][0]["publisher"] == "数据工程研讨会 2022");
  CHECK(doc.dump(-1, ' ', true).find("\\ud83d\\ude80") != std::string::npos);
}

TEST_CASE("case 06 J1 to J3: no null, no empty values, ongoing work") {
  json doc = write_case("06-empty-missing-sections");
  CHECK_FALSE(has_null(doc));
  for (const char* key : {"label", "summary", "url", "phone"})
    CHECK_FALSE(doc["basics"].contains(key));
  CHECK_FALSE(doc["work"][0].contains("endDate"));
  CHECK(doc["work"][1]["highlights"] ==
        json::array({"Ran the weekly newsletter"}));
  CHECK_FALSE(doc.contains("publications"));
}

TEST_CASE("case 08 J1 and J2: Markdown source kept the same everywhere") {
  json doc = write_case("08-markdown-in-fields");
  std::string text = doc.dump();
  for (const char* leak :
       {"\\\\textbf", "\\\\href", "<strong", "#link(", "#strong["})
    CHECK(text.find(leak) == std::string::npos);
  std::string summary = doc["basics"]["summary"];
  CHECK(summary.find("**data platforms**") != std::string::npos);
  CHECK(summary.find("[graph theory](https://example.org/courses/"
                     "graph_theory_101)") != std::string::npos);
  CHECK(text.find("snake_case_table_name") != std::string::npos);
  CHECK(text.find("***Promoted twice***") != std::string::npos);
}

TEST_CASE("case 10 J1 and J2: scalars keep their source text") {
  json doc = write_case("10-yaml-implicit-typing");
  CHECK(doc["basics"]["phone"] == "07700900123");
  CHECK(doc["skills"][0]["keywords"] == json::array({"NO", "SE", "DK", "FI"}));
  CHECK(doc["skills"][1]["keywords"] == json::array({"3.8", "3.10", "3.12"}));
  CHECK(doc["skills"][2]["keywords"] ==
        json::array({"yes", "no", "on", "off", "y", "n"}));
  CHECK(doc["education"][0]["startDate"] == "2014");
  CHECK(doc["work"][0]["location"] == "Oslo, NO");
  CHECK_FALSE(doc["work"][1].contains("location"));
}

TEST_CASE("case 13 J2 to J5: schema names, no lost section") {
  json doc = write_case("13-json-resume-conformance");
  const std::set<std::string> allowed = {
      "$schema",   "basics",       "work",         "volunteer", "education",
      "awards",    "certificates", "publications", "skills",    "languages",
      "interests", "references",   "projects",     "meta"};
  for (const auto& [key, value] : doc.items())
    CHECK(allowed.count(key) == 1);
  CHECK(doc["basics"]["label"] ==
        "Postdoctoral researcher in computational biology");
  CHECK(doc["basics"]["location"].is_object());
  CHECK(doc["work"][0]["name"] == "Example Institute for Genomics");
  CHECK(doc["education"][0]["studyType"] == "PhD");
  CHECK(doc["education"][0]["area"] == "Computational Biology");
  CHECK(doc["publications"][0]["publisher"] == "Journal of Example Biology");
  CHECK(doc["publications"][0]["releaseDate"] == "2021-04");
  CHECK(doc["awards"][0]["date"] == "2020");
  CHECK_FALSE(has_null(doc));
  CHECK_FALSE(doc["work"][0].contains("endDate"));
  std::string text = doc.dump();
  CHECK(text.find("\"present\"") == std::string::npos);
  for (const char* item :
       {"Priors that know biology", "Example Systems Biology Meeting",
        "BIO 401 Computational Genomics", "Teaching assistant",
        "Reviewer, Journal of Example Biology (2021-present)",
        "10.1000/jeb.2021.042", "S. Adeyemi", "R. Kowalczyk", "M. Tanaka",
        "Thesis: Sparse priors for regulatory networks"})
    CHECK(text.find(item) != std::string::npos);
}

TEST_CASE("the academicpages flavour uses the template's arrays and names") {
  Cv cv = parse_valid(read_file(source_path("samples/academicpages.yaml")));
  Diagnostics diagnostics;
  json doc = json::parse(
      write_json_resume(cv, JsonFlavor::AcademicPages, diagnostics));
  CHECK(doc["basics"]["website"] == "https://lmarchetti.example.org");
  CHECK(doc["presentations"][0]["name"] ==
        "Talk 1 on Relevant Topic in Your Field");
  CHECK(doc["presentations"][0]["event"] ==
        "UC San Francisco, Department of Testing");
  CHECK(doc["presentations"][0]["date"] == "2012");
  CHECK(doc["teaching"][0]["course"] == "Teaching experience 1");
  CHECK(doc["teaching"][0]["institution"] == "University 1, Department");
  CHECK(doc["portfolio"][0]["url"] ==
        "https://lmarchetti.example.org/portfolio/portfolio-1/");
  CHECK_FALSE(doc.contains("projects"));
}

TEST_CASE("json2cv quotes every string so that YAML gives it back") {
  const std::vector<std::string> hostile = {"NO",
                                            "3.10",
                                            "07700900123",
                                            "~",
                                            "null",
                                            "- item",
                                            "# heading",
                                            "key: value",
                                            "&anchor",
                                            "*alias",
                                            "@handle",
                                            "`code`",
                                            "%TAG",
                                            "{a: b}",
                                            "[b]",
                                            " leading",
                                            "trailing ",
                                            "\"quoted\"",
                                            "'single'",
                                            "back\\slash",
                                            "tab\there",
                                            "two\nlines",
                                            "bell\x07",
                                            "line\u2028sep",
                                            "next\u0085",
                                            "\uFEFFbom",
                                            "emoji 😀",
                                            "!tag",
                                            "|",
                                            ">",
                                            "? key",
                                            "C:\\tools\\build",
                                            "R&D | C# & C++"};
  json resume = {{"basics", {{"name", "Ada"}}},
                 {"work",
                  {{{"name", "Acme"},
                    {"position", "Engineer"},
                    {"highlights", hostile}}}}};
  Diagnostics diagnostics("resume.json", resume.dump());
  std::optional<std::string> yaml = json_resume_to_cv_yaml(diagnostics);
  REQUIRE(yaml);
  YAML::Node root = YAML::Load(*yaml);
  YAML::Node highlights = root["cv"]["sections"]["Experience"][0]["highlights"];
  REQUIRE(highlights.size() == hostile.size());
  for (size_t i = 0; i < hostile.size(); ++i)
    CHECK(highlights[i].as<std::string>() == hostile[i]);
}

TEST_CASE("JSON Resume input takes current and legacy names") {
  Diagnostics diagnostics;
  std::optional<Cv> cv = read_json(R"({
  "basics": {"name": "Ada", "website": "https://ada.example.org",
             "picture": "ada.jpg"},
  "work": [{"company": "Acme", "position": "Engineer",
            "startDate": "2020-01"}],
  "education": [{"institution": "Uni", "area": "Maths", "studyType": "BSc",
                 "gpa": "3.9"}]
})",
                                   diagnostics);
  REQUIRE(cv);
  CHECK(cv->websites.at(0).value == "https://ada.example.org");
  CHECK(cv->photo.value == "ada.jpg");
  const auto& work = std::get<ExperienceEntry>(cv->sections.at(0).entries[0]);
  CHECK(work.company.source == "Acme");
  CHECK(work.start_date->year == 2020);
  CHECK_FALSE(work.end_date);
  const auto& school = std::get<EducationEntry>(cv->sections.at(1).entries[0]);
  CHECK(school.degree.source == "BSc");
  REQUIRE(school.extra("gpa"));
  // Positions point into the JSON input.
  CHECK(work.company.pos.line == 4);
}

TEST_CASE("a JSON syntax error is reported at its line and column") {
  Diagnostics diagnostics;
  std::optional<Cv> cv = read_json(
      "{\n  \"basics\": {\n    \"name\": \"Ada\",\n  }\n}\n", diagnostics);
  CHECK_FALSE(cv);
  REQUIRE(diagnostics.all().size() == 1);
  CHECK(diagnostics.all()[0].pos.line == 4);
  CHECK(diagnostics.all()[0].pos.column == 3);
  CHECK(diagnostics.all()[0].message.starts_with("invalid JSON: "));
}

TEST_CASE("deeply nested JSON is rejected before it is built") {
  // 80,000 levels would overflow the stack when the value is copied.
  Diagnostics diagnostics;
  std::string text =
      "{\"basics\": {\"name\": \"A\"},\n \"x\": " + std::string(80000, '[') +
      std::string(80000, ']') + "}";
  CHECK_FALSE(read_json(text, diagnostics));
  REQUIRE(diagnostics.all().size() == 1);
  CHECK(diagnostics.all()[0].message ==
        "invalid JSON: arrays and objects nested more than 60 levels deep");
  CHECK(diagnostics.all()[0].pos.line == 2);
  // `{` is the first level, so the 60th `[` is the first one too deep.
  CHECK(diagnostics.all()[0].pos.column == 7 + 59);
}

TEST_CASE("JSON Resume nested to the limit converts") {
  // 60 levels: the object, `meta` and 58 more.
  std::string text = "{\"basics\": {\"name\": \"A\"}, \"meta\": ";
  for (int i = 0; i < 58; ++i)
    text += "{\"a\": ";
  text += "\"v\"" + std::string(58, '}') + "}";
  Diagnostics diagnostics;
  CHECK(read_json(text, diagnostics));
}

TEST_CASE("JSON Resume keys must be unique, short and text") {
  for (const char* text :
       {"{\"basics\": {\"name\": \"Ada\", \"name\": \"Bob\"}}",
        "basics:\n  name: Ada\n  name: Bob\n",
        "basics:\n  name: Ada\n  ? [a, b]\n  : x\n"}) {
    INFO(text);
    Diagnostics diagnostics(text[0] == '{' ? "r.json" : "r.yaml", text);
    CHECK_FALSE(read_json_resume(diagnostics));
    REQUIRE(diagnostics.error_count() == 1);
    CHECK(diagnostics.all()[0].pos.line > 0);
  }
  std::string long_key = "{\"basics\": {\"name\": \"A\"}, \"" +
                         std::string(1100, 'k') + "\": \"v\"}";
  Diagnostics diagnostics("r.json", long_key);
  CHECK_FALSE(read_json_resume(diagnostics));
  REQUIRE(diagnostics.error_count() == 1);
  CHECK(diagnostics.all()[0].message == "key longer than 1024 characters");
}

TEST_CASE("a second YAML document in JSON Resume is an error") {
  Diagnostics diagnostics("r.yaml",
                          "basics:\n  name: Ada\n---\ncv:\n  name: Bob\n");
  CHECK_FALSE(read_json_resume(diagnostics));
  REQUIRE(diagnostics.error_count() == 1);
  CHECK(diagnostics.all()[0].pos.line == 3);
}

TEST_CASE("JSON Resume in YAML flow style is YAML") {
  Diagnostics diagnostics("r.yaml", "{basics: {name: Ada}}\n");
  std::optional<Cv> cv = read_json_resume(diagnostics);
  REQUIRE(cv);
  CHECK(cv->name.source == "Ada");
}

TEST_CASE("a bad date in JSON Resume is reported at the JSON value") {
  Diagnostics diagnostics;
  std::optional<Cv> cv = read_json(R"({
  "basics": {"name": "Ada"},
  "work": [{"name": "Acme", "position": "Engineer",
            "startDate": "2020-13"}]
})",
                                   diagnostics);
  CHECK_FALSE(cv);
  REQUIRE_FALSE(diagnostics.all().empty());
  CHECK(diagnostics.all()[0].pos.line == 4);
}

TEST_CASE("YAML with basics at the top is JSON Resume") {
  CHECK(is_json_resume("cv.yaml", "basics:\n  name: Ada\n"));
  CHECK_FALSE(is_json_resume("cv.yaml", "cv:\n  name: Ada\n"));
  CHECK(is_json_resume("resume.json", ""));
  CHECK(is_json_resume("-", "  {\"basics\": {}}"));
  // Only top-level keys count, wherever they are.
  CHECK(is_json_resume("cv.yaml", "work: [{cv: 1}]\nbasics:\n  cv: x\n"));
  CHECK_FALSE(is_json_resume("cv.yaml", "basics: {}\ncv:\n  name: Ada\n"));
  CHECK_FALSE(is_json_resume("cv.yaml", "- basics\n- cv\n"));
  CHECK_FALSE(is_json_resume("cv.yaml", "? [basics]\n: x\n"));
  // A CV may be written in JSON too.
  CHECK_FALSE(is_json_resume("cv.json", "{\"cv\": {\"name\": \"Ada\"}}"));
  CHECK(is_json_resume("cv.json", "{\"work\": [{\"cv\": 1}]}"));
  // Deep nesting stops the look at the keys without a hang; the reader
  // then reports it.
  CHECK_FALSE(is_json_resume("cv.yaml", "x: " + std::string(100000, '[')));
}

TEST_CASE("an alias bomb in a YAML JSON Resume stops at the limit") {
  // Each anchor repeats the one before nine times: 9^8 values in full.
  std::string yaml =
      "basics:\n  name: Ada\nx0: &a0 [l, l, l, l, l, l, l, l, l]\n";
  for (int i = 1; i <= 8; ++i) {
    yaml += "x" + std::to_string(i) + ": &a" + std::to_string(i) + " [";
    for (int k = 0; k < 9; ++k)
      yaml += (k ? ", *a" : "*a") + std::to_string(i - 1);
    yaml += "]\n";
  }
  Diagnostics diagnostics("resume.yaml", yaml);
  CHECK_FALSE(read_json_resume(diagnostics));
  REQUIRE(diagnostics.error_count() == 1);
  CHECK(diagnostics.all()[0].message ==
        "too many values repeated through YAML aliases (more than 10000)");
  CHECK(diagnostics.all()[0].pos.line == 1);
}

TEST_CASE("aliases of a long value in a YAML JSON Resume stop too") {
  std::string yaml =
      "basics:\n  name: &n \"" + std::string(1024 * 1024, 'x') + "\"\nx:\n";
  for (int i = 0; i < 20; ++i)
    yaml += "  - *n\n";
  Diagnostics diagnostics("resume.yaml", yaml);
  CHECK_FALSE(read_json_resume(diagnostics));
  REQUIRE(diagnostics.error_count() == 1);
  CHECK(diagnostics.all()[0].message ==
        "values repeated through YAML aliases add up to more than 16777216 "
        "bytes");
}

TEST_CASE("what JSON Resume cannot hold is a warning naming the field") {
  Cv cv = parse_valid("cv:\n  name: Ada\n  email: [a@example.org, "
                      "b@example.org]\n  sections:\n    Talks:\n      - name: "
                      "T\n        date: Fall 2020\n");
  Diagnostics diagnostics;
  write_json_resume(cv, JsonFlavor::JsonResume, diagnostics);
  REQUIRE(diagnostics.all().size() == 2);
  CHECK(diagnostics.all()[0].message.find("'email'") != std::string::npos);
  CHECK(diagnostics.all()[1].message.find("'date'") != std::string::npos);
}

namespace {

// A random JSON value of strings with escapes and non-ASCII text, numbers,
// truth values, null, and nested arrays and objects, some of them empty.
nlohmann::ordered_json random_json(std::mt19937& random, int depth) {
  static const std::vector<std::string> pieces = {
      "a",    "\"",   "\\",   "/",   "\n",
      "\r",   "\t",   "\b",   "\f",  std::string(1, '\0'),
      "\x01", "\x1f", "\x7f", "é",   "中",
      "😀",    " ",    "key",  "\xff"};
  auto text = [&] {
    std::string out;
    for (size_t i = random() % 6; i > 0; --i)
      out += pieces[random() % pieces.size()];
    return out;
  };
  switch (depth > 3 ? random() % 5 : random() % 7) {
  case 0:
    return text();
  case 1:
    return static_cast<int>(random() % 2001) - 1000;
  case 2:
    return (static_cast<double>(random() % 100000) - 50000) / 7.0;
  case 3:
    return random() % 2 == 0;
  case 4:
    return nullptr;
  case 5: {
    nlohmann::ordered_json array = nlohmann::ordered_json::array();
    for (size_t i = random() % 4; i > 0; --i)
      array.push_back(random_json(random, depth + 1));
    return array;
  }
  default: {
    nlohmann::ordered_json object = nlohmann::ordered_json::object();
    for (size_t i = random() % 4; i > 0; --i)
      object[text()] = random_json(random, depth + 1);
    return object;
  }
  }
}

} // namespace

TEST_CASE("format_json matches nlohmann's dump", "[json]") {
  std::mt19937 random(5);
  for (int i = 0; i < 20000; ++i) {
    nlohmann::ordered_json value = random_json(random, 0);
    std::string expected = value.dump(
        2, ' ', false, nlohmann::ordered_json::error_handler_t::replace);
    INFO("value: " << expected);
    REQUIRE(format_json(value) == expected);
  }
}

TEST_CASE("JSON Resume: limits apply, but not to YAML size", "[json]") {
  // The YAML made from a JSON Resume is longer than the JSON; only the
  // JSON is held to the input size limit, which the tools check.
  std::string json =
      R"({"basics":{"name":"N"},"work":[{"name":"C","position":"P",)"
      R"("startDate":"2020-01","highlights":["a","b","c","d"]}]})";
  Diagnostics diagnostics("r.json", json);
  ReadLimits limits;
  limits.max_input_bytes = json.size();
  std::optional<std::string> yaml = json_resume_to_cv_yaml(diagnostics, limits);
  REQUIRE(yaml);
  CHECK(yaml->size() > json.size());
  Diagnostics again("r.json", json);
  CHECK(read_json_resume(again, limits));

  // The other limits hold.
  limits.max_entries = 0;
  Diagnostics limited("r.json", json);
  CHECK_FALSE(read_json_resume(limited, limits));
}
