// cvconvert build: reads a CV once and writes every output format into
// one folder, all of them or none.
#include "cvconvert.hpp"

#include "latex_compile.hpp"
#include "latex_writer.hpp"
#include "markdown_writer.hpp"
#include "output_file.hpp"
#include "tool_common.hpp"
#include "writers.hpp"

#include <boost/program_options.hpp>

#include <algorithm>
#include <atomic>
#include <exception>
#include <filesystem>
#include <iostream>
#include <map>
#include <set>
#include <sstream>
#include <system_error>
#include <thread>

#include <sys/wait.h>
#include <unistd.h>

namespace po = boost::program_options;
namespace fs = std::filesystem;

namespace cvc::tool {

namespace {

constexpr const char* kBuild = "cvconvert build";

// The name of the PDF in --formats: it needs the LaTeX writer's output but
// not cv.tex.
constexpr std::string_view kPdf = "pdf";

struct BuildOptions {
  std::vector<std::string> formats;
  bool pdf = true;
  std::string site;
  std::string template_dir;
  bool force = false;
  int timeout = 60;
};

// One file to write: its path and content.
struct Output {
  std::string path;
  std::string content;
};

std::string format_names() {
  std::string names;
  for (const OutputFormat& format : output_formats())
    names += std::string(format.name) + ", ";
  return names + std::string(kPdf);
}

// Splits --formats (`latex,markdown`) and checks each name. Returns false
// after printing the error for an unknown name.
bool parse_formats(const std::string& list, std::vector<std::string>& out) {
  std::stringstream stream(list);
  std::string name;
  while (std::getline(stream, name, ',')) {
    name.erase(0, name.find_first_not_of(' '));
    name.erase(name.find_last_not_of(' ') + 1);
    if (name.empty())
      continue;
    if (name != kPdf && !find_output_format(name)) {
      print_error(kBuild, "invalid --formats name '" + name +
                              "': valid names are " + format_names());
      return false;
    }
    out.push_back(name);
  }
  if (out.empty()) {
    print_error(kBuild,
                "--formats names no format: valid names are " + format_names());
    return false;
  }
  return true;
}

bool selected(const std::vector<std::string>& formats, std::string_view name) {
  return std::find(formats.begin(), formats.end(), name) != formats.end();
}

// Returns whether `program` is an executable file in a folder of PATH.
bool on_path(const std::string& program) {
  const char* path = std::getenv("PATH");
  if (!path)
    return false;
  std::stringstream folders(path);
  std::string folder;
  while (std::getline(folders, folder, ':')) {
    fs::path candidate = fs::path(folder.empty() ? "." : folder) / program;
    if (::access(candidate.c_str(), X_OK) == 0)
      return true;
  }
  return false;
}

std::string template_dir_for(const BuildOptions& options,
                             std::string_view format) {
  if (options.template_dir.empty())
    return {};
  return (fs::path(options.template_dir) / format).string();
}

// One writer's run: its result and diagnostics, kept apart so that the
// writers can run at the same time.
struct WriterRun {
  const OutputFormat* format = nullptr;
  std::optional<std::string> text;
  std::optional<LatexDocument> latex;
  Diagnostics diagnostics;
  std::exception_ptr failure;
};

// Below this many entries, starting threads costs more than the writers
// save by sharing the cores (measured: the reference CV of 14 entries took
// 0.2 ms longer with four threads).
constexpr size_t kParallelEntries = 100;

// Runs every selected writer into memory. The writers only read the CV, so
// for a large CV each core takes the next writer not yet started. Returns
// false when one failed, and its diagnostics give the reason. Diagnostics
// are added in the order of the formats, as a serial run adds them.
bool write_formats(const Cv& cv, const BuildOptions& options,
                   const std::string& source_name, const std::string& folder,
                   Diagnostics& diagnostics, std::vector<Output>& outputs,
                   std::optional<LatexDocument>& latex) {
  bool want_pdf = options.pdf && selected(options.formats, kPdf);
  std::vector<WriterRun> runs;
  for (const OutputFormat& format : output_formats()) {
    bool is_latex = format.name == "latex";
    if (selected(options.formats, format.name) || (is_latex && want_pdf))
      runs.emplace_back().format = &format;
  }
  auto run = [&](WriterRun& writer) {
    try {
      if (writer.format->name == "latex") {
        // The PDF needs the document's engine and scripts, which the
        // registry's writer function does not return.
        LatexOptions latex_options;
        latex_options.template_dir = template_dir_for(options, "latex");
        latex_options.source_name = source_name;
        writer.latex = write_latex(cv, latex_options, writer.diagnostics);
        // The document's text is copied only when the PDF needs it too.
        if (writer.latex && want_pdf)
          writer.text = writer.latex->text;
        else if (writer.latex)
          writer.text = std::move(writer.latex->text);
      } else {
        WriteOptions write_options;
        write_options.template_dir =
            template_dir_for(options, writer.format->name);
        write_options.source_name = source_name;
        writer.text =
            writer.format->write(cv, write_options, writer.diagnostics);
      }
    } catch (...) {
      writer.failure = std::current_exception();
    }
  };
  size_t entries = 0;
  for (const Section& section : cv.sections)
    entries += section.entries.size();
  size_t workers = 1;
  if (entries >= kParallelEntries)
    workers = std::min<size_t>(
        runs.size(), std::max(1u, std::thread::hardware_concurrency()));
  // The slowest writers start first, so that the last one to start is
  // short: LaTeX, Markdown, HTML, then JSON (measured on 1,200 entries).
  std::vector<WriterRun*> order;
  for (std::string_view name : {"latex", "markdown", "html", "json"})
    for (WriterRun& writer : runs)
      if (writer.format->name == name)
        order.push_back(&writer);
  for (WriterRun& writer : runs)
    if (std::find(order.begin(), order.end(), &writer) == order.end())
      order.push_back(&writer);
  std::atomic<size_t> next{0};
  auto work = [&] {
    for (size_t i = next++; i < order.size(); i = next++)
      run(*order[i]);
  };
  std::vector<std::thread> threads;
  for (size_t i = 1; i < workers; ++i) {
    try {
      threads.emplace_back([&] {
        prepare_thread_heap();
        work();
      });
    } catch (const std::system_error&) {
      // No thread to be had: this one runs the writers left.
      break;
    }
  }
  work();
  for (std::thread& thread : threads)
    thread.join();

  bool ok = true;
  for (WriterRun& writer : runs) {
    if (writer.failure)
      std::rethrow_exception(writer.failure);
    diagnostics.append(std::move(writer.diagnostics));
    if (writer.latex)
      latex = std::move(writer.latex);
    if (!writer.text) {
      ok = false;
      continue;
    }
    if (!selected(options.formats, writer.format->name))
      continue;
    outputs.push_back(
        {(fs::path(folder) / ("cv." + std::string(writer.format->extension)))
             .string(),
         std::move(*writer.text)});
  }
  return ok;
}

// Writes the academicpages page, collection items and, when the registry
// has a JSON format with an academicpages flavour, _data/cv.json.
bool write_site(const Cv& cv, const BuildOptions& options,
                const std::string& source_name, const Verbosity& verbosity,
                Diagnostics& diagnostics, std::vector<Output>& page_outputs,
                std::vector<CollectionFile>& items) {
  MarkdownOptions markdown;
  markdown.flavor = MarkdownFlavor::Academicpages;
  markdown.template_dir = template_dir_for(options, "markdown");
  std::optional<std::string> page = write_markdown(cv, markdown, diagnostics);
  std::optional<std::vector<CollectionFile>> collection_files =
      write_collections(cv, markdown, diagnostics);
  bool ok = page && collection_files;
  if (page)
    page_outputs.push_back(
        {(fs::path(options.site) / "_pages" / "cv.md").string(),
         std::move(*page)});
  if (collection_files)
    items = std::move(*collection_files);

  const OutputFormat* json = find_output_format("json");
  if (!json) {
    // NOTE: --strict leaves this a warning, since it is about this build
    // of cvconvert and not about the CV.
    print_warning(kBuild,
                  "_data/cv.json not written: this build of cvconvert has "
                  "no JSON writer",
                  verbosity);
    return ok;
  }
  WriteOptions write_options;
  write_options.flavor = "academicpages";
  write_options.template_dir = template_dir_for(options, "json");
  write_options.source_name = source_name;
  std::optional<std::string> data = json->write(cv, write_options, diagnostics);
  if (!data)
    return false;
  page_outputs.push_back(
      {(fs::path(options.site) / "_data" / "cv.json").string(),
       std::move(*data)});
  return ok;
}

// Compiles the LaTeX document into `pdf`. Returns an exit code.
int compile_pdf(const LatexDocument& document, const BuildOptions& options,
                const Verbosity& verbosity, const std::string& pdf_path,
                const std::string& fingerprint, std::string& pdf) {
  auto report_missing = [](const std::vector<TexRequirement>& missing) {
    std::string message = "cannot compile cv.pdf: TeX files are missing:";
    for (const TexRequirement& requirement : missing)
      message += "\n  " + requirement.file + " (Debian package " +
                 requirement.package + ")";
    message += "\n  install them, or pass --no-pdf to skip the PDF";
    print_error(kBuild, message);
  };
  std::vector<TexRequirement> missing =
      missing_tex_files(document.scripts, document.engine, false);
  if (!missing.empty()) {
    report_missing(missing);
    return kTexFailed;
  }
  if (verbosity.verbose)
    std::cerr << kBuild << ": running " << document.engine << '\n';
  CompileOptions compile;
  compile.engine = document.engine;
  compile.timeout_seconds = options.timeout;
  compile.aux_cache = aux_cache_path(pdf_path);
  CompileResult result = compile_latex(
      with_fingerprint(document.text, document.engine, fingerprint), compile);
  if (!result.ok) {
    // A missing class or package is the likely cause; name its package.
    missing = missing_tex_files(document.scripts, document.engine);
    if (missing.empty())
      print_error(kBuild, "cannot compile cv.pdf: " + result.error);
    else
      report_missing(missing);
    return kTexFailed;
  }
  pdf = std::move(result.pdf);
  return kSuccess;
}

// Stages the collection items that may be written: an item edited by hand
// is kept (and named) unless --force, as cv2md --collections does.
std::string stage_items(const std::vector<CollectionFile>& items,
                        const BuildOptions& options, const Verbosity& verbosity,
                        StagedOutputs& staged) {
  for (const CollectionFile& item : items) {
    std::string path = (fs::path(options.site) / item.path).string();
    std::error_code code;
    if (fs::exists(path, code)) {
      std::string existing;
      std::string error;
      if (!read_input(path, existing, error))
        return error;
      if (existing == item.content) {
        if (verbosity.verbose)
          std::cerr << kBuild << ": unchanged " << path << '\n';
        continue;
      }
      if (!options.force && !is_unchanged_generated_file(existing)) {
        std::cerr << kBuild << ": skipped " << path
                  << ": it was changed since cvconvert wrote it (use --force "
                     "to overwrite it)\n";
        continue;
      }
    }
    std::string error = staged.stage(path, item.content);
    if (!error.empty())
      return error;
  }
  return {};
}

// Builds several CVs, each into DIR/NAME (NAME from the CV's file name), as
// child processes of this program, as many at a time as there are cores.
// The child gets this command line with one CV and its own -o. Returns the
// highest exit status of the children.
int build_many(int argc, char** argv, const std::vector<std::string>& cvs,
               const CommonOptions& common) {
  std::vector<std::string> shared;
  for (int i = 1; i < argc; ++i) {
    std::string_view arg = argv[i];
    if (arg == "-o" || arg == "--output") {
      ++i;
      continue;
    }
    if (arg.rfind("--output=", 0) == 0 ||
        (arg.rfind("-o", 0) == 0 && arg.size() > 2 && arg[2] != '-'))
      continue;
    if (std::find(cvs.begin(), cvs.end(), arg) != cvs.end())
      continue;
    shared.emplace_back(arg);
  }
  std::set<std::string> names;
  for (const std::string& cv : cvs) {
    if (cv == "-") {
      print_error(kBuild, "standard input ('-') can only be built alone");
      return kUsageError;
    }
    if (!names.insert(fs::path(cv).stem().string()).second) {
      print_error(kBuild, "two CVs are named '" + fs::path(cv).stem().string() +
                              "': each is built into DIR/NAME, so names must "
                              "differ");
      return kUsageError;
    }
  }

  std::string self = fs::read_symlink("/proc/self/exe").string();
  unsigned workers = std::max(1u, std::thread::hardware_concurrency());
  std::map<pid_t, std::string> running;
  int worst = kSuccess;
  size_t next = 0;
  auto wait_one = [&] {
    int status = 0;
    pid_t pid = waitpid(-1, &status, 0);
    if (pid <= 0)
      return;
    int code = WIFEXITED(status) ? WEXITSTATUS(status) : kIoError;
    worst = std::max(worst, code);
    if (code != kSuccess)
      std::cerr << kBuild << ": " << running[pid] << " failed (exit status "
                << code << ")\n";
    running.erase(pid);
  };
  while (next < cvs.size() || !running.empty()) {
    while (next < cvs.size() && running.size() < workers) {
      const std::string& cv = cvs[next++];
      std::string folder =
          (fs::path(common.output) / fs::path(cv).stem()).string();
      std::vector<std::string> args = {self, "build"};
      args.insert(args.end(), shared.begin(), shared.end());
      args.insert(args.end(), {cv, "-o", folder});
      std::vector<char*> child_argv;
      for (std::string& arg : args)
        child_argv.push_back(arg.data());
      child_argv.push_back(nullptr);
      pid_t pid = fork();
      if (pid == 0) {
        execv(self.c_str(), child_argv.data());
        _exit(kIoError);
      }
      if (pid < 0) {
        print_error(kBuild, "cannot start a build process");
        return kIoError;
      }
      running[pid] = cv;
    }
    wait_one();
  }
  return worst;
}

} // namespace

int run_build(int argc, char** argv) {
  CommonOptions common;
  CommandShape shape;
  shape.argument_name = "CV";
  shape.max_arguments = -1;
  shape.output_name = "DIR";
  shape.output_help = "the folder to write cv.tex, cv.pdf, cv.md, cv.html "
                      "and the other formats into (required; created if "
                      "missing)";
  BuildOptions options;
  std::string formats;
  bool no_pdf = false;
  std::vector<std::string> arguments;

  po::options_description specific("Build options");
  specific.add_options() //
      ("formats", po::value(&formats)->value_name("LIST"),
       ("the formats to write, separated by commas, from: " + format_names() +
        " (default: all)")
           .c_str()) //
      ("no-pdf", po::bool_switch(&no_pdf),
       "do not compile cv.pdf (no TeX run)") //
      ("academicpages", po::value(&options.site)->value_name("SITE"),
       "also write the academicpages site files into the site folder SITE: "
       "_pages/cv.md, the collection items and _data/cv.json") //
      ("force", po::bool_switch(&options.force),
       "with --academicpages, overwrite collection items changed by hand") //
      ("template-dir",
       po::value(&options.template_dir)
           ->value_name("DIR")
           ->notifier(require_template_folder),
       "use your copies of the templates in DIR/latex, DIR/markdown, "
       "DIR/html where they exist") //
      ("timeout",
       po::value(&options.timeout)->default_value(60)->value_name("SECONDS"),
       "seconds before a TeX run is stopped");
  if (std::optional<int> done = parse_command_line(
          argc, argv, kBuild,
          "Usage: cvconvert build [options] CV... -o DIR\n\n"
          "Reads and validates a CV (RenderCV YAML) once and writes every\n"
          "format into DIR as cv.EXT; cv.pdf only when the TeX engine is\n"
          "installed. Either every file is written or none is. CV '-'\n"
          "reads standard input. With several CVs, each is built into\n"
          "DIR/NAME (NAME from its file name), using every core.",
          specific, shape, common, arguments))
    return *done;

  if (common.output.empty() || common.output == "-") {
    print_error(kBuild, "missing -o DIR (the folder for the outputs)\n  run "
                        "'cvconvert build --help' for usage");
    return kUsageError;
  }
  if (options.timeout <= 0) {
    print_error(kBuild, "invalid --timeout " + std::to_string(options.timeout) +
                            ": give a number of seconds above 0");
    return kUsageError;
  }
  if (formats.empty())
    formats = format_names();
  if (!parse_formats(formats, options.formats))
    return kUsageError;
  options.pdf = !no_pdf;

  if (arguments.size() > 1)
    return build_many(argc, argv, arguments, common);

  Diagnostics diagnostics;
  int exit_code = kSuccess;
  std::optional<Cv> cv = load_cv(arguments.front(), diagnostics,
                                 common.verbosity, exit_code, common.limits);
  if (!cv)
    return exit_code;
  std::string source_name =
      arguments.front() == "-" ? "<stdin>" : arguments.front();

  std::vector<Output> outputs;
  std::optional<LatexDocument> latex;
  bool ok = write_formats(*cv, options, source_name, common.output, diagnostics,
                          outputs, latex);
  std::vector<CollectionFile> items;
  if (!options.site.empty())
    ok = write_site(*cv, options, source_name, common.verbosity, diagnostics,
                    outputs, items) &&
         ok;
  if (!finish_diagnostics(diagnostics, common.verbosity) || !ok)
    return kInvalidCv;

  if (options.pdf && selected(options.formats, kPdf) && latex) {
    std::string pdf_path = (fs::path(common.output) / "cv.pdf").string();
    // A cv.pdf made from this very document stays: no TeX run.
    std::string fingerprint = tex_fingerprint(latex->text, latex->engine);
    if (pdf_has_fingerprint(pdf_path, fingerprint)) {
      if (common.verbosity.verbose)
        std::cerr << kBuild << ": " << pdf_path << " is up to date\n";
    } else if (on_path(latex->engine)) {
      std::string pdf;
      int status = compile_pdf(*latex, options, common.verbosity, pdf_path,
                               fingerprint, pdf);
      if (status != kSuccess)
        return status;
      outputs.push_back({pdf_path, std::move(pdf)});
    } else if (common.verbosity.strict) {
      print_error(kBuild, "cannot compile cv.pdf: " + latex->engine +
                              " is not installed (install TeX Live, or pass "
                              "--no-pdf)");
      return kTexFailed;
    } else {
      print_warning(kBuild,
                    "cv.pdf not written: " + latex->engine +
                        " is not installed (install TeX Live, or pass "
                        "--no-pdf)",
                    common.verbosity);
    }
  }

  // Nothing is renamed into place before every file is written.
  StagedOutputs staged;
  for (const Output& output : outputs) {
    std::string error = staged.stage(output.path, output.content);
    if (!error.empty()) {
      print_error(kBuild, error);
      return kIoError;
    }
  }
  std::string error = stage_items(items, options, common.verbosity, staged);
  if (error.empty())
    error = staged.commit();
  if (!error.empty()) {
    print_error(kBuild, error);
    return kIoError;
  }
  if (common.verbosity.verbose)
    for (const std::string& path : staged.paths())
      std::cerr << kBuild << ": wrote " << path << '\n';
  // The CV, its outputs and the heap go at once when the process ends.
  // Freeing a large CV block by block first took milliseconds.
  if (large_input())
    std::exit(kSuccess);
  return kSuccess;
}

} // namespace cvc::tool
