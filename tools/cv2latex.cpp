// cv2latex: a CV in YAML to moderncv LaTeX, or to PDF with --pdf.
#include "latex_compile.hpp"
#include "latex_escape.hpp"
#include "latex_writer.hpp"
#include "tool_common.hpp"

#include <boost/program_options.hpp>

#include <iostream>

namespace po = boost::program_options;
using namespace cvc;

namespace {

constexpr const char* kProgram = "cv2latex";

std::string script_names(unsigned scripts) {
  std::string out;
  auto add = [&](unsigned bit, const char* name) {
    if (scripts & bit)
      out += (out.empty() ? "" : ", ") + std::string(name);
  };
  add(kScriptVietnamese, "Vietnamese");
  add(kScriptGreek, "Greek");
  add(kScriptCyrillic, "Cyrillic");
  add(kScriptChinese, "Chinese");
  add(kScriptJapanese, "Japanese");
  return out;
}

int run(int argc, char** argv) {
  LatexOptions options;
  tool::CommonOptions common;
  bool pdf = false;
  bool transliterate_missing = false;
  int timeout = 60;

  po::options_description specific("LaTeX options");
  specific.add_options() //
      ("style", po::value(&options.style)->value_name("NAME"),
       "moderncv style: classic, casual, banking, oldstyle or fancy "
       "(default: design.style, else classic)") //
      ("color", po::value(&options.color)->value_name("NAME"),
       "moderncv colour: blue, orange, green, red, purple, grey, black or "
       "burgundy (default: design.color, else blue)") //
      ("template-dir",
       po::value(&options.template_dir)
           ->value_name("DIR")
           ->notifier(tool::require_template_folder),
       "use the templates in DIR that exist there (cv.tex, cventry.tex, "
       "cvitem.tex, cvlistitem.tex) instead of the built-in ones") //
      ("pdf", po::bool_switch(&pdf),
       "compile with the TeX engine and write the PDF") //
      ("timeout", po::value(&timeout)->default_value(60)->value_name("SECONDS"),
       "seconds before a TeX run is stopped (with --pdf)") //
      ("transliterate-missing", po::bool_switch(&transliterate_missing),
       "with --pdf, write scripts whose TeX fonts are not installed in "
       "Latin letters (with a warning) instead of failing");
  if (std::optional<int> done = tool::parse_command_line(
          argc, argv, kProgram,
          "Usage: cv2latex [options] INPUT|-\n\n"
          "Writes a CV (RenderCV YAML) as a moderncv LaTeX document, or with\n"
          "--pdf compiles it with pdflatex. INPUT '-' reads standard input.",
          specific, common))
    return *done;
  const std::string& input = common.input;
  const std::string& output = common.output;
  const tool::Verbosity& verbosity = common.verbosity;

  if (timeout <= 0) {
    tool::print_error(kProgram, "invalid --timeout " + std::to_string(timeout) +
                                    ": give a number of seconds above 0");
    return tool::kUsageError;
  }
  for (const auto& [value, choices, name] :
       {std::tuple{options.style,
                   std::vector<std::string>{"classic", "casual", "banking",
                                            "oldstyle", "fancy"},
                   "--style"},
        std::tuple{options.color,
                   std::vector<std::string>{"blue", "orange", "green", "red",
                                            "purple", "grey", "black",
                                            "burgundy"},
                   "--color"}}) {
    if (!value.empty() &&
        std::find(choices.begin(), choices.end(), value) == choices.end()) {
      std::string list;
      for (const std::string& choice : choices)
        list += (list.empty() ? "" : ", ") + choice;
      tool::print_error(kProgram, std::string("invalid ") + name + " '" +
                                      value + "': valid values are " + list);
      return tool::kUsageError;
    }
  }

  Diagnostics diagnostics;
  int exit_code = tool::kSuccess;
  std::optional<Cv> cv =
      tool::load_cv(input, diagnostics, verbosity, exit_code, common.limits);
  if (!cv)
    return exit_code;
  options.source_name = input == "-" ? "<stdin>" : input;

  if (pdf && transliterate_missing)
    options.allowed_scripts = installed_scripts(cv->design.engine);
  std::optional<LatexDocument> document =
      write_latex(*cv, options, diagnostics);
  if (!document) {
    tool::finish_diagnostics(diagnostics, verbosity);
    return tool::kInvalidCv;
  }
  if (!tool::finish_diagnostics(diagnostics, verbosity))
    return tool::kInvalidCv;

  if (!pdf)
    return tool::write_output(kProgram, output, document->text);

  // A PDF made from this very document is left as it is: no TeX run.
  std::string fingerprint = tex_fingerprint(document->text, document->engine);
  if (!output.empty() && output != "-" &&
      pdf_has_fingerprint(output, fingerprint)) {
    if (verbosity.verbose)
      std::cerr << kProgram << ": " << output << " is up to date\n";
    return tool::kSuccess;
  }
  auto report_missing = [&](const std::vector<TexRequirement>& missing) {
    std::string message = "cannot compile: TeX files are missing:";
    for (const TexRequirement& requirement : missing)
      message += "\n  " + requirement.file + " (Debian package " +
                 requirement.package + ")";
    message += "\n  install them with apt-get install";
    for (const TexRequirement& requirement : missing)
      message += " " + requirement.package;
    if (document->scripts)
      message += "\n  or pass --transliterate-missing to write " +
                 script_names(document->scripts) + " text in Latin letters";
    tool::print_error(kProgram, message);
  };
  std::vector<TexRequirement> missing =
      missing_tex_files(document->scripts, document->engine, false);
  if (!missing.empty()) {
    report_missing(missing);
    return tool::kTexFailed;
  }
  if (verbosity.verbose)
    std::cerr << kProgram << ": running " << document->engine << '\n';
  CompileOptions compile;
  compile.engine = document->engine;
  compile.timeout_seconds = timeout;
  if (!output.empty() && output != "-")
    compile.aux_cache = aux_cache_path(output);
  CompileResult result = compile_latex(
      with_fingerprint(document->text, document->engine, fingerprint), compile);
  if (!result.ok) {
    // A missing class or package is the likely cause; name its package.
    missing = missing_tex_files(document->scripts, document->engine);
    if (missing.empty())
      tool::print_error(kProgram, result.error);
    else
      report_missing(missing);
    return tool::kTexFailed;
  }
  if (verbosity.verbose)
    std::cerr << kProgram << ": " << result.passes << " TeX pass(es)\n";
  return tool::write_output(kProgram, output, result.pdf);
}

} // namespace

int main(int argc, char** argv) {
  return tool::run_tool(kProgram, run, argc, argv);
}
