#include "json_reader.hpp"

#include "links.hpp"
#include "reader.hpp"
#include "yaml_tree.hpp"

#include <nlohmann/json.hpp>

#include <algorithm>
#include <array>
#include <cstdio>
#include <functional>
#include <map>
#include <set>
#include <unordered_set>

namespace cvc {

namespace {

using nlohmann::ordered_json;

// The parsed input with the position of every value, by JSON pointer.
struct Input {
  ordered_json document;
  std::map<std::string, SourcePos> positions;
};

std::string pointer_key(std::string_view key) {
  std::string out;
  for (char c : key) {
    if (c == '~')
      out += "~0";
    else if (c == '/')
      out += "~1";
    else
      out += c;
  }
  return out;
}

// JSON Resume documents nest a few levels; deeper input is not one. The
// limit is below the CV reader's 64 because the converted CV puts kept
// fields one level deeper, under `json_resume`.
constexpr int kMaxJsonDepth = 60;
// YAML reads keys of at most 1024 characters without `?`; JSON Resume has
// no use for longer ones.
constexpr size_t kMaxKeyLength = 1024;
// The bytes of JSON pointers kept to place diagnostics. Past this, values
// get no position of their own, so that long keys nested deep cannot take
// gigabytes.
constexpr size_t kMaxPointerBytes = 32 * 1024 * 1024;

// Walks a YAML tree into JSON. An alias is walked again each time it is
// used, so the walk stops once it has visited more nodes than the tree
// contains plus this many repeats: an alias bomb would expand to billions.
constexpr size_t kMaxRepeatedNodes = 10000;
// The bytes that repeats may add to the file's own, so that a few aliases
// of one long value cannot make gigabytes.
constexpr size_t kMaxRepeatedBytes = 16 * 1024 * 1024;

// Adds a key that `object` does not have yet. ordered_json's own
// `object[key] = value` searches every key first, which takes time with the
// square of the number of keys.
void append_pair(ordered_json& object, const std::string& key,
                 const ordered_json& value) {
  if (object.is_null())
    object = ordered_json::object();
  object.get_ref<ordered_json::object_t&>().push_back({key, value});
}

// A problem found while walking: a duplicate, long or non-text key.
struct WalkIssue {
  SourcePos pos;
  std::string message;
};

class YamlWalk {
public:
  YamlWalk(std::map<std::string, SourcePos>& positions, size_t node_count,
           size_t source_bytes)
      : positions_(positions), budget_(node_count + kMaxRepeatedNodes),
        byte_budget_(source_bytes + kMaxRepeatedBytes) {}

  bool exhausted() const { return !problem_.empty(); }
  // Which budget ran out.
  const std::string& problem() const { return problem_; }
  const std::vector<WalkIssue>& issues() const { return issues_; }

  // Records the position of each value and returns the values, every
  // scalar as a string, because JSON Resume values are strings.
  ordered_json walk(const yaml::Node& node, const std::string& pointer) {
    if (budget_ == 0) {
      problem_ = "too many values repeated through YAML aliases (more than " +
                 std::to_string(kMaxRepeatedNodes) + ")";
      return nullptr;
    }
    --budget_;
    if (pointer_bytes_ + pointer.size() <= kMaxPointerBytes) {
      pointer_bytes_ += pointer.size();
      positions_[pointer] = node.pos();
    }
    switch (node.type()) {
    case yaml::NodeType::Scalar:
      if (node.text().size() > byte_budget_) {
        problem_ = "values repeated through YAML aliases add up to more "
                   "than " +
                   std::to_string(kMaxRepeatedBytes) + " bytes";
        return nullptr;
      }
      byte_budget_ -= node.text().size();
      return node.text();
    case yaml::NodeType::Sequence: {
      ordered_json out = ordered_json::array();
      for (size_t i = 0; i < node.size() && !exhausted(); ++i)
        out.push_back(walk(node.item(i), pointer + "/" + std::to_string(i)));
      return out;
    }
    case yaml::NodeType::Map:
      return walk_map(node, pointer);
    case yaml::NodeType::Null:
    case yaml::NodeType::Undefined:
      break;
    }
    return nullptr;
  }

private:
  std::map<std::string, SourcePos>& positions_;
  size_t budget_;
  size_t byte_budget_;
  size_t pointer_bytes_ = 0;
  std::string problem_;
  std::vector<WalkIssue> issues_;

