// cv2html: a CV in YAML to one self-contained HTML5 page.
#include "html_writer.hpp"
#include "output_file.hpp"
#include "tool_common.hpp"

#include <boost/program_options.hpp>

#include <filesystem>

namespace po = boost::program_options;
using namespace cvc;

namespace {

constexpr const char* kProgram = "cv2html";

int run(int argc, char** argv) {
  HtmlOptions options;
  tool::CommonOptions common;
  std::string css_file;

  po::options_description specific("HTML options");
  specific.add_options() //
      ("template-dir",
       po::value(&options.template_dir)
           ->value_name("DIR")
           ->notifier(tool::require_template_folder),
       "use DIR/cv.css instead of the built-in stylesheet when it "
       "exists") //
      ("css", po::value(&css_file)->value_name("FILE"),
       "embed the stylesheet FILE after the built-in one, so its rules win")(
          "no-default-css", po::bool_switch(&options.no_builtin_css),
          "leave out the built-in stylesheet; with --css, FILE replaces it") //
      ("stylesheet-link",
       po::value(&options.stylesheet_links)->composing()->value_name("URL"),
       "link the stylesheet URL with <link rel=\"stylesheet\"> (repeatable); "
       "the page then loads it when opened") //
      ("embed-photo", po::bool_switch(&options.embed_photo),
       "embed cv.photo (PNG, JPEG, WebP or GIF, relative to the CV file) as "
       "a data URI");
  if (std::optional<int> done = tool::parse_command_line(
          argc, argv, kProgram,
          "Usage: cv2html [options] INPUT|-\n\n"
          "Writes a CV (RenderCV YAML) as one HTML5 page with its stylesheet\n"
          "embedded. INPUT '-' reads standard input.",
          specific, common))
    return *done;

  if (!css_file.empty()) {
    std::string error;
    if (!read_input(css_file, options.extra_css, error)) {
      tool::print_error(kProgram,
                        "cannot read --css file '" + css_file + "': " + error);
      return tool::kIoError;
    }
  }

  Diagnostics diagnostics;
  int exit_code = tool::kSuccess;
  std::optional<Cv> cv = tool::load_cv(
      common.input, diagnostics, common.verbosity, exit_code, common.limits);
  if (!cv)
    return exit_code;
  if (common.input != "-")
    options.base_dir =
        std::filesystem::path(common.input).parent_path().string();

  std::optional<std::string> page = write_html(*cv, options, diagnostics);
  bool ok = tool::finish_diagnostics(diagnostics, common.verbosity);
  if (!page || !ok)
    return tool::kInvalidCv;
  return tool::write_output(kProgram, common.output, *page);
}

} // namespace

int main(int argc, char** argv) {
  return tool::run_tool(kProgram, run, argc, argv);
}
