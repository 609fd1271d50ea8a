#include "diagnostics.hpp"

#include <algorithm>

namespace cvc {

void Diagnostics::error(SourcePos pos, std::string message, std::string hint) {
  // The CV reader stops itself a little past kMaxKept errors and reports
  // that it stopped, so two more errors are kept.
  if (error_count_ - dropped_errors_ >= kMaxKept + 2) {
    ++dropped_errors_;
    ++error_count_;
    return;
  }
  items_.push_back({Severity::Error, pos, std::move(message), std::move(hint)});
  ++error_count_;
}

void Diagnostics::warning(SourcePos pos, std::string message,
                          std::string hint) {
  if (warning_count_ >= kMaxKept) {
    ++dropped_warnings_;
    return;
  }
  items_.push_back(
      {Severity::Warning, pos, std::move(message), std::move(hint)});
  ++warning_count_;
}

SourcePos position_of_offset(std::string_view source, size_t offset) {
  SourcePos pos{1, 1};
  for (size_t i = 0; i < offset && i < source.size(); ++i) {
    bool lone_return =
        source[i] == '\r' && (i + 1 >= source.size() || source[i + 1] != '\n');
    if (source[i] == '\n' || lone_return) {
      ++pos.line;
      pos.column = 1;
    } else {
      ++pos.column;
    }
  }
  return pos;
}

void Diagnostics::make_warnings_errors() {
  for (Diagnostic& d : items_)
    d.severity = Severity::Error;
  error_count_ += warning_count_ + dropped_warnings_;
  dropped_errors_ += dropped_warnings_;
  dropped_warnings_ = 0;
  warning_count_ = 0;
}

void Diagnostics::append(Diagnostics&& other) {
  for (Diagnostic& d : other.items_) {
    if (d.severity == Severity::Error)
      error(d.pos, std::move(d.message), std::move(d.hint));
    else
      warning(d.pos, std::move(d.message), std::move(d.hint));
  }
  error_count_ += other.dropped_errors_;
  dropped_errors_ += other.dropped_errors_;
  dropped_warnings_ += other.dropped_warnings_;
  other = Diagnostics();
}

namespace {

std::string_view source_line(std::string_view source, int line) {
  // Lines end at a line feed, a carriage return and line feed, or a
  // carriage return alone, as the YAML reader counts them.
  size_t start = 0;
  for (int i = 1; i < line; ++i) {
    size_t next = source.find_first_of("\r\n", start);
    if (next == std::string_view::npos)
      return {};
    start = next + 1;
    if (source[next] == '\r' && start < source.size() && source[start] == '\n')
      ++start;
  }
  size_t end = source.find_first_of("\r\n", start);
  return source.substr(start, end == std::string_view::npos
                                  ? std::string_view::npos
                                  : end - start);
}

// Counts the display columns of the first `bytes` bytes of a UTF-8 line, so
// that the caret lands under the right character.
size_t display_width(std::string_view line, size_t bytes) {
  size_t width = 0;
  for (size_t i = 0; i < bytes && i < line.size(); ++i) {
    unsigned char c = static_cast<unsigned char>(line[i]);
    if ((c & 0xC0) != 0x80)
      ++width;
  }
  return width;
}

} // namespace

namespace {

// Replaces control characters, which a value quoted in a message may hold,
// with '?', byte for byte.
std::string printable_text(std::string text) {
  for (char& c : text) {
    unsigned char byte = static_cast<unsigned char>(c);
    if ((byte < 0x20 && c != '\t') || byte == 0x7F)
      c = '?';
  }
  return text;
}

} // namespace

std::string format_diagnostic(const Diagnostic& diagnostic,
                              std::string_view file_name,
                              std::string_view source, bool color) {
  const bool is_error = diagnostic.severity == Severity::Error;
  std::string out;
  if (color)
    out += "\033[1m";
  out += file_name;
  if (diagnostic.pos.line > 0) {
    out += ':' + std::to_string(diagnostic.pos.line);
    out += ':' + std::to_string(diagnostic.pos.column);
  }
  out += ": ";
  if (color)
    out += is_error ? "\033[31m" : "\033[35m";
  out += is_error ? "error: " : "warning: ";
  if (color)
    out += "\033[0m\033[1m";
  out += printable_text(diagnostic.message);
  if (color)
    out += "\033[0m";
  out += '\n';

  // Control characters of the file (an escape sequence could clear the
  // terminal) are shown as '?', byte for byte, so the caret stays put.
  std::string printable =
      printable_text(std::string(source_line(source, diagnostic.pos.line)));
  std::string_view line = printable;
  if (diagnostic.pos.line > 0 && !line.empty()) {
    size_t column = diagnostic.pos.column > 0 ? diagnostic.pos.column - 1 : 0;
    // The caret may stand just past the last character, never further.
    column = std::min(column, line.size());
    // A long line is shown as a window around the column, cut at
    // character boundaries.
    constexpr size_t kWindow = 60;
    std::string prefix;
    if (line.size() > 2 * kWindow) {
      size_t start = column > kWindow ? column - kWindow : 0;
      while (start > 0 &&
             (static_cast<unsigned char>(line[start]) & 0xC0) == 0x80)
        --start;
      size_t end = std::min(line.size(), start + 2 * kWindow);
      while (end < line.size() &&
             (static_cast<unsigned char>(line[end]) & 0xC0) == 0x80)
        ++end;
      bool cut_end = end < line.size();
      if (start > 0)
        prefix = "...";
      line = line.substr(start, end - start);
      column -= start;
      out += "  " + prefix + std::string(line) + (cut_end ? "..." : "") +
             "\n  " + std::string(prefix.size(), ' ');
    } else {
      out += "  ";
      out += line;
      out += "\n  ";
    }
    size_t width = display_width(line, column);
    for (size_t i = 0; i < width; ++i)
      out += (i < line.size() && line[i] == '\t') ? '\t' : ' ';
    out += color ? "\033[32m^\033[0m\n" : "^\n";
  }
  if (!diagnostic.hint.empty())
    out += "  " + printable_text(diagnostic.hint) + '\n';
  return out;
}

namespace {

// The optimal string alignment distance: insertions, deletions,
// substitutions and swaps of two neighbouring letters each cost one, so
// `emial` is one edit from `email`.
size_t edit_distance(std::string_view a, std::string_view b) {
  std::vector<std::vector<size_t>> d(a.size() + 1,
                                     std::vector<size_t>(b.size() + 1));
  for (size_t i = 0; i <= a.size(); ++i)
    d[i][0] = i;
  for (size_t j = 0; j <= b.size(); ++j)
    d[0][j] = j;
  for (size_t i = 1; i <= a.size(); ++i) {
    for (size_t j = 1; j <= b.size(); ++j) {
      size_t cost = a[i - 1] == b[j - 1] ? 0 : 1;
      d[i][j] =
          std::min({d[i - 1][j] + 1, d[i][j - 1] + 1, d[i - 1][j - 1] + cost});
      if (i > 1 && j > 1 && a[i - 1] == b[j - 2] && a[i - 2] == b[j - 1])
        d[i][j] = std::min(d[i][j], d[i - 2][j - 2] + 1);
    }
  }
  return d[a.size()][b.size()];
}

} // namespace

std::string nearest_word(std::string_view word,
                         const std::vector<std::string_view>& candidates) {
  std::string_view best;
  size_t best_distance = std::string_view::npos;
  for (std::string_view candidate : candidates) {
    size_t distance = edit_distance(word, candidate);
    if (distance < best_distance) {
      best = candidate;
      best_distance = distance;
    }
  }
  // A third of the word may differ, and at least one character.
  size_t allowed = std::max<size_t>(1, word.size() / 3);
  if (best_distance == 0 || best_distance > allowed)
    return {};
  return std::string(best);
}

} // namespace cvc
