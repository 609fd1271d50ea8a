#include "dates.hpp"

#include <unicode/dtfmtsym.h>
#include <unicode/locid.h>

#include <array>
#include <cstdio>
#include <map>

namespace cvc {

namespace {

bool parse_digits(std::string_view text, size_t count, int& value) {
  if (text.size() != count)
    return false;
  value = 0;
  for (char c : text) {
    if (c < '0' || c > '9')
      return false;
    value = value * 10 + (c - '0');
  }
  return true;
}

bool is_leap_year(int year) {
  return (year % 4 == 0 && year % 100 != 0) || year % 400 == 0;
}

int days_in_month(int year, int month) {
  static constexpr std::array<int, 12> days = {31, 28, 31, 30, 31, 30,
                                               31, 31, 30, 31, 30, 31};
  if (month == 2 && is_leap_year(year))
    return 29;
  return days[month - 1];
}

bool equals_ignoring_case(std::string_view a, std::string_view b) {
  if (a.size() != b.size())
    return false;
  for (size_t i = 0; i < a.size(); ++i) {
    char x = a[i] >= 'A' && a[i] <= 'Z' ? a[i] - 'A' + 'a' : a[i];
    if (x != b[i])
      return false;
  }
  return true;
}

const char* const kMonthNames[] = {
    "January", "February", "March",     "April",   "May",      "June",
    "July",    "August",   "September", "October", "November", "December"};

} // namespace

DateParse parse_date(std::string_view text, bool free_text) {
  DateParse result;
  Date date;
  date.text = std::string(text);
  if (equals_ignoring_case(text, "present")) {
    date.precision = DatePrecision::Present;
    result.date = date;
    return result;
  }

  // Split on '-' into at most three numeric parts.
  std::string_view parts[3];
  size_t count = 0;
  size_t start = 0;
  bool numeric_shape = !text.empty();
  while (numeric_shape) {
    size_t dash = text.find('-', start);
    if (count == 3) {
      numeric_shape = false;
      break;
    }
    parts[count++] = text.substr(start, dash == std::string_view::npos
                                            ? std::string_view::npos
                                            : dash - start);
    if (dash == std::string_view::npos)
      break;
    start = dash + 1;
  }
  for (size_t i = 0; numeric_shape && i < count; ++i)
    for (char c : parts[i])
      if (c < '0' || c > '9')
        numeric_shape = false;

  if (numeric_shape) {
    int year = 0, month = 0, day = 0;
    bool shape_ok = parse_digits(parts[0], 4, year) &&
                    (count < 2 || parse_digits(parts[1], 2, month)) &&
                    (count < 3 || parse_digits(parts[2], 2, day));
    if (!shape_ok) {
      result.error = "invalid date '" + std::string(text) +
                     "': expected YYYY, YYYY-MM or YYYY-MM-DD";
      return result;
    }
    if (count >= 2 && (month < 1 || month > 12)) {
      result.error = "invalid date '" + std::string(text) + "': month " +
                     std::to_string(month) + " does not exist";
      return result;
    }
    if (count == 3 && (day < 1 || day > days_in_month(year, month))) {
      result.error = "invalid date '" + std::string(text) +
                     "': " + kMonthNames[month - 1] + " " +
                     std::to_string(year) + " has no day " +
                     std::to_string(day);
      return result;
    }
    date.year = year;
    date.month = month;
    date.day = day;
    date.precision = count == 1   ? DatePrecision::Year
                     : count == 2 ? DatePrecision::Month
                                  : DatePrecision::Day;
    result.date = date;
    return result;
  }

  if (free_text && !text.empty()) {
    date.precision = DatePrecision::FreeText;
    result.date = date;
    return result;
  }
  result.error = "invalid date '" + std::string(text) +
                 "': expected YYYY, YYYY-MM, YYYY-MM-DD or present";
  return result;
}

int compare_dates(const Date& a, const Date& b) {
  bool a_present = a.precision == DatePrecision::Present;
  bool b_present = b.precision == DatePrecision::Present;
  if (a_present || b_present)
    return static_cast<int>(a_present) - static_cast<int>(b_present);
  if (a.year != b.year)
    return a.year < b.year ? -1 : 1;
  if (a.month == 0 || b.month == 0 || a.month == b.month) {
    if (a.month == 0 || b.month == 0 || a.day == 0 || b.day == 0)
      return 0;
    return a.day < b.day ? -1 : a.day > b.day ? 1 : 0;
  }
  return a.month < b.month ? -1 : 1;
}

namespace {

// The word for an ongoing end date, for languages whose ICU data has none.
std::string present_word(const Locale& locale) {
  if (!locale.present.empty())
    return locale.present;
  static const std::map<std::string, std::string, std::less<>> words = {
      {"de", "heute"},   {"en", "present"},  {"es", "actualidad"},
      {"fr", "présent"}, {"it", "presente"}, {"nl", "heden"},
      {"pl", "obecnie"}, {"pt", "presente"}, {"ru", "н. в."},
      {"tr", "günümüz"}, {"vi", "nay"},      {"el", "σήμερα"},
      {"zh", "至今"},    {"ja", "現在"},
  };
  std::string language = locale.language.substr(0, locale.language.find('-'));
  auto found = words.find(language);
  return found == words.end() ? "present" : found->second;
}

std::string month_abbreviation(int month, const Locale& locale) {
  if (locale.month_abbreviations.size() == 12)
    return locale.month_abbreviations[month - 1];
  UErrorCode status = U_ZERO_ERROR;
  icu::DateFormatSymbols symbols(icu::Locale(locale.language.c_str()), status);
  if (U_FAILURE(status))
    return std::string(kMonthNames[month - 1]).substr(0, 3);
  int32_t count = 0;
  const icu::UnicodeString* months =
      symbols.getMonths(count, icu::DateFormatSymbols::STANDALONE,
                        icu::DateFormatSymbols::ABBREVIATED);
  if (count < month)
    return std::string(kMonthNames[month - 1]).substr(0, 3);
  std::string out;
  months[month - 1].toUTF8String(out);
  return out;
}

} // namespace

std::string format_date(const Date& date, const Locale& locale) {
  switch (date.precision) {
  case DatePrecision::Year:
    return std::to_string(date.year);
  case DatePrecision::Month:
    return month_abbreviation(date.month, locale) + " " +
           std::to_string(date.year);
  case DatePrecision::Day:
    return std::to_string(date.day) + " " +
           month_abbreviation(date.month, locale) + " " +
           std::to_string(date.year);
  case DatePrecision::Present:
    return present_word(locale);
  case DatePrecision::FreeText:
    return date.text;
  }
  return date.text;
}

std::string format_entry_dates(const DatedFields& fields,
                               const Locale& locale) {
  if (fields.start_date) {
    std::string start = format_date(*fields.start_date, locale);
    std::string end = fields.end_date ? format_date(*fields.end_date, locale)
                                      : present_word(locale);
    if (start == end)
      return start;
    return start + " \u2013 " + end;
  }
  if (fields.date)
    return format_date(*fields.date, locale);
  if (fields.end_date)
    return format_date(*fields.end_date, locale);
  return {};
}

std::string iso_date(const Date& date) {
  char buffer[16];
  switch (date.precision) {
  case DatePrecision::Year:
    std::snprintf(buffer, sizeof buffer, "%04d", date.year);
    return buffer;
  case DatePrecision::Month:
    std::snprintf(buffer, sizeof buffer, "%04d-%02d", date.year, date.month);
    return buffer;
  case DatePrecision::Day:
    std::snprintf(buffer, sizeof buffer, "%04d-%02d-%02d", date.year,
                  date.month, date.day);
    return buffer;
  case DatePrecision::Present:
  case DatePrecision::FreeText:
    return {};
  }
  return {};
}

} // namespace cvc
