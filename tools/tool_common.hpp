// What every command-line tool shares: exit codes, diagnostics on stderr,
// reading the CV and writing outputs.
#pragma once

#include "diagnostics.hpp"
#include "model.hpp"
#include "reader.hpp"

#include <boost/program_options.hpp>

#include <optional>
#include <string>
#include <vector>

namespace cvc::tool {

/// Exit codes, the same for every tool.
enum ExitCode : int {
  kSuccess = 0,
  kInvalidCv = 1,
  kUsageError = 2,
  kIoError = 3,
  kTexFailed = 4,
};

constexpr const char* kExitCodeHelp =
    "Exit status: 0 success, 1 invalid CV, 2 usage error, 3 I/O error,\n"
    "4 TeX failed.\n";

struct Verbosity {
  bool quiet = false;
  bool verbose = false;
  bool strict = false;
};

/// The options every converter shares: INPUT, -o, --strict, --quiet,
/// --verbose, --help and --version.
struct CommonOptions {
  std::string input;
  std::string output;
  Verbosity verbosity;
  ReadLimits limits;
};

/// Parses a converter's command line: `usage` heads --help, `specific`
/// holds the tool's own options. Returns an exit code when the tool should
/// stop (after --help, --version or a usage error), else nothing.
std::optional<int>
parse_command_line(int argc, char** argv, const std::string& program,
                   const std::string& usage,
                   const boost::program_options::options_description& specific,
                   CommonOptions& common);

/// What a command takes besides the common options, for commands whose
/// arguments are not one INPUT (`cvconvert validate CV...`).
struct CommandShape {
  /// The name of the positional arguments in messages (`INPUT`, `NAME`).
  std::string argument_name = "INPUT";
  /// What the positional argument is, for the message when it is missing.
  std::string argument_help = "a CV file, or - for standard input";
  /// How many positional arguments the command takes at most; -1 for any.
  int max_arguments = 1;
  /// Whether at least one positional argument is required.
  bool argument_required = true;
  /// Whether the command takes `-o`, and the name and help of its value.
  bool takes_output = true;
  std::string output_name = "FILE";
  std::string output_help = "write to FILE instead of standard output";
};

/// Parses a command line of the given shape into `common` and
/// `arguments` (the positional arguments). Returns an exit code when the
/// command should stop, else nothing.
std::optional<int>
parse_command_line(int argc, char** argv, const std::string& program,
                   const std::string& usage,
                   const boost::program_options::options_description& specific,
                   const CommandShape& shape, CommonOptions& common,
                   std::vector<std::string>& arguments);

/// Runs a tool's main function, turning an escaped exception into an
/// internal error message and exit status 3.
int run_tool(const std::string& program, int (*run)(int, char**), int argc,
             char** argv);

/// Prints the diagnostics to stderr, in colour on a terminal unless
/// NO_COLOR is set. Warnings are left out with `quiet`.
void print_diagnostics(const Diagnostics& diagnostics,
                       const Verbosity& verbosity);

/// Prints `program: error: message` to stderr.
void print_error(const std::string& program, const std::string& message);

/// Prints `program: warning: message` to stderr, unless `quiet`.
void print_warning(const std::string& program, const std::string& message,
                   const Verbosity& verbosity);

/// Rejects a --template-dir argument that is not a folder, so that a
/// misspelt folder is an error instead of a silent use of the built-in
/// templates. Throws boost::program_options::error, for the option parser.
void require_template_folder(const std::string& path);

/// Returns whether `content` fits the input limit, else prints the size
/// error for the input named `display_name`. The YAML reader checks YAML
/// itself, and JSON Resume needs this check before its parser runs.
bool input_within_limit(const std::string& display_name,
                        const std::string& content, const ReadLimits& limits);

/// Prepares the heap for a CV of `input_bytes` bytes. For a CV of 256 KiB
/// or more, glibc's heap grows at once by about 32 times the CV's size, in
/// 2 MiB pages where the kernel allows, and keeps what is freed. Mapping
/// that memory 4 KiB at a time took a sixth of the run on 1,200 entries.
void prepare_heap(size_t input_bytes);

/// Prepares the calling thread's heap, as prepare_heap did the main one.
void prepare_thread_heap();

/// Returns whether prepare_heap saw a CV large enough to prepare for.
bool large_input();

/// Reads and validates a CV from a file or `-` (stdin). On failure prints
/// the diagnostics and sets `exit_code`.
std::optional<Cv> load_cv(const std::string& input, Diagnostics& diagnostics,
                          const Verbosity& verbosity, int& exit_code,
                          const ReadLimits& limits = {});

/// Writes `content` to `output` (atomically) or to stdout for `-` or an
/// empty name. Returns an exit code.
int write_output(const std::string& program, const std::string& output,
                 const std::string& content);

/// Finishes a run: with --strict, warnings become errors. Prints the
/// diagnostics and returns whether the run may go on to write outputs.
bool finish_diagnostics(Diagnostics& diagnostics, const Verbosity& verbosity);

} // namespace cvc::tool
