// Unit tests of the RenderCV YAML reader: what it reads from valid CVs, and
// the exact message, severity, line and column of every diagnostic it
// reports for invalid ones.
#include "support.hpp"

#include "diagnostics.hpp"
#include "reader.hpp"

#include <catch2/catch.hpp>

#include <string>
#include <vector>

using namespace cvc;
using cvc::test::parse;
using cvc::test::parse_valid;

namespace {

// Every diagnostic formatted as the tools print it, for failure messages.
std::string listing(const Diagnostics& diagnostics) {
  std::string out;
  for (const Diagnostic& d : diagnostics.all())
    out += format_diagnostic(d, diagnostics.file_name(), diagnostics.source(),
                             false);
  return out.empty() ? "(no diagnostics)" : out;
}

// The diagnostics of a parse, and the CV when no error was reported.
struct Parsed {
  Diagnostics diagnostics;
  std::optional<Cv> cv;
};

// Parses `yaml` and returns the diagnostics and the CV.
Parsed parse_all(const std::string& yaml) {
  Parsed parsed;
  parsed.cv = parse(yaml, parsed.diagnostics);
  return parsed;
}

// Parses `yaml`, requires that it is rejected with exactly one diagnostic
// and returns that diagnostic.
Diagnostic only_error(const std::string& yaml) {
  Parsed parsed = parse_all(yaml);
  INFO(listing(parsed.diagnostics));
  REQUIRE_FALSE(parsed.cv.has_value());
  REQUIRE(parsed.diagnostics.all().size() == 1);
  return parsed.diagnostics.all().front();
}

// Checks every part of a diagnostic at once, so that a failure shows all of
// it.
void check(const Diagnostic& d, Severity severity, const std::string& message,
           int line, int column, const std::string& hint) {
  INFO("diagnostic: " << d.pos.line << ":" << d.pos.column << " "
                      << (d.severity == Severity::Error ? "error" : "warning")
                      << ": " << d.message << " / hint: " << d.hint);
  CHECK(d.severity == severity);
  CHECK(d.message == message);
  CHECK(d.pos.line == line);
  CHECK(d.pos.column == column);
  CHECK(d.hint == hint);
}

void check_error(const Diagnostic& d, const std::string& message, int line,
                 int column, const std::string& hint) {
  check(d, Severity::Error, message, line, column, hint);
}

// Returns a CV with one experience entry that ends with the lines `tail`.
// The first line of `tail` is line 7, and its keys start at column 9.
std::string experience_with(const std::string& tail) {
  return "cv:\n"
         "  name: Ada Lovelace\n"
         "  sections:\n"
         "    Experience:\n"
         "      - company: Analytical Society\n"
         "        position: Translator\n" +
         tail;
}

template <typename T> const T& entry_as(const Section& section, size_t i) {
  REQUIRE(section.entries.size() > i);
  const T* entry = std::get_if<T>(&section.entries[i]);
  INFO("section " << section.key << ", entry " << i << " is "
                  << entry_kind_name(kind_of(section.entries[i])));
  REQUIRE(entry != nullptr);
  return *entry;
}

const Section& section_named(const Cv& cv, const std::string& key) {
  for (const Section& section : cv.sections)
    if (section.key == key)
      return section;
  FAIL("no section " << key);
  return cv.sections.front();
}

} // namespace

// ---------------------------------------------------------------------------
// Valid CVs

TEST_CASE("minimal CV reads cleanly", "[reader]") {
  Parsed parsed = parse_all("cv:\n"
                            "  name: Alex Example\n"
                            "  sections:\n"
                            "    About:\n"
                            "      - Writes software.\n");
  INFO(listing(parsed.diagnostics));
  REQUIRE(parsed.cv.has_value());
  CHECK(parsed.diagnostics.all().empty());
  const Cv& cv = *parsed.cv;
  CHECK(cv.name.source == "Alex Example");
  CHECK(cv.headline.empty());
  CHECK(cv.emails.empty());
  REQUIRE(cv.sections.size() == 1);
  CHECK(cv.sections[0].key == "About");
  CHECK(cv.sections[0].title.source == "About");
  const TextEntry& text = entry_as<TextEntry>(cv.sections[0], 0);
  CHECK(text.text.source == "Writes software.");
  CHECK(cv.design.style == "classic");
  CHECK(cv.design.color == "blue");
}

TEST_CASE("sample minimal CV loads", "[reader]") {
  Cv cv = parse_valid(
      cvc::test::read_file(cvc::test::source_path("samples/minimal.yaml")));
  CHECK(cv.name.source == "Alex Example");
}

TEST_CASE("every entry kind is recognised", "[reader]") {
  Cv cv = parse_valid(R"(cv:
  name: Ada Lovelace
  sections:
    Education:
      - institution: University of London
        area: Mathematics
        degree: BA
        start_date: 1835-09
        end_date: 1838
        location: London
        summary: Studied with De Morgan.
        highlights:
          - Calculus by correspondence
    Experience:
      - company: Analytical Society
        position: Translator
        date: 1843
        location: Turin
    Publications:
      - title: Sketch of the Analytical Engine
        authors:
          - Ada Lovelace
          - L. F. Menabrea
        doi: 10.1000/xyz123
        url: https://example.org/sketch
        journal: Scientific Memoirs
        date: 1843-10
    Projects:
      - name: Bernoulli numbers
        date: 1843
    Skills:
      - label: Languages
        details: English, French, Italian
    Honors:
      - bullet: Honorary member of the society
    Talks:
      - number: First talk
    Papers:
      - reversed_number: Latest paper
    About:
      - Wrote the **first** program.
)");
  REQUIRE(cv.sections.size() == 9);

  const auto& education = entry_as<EducationEntry>(cv.sections[0], 0);
  CHECK(education.institution.source == "University of London");
  CHECK(education.area.source == "Mathematics");
  CHECK(education.degree.source == "BA");
  REQUIRE(education.start_date.has_value());
  CHECK(education.start_date->text == "1835-09");
  REQUIRE(education.end_date.has_value());
  CHECK(education.end_date->text == "1838");
  CHECK(education.location.source == "London");
  CHECK(education.summary.source == "Studied with De Morgan.");
  REQUIRE(education.highlights.size() == 1);
  CHECK(education.highlights[0].text.source == "Calculus by correspondence");

  const auto& experience = entry_as<ExperienceEntry>(cv.sections[1], 0);
  CHECK(experience.company.source == "Analytical Society");
  CHECK(experience.position.source == "Translator");
  REQUIRE(experience.date.has_value());
  CHECK(experience.date->text == "1843");
  CHECK(experience.location.source == "Turin");

  const auto& publication = entry_as<PublicationEntry>(cv.sections[2], 0);
  CHECK(publication.title.source == "Sketch of the Analytical Engine");
  REQUIRE(publication.authors.size() == 2);
  CHECK(publication.authors[0].source == "Ada Lovelace");
  CHECK(publication.authors[1].source == "L. F. Menabrea");
  CHECK(publication.doi.value == "10.1000/xyz123");
  CHECK(publication.url.value == "https://example.org/sketch");
  CHECK(publication.journal.source == "Scientific Memoirs");
  REQUIRE(publication.date.has_value());
  CHECK(publication.date->precision == DatePrecision::Month);

  const auto& normal = entry_as<NormalEntry>(cv.sections[3], 0);
  CHECK(normal.name.source == "Bernoulli numbers");
  REQUIRE(normal.date.has_value());
  CHECK(normal.date->year == 1843);

  const auto& one_line = entry_as<OneLineEntry>(cv.sections[4], 0);
  CHECK(one_line.label.source == "Languages");
  CHECK(one_line.details.source == "English, French, Italian");

  const auto& bullet = entry_as<BulletEntry>(cv.sections[5], 0);
  CHECK(bullet.bullet.source == "Honorary member of the society");

  const auto& numbered = entry_as<NumberedEntry>(cv.sections[6], 0);
  CHECK(numbered.number.source == "First talk");

  const auto& reversed = entry_as<ReversedNumberedEntry>(cv.sections[7], 0);
  CHECK(reversed.reversed_number.source == "Latest paper");

  const auto& text = entry_as<TextEntry>(cv.sections[8], 0);
  CHECK(text.text.source == "Wrote the **first** program.");
  // The Markdown is parsed: a paragraph that contains a Strong node.
  REQUIRE(text.text.tree.children.size() == 1);
  const MarkupNode& paragraph = text.text.tree.children[0];
  CHECK(paragraph.kind == NodeKind::Paragraph);
  REQUIRE(paragraph.children.size() == 3);
  CHECK(paragraph.children[1].kind == NodeKind::Strong);
}

