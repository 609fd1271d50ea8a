// The reader of the RenderCV YAML format.
#pragma once

#include "diagnostics.hpp"
#include "model.hpp"

#include <optional>
#include <string_view>

namespace cvc {

/// Bounds on what one input may cost to read. Each one that is exceeded
/// gives a positioned error instead of a slow or unbounded run.
struct ReadLimits {
  /// The size of the input file.
  size_t max_input_bytes = 16 * 1024 * 1024;
  /// The length of one value.
  size_t max_value_bytes = 1024 * 1024;
  /// Values read a second time through a YAML alias; an alias bomb (a few
  /// lines that expand to billions of values) stops here.
  size_t max_alias_expansions = 10000;
  /// Entries in all sections together.
  size_t max_entries = 100000;
  /// Nesting of YAML collections (mappings and lists, block or flow).
  int max_depth = 64;
  /// The threads that parse the Markdown of the summaries, once they
  /// amount to 64 KiB or more (a list of publications with abstracts).
  /// The tools use every core; 1 keeps all the work on the caller's thread.
  unsigned max_threads = 1;
};

/// Reads a CV from the text held by `diagnostics` (its source) and reports
/// every problem found there. Returns the CV when no error was reported.
std::optional<Cv> read_cv(Diagnostics& diagnostics,
                          const ReadLimits& limits = {});

/// Turns a snake_case section key into its title (`selected_honors` gives
/// `Selected Honors`); a key with capitals or spaces is kept as written.
std::string section_title_from_key(std::string_view key);

} // namespace cvc
