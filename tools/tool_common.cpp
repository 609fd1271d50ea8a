#include "tool_common.hpp"

#include "json_reader.hpp"
#include "output_file.hpp"
#include "reader.hpp"

#include <algorithm>
#include <csignal>
#include <cstdio>
#include <cstdlib>
#include <filesystem>
#include <iostream>
#include <thread>

#include <malloc.h>
#include <sys/mman.h>
#include <unistd.h>

namespace cvc::tool {

namespace {

// The bytes that the CV being built allocates, estimated from its size, or
// 0 for a small CV.
size_t& expected_heap() {
  static size_t bytes = 0;
  return bytes;
}

#ifdef __GLIBC__
constexpr size_t kHugePage = 2 * 1024 * 1024;

// Asks the kernel to back [first, last) with 2 MiB pages, where whole ones
// fit.
void use_huge_pages(uintptr_t first, uintptr_t last) {
  first = (first + kHugePage - 1) & ~(kHugePage - 1);
  last &= ~(kHugePage - 1);
  if (last > first)
    madvise(reinterpret_cast<void*>(first), last - first, MADV_HUGEPAGE);
}
#endif

// The input of this run, so that an output never overwrites it.
std::string& last_input_name() {
  static std::string name;
  return name;
}

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
  if (size_t dropped = diagnostics.dropped_errors())
    std::cerr << diagnostics.file_name() << ": error: " << dropped
              << " more errors not shown\n";
  if (size_t dropped = diagnostics.dropped_warnings();
      dropped > 0 && !verbosity.quiet)
    std::cerr << diagnostics.file_name() << ": warning: " << dropped
              << " more warnings not shown\n";
}

void print_error(const std::string& program, const std::string& message) {
  std::cerr << program << ": error: " << message << '\n';
}

void print_warning(const std::string& program, const std::string& message,
                   const Verbosity& verbosity) {
  if (!verbosity.quiet)
    std::cerr << program << ": warning: " << message << '\n';
}

const std::string& last_input() {
  return last_input_name();
}

void prepare_heap(size_t input_bytes) {
#ifdef __GLIBC__
  constexpr size_t kLargeInput = 256 * 1024;
  if (input_bytes < kLargeInput)
    return;
  // Measured: a CV of 1.2 MB peaks at 42 MB resident, 35 times its size.
  expected_heap() = std::min<size_t>(input_bytes * 32, 512 * kHugePage);
  mallopt(M_MMAP_THRESHOLD, 256 * 1024 * 1024);
  mallopt(M_TRIM_THRESHOLD, 512 * 1024 * 1024);
  auto start = reinterpret_cast<uintptr_t>(sbrk(0));
  // A volatile pointer, so that the compiler keeps the pair of calls.
  void* volatile block = malloc(expected_heap());
  free(block);
  use_huge_pages(start, reinterpret_cast<uintptr_t>(sbrk(0)));
#else
  (void)input_bytes;
#endif
}

bool large_input() {
  return expected_heap() > 0;
}

void prepare_thread_heap() {
#ifdef __GLIBC__
  if (expected_heap() == 0)
    return;
  // glibc gives each thread an arena of its own, in a mapping of 64 MiB
  // aligned to its size, which grows by mprotect.
  constexpr uintptr_t kArenaHeap = 64 * 1024 * 1024;
  void* volatile block =
      malloc(std::min<size_t>(expected_heap(), kArenaHeap / 2));
  auto heap = reinterpret_cast<uintptr_t>(block) & ~(kArenaHeap - 1);
  free(block);
  if (heap != 0)
    use_huge_pages(heap, heap + kArenaHeap);
#endif
}

void require_template_folder(const std::string& path) {
  std::error_code code;
  if (!std::filesystem::is_directory(path, code))
    throw boost::program_options::error(
        "the template folder '" + path +
        "' does not exist or is not a folder (--template-dir)");
}

bool input_within_limit(const std::string& display_name,
                        const std::string& content, const ReadLimits& limits) {
  if (content.size() <= limits.max_input_bytes)
    return true;
  std::cerr << display_name
            << ":1:1: error: input is larger than the maximum of "
            << limits.max_input_bytes
            << " bytes\n  raise the limit with --max-input-size\n";
  return false;
}

std::optional<Cv> load_cv(const std::string& input, Diagnostics& diagnostics,
                          const Verbosity& verbosity, int& exit_code,
                          const ReadLimits& limits) {
  last_input_name() = input;
  std::string content;
  std::string error;
  if (!read_input(input, content, error, limits.max_input_bytes)) {
    std::cerr << (input == "-" ? "<stdin>" : input) << ": error: " << error
              << '\n';
    exit_code = kIoError;
    return std::nullopt;
  }
  std::string display_name = input == "-" ? "<stdin>" : input;
  // The YAML reader checks the size itself. JSON Resume is checked here,
  // before its parser meets the cut end of an input over the limit.
  bool json = is_json_resume(input, content);
  if (json && !input_within_limit(display_name, content, limits)) {
    exit_code = kInvalidCv;
    return std::nullopt;
  }
  prepare_heap(content.size());
  diagnostics = Diagnostics(display_name, std::move(content));
  std::optional<Cv> cv = json ? read_json_resume(diagnostics, limits)
                              : read_cv(diagnostics, limits);
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
  if (!output.empty() && output != "-" && !last_input().empty() &&
      last_input() != "-" && same_file(last_input(), output)) {
    print_error(program, "the output " + output +
                             " is the input file; choose another -o");
    return kUsageError;
  }
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

std::optional<int>
parse_command_line(int argc, char** argv, const std::string& program,
                   const std::string& usage,
                   const boost::program_options::options_description& specific,
                   CommonOptions& common) {
  std::vector<std::string> arguments;
  std::optional<int> done = parse_command_line(
      argc, argv, program, usage, specific, CommandShape{}, common, arguments);
  if (!done)
    common.input = arguments.front();
  return done;
}

std::optional<int>
parse_command_line(int argc, char** argv, const std::string& program,
                   const std::string& usage,
                   const boost::program_options::options_description& specific,
                   const CommandShape& shape, CommonOptions& common,
                   std::vector<std::string>& arguments) {
  namespace po = boost::program_options;
  // A large CV's summaries are parsed on every core.
  common.limits.max_threads = std::max(1u, std::thread::hardware_concurrency());
  po::options_description general("Common options");
  general.add_options()                      //
      ("help,h", "print this help and exit") //
      ("version", "print the version and exit");
  if (shape.takes_output)
    general.add_options()(
        "output,o", po::value(&common.output)->value_name(shape.output_name),
        shape.output_help.c_str());
  general.add_options() //
      ("max-input-size",
       po::value(&common.limits.max_input_bytes)
           ->default_value(common.limits.max_input_bytes)
           ->value_name("BYTES"),
       "reject inputs larger than this") //
      ("strict", po::bool_switch(&common.verbosity.strict),
       "treat warnings as errors") //
      ("quiet,q", po::bool_switch(&common.verbosity.quiet),
       "print no warnings") //
      ("verbose,v", po::bool_switch(&common.verbosity.verbose),
       "print what the tool does");
  po::options_description visible(usage + "\n\nOptions");
  visible.add(specific).add(general);
  po::options_description hidden;
  hidden.add_options()("arguments", po::value(&arguments)->composing());
  po::options_description all;
  all.add(visible).add(hidden);
  po::positional_options_description positional;
  positional.add("arguments", shape.max_arguments);

  std::string help_hint = "\n  run '" + program + " --help' for usage";
  po::variables_map vm;
  try {
    po::store(po::command_line_parser(argc, argv)
                  .options(all)
                  .positional(positional)
                  .run(),
              vm);
    po::notify(vm);
  } catch (const po::error& e) {
    print_error(program, std::string(e.what()) + help_hint);
    return kUsageError;
  }
  if (vm.count("help")) {
    std::cout << visible << '\n' << kExitCodeHelp;
    return kSuccess;
  }
  if (vm.count("version")) {
    std::cout << program << ' ' << CVCONVERT_VERSION << '\n';
    return kSuccess;
  }
  if (arguments.empty() && shape.argument_required) {
    print_error(program, "missing " + shape.argument_name + " (" +
                             shape.argument_help + ")" + help_hint);
    return kUsageError;
  }
  return std::nullopt;
}

int run_tool(const std::string& program, int (*run)(int, char**), int argc,
             char** argv) {
  try {
    return run(argc, argv);
  } catch (const std::exception& e) {
    print_error(program, std::string("internal error: ") + e.what());
    return kIoError;
  }
}

} // namespace cvc::tool
