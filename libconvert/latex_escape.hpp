// LaTeX escaping: the one place where CV text becomes LaTeX source.
#pragma once

#include "diagnostics.hpp"
#include "model.hpp"

#include <string>
#include <string_view>

namespace cvc {

/// Font encodings and CJK fonts that escaped text may switch to under
/// pdflatex. The LaTeX writer loads exactly the ones a CV used.
enum LatexScript : unsigned {
  kScriptVietnamese = 1, // T5
  kScriptGreek = 2,      // LGR
  kScriptCyrillic = 4,   // T2A
  kScriptChinese = 8,    // CJKutf8 with the gbsn font
  kScriptJapanese = 16,  // CJKutf8 with the min font
};

/// Where an escaped value goes.
enum class LatexContext {
  /// Typeset text: every special character prints literally.
  Text,
  /// A link target in \href, \homepage or \social: the URL reaches the PDF
  /// byte for byte, and bytes a URI cannot hold are percent-encoded.
  Url,
  /// An e-mail address in \email: printed and linked as written.
  Email,
  /// The argument of \hypersetup keys such as pdfauthor: plain characters
  /// with no font commands.
  PdfString,
};

/// Escapes CV text for one LaTeX document, tracking the scripts it needs
/// and reporting characters that cannot be typeset.
class LatexEscaper {
public:
  /// `engine` is pdflatex, xelatex or lualatex. Scripts outside `allowed`
  /// are transliterated to Latin with a warning instead of switching fonts.
  LatexEscaper(std::string engine, Diagnostics& diagnostics,
               unsigned allowed = ~0u);

  /// Escapes `text` for `context`; `field` and `pos` name the source value
  /// in warnings.
  std::string escape(std::string_view text, LatexContext context,
                     std::string_view field = {}, SourcePos pos = {});

  /// Renders a parsed field: emphasis, links and lists become LaTeX
  /// commands and every text run is escaped. `enclosing_lists` counts the
  /// lists the result is placed in, since LaTeX nests lists only so deep.
  std::string render(const MarkupNode& node, std::string_view field,
                     SourcePos pos, int enclosing_lists = 0);

  /// How deep LaTeX lists may nest here; deeper items become lines.
  static constexpr int kMaxListDepth = 3;

  /// Renders a parsed field as a plain PDF string (metadata, bookmarks).
  std::string render_pdf_string(const MarkupNode& node);

  /// The scripts used so far, as LatexScript bits.
  unsigned scripts() const { return scripts_; }

  bool unicode_engine() const { return unicode_engine_; }

private:
  std::string escape_text(std::string_view text, std::string_view field,
                          SourcePos pos);
  void append_text(std::string& out, std::string_view text,
                   std::string_view field, SourcePos pos);
  // Escapes text that starts and ends with a word that is not all ASCII,
  // or any text for xelatex and lualatex.
  std::string escape_general(std::string_view text, std::string_view field,
                             SourcePos pos);
  std::string escape_url(std::string_view url) const;
  std::string escape_email(std::string_view email) const;
  std::string escape_pdf_string(std::string_view text) const;
  void render_node(const MarkupNode& node, std::string_view field,
                   SourcePos pos, std::string& out, int depth);

  bool unicode_engine_;
  unsigned allowed_;
  // Lists open around the node being rendered; highlights add one more.
  int list_depth_ = 0;
  unsigned scripts_ = 0;
  Diagnostics& diagnostics_;
};

/// Escapes one ASCII character for typeset text, or returns nothing when it
/// needs no escape. `next` is the character that follows, to break the TeX
/// ligatures `--`, `,,`, `!`` and `?``.
const char* latex_ascii_escape(char c, char next);

} // namespace cvc
