#include "dates.hpp"
#include "dates_locale_table.hpp"
#include "html_writer.hpp"
#include "json_writer.hpp"
#include "markdown_writer.hpp"
#include "support.hpp"

#include <catch2/catch.hpp>

#include <unicode/locid.h>
#include <unicode/timezone.h>

#include <cstdlib>
#include <ctime>

using namespace cvc;

namespace {

Date date_of(const char* text) {
  DateParse parsed = parse_date(text, false);
  REQUIRE(parsed.date.has_value());
  return *parsed.date;
}

Locale locale_of(const char* language) {
  Locale locale;
  locale.language = language;
  return locale;
}

std::string range(const char* start, const char* end, const Locale& locale) {
  DatedFields fields;
  fields.start_date = date_of(start);
  if (end)
    fields.end_date = date_of(end);
  return format_entry_dates(fields, locale);
}

// The page's text with its tags removed: a range is split by <time>
// elements. Text holds no `<`, which the writer escapes.
std::string without_tags(const std::string& html) {
  std::string out;
  bool in_tag = false;
  for (char c : html) {
    if (c == '<')
      in_tag = true;
    else if (c == '>')
      in_tag = false;
    else if (!in_tag)
      out += c;
  }
  return out;
}

} // namespace

TEST_CASE("dates: each language and precision") {
  for (const test::LocaleDates& expected : test::kLocaleDates) {
    INFO(expected.language);
    Locale locale = locale_of(expected.language);
    CHECK(format_date(date_of("2018"), locale) == expected.year);
    CHECK(format_date(date_of("2018-09"), locale) == expected.month);
    CHECK(format_date(date_of("2018-09-05"), locale) == expected.day);
    CHECK(range("2018-09", nullptr, locale) == expected.ongoing);
    CHECK(range("2018-09", "present", locale) == expected.ongoing);
  }
}

// format_date reads CLDR's patterns and month names itself. It must write
// what ICU's own formatters write, for every locale that ICU has and for
// tags that name a locale through an alias or a script.
TEST_CASE("dates: CLDR data matches ICU formatters") {
  // Aliases, scripts, regions, extensions and unknown tags; then every
  // locale that ICU has.
  std::vector<std::string> languages = {"zh-TW",
                                        "zh-HK",
                                        "zh-Hant",
                                        "sr-Latn",
                                        "sr-ME",
                                        "pa-PK",
                                        "iw",
                                        "in",
                                        "no",
                                        "pt-BR",
                                        "en-GB",
                                        "en-IN",
                                        "de-CH",
                                        "es-419",
                                        "th",
                                        "fa",
                                        "ar",
                                        "ar-SA",
                                        "xx",
                                        "und",
                                        "ru-Latn",
                                        "el-Latn",
                                        "ja-Latn",
                                        "fr-Arab",
                                        "ms-Arab",
                                        "ha-Arab",
                                        "en-Dsrt",
                                        "en-Shaw",
                                        "ja-JP-u-ca-japanese",
                                        "en-u-nu-arab"};

  int32_t count = 0;
  const icu::Locale* available = icu::Locale::getAvailableLocales(count);
  for (int32_t i = 0; i < count; ++i) {
    UErrorCode status = U_ZERO_ERROR;
    languages.push_back(available[i].toLanguageTag<std::string>(status));
  }

  const char* dates[] = {"2018",    "0999",       "2018-09",
                         "2021-01", "2018-09-05", "1987-12-31"};
  size_t compared = 0;
  for (const std::string& language : languages) {
    // ICU 72's data gives nb and nn the parent `no`, which its pattern
    // generator does not follow: it takes root's patterns (`2018 M09`).
    // Reading the data follows the parent, as checked below.
    if (language.rfind("nb", 0) == 0 || language.rfind("nn", 0) == 0)
      continue;
    for (bool full : {false, true}) {
      Locale locale = locale_of(language.c_str());
      locale.full_month_names = full;
      for (const char* text : dates) {
        Date date = date_of(text);
        // ICU first, so that its text cannot depend on data that the
        // direct reading loaded before it.
        std::string icu = format_date_through_icu(date, locale);
        std::string direct = format_date(date, locale);
        if (direct != icu) {
          INFO(language << (full ? " full" : "") << " " << text);
          CHECK(direct == icu);
        }
        ++compared;
      }
    }
  }
  CHECK(compared > 5000);

  CHECK(format_date(date_of("2018-09"), locale_of("nb")) == "sep. 2018");
  CHECK(format_date(date_of("2018-09-05"), locale_of("nb")) == "5. sep. 2018");
  CHECK(format_date(date_of("2018-09"), locale_of("nn")) == "sep. 2018");

  // The locale's own month names replace CLDR's in both paths.
  Locale locale = locale_of("ru");
  locale.month_abbreviations = {"a", "b", "c", "d", "e", "f",
                                "g", "h", "i", "j", "k", "l"};
  CHECK(format_date(date_of("2018-09"), locale) ==
        format_date_through_icu(date_of("2018-09"), locale));
  CHECK(format_date(date_of("2018-09-05"), locale) ==
        format_date_through_icu(date_of("2018-09-05"), locale));
}

TEST_CASE("dates: a year stays a year") {
  Locale locale = locale_of("en");
  CHECK(format_date(date_of("2018"), locale) == "2018");
  CHECK(range("2015", "2017", locale) == "2015 – 2017");
  CHECK(iso_date(date_of("2018")) == "2018");
  CHECK(iso_date(date_of("2018-09")) == "2018-09");
  CHECK(iso_date(date_of("2018-09-05")) == "2018-09-05");
}

TEST_CASE("dates: same start and end shown once") {
  Locale locale = locale_of("en");
  CHECK(range("2018-09", "2018-09", locale) == "Sep 2018");
  CHECK(range("2018", "2018", locale) == "2018");
}

