// cvconvert: one command for every format, with subcommands to build,
// validate, start and describe a CV.
#include "cvconvert.hpp"
#include "json_reader.hpp"
#include "reader.hpp"

#include "output_file.hpp"
#include "schema.hpp"
#include "templates.hpp"
#include "tool_common.hpp"

#include <boost/program_options.hpp>
#include <nlohmann/json.hpp>

#include <filesystem>
#include <iostream>

namespace po = boost::program_options;
using namespace cvc;

namespace {

constexpr const char* kProgram = "cvconvert";

constexpr const char* kUsage =
    "Usage: cvconvert COMMAND [options] [ARGUMENTS]\n"
    "\n"
    "Commands:\n"
    "  build CV -o DIR   write the CV in every format into DIR\n"
    "  validate CV...    check CVs and print every problem found\n"
    "  new \"Full Name\"   write a starter CV (Full_Name_CV.yaml)\n"
    "  schema            print the JSON Schema of the CV format\n"
    "\n"
    "Run 'cvconvert COMMAND --help' for the options of a command.\n"
    "Options: -h, --help print this help; --version print the version.\n";

// Checks each CV and prints all its diagnostics. Returns 0 when every CV
// is valid, 3 when one cannot be read, else 1.
int run_validate(int argc, char** argv) {
  tool::CommonOptions common;
  tool::CommandShape shape;
  shape.argument_name = "CV";
  shape.argument_help = "one or more CV files, or - for standard input";
  shape.max_arguments = -1;
  shape.takes_output = false;
  std::vector<std::string> inputs;
  po::options_description specific("Validate options");
  if (std::optional<int> done = tool::parse_command_line(
          argc, argv, "cvconvert validate",
          "Usage: cvconvert validate [options] CV...\n\n"
          "Checks each CV (RenderCV YAML) and prints every problem found, not\n"
          "only the first. Prints nothing when all are valid. '-' reads\n"
          "standard input.",
          specific, shape, common, inputs))
    return *done;

  bool invalid = false;
  bool unreadable = false;
  for (const std::string& input : inputs) {
    std::string shown = input == "-" ? "<stdin>" : input;
    std::string content;
    std::string error;
    if (!read_input(input, content, error, common.limits.max_input_bytes)) {
      std::cerr << shown << ": error: " << error << '\n';
      unreadable = true;
      continue;
    }
    Diagnostics diagnostics(shown, content);
    if (is_json_resume(input, content)) {
      if (!tool::input_within_limit(shown, content, common.limits)) {
        invalid = true;
        continue;
      }
      read_json_resume(diagnostics, common.limits);
    } else {
      read_cv(diagnostics, common.limits);
    }
    if (!tool::finish_diagnostics(diagnostics, common.verbosity))
      invalid = true;
    else if (common.verbosity.verbose)
      std::cerr << shown << ": valid\n";
  }
  if (unreadable)
    return tool::kIoError;
  return invalid ? tool::kInvalidCv : tool::kSuccess;
}

// RenderCV's file name for a new CV: the name with spaces as underscores,
// then `_CV.yaml`. Characters that a file name cannot hold become `_` too.
std::string starter_file_name(const std::string& name) {
  std::string file;
  for (char c : name) {
    bool unsafe =
        std::string_view("/\\:*?\"<>|").find(c) != std::string_view::npos ||
        static_cast<unsigned char>(c) <= ' ';
    file += unsafe ? '_' : c;
  }
  return file + "_CV.yaml";
}

int run_new(int argc, char** argv) {
  tool::CommonOptions common;
  tool::CommandShape shape;
  shape.argument_name = "NAME";
  shape.argument_help = "your full name, quoted: \"Ada Lovelace\"";
  shape.output_help = "write to FILE instead of NAME_CV.yaml (- for "
                      "standard output)";
  bool force = false;
  std::vector<std::string> arguments;
  po::options_description specific("New options");
  specific.add_options()("force", po::bool_switch(&force),
                         "overwrite FILE if it exists");
  if (std::optional<int> done = tool::parse_command_line(
          argc, argv, "cvconvert new",
          "Usage: cvconvert new [options] NAME\n\n"
          "Writes a starter CV for NAME that builds as it is into every\n"
          "format, to NAME_CV.yaml with spaces as underscores\n"
          "(Ada_Lovelace_CV.yaml). An existing file is kept unless --force.",
          specific, shape, common, arguments))
    return *done;

  const std::string& name = arguments.front();
  std::string quoted_name;
  try {
    // A JSON string is a YAML double-quoted scalar, so any name stays one
    // value with the exact characters typed.
    quoted_name = nlohmann::json(name).dump();
  } catch (const nlohmann::json::exception&) {
    tool::print_error("cvconvert new", "invalid NAME: it is not UTF-8");
    return tool::kUsageError;
  }
  if (name.find_first_not_of(" \t") == std::string::npos) {
    tool::print_error("cvconvert new", "invalid NAME: it is empty");
    return tool::kUsageError;
  }
  std::string output =
      common.output.empty() ? starter_file_name(name) : common.output;

  cvc::TemplateData data;
  data.set("name", quoted_name);
  data.set("file", output == "-" ? std::string("cv.yaml") : output);
  data.set("schema", std::string(CVCONVERT_SCHEMA_URL));
  std::string error;
  std::optional<std::string> text =
      render_template(std::string(builtin_templates().at("starter/cv.yaml")),
                      data, "starter/cv.yaml", error);
  if (!text) {
    tool::print_error("cvconvert new", "internal error: " + error);
    return tool::kIoError;
  }

  std::error_code code;
  if (output != "-" && !force && std::filesystem::exists(output, code)) {
    tool::print_error("cvconvert new",
                      "cannot write " + output +
                          ": the file exists\n  pass --force to overwrite "
                          "it, or -o to choose another file");
    return tool::kIoError;
  }
  int status = tool::write_output("cvconvert new", output, *text);
  if (status == tool::kSuccess && common.verbosity.verbose && output != "-")
    std::cerr << "cvconvert new: wrote " << output << '\n';
  return status;
}

int run_schema(int argc, char** argv) {
  tool::CommonOptions common;
  tool::CommandShape shape;
  shape.max_arguments = 0;
  shape.argument_required = false;
  std::vector<std::string> arguments;
  po::options_description specific("Schema options");
  if (std::optional<int> done = tool::parse_command_line(
          argc, argv, "cvconvert schema",
          "Usage: cvconvert schema [options]\n\n"
          "Prints the JSON Schema (draft-07) of the CV format, for editors\n"
          "and validators.",
          specific, shape, common, arguments))
    return *done;
  return tool::write_output("cvconvert schema", common.output,
                            std::string(cv_json_schema()));
}

int run(int argc, char** argv) {
  if (argc < 2) {
    tool::print_error(kProgram, "missing COMMAND (build, validate, new or "
                                "schema)\n  run 'cvconvert --help' for "
                                "usage");
    return tool::kUsageError;
  }
  std::string_view command = argv[1];
  if (command == "-h" || command == "--help") {
    std::cout << kUsage << '\n' << tool::kExitCodeHelp;
    return tool::kSuccess;
  }
  if (command == "--version") {
    std::cout << kProgram << ' ' << CVCONVERT_VERSION << '\n';
    return tool::kSuccess;
  }

  // Each command parses the rest, with its name as argv[0].
  if (command == "build")
    return tool::run_build(argc - 1, argv + 1);
  if (command == "validate")
    return run_validate(argc - 1, argv + 1);
  if (command == "new")
    return run_new(argc - 1, argv + 1);
  if (command == "schema")
    return run_schema(argc - 1, argv + 1);

  std::string suggestion =
      nearest_word(command, {"build", "validate", "new", "schema"});
  tool::print_error(kProgram,
                    "unknown command '" + std::string(command) + "'\n  " +
                        (suggestion.empty()
                             ? std::string("run 'cvconvert --help' for the "
                                           "commands")
                             : "did you mean '" + suggestion + "'?"));
  return tool::kUsageError;
}

} // namespace

int main(int argc, char** argv) {
  return tool::run_tool(kProgram, run, argc, argv);
}
