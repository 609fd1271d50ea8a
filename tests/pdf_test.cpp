// End-to-end tests: each CV is written as LaTeX, compiled with the real
// pdflatex, and read back with pdftotext, pdfinfo and qpdf.
#include <catch2/catch.hpp>

#include "support.hpp"

#include "diagnostics.hpp"
#include "latex_writer.hpp"

#include <algorithm>
#include <cctype>
#include <filesystem>
#include <fstream>
#include <sstream>
#include <string>
#include <vector>

#include <unistd.h>

using namespace cvc;
using namespace cvc::test;

namespace {

bool contains(const std::string& text, const std::string& part) {
  return text.find(part) != std::string::npos;
}

size_t count_of(const std::string& text, const std::string& part) {
  size_t count = 0;
  for (size_t at = text.find(part); at != std::string::npos;
       at = text.find(part, at + part.size()))
    ++count;
  return count;
}

std::string without_spaces(const std::string& text) {
  std::istringstream in(text);
  std::string out;
  std::string word;
  while (in >> word)
    out += word;
  return out;
}

// Returns the words of extracted text, leaving out tokens with no letter or
// digit, such as the list bullets that pdftotext places between words.
std::vector<std::string> words_of(const std::string& text) {
  std::istringstream in(text);
  std::vector<std::string> words;
  std::string word;
  while (in >> word) {
    bool has_alnum = std::any_of(word.begin(), word.end(), [](char c) {
      return std::isalnum(static_cast<unsigned char>(c)) != 0;
    });
    if (has_alnum)
      words.push_back(word);
  }
  return words;
}

bool has_word(const std::vector<std::string>& words, const std::string& word) {
  return std::find(words.begin(), words.end(), word) != words.end();
}

// A PDF written to a temporary file for the tools that pdf_text and
// pdf_links do not run.
class PdfFile {
public:
  explicit PdfFile(const std::string& pdf) {
    path_ = (std::filesystem::temp_directory_path() /
             ("cvconvert-pdftest-" + std::to_string(getpid()) + "-" +
              std::to_string(counter_++) + ".pdf"))
                .string();
    std::ofstream(path_, std::ios::binary) << pdf;
  }
  ~PdfFile() { std::remove(path_.c_str()); }
  PdfFile(const PdfFile&) = delete;
  PdfFile& operator=(const PdfFile&) = delete;

