// cv2json: a CV in YAML (or JSON Resume) to JSON Resume, or to the
// `_data/cv.json` of the academicpages Jekyll template.
#include "json_writer.hpp"
#include "tool_common.hpp"

#include <boost/program_options.hpp>

namespace po = boost::program_options;
using namespace cvc;

namespace {

constexpr const char* kProgram = "cv2json";

int run(int argc, char** argv) {
  tool::CommonOptions common;
  std::string flavor_name = "jsonresume";

  po::options_description specific("JSON options");
  specific.add_options() //
      ("flavor", po::value(&flavor_name)->value_name("NAME"),
       "jsonresume (default): JSON Resume valid against its schema; "
       "academicpages: the _data/cv.json of the academicpages template");
  if (std::optional<int> done = tool::parse_command_line(
          argc, argv, kProgram,
          "Usage: cv2json [options] INPUT|-\n\n"
          "Writes a CV (RenderCV YAML or JSON Resume) as JSON Resume.\n"
          "INPUT '-' reads standard input.",
          specific, common))
    return *done;

  std::optional<JsonFlavor> flavor = json_flavor_from_name(flavor_name);
  if (!flavor) {
    tool::print_error(kProgram, "invalid --flavor '" + flavor_name +
                                    "': valid values are jsonresume, "
                                    "academicpages");
    return tool::kUsageError;
  }

  Diagnostics diagnostics;
  int exit_code = tool::kSuccess;
  std::optional<Cv> cv = tool::load_cv(
      common.input, diagnostics, common.verbosity, exit_code, common.limits);
  if (!cv)
    return exit_code;
  std::string json = write_json_resume(*cv, *flavor, diagnostics);
  if (!tool::finish_diagnostics(diagnostics, common.verbosity))
    return tool::kInvalidCv;
  return tool::write_output(kProgram, common.output, json);
}

} // namespace

int main(int argc, char** argv) {
  return tool::run_tool(kProgram, run, argc, argv);
}
