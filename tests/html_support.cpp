#include "html_support.hpp"

#include "support.hpp"

#include <catch2/catch.hpp>

#include <algorithm>
#include <cstdlib>
#include <filesystem>
#include <fstream>

namespace cvc::test {

std::string html_of(const Cv& cv, const HtmlOptions& options) {
  Diagnostics diagnostics("test.yaml", "");
  std::optional<std::string> page = write_html(cv, options, diagnostics);
  for (const Diagnostic& d : diagnostics.all())
    UNSCOPED_INFO(d.message);
  REQUIRE(page.has_value());
  REQUIRE_FALSE(diagnostics.has_errors());
  return *page;
}

void parse_page(const std::string& html, pugi::xml_document& document) {
  pugi::xml_parse_result result = document.load_buffer(
      html.data(), html.size(), pugi::parse_default | pugi::parse_doctype,
      pugi::encoding_utf8);
  INFO("pugixml: " << result.description() << " at byte " << result.offset);
  REQUIRE(result);
}

std::string visible_text(pugi::xml_node node) {
  std::string raw;
  struct Walker : pugi::xml_tree_walker {
    std::string* out;
    bool for_each(pugi::xml_node& n) override {
      if (n.type() != pugi::node_pcdata)
        return true;
      std::string_view parent = n.parent().name();
      if (parent != "style" && parent != "script")
        *out += n.value();
      return true;
    }
  } walker;
  walker.out = &raw;
  node.traverse(walker);
  return collapse_spaces(raw);
}

std::vector<std::string> page_inputs() {
  std::vector<std::string> paths;
  for (const char* folder : {"samples", "tests/cases"})
    for (const auto& entry :
         std::filesystem::directory_iterator(source_path(folder)))
      if (entry.path().extension() == ".yaml")
        paths.push_back(entry.path().string());
  std::sort(paths.begin(), paths.end());
  return paths;
}

TempFile::TempFile(const std::string& name, const std::string& content) {
  std::string pattern =
      (std::filesystem::temp_directory_path() / "cvconvert-html-XXXXXX")
          .string();
  REQUIRE(mkdtemp(pattern.data()) != nullptr);
  folder_ = pattern;
  path_ = folder_ + "/" + name;
  std::ofstream(path_, std::ios::binary) << content;
}

TempFile::~TempFile() {
  std::error_code error;
  std::filesystem::remove_all(folder_, error);
}

CommandResult run_chromium(const std::string& arguments,
                           const std::string& url) {
  // A fresh profile per run, no background services, and a host resolver
  // that resolves nothing, so that a page can reach no network.
  TempFile profile("unused", "");
  std::string command =
      "timeout 120 chromium --headless --no-sandbox --disable-gpu "
      "--disable-quic --no-first-run --disable-background-networking "
      "--disable-component-update --disable-sync --hide-scrollbars "
      "--host-resolver-rules='MAP * ~NOTFOUND' --user-data-dir='" +
      profile.folder() + "' " + arguments + " '" + url + "' 2>/dev/null";
  return run_command(command);
}

} // namespace cvc::test
