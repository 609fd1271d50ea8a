// The Markdown writer: the CV page in both flavours and the academicpages
// collection items, parsed back with cmark and yaml-cpp.
#include "dates.hpp"
#include "markdown_writer.hpp"
#include "markup.hpp"
#include "support.hpp"

#include <catch2/catch.hpp>
#include <cmark.h>
#include <yaml-cpp/yaml.h>

#include <filesystem>
#include <fstream>
#include <memory>

using namespace cvc;
using namespace cvc::test;

namespace {

// The text a reader sees in a node: text, code and breaks as a space.
std::string node_text(cmark_node* node) {
  std::string out;
  cmark_iter* iter = cmark_iter_new(node);
  cmark_event_type event;
  while ((event = cmark_iter_next(iter)) != CMARK_EVENT_DONE) {
    cmark_node* current = cmark_iter_get_node(iter);
    if (event != CMARK_EVENT_ENTER)
      continue;
    switch (cmark_node_get_type(current)) {
    case CMARK_NODE_TEXT:
    case CMARK_NODE_CODE:
    case CMARK_NODE_HTML_INLINE:
      out += cmark_node_get_literal(current);
      break;
    case CMARK_NODE_SOFTBREAK:
    case CMARK_NODE_LINEBREAK:
      out += ' ';
      break;
    default:
      break;
    }
  }
  cmark_iter_free(iter);
  return out;
}

// Collects the nodes of one type, in document order.
std::vector<cmark_node*> nodes_of(cmark_node* root, cmark_node_type type) {
  std::vector<cmark_node*> out;
  cmark_iter* iter = cmark_iter_new(root);
  cmark_event_type event;
  while ((event = cmark_iter_next(iter)) != CMARK_EVENT_DONE)
    if (event == CMARK_EVENT_ENTER &&
        cmark_node_get_type(cmark_iter_get_node(iter)) == type)
      out.push_back(cmark_iter_get_node(iter));
  cmark_iter_free(iter);
  return out;
}

std::string page_of(const Cv& cv, MarkdownFlavor flavor) {
  Diagnostics diagnostics;
  MarkdownOptions options;
  options.flavor = flavor;
  std::optional<std::string> page = write_markdown(cv, options, diagnostics);
  REQUIRE(page.has_value());
  return *page;
}

Cv sample(const std::string& name) {
  return parse_valid(read_file(source_path(name)));
}

// The body of a page after its front matter.
std::string without_front_matter(const std::string& text) {
  if (text.rfind("---\n", 0) != 0)
    return text;
  size_t end = text.find("\n---\n", 3);
  REQUIRE(end != std::string::npos);
  return text.substr(end + 5);
}

YAML::Node front_matter(const std::string& text) {
  REQUIRE(text.rfind("---\n", 0) == 0);
  size_t end = text.find("\n---\n", 3);
  REQUIRE(end != std::string::npos);
  return YAML::Load(text.substr(4, end - 3));
}

std::vector<CollectionFile> collections_of(const Cv& cv) {
  Diagnostics diagnostics;
  std::optional<std::vector<CollectionFile>> files =
      write_collections(cv, {}, diagnostics);
  REQUIRE(files.has_value());
  return *files;
}

const CollectionFile& file_named(const std::vector<CollectionFile>& files,
                                 const std::string& path) {
  for (const CollectionFile& file : files)
    if (file.path == path)
      return file;
  FAIL("no collection file " << path);
  return files.front();
}

std::string plain(const Text& text) {
  return to_plain_text(text.tree);
}

// The plain text of an entry's first line as the writer builds it: title,
// organization, location and dates, joined with commas.
std::string expected_line(const Entry& entry, const Locale& locale) {
  auto join = [](std::vector<std::string> parts) {
    std::string out;
    for (const std::string& part : parts)
      if (!part.empty())
        out += (out.empty() ? "" : ", ") + part;
    return out;
  };
  return std::visit(
      [&](const auto& e) -> std::string {
        using T = std::decay_t<decltype(e)>;
        if constexpr (std::is_same_v<T, EducationEntry>) {
          std::string title = plain(e.degree);
          title += (title.empty() ? "" : " in ") + plain(e.area);
          return join({title, plain(e.institution), plain(e.location),
                       format_entry_dates(e, locale)});
        } else if constexpr (std::is_same_v<T, ExperienceEntry>) {
          return join({plain(e.position), plain(e.company), plain(e.location),
                       format_entry_dates(e, locale)});
        } else if constexpr (std::is_same_v<T, PublicationEntry>) {
          return join({plain(e.title), plain(e.journal), plain(e.location),
                       format_entry_dates(e, locale)});
        } else if constexpr (std::is_same_v<T, NormalEntry>) {
          const Extra* venue = e.extra("venue");
          return join({plain(e.name), venue ? plain(venue->values[0]) : "",
                       plain(e.location), format_entry_dates(e, locale)});
        } else if constexpr (std::is_same_v<T, OneLineEntry>) {
          return plain(e.details).empty()
                     ? plain(e.label)
                     : plain(e.label) + ": " + plain(e.details);
        } else if constexpr (std::is_same_v<T, BulletEntry>) {
          return plain(e.bullet);
        } else {
          return {};
        }
      },
      entry);
}

void check_page_structure(const Cv& cv, MarkdownFlavor flavor) {
  std::string page = page_of(cv, flavor);
  CmarkDocument document = parse_commonmark(without_front_matter(page));

  std::vector<std::string> headings;
  for (cmark_node* heading : nodes_of(document.get(), CMARK_NODE_HEADING))
    headings.push_back(node_text(heading));
  std::vector<std::string> expected_headings;
  if (flavor == MarkdownFlavor::CommonMark)
    expected_headings.push_back(plain(cv.name));
  for (const Section& section : cv.sections)
    expected_headings.push_back(plain(section.title));
  CHECK(headings == expected_headings);

  // The first paragraph of each top-level item of each section's list.
  std::vector<std::string> items;
  std::vector<std::string> expected_items;
  for (const Section& section : cv.sections)
    for (const Entry& entry : section.entries)
      if (kind_of(entry) != EntryKind::Text &&
          kind_of(entry) != EntryKind::Numbered &&
          kind_of(entry) != EntryKind::ReversedNumbered)
        expected_items.push_back(expected_line(entry, cv.locale));
  bool after_first_heading = false;
  for (cmark_node* child = cmark_node_first_child(document.get()); child;
       child = cmark_node_next(child)) {
    if (cmark_node_get_type(child) == CMARK_NODE_HEADING)
      after_first_heading = flavor == MarkdownFlavor::Academicpages ||
                            cmark_node_get_heading_level(child) == 2;
    if (!after_first_heading || cmark_node_get_type(child) != CMARK_NODE_LIST)
      continue;
    for (cmark_node* item = cmark_node_first_child(child); item;
         item = cmark_node_next(item))
      items.push_back(node_text(cmark_node_first_child(item)));
  }
  CHECK(items == expected_items);
}

std::vector<std::string> link_targets(const std::string& markdown) {
  CmarkDocument document = parse_commonmark(markdown);
  std::vector<std::string> out;
  for (cmark_node* link : nodes_of(document.get(), CMARK_NODE_LINK))
    out.push_back(cmark_node_get_url(link));
  return out;
}

std::string temporary_folder(const std::string& name) {
  std::filesystem::path path =
      std::filesystem::temp_directory_path() /
      ("cvconvert-" + name + "-" + std::to_string(::getpid()));
  std::filesystem::remove_all(path);
  return path.string();
}

std::map<std::string, std::string> read_tree(const std::string& root) {
  std::map<std::string, std::string> out;
  for (const auto& entry : std::filesystem::recursive_directory_iterator(root))
    if (entry.is_regular_file())
      out[entry.path().string()] = read_file(entry.path().string());
  return out;
}

} // namespace

