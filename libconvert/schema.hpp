// The JSON Schema of the CV format, for editors and validators.
#pragma once

#include <string_view>

namespace cvc {

/// Returns schema/cv.schema.json (JSON Schema draft-07), compiled into the
/// library.
std::string_view cv_json_schema();

} // namespace cvc
