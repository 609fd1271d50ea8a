// The table from output format name to writer that every tool uses.
#pragma once

#include "diagnostics.hpp"
#include "model.hpp"

#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace cvc {

/// Options that any writer may read; each writer documents the ones it
/// uses.
struct WriteOptions {
  /// A variant of the format (`academicpages`, `commonmark`, `jsonresume`);
  /// empty for the writer's default.
  std::string flavor;
  /// A folder with the user's copies of the format's templates.
  std::string template_dir;
  /// The input's name, for comments in the output.
  std::string source_name;
};

/// Writes a CV in one format. Reports problems to `diagnostics` and
/// returns nothing when the output cannot be written.
using WriterFunction = std::optional<std::string> (*)(const Cv&,
                                                      const WriteOptions&,
                                                      Diagnostics&);

struct OutputFormat {
  /// The name used on command lines (`latex`, `markdown`, `json`, `html`).
  std::string_view name;
  /// The file name extension of the output, without the dot.
  std::string_view extension;
  WriterFunction write;
};

/// Every output format, in the order `cvconvert build` writes them.
const std::vector<OutputFormat>& output_formats();

/// Returns the format called `name`, or nullptr.
const OutputFormat* find_output_format(std::string_view name);

} // namespace cvc