TEST_CASE("markdown page: headings and items match the model") {
  for (const char* name : {"samples/academicpages.yaml",
                           "samples/engineer.yaml", "samples/minimal.yaml"}) {
    INFO(name);
    Cv cv = sample(name);
    check_page_structure(cv, MarkdownFlavor::CommonMark);
    check_page_structure(cv, MarkdownFlavor::Academicpages);
  }
}

TEST_CASE("markdown page: link targets match the model") {
  Cv cv = sample("samples/engineer.yaml");
  std::vector<std::string> targets =
      link_targets(page_of(cv, MarkdownFlavor::CommonMark));
  std::vector<std::string> expected = {
      "mailto:tomasz.wojcik@example.com", "tel:+41445550172",
      "https://wojcik.example.com", "https://blog.wojcik.example.com"};
  for (const SocialNetwork& social : cv.social_networks)
    expected.push_back(social.url);
  for (size_t i = 0; i < expected.size(); ++i) {
    REQUIRE(i < targets.size());
    CHECK(targets[i] == expected[i]);
  }
  CHECK(std::find(targets.begin(), targets.end(), "https://tsq.example.org") !=
        targets.end());
}

TEST_CASE("markdown page: every model link kept") {
  std::vector<std::string> inputs = {"samples/academicpages.yaml",
                                     "samples/engineer.yaml",
                                     "samples/minimal.yaml"};
  for (const auto& entry :
       std::filesystem::directory_iterator(source_path("tests/cases")))
    inputs.push_back("tests/cases/" + entry.path().filename().string());
  for (const std::string& name : inputs) {
    Cv cv = sample(name);
    std::vector<std::string> expected = model_link_targets(cv);
    for (MarkdownFlavor flavor :
         {MarkdownFlavor::CommonMark, MarkdownFlavor::Academicpages}) {
      std::vector<std::string> targets =
          link_targets(without_front_matter(page_of(cv, flavor)));
      for (const std::string& target : expected) {
        INFO(name << ": " << target);
        CHECK(std::find(targets.begin(), targets.end(), target) !=
              targets.end());
      }
    }
  }
}

