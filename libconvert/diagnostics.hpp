// Diagnostics collected by the library and printed by the tools.
#pragma once

#include "model.hpp"

#include <string>
#include <string_view>
#include <vector>

namespace cvc {

enum class Severity { Warning, Error };

struct Diagnostic {
  Severity severity = Severity::Error;
  SourcePos pos;
  std::string message;
  /// What to do about it, printed on a line of its own; may be empty.
  std::string hint;
};

/// The diagnostics of one input file, with its name and text so that each
/// one can be printed with its source line.
class Diagnostics {
public:
  Diagnostics() = default;
  Diagnostics(std::string file_name, std::string source)
      : file_name_(std::move(file_name)), source_(std::move(source)) {}

  void error(SourcePos pos, std::string message, std::string hint = {});
  void warning(SourcePos pos, std::string message, std::string hint = {});

  bool has_errors() const { return error_count_ > 0; }
  size_t error_count() const { return error_count_; }
  /// The diagnostics kept: the first kMaxKept errors and the first
  /// kMaxKept warnings.
  const std::vector<Diagnostic>& all() const { return items_; }
  /// The errors and warnings past kMaxKept, counted but not kept, so that
  /// a file with a million odd values does not print a million lines.
  size_t dropped_errors() const { return dropped_errors_; }
  size_t dropped_warnings() const { return dropped_warnings_; }
  static constexpr size_t kMaxKept = 100;
  const std::string& file_name() const { return file_name_; }
  const std::string& source() const { return source_; }

  /// Turns every warning into an error (the tools' --strict).
  void make_warnings_errors();

  /// Adds the diagnostics of `other` after these, with the same limits. A
  /// writer that runs on its own thread collects its diagnostics apart.
  void append(Diagnostics&& other);

private:
  std::string file_name_;
  std::string source_;
  std::vector<Diagnostic> items_;
  size_t error_count_ = 0;
  size_t warning_count_ = 0;
  size_t dropped_errors_ = 0;
  size_t dropped_warnings_ = 0;
};

/// Returns the line and byte column of a byte offset in `source`. Lines end
/// at a line feed, a carriage return and line feed, or a carriage return
/// alone, as the YAML reader and the printed source lines count them.
SourcePos position_of_offset(std::string_view source, size_t offset);

/// Formats one diagnostic as `file:line:col: error: message`, followed by
/// the source line, a caret under the column and the hint.
std::string format_diagnostic(const Diagnostic& diagnostic,
                              std::string_view file_name,
                              std::string_view source, bool color);

/// Returns the candidate closest to `word` by edit distance, or an empty
/// string when none is close enough to be a likely misspelling.
std::string nearest_word(std::string_view word,
                         const std::vector<std::string_view>& candidates);

} // namespace cvc
