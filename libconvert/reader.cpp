#include "reader.hpp"

#include "dates.hpp"
#include "links.hpp"
#include "markup.hpp"
#include "unicode.hpp"
#include "yaml_tree.hpp"

#include <unicode/locid.h>

#include <algorithm>
#include <condition_variable>
#include <deque>
#include <exception>
#include <map>
#include <mutex>
#include <set>
#include <thread>

namespace cvc {

const char* entry_kind_name(EntryKind kind) {
  switch (kind) {
  case EntryKind::Education:
    return "education entry";
  case EntryKind::Experience:
    return "experience entry";
  case EntryKind::Publication:
    return "publication entry";
  case EntryKind::Normal:
    return "normal entry";
  case EntryKind::OneLine:
    return "one-line entry";
  case EntryKind::Bullet:
    return "bullet entry";
  case EntryKind::Numbered:
    return "numbered entry";
  case EntryKind::ReversedNumbered:
    return "reversed numbered entry";
  case EntryKind::Text:
    return "text entry";
  }
  return "entry";
}

std::string section_title_from_key(std::string_view key) {
  bool snake_case = key.find(' ') == std::string_view::npos &&
                    std::none_of(key.begin(), key.end(),
                                 [](char c) { return c >= 'A' && c <= 'Z'; });
  if (!snake_case)
    return std::string(key);
  static const std::set<std::string_view> small_words = {
      "a",  "an", "and", "as", "at",  "but", "by",  "for",
      "in", "of", "on",  "or", "the", "to",  "with"};
  std::string title;
  size_t start = 0;
  bool first = true;
  while (start <= key.size()) {
    size_t end = key.find('_', start);
    std::string_view word =
        key.substr(start, end == std::string_view::npos ? std::string_view::npos
                                                        : end - start);
    if (!word.empty()) {
      if (!title.empty())
        title += ' ';
      std::string w(word);
      if ((first || !small_words.count(word)) && w[0] >= 'a' && w[0] <= 'z')
        w[0] = static_cast<char>(w[0] - 'a' + 'A');
      title += w;
      first = false;
    }
    if (end == std::string_view::npos)
      break;
    start = end + 1;
  }
  return title.empty() ? std::string(key) : title;
}

namespace {

using Keys = std::vector<std::string_view>;

const Keys kTopKeys = {"cv", "design", "locale", "settings", "json_resume"};
const Keys kCvKeys = {"name",  "headline",        "location",
                      "email", "phone",           "website",
                      "photo", "social_networks", "sections"};
const Keys kDesignKeys = {"style", "color", "font_size", "paper", "engine"};
// Keys of RenderCV's own design model: accepted and ignored.
const Keys kRenderCvDesignKeys = {"theme",
                                  "page",
                                  "colors",
                                  "typography",
                                  "links",
                                  "header",
                                  "section_titles",
                                  "sections",
                                  "entries",
                                  "templates",
                                  "text",
                                  "highlights",
                                  "entry_types",
                                  "font",
                                  "show_timespan_in",
                                  "margins",
                                  "disable_page_numbering",
                                  "disable_last_updated_date",
                                  "page_numbering_template",
                                  "last_updated_date_template",
                                  "seperator_between_connections",
                                  "use_icons_for_connections"};
const Keys kLocaleKeys = {"language",        "present",
                          "month_names",     "month_abbreviations",
                          "range_separator", "month_format"};
// Keys of RenderCV's locale model that have no effect here.
const Keys kRenderCvLocaleKeys = {"last_updated",
                                  "month",
                                  "months",
                                  "year",
                                  "years",
                                  "to",
                                  "phone_number_format",
                                  "date_template",
                                  "date_style",
                                  "abbreviations_for_months",
                                  "full_names_of_months",
                                  "page_numbering_template",
                                  "last_updated_date_template"};
const Keys kSettingsKeys = {"current_date", "bold_keywords", "newest_first",
                            "academicpages_collections"};
const Keys kRenderCvSettingsKeys = {"render_command", "pdf_title"};
const Keys kStyles = {"classic", "casual", "banking", "oldstyle", "fancy"};
const Keys kColors = {"blue",   "orange", "green", "red",
                      "purple", "grey",   "black", "burgundy"};
const Keys kFontSizes = {"10pt", "11pt", "12pt"};
const Keys kEngines = {"pdflatex", "xelatex", "lualatex"};
const Keys kDatedKeys = {"date",     "start_date", "end_date",
                         "location", "summary",    "highlights"};

// The keys that decide an entry's kind and the other keys each kind takes.
struct KindKeys {
  EntryKind kind;
  Keys required;
  Keys optional;
  bool dated;
};

const std::vector<KindKeys>& kind_table() {
  static const std::vector<KindKeys> table = {
      {EntryKind::Education, {"institution", "area"}, {"degree"}, true},
      {EntryKind::Experience, {"company", "position"}, {}, true},
      {EntryKind::Publication,
       {"title", "authors"},
       {"doi", "url", "journal"},
       true},
      {EntryKind::Normal, {"name"}, {}, true},
      {EntryKind::OneLine, {"label", "details"}, {}, false},
      {EntryKind::Bullet, {"bullet"}, {}, false},
      {EntryKind::Numbered, {"number"}, {}, false},
      {EntryKind::ReversedNumbered, {"reversed_number"}, {}, false},
  };
  return table;
}

bool contains(const Keys& keys, std::string_view key) {
  return std::find(keys.begin(), keys.end(), key) != keys.end();
}

SourcePos pos_of(const yaml::Node& node) {
  return node.pos();
}

const char* type_name(const yaml::Node& node) {
  switch (node.type()) {
  case yaml::NodeType::Null:
    return "nothing";
  case yaml::NodeType::Scalar:
    return "a string";
  case yaml::NodeType::Sequence:
    return "a list";
  case yaml::NodeType::Map:
    return "a mapping";
  case yaml::NodeType::Undefined:
    break;
  }
  return "an undefined value";
}

std::string quoted(std::string_view text) {
  return "'" + std::string(text) + "'";
}

// Puts "a" or "an" before a kind name: "an education entry".
std::string articled(std::string_view name) {
  // "one-line" starts with a vowel letter but not a vowel sound.
  bool vowel =
      !name.empty() &&
      std::string_view("aeiou").find(name[0]) != std::string_view::npos &&
      name.substr(0, 3) != "one";
  return (vowel ? "an " : "a ") + std::string(name);
}

std::string join_keys(const Keys& keys) {
  std::string out;
  for (std::string_view key : keys) {
    if (!out.empty())
      out += ", ";
    out += key;
  }
  return out;
}

// Whether the leading blanks of a 1-based line hold a tab.
bool line_has_tab_indent(const std::string& source, int line) {
  size_t start = 0;
  for (int i = 1; i < line && start != std::string::npos; ++i) {
    start = source.find('\n', start);
    if (start != std::string::npos)
      ++start;
  }
  if (start == std::string::npos)
    return false;
  for (size_t i = start; i < source.size(); ++i) {
    if (source[i] == '\t')
      return true;
    if (source[i] != ' ')
      return false;
  }
  return false;
}

// Thrown when a limit is exceeded, after the error has been reported, to
// stop reading at once.
struct LimitExceeded {};

// Parses the Markdown of summaries on threads of its own while the reader
// goes on through the YAML. Publication abstracts can make up most of a
// CV, and parsing them took a third of reading it. The threads start once
// the summaries queued reach kParallelBytes.
class SummaryParser {
public:
  explicit SummaryParser(unsigned max_threads) : max_threads_(max_threads) {}
  SummaryParser(const SummaryParser&) = delete;
  SummaryParser& operator=(const SummaryParser&) = delete;
  ~SummaryParser() { stop(true); }