TEST_CASE("markdown page: academicpages front matter") {
  std::string page = page_of(sample("samples/academicpages.yaml"),
                             MarkdownFlavor::Academicpages);
  YAML::Node front = front_matter(page);
  CHECK(front["layout"].as<std::string>() == "archive");
  CHECK(front["title"].as<std::string>() == "CV");
  CHECK(front["permalink"].as<std::string>() == "/cv/");
  CHECK(front["author_profile"].as<bool>());
  REQUIRE(front["redirect_from"].IsSequence());
  CHECK(front["redirect_from"][0].as<std::string>() == "/resume");
  CHECK(page.find("\nEducation\n======\n") != std::string::npos);
  CHECK(page.find("\n* Ph.D in Version Control Theory, GitHub University, "
                  "2018\n") != std::string::npos);
}

TEST_CASE("markdown page: commonmark has ATX headings only") {
  std::string page =
      page_of(sample("samples/engineer.yaml"), MarkdownFlavor::CommonMark);
  CHECK(page.rfind("# Tomasz Wójcik\n", 0) == 0);
  CHECK(page.find("\n## Experience\n") != std::string::npos);
  CHECK(page.find("======") == std::string::npos);
  CHECK(page.find("---\n") == std::string::npos);
}

TEST_CASE("markdown page: reference CV items in order") {
  std::string page = page_of(sample("samples/academicpages.yaml"),
                             MarkdownFlavor::Academicpages);
  // Each entry shows title, place and date on one line, then its details.
  require_in_order(
      page,
      {"AI Researcher",
       "Education",
       "Ph.D in Version Control Theory",
       "GitHub University",
       "2018",
       "M.S. in Jekyll",
       "GitHub University",
       "2014",
       "B.S. in GitHub",
       "GitHub University",
       "2012",
       "Publications",
       "Expert Merging in Sparse Mixture of Experts with Nash Bargaining",
       "arXiv preprint",
       "2025",
       "**TL;DR:** NAMEx uses Nash bargaining and complex momentum",
       "**Abstract:** Existing expert merging strategies",
       "Qwen1.5-MoE (14B) and DeepSeek-MoE (16B)",
       "Paper Title Number 2",
       "Sensors and Actuators A: Physical",
       "2025",
       "This paper is about the number 2. The number 3 is left for future "
       "work.",
       "Paper Title Number 3",
       "2015",
       "Paper Title Number 4",
       "2024",
       "Presentations",
       "Talk 1 on Relevant Topic in Your Field",
       "UC San Francisco, Department of Testing",
       "San Francisco, CA, USA",
       "2012",
       "Tutorial 1 on Relevant Topic in Your Field",
       "UC-Berkeley Institute for Testing Science",
       "Berkeley, CA, USA",
       "2013",
       "Talk 2 on Relevant Topic in Your Field",
       "London School of Testing",
       "London, UK",
       "2014",
       "Conference Proceeding talk 3 on Relevant Topic in Your Field",
       "Testing Institute of America 2014 Annual Conference",
       "Los Angeles, CA, USA",
       "2014",
       "Teaching",
       "Teaching experience 1",
       "University 1, Department",
       "2014",
       "Undergraduate course",
       "Teaching experience 2",
       "University 1, Department",
       "2015",
       "Workshop",
       "Portfolio",
       "Portfolio item number 1"});
}