  // Runs `tool` on the file, with `after` following the file name, and
  // returns its standard output. Fails the test when the tool fails.
  std::string run(const std::string& tool, const std::string& after = {}) {
    CommandResult result = run_command(tool + " '" + path_ + "'" + after);
    INFO("running " << tool);
    REQUIRE(result.status == 0);
    return result.output;
  }

private:
  static inline int counter_ = 0;
  std::string path_;
};

// Returns the text of `pdf` in the order of its content stream (pdftotext
// -raw), so that boxes set side by side, as in moderncv's header, stay apart.
std::string pdf_raw_text(const std::string& pdf) {
  return PdfFile(pdf).run("pdftotext -raw -enc UTF-8", " -");
}

// Returns the Author entry that pdfinfo prints, without label and padding.
std::string pdf_author(const std::string& pdf) {
  std::istringstream info(PdfFile(pdf).run("pdfinfo -enc UTF-8"));
  const std::string label = "Author:";
  std::string line;
  while (std::getline(info, line)) {
    if (line.compare(0, label.size(), label) != 0)
      continue;
    size_t first = line.find_first_not_of(' ', label.size());
    size_t last = line.find_last_not_of(" \r");
    if (first == std::string::npos)
      return "";
    return line.substr(first, last - first + 1);
  }
  FAIL("pdfinfo printed no Author line");
  return "";
}

// Returns qpdf's JSON description of the PDF, whose "outlines" are the
// bookmarks.
std::string pdf_json(const std::string& pdf) {
  return PdfFile(pdf).run("qpdf --json");
}

// Returns the link targets with the PDF string escapes `\(` and `\)` reduced
// to the parentheses.
std::string links_without_paren_escapes(std::string links) {
  for (const char* escape : {"\\(", "\\)"}) {
    for (size_t at = links.find(escape); at != std::string::npos;
         at = links.find(escape, at))
      links.erase(at, 1);
  }
  return links;
}

// The LaTeX of one CV, its PDF, and the PDF's text from pdf_text.
struct Output {
  std::string tex;
  std::string pdf;
  std::string text;
};

// Converts CV YAML to LaTeX and PDF, failing the test on any error.
Output convert(const std::string& yaml) {
  Output out;
  Cv cv = parse_valid(yaml);
  out.tex = latex_of(cv);
  out.pdf = compile_pdf(out.tex);
  out.text = pdf_text(out.pdf);
  return out;
}

std::string case_yaml(const std::string& name) {
  return read_file(source_path("tests/cases/" + name + ".yaml"));
}

std::vector<std::string> sample_files() {
  std::vector<std::string> files;
  for (const auto& entry :
       std::filesystem::directory_iterator(source_path("samples")))
    if (entry.path().extension() == ".yaml")
      files.push_back(entry.path().string());
  std::sort(files.begin(), files.end());
  return files;
}

// Returns the part of `tex` from `start` to the next entry, section or the
// end of the document.
std::string tex_entry_at(const std::string& tex, const std::string& start) {
  size_t from = tex.find(start);
  REQUIRE(from != std::string::npos);
  size_t to = std::string::npos;
  for (const char* next : {"\\cventry", "\\cvitem", "\\section", "\\end{doc"})
    to = std::min(to, tex.find(next, from + start.size()));
  return tex.substr(from, to == std::string::npos ? to : to - from);
}

// Every LaTeX special character, characters that pdflatex may set as
// another glyph (quotes, `<`, `>`, `|`) and the pairs that fonts join into
// ligatures (`--`, `---`, `,,`, `<<`, `>>`, ?` and !`). The PDF must show
// them exactly as written here.
const std::string kSpecials =
    R"(& % $ # _ { } ~ ^ \textbf{x} < > | " ' ` -- --- ,, << >> ?` !`)";

// Returns the value that the PDF shows for the field tagged `tag`.
std::string shown(const std::string& tag) {
  return "[" + tag + "] " + kSpecials;
}

// Returns `text` as a YAML single-quoted scalar.
std::string yaml_quoted(const std::string& text) {
  std::string out = "'";
  for (char c : text)
    out += c == '\'' ? std::string("''") : std::string(1, c);
  return out + "'";
}

// Returns a Markdown field that shows `shown(tag)`. Each backtick is
// escaped, because two of them would make a code span. Nothing else in
// kSpecials is Markdown syntax in this position.
std::string markdown_field(const std::string& tag) {
  std::string markdown;
  for (char c : shown(tag))
    markdown += c == '`' ? std::string("\\`") : std::string(1, c);
  return yaml_quoted(markdown);
}

// Replaces each `<md:TAG>` in `yaml` with markdown_field(TAG) and each
// `<plain:TAG>` (a field that is not Markdown) with the quoted shown(TAG).
// Appends each TAG to `tags`.
std::string fill_fields(const std::string& yaml,
                        std::vector<std::string>& tags) {
  std::string out;
  size_t from = 0;
  for (size_t open = yaml.find('<'); open != std::string::npos;
       open = yaml.find('<', from)) {
    size_t colon = yaml.find(':', open);
    size_t close = yaml.find('>', open);
    REQUIRE(colon < close);
    REQUIRE(close != std::string::npos);
    std::string kind = yaml.substr(open + 1, colon - open - 1);
    std::string tag = yaml.substr(colon + 1, close - colon - 1);
    INFO("placeholder " << kind << ":" << tag);
    REQUIRE((kind == "md" || kind == "plain"));

    out += yaml.substr(from, open - from);
    out += kind == "md" ? markdown_field(tag) : yaml_quoted(shown(tag));
    tags.push_back(tag);
    from = close + 1;
  }
  return out + yaml.substr(from);
}

} // namespace

