#include "unicode.hpp"

#include <unicode/normalizer2.h>
#include <unicode/unistr.h>

#include <cstdint>
#include <cstdio>
#include <cstring>
#include <stdexcept>

namespace cvc {

std::optional<size_t> find_invalid_utf8(std::string_view text) {
  size_t i = 0;
  while (i < text.size()) {
    // Eight ASCII bytes at a time: none has its top bit set.
    while (i + 8 <= text.size()) {
      uint64_t block;
      std::memcpy(&block, text.data() + i, sizeof block);
      if (block & 0x8080808080808080u)
        break;
      i += 8;
    }
    if (i >= text.size())
      break;
    unsigned char c = static_cast<unsigned char>(text[i]);
    size_t length;
    char32_t min;
    char32_t cp;
    if (c < 0x80) {
      ++i;
      continue;
    } else if ((c & 0xE0) == 0xC0) {
      length = 2;
      min = 0x80;
      cp = c & 0x1F;
    } else if ((c & 0xF0) == 0xE0) {
      length = 3;
      min = 0x800;
      cp = c & 0x0F;
    } else if ((c & 0xF8) == 0xF0) {
      length = 4;
      min = 0x10000;
      cp = c & 0x07;
    } else {
      return i;
    }
    if (i + length > text.size())
      return i;
    for (size_t k = 1; k < length; ++k) {
      unsigned char next = static_cast<unsigned char>(text[i + k]);
      if ((next & 0xC0) != 0x80)
        return i;
      cp = (cp << 6) | (next & 0x3F);
    }
    // Overlong forms, surrogates and values past U+10FFFF are invalid.
    if (cp < min || (cp >= 0xD800 && cp <= 0xDFFF) || cp > 0x10FFFF)
      return i;
    i += length;
  }
  return std::nullopt;
}

char32_t next_code_point(std::string_view text, size_t& pos) {
  unsigned char c = static_cast<unsigned char>(text[pos]);
  size_t length = c < 0x80             ? 1
                  : (c & 0xE0) == 0xC0 ? 2
                  : (c & 0xF0) == 0xE0 ? 3
                                       : 4;
  char32_t cp = length == 1   ? c
                : length == 2 ? (c & 0x1F)
                : length == 3 ? (c & 0x0F)
                              : (c & 0x07);
  for (size_t k = 1; k < length && pos + k < text.size(); ++k)
    cp = (cp << 6) | (static_cast<unsigned char>(text[pos + k]) & 0x3F);
  pos += length;
  return cp;
}

void append_utf8(std::string& out, char32_t cp) {
  if (cp < 0x80) {
    out += static_cast<char>(cp);
  } else if (cp < 0x800) {
    out += static_cast<char>(0xC0 | (cp >> 6));
    out += static_cast<char>(0x80 | (cp & 0x3F));
  } else if (cp < 0x10000) {
    out += static_cast<char>(0xE0 | (cp >> 12));
    out += static_cast<char>(0x80 | ((cp >> 6) & 0x3F));
    out += static_cast<char>(0x80 | (cp & 0x3F));
  } else {
    out += static_cast<char>(0xF0 | (cp >> 18));
    out += static_cast<char>(0x80 | ((cp >> 12) & 0x3F));
    out += static_cast<char>(0x80 | ((cp >> 6) & 0x3F));
    out += static_cast<char>(0x80 | (cp & 0x3F));
  }
}

std::string normalize_nfc(std::string_view text) {
  size_t i = 0;
  while (i + 8 <= text.size() && !word::has_non_ascii(word::load(&text[i])))
    i += 8;
  while (i < text.size() && static_cast<unsigned char>(text[i]) < 0x80)
    ++i;
  if (i == text.size())
    return std::string(text);

  UErrorCode status = U_ZERO_ERROR;
  const icu::Normalizer2* nfc = icu::Normalizer2::getNFCInstance(status);
  if (U_FAILURE(status))
    throw std::runtime_error("ICU NFC normaliser unavailable");
  // Most text is already in NFC, which ICU checks without converting it.
  icu::StringPiece piece(text.data(), static_cast<int32_t>(text.size()));
  if (nfc->isNormalizedUTF8(piece, status) && U_SUCCESS(status))
    return std::string(text);
  status = U_ZERO_ERROR;
  icu::UnicodeString input = icu::UnicodeString::fromUTF8(
      icu::StringPiece(text.data(), static_cast<int32_t>(text.size())));
  icu::UnicodeString output = nfc->normalize(input, status);
  if (U_FAILURE(status))
    throw std::runtime_error("ICU NFC normalisation failed");
  std::string result;
  output.toUTF8String(result);
  return result;
}

namespace {

// Returns whether `text` may contain a character that
// remove_control_characters removes: a C0 control other than tab and line
// feed, DEL, a C1 control (0xC2 0x80 to 0xC2 0x9F in UTF-8), or U+FFFE or
// U+FFFF, which start with 0xEF 0xBF.
bool may_hold_control(std::string_view text) {
  for (size_t i = 0; i < text.size(); ++i) {
    // Eight bytes at a time while none of them can start one.
    while (i + 8 <= text.size()) {
      uint64_t block = word::load(&text[i]);
      if (word::has_byte_below(block, 0x20) || word::has_byte(block, 0x7F) ||
          word::has_byte(block, 0xC2) || word::has_byte(block, 0xEF))
        break;
      i += 8;
    }
    if (i == text.size())
      break;
    unsigned char c = static_cast<unsigned char>(text[i]);
    if ((c < 0x20 && c != '\t' && c != '\n') || c == 0x7F)
      return true;
    if ((c == 0xC2 || c == 0xEF) && i + 1 < text.size()) {
      unsigned char next = static_cast<unsigned char>(text[i + 1]);
      if ((c == 0xC2 && next < 0xA0) || (c == 0xEF && next == 0xBF))
        return true;
    }
  }
  return false;
}

} // namespace

std::optional<char32_t> remove_control_characters(std::string& text) {
  if (!may_hold_control(text))
    return std::nullopt;
  std::optional<char32_t> first;
  std::string out;
  out.reserve(text.size());
  size_t pos = 0;
  while (pos < text.size()) {
    size_t start = pos;
    char32_t cp = next_code_point(text, pos);
    bool control = (cp < 0x20 && cp != '\t' && cp != '\n') || cp == 0x7F ||
                   (cp >= 0x80 && cp < 0xA0) || cp == 0xFFFE || cp == 0xFFFF;
    bool crlf = cp == '\r' && pos < text.size() && text[pos] == '\n';
    if (control) {
      if (!crlf && !first)
        first = cp;
      continue;
    }
    out.append(text, start, pos - start);
  }
  text = std::move(out);
  return first;
}

std::string code_point_name(char32_t cp) {
  char buffer[16];
  std::snprintf(buffer, sizeof buffer, "U+%04X", static_cast<unsigned>(cp));
  return buffer;
}

} // namespace cvc