TEST_CASE("markdown page: no Liquid tag from a field") {
  Cv cv = parse_valid("cv:\n"
                      "  name: \"{{ site.title }}\"\n"
                      "  sections:\n"
                      "    Notes:\n"
                      "      - \"{% include evil.html %} and {{x}}\"\n");
  std::string page = page_of(cv, MarkdownFlavor::Academicpages);
  std::string body = page.substr(page.find("{% include base_path %}") + 23);
  CHECK(body.find("{{") == std::string::npos);
  CHECK(body.find("{%") == std::string::npos);
  CmarkDocument document = parse_commonmark(body);
  std::string text = node_text(document.get());
  CHECK(text.find("{{ site.title }}") != std::string::npos);
  CHECK(text.find("{% include evil.html %} and {{x}}") != std::string::npos);
}

TEST_CASE("collections: file names and front matter") {
  Cv cv = sample("samples/academicpages.yaml");
  std::vector<CollectionFile> files = collections_of(cv);
  CHECK(files.size() == 11);

  const CollectionFile& talk = file_named(
      files, "_talks/2012-01-01-talk-1-on-relevant-topic-in-your-field.md");
  YAML::Node front = front_matter(talk.content);
  CHECK(front["title"].as<std::string>() ==
        "Talk 1 on Relevant Topic in Your Field");
  CHECK(front["collection"].as<std::string>() == "talks");
  CHECK(front["type"].as<std::string>() == "Talk");
  CHECK(front["permalink"].as<std::string>() ==
        "/talks/2012-01-01-talk-1-on-relevant-topic-in-your-field");
  CHECK(front["venue"].as<std::string>() ==
        "UC San Francisco, Department of Testing");
  CHECK(front["date"].as<std::string>() == "2012-01-01");
  CHECK(front["location"].as<std::string>() == "San Francisco, CA, USA");
  CHECK(talk.content.find("\nlocation: \"San Francisco, CA, USA\"\n") !=
        std::string::npos);

  const CollectionFile& paper =
      file_named(files, "_publications/2025-01-01-paper-title-number-2.md");
  front = front_matter(paper.content);
  CHECK(front["title"].as<std::string>() == "Paper Title Number 2");
  CHECK(front["collection"].as<std::string>() == "publications");
  CHECK(front["category"].as<std::string>() == "manuscripts");
  CHECK(front["permalink"].as<std::string>() ==
        "/publication/2025-01-01-paper-title-number-2");
  CHECK(front["excerpt"].as<std::string>() ==
        "This paper is about the number 2. The number 3 is left for future "
        "work.");
  CHECK(front["venue"].as<std::string>() ==
        "Sensors and Actuators A: Physical");
  CHECK(front["citation"].as<std::string>() ==
        "Lena Marchetti, Daniel Okafor (2025). &quot;Paper Title Number "
        "2.&quot; <i>Sensors and Actuators A: Physical</i>.");

  const CollectionFile& teaching =
      file_named(files, "_teaching/2014-01-01-teaching-experience-1.md");
  front = front_matter(teaching.content);
  CHECK(front["type"].as<std::string>() == "Undergraduate course");
  CHECK(front["collection"].as<std::string>() == "teaching");

  const CollectionFile& portfolio =
      file_named(files, "_portfolio/portfolio-item-number-1.md");
  front = front_matter(portfolio.content);
  CHECK(front["collection"].as<std::string>() == "portfolio");
  CHECK(link_targets(without_front_matter(portfolio.content)) ==
        std::vector<std::string>{
            "https://lmarchetti.example.org/portfolio/portfolio-1/"});
}