TEST_CASE("Samples compile in every style") {
  std::vector<std::string> samples = sample_files();
  REQUIRE(samples.size() >= 3);
  const std::string sample = GENERATE_COPY(from_range(samples));
  const std::string style = GENERATE(as<std::string>{}, "classic", "casual",
                                     "banking", "oldstyle", "fancy");
  INFO(sample << " in style " << style);
  Cv cv = parse_valid(read_file(sample));
  LatexOptions options;
  options.style = style;
  std::string tex = latex_of(cv, options);
  CHECK(contains(tex, "\\moderncvstyle{" + style + "}"));
  std::string text = pdf_text(compile_pdf(tex));
  CHECK(contains(text, cv.name.source));
}

TEST_CASE("Reference CV compiles in every colour") {
  const std::string color =
      GENERATE(as<std::string>{}, "blue", "orange", "green", "red", "purple",
               "grey", "black", "burgundy");
  INFO("colour " << color);
  Cv cv = parse_valid(read_file(source_path("samples/academicpages.yaml")));
  LatexOptions options;
  options.color = color;
  std::string tex = latex_of(cv, options);
  // moderncv 2.4 needs the colour before the style; 2.3.1 takes either.
  size_t color_at = tex.find("\\moderncvcolor{" + color + "}");
  size_t style_at = tex.find("\\moderncvstyle");
  CHECK(color_at != std::string::npos);
  CHECK(color_at < style_at);
  std::string text = pdf_text(compile_pdf(tex));
  CHECK(contains(text, cv.name.source));
}

TEST_CASE("Academicpages sample matches reference CV") {
  std::string yaml = read_file(source_path("samples/academicpages.yaml"));
  const std::string abstract_key = "**Abstract:** ";
  size_t abstract_at = yaml.find(abstract_key);
  REQUIRE(abstract_at != std::string::npos);
  abstract_at += abstract_key.size();
  std::string abstract = collapse_spaces(
      "Abstract: " +
      yaml.substr(abstract_at, yaml.find('\n', abstract_at) - abstract_at));

  std::string text = convert(yaml).text;
  // The reference lists each entry as title, year and place. moderncv sets
  // the date first, so the items of each entry follow the PDF's order.
  require_in_order(text, reference_items(abstract));
}

