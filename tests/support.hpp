// Helpers shared by the tests: reading files, parsing CVs from strings,
// compiling LaTeX and extracting PDF text with real tools.
#pragma once

#include "diagnostics.hpp"
#include "latex_writer.hpp"
#include "model.hpp"

#include <cmark.h>

#include <functional>
#include <memory>
#include <optional>
#include <string>

namespace cvc::test {

/// Returns `text` with every whitespace run as one space, trimmed.
std::string collapse_spaces(const std::string& text);

struct CmarkDeleter {
  void operator()(cmark_node* node) const { cmark_node_free(node); }
};
/// A CommonMark document parsed by cmark, freed with it.
using CmarkDocument = std::unique_ptr<cmark_node, CmarkDeleter>;

/// Parses Markdown with cmark's default options.
CmarkDocument parse_commonmark(const std::string& markdown);

/// Returns the literal text of a cmark node, or an empty string.
std::string literal_of(cmark_node* node);

/// Returns a path inside the source tree.
std::string source_path(const std::string& relative);

std::string read_file(const std::string& path);

/// Parses CV YAML given as a string; the diagnostics name it `test.yaml`.
std::optional<Cv> parse(const std::string& yaml, Diagnostics& diagnostics);

/// Parses CV YAML that must be valid, failing the test otherwise.
Cv parse_valid(const std::string& yaml);

/// The output of a shell command and its exit status.
struct CommandResult {
  int status = -1;
  std::string output;
};

/// Runs a shell command and captures its standard output.
CommandResult run_command(const std::string& command);

/// Writes the CV as LaTeX (failing the test on errors) with `options`.
std::string latex_of(const Cv& cv, const LatexOptions& options = {});

/// Compiles LaTeX with pdflatex and returns the PDF's bytes, failing the
/// test with the TeX error when compilation fails.
std::string compile_pdf(const std::string& tex);

/// Runs `pdftotext` on PDF bytes; whitespace runs become one space and a
/// hyphen at a line end is joined to the next line.
std::string pdf_text(const std::string& pdf);

/// Returns the link targets (/URI) of a PDF, decoded by qpdf.
std::string pdf_links(const std::string& pdf);

/// Calls `visit` with the field's name and value for every non-empty text
/// field of a CV: header, section titles, entry fields, highlights at every
/// depth, and extras.
using FieldVisitor = std::function<void(const std::string&, const Text&)>;
void for_each_field(const Cv& cv, const FieldVisitor& visit);

/// Returns the link targets that a CV's outputs must hold: e-mail, phone,
/// websites and profiles, DOIs and URLs of entries, and the safe links in
/// every text field.
std::vector<std::string> model_link_targets(const Cv& cv);

/// Returns the position of each of `items` in `text`, searching each after
/// the previous one; fails the test naming the first item not found.
void require_in_order(const std::string& text,
                      const std::vector<std::string>& items);

/// Returns the items of the academicpages reference CV in page order, each
/// entry as date, title and place; `abstract` is the abstract line.
std::vector<std::string> reference_items(const std::string& abstract);

} // namespace cvc::test