TEST_CASE("collections: every location double-quoted") {
  for (const CollectionFile& file :
       collections_of(sample("samples/academicpages.yaml"))) {
    size_t at = file.content.find("\nlocation: ");
    if (at == std::string::npos)
      continue;
    INFO(file.path);
    CHECK(file.content[at + 11] == '"');
  }
}

TEST_CASE("collections: hostile strings read back from front matter") {
  const std::vector<std::string> hostile = {
      "Quote \" and back\\slash",
      "colon: then # hash",
      "--- three dashes",
      "yes",
      "null",
      "1e3",
      "@at `tick` !bang %percent &amp *star |pipe >gt",
      "'single' and {braces} [brackets]",
      "tab\there",
      "U+2028\u2028 and U+0085\u0085 end",
  };
  for (const std::string& value : hostile) {
    INFO(value);
    YAML::Emitter yaml;
    yaml << YAML::BeginMap << YAML::Key << "cv" << YAML::Value << YAML::BeginMap
         << YAML::Key << "name" << YAML::Value << "A" << YAML::Key << "sections"
         << YAML::Value << YAML::BeginMap << YAML::Key << "Talks" << YAML::Value
         << YAML::BeginSeq << YAML::BeginMap << YAML::Key << "name"
         << YAML::Value << value << YAML::Key << "location" << YAML::Value
         << value << YAML::Key << "venue" << YAML::Value << value << YAML::Key
         << "date" << YAML::Value << "2020-05" << YAML::EndMap << YAML::EndSeq
         << YAML::EndMap << YAML::EndMap << YAML::EndMap;
    Cv cv = parse_valid(yaml.c_str());
    const auto& talk = std::get<NormalEntry>(cv.sections[0].entries[0]);
    std::vector<CollectionFile> files = collections_of(cv);
    REQUIRE(files.size() == 1);
    YAML::Node front = front_matter(files[0].content);
    // The academicpages layouts print these values into HTML, so `&`, `<`
    // and `>` arrive as character references.
    auto html = [](std::string text) {
      std::string out;
      for (char c : text)
        out += c == '&'   ? "&amp;"
               : c == '<' ? "&lt;"
               : c == '>' ? "&gt;"
                          : std::string(1, c);
      return out;
    };
    CHECK(front["title"].as<std::string>() == html(plain(talk.name)));
    CHECK(front["location"].as<std::string>() == html(plain(talk.location)));
    CHECK(front["venue"].as<std::string>() ==
          html(plain(talk.extra("venue")->values[0])));
    CHECK(front["date"].as<std::string>() == "2020-05-01");
  }
}

TEST_CASE("collections: slugs") {
  CHECK(make_slug("Ärger mit Straße") == "arger-mit-strasse");
  CHECK(make_slug("数据工程") == "shu-ju-gong-cheng");
  CHECK(make_slug("Đồ thị và dữ liệu lớn") == "do-thi-va-du-lieu-lon");
  CHECK(make_slug("🚀🚀") == make_slug("🚀🚀"));
  CHECK(make_slug("🚀🚀").rfind("item-", 0) == 0);
  CHECK(make_slug("🚀🚀") != make_slug("🚀"));
  std::string long_slug = make_slug(std::string(200, 'a') + " b");
  CHECK(long_slug.size() <= 60);
}