TEST_CASE("dates: mixed precision range") {
  CHECK(range("2018", "2019-03", locale_of("en")) == "2018 – Mar 2019");
  CHECK(range("2018-09-05", "2019", locale_of("de")) == "5. Sept. 2018 – 2019");
}

TEST_CASE("dates: locale overrides") {
  Locale locale = locale_of("en");
  locale.present = "now";
  locale.range_separator = " to ";
  CHECK(range("2018-09", nullptr, locale) == "Sep 2018 to now");
  locale.month_abbreviations = {"Jan",  "Feb", "Mar",  "Apr", "May", "June",
                                "July", "Aug", "Sept", "Oct", "Nov", "Dec"};
  CHECK(format_date(date_of("2018-09"), locale) == "Sept 2018");
  locale.full_month_names = true;
  CHECK(format_date(date_of("2018-09"), locale) == "September 2018");
  locale.month_names = {"I",   "II",   "III", "IV", "V",  "VI",
                        "VII", "VIII", "IX",  "X",  "XI", "XII"};
  CHECK(format_date(date_of("2018-09"), locale) == "IX 2018");
}

TEST_CASE("dates: no time zone shifts a date") {
  // Far east and far west of UTC: a date at midnight in one zone is the
  // day before or after in UTC, which must not show.
  const char* zones[] = {"Pacific/Kiritimati", "Etc/GMT+12", "UTC"};
  std::unique_ptr<icu::TimeZone> original(icu::TimeZone::createDefault());
  for (const char* zone : zones) {
    INFO(zone);
    setenv("TZ", zone, 1);
    tzset();
    icu::TimeZone::adoptDefault(
        icu::TimeZone::createTimeZone(icu::UnicodeString(zone)));
    Locale locale = locale_of("en");
    CHECK(format_date(date_of("2018-01-01"), locale) == "Jan 1, 2018");
    CHECK(format_date(date_of("2018-12"), locale) == "Dec 2018");
    CHECK(format_date(date_of("2018"), locale) == "2018");
    CHECK(range("2018-01", "2018-01", locale) == "Jan 2018");
    CHECK(format_date(date_of("2020-02-29"), locale) == "Feb 29, 2020");
  }
  icu::TimeZone::adoptDefault(original.release());
  unsetenv("TZ");
  tzset();
}

TEST_CASE("dates: newest first keeps ties in order") {
  Cv cv = test::parse_valid(
      "cv:\n  name: A\n  sections:\n    Jobs:\n"
      "      - {company: Old, position: P, start_date: 2010, end_date: 2012}\n"
      "      - {company: Now, position: P, start_date: 2019}\n"
      "      - {company: Tie1, position: P, date: 2015}\n"
      "      - {company: Undated, position: P}\n"
      "      - {company: Tie2, position: P, date: 2015}\n"
      "      - {company: Ended, position: P, start_date: 2016, "
      "end_date: present}\n"
      "settings:\n  newest_first: [Jobs]\n");
  std::vector<std::string> order;
  for (const Entry& entry : cv.sections[0].entries)
    order.push_back(std::get<ExperienceEntry>(entry).company.source);
  CHECK(order == std::vector<std::string>{"Now", "Ended", "Tie1", "Tie2", "Old",
                                          "Undated"});
}

TEST_CASE("dates: newest first names a section") {
  Diagnostics diagnostics;
  CHECK_FALSE(test::parse("cv:\n  name: A\n  sections:\n    Jobs: [x]\n"
                          "settings:\n  newest_first: [Job]\n",
                          diagnostics)
                  .has_value());
  REQUIRE(diagnostics.error_count() == 1);
  CHECK(diagnostics.all()[0].message ==
        "'newest_first' names no section 'Job'");
  CHECK(diagnostics.all()[0].hint == "did you mean 'Jobs'?");
}

TEST_CASE("dates: ISO form in JSON Resume") {
  for (const test::LocaleDates& expected : test::kLocaleDates) {
    INFO(expected.language);
    Cv cv = test::parse_valid(test::dated_cv(expected.language));
    Diagnostics diagnostics;
    std::string json =
        write_json_resume(cv, JsonFlavor::JsonResume, diagnostics);
    // The same ISO dates in every language, at the precision given.
    for (const char* iso : {"\"2018\"", "\"2018-09\"", "\"2018-09-05\""})
      CHECK(json.find(iso) != std::string::npos);
    CHECK(json.find("present") == std::string::npos);
    CHECK(json.find(expected.month) == std::string::npos);
  }
}

TEST_CASE("dates: same text in Markdown and HTML") {
  for (const test::LocaleDates& expected : test::kLocaleDates) {
    INFO(expected.language);
    Cv cv = test::parse_valid(test::dated_cv(expected.language));
    Diagnostics diagnostics;
    std::optional<std::string> markdown =
        write_markdown(cv, MarkdownOptions{}, diagnostics);
    REQUIRE(markdown.has_value());
    std::optional<std::string> html =
        write_html(cv, HtmlOptions{}, diagnostics);
    REQUIRE(html.has_value());
    std::string html_text = without_tags(*html);
    for (const char* text :
         {expected.year, expected.month, expected.day, expected.ongoing}) {
      INFO(text);
      CHECK(markdown->find(text) != std::string::npos);
      CHECK(html_text.find(text) != std::string::npos);
    }
    CHECK(html->find("datetime=\"2018-09-05\"") != std::string::npos);
    CHECK(html->find("datetime=\"2018-09\"") != std::string::npos);
    CHECK(html->find("lang=\"" + std::string(expected.language) + "\"") !=
          std::string::npos);
  }
}