TEST_CASE("entry kind names in messages", "[reader]") {
  CHECK(std::string(entry_kind_name(EntryKind::Education)) ==
        "education entry");
  CHECK(std::string(entry_kind_name(EntryKind::OneLine)) == "one-line entry");
  CHECK(std::string(entry_kind_name(EntryKind::ReversedNumbered)) ==
        "reversed numbered entry");
  CHECK(std::string(entry_kind_name(EntryKind::Text)) == "text entry");
}

TEST_CASE("extra entry keys kept in order", "[reader]") {
  Cv cv = parse_valid(R"(cv:
  name: Ada Lovelace
  sections:
    Talks:
      - name: On the engine
        venue: Royal Society
        date: 1844
        type: Invited talk
        role:
          - Speaker
          - Organiser
)");
  const auto& talk = entry_as<NormalEntry>(cv.sections[0], 0);
  REQUIRE(talk.extras.size() == 3);

  CHECK(talk.extras[0].key == "venue");
  CHECK(talk.extras[0].key_pos.line == 6);
  CHECK(talk.extras[0].key_pos.column == 9);
  CHECK_FALSE(talk.extras[0].is_list);
  REQUIRE(talk.extras[0].values.size() == 1);
  CHECK(talk.extras[0].values[0].source == "Royal Society");
  CHECK(talk.extras[0].values[0].pos.line == 6);
  CHECK(talk.extras[0].values[0].pos.column == 16);

  CHECK(talk.extras[1].key == "type");
  CHECK(talk.extras[1].key_pos.line == 8);
  CHECK(talk.extras[1].key_pos.column == 9);
  REQUIRE(talk.extras[1].values.size() == 1);
  CHECK(talk.extras[1].values[0].source == "Invited talk");

  CHECK(talk.extras[2].key == "role");
  CHECK(talk.extras[2].key_pos.line == 9);
  CHECK(talk.extras[2].is_list);
  REQUIRE(talk.extras[2].values.size() == 2);
  CHECK(talk.extras[2].values[0].source == "Speaker");
  CHECK(talk.extras[2].values[1].source == "Organiser");
  CHECK(talk.extras[2].values[1].pos.line == 11);
  CHECK(talk.extras[2].values[1].pos.column == 13);

  REQUIRE(talk.extra("type") != nullptr);
  CHECK(talk.extra("type")->values[0].source == "Invited talk");
  CHECK(talk.extra("date") == nullptr);
}

TEST_CASE("dates keep their precision", "[reader][dates]") {
  Cv cv = parse_valid(R"(cv:
  name: Ada Lovelace
  sections:
    Projects:
      - name: Year
        date: 2018
      - name: Month
        date: 2018-09
      - name: Day
        date: 2018-09-12
      - name: Ongoing
        start_date: 2019-01
        end_date: present
      - name: Free text
        date: Fall 2020
      - name: Leap day
        date: 2020-02-29
)");
  const Section& projects = cv.sections[0];

  const auto& year = entry_as<NormalEntry>(projects, 0);
  REQUIRE(year.date.has_value());
  CHECK(year.date->precision == DatePrecision::Year);
  CHECK(year.date->year == 2018);
  CHECK(year.date->month == 0);
  CHECK(year.date->text == "2018");
  CHECK(year.date->pos.line == 6);
  CHECK(year.date->pos.column == 15);

  const auto& month = entry_as<NormalEntry>(projects, 1);
  REQUIRE(month.date.has_value());
  CHECK(month.date->precision == DatePrecision::Month);
  CHECK(month.date->year == 2018);
  CHECK(month.date->month == 9);
  CHECK(month.date->day == 0);

  const auto& day = entry_as<NormalEntry>(projects, 2);
  REQUIRE(day.date.has_value());
  CHECK(day.date->precision == DatePrecision::Day);
  CHECK(day.date->year == 2018);
  CHECK(day.date->month == 9);
  CHECK(day.date->day == 12);

  const auto& ongoing = entry_as<NormalEntry>(projects, 3);
  REQUIRE(ongoing.start_date.has_value());
  CHECK(ongoing.start_date->precision == DatePrecision::Month);
  REQUIRE(ongoing.end_date.has_value());
  CHECK(ongoing.end_date->precision == DatePrecision::Present);
  CHECK(ongoing.end_date->pos.line == 13);
  CHECK(ongoing.end_date->pos.column == 19);

  const auto& free_text = entry_as<NormalEntry>(projects, 4);
  REQUIRE(free_text.date.has_value());
  CHECK(free_text.date->precision == DatePrecision::FreeText);
  CHECK(free_text.date->text == "Fall 2020");

  const auto& leap = entry_as<NormalEntry>(projects, 5);
  REQUIRE(leap.date.has_value());
  CHECK(leap.date->precision == DatePrecision::Day);
  CHECK(leap.date->month == 2);
  CHECK(leap.date->day == 29);
}