  ordered_json walk_map(const yaml::Node& node, const std::string& pointer) {
    ordered_json out = ordered_json::object();
    // ordered_json finds keys by a linear search, so the pairs are appended
    // to its list directly once a set has ruled out duplicates.
    auto& pairs = out.get_ref<ordered_json::object_t&>();
    std::unordered_set<std::string> seen;
    for (size_t i = 0; i < node.size() && !exhausted(); ++i) {
      yaml::Node key = node.key(i);
      std::string name = key.text();
      if (!key.is_scalar()) {
        issues_.push_back({key.pos(), "invalid key: a key must be text"});
        continue;
      }
      if (name.size() > kMaxKeyLength) {
        issues_.push_back({key.pos(), "key longer than " +
                                          std::to_string(kMaxKeyLength) +
                                          " characters"});
        continue;
      }
      if (!seen.insert(name).second) {
        issues_.push_back({key.pos(), "duplicate key '" + name + "'"});
        continue;
      }
      ordered_json value =
          walk(node.value(i), pointer + "/" + pointer_key(name));
      pairs.push_back({name, std::move(value)});
    }
    return out;
  }
};

// Builds an ordered_json from JSON text in linear time. ordered_json's own
// parser finds each key by a linear search of its object, which takes
// minutes for a file with a million keys. A repeated key keeps its first
// value here; the YAML walk reports it as an error.
class OrderedBuilder : public nlohmann::json_sax<ordered_json> {
public:
  ordered_json result;

  bool null() override { return add(nullptr); }
  bool boolean(bool value) override { return add(value); }
  bool number_integer(number_integer_t value) override { return add(value); }
  bool number_unsigned(number_unsigned_t value) override { return add(value); }
  bool number_float(number_float_t value, const string_t&) override {
    return add(value);
  }
  bool string(string_t& value) override { return add(std::move(value)); }
  bool binary(binary_t& value) override {
    return add(ordered_json::binary(std::move(value)));
  }
  bool start_object(std::size_t) override {
    return open(ordered_json::object());
  }
  bool key(string_t& value) override {
    if (value.size() > kMaxKeyLength && long_key.empty())
      long_key = value;
    keys_.back() = std::move(value);
    return true;
  }
  bool end_object() override { return close(); }
  bool start_array(std::size_t) override { return open(ordered_json::array()); }
  bool end_array() override { return close(); }
  bool parse_error(std::size_t byte, const std::string&,
                   const nlohmann::detail::exception& error) override {
    error_byte = byte;
    error_message = error.what();
    return false;
  }

  // The byte after the error (1-based) and nlohmann's message.
  std::size_t error_byte = 0;
  std::string error_message;
  // The first key longer than kMaxKeyLength, which the YAML walk cannot
  // read, so it is reported from here.
  std::string long_key;

private:
  std::vector<ordered_json> open_;
  std::vector<std::string> keys_;
  std::vector<std::unordered_set<std::string>> seen_;

