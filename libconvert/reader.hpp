// The reader of the RenderCV YAML format.
#pragma once

#include "diagnostics.hpp"
#include "model.hpp"

#include <optional>
#include <string_view>

namespace cvc {

/// Reads a CV from the text held by `diagnostics` (its source) and reports
/// every problem found there. Returns the CV when no error was reported.
std::optional<Cv> read_cv(Diagnostics& diagnostics);

/// Turns a snake_case section key into its title (`selected_honors` gives
/// `Selected Honors`); a key with capitals or spaces is kept as written.
std::string section_title_from_key(std::string_view key);

} // namespace cvc
