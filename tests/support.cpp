#include "support.hpp"

#include "latex_compile.hpp"
#include "links.hpp"
#include "reader.hpp"

#include <catch2/catch.hpp>

#include <array>
#include <cstdio>
#include <filesystem>
#include <fstream>
#include <sstream>

#include <unistd.h>

namespace cvc::test {

std::string source_path(const std::string& relative) {
  return std::string(CVCONVERT_SOURCE_DIR) + "/" + relative;
}

std::string read_file(const std::string& path) {
  std::ifstream in(path, std::ios::binary);
  INFO("reading " << path);
  REQUIRE(in.good());
  std::ostringstream out;
  out << in.rdbuf();
  return out.str();
}

std::optional<Cv> parse(const std::string& yaml, Diagnostics& diagnostics) {
  diagnostics = Diagnostics("test.yaml", yaml);
  return read_cv(diagnostics);
}

std::string all_messages(const Diagnostics& diagnostics) {
  std::string out;
  for (const Diagnostic& d : diagnostics.all())
    out += format_diagnostic(d, diagnostics.file_name(), diagnostics.source(),
                             false);
  return out;
}

Cv parse_valid(const std::string& yaml) {
  Diagnostics diagnostics;
  std::optional<Cv> cv = parse(yaml, diagnostics);
  INFO(all_messages(diagnostics));
  REQUIRE(cv.has_value());
  return *cv;
}

CommandResult run_command(const std::string& command) {
  CommandResult result;
  FILE* pipe = popen(command.c_str(), "r");
  REQUIRE(pipe != nullptr);
  std::array<char, 4096> buffer;
  size_t count;
  while ((count = fread(buffer.data(), 1, buffer.size(), pipe)) > 0)
    result.output.append(buffer.data(), count);
  int status = pclose(pipe);
  result.status = WIFEXITED(status) ? WEXITSTATUS(status) : -1;
  return result;
}

std::string latex_of(const Cv& cv, const LatexOptions& options) {
  Diagnostics diagnostics("test.yaml", "");
  std::optional<LatexDocument> document = write_latex(cv, options, diagnostics);
  INFO(all_messages(diagnostics));
  REQUIRE(document.has_value());
  return document->text;
}

std::string compile_pdf(const std::string& tex) {
  CompileOptions options;
  CompileResult result = compile_latex(tex, options);
  INFO(result.error);
  REQUIRE(result.ok);
  return result.pdf;
}

namespace {

// A PDF written to a temporary file for the command-line tools.
class TempPdf {
public:
  explicit TempPdf(const std::string& pdf) {
    path_ = (std::filesystem::temp_directory_path() /
             ("cvconvert-test-" + std::to_string(getpid()) + "-" +
              std::to_string(counter_++) + ".pdf"))
                .string();
    std::ofstream(path_, std::ios::binary) << pdf;
  }
  ~TempPdf() { std::remove(path_.c_str()); }
  const std::string& path() const { return path_; }

private:
  static inline int counter_ = 0;
  std::string path_;
};

} // namespace

std::string pdf_text(const std::string& pdf) {
  TempPdf file(pdf);
  CommandResult result =
      run_command("pdftotext -enc UTF-8 '" + file.path() + "' -");
  REQUIRE(result.status == 0);
  std::string text;
  const std::string& raw = result.output;
  for (size_t i = 0; i < raw.size(); ++i) {
    char c = raw[i];
    if (c == '-' && i + 1 < raw.size() && raw[i + 1] == '\n') {
      ++i; // a hyphen at a line end joins the two lines
      continue;
    }
    bool space = c == ' ' || c == '\n' || c == '\t' || c == '\f' || c == '\r';
    if (space) {
      if (!text.empty() && text.back() != ' ')
        text += ' ';
      continue;
    }
    text += c;
  }
  return text;
}

std::string pdf_links(const std::string& pdf) {
  TempPdf file(pdf);
  CommandResult result = run_command("qpdf --qdf --object-streams=disable '" +
                                     file.path() + "' - | grep -a '/URI ('");
  return result.output;
}

namespace {

void visit_highlights(const std::vector<Highlight>& items,
                      const FieldVisitor& visit) {
  for (const Highlight& item : items) {
    visit("highlights", item.text);
    visit_highlights(item.children, visit);
  }
}

void visit_dated(const DatedFields& dated, const FieldVisitor& visit) {
  visit("location", dated.location);
  visit("summary", dated.summary);
  visit_highlights(dated.highlights, visit);
}

void collect_links(const MarkupNode& node, std::vector<std::string>& out) {
  if (node.kind == NodeKind::Link && is_safe_link(node.literal))
    out.push_back(node.literal);
  for (const MarkupNode& child : node.children)
    collect_links(child, out);
}

} // namespace

// Calls `visit` for every non-empty text field of a CV.
void for_each_field(const Cv& cv, const FieldVisitor& visit) {
  auto checked = [&](const std::string& name, const Text& text) {
    if (!text.empty())
      visit(name, text);
  };
  checked("name", cv.name);
  checked("headline", cv.headline);
  checked("location", cv.location);
  for (const Section& section : cv.sections) {
    checked("section title", section.title);
    for (const Entry& entry : section.entries) {
      std::visit(
          [&](const auto& e) {
            using T = std::decay_t<decltype(e)>;
            if constexpr (std::is_base_of_v<DatedFields, T>)
              visit_dated(e, checked);
            if constexpr (std::is_same_v<T, EducationEntry>) {
              checked("institution", e.institution);
              checked("area", e.area);
              checked("degree", e.degree);
            } else if constexpr (std::is_same_v<T, ExperienceEntry>) {
              checked("company", e.company);
              checked("position", e.position);
            } else if constexpr (std::is_same_v<T, PublicationEntry>) {
              checked("title", e.title);
              checked("journal", e.journal);
              for (const Text& author : e.authors)
                checked("authors", author);
            } else if constexpr (std::is_same_v<T, NormalEntry>) {
              checked("name", e.name);
            } else if constexpr (std::is_same_v<T, OneLineEntry>) {
              checked("label", e.label);
              checked("details", e.details);
            } else if constexpr (std::is_same_v<T, BulletEntry>) {
              checked("bullet", e.bullet);
            } else if constexpr (std::is_same_v<T, TextEntry>) {
              checked("text", e.text);
            }
            for (const Extra& extra : e.extras)
              for (const Text& value : extra.values)
                checked(extra.key, value);
          },
          entry);
    }
  }
}

std::vector<std::string> model_link_targets(const Cv& cv) {
  std::vector<std::string> out;
  for (const Scalar& email : cv.emails)
    out.push_back(mailto_url(email.value));
  for (const Scalar& website : cv.websites)
    out.push_back(website_url(website.value));
  for (const SocialNetwork& social : cv.social_networks)
    out.push_back(social.url);
  for (const Section& section : cv.sections)
    for (const Entry& entry : section.entries)
      if (const auto* publication = std::get_if<PublicationEntry>(&entry)) {
        if (!publication->doi.empty())
          out.push_back(doi_url(publication->doi.value));
        if (!publication->url.empty())
          out.push_back(website_url(publication->url.value));
      }
  for_each_field(cv, [&](const std::string&, const Text& text) {
    collect_links(text.tree, out);
  });
  return out;
}

void require_in_order(const std::string& text,
                      const std::vector<std::string>& items) {
  size_t from = 0;
  for (const std::string& item : items) {
    size_t found = text.find(item, from);
    INFO("looking for '" << item << "' after offset " << from << " in:\n"
                         << text);
    REQUIRE(found != std::string::npos);
    from = found + item.size();
  }
}

std::vector<std::string> reference_items(const std::string& abstract) {
  // The reference lists each entry as title, year and place. The page sets
  // the date first, as moderncv does, so the items follow the page order.
  return {
      "AI Researcher",
      "Education",
      "2018",
      "Ph.D in Version Control Theory",
      "GitHub University",
      "2014",
      "M.S. in Jekyll",
      "GitHub University",
      "2012",
      "B.S. in GitHub",
      "GitHub University",
      "Publications",
      "2025",
      "Expert Merging in Sparse Mixture of Experts with Nash Bargaining",
      "arXiv preprint",
      "TL;DR: NAMEx uses Nash bargaining and complex momentum to merge "
      "experts more fairly and efficiently, outperforming prior methods "
      "across tasks.",
      abstract,
      "2025",
      "Paper Title Number 2",
      "Sensors and Actuators A: Physical",
      "This paper is about the number 2. The number 3 is left for future "
      "work.",
      "2015",
      "Paper Title Number 3",
      "2024",
      "Paper Title Number 4",
      "Presentations",
      "2012",
      "Talk 1 on Relevant Topic in Your Field",
      "UC San Francisco, Department of Testing",
      "San Francisco, CA, USA",
      "2013",
      "Tutorial 1 on Relevant Topic in Your Field",
      "UC-Berkeley Institute for Testing Science",
      "Berkeley, CA, USA",
      "2014",
      "Talk 2 on Relevant Topic in Your Field",
      "London School of Testing",
      "London, UK",
      "2014",
      "Conference Proceeding talk 3 on Relevant Topic in Your Field",
      "Testing Institute of America 2014 Annual Conference",
      "Los Angeles, CA, USA",
      "Teaching",
      "2014",
      "Teaching experience 1",
      "University 1, Department",
      "Undergraduate course",
      "2015",
      "Teaching experience 2",
      "University 1, Department",
      "Workshop",
      "Portfolio",
      "Portfolio item number 1",
  };
}

std::string collapse_spaces(const std::string& text) {
  std::istringstream in(text);
  std::string out;
  std::string word;
  while (in >> word)
    out += (out.empty() ? "" : " ") + word;
  return out;
}

CmarkDocument parse_commonmark(const std::string& markdown) {
  return CmarkDocument(cmark_parse_document(markdown.data(), markdown.size(),
                                            CMARK_OPT_DEFAULT));
}

std::string literal_of(cmark_node* node) {
  const char* literal = cmark_node_get_literal(node);
  return literal ? literal : "";
}

} // namespace cvc::test
