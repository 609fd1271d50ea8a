// Dates of entries: strict parsing of YYYY, YYYY-MM and YYYY-MM-DD, and
// display text in the CV's language through ICU.
#pragma once

#include "model.hpp"

#include <string>
#include <string_view>

namespace cvc {

/// The result of parsing a date value: a date, or the reason it is invalid.
struct DateParse {
  std::optional<Date> date;
  std::string error;
};

/// Parses `YYYY`, `YYYY-MM`, `YYYY-MM-DD` or `present`. When `free_text` is
/// true (the `date` key), any other text is kept as a free-text date;
/// otherwise it is an error. Calendar checks (month 13, 30 February) apply
/// to whatever looks like an ISO date. No time zone is involved.
DateParse parse_date(std::string_view text, bool free_text);

/// Compares two dates at the precision both have; `present` is the latest.
/// Returns a negative, zero or positive number.
int compare_dates(const Date& a, const Date& b);

/// Formats one date for display: `2018`, `Sep 2018`, `12 Sep 2018`, the
/// word for "present", or the free text as given.
std::string format_date(const Date& date, const Locale& locale);

/// Formats one date as format_date does, through ICU's pattern generator
/// and date formatter in every case. format_date reads CLDR's patterns and
/// month names itself where that gives the same text, because building
/// those ICU objects costs more than converting a small CV; tests compare
/// the two over every locale ICU has.
std::string format_date_through_icu(const Date& date, const Locale& locale);

/// Formats the dates of an entry: its `date`, or `start – end`. An entry
/// with a start and no end is shown as ongoing. Returns an empty string when
/// the entry has no date.
std::string format_entry_dates(const DatedFields& fields, const Locale& locale);

/// Returns the ISO 8601 form of a date at its precision (`2018`, `2018-09`,
/// `2018-09-12`), or an empty string for `present` and free text.
std::string iso_date(const Date& date);

} // namespace cvc
