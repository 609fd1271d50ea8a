// Running pdflatex (or xelatex, lualatex) safely on a generated document.
#pragma once

#include <string>
#include <vector>

namespace cvc {

struct CompileOptions {
  std::string engine = "pdflatex";
  /// Seconds before the TeX process group is killed.
  int timeout_seconds = 60;
};

struct CompileResult {
  bool ok = false;
  /// The PDF's bytes on success.
  std::string pdf;
  /// On failure: what went wrong, with the TeX error and its line.
  std::string error;
  /// How many times the engine ran.
  int passes = 0;
};

/// Compiles `tex` in a fresh temporary folder: no shell escape, file access
/// limited to that folder (openin_any and openout_any set to paranoid),
/// standard input closed, and the whole process group killed on timeout.
/// The folder is removed afterwards.
CompileResult compile_latex(const std::string& tex,
                            const CompileOptions& options);

/// A TeX file that a script needs, with the Debian package that has it.
struct TexRequirement {
  std::string file;
  std::string package;
};

/// Returns the files that `scripts` (LatexScript bits) and the engine need
/// and that `kpsewhich` cannot find.
std::vector<TexRequirement> missing_tex_files(unsigned scripts,
                                              const std::string& engine);

/// Returns the LatexScript bits whose files are all installed.
unsigned installed_scripts(const std::string& engine);

} // namespace cvc
