// The JSON Resume reader: a resume.json (or the same in YAML, with
// `basics` at the top level) turned into the CV format and its model.
#pragma once

#include "diagnostics.hpp"
#include "model.hpp"
#include "reader.hpp"

#include <nlohmann/json.hpp>

#include <optional>
#include <string>
#include <string_view>

namespace cvc {

/// Returns whether an input is JSON Resume rather than the CV format. JSON
/// (a file name ending in `.json`, or text that starts with `{`) is JSON
/// Resume unless its top level has `cv` and no `basics`. YAML is JSON
/// Resume when its top level has `basics` and no `cv`.
bool is_json_resume(std::string_view file_name, std::string_view content);

/// Converts the JSON Resume held by `diagnostics` (its source) into CV
/// YAML, reporting JSON syntax errors at their line and column. Both the
/// current names and the legacy ones (`company`, `website`, `gpa`,
/// `picture`) are read, and the academicpages arrays `presentations`,
/// `teaching` and `portfolio`. Every string is written double-quoted, so
/// that reading the YAML gives back the exact string.
std::optional<std::string>
json_resume_to_cv_yaml(Diagnostics& diagnostics, const ReadLimits& limits = {});

/// Reads JSON Resume into the model by way of its CV YAML. Diagnostics and
/// the positions in the model point into the JSON Resume input. The YAML
/// is read with `limits`, but for its size: the caller checks the size of
/// the JSON.
std::optional<Cv> read_json_resume(Diagnostics& diagnostics,
                                   const ReadLimits& limits = {});

/// Parses JSON into an ordered_json in linear time (ordered_json's own
/// parser takes time with the square of the number of keys). A repeated
/// key keeps its first value. Returns nothing when the text is not JSON.
std::optional<nlohmann::ordered_json>
parse_json_in_order(std::string_view text);

} // namespace cvc