  // Queues the summary read at `pos` for a thread to parse.
  void add(SourcePos pos, const std::string& source);
  // Gives every summary of `cv` its tree: the one a thread parsed from the
  // same position and source, or one parsed here.
  void finish(Cv& cv);

private:
  struct Job {
    SourcePos pos;
    std::string source;
    MarkupNode tree;
    // The summary that took the tree, for an alias that reads it again.
    const Text* taken_by = nullptr;
  };

  static constexpr size_t kParallelBytes = 64 * 1024;
  // Jobs queued before a waiting thread is woken, so that threads are not
  // woken once per summary.
  static constexpr size_t kBatch = 16;

  unsigned max_threads_;
  // A deque, so that a thread's job stays in place while more are queued.
  std::deque<Job> jobs_;
  size_t queued_bytes_ = 0;
  std::mutex mutex_;
  std::condition_variable ready_;
  // Guarded by mutex_: the first job no thread has taken, the threads
  // waiting for one, and whether no more jobs will come.
  size_t next_ = 0;
  size_t waiting_ = 0;
  bool closed_ = false;
  bool abandoned_ = false;
  std::exception_ptr failure_;
  std::vector<std::thread> threads_;

  void work(bool wait);
  void stop(bool abandon);
};

void SummaryParser::add(SourcePos pos, const std::string& source) {
  if (max_threads_ <= 1 || source.empty())
    return;
  std::unique_lock<std::mutex> lock(mutex_);
  jobs_.push_back({pos, source, {}, nullptr});
  queued_bytes_ += source.size();
  if (threads_.empty() && queued_bytes_ >= kParallelBytes) {
    for (unsigned i = 1; i < max_threads_; ++i) {
      try {
        threads_.emplace_back([this] { work(true); });
      } catch (const std::system_error&) {
        // No thread to be had: finish() parses what is left.
        break;
      }
    }
  } else if (waiting_ > 0 && jobs_.size() - next_ >= kBatch) {
    ready_.notify_one();
  }
}

void SummaryParser::work(bool wait) {
  std::unique_lock<std::mutex> lock(mutex_);
  while (!abandoned_) {
    if (next_ == jobs_.size()) {
      if (closed_ || !wait)
        return;
      ++waiting_;
      ready_.wait(lock);
      --waiting_;
      continue;
    }
    Job& job = jobs_[next_++];
    lock.unlock();
    try {
      job.tree = parse_block_markup(job.source);
    } catch (...) {
      lock.lock();
      failure_ = std::current_exception();
      abandoned_ = true;
      return;
    }
    lock.lock();
  }
}

void SummaryParser::stop(bool abandon) {
  {
    std::lock_guard<std::mutex> lock(mutex_);
    closed_ = true;
    abandoned_ = abandoned_ || abandon;
  }
  ready_.notify_all();
  if (!abandon)
    work(false);
  for (std::thread& thread : threads_)
    thread.join();
  threads_.clear();
}

void SummaryParser::finish(Cv& cv) {
  stop(false);
  if (failure_)
    std::rethrow_exception(failure_);
  std::map<std::pair<int, int>, Job*> by_pos;
  for (Job& job : jobs_)
    by_pos.emplace(std::make_pair(job.pos.line, job.pos.column), &job);
  auto give_tree = [&](Text& text) {
    if (text.source.empty())
      return;
    auto found = by_pos.find({text.pos.line, text.pos.column});
    Job* job = found == by_pos.end() ? nullptr : found->second;
    if (!job || job->source != text.source)
      text.tree = parse_block_markup(text.source);
    else if (job->taken_by)
      text.tree = job->taken_by->tree;
    else {
      text.tree = std::move(job->tree);
      job->taken_by = &text;
    }
  };
  for (Section& section : cv.sections)
    for (Entry& entry : section.entries)
      std::visit(
          [&](auto& e) {
            if constexpr (std::is_base_of_v<DatedFields,
                                            std::decay_t<decltype(e)>>)
              give_tree(e.summary);
          },
          entry);
}

class Reader {
public:
  Reader(Diagnostics& diagnostics, const ReadLimits& limits)
      : diagnostics_(diagnostics), limits_(limits),
        summaries_(limits.max_threads) {}

  std::optional<Cv> read();
  std::optional<Cv> read_document();
  void sort_newest_first();

private:
  Diagnostics& diagnostics_;
  const ReadLimits& limits_;
  SummaryParser summaries_;
  Cv cv_;
  // Whether the value at each source offset has been read, to count values
  // that an alias makes the reader visit again.
  std::vector<bool> read_visits_;
  size_t alias_expansions_ = 0;
  // The bytes of the scalars that aliases made the reader visit again.
  size_t alias_bytes_ = 0;
  size_t entry_count_ = 0;
  // Keys of RenderCV models that are ignored, reported once per model.
  std::vector<std::string> ignored_design_keys_;
  std::vector<std::string> ignored_locale_keys_;
  SourcePos ignored_design_pos_;
  SourcePos newest_first_pos_;
  SourcePos ignored_locale_pos_;

  // A key and its value, in document order.
  struct Field {
    std::string key;
    yaml::Node key_node;
    yaml::Node value;
  };

  std::vector<Field> fields_of(const yaml::Node& map, std::string_view where);
  void reject_unknown_key(const Field& field, const Keys& allowed,
                          std::string_view where);

  std::optional<std::string> scalar(const yaml::Node& node,
                                    std::string_view what);
  // Counts a visit of `node`, and stops reading when aliases have made the
  // reader visit too many values again or when errors pile up.
  void count_visit(const yaml::Node& node);
  // Stops reading once errors pile up.
  void check_error_count(SourcePos pos);
  Text inline_text(const yaml::Node& node, std::string_view what);
  Text block_text(const yaml::Node& node, std::string_view what);
  // Reads a summary as block_text does, but leaves its tree for
  // summaries_ to parse.
  Text summary_text(const yaml::Node& node, std::string_view what);
  Scalar plain(const yaml::Node& node, std::string_view what);
  std::vector<Scalar> plain_list(const yaml::Node& node, std::string_view what);
  std::optional<Date> date(const yaml::Node& node, std::string_view what,
                           bool free_text);
  std::vector<Highlight> highlights(const yaml::Node& node, int depth);
  std::vector<std::string> string_list(const yaml::Node& node,
                                       std::string_view what);

