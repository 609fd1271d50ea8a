// json2cv: a JSON Resume document to a CV in RenderCV YAML.
#include "json_reader.hpp"
#include "output_file.hpp"
#include "tool_common.hpp"

#include <boost/program_options.hpp>

#include <iostream>

namespace po = boost::program_options;
using namespace cvc;

namespace {

constexpr const char* kProgram = "json2cv";

int run(int argc, char** argv) {
  tool::CommonOptions common;
  po::options_description specific("JSON Resume options");
  if (std::optional<int> done = tool::parse_command_line(
          argc, argv, kProgram,
          "Usage: json2cv [options] INPUT|-\n\n"
          "Writes a JSON Resume document (JSON, or YAML with 'basics' at\n"
          "the top) as a CV in RenderCV YAML. INPUT '-' reads standard\n"
          "input.",
          specific, common))
    return *done;

  std::string content;
  std::string error;
  std::string name = common.input == "-" ? "<stdin>" : common.input;
  if (!read_input(common.input, content, error,
                  common.limits.max_input_bytes)) {
    std::cerr << name << ": error: " << error << '\n';
    return tool::kIoError;
  }
  if (!tool::input_within_limit(name, content, common.limits))
    return tool::kInvalidCv;
  if (!is_json_resume(common.input, content)) {
    tool::print_error(kProgram, name + " is a CV, not JSON Resume: its top "
                                       "level has 'cv' or no 'basics'; "
                                       "cv2json converts a CV to JSON Resume");
    return tool::kInvalidCv;
  }
  Diagnostics diagnostics(name, content);
  std::optional<std::string> yaml =
      json_resume_to_cv_yaml(diagnostics, common.limits);
  if (!tool::finish_diagnostics(diagnostics, common.verbosity) || !yaml)
    return tool::kInvalidCv;
  return tool::write_output(kProgram, common.output, *yaml);
}

} // namespace

int main(int argc, char** argv) {
  return tool::run_tool(kProgram, run, argc, argv);
}
