// The expected date text for each tested language: ICU 72's patterns for
// a year (2018), a month (September 2018), a day (5 September 2018), and
// an ongoing range from September 2018.
#pragma once

#include <string>

namespace cvc::test {

struct LocaleDates {
  const char* language;
  const char* year;
  const char* month;
  const char* day;
  const char* ongoing;
};

inline constexpr LocaleDates kLocaleDates[] = {
    {"en", "2018", "Sep 2018", "Sep 5, 2018", "Sep 2018 – present"},
    {"de", "2018", "Sept. 2018", "5. Sept. 2018", "Sept. 2018 – heute"},
    {"fr", "2018", "sept. 2018", "5 sept. 2018", "sept. 2018 – présent"},
    {"es", "2018", "sept 2018", "5 sept 2018", "sept 2018 – actualidad"},
    {"pt", "2018", "set. de 2018", "5 de set. de 2018",
     "set. de 2018 – presente"},
    {"it", "2018", "set 2018", "5 set 2018", "set 2018 – presente"},
    {"nl", "2018", "sep 2018", "5 sep 2018", "sep 2018 – heden"},
    {"pl", "2018", "wrz 2018", "5 wrz 2018", "wrz 2018 – obecnie"},
    {"tr", "2018", "Eyl 2018", "5 Eyl 2018", "Eyl 2018 – günümüz"},
    {"vi", "2018", "thg 9 2018", "5 thg 9, 2018", "thg 9 2018 – nay"},
    // ICU puts a narrow no-break space (U+202F) before "г.".
    {"ru", "2018", "сент. 2018\u202Fг.", "5 сент. 2018\u202Fг.",
     "сент. 2018\u202Fг. – настоящее время"},
    {"el", "2018", "Σεπ 2018", "5 Σεπ 2018", "Σεπ 2018 - σήμερα"},
    {"zh", "2018年", "2018年9月", "2018年9月5日", "2018年9月 – 至今"},
    {"ja", "2018年", "2018年9月", "2018年9月5日", "2018年9月～現在"},
};

/// A CV in `language` with one entry per precision and an ongoing range.
inline std::string dated_cv(const char* language) {
  return std::string("cv:\n  name: Ada Dates\n  sections:\n    Dates:\n"
                     "      - name: Year\n        date: 2018\n"
                     "      - name: Month\n        date: 2018-09\n"
                     "      - name: Day\n        date: 2018-09-05\n"
                     "      - name: Ongoing\n        start_date: 2018-09\n"
                     "        end_date: present\n"
                     "locale:\n  language: ") +
         language + "\n";
}

} // namespace cvc::test