  void read_cv_map(const yaml::Node& node);
  void check_website(const Scalar& website);
  void read_design(const yaml::Node& node);
  void read_locale(const yaml::Node& node);
  void read_settings(const yaml::Node& node);
  void read_collection_choices(const yaml::Node& node);
  void read_json_resume_fields(const yaml::Node& node);
  std::string yaml_to_json(const yaml::Node& node);
  void read_social_networks(const yaml::Node& node);
  void read_sections(const yaml::Node& node);
  std::optional<Entry> read_entry(const yaml::Node& node);
  std::optional<EntryKind> entry_kind(const std::vector<Field>& fields,
                                      const yaml::Node& node);
  void read_dated(const Field& field, DatedFields& dated);
  void check_date_order(const DatedFields& dated);
  Extra read_extra(const Field& field);
};

// Removes the control characters from `text`, the text of `node`, and
// returns the first one removed. A control character typed into the file
// was taken out before parsing. One written as an escape (`"\e"`) is
// taken out here.
std::optional<char32_t> remove_controls(const yaml::Node& node,
                                        std::string& text) {
  std::optional<char32_t> removed = remove_control_characters(text);
  if (node.removed())
    removed = node.removed();
  return removed;
}

// Returns the start of the warning for a removed character.
std::string removal_message(char32_t removed) {
  return std::string(removed >= 0xFFFE ? "removed non-character "
                                       : "removed control character ") +
         code_point_name(removed);
}

std::vector<Reader::Field> Reader::fields_of(const yaml::Node& map,
                                             std::string_view where) {
  std::vector<Field> fields;
  std::map<std::string, SourcePos> seen;
  for (size_t i = 0; i < map.size(); ++i) {
    yaml::Node key = map.key(i);
    yaml::Node value = map.value(i);
    check_error_count(pos_of(key));
    if (!key.is_scalar()) {
      diagnostics_.error(pos_of(key), "invalid key in " + std::string(where) +
                                          ": a key must be a string, not " +
                                          type_name(key));
      continue;
    }
    std::string name = key.text();
    if (std::optional<char32_t> removed = remove_controls(key, name))
      diagnostics_.warning(pos_of(key), removal_message(*removed) +
                                            " from the key " + quoted(name));
    if (name == "<<" && key.tag() != "!") {
      diagnostics_.error(pos_of(key),
                         "YAML merge keys ('<<') are not supported in " +
                             std::string(where),
                         "write the keys out, or use an alias for a whole "
                         "value");
      continue;
    }
    auto [found, inserted] = seen.emplace(name, pos_of(key));
    if (!inserted) {
      diagnostics_.error(
          pos_of(key),
          "duplicate key " + quoted(name) + " in " + std::string(where),
          "the first one is on line " + std::to_string(found->second.line) +
              "; remove one of them");
      continue;
    }
    fields.push_back({name, key, value});
  }
  return fields;
}

void Reader::reject_unknown_key(const Field& field, const Keys& allowed,
                                std::string_view where) {
  std::string suggestion = nearest_word(field.key, allowed);
  std::string hint = suggestion.empty()
                         ? "valid keys are: " + join_keys(allowed)
                         : "did you mean " + quoted(suggestion) + "?";
  diagnostics_.error(
      pos_of(field.key_node),
      "unknown key " + quoted(field.key) + " in " + std::string(where), hint);
  check_error_count(pos_of(field.key_node));
}

void Reader::count_visit(const yaml::Node& node) {
  bool again = node.is_defined() && read_visits_[node.offset()];
  if (node.is_defined())
    read_visits_[node.offset()] = true;
  if (again && ++alias_expansions_ > limits_.max_alias_expansions) {
    diagnostics_.error(pos_of(node),
                       "too many values repeated through YAML aliases "
                       "(more than " +
                           std::to_string(limits_.max_alias_expansions) + ")",
                       "write the values out instead of nesting aliases");
    throw LimitExceeded{};
  }
  // A few aliases of one long value can also make gigabytes of output.
  if (again && (alias_bytes_ += node.text().size()) > limits_.max_input_bytes) {
    diagnostics_.error(pos_of(node),
                       "values repeated through YAML aliases add up to more "
                       "than " +
                           std::to_string(limits_.max_input_bytes) + " bytes",
                       "write the values out instead of repeating them");
    throw LimitExceeded{};
  }
  check_error_count(pos_of(node));
}

void Reader::check_error_count(SourcePos pos) {
  // A file with this many errors is not a CV; the rest would add noise.
  constexpr size_t kMaxErrors = 100;
  if (diagnostics_.error_count() > kMaxErrors) {
    diagnostics_.error(pos, "too many errors; stopped reading",
                       "fix the errors above and run again");
    throw LimitExceeded{};
  }
}

std::optional<std::string> Reader::scalar(const yaml::Node& node,
                                          std::string_view what) {
  if (node.is_null())
    return std::nullopt;
  if (!node.is_scalar()) {
    diagnostics_.error(pos_of(node),
                       "invalid value for " + quoted(what) +
                           ": expected a string, got " + type_name(node),
                       node.is_sequence()
                           ? "write the items as one string, or quote a "
                             "value that starts with '['"
                           : "quote the value if it contains ': '");
    return std::nullopt;
  }
  count_visit(node);
  if (node.text().size() > limits_.max_value_bytes) {
    diagnostics_.error(pos_of(node),
                       "value of " + quoted(what) + " is longer than " +
                           std::to_string(limits_.max_value_bytes) + " bytes");
    return std::nullopt;
  }
  // Plain scalars keep their source text, so `3.10`, `NO` and
  // `07700900123` stay as written; only `~`, `null` and empty are absent.
  std::string value = normalize_nfc(node.text());
  if (std::optional<char32_t> removed = remove_controls(node, value))
    diagnostics_.warning(pos_of(node),
                         removal_message(*removed) + " from " + quoted(what));
  return value;
}

Text Reader::inline_text(const yaml::Node& node, std::string_view what) {
  Text text;
  text.pos = pos_of(node);
  if (std::optional<std::string> value = scalar(node, what)) {
    text.source = std::move(*value);
    text.tree = parse_inline_markup(text.source);
  }
  return text;
}

Text Reader::block_text(const yaml::Node& node, std::string_view what) {
  Text text;
  text.pos = pos_of(node);
  if (std::optional<std::string> value = scalar(node, what)) {
    text.source = std::move(*value);
    text.tree = parse_block_markup(text.source);
  }
  return text;
}

Text Reader::summary_text(const yaml::Node& node, std::string_view what) {
  Text text;
  text.pos = pos_of(node);
  if (std::optional<std::string> value = scalar(node, what)) {
    text.source = std::move(*value);
    summaries_.add(text.pos, text.source);
  }
  return text;
}

Scalar Reader::plain(const yaml::Node& node, std::string_view what) {
  Scalar out;
  out.pos = pos_of(node);
  if (std::optional<std::string> value = scalar(node, what)) {
    // Surrounding blanks are never part of an address or a number.
    size_t first = value->find_first_not_of(" \t\n");
    size_t last = value->find_last_not_of(" \t\n");
    if (first != std::string::npos)
      out.value = value->substr(first, last - first + 1);
  }
  return out;
}

std::vector<Scalar> Reader::plain_list(const yaml::Node& node,
                                       std::string_view what) {
  std::vector<Scalar> out;
  if (node.is_sequence()) {
    for (const yaml::Node& item : node) {
      Scalar value = plain(item, what);
      if (!value.empty())
        out.push_back(std::move(value));
    }
  } else {
    Scalar value = plain(node, what);
    if (!value.empty())
      out.push_back(std::move(value));
  }
  return out;
}

std::vector<std::string> Reader::string_list(const yaml::Node& node,
                                             std::string_view what) {
  std::vector<std::string> out;
  if (node.is_null())
    return out;
  if (!node.is_sequence()) {
    diagnostics_.error(pos_of(node), "invalid value for " + quoted(what) +
                                         ": expected a list, got " +
                                         type_name(node));
    return out;
  }
  for (const yaml::Node& item : node)
    if (std::optional<std::string> value = scalar(item, what))
      out.push_back(*value);
  return out;
}

std::optional<Date> Reader::date(const yaml::Node& node, std::string_view what,
                                 bool free_text) {
  std::optional<std::string> text = scalar(node, what);
  if (!text || text->empty())
    return std::nullopt;
  DateParse parsed = parse_date(*text, free_text);
  if (!parsed.date) {
    diagnostics_.error(pos_of(node), parsed.error + " in " + quoted(what),
                       "write dates as 2020, 2020-09 or 2020-09-15");
    return std::nullopt;
  }
  parsed.date->pos = pos_of(node);
  return parsed.date;
}

std::vector<Highlight> Reader::highlights(const yaml::Node& node, int depth) {
  count_visit(node);
  std::vector<Highlight> out;
  if (node.is_null())
    return out;
  if (!node.is_sequence()) {
    diagnostics_.error(
        pos_of(node),
        "invalid value for 'highlights': expected a list, got " +
            std::string(type_name(node)),
        "write each highlight as a list item starting with '- '");
    return out;
  }
  constexpr int kMaxDepth = 8;
  for (const yaml::Node& item : node) {
    if (item.is_sequence()) {
      // A list right after an item nests under it.
      if (depth >= kMaxDepth) {
        diagnostics_.error(pos_of(item), "highlights are nested more than " +
                                             std::to_string(kMaxDepth) +
                                             " levels deep");
        continue;
      }
      std::vector<Highlight> nested = highlights(item, depth + 1);
      if (out.empty()) {
        diagnostics_.error(pos_of(item),
                           "a nested list of highlights must follow an item",
                           "put the item that the list belongs to before it");
        continue;
      }
      for (Highlight& child : nested)
        out.back().children.push_back(std::move(child));
      continue;
    }
    Highlight highlight;
    highlight.text = block_text(item, "highlights");
    if (!highlight.text.empty())
      out.push_back(std::move(highlight));
  }
  return out;
}

std::optional<Cv> Reader::read() {
  try {
    std::optional<Cv> cv = read_document();
    if (cv)
      summaries_.finish(*cv);
    return cv;
  } catch (const LimitExceeded&) {
    return std::nullopt;
  }
}

std::optional<Cv> Reader::read_document() {
  const std::string& source = diagnostics_.source();
  if (source.size() > limits_.max_input_bytes) {
    diagnostics_.error({1, 1},
                       "input is larger than the maximum of " +
                           std::to_string(limits_.max_input_bytes) + " bytes",
                       "raise the limit with --max-input-size");
    return std::nullopt;
  }
  if (std::optional<size_t> bad = find_invalid_utf8(source)) {
    diagnostics_.error(position_of_offset(source, *bad),
                       "invalid UTF-8 at byte offset " + std::to_string(*bad),
                       "save the file as UTF-8");
    return std::nullopt;
  }

  if (size_t nul = source.find('\0'); nul != std::string::npos) {
    diagnostics_.error(position_of_offset(source, nul),
                       "invalid character: a NUL byte at byte offset " +
                           std::to_string(nul),
                       "YAML files are text; save the file as UTF-8 text");
    return std::nullopt;
  }
  // The stream is parsed whole before anything is read from it, so a
  // syntax error anywhere leaves no half-read CV behind.
  yaml::Stream stream = yaml::Stream::parse(source, limits_.max_depth);
  if (const std::optional<yaml::ParseError>& error = stream.error()) {
    std::string hint;
    if (error->message.find("anchor") != std::string::npos ||
        error->message.find("alias") != std::string::npos)
      hint = "a value that starts with '*' or '&' must be quoted, for "
             "example \"**Led** the team\"";
    else if (line_has_tab_indent(source, error->pos.line))
      hint = "indent with spaces: YAML does not allow tabs for indentation";
    else if (error->message.starts_with("invalid YAML") &&
             error->message.find("nested more than") == std::string::npos)
      hint = "quote values that contain ': ', ' #' or start with a special "
             "character";
    diagnostics_.error(error->pos, error->message, hint);
    return std::nullopt;
  }
  const std::vector<yaml::Node>& documents = stream.documents();
  if (documents.size() > 1) {
    diagnostics_.error(stream.document_starts().at(1),
                       "the file holds more than one YAML document",
                       "keep one CV per file: remove the second '---'");
    return std::nullopt;
  }
  yaml::Node root = documents.empty() ? yaml::Node() : documents.front();
  read_visits_.assign(source.size() + 1, false);

  if (!root.is_map()) {
    SourcePos where = pos_of(root);
    if (where.line == 0)
      where = {1, 1};
    diagnostics_.error(
        where,
        "invalid CV: the top level must be a mapping with the "
        "key 'cv', got " +
            std::string(root.is_defined() ? type_name(root) : "nothing"));
    return std::nullopt;
  }
  bool has_cv = false;
  for (const Field& field : fields_of(root, "the top level")) {
    if (field.key == "cv") {
      has_cv = true;
      read_cv_map(field.value);
    } else if (field.key == "design") {
      read_design(field.value);
    } else if (field.key == "locale") {
      read_locale(field.value);
    } else if (field.key == "settings") {
      read_settings(field.value);
    } else if (field.key == "json_resume") {
      read_json_resume_fields(field.value);
    } else {
      reject_unknown_key(field, kTopKeys, "the top level");
    }
  }
  if (!has_cv)
    diagnostics_.error({1, 1}, "missing key 'cv' at the top level",
                       "a CV file starts with 'cv:' and the person's name "
                       "under it");
  if (!ignored_design_keys_.empty()) {
    std::string keys;
    for (const std::string& key : ignored_design_keys_)
      keys += (keys.empty() ? "" : ", ") + key;
    diagnostics_.warning(ignored_design_pos_,
                         "ignored RenderCV design keys: " + keys,
                         "moderncv output uses 'style', 'color', "
                         "'font_size', 'paper' and 'engine'");
  }
  if (!ignored_locale_keys_.empty()) {
    std::string keys;
    for (const std::string& key : ignored_locale_keys_)
      keys += (keys.empty() ? "" : ", ") + key;
    diagnostics_.warning(ignored_locale_pos_,
                         "ignored RenderCV locale keys: " + keys);
  }
  sort_newest_first();
  if (diagnostics_.has_errors())
    return std::nullopt;
  return std::move(cv_);
}

// A website is a web address: with http, https or no scheme at all.
void Reader::check_website(const Scalar& website) {
  std::string_view value = website.value;
  size_t colon = value.find(':');
  size_t slash = value.find('/');
  bool has_scheme = colon != std::string_view::npos &&
                    (slash == std::string_view::npos || colon < slash) &&
                    value.find_first_of(" .", 0) > colon;
  if (!has_scheme)
    return;
  std::string scheme(value.substr(0, colon));
  for (char& c : scheme)
    if (c >= 'A' && c <= 'Z')
      c = static_cast<char>(c - 'A' + 'a');
  if (scheme != "http" && scheme != "https")
    diagnostics_.error(website.pos,
                       "invalid website " + quoted(website.value) +
                           ": only http and https addresses are websites",
                       "put e-mail addresses under 'email' and phone numbers "
                       "under 'phone'");
}

void Reader::read_cv_map(const yaml::Node& node) {
  if (!node.is_map()) {
    diagnostics_.error(pos_of(node), "invalid value for 'cv': expected a "
                                     "mapping, got " +
                                         std::string(type_name(node)));
    return;
  }
  const Field* name_field = nullptr;
  bool name_invalid = false;
  std::vector<Field> fields = fields_of(node, "'cv'");
  for (const Field& field : fields) {
    const std::string& key = field.key;
    if (key == "name") {
      name_field = &field;
      size_t errors_before = diagnostics_.error_count();
      cv_.name = inline_text(field.value, "name");
      name_invalid = diagnostics_.error_count() > errors_before;
    } else if (key == "headline") {
      cv_.headline = inline_text(field.value, "headline");
    } else if (key == "location") {
      cv_.location = inline_text(field.value, "location");
    } else if (key == "email") {
      cv_.emails = plain_list(field.value, "email");
    } else if (key == "phone") {
      cv_.phones = plain_list(field.value, "phone");
    } else if (key == "website") {
      cv_.websites = plain_list(field.value, "website");
      for (const Scalar& website : cv_.websites)
        check_website(website);
    } else if (key == "photo") {
      cv_.photo = plain(field.value, "photo");
    } else if (key == "social_networks") {
      read_social_networks(field.value);
    } else if (key == "sections") {
      read_sections(field.value);
    } else {
      reject_unknown_key(field, kCvKeys, "'cv'");
    }
  }
  if (!name_field)
    diagnostics_.error(pos_of(node), "missing key 'name' in 'cv'",
                       "add the person's full name, e.g. 'name: Ada "
                       "Lovelace'");
  else if (cv_.name.empty() && !name_invalid)
    diagnostics_.error(pos_of(name_field->key_node), "empty value for 'name'",
                       "add the person's full name, e.g. 'name: Ada "
                       "Lovelace'");
}

// Checks a value against a closed list and suggests the nearest one.
bool check_choice(Diagnostics& diagnostics, const yaml::Node& node,
                  const std::string& value, const Keys& choices,
                  std::string_view what) {
  if (contains(choices, value))
    return true;
  std::string suggestion = nearest_word(value, choices);
  diagnostics.error(
      pos_of(node), "invalid " + std::string(what) + " " + quoted(value),
      suggestion.empty() ? "valid values are: " + join_keys(choices)
                         : "did you mean " + quoted(suggestion) + "?");
  return false;
}

void Reader::read_design(const yaml::Node& node) {
  if (node.is_null())
    return;
  if (!node.is_map()) {
    diagnostics_.error(pos_of(node), "invalid value for 'design': expected a "
                                     "mapping, got " +
                                         std::string(type_name(node)));
    return;
  }
  Design& design = cv_.design;
  for (const Field& field : fields_of(node, "'design'")) {
    const std::string& key = field.key;
    std::optional<std::string> value;
    if (contains(kDesignKeys, key)) {
      value = scalar(field.value, key);
      if (!value)
        continue;
    }
    if (key == "style") {
      if (check_choice(diagnostics_, field.value, *value, kStyles, "style"))
        design.style = *value;
    } else if (key == "color") {
      if (check_choice(diagnostics_, field.value, *value, kColors, "color"))
        design.color = *value;
    } else if (key == "font_size") {
      if (check_choice(diagnostics_, field.value, *value, kFontSizes,
                       "font size"))
        design.font_size = *value;
    } else if (key == "paper") {
      static const std::map<std::string, std::string, std::less<>> papers = {
          {"a4", "a4paper"},
          {"a4paper", "a4paper"},
          {"letter", "letterpaper"},
          {"us-letter", "letterpaper"},
          {"letterpaper", "letterpaper"},
          {"a5", "a5paper"},
          {"a5paper", "a5paper"},
          {"legal", "legalpaper"},
          {"legalpaper", "legalpaper"}};
      auto found = papers.find(*value);
      if (found == papers.end())
        diagnostics_.error(pos_of(field.value),
                           "invalid paper " + quoted(*value),
                           "valid values are: a4, letter, a5, legal");
      else
        design.paper = found->second;
    } else if (key == "engine") {
      if (check_choice(diagnostics_, field.value, *value, kEngines, "engine"))
        design.engine = *value;
    } else if (contains(kRenderCvDesignKeys, key)) {
      if (ignored_design_keys_.empty())
        ignored_design_pos_ = pos_of(field.key_node);
      ignored_design_keys_.push_back(key);
    } else {
      reject_unknown_key(field, kDesignKeys, "'design'");
    }
  }
}

// RenderCV names languages in English words; the rest is BCP 47.
std::optional<std::string> language_tag(std::string_view value) {
  static const std::map<std::string, std::string, std::less<>> names = {
      {"english", "en"},
      {"german", "de"},
      {"french", "fr"},
      {"spanish", "es"},
      {"portuguese", "pt"},
      {"italian", "it"},
      {"dutch", "nl"},
      {"polish", "pl"},
      {"turkish", "tr"},
      {"vietnamese", "vi"},
      {"russian", "ru"},
      {"greek", "el"},
      {"chinese", "zh"},
      {"mandarin_chinese", "zh"},
      {"japanese", "ja"},
      {"danish", "da"},
      {"swedish", "sv"},
      {"norwegian", "nb"},
      {"norwegian_bokmål", "nb"},
      {"norwegian_nynorsk", "nn"},
      {"finnish", "fi"},
      {"czech", "cs"},
      {"hungarian", "hu"},
      {"indonesian", "id"},
      {"korean", "ko"},
      {"arabic", "ar"},
      {"hebrew", "he"},
      {"persian", "fa"},
      {"hindi", "hi"},
      {"ukrainian", "uk"}};
  auto found = names.find(value);
  if (found != names.end())
    return found->second;
  UErrorCode status = U_ZERO_ERROR;
  icu::Locale locale = icu::Locale::forLanguageTag(
      icu::StringPiece(value.data(), static_cast<int32_t>(value.size())),
      status);
  if (U_FAILURE(status) || locale.isBogus() ||
      std::string_view(locale.getLanguage()).empty())
    return std::nullopt;
  return std::string(value);
}

void Reader::read_locale(const yaml::Node& node) {
  if (node.is_null())
    return;
  if (!node.is_map()) {
    diagnostics_.error(pos_of(node), "invalid value for 'locale': expected a "
                                     "mapping, got " +
                                         std::string(type_name(node)));
    return;
  }
  Locale& locale = cv_.locale;
  for (const Field& field : fields_of(node, "'locale'")) {
    const std::string& key = field.key;
    if (key == "language") {
      std::optional<std::string> value = scalar(field.value, key);
      if (!value)
        continue;
      if (std::optional<std::string> tag = language_tag(*value))
        locale.language = *tag;
      else
        diagnostics_.error(pos_of(field.value),
                           "invalid language " + quoted(*value),
                           "write a BCP 47 language tag such as 'en', "
                           "'de-CH' or 'pt-BR'");
    } else if (key == "present") {
      if (std::optional<std::string> value = scalar(field.value, key))
        locale.present = *value;
    } else if (key == "range_separator") {
      if (std::optional<std::string> value = scalar(field.value, key))
        locale.range_separator = *value;
    } else if (key == "month_format") {
      std::optional<std::string> value = scalar(field.value, key);
      if (value && check_choice(diagnostics_, field.value, *value,
                                {"abbreviated", "full"}, "month format"))
        locale.full_month_names = *value == "full";
    } else if (key == "month_names" || key == "month_abbreviations") {
      std::vector<std::string> months = string_list(field.value, key);
      if (months.size() != 12 && !months.empty()) {
        diagnostics_.error(pos_of(field.value),
                           "invalid value for " + quoted(key) +
                               ": expected 12 months, got " +
                               std::to_string(months.size()));
        continue;
      }
      (key == "month_names" ? locale.month_names : locale.month_abbreviations) =
          months;
    } else if (contains(kRenderCvLocaleKeys, key)) {
      if (ignored_locale_keys_.empty())
        ignored_locale_pos_ = pos_of(field.key_node);
      ignored_locale_keys_.push_back(key);
    } else {
      reject_unknown_key(field, kLocaleKeys, "'locale'");
    }
  }
}

// The date that places an entry in time: its end (ongoing entries are the
// newest), else its date, else its start. Undated entries have none.
std::optional<Date> sort_date(const Entry& entry) {
  return std::visit(
      [](const auto& e) -> std::optional<Date> {
        using T = std::decay_t<decltype(e)>;
        if constexpr (std::is_base_of_v<DatedFields, T>) {
          if (e.start_date && !e.end_date) {
            Date present;
            present.precision = DatePrecision::Present;
            return present;
          }
          for (const std::optional<Date>* date :
               {&e.end_date, &e.date, &e.start_date})
            if (*date && (*date)->precision != DatePrecision::FreeText)
              return **date;
        }
        return std::nullopt;
      },
      entry);
}

void Reader::sort_newest_first() {
  for (const std::string& key : cv_.settings.newest_first) {
    auto section = std::find_if(cv_.sections.begin(), cv_.sections.end(),
                                [&](const Section& s) { return s.key == key; });
    if (section == cv_.sections.end()) {
      std::vector<std::string_view> keys;
      for (const Section& s : cv_.sections)
        keys.push_back(s.key);
      std::string suggestion = nearest_word(key, keys);
      diagnostics_.error(
          newest_first_pos_, "'newest_first' names no section " + quoted(key),
          suggestion.empty() ? "use a key of 'cv.sections' as written"
                             : "did you mean " + quoted(suggestion) + "?");
      continue;
    }
    // A stable sort keeps the file's order for ties; undated entries go
    // last.
    std::stable_sort(section->entries.begin(), section->entries.end(),
                     [](const Entry& a, const Entry& b) {
                       std::optional<Date> da = sort_date(a);
                       std::optional<Date> db = sort_date(b);
                       if (!db)
                         return da.has_value();
                       if (!da)
                         return false;
                       return compare_dates(*da, *db) > 0;
                     });
  }
}

std::string json_string(std::string_view text) {
  std::string out = "\"";
  for (char c : text) {
    if (c == '"' || c == '\\') {
      out += '\\';
      out += c;
    } else if (static_cast<unsigned char>(c) < 0x20) {
      static const char* hex = "0123456789abcdef";
      out += "\\u00";
      out += hex[(c >> 4) & 0xF];
      out += hex[c & 0xF];
    } else {
      out += c;
    }
  }
  return out + "\"";
}

// Every scalar becomes a JSON string: JSON Resume holds strings only, and
// YAML's implicit typing must not turn `NO` into false. Each node visited
// is counted, so an alias bomb under `json_resume` stops at the limit.
std::string Reader::yaml_to_json(const yaml::Node& node) {
  count_visit(node);
  std::string out;
  switch (node.type()) {
  case yaml::NodeType::Scalar:
    return json_string(node.text());
  case yaml::NodeType::Sequence:
    for (const yaml::Node& item : node)
      out += (out.empty() ? "" : ",") + yaml_to_json(item);
    return "[" + out + "]";
  case yaml::NodeType::Map:
    for (size_t i = 0; i < node.size(); ++i)
      out += (out.empty() ? "" : ",") + json_string(node.key(i).text()) + ":" +
             yaml_to_json(node.value(i));
    return "{" + out + "}";
  case yaml::NodeType::Null:
  case yaml::NodeType::Undefined:
    break;
  }
  return "null";
}

void Reader::read_json_resume_fields(const yaml::Node& node) {
  if (node.is_null())
    return;
  if (!node.is_map()) {
    diagnostics_.error(pos_of(node), "invalid value for 'json_resume': "
                                     "expected a mapping, got " +
                                         std::string(type_name(node)));
    return;
  }
  cv_.json_resume_fields = yaml_to_json(node);
}

void Reader::read_settings(const yaml::Node& node) {
  if (node.is_null())
    return;
  if (!node.is_map()) {
    diagnostics_.error(pos_of(node), "invalid value for 'settings': expected "
                                     "a mapping, got " +
                                         std::string(type_name(node)));
    return;
  }
  for (const Field& field : fields_of(node, "'settings'")) {
    if (field.key == "current_date") {
      if (std::optional<Date> value = date(field.value, field.key, false))
        cv_.settings.current_date = value->text;
    } else if (field.key == "bold_keywords") {
      cv_.settings.bold_keywords = string_list(field.value, field.key);
      if (!cv_.settings.bold_keywords.empty())
        diagnostics_.warning(pos_of(field.key_node),
                             "'bold_keywords' is read but not applied",
                             "write **keyword** in the fields instead");
    } else if (field.key == "newest_first") {
      cv_.settings.newest_first = string_list(field.value, field.key);
      newest_first_pos_ = pos_of(field.value);
    } else if (field.key == "academicpages_collections") {
      read_collection_choices(field.value);
    } else if (contains(kRenderCvSettingsKeys, field.key)) {
      diagnostics_.warning(pos_of(field.key_node),
                           "ignored RenderCV setting " + quoted(field.key));
    } else {
      reject_unknown_key(field, kSettingsKeys, "'settings'");
    }
  }
}

void Reader::read_collection_choices(const yaml::Node& node) {
  if (node.is_null())
    return;
  if (!node.is_map()) {
    diagnostics_.error(pos_of(node),
                       "invalid value for 'academicpages_collections': "
                       "expected a mapping from section title to collection, "
                       "got " +
                           std::string(type_name(node)),
                       "write it as 'Section title: talks'");
    return;
  }
  static const Keys collections = {"publications", "talks", "teaching",
                                   "portfolio", "none"};
  for (const Field& field :
       fields_of(node, "'settings.academicpages_collections'")) {
    std::optional<std::string> value = scalar(field.value, field.key);
    if (!value)
      continue;
    if (!contains(collections, *value)) {
      std::string suggestion = nearest_word(*value, collections);
      diagnostics_.error(
          pos_of(field.value),
          "invalid collection " + quoted(*value) + " for section " +
              quoted(field.key) +
              ": valid values are publications, talks, teaching, portfolio "
              "and none",
          suggestion.empty() ? "" : "did you mean " + quoted(suggestion) + "?");
      continue;
    }
    cv_.settings.academicpages_collections.push_back(
        {field.key, *value, pos_of(field.key_node)});
  }
}

void Reader::read_social_networks(const yaml::Node& node) {
  if (node.is_null())
    return;
  if (!node.is_sequence()) {
    diagnostics_.error(pos_of(node),
                       "invalid value for 'social_networks': expected a "
                       "list, got " +
                           std::string(type_name(node)));
    return;
  }
  for (const yaml::Node& item : node) {
    if (!item.is_map()) {
      diagnostics_.error(pos_of(item),
                         "invalid social network: expected a mapping with "
                         "'network' and 'username', got " +
                             std::string(type_name(item)));
      continue;
    }
    SocialNetwork social;
    social.pos = pos_of(item);
    for (const Field& field : fields_of(item, "a social network")) {
      if (field.key == "network")
        social.network = plain(field.value, "network");
      else if (field.key == "username")
        social.username = plain(field.value, "username");
      else if (field.key == "url")
        social.given_url = plain(field.value, "url");
      else
        reject_unknown_key(field, {"network", "username", "url"},
                           "a social network");
    }
    if (social.network.empty() || social.username.empty()) {
      diagnostics_.error(social.pos,
                         std::string("missing key '") +
                             (social.network.empty() ? "network" : "username") +
                             "' in a social network");
      continue;
    }
    // A profile URL given with the account (as JSON Resume has it) is kept
    // as written, and then any network name is accepted.
    if (!social.given_url.empty()) {
      if (!is_safe_link(social.given_url.value)) {
        diagnostics_.error(social.given_url.pos,
                           "unsafe profile URL " +
                               quoted(social.given_url.value),
                           "use an http, https, mailto or tel link");
        continue;
      }
      social.url = social.given_url.value;
      cv_.social_networks.push_back(std::move(social));
      continue;
    }
    if (social.username.value.find("://") != std::string::npos) {
      diagnostics_.error(social.username.pos,
                         "invalid username " + quoted(social.username.value) +
                             ": give the account name, not its URL",
                         "the profile URL is made from the network and the "
                         "username");
      continue;
    }
    if (!is_known_social_network(social.network.value)) {
      std::string suggestion =
          nearest_word(social.network.value, social_network_names());
      diagnostics_.error(
          social.network.pos,
          "unknown social network " + quoted(social.network.value),
          suggestion.empty()
              ? "known networks are: " + join_keys(social_network_names())
              : "did you mean " + quoted(suggestion) + "?");
      continue;
    }
    social.url =
        social_network_url(social.network.value, social.username.value);
    if (social.url.empty()) {
      diagnostics_.error(social.username.pos,
                         "invalid Mastodon username " +
                             quoted(social.username.value),
                         "write it as '@user@host', e.g. "
                         "'@ada@mastodon.social'");
      continue;
    }
    cv_.social_networks.push_back(std::move(social));
  }
}

void Reader::read_sections(const yaml::Node& node) {
  if (node.is_null())
    return;
  if (!node.is_map()) {
    diagnostics_.error(pos_of(node),
                       "invalid value for 'sections': expected a mapping of "
                       "section titles to lists of entries, got " +
                           std::string(type_name(node)));
    return;
  }
  for (const Field& field : fields_of(node, "'sections'")) {
    if (field.key.find_first_not_of(" \t") == std::string::npos) {
      diagnostics_.error(pos_of(field.key_node), "empty section title",
                         "give the section a title, e.g. 'Experience:'");
      continue;
    }
    Section section;
    section.key = field.key;
    section.pos = pos_of(field.key_node);
    std::string title = normalize_nfc(section_title_from_key(field.key));
    section.title = make_literal_text(title, section.pos);
    if (field.value.is_null()) {
      cv_.sections.push_back(std::move(section));
      continue;
    }
    if (!field.value.is_sequence()) {
      diagnostics_.error(pos_of(field.value),
                         "invalid section " + quoted(field.key) +
                             ": expected a list of entries, got " +
                             type_name(field.value),
                         "start each entry with '- '");
      continue;
    }
    std::optional<EntryKind> section_kind;
    SourcePos first_pos;
    for (const yaml::Node& item : field.value) {
      if (++entry_count_ > limits_.max_entries) {
        diagnostics_.error(pos_of(item),
                           "more than " + std::to_string(limits_.max_entries) +
                               " entries in the CV");
        throw LimitExceeded{};
      }
      std::optional<Entry> entry = read_entry(item);
      if (!entry)
        continue;
      EntryKind kind = kind_of(*entry);
      if (!section_kind) {
        section_kind = kind;
        first_pos = pos_of(item);
      } else if (*section_kind != kind) {
        diagnostics_.error(
            pos_of(item),
            "section " + quoted(field.key) + " mixes entry kinds: this is " +
                articled(entry_kind_name(kind)) + ", the first entry (line " +
                std::to_string(first_pos.line) + ") is " +
                articled(entry_kind_name(*section_kind)),
            "put each kind of entry in a section of its own");
        continue;
      }
      section.entries.push_back(std::move(*entry));
    }
    cv_.sections.push_back(std::move(section));
  }
}

std::optional<EntryKind> Reader::entry_kind(const std::vector<Field>& fields,
                                            const yaml::Node& node) {
  auto has = [&](std::string_view key) {
    return std::any_of(fields.begin(), fields.end(),
                       [&](const Field& f) { return f.key == key; });
  };
  for (const KindKeys& kind : kind_table()) {
    bool any = std::any_of(kind.required.begin(), kind.required.end(), has);
    if (!any)
      continue;
    for (std::string_view required : kind.required) {
      if (has(required))
        continue;
      // A misspelt key is the likeliest cause of a missing one.
      std::string hint = "add " + quoted(required);
      for (const Field& field : fields)
        if (nearest_word(field.key, {required}) == required)
          hint = "did you mean " + quoted(required) + " instead of " +
                 quoted(field.key) + "?";
      diagnostics_.error(pos_of(node),
                         "missing key " + quoted(required) + " in " +
                             articled(entry_kind_name(kind.kind)),
                         hint);
      return std::nullopt;
    }
    return kind.kind;
  }
  std::string hint =
      "an entry needs one of: institution and area, company and position, "
      "title and authors, name, label and details, bullet, number, "
      "reversed_number; or is a plain string";
  for (const Field& field : fields) {
    for (const KindKeys& kind : kind_table()) {
      std::string suggestion = nearest_word(field.key, kind.required);
      if (!suggestion.empty()) {
        hint = "did you mean " + quoted(suggestion) + " instead of " +
               quoted(field.key) + "?";
        break;
      }
    }
  }
  diagnostics_.error(pos_of(node), "entry matches no entry kind", hint);
  return std::nullopt;
}

void Reader::read_dated(const Field& field, DatedFields& dated) {
  const std::string& key = field.key;
  if (key == "date")
    dated.date = date(field.value, key, true);
  else if (key == "start_date")
    dated.start_date = date(field.value, key, false);
  else if (key == "end_date")
    dated.end_date = date(field.value, key, false);
  else if (key == "location")
    dated.location = inline_text(field.value, key);
  else if (key == "summary")
    dated.summary = summary_text(field.value, key);
  else if (key == "highlights")
    dated.highlights = highlights(field.value, 0);
}

void Reader::check_date_order(const DatedFields& dated) {
  if (dated.date && dated.start_date)
    diagnostics_.warning(dated.date->pos,
                         "'date' is ignored because 'start_date' is given",
                         "keep either 'date' or 'start_date' and 'end_date'");
  if (dated.start_date && dated.start_date->precision == DatePrecision::Present)
    diagnostics_.error(dated.start_date->pos, "invalid start_date 'present'",
                       "only end_date may be 'present'");
  if (dated.start_date && dated.end_date &&
      compare_dates(*dated.end_date, *dated.start_date) < 0)
    diagnostics_.error(dated.end_date->pos,
                       "end_date " + quoted(dated.end_date->text) +
                           " is before start_date " +
                           quoted(dated.start_date->text),
                       "swap the two dates or correct one of them");
}

Extra Reader::read_extra(const Field& field) {
  Extra extra;
  extra.key = field.key;
  extra.key_pos = pos_of(field.key_node);
  if (field.value.is_sequence()) {
    extra.is_list = true;
    for (const yaml::Node& item : field.value) {
      Text value = inline_text(item, field.key);
      if (!value.empty())
        extra.values.push_back(std::move(value));
    }
  } else {
    Text value = inline_text(field.value, field.key);
    if (!value.empty())
      extra.values.push_back(std::move(value));
  }
  return extra;
}

std::optional<Entry> Reader::read_entry(const yaml::Node& node) {
  if (node.is_scalar() || node.is_null()) {
    // block_text counts the visit; counting it here too would take every
    // text entry for a repeat.
    TextEntry entry;
    entry.pos = pos_of(node);
    entry.text = block_text(node, "text entry");
    return Entry(std::move(entry));
  }
  count_visit(node);
  if (!node.is_map()) {
    diagnostics_.error(pos_of(node),
                       "invalid entry: expected a mapping or a string, got " +
                           std::string(type_name(node)));
    return std::nullopt;
  }
  std::vector<Field> fields = fields_of(node, "an entry");
  std::optional<EntryKind> kind = entry_kind(fields, node);
  if (!kind)
    return std::nullopt;
  const KindKeys& keys = kind_table()[static_cast<size_t>(*kind)];

  Entry entry;
  switch (*kind) {
  case EntryKind::Education:
    entry.emplace<EducationEntry>();
    break;
  case EntryKind::Experience:
    entry.emplace<ExperienceEntry>();
    break;
  case EntryKind::Publication:
    entry.emplace<PublicationEntry>();
    break;
  case EntryKind::Normal:
    entry.emplace<NormalEntry>();
    break;
  case EntryKind::OneLine:
    entry.emplace<OneLineEntry>();
    break;
  case EntryKind::Bullet:
    entry.emplace<BulletEntry>();
    break;
  case EntryKind::Numbered:
    entry.emplace<NumberedEntry>();
    break;
  case EntryKind::ReversedNumbered:
    entry.emplace<ReversedNumberedEntry>();
    break;
  case EntryKind::Text:
    break;
  }

  Keys known = keys.required;
  known.insert(known.end(), keys.optional.begin(), keys.optional.end());
  if (keys.dated)
    known.insert(known.end(), kDatedKeys.begin(), kDatedKeys.end());

  std::vector<Extra> extras;
  for (const Field& field : fields) {
    const std::string& key = field.key;
    if (!contains(known, key)) {
      // Extra keys are kept, but one that is a letter or two away from a
      // key of this kind is almost surely a misspelling of it.
      std::string suggestion = nearest_word(key, known);
      bool present =
          std::any_of(fields.begin(), fields.end(),
                      [&](const Field& f) { return f.key == suggestion; });
      if (!suggestion.empty() && !present) {
        diagnostics_.error(pos_of(field.key_node),
                           "unknown key " + quoted(key) + " in " +
                               articled(entry_kind_name(*kind)),
                           "did you mean " + quoted(suggestion) + "?");
        continue;
      }
      extras.push_back(read_extra(field));
      continue;
    }
    std::visit(
        [&](auto& e) {
          using T = std::decay_t<decltype(e)>;
          if constexpr (std::is_base_of_v<DatedFields, T>)
            if (contains(kDatedKeys, key)) {
              read_dated(field, e);
              return;
            }
          if constexpr (std::is_same_v<T, EducationEntry>) {
            if (key == "institution")
              e.institution = inline_text(field.value, key);
            else if (key == "area")
              e.area = inline_text(field.value, key);
            else if (key == "degree")
              e.degree = inline_text(field.value, key);
          } else if constexpr (std::is_same_v<T, ExperienceEntry>) {
            if (key == "company")
              e.company = inline_text(field.value, key);
            else if (key == "position")
              e.position = inline_text(field.value, key);
          } else if constexpr (std::is_same_v<T, PublicationEntry>) {
            if (key == "title") {
              e.title = inline_text(field.value, key);
            } else if (key == "authors") {
              if (field.value.is_sequence()) {
                for (const yaml::Node& author : field.value) {
                  Text name = inline_text(author, key);
                  if (!name.empty())
                    e.authors.push_back(std::move(name));
                }
              } else {
                Text names = inline_text(field.value, key);
                if (!names.empty())
                  e.authors.push_back(std::move(names));
              }
            } else if (key == "doi") {
              e.doi = plain(field.value, key);
            } else if (key == "url") {
              e.url = plain(field.value, key);
            } else if (key == "journal") {
              e.journal = inline_text(field.value, key);
            }
          } else if constexpr (std::is_same_v<T, NormalEntry>) {
            e.name = inline_text(field.value, key);
          } else if constexpr (std::is_same_v<T, OneLineEntry>) {
            if (key == "label")
              e.label = inline_text(field.value, key);
            else
              e.details = inline_text(field.value, key);
          } else if constexpr (std::is_same_v<T, BulletEntry>) {
            e.bullet = block_text(field.value, key);
          } else if constexpr (std::is_same_v<T, NumberedEntry>) {
            e.number = block_text(field.value, key);
          } else if constexpr (std::is_same_v<T, ReversedNumberedEntry>) {
            e.reversed_number = block_text(field.value, key);
          }
        },
        entry);
  }

  std::visit(
      [&](auto& e) {
        e.pos = pos_of(node);
        e.extras = std::move(extras);
        using T = std::decay_t<decltype(e)>;
        if constexpr (std::is_base_of_v<DatedFields, T>)
          check_date_order(e);
      },
      entry);
  return entry;
}

} // namespace

std::optional<Cv> read_cv(Diagnostics& diagnostics, const ReadLimits& limits) {
  Reader reader(diagnostics, limits);
  return reader.read();
}

} // namespace cvc