  bool add(ordered_json value) {
    if (open_.empty()) {
      result = std::move(value);
    } else if (open_.back().is_array()) {
      open_.back().push_back(std::move(value));
    } else if (seen_.back().insert(keys_.back()).second) {
      open_.back().get_ref<ordered_json::object_t&>().push_back(
          {keys_.back(), std::move(value)});
    }
    return true;
  }
  bool open(ordered_json value) {
    open_.push_back(std::move(value));
    keys_.emplace_back();
    seen_.emplace_back();
    return true;
  }
  bool close() {
    ordered_json done = std::move(open_.back());
    open_.pop_back();
    keys_.pop_back();
    seen_.pop_back();
    return add(std::move(done));
  }
};

// Returns the offset of the first `[` or `{` nested deeper than
// `max_depth` outside strings: the JSON parser builds such input, but
// copying or freeing it recurses once per level and overflows the stack.
std::optional<size_t> too_deep_json(std::string_view text, int max_depth) {
  int depth = 0;
  bool in_string = false;
  for (size_t i = 0; i < text.size(); ++i) {
    char c = text[i];
    if (in_string) {
      if (c == '\\')
        ++i;
      else if (c == '"')
        in_string = false;
    } else if (c == '"') {
      in_string = true;
    } else if (c == '[' || c == '{') {
      if (++depth > max_depth)
        return i;
    } else if (c == ']' || c == '}') {
      --depth;
    }
  }
  return std::nullopt;
}

bool looks_like_json(std::string_view content) {
  size_t first = content.find_first_not_of(" \t\r\n");
  if (content.substr(0, 3) == "\xEF\xBB\xBF")
    first = content.find_first_not_of(" \t\r\n", 3);
  return first != std::string_view::npos && content[first] == '{';
}

// Reports what a walk found wrong with keys; returns whether it found
// anything.
bool report_issues(const YamlWalk& walk, Diagnostics& diagnostics) {
  for (const WalkIssue& issue : walk.issues())
    diagnostics.error(issue.pos, issue.message);
  return !walk.issues().empty();
}

std::optional<Input> parse_input(Diagnostics& diagnostics) {
  const std::string& text = diagnostics.source();
  Input input;
  // A .yaml file that starts with `{` but is not JSON is YAML in flow style.
  const std::string& name = diagnostics.file_name();
  bool yaml_name = name.ends_with(".yaml") || name.ends_with(".yml");
  bool json =
      name.ends_with(".json") ||
      (looks_like_json(text) && (!yaml_name || ordered_json::accept(text)));
  if (json) {
    if (std::optional<size_t> deep = too_deep_json(text, kMaxJsonDepth)) {
      diagnostics.error(position_of_offset(text, *deep),
                        "invalid JSON: arrays and objects nested more than " +
                            std::to_string(kMaxJsonDepth) + " levels deep");
      return std::nullopt;
    }
    OrderedBuilder builder;
    if (!ordered_json::sax_parse(text, &builder)) {
      // The message names the byte; the diagnostic gives line and column.
      std::string message = builder.error_message;
      size_t colon = message.find(": ", message.find("column"));
      if (colon != std::string::npos)
        message = message.substr(colon + 2);
      size_t offset = builder.error_byte > 0 ? builder.error_byte - 1 : 0;
      diagnostics.error(position_of_offset(text, offset),
                        "invalid JSON: " + message);
      return std::nullopt;
    }
    input.document = std::move(builder.result);
    if (!builder.long_key.empty()) {
      size_t at = text.find(builder.long_key.substr(0, 64));
      diagnostics.error(
          position_of_offset(text, at == std::string::npos ? 0 : at),
          "key longer than " + std::to_string(kMaxKeyLength) + " characters");
      return std::nullopt;
    }
    // JSON is YAML, so the YAML parser can tell where each value is and
    // find duplicate keys; the values themselves come from the JSON parser.
    yaml::Stream stream = yaml::Stream::parse(text, kMaxJsonDepth);
    YamlWalk walk(input.positions, stream.node_count(), text.size());
    if (!stream.error() && !stream.documents().empty())
      walk.walk(stream.documents().front(), "");
    if (stream.error() || walk.exhausted())
      input.positions.clear();
    else if (report_issues(walk, diagnostics))
      return std::nullopt;
  } else {
    yaml::Stream stream = yaml::Stream::parse(text, kMaxJsonDepth);
    if (const std::optional<yaml::ParseError>& error = stream.error()) {
      diagnostics.error(error->pos, error->message);
      return std::nullopt;
    }
    if (stream.documents().size() > 1) {
      diagnostics.error(stream.document_starts().at(1),
                        "the file holds more than one YAML document",
                        "keep one CV per file: remove the second '---'");
      return std::nullopt;
    }
    YamlWalk walk(input.positions, stream.node_count(), text.size());
    if (!stream.documents().empty())
      input.document = walk.walk(stream.documents().front(), "");
    if (walk.exhausted()) {
      diagnostics.error(stream.documents().front().pos(), walk.problem(),
                        "write the values out instead of repeating them "
                        "through aliases");
      return std::nullopt;
    }
    if (report_issues(walk, diagnostics))
      return std::nullopt;
  }
  if (!input.document.is_object()) {
    diagnostics.error({1, 1}, "a JSON Resume document must be an object "
                              "with 'basics' in it");
    return std::nullopt;
  }
  return input;
}

// A double-quoted YAML scalar that reads back as exactly `text`.
std::string yaml_quote(std::string_view text) {
  std::string out = "\"";
  for (size_t i = 0; i < text.size(); ++i) {
    unsigned char c = static_cast<unsigned char>(text[i]);
    std::string_view rest = text.substr(i);
    if (c == '"' || c == '\\') {
      out += '\\';
      out += static_cast<char>(c);
    } else if (c == '\n') {
      out += "\\n";
    } else if (c == '\t') {
      out += "\\t";
    } else if (c < 0x20 || c == 0x7F) {
      char buffer[8];
      std::snprintf(buffer, sizeof buffer, "\\x%02X", c);
      out += buffer;
    } else if (rest.starts_with("\xC2\x85") ||
               rest.starts_with("\xE2\x80\xA8") ||
               rest.starts_with("\xE2\x80\xA9") ||
               rest.starts_with("\xEF\xBB\xBF")) {
      // Next line, the line and paragraph separators and the byte-order
      // mark are breaks or not printable in YAML. yaml-cpp reads `\N`,
      // `\L` and `\P` as single bytes, so they are written as `\u`.
      out += c == 0xC2           ? "\\u0085"
             : rest[2] == '\xA8' ? "\\u2028"
             : rest[2] == '\xA9' ? "\\u2029"
                                 : "\\uFEFF";
      i += c == 0xC2 ? 1 : 2;
    } else {
      out += static_cast<char>(c);
    }
  }
  return out + "\"";
}

// A key made of letters, digits and `_` needs no quotes.
std::string yaml_key(std::string_view key) {
  bool plain = !key.empty() && !(key[0] >= '0' && key[0] <= '9');
  for (char c : key)
    if (!(c == '_' || (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') ||
          (c >= '0' && c <= '9')))
      plain = false;
  return plain ? std::string(key) : yaml_quote(key);
}

std::string scalar_text(const ordered_json& value) {
  if (value.is_string())
    return value.get<std::string>();
  return value.dump();
}

bool is_empty(const ordered_json& value) {
  return value.is_null() ||
         (value.is_string() && value.get_ref<const std::string&>().empty()) ||
         ((value.is_array() || value.is_object()) && value.empty());
}

// CV YAML being written, with the input position of each line.
class YamlOut {
public:
  void line(int indent, std::string_view content, SourcePos pos) {
    text_.append(static_cast<size_t>(indent), ' ');
    text_ += content;
    text_ += '\n';
    origin_.push_back(pos);
  }

  // Writes `key: value` for a string, list or mapping, skipping what is
  // empty.
  void value(int indent, std::string_view key, const ordered_json& value,
             SourcePos pos, const std::function<SourcePos(size_t)>& item_pos);

  const std::string& text() const { return text_; }
  const std::vector<SourcePos>& origin() const { return origin_; }

private:
  std::string text_;
  std::vector<SourcePos> origin_;
};

void YamlOut::value(int indent, std::string_view key, const ordered_json& value,
                    SourcePos pos,
                    const std::function<SourcePos(size_t)>& item_pos) {
  if (is_empty(value))
    return;
  std::string head = yaml_key(key) + ":";
  if (value.is_array()) {
    line(indent, head, pos);
    for (size_t i = 0; i < value.size(); ++i) {
      if (is_empty(value[i]))
        continue;
      SourcePos at = item_pos ? item_pos(i) : pos;
      if (value[i].is_object()) {
        line(indent + 2, "-", at);
        for (const auto& [k, v] : value[i].items())
          this->value(indent + 4, k, v, at, nullptr);
      } else {
        line(indent + 2, "- " + yaml_quote(scalar_text(value[i])), at);
      }
    }
  } else if (value.is_object()) {
    line(indent, head, pos);
    for (const auto& [k, v] : value.items())
      this->value(indent + 2, k, v, pos, nullptr);
  } else {
    line(indent, head + " " + yaml_quote(scalar_text(value)), pos);
  }
}

// One JSON Resume item on its way to a CV entry: its values are taken
// under CV names, and what is left becomes extra keys under its own name.
class Item {
public:
  Item(const ordered_json& item, std::string pointer, const Input& input)
      : item_(item), pointer_(std::move(pointer)), input_(input) {}

  SourcePos pos_of(std::string_view key) const {
    auto it = input_.positions.find(pointer_ + "/" + pointer_key(key));
    if (it == input_.positions.end())
      it = input_.positions.find(pointer_);
    return it == input_.positions.end() ? SourcePos{} : it->second;
  }

  bool has(std::string_view key) const {
    return item_.is_object() && item_.contains(key) && !is_empty(item_[key]) &&
           !used_.count(std::string(key));
  }

  // Moves the first present key of `keys` to the entry as `cv_key`.
  bool move(std::string cv_key, std::initializer_list<std::string_view> keys) {
    for (std::string_view key : keys) {
      if (!has(key))
        continue;
      used_.insert(std::string(key));
      fields_.push_back({std::move(cv_key), item_[key], std::string(key)});
      return true;
    }
    return false;
  }

  const ordered_json* value(std::string_view key) const {
    return has(key) ? &item_[key] : nullptr;
  }

  std::string string(std::string_view key) const {
    return has(key) ? scalar_text(item_[key]) : std::string();
  }

  void use(std::string_view key) { used_.insert(std::string(key)); }

  void add(std::string cv_key, ordered_json value, std::string_view from) {
    fields_.push_back({std::move(cv_key), std::move(value), std::string(from)});
  }

  // Dates: a span whose ends are equal is one date.
  void span(const char* start_key, const char* end_key) {
    std::string start = string(start_key), end = string(end_key);
    if (!start.empty() && start == end) {
      move("date", {start_key});
      use(end_key);
      return;
    }
    move("start_date", {start_key});
    move("end_date", {end_key});
  }

  void write(YamlOut& out, Diagnostics& diagnostics) {
    if (item_.is_object())
      for (const auto& [key, value] : item_.items())
        if (!used_.count(key) && !is_empty(value))
          fields_.push_back({key, value, key});
    bool first = true;
    for (const Field& field : fields_) {
      if (field.value.is_object() ||
          (field.value.is_array() &&
           std::any_of(field.value.begin(), field.value.end(),
                       [](const ordered_json& v) {
                         return v.is_object() || v.is_array();
                       }))) {
        diagnostics.warning(pos_of(field.from),
                            "'" + field.from +
                                "' holds nested values, which a CV entry "
                                "cannot hold; it is left out");
        continue;
      }
      std::string json_pointer = pointer_ + "/" + pointer_key(field.from);
      auto item_pos = [&](size_t i) {
        auto it = input_.positions.find(json_pointer + "/" + std::to_string(i));
        return it == input_.positions.end() ? pos_of(field.from) : it->second;
      };
      if (first) {
        // The first key shares the line of the sequence's dash.
        YamlOut one;
        one.value(0, field.key, field.value, pos_of(field.from), item_pos);
        std::string text = one.text();
        size_t start = 0;
        for (size_t i = 0; i < one.origin().size(); ++i) {
          size_t end = text.find('\n', start);
          std::string line = text.substr(start, end - start);
          out.line(i == 0 ? 6 : 8, (i == 0 ? "- " : "") + line,
                   one.origin()[i]);
          start = end + 1;
        }
        first = false;
      } else {
        out.value(8, field.key, field.value, pos_of(field.from), item_pos);
      }
    }
    if (first)
      out.line(6, "- {}", pos_of(""));
  }

private:
  struct Field {
    std::string key;
    ordered_json value;
    std::string from;
  };
  const ordered_json& item_;
  std::string pointer_;
  const Input& input_;
  std::set<std::string> used_;
  std::vector<Field> fields_;
};

constexpr std::string_view kTitle = "name";

// The section a JSON Resume array becomes, and how its items map.
struct ArraySpec {
  std::string_view array;
  std::string_view section;
  void (*convert)(Item&);
};

void convert_work(Item& item) {
  bool org =
      item.has("name") || item.has("company") || item.has("organization");
  if (org && item.has("position")) {
    item.move("company", {"name", "company", "organization"});
    item.move("position", {"position"});
  } else {
    item.move(std::string(kTitle),
              {"name", "company", "organization", "position"});
  }
  item.move("url", {"url", "website"});
  item.move("location", {"location"});
  item.span("startDate", "endDate");
  item.move("summary", {"summary"});
  item.move("highlights", {"highlights"});
}

void convert_education(Item& item) {
  if (item.has("institution") && item.has("area")) {
    item.move("institution", {"institution"});
    item.move("area", {"area"});
    item.move("degree", {"studyType"});
  } else {
    item.move(std::string(kTitle), {"institution", "area", "studyType"});
  }
  item.span("startDate", "endDate");
  item.move("summary", {"summary"});
  item.move("highlights", {"highlights"});
  item.move("location", {"location"});
}

void convert_award(Item& item) {
  item.move(std::string(kTitle), {"title", "name"});
  item.move("date", {"date"});
  item.move("summary", {"summary"});
}

void convert_certificate(Item& item) {
  item.move(std::string(kTitle), {"name"});
  item.move("date", {"date"});
}

void convert_publication(Item& item) {
  if (item.has("name") && item.has("authors")) {
    item.move("title", {"name"});
    item.move("authors", {"authors"});
    item.move("journal", {"publisher"});
    item.move("url", {"url", "website"});
    item.move("doi", {"doi"});
  } else {
    item.move(std::string(kTitle), {"name"});
    item.move("url", {"url", "website"});
  }
  item.move("date", {"releaseDate"});
  item.move("summary", {"summary"});
  item.move("highlights", {"highlights"});
}

// A keyword list is written as one-line `details` when joining it with
// ", " can be undone; otherwise the keywords become highlights.
void convert_keywords(Item& item, const char* name_key) {
  const ordered_json* keywords = item.value("keywords");
  bool joinable = item.has(name_key) && keywords && keywords->is_array();
  std::string joined;
  if (joinable) {
    for (const ordered_json& keyword : *keywords) {
      std::string text = scalar_text(keyword);
      if (!keyword.is_string() || text.empty() ||
          text.find(", ") != std::string::npos || text.front() == ' ' ||
          text.back() == ',')
        joinable = false;
      joined += (joined.empty() ? "" : ", ") + text;
    }
  }
  if (joinable) {
    item.move("label", {name_key});
    item.use("keywords");
    item.add("details", joined, "keywords");
  } else {
    item.move(std::string(kTitle), {name_key});
    item.move("highlights", {"keywords"});
  }
}

void convert_skill(Item& item) {
  convert_keywords(item, "name");
}

void convert_language(Item& item) {
  if (item.has("language") && item.has("fluency")) {
    item.move("label", {"language"});
    item.move("details", {"fluency"});
  } else {
    item.move(std::string(kTitle), {"language", "fluency"});
  }
}

void convert_reference(Item& item) {
  item.move(std::string(kTitle), {"name"});
  item.move("summary", {"reference"});
}

void convert_project(Item& item) {
  item.move(std::string(kTitle), {"name"});
  item.span("startDate", "endDate");
  item.move("summary", {"description"});
  item.move("highlights", {"highlights"});
}

void convert_presentation(Item& item) {
  item.move(std::string(kTitle), {"name", "title"});
  item.move("venue", {"event"});
  item.move("date", {"date"});
  item.move("location", {"location"});
  item.move("summary", {"description"});
}

void convert_teaching(Item& item) {
  item.move(std::string(kTitle), {"course", "name", "title"});
  item.move("venue", {"institution"});
  if (item.has("date"))
    item.move("date", {"date"});
  else
    item.span("startDate", "endDate");
  item.move("location", {"location"});
  item.move("summary", {"description"});
}

void convert_portfolio(Item& item) {
  item.move(std::string(kTitle), {"name", "title"});
  item.move("date", {"date"});
  item.move("summary", {"description"});
}

constexpr std::array kArrays = {
    ArraySpec{"work", "Experience", convert_work},
    ArraySpec{"volunteer", "Volunteer", convert_work},
    ArraySpec{"education", "Education", convert_education},
    ArraySpec{"awards", "Awards", convert_award},
    ArraySpec{"certificates", "Certificates", convert_certificate},
    ArraySpec{"publications", "Publications", convert_publication},
    ArraySpec{"skills", "Skills", convert_skill},
    ArraySpec{"languages", "Languages", convert_language},
    ArraySpec{"interests", "Interests", convert_skill},
    ArraySpec{"references", "References", convert_reference},
    ArraySpec{"projects", "Projects", convert_project},
    ArraySpec{"presentations", "Presentations", convert_presentation},
    ArraySpec{"teaching", "Teaching", convert_teaching},
    ArraySpec{"portfolio", "Portfolio", convert_portfolio},
};

class Converter {
public:
  Converter(const Input& input, Diagnostics& diagnostics)
      : input_(input), diagnostics_(diagnostics) {}

  std::string convert();
  const std::vector<SourcePos>& origin() const { return out_.origin(); }

private:
  SourcePos pos(const std::string& pointer) const {
    auto it = input_.positions.find(pointer);
    return it == input_.positions.end() ? SourcePos{} : it->second;
  }
  const ordered_json& doc() const { return input_.document; }
  void basics(ordered_json& kept);
  void location(const ordered_json& location, ordered_json& kept);
  void profiles(const ordered_json& profiles);
  void sections(ordered_json& kept);

  const Input& input_;
  Diagnostics& diagnostics_;
  YamlOut out_;
};

void Converter::location(const ordered_json& location, ordered_json& kept) {
  if (location.is_string()) {
    out_.value(2, "location", location, pos("/basics/location"), nullptr);
    return;
  }
  if (!location.is_object())
    return;
  // The CV shows one line; the parts are kept for JSON Resume.
  std::string line;
  for (const char* key :
       {"address", "city", "region", "postalCode", "countryCode"}) {
    if (location.contains(key) && !is_empty(location[key]))
      line += (line.empty() ? "" : ", ") + scalar_text(location[key]);
  }
  out_.value(2, "location", line, pos("/basics/location"), nullptr);
  bool only_address = true;
  for (const auto& [key, value] : location.items())
    if (key != "address" && !is_empty(value))
      only_address = false;
  if (!only_address)
    kept["basics"]["location"] = location;
}

void Converter::profiles(const ordered_json& profiles) {
  if (!profiles.is_array() || profiles.empty())
    return;
  out_.line(2, "social_networks:", pos("/basics/profiles"));
  for (size_t i = 0; i < profiles.size(); ++i) {
    const ordered_json& profile = profiles[i];
    std::string pointer = "/basics/profiles/" + std::to_string(i);
    if (!profile.is_object() || is_empty(profile))
      continue;
    auto get = [&](const char* key) {
      return profile.contains(key) && !is_empty(profile[key])
                 ? scalar_text(profile[key])
                 : std::string();
    };
    std::string network = get("network"), username = get("username"),
                url = get("url");
    // A CV profile needs a user name; a profile with only a URL keeps the
    // URL as its user name.
    if (username.empty() && !url.empty())
      username = url;
    if (url.empty() && !is_known_social_network(network)) {
      diagnostics_.warning(pos(pointer),
                           "the profile on '" + network +
                               "' has no URL and the CV format cannot "
                               "derive one; it is left out",
                           "give the profile a 'url'");
      continue;
    }
    out_.line(4, "- network: " + yaml_quote(network), pos(pointer));
    out_.line(6, "username: " + yaml_quote(username), pos(pointer));
    if (!url.empty())
      out_.line(6, "url: " + yaml_quote(url), pos(pointer + "/url"));
  }
}

void Converter::basics(ordered_json& kept) {
  const ordered_json empty = ordered_json::object();
  const ordered_json& basics =
      doc().contains("basics") && doc()["basics"].is_object() ? doc()["basics"]
                                                              : empty;
  out_.line(0, "cv:", pos("/basics"));
  std::set<std::string> used = {"summary"};
  auto put = [&](const char* cv_key,
                 std::initializer_list<const char*> json_keys) {
    for (const char* key : json_keys) {
      if (basics.contains(key) && !is_empty(basics[key]) && !used.count(key)) {
        out_.value(2, cv_key, basics[key], pos(std::string("/basics/") + key),
                   nullptr);
        used.insert(key);
        return;
      }
    }
  };

  put("name", {"name"});
  put("headline", {"label"});
  used.insert("location");
  if (basics.contains("location"))
    location(basics["location"], kept);
  put("email", {"email"});
  put("phone", {"phone"});
  put("website", {"url", "website"});
  put("photo", {"image", "picture"});
  used.insert("profiles");
  if (basics.contains("profiles"))
    profiles(basics["profiles"]);

  for (const auto& [key, value] : basics.items())
    if (!used.count(key) && !is_empty(value))
      append_pair(kept["basics"], key, value);
}

void Converter::sections(ordered_json& kept) {
  bool heading = false;
  auto section = [&](std::string_view title, SourcePos at) {
    if (!heading)
      out_.line(2, "sections:", at);
    heading = true;
    out_.line(4, yaml_quote(title) + ":", at);
  };

  const ordered_json* basics =
      doc().contains("basics") ? &doc()["basics"] : nullptr;
  if (basics && basics->is_object() && basics->contains("summary") &&
      !is_empty((*basics)["summary"])) {
    section("Summary", pos("/basics/summary"));
    out_.line(6, "- " + yaml_quote(scalar_text((*basics)["summary"])),
              pos("/basics/summary"));
  }

  std::set<std::string> known = {"basics"};
  for (const ArraySpec& spec : kArrays) {
    std::string key(spec.array);
    known.insert(key);
    if (!doc().contains(key) || is_empty(doc()[key]))
      continue;
    const ordered_json& array = doc()[key];
    std::string pointer = "/" + key;
    if (!array.is_array()) {
      diagnostics_.error(pos(pointer), "'" + key + "' must be a list");
      continue;
    }
    section(spec.section, pos(pointer));
    for (size_t i = 0; i < array.size(); ++i) {
      Item item(array[i], pointer + "/" + std::to_string(i), input_);
      if (!array[i].is_object()) {
        diagnostics_.error(item.pos_of(""),
                           "an item of '" + key + "' must be an object");
        continue;
      }
      spec.convert(item);
      item.write(out_, diagnostics_);
    }
  }
  for (const auto& [key, value] : doc().items())
    if (!known.count(key) && !is_empty(value))
      append_pair(kept, key, value);
}

std::string Converter::convert() {
  ordered_json kept = ordered_json::object();
  basics(kept);
  sections(kept);
  if (!kept.empty()) {
    // JSON Resume fields with no CV key are kept for the JSON Resume writer.
    out_.value(0, "json_resume", kept, {}, nullptr);
  }
  return out_.text();
}

// Puts the input position of each generated line back into the model.
class Remapper {
public:
  explicit Remapper(const std::vector<SourcePos>& origin) : origin_(origin) {}

  void operator()(SourcePos& pos) const {
    if (pos.line >= 1 && static_cast<size_t>(pos.line) <= origin_.size())
      pos = origin_[static_cast<size_t>(pos.line) - 1];
    else
      pos = {};
  }

  void text(Text& text) const { (*this)(text.pos); }

  void cv(Cv& cv) const {
    text(cv.name);
    text(cv.headline);
    text(cv.location);
    for (auto* list : {&cv.emails, &cv.phones, &cv.websites})
      for (Scalar& scalar : *list)
        (*this)(scalar.pos);
    (*this)(cv.photo.pos);
    for (SocialNetwork& social : cv.social_networks) {
      (*this)(social.pos);
      (*this)(social.network.pos);
      (*this)(social.username.pos);
      (*this)(social.given_url.pos);
    }
    for (Section& section : cv.sections) {
      (*this)(section.pos);
      text(section.title);
      for (Entry& entry : section.entries)
        std::visit([&](auto& e) { this->entry(e); }, entry);
    }
  }

private:
  void highlights(std::vector<Highlight>& list) const {
    for (Highlight& highlight : list) {
      text(highlight.text);
      highlights(highlight.children);
    }
  }

  template <typename T> void entry(T& e) const {
    (*this)(e.pos);
    for (Extra& extra : e.extras) {
      (*this)(extra.key_pos);
      for (Text& value : extra.values)
        text(value);
    }
    if constexpr (std::is_base_of_v<DatedFields, T>) {
      for (std::optional<Date>* date : {&e.date, &e.start_date, &e.end_date})
        if (*date)
          (*this)((*date)->pos);
      text(e.location);
      text(e.summary);
      highlights(e.highlights);
    }
    if constexpr (std::is_same_v<T, EducationEntry>) {
      text(e.institution);
      text(e.area);
      text(e.degree);
    } else if constexpr (std::is_same_v<T, ExperienceEntry>) {
      text(e.company);
      text(e.position);
    } else if constexpr (std::is_same_v<T, PublicationEntry>) {
      text(e.title);
      text(e.journal);
      for (Text& author : e.authors)
        text(author);
      (*this)(e.doi.pos);
      (*this)(e.url.pos);
    } else if constexpr (std::is_same_v<T, NormalEntry>) {
      text(e.name);
    } else if constexpr (std::is_same_v<T, OneLineEntry>) {
      text(e.label);
      text(e.details);
    } else if constexpr (std::is_same_v<T, BulletEntry>) {
      text(e.bullet);
    } else if constexpr (std::is_same_v<T, NumberedEntry>) {
      text(e.number);
    } else if constexpr (std::is_same_v<T, ReversedNumberedEntry>) {
      text(e.reversed_number);
    } else {
      static_assert(std::is_same_v<T, TextEntry>);
      text(e.text);
    }
  }

  const std::vector<SourcePos>& origin_;
};

struct Converted {
  std::string yaml;
  std::vector<SourcePos> origin;
};

std::optional<Converted> convert(Diagnostics& diagnostics) {
  std::optional<Input> input = parse_input(diagnostics);
  if (!input)
    return std::nullopt;
  Converter converter(*input, diagnostics);
  Converted out;
  out.yaml = converter.convert();
  out.origin = converter.origin();
  if (diagnostics.has_errors())
    return std::nullopt;
  return out;
}

// Reads the generated YAML and reports its diagnostics at the input's
// positions.
std::optional<Cv> read_converted(const Converted& converted,
                                 Diagnostics& diagnostics,
                                 const ReadLimits& limits) {
  Diagnostics yaml(diagnostics.file_name(), converted.yaml);
  // The JSON was within the input limit. The YAML made from it can be up
  // to 1.5 times as long, so it is not held to that limit again.
  ReadLimits yaml_limits = limits;
  yaml_limits.max_input_bytes = SIZE_MAX;
  std::optional<Cv> cv = read_cv(yaml, yaml_limits);
  Remapper remap(converted.origin);
  for (Diagnostic d : yaml.all()) {
    remap(d.pos);
    if (d.severity == Severity::Error)
      diagnostics.error(d.pos, d.message, d.hint);
    else
      diagnostics.warning(d.pos, d.message, d.hint);
  }
  if (cv)
    remap.cv(*cv);
  return cv;
}

} // namespace

std::optional<ordered_json> parse_json_in_order(std::string_view text) {
  OrderedBuilder builder;
  if (!ordered_json::sax_parse(text, &builder))
    return std::nullopt;
  return std::move(builder.result);
}

bool is_json_resume(std::string_view file_name, std::string_view content) {
  // Only the top-level keys matter, and a CV's first key is usually `cv`,
  // which settles it. A file that does not parse is read as a CV (or, for
  // JSON, as JSON Resume), whose reader reports the error.
  bool basics = false;
  bool cv = false;
  yaml::visit_top_level_keys(content, kMaxJsonDepth, [&](std::string_view key) {
    basics = basics || key == "basics";
    cv = cv || key == "cv";
    return !cv;
  });
  // JSON is JSON Resume, unless it is a CV written in JSON.
  if (file_name.ends_with(".json") || looks_like_json(content))
    return !cv || basics;
  return basics && !cv;
}

std::optional<std::string> json_resume_to_cv_yaml(Diagnostics& diagnostics,
                                                  const ReadLimits& limits) {
  std::optional<Converted> converted = convert(diagnostics);
  if (!converted)
    return std::nullopt;
  // The YAML is read once here so that what json2cv writes is a valid CV.
  if (!read_converted(*converted, diagnostics, limits))
    return std::nullopt;
  return converted->yaml;
}

std::optional<Cv> read_json_resume(Diagnostics& diagnostics,
                                   const ReadLimits& limits) {
  std::optional<Converted> converted = convert(diagnostics);
  if (!converted)
    return std::nullopt;
  return read_converted(*converted, diagnostics, limits);
}

} // namespace cvc
