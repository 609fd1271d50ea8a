// The moderncv LaTeX writer.
#pragma once

#include "diagnostics.hpp"
#include "model.hpp"

#include <optional>
#include <string>

namespace cvc {

struct LatexOptions {
  /// Overrides of design.style and design.color; empty keeps the CV's.
  std::string style;
  std::string color;
  /// A folder with the user's copies of templates/latex; empty for none.
  std::string template_dir;
  /// The input's name, written in the header comment.
  std::string source_name;
  /// Scripts (LatexScript bits) that may switch fonts; the others are
  /// transliterated with a warning.
  unsigned allowed_scripts = ~0u;
};

struct LatexDocument {
  std::string text;
  /// The scripts that the document loads fonts for (LatexScript bits).
  unsigned scripts = 0;
  std::string engine;
};

/// Writes the CV as a moderncv document. Reports template errors and
/// characters that cannot be typeset to `diagnostics`; returns nothing when
/// a template fails.
std::optional<LatexDocument> write_latex(const Cv& cv,
                                         const LatexOptions& options,
                                         Diagnostics& diagnostics);

} // namespace cvc
