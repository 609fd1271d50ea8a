// UTF-8 checks and Unicode normalisation through ICU.
#pragma once

#include <cstddef>
#include <optional>
#include <string>
#include <string_view>

namespace cvc {

/// Returns the byte offset of the first invalid UTF-8 sequence in `text`,
/// or nothing when the whole text is valid.
std::optional<size_t> find_invalid_utf8(std::string_view text);

/// Decodes the code point at `pos` of valid UTF-8 and advances `pos`.
char32_t next_code_point(std::string_view text, size_t& pos);

/// Appends the UTF-8 encoding of `cp` to `out`.
void append_utf8(std::string& out, char32_t cp);

/// Returns `text` in Unicode normalisation form C.
std::string normalize_nfc(std::string_view text);

/// Removes C0 and C1 control characters other than tab and line feed (a
/// carriage return before a line feed is dropped too) and the
/// non-characters U+FFFE and U+FFFF, and returns the first removed code
/// point, if any.
std::optional<char32_t> remove_control_characters(std::string& text);

/// Formats a code point as `U+XXXX`.
std::string code_point_name(char32_t cp);

} // namespace cvc