TEST_CASE("nested highlights follow their item", "[reader]") {
  Cv cv = parse_valid(experience_with(R"(        highlights:
          - Translated the memoir
          - - Added notes A to G
            - - Note G computes Bernoulli numbers
            - Checked the tables
          - Corresponded with Babbage
)"));
  const auto& job = entry_as<ExperienceEntry>(cv.sections[0], 0);
  REQUIRE(job.highlights.size() == 2);
  const Highlight& first = job.highlights[0];
  CHECK(first.text.source == "Translated the memoir");
  CHECK(first.text.pos.line == 8);
  CHECK(first.text.pos.column == 13);
  REQUIRE(first.children.size() == 2);
  CHECK(first.children[0].text.source == "Added notes A to G");
  REQUIRE(first.children[0].children.size() == 1);
  CHECK(first.children[0].children[0].text.source ==
        "Note G computes Bernoulli numbers");
  CHECK(first.children[1].text.source == "Checked the tables");
  CHECK(first.children[1].children.empty());
  CHECK(job.highlights[1].text.source == "Corresponded with Babbage");
  CHECK(job.highlights[1].children.empty());
}

TEST_CASE("nested highlights without item rejected", "[reader]") {
  Diagnostic d = only_error(experience_with(R"(        highlights:
          - - Orphan item
)"));
  check_error(d, "a nested list of highlights must follow an item", 8, 13,
              "put the item that the list belongs to before it");
}

TEST_CASE("section titles come from snake_case keys", "[reader]") {
  CHECK(section_title_from_key("selected_honors") == "Selected Honors");
  CHECK(section_title_from_key("education") == "Education");
  CHECK(section_title_from_key("experience_in_the_field") ==
        "Experience in the Field");
  CHECK(section_title_from_key("of_mice_and_men") == "Of Mice and Men");
  // Capitals or spaces: the key is the title as written.
  CHECK(section_title_from_key("Work Experience") == "Work Experience");
  CHECK(section_title_from_key("work experience") == "work experience");
  CHECK(section_title_from_key("PhD_Thesis") == "PhD_Thesis");
  CHECK(section_title_from_key("R&D / Q&A - 100%") == "R&D / Q&A - 100%");

  Cv cv = parse_valid(R"(cv:
  name: Ada Lovelace
  sections:
    selected_honors:
      - bullet: Medal
    Work Experience:
      - Text
    talks_and_posters:
      - Text
)");
  REQUIRE(cv.sections.size() == 3);
  CHECK(cv.sections[0].key == "selected_honors");
  CHECK(cv.sections[0].title.source == "Selected Honors");
  CHECK(cv.sections[0].pos.line == 4);
  CHECK(cv.sections[0].pos.column == 5);
  CHECK(cv.sections[1].key == "Work Experience");
  CHECK(cv.sections[1].title.source == "Work Experience");
  CHECK(cv.sections[2].title.source == "Talks and Posters");
}

TEST_CASE("values keep their source positions", "[reader]") {
  Cv cv = parse_valid(R"(cv:
  name: Ada Lovelace
  email: ada@example.org
  social_networks:
    - network: GitHub
      username: ada
  sections:
    Experience:
      - company: Analytical Society
        position: Translator
        start_date: 1843-01
)");
  CHECK(cv.name.pos.line == 2);
  CHECK(cv.name.pos.column == 9);
  REQUIRE(cv.emails.size() == 1);
  CHECK(cv.emails[0].value == "ada@example.org");
  CHECK(cv.emails[0].pos.line == 3);
  CHECK(cv.emails[0].pos.column == 10);

  REQUIRE(cv.social_networks.size() == 1);
  const SocialNetwork& github = cv.social_networks[0];
  CHECK(github.pos.line == 5);
  CHECK(github.pos.column == 7);
  CHECK(github.network.pos.line == 5);
  CHECK(github.network.pos.column == 16);
  CHECK(github.username.pos.line == 6);
  CHECK(github.username.pos.column == 17);
  CHECK(github.url == "https://github.com/ada");

  const Section& experience = cv.sections[0];
  CHECK(experience.pos.line == 8);
  CHECK(experience.pos.column == 5);
  const auto& job = entry_as<ExperienceEntry>(experience, 0);
  CHECK(job.pos.line == 9);
  CHECK(job.pos.column == 9);
  CHECK(job.company.pos.line == 9);
  CHECK(job.company.pos.column == 18);
  CHECK(job.position.pos.line == 10);
  CHECK(job.position.pos.column == 19);
  REQUIRE(job.start_date.has_value());
  CHECK(job.start_date->pos.line == 11);
  CHECK(job.start_date->pos.column == 21);
}

// ---------------------------------------------------------------------------
// YAML implicit typing: every scalar is text as written

TEST_CASE("implicit YAML types kept as text", "[reader]") {
  Cv cv = parse_valid(R"(cv:
  name: Sigrid Haugen
  headline: NO
  phone: 07700900123
  website: ~
  location: &city Oslo, NO
  sections:
    Skills:
      - name: Python
        highlights: [3.10, 3.80, yes, on, off, NO, 1e3, 0x1F]
        location: *city
        summary: ~
        end_date: ~
)");
  CHECK(cv.headline.source == "NO");
  REQUIRE(cv.phones.size() == 1);
  CHECK(cv.phones[0].value == "07700900123");
  CHECK(cv.websites.empty());
  CHECK(cv.location.source == "Oslo, NO");

  const auto& python = entry_as<NormalEntry>(cv.sections[0], 0);
  std::vector<std::string> highlights;
  for (const Highlight& h : python.highlights)
    highlights.push_back(h.text.source);
  CHECK(highlights == std::vector<std::string>{"3.10", "3.80", "yes", "on",
                                               "off", "NO", "1e3", "0x1F"});
  // The alias gives the anchored value.
  CHECK(python.location.source == "Oslo, NO");
  // `~` is absent.
  CHECK(python.summary.empty());
  CHECK_FALSE(python.end_date.has_value());
}

TEST_CASE("implicit typing case file loads", "[reader]") {
  Cv cv = parse_valid(cvc::test::read_file(
      cvc::test::source_path("tests/cases/10-yaml-implicit-typing.yaml")));
  REQUIRE(cv.phones.size() == 1);
  CHECK(cv.phones[0].value == "07700900123");
  CHECK(cv.location.source == "Oslo, NO");
  const auto& second_job =
      entry_as<ExperienceEntry>(section_named(cv, "Experience"), 0);
  CHECK(second_job.location.source == "Oslo, NO");
  const Section& skills = section_named(cv, "Skills");
  const auto& python = entry_as<NormalEntry>(skills, 1);
  REQUIRE(python.highlights.size() == 3);
  CHECK(python.highlights[1].text.source == "3.10");
  const auto& answers = entry_as<NormalEntry>(skills, 2);
  REQUIRE(answers.highlights.size() == 6);
  CHECK(answers.highlights[0].text.source == "yes");
  CHECK(answers.highlights[2].text.source == "on");
}

// ---------------------------------------------------------------------------
// Unknown keys and wrong types

TEST_CASE("unknown top-level key suggests design", "[reader][errors]") {
  Diagnostic d = only_error("cv:\n"
                            "  name: Ada Lovelace\n"
                            "desing:\n"
                            "  style: classic\n");
  check_error(d, "unknown key 'desing' in the top level", 3, 1,
              "did you mean 'design'?");
}

TEST_CASE("unknown top-level key lists keys", "[reader][errors]") {
  Diagnostic d = only_error("cv:\n"
                            "  name: Ada Lovelace\n"
                            "colophon: none\n");
  check_error(d, "unknown key 'colophon' in the top level", 3, 1,
              "valid keys are: cv, design, locale, settings, "
              "json_resume");
}

TEST_CASE("swapped letters in cv key suggested", "[reader][errors]") {
  // Two swapped letters are a common typing slip.
  Diagnostic d = only_error("cv:\n"
                            "  name: Ada Lovelace\n"
                            "  emial: ada@example.org\n");
  check_error(d, "unknown key 'emial' in 'cv'", 3, 3, "did you mean 'email'?");
}

TEST_CASE("missing letter in cv key suggested", "[reader][errors]") {
  Diagnostic d = only_error("cv:\n"
                            "  name: Ada Lovelace\n"
                            "  headlin: Mathematician\n");
  check_error(d, "unknown key 'headlin' in 'cv'", 3, 3,
              "did you mean 'headline'?");
}

TEST_CASE("mapping instead of string rejected", "[reader][errors]") {
  Diagnostic d = only_error("cv:\n"
                            "  name: Ada Lovelace\n"
                            "  headline:\n"
                            "    title: Mathematician\n");
  check_error(d,
              "invalid value for 'headline': expected a string, got a mapping",
              4, 5, "quote the value if it contains ': '");
}

TEST_CASE("list instead of string rejected", "[reader][errors]") {
  Diagnostic d = only_error("cv:\n"
                            "  name: Ada Lovelace\n"
                            "  headline: [Mathematician, Writer]\n");
  check_error(d, "invalid value for 'headline': expected a string, got a list",
              3, 13,
              "write the items as one string, or quote a value that starts "
              "with '['");
}

TEST_CASE("mapping name reported once", "[reader][errors]") {
  // The key is there: saying that 'name' is missing would mislead.
  Diagnostic d = only_error("cv:\n"
                            "  name:\n"
                            "    first: Ada\n"
                            "    last: Lovelace\n");
  check_error(d, "invalid value for 'name': expected a string, got a mapping",
              3, 5, "quote the value if it contains ': '");
}

TEST_CASE("string instead of sections rejected", "[reader][errors]") {
  Diagnostic d = only_error("cv:\n"
                            "  name: Ada Lovelace\n"
                            "  sections: Education and experience\n");
  check_error(d,
              "invalid value for 'sections': expected a mapping of section "
              "titles to lists of entries, got a string",
              3, 13, "");
}

TEST_CASE("string instead of entry list rejected", "[reader][errors]") {
  Diagnostic d = only_error("cv:\n"
                            "  name: Ada Lovelace\n"
                            "  sections:\n"
                            "    Summary: Writes programs.\n");
  check_error(
      d, "invalid section 'Summary': expected a list of entries, got a string",
      4, 14, "start each entry with '- '");
}

// ---------------------------------------------------------------------------
// Entries

TEST_CASE("kindless entry suggests misspelt key", "[reader][errors]") {
  Diagnostic d = only_error("cv:\n"
                            "  name: Ada Lovelace\n"
                            "  sections:\n"
                            "    Education:\n"
                            "      - instituton: University of London\n"
                            "        degree: BA\n");
  check_error(d, "entry matches no entry kind", 5, 9,
              "did you mean 'institution' instead of 'instituton'?");
}

TEST_CASE("kindless entry lists the kinds", "[reader][errors]") {
  Diagnostic d = only_error("cv:\n"
                            "  name: Ada Lovelace\n"
                            "  sections:\n"
                            "    Misc:\n"
                            "      - foo: bar\n");
  check_error(d, "entry matches no entry kind", 5, 9,
              "an entry needs one of: institution and area, company and "
              "position, title and authors, name, label and details, bullet, "
              "number, reversed_number; or is a plain string");
}

TEST_CASE("misspelt entry key suggests highlights", "[reader][errors]") {
  Diagnostic d = only_error(experience_with("        hightlights:\n"
                                            "          - Translated\n"));
  check_error(d, "unknown key 'hightlights' in an experience entry", 7, 9,
              "did you mean 'highlights'?");
}

TEST_CASE("missing required entry key rejected", "[reader][errors]") {
  Diagnostic d = only_error("cv:\n"
                            "  name: Ada Lovelace\n"
                            "  sections:\n"
                            "    Education:\n"
                            "      - institution: University of London\n"
                            "        degree: BA\n");
  check_error(d, "missing key 'area' in an education entry", 5, 9,
              "add 'area'");
}

TEST_CASE("mixed entry kinds in section rejected", "[reader][errors]") {
  SECTION("education, then experience") {
    Diagnostic d = only_error("cv:\n"
                              "  name: Ada Lovelace\n"
                              "  sections:\n"
                              "    History:\n"
                              "      - institution: University of London\n"
                              "        area: Mathematics\n"
                              "      - company: Analytical Society\n"
                              "        position: Translator\n");
    check_error(d,
                "section 'History' mixes entry kinds: this is an experience "
                "entry, the first entry (line 5) is an education entry",
                7, 9, "put each kind of entry in a section of its own");
  }
  SECTION("bullet, then one-line") {
    Diagnostic d = only_error("cv:\n"
                              "  name: Ada Lovelace\n"
                              "  sections:\n"
                              "    Skills:\n"
                              "      - bullet: Analysis\n"
                              "      - label: Languages\n"
                              "        details: French\n");
    check_error(d,
                "section 'Skills' mixes entry kinds: this is a one-line "
                "entry, the first entry (line 5) is a bullet entry",
                6, 9, "put each kind of entry in a section of its own");
  }
  SECTION("text, then normal") {
    Diagnostic d = only_error("cv:\n"
                              "  name: Ada Lovelace\n"
                              "  sections:\n"
                              "    Projects:\n"
                              "      - A plain line\n"
                              "      - name: Engine\n");
    check_error(d,
                "section 'Projects' mixes entry kinds: this is a normal "
                "entry, the first entry (line 5) is a text entry",
                6, 9, "put each kind of entry in a section of its own");
  }
}

// ---------------------------------------------------------------------------
// Dates

TEST_CASE("invalid dates rejected at the date", "[reader][dates][errors]") {
  const std::string hint = "write dates as 2020, 2020-09 or 2020-09-15";
  struct Case {
    std::string value;
    std::string message;
  };
  std::vector<Case> cases = {
      {"2020-13", "invalid date '2020-13': month 13 does not exist in "
                  "'start_date'"},
      {"2020-00", "invalid date '2020-00': month 0 does not exist in "
                  "'start_date'"},
      {"2021-02-30", "invalid date '2021-02-30': February 2021 has no day 30 "
                     "in 'start_date'"},
      {"2019-02-29", "invalid date '2019-02-29': February 2019 has no day 29 "
                     "in 'start_date'"},
      {"1900-02-29", "invalid date '1900-02-29': February 1900 has no day 29 "
                     "in 'start_date'"},
      {"2021-04-31", "invalid date '2021-04-31': April 2021 has no day 31 in "
                     "'start_date'"},
      {"20-01", "invalid date '20-01': expected YYYY, YYYY-MM or YYYY-MM-DD "
                "in 'start_date'"},
      {"2020-1", "invalid date '2020-1': expected YYYY, YYYY-MM or "
                 "YYYY-MM-DD in 'start_date'"},
      {"soon", "invalid date 'soon': expected YYYY, YYYY-MM, YYYY-MM-DD or "
               "present in 'start_date'"},
  };
  for (const Case& c : cases) {
    INFO("start_date: " << c.value);
    Diagnostic d =
        only_error(experience_with("        start_date: " + c.value + "\n"));
    check_error(d, c.message, 7, 21, hint);
  }
}

TEST_CASE("leap days in leap years accepted", "[reader][dates]") {
  for (const char* date : {"2020-02-29", "2000-02-29", "2024-02-29"}) {
    INFO(date);
    Cv cv = parse_valid(
        experience_with(std::string("        start_date: ") + date + "\n"));
    const auto& job = entry_as<ExperienceEntry>(cv.sections[0], 0);
    REQUIRE(job.start_date.has_value());
    CHECK(job.start_date->day == 29);
  }
}

TEST_CASE("ISO-shaped free-text date checked", "[reader][dates][errors]") {
  Diagnostic d = only_error(experience_with("        date: 2020-13\n"));
  check_error(d, "invalid date '2020-13': month 13 does not exist in 'date'", 7,
              15, "write dates as 2020, 2020-09 or 2020-09-15");
}

TEST_CASE("end date before start rejected", "[reader][dates][errors]") {
  Diagnostic d = only_error(experience_with("        start_date: 2020-03\n"
                                            "        end_date: 2019-11\n"));
  check_error(d, "end_date '2019-11' is before start_date '2020-03'", 8, 19,
              "swap the two dates or correct one of them");
}

TEST_CASE("mixed-precision dates compare coarsely", "[reader][dates]") {
  Cv cv = parse_valid(experience_with("        start_date: 2020-05\n"
                                      "        end_date: 2020\n"));
  const auto& job = entry_as<ExperienceEntry>(cv.sections[0], 0);
  REQUIRE(job.end_date.has_value());
  CHECK(job.end_date->precision == DatePrecision::Year);
}

TEST_CASE("start_date present rejected", "[reader][dates][errors]") {
  Diagnostic d = only_error(experience_with("        start_date: present\n"));
  check_error(d, "invalid start_date 'present'", 7, 21,
              "only end_date may be 'present'");
}

// ---------------------------------------------------------------------------
// Duplicate keys

TEST_CASE("duplicate keys name the first line", "[reader][errors]") {
  SECTION("at the top level") {
    Diagnostic d = only_error("cv:\n"
                              "  name: Ada Lovelace\n"
                              "cv:\n"
                              "  name: Ada King\n");
    check_error(d, "duplicate key 'cv' in the top level", 3, 1,
                "the first one is on line 1; remove one of them");
  }
  SECTION("in cv") {
    Diagnostic d = only_error("cv:\n"
                              "  name: Ada Lovelace\n"
                              "  headline: Mathematician\n"
                              "  name: Ada King\n");
    check_error(d, "duplicate key 'name' in 'cv'", 4, 3,
                "the first one is on line 2; remove one of them");
  }
  SECTION("in an entry") {
    Diagnostic d = only_error(experience_with("        location: London\n"
                                              "        location: Turin\n"));
    check_error(d, "duplicate key 'location' in an entry", 8, 9,
                "the first one is on line 7; remove one of them");
  }
}

// ---------------------------------------------------------------------------
// Invalid YAML and encoding

TEST_CASE("unclosed quote is invalid YAML", "[reader][errors]") {
  // Without the closing quote the rest of the file would become the value.
  Parsed parsed = parse_all("cv:\n"
                            "  name: Ada Lovelace\n"
                            "  headline: \"Mathematician\n"
                            "  location: London\n"
                            "  sections:\n"
                            "    About:\n"
                            "      - Wrote programs.\n");
  INFO(listing(parsed.diagnostics));
  CHECK_FALSE(parsed.cv.has_value());
  REQUIRE(parsed.diagnostics.all().size() == 1);
  const Diagnostic& d = parsed.diagnostics.all().front();
  CHECK(d.severity == Severity::Error);
  CHECK_THAT(d.message, Catch::StartsWith("invalid YAML"));
  // The quote that is never closed.
  CHECK(d.pos.line == 3);
  CHECK(d.pos.column == 13);
}

TEST_CASE("unclosed quote on last line", "[reader][errors]") {
  Parsed parsed = parse_all("cv:\n"
                            "  name: 'Ada Lovelace\n");
  INFO(listing(parsed.diagnostics));
  CHECK_FALSE(parsed.cv.has_value());
  REQUIRE(parsed.diagnostics.all().size() == 1);
  const Diagnostic& d = parsed.diagnostics.all().front();
  CHECK(d.severity == Severity::Error);
  CHECK_THAT(d.message, Catch::StartsWith("invalid YAML"));
  CHECK(d.pos.line == 2);
  CHECK(d.pos.column == 9);
}

TEST_CASE("unquoted *** value hints at quoting", "[reader][errors]") {
  Diagnostic d =
      only_error(experience_with("        highlights:\n"
                                 "          - ***Promoted*** twice\n"));
  check_error(d,
              "invalid YAML: did not find expected alphabetic or numeric "
              "character while scanning an alias",
              8, 13,
              "a value that starts with '*' or '&' must be quoted, for "
              "example \"**Led** the team\"");
}

TEST_CASE("bad indentation is invalid YAML", "[reader][errors]") {
  Diagnostic d = only_error("cv:\n"
                            "  name: Ada Lovelace\n"
                            " headline: Mathematician\n");
  CHECK(d.severity == Severity::Error);
  CHECK_THAT(d.message, Catch::StartsWith("invalid YAML: "));
  CHECK(d.pos.line == 3);
  CHECK_THAT(d.hint, Catch::Contains("quote values"));
}

TEST_CASE("invalid UTF-8 names byte offset", "[reader][errors]") {
  SECTION("a stray byte") {
    Diagnostic d = only_error("cv:\n"
                              "  name: Ada\xff Lovelace\n");
    check_error(d, "invalid UTF-8 at byte offset 15", 2, 12,
                "save the file as UTF-8");
  }
  SECTION("a truncated sequence at the end") {
    Diagnostic d = only_error("cv:\n"
                              "  name: Ada Lovelace\n"
                              "  headline: Caf\xc3");
    check_error(d, "invalid UTF-8 at byte offset 40", 3, 16,
                "save the file as UTF-8");
  }
  SECTION("Latin-1 text") {
    Diagnostic d = only_error("cv:\n"
                              "  name: Jos\xe9\n");
    check_error(d, "invalid UTF-8 at byte offset 15", 2, 12,
                "save the file as UTF-8");
  }
}

// ---------------------------------------------------------------------------
// Required keys

TEST_CASE("missing cv rejected", "[reader][errors]") {
  Diagnostic d = only_error("design:\n"
                            "  style: classic\n");
  check_error(d, "missing key 'cv' at the top level", 1, 1,
              "a CV file starts with 'cv:' and the person's name under it");
}

TEST_CASE("missing name rejected", "[reader][errors]") {
  Diagnostic d = only_error("cv:\n"
                            "  headline: Mathematician\n");
  check_error(d, "missing key 'name' in 'cv'", 2, 3,
              "add the person's full name, e.g. 'name: Ada Lovelace'");
}

TEST_CASE("top-level list rejected", "[reader][errors]") {
  Diagnostic d = only_error("- cv\n- name\n");
  check_error(d,
              "invalid CV: the top level must be a mapping with the key 'cv', "
              "got a list",
              1, 1, "");
}

// ---------------------------------------------------------------------------
// Social networks and design

TEST_CASE("unknown social network suggests GitHub", "[reader][errors]") {
  Diagnostic d = only_error("cv:\n"
                            "  name: Ada Lovelace\n"
                            "  social_networks:\n"
                            "    - network: Github\n"
                            "      username: ada\n");
  check_error(d, "unknown social network 'Github'", 4, 16,
              "did you mean 'GitHub'?");
}

TEST_CASE("invalid Mastodon username rejected", "[reader][errors]") {
  Diagnostic d = only_error("cv:\n"
                            "  name: Ada Lovelace\n"
                            "  social_networks:\n"
                            "    - network: Mastodon\n"
                            "      username: ada\n");
  check_error(d, "invalid Mastodon username 'ada'", 5, 17,
              "write it as '@user@host', e.g. '@ada@mastodon.social'");
}

TEST_CASE("Mastodon username gives profile URL", "[reader]") {
  Cv cv = parse_valid("cv:\n"
                      "  name: Ada Lovelace\n"
                      "  social_networks:\n"
                      "    - network: Mastodon\n"
                      "      username: \"@ada@mastodon.social\"\n");
  REQUIRE(cv.social_networks.size() == 1);
  CHECK(cv.social_networks[0].url == "https://mastodon.social/@ada");
}

TEST_CASE("invalid design style suggests classic", "[reader][errors]") {
  Diagnostic d = only_error("cv:\n"
                            "  name: Ada Lovelace\n"
                            "design:\n"
                            "  style: clasic\n");
  check_error(d, "invalid style 'clasic'", 4, 10, "did you mean 'classic'?");
}

TEST_CASE("invalid design color rejected", "[reader][errors]") {
  SECTION("close to a colour") {
    Diagnostic d = only_error("cv:\n"
                              "  name: Ada Lovelace\n"
                              "design:\n"
                              "  color: gren\n");
    check_error(d, "invalid color 'gren'", 4, 10, "did you mean 'green'?");
  }
  SECTION("like none") {
    Diagnostic d = only_error("cv:\n"
                              "  name: Ada Lovelace\n"
                              "design:\n"
                              "  color: teal\n");
    check_error(d, "invalid color 'teal'", 4, 10,
                "valid values are: blue, orange, green, red, purple, grey, "
                "black, burgundy");
  }
}

TEST_CASE("design values are read", "[reader]") {
  Cv cv = parse_valid("cv:\n"
                      "  name: Ada Lovelace\n"
                      "design:\n"
                      "  style: banking\n"
                      "  color: burgundy\n"
                      "  font_size: 12pt\n"
                      "  paper: letter\n");
  CHECK(cv.design.style == "banking");
  CHECK(cv.design.color == "burgundy");
  CHECK(cv.design.font_size == "12pt");
  CHECK(cv.design.paper == "letterpaper");
}

TEST_CASE("RenderCV design keys warn once", "[reader]") {
  Parsed parsed = parse_all("cv:\n"
                            "  name: Ada Lovelace\n"
                            "design:\n"
                            "  theme: classic\n"
                            "  page:\n"
                            "    size: us-letter\n"
                            "    top_margin: 2cm\n");
  INFO(listing(parsed.diagnostics));
  REQUIRE(parsed.cv.has_value());
  REQUIRE(parsed.diagnostics.all().size() == 1);
  const Diagnostic& d = parsed.diagnostics.all().front();
  // The warning points at the first ignored key, so that an editor can
  // jump to it.
  check(d, Severity::Warning, "ignored RenderCV design keys: theme, page", 4, 3,
        "moderncv output uses 'style', 'color', 'font_size', 'paper' and "
        "'engine'");
  CHECK(parsed.cv->design.style == "classic");
}

TEST_CASE("RenderCV example-style file loads", "[reader]") {
  Parsed parsed = parse_all(R"(cv:
  name: '[John Doe](https://johndoe.example.com)'
  headline:
  location: San Francisco, CA
  email: john.doe@example.com
  photo:
  phone:
  website: https://rendercv.com/
  social_networks:
    - network: LinkedIn
      username: john_doe
    - network: GitHub
      username: john_doe
  sections:
    welcome_to_rendercv:
      - '[RenderCV](https://rendercv.com) reads a CV written in a YAML file.'
    education:
      - institution: Princeton University
        area: Computer Science
        degree: PhD
        date:
        start_date: 2018-09
        end_date: 2023-05
        location: Princeton, NJ
        summary:
        highlights:
          - 'Thesis: Efficient Neural Architecture Search'
    experience:
      - company: Nexus AI
        position: Co-Founder & CTO
        date:
        start_date: 2023-06
        end_date: present
        location: San Francisco, CA
        summary:
        highlights:
          - Built foundation model infrastructure
    publications:
      - title: 'Neural Architecture Search via Reinforcement Learning'
        authors:
          - '*John Doe*'
          - Sarah Williams
        doi: 10.1145/3543507.3583301
        url:
        journal: NeurIPS 2023
        date: 2023-07
    selected_honors:
      - bullet: MIT Technology Review 35 Under 35 Innovators (2024)
design:
  theme: classic
locale:
  language: english
  month_abbreviations:
    - Jan
    - Feb
    - Mar
    - Apr
    - May
    - June
    - July
    - Aug
    - Sept
    - Oct
    - Nov
    - Dec
settings:
  current_date: '2025-03-01'
  bold_keywords:
    - Python
)");
  INFO(listing(parsed.diagnostics));
  REQUIRE(parsed.cv.has_value());
  CHECK(parsed.diagnostics.error_count() == 0);
  const Cv& cv = *parsed.cv;
  CHECK(cv.name.source == "[John Doe](https://johndoe.example.com)");
  CHECK(cv.photo.empty());
  CHECK(cv.phones.empty());
  CHECK(cv.locale.language == "en");
  REQUIRE(cv.locale.month_abbreviations.size() == 12);
  CHECK(cv.locale.month_abbreviations[8] == "Sept");
  CHECK(cv.settings.current_date == "2025-03-01");
  CHECK(cv.settings.bold_keywords == std::vector<std::string>{"Python"});
  REQUIRE(cv.sections.size() == 5);
  CHECK(cv.sections[0].title.source == "Welcome to Rendercv");
  CHECK(cv.sections[4].title.source == "Selected Honors");
  const auto& phd = entry_as<EducationEntry>(cv.sections[1], 0);
  CHECK_FALSE(phd.date.has_value());
  CHECK(phd.summary.empty());
  const auto& paper = entry_as<PublicationEntry>(cv.sections[3], 0);
  REQUIRE(paper.authors.size() == 2);
  CHECK(paper.authors[0].source == "*John Doe*");
  CHECK(paper.url.empty());
}

// ---------------------------------------------------------------------------
// Text normalisation

TEST_CASE("control characters removed with warning", "[reader]") {
  SECTION("an escaped one in a quoted value") {
    Parsed parsed = parse_all("cv:\n"
                              "  name: \"Ada\\u0007 Lovelace\"\n");
    INFO(listing(parsed.diagnostics));
    REQUIRE(parsed.cv.has_value());
    CHECK(parsed.cv->name.source == "Ada Lovelace");
    REQUIRE(parsed.diagnostics.all().size() == 1);
    check(parsed.diagnostics.all().front(), Severity::Warning,
          "removed control character U+0007 from 'name'", 2, 9, "");
  }
  SECTION("a raw one in a highlight") {
    Parsed parsed = parse_all(experience_with("        highlights:\n"
                                              "          - Trans\x1blated\n"));
    INFO(listing(parsed.diagnostics));
    REQUIRE(parsed.cv.has_value());
    const auto& job = entry_as<ExperienceEntry>(parsed.cv->sections[0], 0);
    REQUIRE(job.highlights.size() == 1);
    CHECK(job.highlights[0].text.source == "Translated");
    REQUIRE(parsed.diagnostics.all().size() == 1);
    check(parsed.diagnostics.all().front(), Severity::Warning,
          "removed control character U+001B from 'highlights'", 8, 13, "");
  }
  SECTION("an escaped one in a key") {
    Parsed parsed = parse_all("cv:\n"
                              "  name: Ada Lovelace\n"
                              "  sections:\n"
                              "    \"Work\\x01\":\n"
                              "      - One line\n");
    INFO(listing(parsed.diagnostics));
    REQUIRE(parsed.cv.has_value());
    CHECK(parsed.cv->sections[0].key == "Work");
    REQUIRE(parsed.diagnostics.all().size() == 1);
    check(parsed.diagnostics.all().front(), Severity::Warning,
          "removed control character U+0001 from the key 'Work'", 4, 5, "");
  }
}

TEST_CASE("text is normalised to NFC", "[reader]") {
  // `e` followed by U+0301 COMBINING ACUTE ACCENT becomes U+00E9.
  Parsed parsed = parse_all("cv:\n"
                            "  name: Jose\xcc\x81 Garci\xcc\x81\x61\n"
                            "  sections:\n"
                            "    Re\xcc\x81sume\xcc\x81:\n"
                            "      - Cafe\xcc\x81\n");
  INFO(listing(parsed.diagnostics));
  REQUIRE(parsed.cv.has_value());
  CHECK(parsed.diagnostics.all().empty());
  CHECK(parsed.cv->name.source == "Jos\xc3\xa9 Garc\xc3\xad\x61");
  REQUIRE(parsed.cv->sections.size() == 1);
  CHECK(parsed.cv->sections[0].title.source == "R\xc3\xa9sum\xc3\xa9");
  const auto& text = entry_as<TextEntry>(parsed.cv->sections[0], 0);
  CHECK(text.text.source == "Caf\xc3\xa9");
}

// ---------------------------------------------------------------------------
// Every error is reported

TEST_CASE("every error is reported", "[reader][errors]") {
  SECTION("two unknown keys") {
    Parsed parsed = parse_all("cv:\n"
                              "  name: Ada Lovelace\n"
                              "  phne: 555\n"
                              "  adress: London\n");
    INFO(listing(parsed.diagnostics));
    CHECK_FALSE(parsed.cv.has_value());
    REQUIRE(parsed.diagnostics.all().size() == 2);
    CHECK(parsed.diagnostics.error_count() == 2);
    check_error(parsed.diagnostics.all()[0], "unknown key 'phne' in 'cv'", 3, 3,
                "did you mean 'phone'?");
    check_error(parsed.diagnostics.all()[1], "unknown key 'adress' in 'cv'", 4,
                3,
                "valid keys are: name, headline, location, email, phone, "
                "website, photo, social_networks, sections");
  }
  SECTION("errors in different parts of the file, in file order") {
    Parsed parsed = parse_all("cv:\n"
                              "  name: Ada Lovelace\n"
                              "  sections:\n"
                              "    Experience:\n"
                              "      - company: Analytical Society\n"
                              "        position: Translator\n"
                              "        start_date: 2020-13\n"
                              "      - company: Royal Society\n"
                              "        position: Fellow\n"
                              "        hightlights: []\n"
                              "design:\n"
                              "  style: clasic\n");
    INFO(listing(parsed.diagnostics));
    CHECK_FALSE(parsed.cv.has_value());
    REQUIRE(parsed.diagnostics.all().size() == 3);
    const auto& all = parsed.diagnostics.all();
    CHECK(all[0].pos.line == 7);
    CHECK_THAT(all[0].message, Catch::StartsWith("invalid date '2020-13'"));
    CHECK(all[1].pos.line == 10);
    CHECK(all[1].message == "unknown key 'hightlights' in an experience entry");
    CHECK(all[2].pos.line == 12);
    CHECK(all[2].message == "invalid style 'clasic'");
  }
}

TEST_CASE("warnings alone do not reject a CV", "[reader]") {
  Parsed parsed = parse_all("cv:\n"
                            "  name: \"Ada\\u0007\"\n");
  REQUIRE(parsed.cv.has_value());
  CHECK_FALSE(parsed.diagnostics.has_errors());
  CHECK(parsed.diagnostics.all().size() == 1);
}

// ---------------------------------------------------------------------------
// Formatting

TEST_CASE("diagnostic shows line, caret and hint", "[diagnostics]") {
  const std::string source = "cv:\n"
                             "  name: Ada Lovelace\n"
                             "  emial: ada@example.org\n";
  Diagnostic d{Severity::Error, {3, 5}, "message", "the hint"};
  CHECK(format_diagnostic(d, "test.yaml", source, false) ==
        "test.yaml:3:5: error: message\n"
        "    emial: ada@example.org\n"
        "      ^\n"
        "  the hint\n");
}

TEST_CASE("format_diagnostic prints a reader error", "[diagnostics]") {
  Parsed parsed = parse_all("cv:\n"
                            "  name: Ada Lovelace\n"
                            "desing:\n"
                            "  style: classic\n");
  REQUIRE(parsed.diagnostics.all().size() == 1);
  CHECK(format_diagnostic(parsed.diagnostics.all().front(),
                          parsed.diagnostics.file_name(),
                          parsed.diagnostics.source(), false) ==
        "test.yaml:3:1: error: unknown key 'desing' in the top level\n"
        "  desing:\n"
        "  ^\n"
        "  did you mean 'design'?\n");
}

TEST_CASE("diagnostic formats warnings and no-line errors", "[diagnostics]") {
  Diagnostic warning{Severity::Warning, {1, 1}, "a warning", ""};
  CHECK(format_diagnostic(warning, "cv.yaml", "cv:\n", false) ==
        "cv.yaml:1:1: warning: a warning\n"
        "  cv:\n"
        "  ^\n");
  Diagnostic nowhere{Severity::Error, {}, "no position", "a hint"};
  CHECK(format_diagnostic(nowhere, "cv.yaml", "cv:\n", false) ==
        "cv.yaml: error: no position\n"
        "  a hint\n");
}

TEST_CASE("caret after multi-byte characters", "[diagnostics]") {
  // Columns count bytes, and the caret goes under the character at that byte.
  const std::string source = "x: \xc5\x81\xc3\xb3\x64\xc5\xba, bad\n";
  Diagnostic d{Severity::Error, {1, 13}, "here", ""};
  CHECK(format_diagnostic(d, "t.yaml", source, false) ==
        "t.yaml:1:13: error: here\n"
        "  x: \xc5\x81\xc3\xb3\x64\xc5\xba, bad\n"
        "           ^\n");
}

TEST_CASE("format_diagnostic colours only when asked", "[diagnostics]") {
  Diagnostic d{Severity::Error, {1, 1}, "message", ""};
  CHECK(format_diagnostic(d, "t.yaml", "cv:\n", true).find('\033') !=
        std::string::npos);
  CHECK(format_diagnostic(d, "t.yaml", "cv:\n", false).find('\033') ==
        std::string::npos);
}

TEST_CASE("nearest_word suggests close words only", "[diagnostics]") {
  CHECK(nearest_word("desing", {"cv", "design", "locale"}) == "design");
  CHECK(nearest_word("colophon", {"cv", "design", "locale"}).empty());
}

namespace {

bool same_tree(const MarkupNode& a, const MarkupNode& b) {
  if (a.kind != b.kind || a.literal != b.literal ||
      a.list_start != b.list_start || a.tight != b.tight ||
      a.children.size() != b.children.size())
    return false;
  for (size_t i = 0; i < a.children.size(); ++i)
    if (!same_tree(a.children[i], b.children[i]))
      return false;
  return true;
}

} // namespace

TEST_CASE("summaries parsed on threads match", "[reader]") {
  // 300 summaries of about 400 bytes: past the 64 KiB at which threads
  // share the parsing.
  std::string yaml = "cv:\n  name: A\n  sections:\n    work:\n";
  for (int i = 0; i < 300; ++i) {
    yaml += "      - company: C" + std::to_string(i) +
            "\n        position: P\n        summary: \"";
    for (int j = 0; j < 8; ++j)
      yaml += "Paper " + std::to_string(i) +
              " on *robust* `code`, with [a link](https://example.org). ";
    yaml += i % 3 == 0 ? "\\n\\n- one\\n- two\"\n" : "\"\n";
  }

  Diagnostics serial_diagnostics("test.yaml", yaml);
  ReadLimits serial_limits;
  std::optional<Cv> serial = read_cv(serial_diagnostics, serial_limits);
  Diagnostics threaded_diagnostics("test.yaml", yaml);
  ReadLimits threaded_limits;
  threaded_limits.max_threads = 4;
  std::optional<Cv> threaded = read_cv(threaded_diagnostics, threaded_limits);

  REQUIRE(serial);
  REQUIRE(threaded);
  const std::vector<Entry>& serial_entries = serial->sections[0].entries;
  const std::vector<Entry>& threaded_entries = threaded->sections[0].entries;
  REQUIRE(serial_entries.size() == 300);
  REQUIRE(threaded_entries.size() == 300);
  for (size_t i = 0; i < serial_entries.size(); ++i) {
    const Text& expected = std::get<ExperienceEntry>(serial_entries[i]).summary;
    const Text& actual = std::get<ExperienceEntry>(threaded_entries[i]).summary;
    CHECK(expected.tree.children.size() == (i % 3 == 0 ? 2u : 1u));
    CHECK(same_tree(expected.tree, actual.tree));
  }
}
