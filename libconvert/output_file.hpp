// Output files that appear whole or not at all.
#pragma once

#include <cstdint>
#include <string>
#include <string_view>

namespace cvc {

/// Writes `content` to a temporary file in the folder of `path` and renames
/// it into place, so a failed run leaves any existing file untouched.
/// Returns an empty string on success, else the error message.
std::string write_file_atomically(const std::string& path,
                                  std::string_view content);

/// Reads a whole file, or standard input for `-`, but at most `max_bytes`
/// and one byte more, so that the caller can tell an input over the limit
/// without reading all of it. Returns false and sets `error` on failure.
bool read_input(const std::string& path, std::string& content,
                std::string& error, size_t max_bytes = SIZE_MAX - 1);

} // namespace cvc
