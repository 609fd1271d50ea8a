#include "tool_common.hpp"

#include "output_file.hpp"
#include "reader.hpp"

#include <csignal>
#include <cstdio>
#include <cstdlib>
#include <iostream>

#include <unistd.h>

namespace cvc::tool {

namespace {

bool use_color() {
  const char* no_color = std::getenv("NO_COLOR");
  if (no_color && *no_color)
    return false;
  return isatty(STDERR_FILENO) != 0;
}

} // namespace

void print_diagnostics(const Diagnostics& diagnostics,
                       const Verbosity& verbosity) {
  bool color = use_color();
  for (const Diagnostic& d : diagnostics.all()) {
    if (d.severity == Severity::Warning && verbosity.quiet)
      continue;
    std::cerr << format_diagnostic(d, diagnostics.file_name(),
                                   diagnostics.source(), color);
  }
}

void print_error(const std::string& program, const std::string& message) {
  std::cerr << program << ": error: " << message << '\n';
}

std::optional<Cv> load_cv(const std::string& input, Diagnostics& diagnostics,
                          const Verbosity& verbosity, int& exit_code) {
  std::string content;
  std::string error;
  if (!read_input(input, content, error)) {
    std::cerr << (input == "-" ? "<stdin>" : input) << ": error: " << error
              << '\n';
    exit_code = kIoError;
    return std::nullopt;
  }
  diagnostics = Diagnostics(input == "-" ? "<stdin>" : input, content);
  std::optional<Cv> cv = read_cv(diagnostics);
  if (!cv) {
    print_diagnostics(diagnostics, verbosity);
    exit_code = kInvalidCv;
    return std::nullopt;
  }
  return cv;
}

bool finish_diagnostics(Diagnostics& diagnostics, const Verbosity& verbosity) {
  if (verbosity.strict)
    diagnostics.make_warnings_errors();
  print_diagnostics(diagnostics, verbosity);
  return !diagnostics.has_errors();
}

int write_output(const std::string& program, const std::string& output,
                 const std::string& content) {
  if (output.empty() || output == "-") {
    // A closed pipe (`| head`) ends the tool quietly.
    std::signal(SIGPIPE, SIG_DFL);
    std::fwrite(content.data(), 1, content.size(), stdout);
    if (std::fflush(stdout) != 0) {
      print_error(program, "cannot write to standard output");
      return kIoError;
    }
    return kSuccess;
  }
  std::string error = write_file_atomically(output, content);
  if (!error.empty()) {
    print_error(program, error);
    return kIoError;
  }
  return kSuccess;
}

} // namespace cvc::tool