TEST_CASE("Special characters in every field") {
  // Every text field of the header and of each entry kind contains the same
  // characters after a tag that names the field. The e-mail address
  // contains the LaTeX special characters that are valid in an unquoted local
  // part, except `&`, which the next test covers together with the website.
  const std::string email = "r_d%ops#1~x^y$z{q}|p'o@example.org";
  const std::string website = "https://example.org/~r_d/a%20b?x=1#frag_1";
  std::vector<std::string> tags;
  const std::string yaml = fill_fields(R"(cv:
  name: <md:NAME>
  headline: <md:HEADLINE>
  location: <md:LOCATION>
  email: ")" + email + R"("
  phone: <plain:PHONE>
  website: ")" + website + R"("
  sections:
    <plain:SECTION>:
      - institution: <md:INSTITUTION>
        area: <md:AREA>
        degree: <md:DEGREE>
        location: <md:EDU-LOCATION>
        date: 2020
        summary: <md:EDU-SUMMARY>
        highlights:
          - <md:EDU-HIGHLIGHT>
    Experience:
      - company: <md:COMPANY>
        position: <md:POSITION>
        location: <md:JOB-LOCATION>
        date: 2019
        summary: <md:JOB-SUMMARY>
        highlights:
          - <md:JOB-HIGHLIGHT>
          - - <md:NESTED-HIGHLIGHT>
    Publications:
      - title: <md:TITLE>
        authors:
          - <md:AUTHOR-1>
          - <md:AUTHOR-2>
        journal: <md:JOURNAL>
        date: 2022-06
        summary: <md:PUB-SUMMARY>
    Talks:
      - name: <md:TALK>
        date: <plain:FREE-DATE>
        location: <md:TALK-LOCATION>
        type: <md:EXTRA-TYPE>
        venue: <md:EXTRA-VENUE>
        summary: <md:TALK-SUMMARY>
        highlights:
          - <md:TALK-HIGHLIGHT>
    Skills:
      - label: <md:LABEL>
        details: <md:DETAILS>
    Bullets:
      - bullet: <md:BULLET>
    Numbered:
      - number: <md:NUMBERED>
    Reversed:
      - reversed_number: <md:REVERSED>
    Texts:
      - <md:TEXT>
)",
                                       tags);
  INFO(yaml);
  REQUIRE(tags.size() == 35);
  Output out = convert(yaml);

  // pdftotext -raw keeps the header's boxes apart. Lines may break at any
  // space or after a hyphen, so the comparison leaves out whitespace.
  std::string raw = without_spaces(pdf_raw_text(out.pdf));
  INFO(raw);
  for (const std::string& tag : tags) {
    INFO("field " << tag);
    CHECK(contains(raw, without_spaces(shown(tag))));
  }
  CHECK(contains(raw, email));
  CHECK(contains(raw, "example.org/~r_d/a%20b?x=1#frag_1"));

  // No ligature or typographic quote replaced what was typed: the CV has
  // none of these characters.
  for (const char* glyph :
       {"¡", "¿", "–", "—", "«", "»", "„", "“", "”", "‘", "’"}) {
    INFO("glyph " << glyph);
    CHECK_FALSE(contains(out.text, glyph));
  }

  std::string links = pdf_links(out.pdf);
  CHECK(contains(links, "(" + website + ")"));
  CHECK_FALSE(contains(links_without_paren_escapes(links), "\\"));
}

TEST_CASE("Ampersand in email and website") {
  // `&` is valid in an e-mail address and in a URL's query string, and
  // moderncv sets both in its header.
  const std::string yaml = R"(cv:
  name: Rae Dunmore
  email: "r&d_ops@example.org"
  website: "https://example.org/~r_d/a%20b?x=1&y=2#frag_1"
  sections:
    About:
      - Writes software.
)";
  Output out = convert(yaml);
  CHECK(contains(out.text, "r&d_ops@example.org"));
  CHECK(contains(out.text, "example.org/~r_d/a%20b?x=1&y=2#frag_1"));
  std::string links = pdf_links(out.pdf);
  CHECK(contains(links, "(https://example.org/~r_d/a%20b?x=1&y=2#frag_1)"));
  CHECK(contains(links, "(mailto:r&d_ops@example.org)"));
}

TEST_CASE("Case 01 LaTeX special characters") {
  Output out = convert(case_yaml("01-latex-special-characters"));
  for (const char* expected : {
           "R&D lead | C# & C++ | 100% remote",
           "Latency < 5 ms, throughput > 10k rps | budget ~$40k",
           "Barnes & Able Ltd.",
           "Senior Engineer (Team #3)",
           "Grew ARR from $1.2M to $3.4M & hired 6 engineers",
           "spot_instances and a {config} overlay",
           R"(C:\tools\build for x^2 speed)",
           R"(\textbf{foo})",
           "Q&A at 50% Cost: Tagging #issues_by_{component}",
           "Tools & Techniques (T&T",
           "x86_64 asm",
           "100% test coverage",
           "R&D / Q&A - 100%",
           "[Invited] Rewrote",
       }) {
    INFO("expected " << expected << " in:\n" << out.text);
    CHECK(contains(out.text, expected));
  }
  CHECK_FALSE(contains(out.text, "¡"));
  CHECK_FALSE(contains(out.text, "¿"));
  CHECK(contains(out.tex, R"(\textbackslash{}textbf\{foo\})"));
  std::string json = pdf_json(out.pdf);
  INFO(json);
  CHECK(contains(json, R"("title": "R&D / Q&A - 100%")"));
}

