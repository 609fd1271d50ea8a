// cv2md: a CV in YAML to a Markdown CV page, and with --collections to the
// collection items of an academicpages site.
#include "markdown_writer.hpp"
#include "tool_common.hpp"

#include <boost/program_options.hpp>

#include <iostream>

namespace po = boost::program_options;
using namespace cvc;

namespace {

constexpr const char* kProgram = "cv2md";

// Saves the collection items and reports on stderr what was left alone.
// Returns an exit code.
int save_items(const std::vector<CollectionFile>& files,
               const std::string& directory, bool force,
               const tool::Verbosity& verbosity) {
  CollectionSaveReport report = save_collections(directory, files, force);
  for (const std::string& path : report.skipped)
    std::cerr << kProgram << ": skipped " << path
              << ": it was changed since cv2md wrote it (use --force to "
                 "overwrite it)\n";
  if (verbosity.verbose) {
    for (const std::string& path : report.written)
      std::cerr << kProgram << ": wrote " << path << '\n';
    for (const std::string& path : report.unchanged)
      std::cerr << kProgram << ": unchanged " << path << '\n';
  }
  for (const std::string& error : report.errors)
    tool::print_error(kProgram, error);
  return report.errors.empty() ? tool::kSuccess : tool::kIoError;
}

int run(int argc, char** argv) {
  tool::CommonOptions common;
  std::string flavor_name = "commonmark";
  std::string template_dir;
  std::string collections;
  bool force = false;

  po::options_description specific("Markdown options");
  specific.add_options() //
      ("flavor",
       po::value(&flavor_name)->default_value("commonmark")->value_name("NAME"),
       "commonmark (a plain CV with ATX headings) or academicpages (the "
       "_pages/cv.md page of the academicpages Jekyll template)") //
      ("template-dir",
       po::value(&template_dir)
           ->value_name("DIR")
           ->notifier(tool::require_template_folder),
       "use the templates in DIR that exist there (commonmark.md, "
       "academicpages.md, entry.md, publication.md, talk.md, teaching.md, "
       "portfolio.md) instead of the built-in ones") //
      ("collections", po::value(&collections)->value_name("DIR"),
       "write the academicpages collection items (_publications/, _talks/, "
       "_teaching/, _portfolio/) into the site folder DIR; the CV page is "
       "then written only with -o") //
      ("force", po::bool_switch(&force),
       "with --collections, overwrite items that were changed by hand");
  if (std::optional<int> done = tool::parse_command_line(
          argc, argv, kProgram,
          "Usage: cv2md [options] INPUT|-\n\n"
          "Writes a CV (RenderCV YAML) as Markdown: a CommonMark CV, the CV\n"
          "page of an academicpages site, or with --collections the site's\n"
          "collection items. INPUT '-' reads standard input.",
          specific, common))
    return *done;

  std::optional<MarkdownFlavor> flavor = parse_markdown_flavor(flavor_name);
  if (!flavor) {
    tool::print_error(kProgram, "invalid --flavor '" + flavor_name +
                                    "': valid values are commonmark and "
                                    "academicpages");
    return tool::kUsageError;
  }
  MarkdownOptions options;
  options.flavor = *flavor;
  options.template_dir = template_dir;

  Diagnostics diagnostics;
  int exit_code = tool::kSuccess;
  std::optional<Cv> cv = tool::load_cv(
      common.input, diagnostics, common.verbosity, exit_code, common.limits);
  if (!cv)
    return exit_code;

  std::optional<std::string> page = write_markdown(*cv, options, diagnostics);
  std::optional<std::vector<CollectionFile>> items;
  if (page && !collections.empty())
    items = write_collections(*cv, options, diagnostics);
  bool written = page && (collections.empty() || items);
  if (!tool::finish_diagnostics(diagnostics, common.verbosity) || !written)
    return tool::kInvalidCv;

  if (!collections.empty()) {
    int status = save_items(*items, collections, force, common.verbosity);
    if (status != tool::kSuccess || common.output.empty())
      return status;
  }
  return tool::write_output(kProgram, common.output, *page);
}

} // namespace

int main(int argc, char** argv) {
  return tool::run_tool(kProgram, run, argc, argv);
}
