// The JSON Resume writer: the CV as a JSON Resume document, or as the
// `_data/cv.json` that the academicpages Jekyll template reads.
#pragma once

#include "diagnostics.hpp"
#include "model.hpp"

#include <nlohmann/json.hpp>

#include <optional>
#include <string>

namespace cvc {

/// The variants of JSON Resume that the writer produces.
enum class JsonFlavor {
  /// JSON Resume as the v1.0.0 schema and the current `@jsonresume/schema`
  /// both accept it: no top-level key outside the schema.
  JsonResume,
  /// The academicpages `_data/cv.json`: the legacy names `website`,
  /// `company` and `gpa`, and the arrays `presentations`, `teaching` and
  /// `portfolio`.
  AcademicPages,
};

/// Returns the flavour called `name` (`jsonresume`, `academicpages`, or
/// empty for the default), or nothing for an unknown name.
std::optional<JsonFlavor> json_flavor_from_name(std::string_view name);

/// Writes the CV as JSON Resume, indented by two spaces and ending with a
/// newline. Text fields hold their CommonMark source. What the document
/// cannot hold is reported as a warning naming the field.
std::string write_json_resume(const Cv& cv, JsonFlavor flavor,
                              Diagnostics& diagnostics);

/// Returns `value` as `value.dump(2, ' ', false, replace)` writes it: two
/// spaces per level, non-ASCII characters as they are, and U+FFFD for
/// invalid UTF-8. Strings are copied in runs between escapes, where
/// nlohmann's dump looks at one byte at a time.
std::string format_json(const nlohmann::ordered_json& value);

} // namespace cvc