TEST_CASE("collections: slugs unique within a collection") {
  Cv cv = parse_valid("cv:\n  name: A\n  sections:\n    Talks:\n"
                      "      - name: Same\n        date: 2020\n"
                      "      - name: Same\n        date: 2020\n");
  std::vector<CollectionFile> files = collections_of(cv);
  REQUIRE(files.size() == 2);
  CHECK(files[0].path == "_talks/2020-01-01-same.md");
  CHECK(files[1].path == "_talks/2020-01-01-same-2.md");
}

TEST_CASE("collections: settings choose the collection") {
  Cv cv = parse_valid("cv:\n  name: A\n  sections:\n"
                      "    Invited lectures:\n"
                      "      - name: Lecture\n        date: 2020-03-04\n"
                      "    Talks:\n"
                      "      - name: Not a talk\n        date: 2020\n"
                      "settings:\n  academicpages_collections:\n"
                      "    Invited lectures: talks\n    Talks: none\n");
  std::vector<CollectionFile> files = collections_of(cv);
  REQUIRE(files.size() == 1);
  CHECK(files[0].path == "_talks/2020-03-04-lecture.md");
}

TEST_CASE("collections: invalid collection name is an error") {
  Diagnostics diagnostics;
  std::optional<Cv> cv =
      parse("cv:\n  name: A\nsettings:\n  academicpages_collections:\n"
            "    Talks: talk\n",
            diagnostics);
  CHECK_FALSE(cv.has_value());
  REQUIRE(!diagnostics.all().empty());
  CHECK(diagnostics.all()[0].message.find("invalid collection 'talk'") !=
        std::string::npos);
  CHECK(diagnostics.all()[0].pos.line == 5);
}

TEST_CASE("collections: re-running is idempotent") {
  std::vector<CollectionFile> files =
      collections_of(sample("samples/academicpages.yaml"));
  std::string folder = temporary_folder("idempotent");
  CollectionSaveReport first = save_collections(folder, files, false);
  CHECK(first.written.size() == files.size());
  std::map<std::string, std::string> before = read_tree(folder);

  std::vector<CollectionFile> again =
      collections_of(sample("samples/academicpages.yaml"));
  CollectionSaveReport second = save_collections(folder, again, false);
  CHECK(second.written.empty());
  CHECK(second.skipped.empty());
  CHECK(second.unchanged.size() == files.size());
  CHECK(read_tree(folder) == before);
  std::filesystem::remove_all(folder);
}

TEST_CASE("collections: hand edits are not overwritten") {
  Cv cv = sample("samples/academicpages.yaml");
  std::vector<CollectionFile> files = collections_of(cv);
  std::string folder = temporary_folder("edited");
  save_collections(folder, files, false);
  std::string edited =
      folder + "/_talks/2012-01-01-talk-1-on-relevant-topic-in-your-field.md";
  std::string text = read_file(edited) + "\nSlides are online.\n";
  std::ofstream(edited, std::ios::binary) << text;

  // A changed CV makes every file differ from what is on disk.
  std::get<NormalEntry>(cv.sections[3].entries[0]).location =
      make_literal_text("Oakland, CA, USA");
  files = collections_of(cv);
  CollectionSaveReport report = save_collections(folder, files, false);
  CHECK(report.skipped == std::vector<std::string>{edited});
  CHECK(read_file(edited) == text);
  CHECK(is_unchanged_generated_file(
      read_file(folder + "/_talks/2013-01-01-tutorial-1-on-relevant-topic-in-"
                         "your-field.md")));

  report = save_collections(folder, files, true);
  CHECK(report.skipped.empty());
  CHECK(read_file(edited).find("Oakland, CA, USA") != std::string::npos);
  std::filesystem::remove_all(folder);
}
