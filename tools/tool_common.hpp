// What every command-line tool shares: exit codes, diagnostics on stderr,
// reading the CV and writing outputs.
#pragma once

#include "diagnostics.hpp"
#include "model.hpp"

#include <optional>
#include <string>

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

/// Prints the diagnostics to stderr, in colour on a terminal unless
/// NO_COLOR is set. Warnings are left out with `quiet`.
void print_diagnostics(const Diagnostics& diagnostics,
                       const Verbosity& verbosity);

/// Prints `program: error: message` to stderr.
void print_error(const std::string& program, const std::string& message);

/// Reads and validates a CV from a file or `-` (stdin). On failure prints
/// the diagnostics and sets `exit_code`.
std::optional<Cv> load_cv(const std::string& input, Diagnostics& diagnostics,
                          const Verbosity& verbosity, int& exit_code);

/// Writes `content` to `output` (atomically) or to stdout for `-` or an
/// empty name. Returns an exit code.
int write_output(const std::string& program, const std::string& output,
                 const std::string& content);

/// Finishes a run: with --strict, warnings become errors. Prints the
/// diagnostics and returns whether the run may go on to write outputs.
bool finish_diagnostics(Diagnostics& diagnostics, const Verbosity& verbosity);

} // namespace cvc::tool
