// Helpers for the HTML writer's tests: writing pages, parsing them back,
// and running tidy and headless Chromium on them.
#pragma once

#include "diagnostics.hpp"
#include "html_writer.hpp"
#include "model.hpp"
#include "support.hpp"

#include <pugixml.hpp>

#include <string>
#include <vector>

namespace cvc::test {

/// Writes the CV as an HTML page, failing the test on errors.
std::string html_of(const Cv& cv, const HtmlOptions& options = {});

/// Parses a page with pugixml, failing the test when it is not
/// well-formed.
void parse_page(const std::string& html, pugi::xml_document& document);

/// Returns the text of every text node under `node`, in document order,
/// with whitespace runs collapsed to one space.
std::string visible_text(pugi::xml_node node);

/// The samples and the fault cases, as paths inside the source tree.
std::vector<std::string> page_inputs();

/// A file in a fresh temporary folder, removed with the folder.
class TempFile {
public:
  TempFile(const std::string& name, const std::string& content);
  ~TempFile();
  TempFile(const TempFile&) = delete;
  TempFile& operator=(const TempFile&) = delete;

  const std::string& path() const { return path_; }
  const std::string& folder() const { return folder_; }
  std::string url() const { return "file://" + path_; }

private:
  std::string folder_;
  std::string path_;
};

/// Runs headless Chromium with no network and a fresh profile on `url`,
/// with `arguments` before it; returns its standard output.
CommandResult run_chromium(const std::string& arguments,
                           const std::string& url);

} // namespace cvc::test