TEST_CASE("Case 02 URLs and link schemes") {
  Output out = convert(case_yaml("02-urls-links-schemes"));
  std::string links = pdf_links(out.pdf);
  INFO(links);
  const std::vector<std::string> expected_links = {
      "https://www.ines-varga.example.net",
      "mailto:ines_varga+cv@example.org",
      "https://github.com/ines_varga",
      "https://social.example/@ines_v",
      "https://example.org/~ines/notes#open_problems",
      "https://example.org/papers/sparse%20sketches.pdf#page=3",
      // qpdf prints the parentheses of a PDF string with a backslash.
      R"(https://wiki.example.org/Tarski's_lemma_\(order_theory\)?lang=en&rev=2)",
      "https://code.example.org/ines_varga/graph-kit?tab=readme#install",
      "https://doi.org/10.1000/jea_2021.07",
  };
  for (const std::string& url : expected_links) {
    INFO("link " << url);
    CHECK(contains(links, "(" + url + ")"));
  }
  for (const char* wrong : {"%23", "%2520", "textquotesingle",
                            "https://https://", "mailto:mailto:"}) {
    INFO("unwanted " << wrong);
    CHECK_FALSE(contains(links, wrong));
  }
  CHECK_FALSE(contains(links_without_paren_escapes(links), "\\"));

  INFO(out.text);
  CHECK(contains(out.text, "ines_varga+cv@example.org"));
  CHECK(contains(out.text, "@ines_v@social.example"));
  CHECK(contains(out.text, "my wiki"));
  CHECK(contains(out.text, "graph toolkit"));
  CHECK_FALSE(contains(out.text, "]("));
}

TEST_CASE("Case 03 Unicode under pdflatex") {
  std::string yaml = case_yaml("03-unicode-names-scripts-pdflatex");
  Cv cv = parse_valid(yaml);
  Diagnostics diagnostics("03-unicode-names-scripts-pdflatex.yaml", yaml);
  std::optional<LatexDocument> document =
      write_latex(cv, LatexOptions{}, diagnostics);
  REQUIRE(document.has_value());
  bool rocket_warning =
      std::any_of(diagnostics.all().begin(), diagnostics.all().end(),
                  [](const Diagnostic& d) {
                    return d.severity == Severity::Warning &&
                           contains(d.message, "U+1F680") &&
                           contains(d.message, "'headline'");
                  });
  CHECK(rocket_warning);
  CHECK(contains(document->text, "5~ms"));

  std::string pdf = compile_pdf(document->text);
  CHECK(pdf_author(pdf) == "Nguyễn Thu Hương");
  std::string text = pdf_text(pdf);
  INFO(text);
  for (const char* expected : {
           "Łódź",
           "Uniwersytet Żółtej Łąki",
           "Işıklı Yazılım A.Ş.",
           "İzmir",
           "Ağrı",
           "Iğdır",
           "Łukasz Wróblewski-Żak",
           "Işıl Yücetürk",
           "Αλγόριθμοι γράφων: μια εισαγωγή",
           "数据工程研讨会 2022",
           "≤ 5",
       }) {
    INFO("expected " << expected);
    CHECK(contains(text, expected));
  }
  CHECK((contains(text, "datapipelines") || contains(text, "data pipelines")));
}

