#include "dates.hpp"

#include <unicode/calendar.h>
#include <unicode/dtfmtsym.h>
#include <unicode/dtitvinf.h>
#include <unicode/dtptngen.h>
#include <unicode/gregocal.h>
#include <unicode/locid.h>
#include <unicode/smpdtfmt.h>
#include <unicode/strenum.h>
#include <unicode/timezone.h>
#include <unicode/ures.h>

#include <array>
#include <cstdio>
#include <map>
#include <memory>
#include <mutex>
#include <optional>

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
    if (year == 0) {
      result.error =
          "invalid date '" + std::string(text) + "': there is no year 0";
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

// The word for an ongoing end date: ICU's data has none.
std::string present_word(const Locale& locale) {
  if (!locale.present.empty())
    return locale.present;
  static const std::map<std::string, std::string, std::less<>> words = {
      {"de", "heute"},
      {"el", "σήμερα"},
      {"en", "present"},
      {"es", "actualidad"},
      {"fr", "présent"},
      {"it", "presente"},
      {"ja", "現在"},
      {"nl", "heden"},
      {"pl", "obecnie"},
      {"pt", "presente"},
      {"ru", "настоящее время"},
      {"tr", "günümüz"},
      {"vi", "nay"},
      {"zh", "至今"},
      {"da", "nu"},
      {"sv", "nu"},
      {"nb", "nå"},
      {"fi", "nykyään"},
      {"cs", "současnost"},
      {"hu", "jelenleg"},
      {"uk", "тепер"},
  };
  std::string language = locale.language.substr(0, locale.language.find('-'));
  auto found = words.find(language);
  return found == words.end() ? "present" : found->second;
}

std::string to_utf8(const icu::UnicodeString& text) {
  std::string out;
  text.toUTF8String(out);
  return out;
}

// The pattern generator of a language, made once and kept: making one
// loads all the language's date patterns, which costs more than a whole
// small CV. Returns null when ICU cannot make one.
icu::DateTimePatternGenerator* pattern_generator(const icu::Locale& locale) {
  static std::map<std::string, std::unique_ptr<icu::DateTimePatternGenerator>>
      generators;
  std::string name = locale.getName();
  auto found = generators.find(name);
  if (found == generators.end()) {
    UErrorCode status = U_ZERO_ERROR;
    std::unique_ptr<icu::DateTimePatternGenerator> generator(
        icu::DateTimePatternGenerator::createInstance(locale, status));
    if (U_FAILURE(status))
      generator.reset();
    found = generators.emplace(name, std::move(generator)).first;
  }
  return found->second.get();
}

struct BundleCloser {
  void operator()(UResourceBundle* bundle) const { ures_close(bundle); }
};
using Bundle = std::unique_ptr<UResourceBundle, BundleCloser>;

std::string string_of(const UChar* text, int32_t length) {
  return to_utf8(icu::UnicodeString(text, length));
}

// The locale that `bundle`, or a resource taken from it, came from.
std::string_view actual_locale(const UResourceBundle* bundle) {
  UErrorCode status = U_ZERO_ERROR;
  const char* name = ures_getLocaleByType(bundle, ULOC_ACTUAL_LOCALE, &status);
  return U_SUCCESS(status) && name ? name : "";
}

// The resource at `path` in the CLDR data of `locale_name` or, as ICU
// inherits data, of its parent locales up to root. Null when none has it,
// or when a locale on the way is one that ICU does not have or names
// through an alias (`sr_ME` for `sr_Latn_ME`): ICU's own fallback for those
// is left to ICU. When `from_root` is given, it is set to whether root's
// data was taken.
Bundle cldr_resource(std::string locale_name,
                     std::initializer_list<const char*> path,
                     bool* from_root = nullptr) {
  // Locale names have few parts; the bound only guards against a cycle.
  for (int depth = 0; depth < 8 && !locale_name.empty(); ++depth) {
    // ures_open resolves the name as ICU's formatters do. The name is a
    // locale of its own only when the bundle's actual locale is that name.
    UErrorCode status = U_ZERO_ERROR;
    Bundle bundle(ures_open(nullptr, locale_name.c_str(), &status));
    if (U_FAILURE(status) || actual_locale(bundle.get()) != locale_name)
      return nullptr;

    // ures_getByKey fills in and returns its last argument.
    UResourceBundle* resource = nullptr;
    const UResourceBundle* table = bundle.get();
    for (const char* key : path) {
      resource = ures_getByKey(table, key, resource, &status);
      table = resource;
    }
    if (U_SUCCESS(status)) {
      if (from_root)
        *from_root = actual_locale(resource) == "root";
      return Bundle(resource);
    }
    ures_close(resource);
    if (locale_name == "root")
      break;

    // The parent named in the locale's own data, else the name without
    // its last part. A top-level key may come from a parent's data, so
    // only this locale's own `%%Parent` counts.
    std::string parent;
    status = U_ZERO_ERROR;
    Bundle named(ures_getByKey(bundle.get(), "%%Parent", nullptr, &status));
    if (U_SUCCESS(status) && actual_locale(named.get()) == locale_name) {
      int32_t length = 0;
      const UChar* text = ures_getString(named.get(), &length, &status);
      if (U_SUCCESS(status))
        parent = string_of(text, length);
    }
    if (parent.empty()) {
      size_t cut = locale_name.rfind('_');
      parent = cut == std::string::npos ? "root" : locale_name.substr(0, cut);
    }
    locale_name = parent;
  }
  return nullptr;
}

std::optional<std::string> cldr_string(const std::string& locale_name,
                                       std::initializer_list<const char*> path,
                                       bool* from_root = nullptr) {
  Bundle resource = cldr_resource(locale_name, path, from_root);
  if (!resource)
    return std::nullopt;
  UErrorCode status = U_ZERO_ERROR;
  int32_t length = 0;
  const UChar* text = ures_getString(resource.get(), &length, &status);
  if (U_FAILURE(status))
    return std::nullopt;
  return string_of(text, length);
}

// A piece of a CLDR date pattern: literal text, or a field letter
// repeated `width` times.
struct PatternPiece {
  char field = 0;
  int width = 0;
  std::string text;
};

// Splits a pattern (`d MMM y`, `LLL y 'г'.`) into pieces. Returns nothing
// for a field other than year, month and day, which ICU must format.
std::optional<std::vector<PatternPiece>>
split_pattern(std::string_view pattern) {
  std::vector<PatternPiece> pieces;
  auto literal = [&](char c) {
    if (pieces.empty() || pieces.back().field != 0)
      pieces.emplace_back();
    pieces.back().text += c;
  };
  for (size_t i = 0; i < pattern.size();) {
    char c = pattern[i];
    if (c == '\'') {
      if (i + 1 < pattern.size() && pattern[i + 1] == '\'') {
        literal('\'');
        i += 2;
        continue;
      }
      size_t close = i + 1;
      while (close < pattern.size()) {
        if (pattern[close] == '\'' && close + 1 < pattern.size() &&
            pattern[close + 1] == '\'') {
          literal('\'');
          close += 2;
        } else if (pattern[close] == '\'') {
          break;
        } else {
          literal(pattern[close++]);
        }
      }
      i = close + 1;
    } else if ((c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z')) {
      size_t end = pattern.find_first_not_of(c, i);
      if (end == std::string_view::npos)
        end = pattern.size();
      int width = static_cast<int>(end - i);
      bool known = (c == 'y') || ((c == 'M' || c == 'L') && width <= 4) ||
                   (c == 'd' && width <= 2);
      if (!known)
        return std::nullopt;
      pieces.push_back({c, width, {}});
      i = end;
    } else {
      literal(c);
      ++i;
    }
  }
  return pieces;
}

std::string padded(int value, int width) {
  std::string digits = std::to_string(value);
  if (static_cast<int>(digits.size()) < width)
    digits.insert(0, static_cast<size_t>(width) - digits.size(), '0');
  return digits;
}

// ICU's default calendar for a locale, which its date formatters use.
std::string default_calendar(const icu::Locale& locale) {
  UErrorCode status = U_ZERO_ERROR;
  std::unique_ptr<icu::StringEnumeration> calendars(
      icu::Calendar::getKeywordValuesForLocale("calendar", locale, true,
                                               status));
  const char* first =
      U_SUCCESS(status) ? calendars->next(nullptr, status) : nullptr;
  return U_SUCCESS(status) && first ? first : "";
}

// A date format read straight from CLDR's data: the skeleton's pattern
// from the Gregorian calendar's available formats, and the month names.
// It writes what ICU's pattern generator and date formatter write, without
// building them: together they took 0.7 ms per language here, more than
// converting a small CV. Locales whose dates need more (another calendar, other
// digits, a skeleton with no pattern of its own) are left to ICU.
class CldrDateFormat {
public:
  static std::unique_ptr<CldrDateFormat> make(const icu::Locale& locale,
                                              const char* skeleton) {
    std::string name = locale.getName();
    // Keywords (`@calendar=`, `@numbers=`) change what ICU writes.
    if (name.empty() || name.find('@') != std::string::npos)
      return nullptr;
    // ICU's pattern generator prefers the locale's standard date patterns
    // to a pattern that only root has. A locale that ICU does not have
    // falls back to the default locale, not to root, so root's data is
    // left to ICU.
    bool from_root = false;
    std::optional<std::string> pattern = cldr_string(
        name, {"calendar", "gregorian", "availableFormats", skeleton},
        &from_root);
    if (!pattern || from_root)
      return nullptr;
    std::optional<std::vector<PatternPiece>> pieces = split_pattern(*pattern);
    if (!pieces)
      return nullptr;
    std::optional<std::string> digits =
        cldr_string(name, {"NumberElements", "default"});
    if (digits && *digits != "latn")
      return nullptr;
    if (default_calendar(locale) != "gregorian")
      return nullptr;
    auto format = std::unique_ptr<CldrDateFormat>(new CldrDateFormat);
    format->pieces_ = std::move(*pieces);
    for (const PatternPiece& piece : format->pieces_) {
      if (piece.width < 3 || (piece.field != 'M' && piece.field != 'L'))
        continue;
      std::vector<std::string>& names =
          format->month_names(piece.field, piece.width);
      if (!names.empty())
        continue;
      // Root's names are aliases that ICU resolves in the requested
      // locale, which root does not know.
      Bundle list =
          cldr_resource(name,
                        {"calendar", "gregorian", "monthNames",
                         piece.field == 'M' ? "format" : "stand-alone",
                         piece.width == 3 ? "abbreviated" : "wide"},
                        &from_root);
      if (!list || from_root || ures_getSize(list.get()) != 12)
        return nullptr;
      for (int32_t month = 0; month < 12; ++month) {
        UErrorCode status = U_ZERO_ERROR;
        int32_t length = 0;
        const UChar* text =
            ures_getStringByIndex(list.get(), month, &length, &status);
        if (U_FAILURE(status))
          return nullptr;
        names.push_back(string_of(text, length));
      }
    }
    return format;
  }

  // Puts the locale's own month names of one width in place of CLDR's, in
  // both contexts.
  void override_months(const std::vector<std::string>& names, bool full) {
    int width = full ? 4 : 3;
    for (char field : {'M', 'L'})
      if (!month_names(field, width).empty())
        month_names(field, width) = names;
  }

  std::string format(int year, int month, int day) const {
    std::string out;
    for (const PatternPiece& piece : pieces_) {
      switch (piece.field) {
      case 0:
        out += piece.text;
        break;
      case 'y':
        out += piece.width == 2 ? padded(year % 100, 2)
                                : padded(year, piece.width);
        break;
      case 'd':
        out += padded(day, piece.width);
        break;
      default: // 'M' or 'L'
        out +=
            piece.width <= 2
                ? padded(month, piece.width)
                : month_names_[piece.field == 'L'][piece.width == 4][month - 1];
        break;
      }
    }
    return out;
  }

private:
  CldrDateFormat() = default;

  std::vector<std::string>& month_names(char field, int width) {
    return month_names_[field == 'L'][width == 4];
  }

  std::vector<PatternPiece> pieces_;
  // By context (format, stand-alone) and width (abbreviated, wide).
  std::vector<std::string> month_names_[2][2];
};

// A date formatter for one language and skeleton, made once and kept:
// building ICU formatters costs far more than using them.
class DateFormatter {
public:
  DateFormatter(const Locale& locale, const char* skeleton, bool through_icu) {
    UErrorCode status = U_ZERO_ERROR;
    icu::Locale icu_locale =
        icu::Locale::forLanguageTag(locale.language, status);
    if (U_FAILURE(status))
      icu_locale = icu::Locale::getEnglish();
    status = U_ZERO_ERROR;
    const std::vector<std::string>& names = locale.full_month_names
                                                ? locale.month_names
                                                : locale.month_abbreviations;
    if (!through_icu) {
      cldr_ = CldrDateFormat::make(icu_locale, skeleton);
      if (cldr_) {
        if (names.size() == 12)
          cldr_->override_months(names, locale.full_month_names);
        return;
      }
    }
    icu::DateTimePatternGenerator* generator = pattern_generator(icu_locale);
    if (!generator)
      return;
    icu::UnicodeString pattern =
        generator->getBestPattern(icu::UnicodeString(skeleton), status);
    format_ =
        std::make_unique<icu::SimpleDateFormat>(pattern, icu_locale, status);
    if (U_FAILURE(status)) {
      format_.reset();
      return;
    }
    // Dates are calendar dates: formatting in UTC keeps any time zone out.
    format_->setTimeZone(*icu::TimeZone::getGMT());
    calendar_ = std::make_unique<icu::GregorianCalendar>(
        *icu::TimeZone::getGMT(), status);
    if (U_FAILURE(status)) {
      format_.reset();
      return;
    }
    if (names.size() == 12)
      override_months(names, locale.full_month_names);
  }

  std::optional<std::string> format(int year, int month, int day) const {
    if (cldr_)
      return cldr_->format(year, month, day);
    if (!format_)
      return std::nullopt;
    UErrorCode status = U_ZERO_ERROR;
    calendar_->clear();
    calendar_->set(year, month - 1, day, 12, 0, 0);
    UDate time = calendar_->getTime(status);
    if (U_FAILURE(status))
      return std::nullopt;
    icu::UnicodeString out;
    format_->format(time, out);
    return to_utf8(out);
  }

private:
  std::unique_ptr<CldrDateFormat> cldr_;
  std::unique_ptr<icu::SimpleDateFormat> format_;
  // Turns a date into ICU's time; kept, because making one loads the
  // locale's week data.
  std::unique_ptr<icu::Calendar> calendar_;

  // The locale's own month names replace ICU's, in every form and context.
  void override_months(const std::vector<std::string>& names, bool full) {
    std::vector<icu::UnicodeString> months;
    for (const std::string& name : names)
      months.push_back(icu::UnicodeString::fromUTF8(name));
    icu::DateFormatSymbols symbols(*format_->getDateFormatSymbols());
    auto width = full ? icu::DateFormatSymbols::WIDE
                      : icu::DateFormatSymbols::ABBREVIATED;
    for (auto context :
         {icu::DateFormatSymbols::FORMAT, icu::DateFormatSymbols::STANDALONE})
      symbols.setMonths(months.data(), 12, context, width);
    format_->setDateFormatSymbols(symbols);
  }
};

// The locale settings that a formatter was made for, to find it again
// without building the cache key.
struct FormatterUse {
  std::string language;
  bool full_month_names = false;
  std::vector<std::string> month_names;
  DatePrecision precision = DatePrecision::Year;
  const DateFormatter* formatter = nullptr;

  bool matches(const Locale& locale, DatePrecision requested) const {
    const std::vector<std::string>& names = locale.full_month_names
                                                ? locale.month_names
                                                : locale.month_abbreviations;
    return formatter && precision == requested && language == locale.language &&
           full_month_names == locale.full_month_names && month_names == names;
  }
};

const DateFormatter& formatter(const Locale& locale, DatePrecision precision,
                               bool through_icu) {
  // A CV formats all its dates with one locale and at most three
  // precisions, so the last few formatters used are checked first.
  static std::array<FormatterUse, 3> recent;
  if (!through_icu)
    for (const FormatterUse& use : recent)
      if (use.matches(locale, precision))
        return *use.formatter;
  const char* skeleton = precision == DatePrecision::Year ? "y"
                         : precision == DatePrecision::Month
                             ? (locale.full_month_names ? "yMMMM" : "yMMM")
                             : (locale.full_month_names ? "yMMMMd" : "yMMMd");
  std::string key = locale.language + '|' + skeleton + '|' +
                    (locale.full_month_names ? "" : "a") +
                    (through_icu ? "|icu" : "");
  for (const std::string& name : locale.full_month_names
                                     ? locale.month_names
                                     : locale.month_abbreviations)
    key += '|' + name;
  static std::map<std::string, std::unique_ptr<DateFormatter>> cache;
  auto found = cache.find(key);
  if (found == cache.end())
    found = cache
                .emplace(key, std::make_unique<DateFormatter>(locale, skeleton,
                                                              through_icu))
                .first;
  if (through_icu)
    return *found->second;
  FormatterUse& slot = recent[static_cast<size_t>(precision) % recent.size()];
  slot = {locale.language, locale.full_month_names,
          locale.full_month_names ? locale.month_names
                                  : locale.month_abbreviations,
          precision, found->second.get()};
  return *found->second;
}

// The separator of a date range: ICU's fallback interval pattern for the
// language (`{0} – {1}` in English), or the locale's override.
std::string range_separator(const Locale& locale) {
  if (!locale.range_separator.empty())
    return locale.range_separator;
  static std::map<std::string, std::string> cache;
  auto found = cache.find(locale.language);
  if (found != cache.end())
    return found->second;
  std::string separator = " \u2013 ";
  UErrorCode status = U_ZERO_ERROR;
  icu::Locale icu_locale = icu::Locale::forLanguageTag(locale.language, status);
  icu::DateIntervalInfo info(icu_locale, status);
  if (U_SUCCESS(status)) {
    icu::UnicodeString pattern;
    info.getFallbackIntervalPattern(pattern);
    std::string text = to_utf8(pattern);
    size_t first = text.find("{0}");
    size_t second = text.find("{1}");
    if (first != std::string::npos && second != std::string::npos &&
        second > first + 3)
      separator = text.substr(first + 3, second - first - 3);
    // ICU puts thin spaces (U+2009) around the dash for some languages;
    // plain spaces read the same in every output format.
    std::string plain;
    for (size_t i = 0; i < separator.size();) {
      std::string_view rest = std::string_view(separator).substr(i);
      if (rest.substr(0, 3) == "\u2009" || rest.substr(0, 3) == "\u202F") {
        plain += ' ';
        i += 3;
      } else {
        plain += separator[i++];
      }
    }
    separator = plain;
  }
  cache.emplace(locale.language, separator);
  return separator;
}

// Guards the formatter caches: the writers of one CV may run in
// parallel, and ICU's formatters are not safe to share between threads.
std::mutex date_mutex;

std::string format_date_locked(const Date& date, const Locale& locale,
                               bool through_icu) {
  switch (date.precision) {
  case DatePrecision::Year:
  case DatePrecision::Month:
  case DatePrecision::Day: {
    std::optional<std::string> text =
        formatter(locale, date.precision, through_icu)
            .format(date.year, std::max(date.month, 1), std::max(date.day, 1));
    return text ? *text : iso_date(date);
  }
  case DatePrecision::Present:
    return present_word(locale);
  case DatePrecision::FreeText:
    return date.text;
  }
  return date.text;
}

} // namespace

std::string format_date(const Date& date, const Locale& locale) {
  std::lock_guard<std::mutex> lock(date_mutex);
  return format_date_locked(date, locale, false);
}

std::string format_date_through_icu(const Date& date, const Locale& locale) {
  std::lock_guard<std::mutex> lock(date_mutex);
  return format_date_locked(date, locale, true);
}

std::string format_entry_dates(const DatedFields& fields,
                               const Locale& locale) {
  std::lock_guard<std::mutex> lock(date_mutex);
  if (fields.start_date) {
    std::string start = format_date_locked(*fields.start_date, locale, false);
    std::string end = fields.end_date
                          ? format_date_locked(*fields.end_date, locale, false)
                          : present_word(locale);
    if (start == end)
      return start;
    return start + range_separator(locale) + end;
  }
  if (fields.date)
    return format_date_locked(*fields.date, locale, false);
  if (fields.end_date)
    return format_date_locked(*fields.end_date, locale, false);
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
