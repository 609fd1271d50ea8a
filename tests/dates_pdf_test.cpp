#include "dates_locale_table.hpp"
#include "support.hpp"
#include "unicode.hpp"

#include <catch2/catch.hpp>

using namespace cvc;

namespace {

// Splits a date into its words; no-break spaces separate words too, since
// TeX sets them as spaces that pdftotext may or may not show, and so does
// the Japanese range mark, where a line may break.
std::vector<std::string> words_of(std::string date) {
  for (std::string_view space : {"\u00A0", "\u202F"}) {
    size_t at;
    while ((at = date.find(space)) != std::string::npos)
      date.replace(at, space.size(), " ");
  }
  size_t mark = date.find("～");
  if (mark != std::string::npos)
    date.replace(mark, std::string_view("～").size(), " ～ ");
  std::vector<std::string> words;
  std::string word;
  for (char c : date + " ") {
    if (c == ' ') {
      if (!word.empty())
        words.push_back(word);
      word.clear();
    } else {
      word += c;
    }
  }
  return words;
}

} // namespace

TEST_CASE("dates: same text in the PDF") {
  for (const test::LocaleDates& expected : test::kLocaleDates) {
    INFO(expected.language);
    Cv cv = test::parse_valid(test::dated_cv(expected.language));
    std::string text =
        normalize_nfc(test::pdf_text(test::compile_pdf(test::latex_of(cv))));
    INFO(text);
    for (const char* date :
         {expected.year, expected.month, expected.day, expected.ongoing}) {
      // moderncv's date column is narrow: a long date wraps, and pdftotext
      // puts the entry's title between its lines, so the date's words are
      // checked in order. Vietnamese words in the T5 encoding may come
      // back with their accents apart; only their first word is checked.
      std::vector<std::string> words = words_of(normalize_nfc(date));
      if (std::string_view(expected.language) == "vi")
        words.resize(1);
      test::require_in_order(text, words);
    }
  }
}