TEST_CASE("Case 06 empty and missing sections") {
  Output out = convert(case_yaml("06-empty-missing-sections"));
  INFO(out.text);
  for (const char* heading : {"Publications", "Talks", "Teaching", "Awards"}) {
    INFO("heading " << heading);
    CHECK_FALSE(contains(out.text, heading));
    CHECK_FALSE(contains(out.tex, heading));
  }
  for (const char* absent : {"null", "None", "~"}) {
    INFO("unwanted " << absent);
    CHECK_FALSE(contains(out.text, absent));
  }
  for (const char* absent :
       {R"(\begin{itemize}\end{itemize})", R"(\cvlistitem{})", R"(\phone)",
        R"(\homepage)", R"(\title{)"}) {
    INFO("unwanted in .tex " << absent);
    CHECK_FALSE(contains(out.tex, absent));
  }

  std::string press = tex_entry_at(out.tex, "{Example Press}");
  INFO(press);
  CHECK(count_of(press, "\\item") == 1);
  CHECK(contains(press, "\\item Ran the weekly newsletter"));
  CHECK(count_of(out.text, "Ran the weekly newsletter") == 1);

  std::string ongoing = out.tex.substr(0, out.tex.find("{Okafor Consulting}"));
  ongoing = ongoing.substr(ongoing.rfind("\\cventry"));
  INFO(ongoing);
  CHECK((contains(ongoing, "\\cventry{May 2019 – present}") ||
         contains(ongoing, "\\cventry{May 2019}")));
  CHECK_FALSE(contains(out.tex, "– }"));
  CHECK_FALSE(contains(out.tex, "–}"));
  CHECK(contains(out.text, "May 2019"));
}

TEST_CASE("Case 08 Markdown in fields") {
  Output out = convert(case_yaml("08-markdown-in-fields"));
  INFO(out.text);
  for (const char* markup : {"**", "*teach*", "_versioned_", "]("}) {
    INFO("markup " << markup);
    CHECK_FALSE(contains(out.text, markup));
  }
  CHECK(contains(out.tex, R"(\textbf{data platforms})"));
  CHECK(contains(out.tex, R"(\textbf{Led})"));
  CHECK(contains(out.tex, R"(\emph{teach})"));
  CHECK(contains(out.tex, R"(\emph{versioned})"));
  CHECK((contains(out.tex, R"(\emph{\textbf{Promoted twice}})") ||
         contains(out.tex, R"(\textbf{\emph{Promoted twice}})")));
  CHECK(contains(out.tex, R"(snake\_case\_table\_name)"));
  CHECK(contains(out.text, "snake_case_table_name"));

  std::string links = pdf_links(out.pdf);
  INFO(links);
  CHECK(contains(links, "(https://example.org/courses/graph_theory_101)"));
  CHECK(contains(links, "(https://blog.example.org/2020/05/on_mentoring)"));

  // The summary's list is an itemize inside the summary, before the next
  // section.
  require_in_order(out.tex,
                   {"Current interests:", "\\begin{itemize}",
                    "\\item query planners", "\\item type systems for SQL",
                    "\\end{itemize}", "\\section"});
}

TEST_CASE("Case 10 YAML implicit typing") {
  Output out = convert(case_yaml("10-yaml-implicit-typing"));
  INFO(out.text);
  std::vector<std::string> words = words_of(out.text);
  for (const char* word : {"07700900123", "NO", "3.10", "3.12", "3.80", "yes",
                           "no", "on", "off", "y", "n"}) {
    INFO("word " << word);
    CHECK(has_word(words, word));
  }
  CHECK(contains(out.text, "1st place"));
  CHECK(count_of(out.text, "Oslo, NO") == 2);
  for (const char* absent :
       {"true", "false", "True", "False", "null", " 3.1 "}) {
    INFO("unwanted " << absent);
    CHECK_FALSE(contains(out.text, absent));
  }
  CHECK(contains(pdf_links(out.pdf), "(tel:07700900123)"));
}

TEST_CASE("Case 13 JSON Resume sections") {
  Output out = convert(case_yaml("13-json-resume-conformance"));
  INFO(out.text);
  for (const char* expected :
       {"Priors that know biology", "BIO 401 Computational Genomics",
        "Teaching assistant",
        "Reviewer, Journal of Example Biology (2021-present)"}) {
    INFO("expected " << expected);
    CHECK(contains(out.text, expected));
  }
}
