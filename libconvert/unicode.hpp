// UTF-8 checks and Unicode normalisation through ICU.
#pragma once

#include <cstddef>
#include <cstdint>
#include <cstring>
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

/// Tests on eight bytes of text at once, read as one 64-bit word, for the
/// scans that skip long runs of plain ASCII.
namespace word {

constexpr uint64_t kOnes = 0x0101010101010101u;
constexpr uint64_t kHighBits = 0x8080808080808080u;

/// Returns the eight bytes at `at` as one word.
inline uint64_t load(const char* at) {
  uint64_t word;
  std::memcpy(&word, at, sizeof word);
  return word;
}

/// Returns whether one of the bytes of `word` is below `n` (`n` <= 128).
constexpr bool has_byte_below(uint64_t word, unsigned n) {
  return ((word - kOnes * n) & ~word & kHighBits) != 0;
}

/// Returns whether one of the bytes of `word` equals `value`.
constexpr bool has_byte(uint64_t word, unsigned char value) {
  return has_byte_below(word ^ (kOnes * value), 1);
}

/// Returns whether one of the bytes of `word` is not ASCII.
constexpr bool has_non_ascii(uint64_t word) {
  return (word & kHighBits) != 0;
}

} // namespace word

/// Formats a code point as `U+XXXX`.
std::string code_point_name(char32_t cp);

} // namespace cvc
