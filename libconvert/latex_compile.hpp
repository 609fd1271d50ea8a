// Running pdflatex (or xelatex, lualatex) safely on a generated document.
#pragma once

#include <string>
#include <vector>

namespace cvc {

struct CompileOptions {
  std::string engine = "pdflatex";
  /// Seconds before the TeX process group is killed.
  int timeout_seconds = 60;
  /// Where the .aux file of the last run for the same output is kept; it
  /// is read before the first pass and written after a successful run, so
  /// that page references are known and one pass is usually enough. Empty
  /// for no cache.
  std::string aux_cache;
};

/// Returns the .aux cache file for an output path, under
/// $XDG_CACHE_HOME/cvconvert (or ~/.cache/cvconvert), or an empty string
/// when there is no home folder.
std::string aux_cache_path(const std::string& output);

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

/// Returns a fingerprint of a document and its engine: a hex FNV-1a hash,
/// stored in the PDF so that an unchanged document needs no TeX run.
std::string tex_fingerprint(const std::string& tex, const std::string& engine);

/// Returns the document with the fingerprint written into the PDF's
/// information dictionary (pdflatex only; other engines get it unchanged).
std::string with_fingerprint(const std::string& tex, const std::string& engine,
                             const std::string& fingerprint);

/// Returns whether the PDF at `path` was made from a document with this
/// fingerprint.
bool pdf_has_fingerprint(const std::string& path,
                         const std::string& fingerprint);

/// A TeX file that a script needs, with the Debian package that has it.
struct TexRequirement {
  std::string file;
  std::string package;
};

/// Returns the files that `scripts` (LatexScript bits) need and that
/// `kpsewhich` cannot find. With `with_class`, the files that every
/// document needs (moderncv, and the engine's fonts package) count too.
/// A missing font definition of a script only gives TeX a warning, so
/// those are checked before compiling. A missing class or package stops
/// TeX with an error, so those are checked only after a failed run, which
/// saves two kpsewhich runs (about 0.1 s) on every build.
std::vector<TexRequirement> missing_tex_files(unsigned scripts,
                                              const std::string& engine,
                                              bool with_class = true);

/// Returns the LatexScript bits whose files are all installed.
unsigned installed_scripts(const std::string& engine);

} // namespace cvc
