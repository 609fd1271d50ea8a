// The word-at-a-time byte tests against a byte-by-byte check, and the scans
// that use them on text where the byte they look for sits at every offset.
#include "unicode.hpp"

#include <catch2/catch.hpp>

#include <random>

using namespace cvc;

TEST_CASE("word tests match bytes", "[unicode]") {
  std::mt19937_64 random(11);
  for (int i = 0; i < 200000; ++i) {
    // Bytes near the thresholds are the likely mistakes, so most are.
    char bytes[8];
    for (char& byte : bytes) {
      static constexpr unsigned char kNear[] = {0x00, 0x01, 0x0A, 0x1F, 0x20,
                                                0x21, 0x7E, 0x7F, 0x80, 0xC1,
                                                0xC2, 0xC3, 0xEE, 0xEF, 0xFF};
      byte = static_cast<char>(random() % 2 == 0 ? kNear[random() % 15]
                                                 : random() % 256);
    }
    uint64_t block = word::load(bytes);
    bool below = false;
    bool has_7f = false;
    bool has_c2 = false;
    bool non_ascii = false;
    for (char byte : bytes) {
      unsigned char c = static_cast<unsigned char>(byte);
      below = below || c < 0x20;
      has_7f = has_7f || c == 0x7F;
      has_c2 = has_c2 || c == 0xC2;
      non_ascii = non_ascii || c >= 0x80;
    }
    CHECK(word::has_byte_below(block, 0x20) == below);
    CHECK(word::has_byte(block, 0x7F) == has_7f);
    CHECK(word::has_byte(block, 0xC2) == has_c2);
    CHECK(word::has_non_ascii(block) == non_ascii);
  }
}

TEST_CASE("scans find bytes at every offset", "[unicode]") {
  for (size_t length : {1u, 7u, 8u, 9u, 16u, 23u}) {
    for (size_t at = 0; at < length; ++at) {
      std::string text(length, 'a');
      text.replace(at, 1, "\x01");
      std::string cleaned = text;
      CHECK(remove_control_characters(cleaned) == U'\x01');
      CHECK(cleaned == std::string(length - 1, 'a'));

      std::string decomposed(length, 'a');
      // `e` and a combining acute accent become one `é`.
      decomposed.replace(at, 1, "e\xCC\x81");
      std::string composed(length, 'a');
      composed.replace(at, 1, "\xC3\xA9");
      CHECK(normalize_nfc(decomposed) == composed);
    }
  }
}
