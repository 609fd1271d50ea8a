#include "yaml_tree.hpp"

#include "unicode.hpp"

#include <yaml.h>

#include <algorithm>
#include <map>

namespace cvc::yaml {

struct NodeData {
  NodeType type = NodeType::Null;
  SourcePos pos;
  size_t offset = 0;
  std::string text;
  // An index into Tree::tags.
  uint32_t tag = 0;
  // The first character taken out of a scalar before parsing, or 0.
  char32_t removed = 0;
  // Items of a sequence; keys and values, alternating, of a map.
  std::vector<uint32_t> children;
};

struct Tree {
  std::vector<NodeData> nodes;
  // The tags in use, `?` and `!` first: most nodes have one of those two.
  std::vector<std::string> tags = {"?", "!"};

  uint32_t tag_index(std::string_view tag) {
    for (size_t i = 0; i < tags.size(); ++i)
      if (tags[i] == tag)
        return static_cast<uint32_t>(i);
    tags.emplace_back(tag);
    return static_cast<uint32_t>(tags.size() - 1);
  }
};

namespace {

const std::string& empty_string() {
  static const std::string empty;
  return empty;
}

// A character taken out of the text that libyaml parses: where it was in
// the file and where the next kept byte is in the parsed text.
struct Removal {
  size_t original;
  size_t parsed;
  char32_t cp;
  size_t width;
};

// The text that libyaml parses. The characters it rejects (C0 and C1
// controls other than tab, line feed and carriage return, U+FFFE, U+FFFF)
// are taken out, and a lone carriage return becomes a line feed. U+2028
// and U+2029 are swapped for characters that the file does not contain,
// because YAML 1.1 reads them as line breaks and YAML 1.2 as text.
struct Prepared {
  std::string text;
  std::vector<Removal> removals;
  // The stand-ins of U+2028 and U+2029 (0 when there was none to swap).
  char32_t line_separator = 0;
  char32_t paragraph_separator = 0;
};

size_t utf8_width(unsigned char lead) {
  if (lead < 0x80)
    return 1;
  if (lead < 0xE0)
    return 2;
  if (lead < 0xF0)
    return 3;
  return 4;
}

// Decodes the code point of valid UTF-8 at `i`.
char32_t code_point_at(std::string_view text, size_t i) {
  unsigned char c = static_cast<unsigned char>(text[i]);
  size_t width = utf8_width(c);
  // The bits of the lead byte that belong to the code point, by width.
  static constexpr unsigned char lead_bits[] = {0, 0x7F, 0x1F, 0x0F, 0x07};
  char32_t cp = c & lead_bits[width];
  for (size_t k = 1; k < width && i + k < text.size(); ++k)
    cp = (cp << 6) | (static_cast<unsigned char>(text[i + k]) & 0x3F);
  return cp;
}

void append_code_point(std::string& out, char32_t cp) {
  // Only three-byte code points are written here.
  out += static_cast<char>(0xE0 | (cp >> 12));
  out += static_cast<char>(0x80 | ((cp >> 6) & 0x3F));
  out += static_cast<char>(0x80 | (cp & 0x3F));
}

bool rejected_by_libyaml(char32_t cp) {
  return (cp < 0x20 && cp != '\t' && cp != '\n' && cp != '\r') ||
         (cp >= 0x7F && cp < 0xA0) || cp == 0xFFFE || cp == 0xFFFF;
}

size_t count_characters(std::string_view text) {
  size_t count = 0;
  for (size_t i = 0; i < text.size(); i += utf8_width(text[i]))
    ++count;
  return count;
}

// Returns whether `i` is a carriage return that ends a line on its own, as
// in old Mac files. It becomes a line feed, so lines count the same way.
bool lone_carriage_return(std::string_view source, size_t i) {
  return source[i] == '\r' && (i + 1 == source.size() || source[i + 1] != '\n');
}

// Marks the code points below U+10000 that `source` holds, typed or
// written as a `\uXXXX` or `\UXXXXXXXX` escape.
std::vector<bool> used_code_points(std::string_view source) {
  std::vector<bool> used(0x10000, false);
  for (size_t i = 0; i < source.size();) {
    unsigned char c = static_cast<unsigned char>(source[i]);
    char32_t cp = code_point_at(source, i);
    if (cp < 0x10000)
      used[cp] = true;
    if (c == '\\' && i + 1 < source.size() &&
        (source[i + 1] == 'u' || source[i + 1] == 'U')) {
      size_t digits = source[i + 1] == 'u' ? 4 : 8;
      std::string hex(source.substr(i + 2, digits));
      if (hex.size() == digits &&
          hex.find_first_not_of("0123456789abcdefABCDEF") ==
              std::string::npos) {
        unsigned long escaped = std::stoul(hex, nullptr, 16);
        if (escaped < 0x10000)
          used[escaped] = true;
      }
    }
    i += utf8_width(c);
  }
  return used;
}

// Returns a three-byte character, as U+2028 and U+2029 are, that libyaml
// reads as text and that `used` does not mark, private-use ones first,
// or 0 when the file contains every one of them.
char32_t free_stand_in(std::vector<bool>& used) {
  auto usable = [&](char32_t cp) {
    return !used[cp] && !(cp >= 0xD800 && cp < 0xE000) && cp != 0x2028 &&
           cp != 0x2029 && cp != 0xFEFF && cp < 0xFFFE;
  };
  for (char32_t first : {char32_t{0xE000}, char32_t{0x0800}}) {
    for (char32_t cp = first; cp < 0xFFFE; ++cp) {
      if (usable(cp)) {
        used[cp] = true;
        return cp;
      }
    }
  }
  return 0;
}

// Returns nothing when the file can be parsed as it is, the common case.
std::optional<Prepared> prepare(std::string_view source) {
  bool needed = false;
  bool separators = false;
  for (size_t i = 0; i < source.size();) {
    // Eight bytes at a time while they are printable ASCII.
    while (i + 8 <= source.size()) {
      uint64_t block = word::load(&source[i]);
      if (word::has_byte_below(block, 0x20) || word::has_non_ascii(block) ||
          word::has_byte(block, 0x7F))
        break;
      i += 8;
    }
    if (i == source.size())
      break;
    unsigned char c = static_cast<unsigned char>(source[i]);
    if (c >= 0x20 && c < 0x7F) {
      ++i;
      continue;
    }
    char32_t cp = code_point_at(source, i);
    separators = separators || cp == 0x2028 || cp == 0x2029;
    if (rejected_by_libyaml(cp) || lone_carriage_return(source, i))
      needed = true;
    i += utf8_width(c);
  }
  if (!needed && !separators)
    return std::nullopt;
  Prepared prepared;
  if (separators) {
    // NOTE: a file that contains every three-byte character keeps U+2028 and
    // U+2029 as they are, and libyaml then reads them as line breaks.
    std::vector<bool> used = used_code_points(source);
    prepared.line_separator = free_stand_in(used);
    prepared.paragraph_separator = free_stand_in(used);
  }
  prepared.text.reserve(source.size());
  for (size_t i = 0; i < source.size();) {
    unsigned char c = static_cast<unsigned char>(source[i]);
    size_t width = utf8_width(c);
    char32_t cp = code_point_at(source, i);
    if (lone_carriage_return(source, i)) {
      prepared.text += '\n';
    } else if (rejected_by_libyaml(cp)) {
      prepared.removals.push_back({i, prepared.text.size(), cp, width});
    } else if (cp == 0x2028 && prepared.line_separator) {
      append_code_point(prepared.text, prepared.line_separator);
    } else if (cp == 0x2029 && prepared.paragraph_separator) {
      append_code_point(prepared.text, prepared.paragraph_separator);
    } else {
      prepared.text.append(source, i, width);
    }
    i += width;
  }
  return prepared;
}

// Turns libyaml's marks, which count characters of the parsed text, into
// byte offsets and 1-based byte columns of the file. Marks mostly come in
// source order, so a cursor moves forward through the text and starts over
// only when one goes back.
class Positions {
public:
  Positions(std::string_view parsed, const std::vector<Removal>& removals)
      : parsed_(parsed), removals_(removals) {
    reset();
  }

  // Returns the position in the file of `mark` and sets `offset` to its
  // byte offset in the file and `parsed` to the one in the parsed text.
  SourcePos at(const yaml_mark_t& mark, size_t& offset, size_t& parsed) {
    if (mark.index < index_)
      reset();
    while (index_ < mark.index && byte_ < parsed_.size()) {
      // A run of ASCII bytes other than line feeds is one character each.
      size_t run = byte_;
      size_t limit = std::min(parsed_.size(), byte_ + (mark.index - index_));
      while (run + 8 <= limit) {
        uint64_t block = word::load(&parsed_[run]);
        if (word::has_non_ascii(block) || word::has_byte(block, '\n'))
          break;
        run += 8;
      }
      while (run < limit && static_cast<unsigned char>(parsed_[run]) < 0x80 &&
             parsed_[run] != '\n')
        ++run;
      index_ += run - byte_;
      byte_ = run;
      if (index_ < mark.index && byte_ < parsed_.size())
        step();
    }
    offset = original(byte_);
    parsed = byte_;
    return {line_, static_cast<int>(offset - line_start_) + 1};
  }

  SourcePos at(const yaml_mark_t& mark) {
    size_t offset = 0;
    size_t parsed = 0;
    return at(mark, offset, parsed);
  }

  // The position in the file of a byte offset in the parsed text.
  SourcePos at_parsed_byte(size_t byte) {
    reset();
    while (byte_ < byte && byte_ < parsed_.size())
      step();
    size_t offset = original(byte_);
    return {line_, static_cast<int>(offset - line_start_) + 1};
  }

private:
  std::string_view parsed_;
  const std::vector<Removal>& removals_;
  size_t index_ = 0;
  size_t byte_ = 0;
  int line_ = 1;
  size_t line_start_ = 0;
  // Removals before the cursor, and the bytes they took.
  size_t removal_ = 0;
  size_t removed_bytes_ = 0;

  // The file offset of the byte at `parsed` in the parsed text, for
  // `parsed` at or after every earlier call's.
  size_t original(size_t parsed) {
    while (removal_ < removals_.size() &&
           removals_[removal_].parsed <= parsed) {
      removed_bytes_ += removals_[removal_].width;
      ++removal_;
    }
    return parsed + removed_bytes_;
  }

  // Moves the cursor past one character.
  void step() {
    unsigned char c = static_cast<unsigned char>(parsed_[byte_]);
    if (c == '\n') {
      line_start_ = original(byte_) + 1;
      ++line_;
    }
    byte_ += utf8_width(c);
    ++index_;
  }

  // A byte order mark counts as one character: with the encoding given,
  // libyaml reads it as U+FEFF and skips it as it skips a space.
  void reset() {
    index_ = 0;
    byte_ = 0;
    line_ = 1;
    removal_ = 0;
    removed_bytes_ = 0;
    line_start_ = original(0);
  }
};

// The maximum number of nodes in a stream, at about 100 bytes each, so that
// reading stays under a second and 100 MB. A 16 MiB file of one-character
// list items would otherwise take a gigabyte.
constexpr size_t kMaxNodes = 1'000'000;

// Thrown by the builder when the stream has more than kMaxNodes nodes.
struct TooManyNodes {
  yaml_mark_t mark;
};

bool is_null_word(std::string_view text) {
  return text.empty() || text == "~" || text == "null" || text == "Null" ||
         text == "NULL";
}

// Builds the tree from libyaml's events.
class Builder {
public:
  Builder(std::string_view parsed, const Prepared* prepared, int max_depth,
          Tree& tree)
      : positions_(parsed, prepared ? prepared->removals : no_removals_),
        prepared_(prepared), max_depth_(max_depth), tree_(tree) {}

  // Handles one event; returns false when it is an error, which is then
  // in `error`.
  bool handle(const yaml_event_t& event, std::vector<Node>& documents,
              std::optional<ParseError>& error) {
    switch (event.type) {
    case YAML_DOCUMENT_START_EVENT:
      anchors_.clear();
      document_starts.push_back(positions_.at(event.start_mark));
      break;
    case YAML_ALIAS_EVENT: {
      auto found =
          anchors_.find(reinterpret_cast<const char*>(event.data.alias.anchor));
      if (found == anchors_.end()) {
        std::string_view name =
            reinterpret_cast<const char*>(event.data.alias.anchor);
        bool inside =
            std::any_of(open_.begin(), open_.end(),
                        [&](const Open& o) { return o.anchor == name; });
        error = ParseError{positions_.at(event.start_mark),
                           inside ? "invalid YAML: the alias *" +
                                        std::string(name) +
                                        " is inside the collection it names"
                                  : "invalid YAML: the referenced anchor is "
                                    "not defined"};
        return false;
      }
      attach(found->second, documents);
      break;
    }
    case YAML_SCALAR_EVENT: {
      const auto& scalar = event.data.scalar;
      uint32_t index = add_node(event);
      NodeData& node = tree_.nodes[index];
      node.text.assign(reinterpret_cast<const char*>(scalar.value),
                       scalar.length);
      bool plain = scalar.style == YAML_PLAIN_SCALAR_STYLE;
      std::string_view tag = scalar.tag
                                 ? reinterpret_cast<const char*>(scalar.tag)
                                 : (plain ? "?" : "!");
      node.tag = tree_.tag_index(tag);
      // `!!null` on text keeps the text: a tag never hides a typed value.
      bool null = ((plain && !scalar.tag) || tag == YAML_NULL_TAG) &&
                  is_null_word(node.text);
      node.type = null ? NodeType::Null : NodeType::Scalar;
      if (null)
        node.text.clear();
      if (prepared_)
        restore(event, node);
      attach(index, documents);
      if (scalar.anchor)
        anchors_[reinterpret_cast<const char*>(scalar.anchor)] = index;
      break;
    }
    case YAML_SEQUENCE_START_EVENT:
    case YAML_MAPPING_START_EVENT: {
      bool map = event.type == YAML_MAPPING_START_EVENT;
      uint32_t index = add_node(event);
      NodeData& node = tree_.nodes[index];
      node.type = map ? NodeType::Map : NodeType::Sequence;
      const yaml_char_t* tag =
          map ? event.data.mapping_start.tag : event.data.sequence_start.tag;
      node.tag =
          tree_.tag_index(tag ? reinterpret_cast<const char*>(tag) : "?");
      if (open_.size() >= static_cast<size_t>(max_depth_)) {
        error = ParseError{node.pos, "invalid YAML: collections nested more "
                                     "than " +
                                         std::to_string(max_depth_) +
                                         " levels deep"};
        return false;
      }
      attach(index, documents);
      const yaml_char_t* anchor = map ? event.data.mapping_start.anchor
                                      : event.data.sequence_start.anchor;
      // The anchor names the collection once it is complete, so an alias
      // inside it cannot make a cycle.
      open_.push_back(
          {index, anchor ? reinterpret_cast<const char*>(anchor) : ""});
      break;
    }
    case YAML_SEQUENCE_END_EVENT:
    case YAML_MAPPING_END_EVENT:
      if (!open_.back().anchor.empty())
        anchors_[open_.back().anchor] = open_.back().index;
      open_.pop_back();
      break;
    default:
      break;
    }
    return true;
  }

  Positions& positions() { return positions_; }

  // The start of each document: its `---`, or its first node.
  std::vector<SourcePos> document_starts;

private:
  struct Open {
    uint32_t index;
    std::string anchor;
  };
  static inline const std::vector<Removal> no_removals_;
  Positions positions_;
  const Prepared* prepared_;
  // The first removal not yet before a scalar.
  size_t removal_ = 0;
  int max_depth_;
  Tree& tree_;
  std::vector<Open> open_;
  std::map<std::string, uint32_t, std::less<>> anchors_;

  uint32_t add_node(const yaml_event_t& event) {
    uint32_t index = static_cast<uint32_t>(tree_.nodes.size());
    if (index >= kMaxNodes)
      throw TooManyNodes{event.start_mark};
    NodeData& node = tree_.nodes.emplace_back();
    size_t parsed = 0;
    node.pos = positions_.at(event.start_mark, node.offset, parsed);
    return index;
  }

  // Puts U+2028 and U+2029 back into a scalar, and notes the first
  // character taken out of its source text.
  void restore(const yaml_event_t& event, NodeData& node) {
    const std::vector<Removal>& removals = prepared_->removals;
    size_t start = 0;
    size_t end = 0;
    size_t offset = 0;
    positions_.at(event.start_mark, offset, start);
    positions_.at(event.end_mark, offset, end);
    while (removal_ < removals.size() && removals[removal_].parsed < start)
      ++removal_;
    if (removal_ < removals.size() && removals[removal_].parsed <= end)
      node.removed = removals[removal_].cp;
    for (auto [stand_in, original] :
         {std::pair{prepared_->line_separator, U'\u2028'},
          std::pair{prepared_->paragraph_separator, U'\u2029'}}) {
      if (!stand_in)
        continue;
      std::string from;
      std::string to;
      append_code_point(from, stand_in);
      append_code_point(to, original);
      for (size_t at = node.text.find(from); at != std::string::npos;
           at = node.text.find(from, at + to.size()))
        node.text.replace(at, from.size(), to);
    }
  }

  void attach(uint32_t index, std::vector<Node>& documents) {
    if (open_.empty())
      documents.emplace_back(&tree_, index);
    else
      tree_.nodes[open_.back().index].children.push_back(index);
  }
};

// A libyaml event parser over the prepared text of a file, freed with it.
class EventParser {
public:
  explicit EventParser(std::string_view source)
      : prepared_(prepare(source)),
        text_(prepared_ ? std::string_view(prepared_->text) : source) {
    ready_ = yaml_parser_initialize(&parser_) != 0;
    if (!ready_)
      return;
    yaml_parser_set_encoding(&parser_, YAML_UTF8_ENCODING);
    yaml_parser_set_input_string(
        &parser_, reinterpret_cast<const unsigned char*>(text_.data()),
        text_.size());
  }
  EventParser(const EventParser&) = delete;
  EventParser& operator=(const EventParser&) = delete;
  ~EventParser() {
    if (ready_)
      yaml_parser_delete(&parser_);
  }

  bool ready() const { return ready_; }
  yaml_parser_t* get() { return &parser_; }
  // The text that libyaml reads, and how it differs from the file (null
  // when it is the file itself).
  std::string_view text() const { return text_; }
  const Prepared* prepared() const { return prepared_ ? &*prepared_ : nullptr; }

private:
  std::optional<Prepared> prepared_;
  std::string_view text_;
  yaml_parser_t parser_;
  bool ready_ = false;
};

// The message of a libyaml error, at the mark that helps most: where the
// token that could not be read starts (an unclosed quote, an alias, a key
// without ':'), else where the problem was found.
ParseError syntax_error(const yaml_parser_t& parser, Positions& positions,
                        size_t parsed_length) {
  std::string message =
      parser.problem ? parser.problem : "the syntax is invalid";
  if (parser.error == YAML_READER_ERROR)
    return {positions.at_parsed_byte(parser.problem_offset),
            "invalid YAML: " + message};
  yaml_mark_t mark = parser.problem_mark;
  if (parser.context) {
    std::string_view context = parser.context;
    message += " ";
    message += context;
    bool token_start = parser.error == YAML_SCANNER_ERROR &&
                       (context.find("quoted scalar") != std::string::npos ||
                        context.find("alias") != std::string::npos ||
                        context.find("anchor") != std::string::npos ||
                        context.find("simple key") != std::string::npos);
    // At the end of the file the problem has no line to show, so the error
    // points where the unclosed collection or scalar started.
    bool at_end = parser.problem_mark.index >= parsed_length;
    if (token_start || at_end)
      mark = parser.context_mark;
  }
  return {positions.at(mark), "invalid YAML: " + message};
}

} // namespace

NodeType Node::type() const {
  return tree_ ? tree_->nodes[index_].type : NodeType::Undefined;
}

const std::string& Node::text() const {
  return tree_ ? tree_->nodes[index_].text : empty_string();
}

const std::string& Node::tag() const {
  return tree_ ? tree_->tags[tree_->nodes[index_].tag] : empty_string();
}

char32_t Node::removed() const {
  return tree_ ? tree_->nodes[index_].removed : 0;
}

SourcePos Node::pos() const {
  return tree_ ? tree_->nodes[index_].pos : SourcePos{};
}

size_t Node::offset() const {
  return tree_ ? tree_->nodes[index_].offset : 0;
}

size_t Node::size() const {
  if (!tree_)
    return 0;
  const NodeData& node = tree_->nodes[index_];
  size_t children = node.children.size();
  return node.type == NodeType::Map ? children / 2 : children;
}

Node Node::item(size_t i) const {
  return {tree_, tree_->nodes[index_].children[i]};
}

Node Node::key(size_t i) const {
  return {tree_, tree_->nodes[index_].children[2 * i]};
}

Node Node::value(size_t i) const {
  return {tree_, tree_->nodes[index_].children[2 * i + 1]};
}

Node Node::get(std::string_view key) const {
  if (!is_map())
    return {};
  for (size_t i = 0; i < size(); ++i) {
    Node k = this->key(i);
    if (k.is_scalar() && k.text() == key)
      return value(i);
  }
  return {};
}

Stream Stream::parse(std::string_view source, int max_depth) {
  Stream stream;
  stream.tree_ = std::make_shared<Tree>();
  EventParser parser(source);
  if (!parser.ready()) {
    stream.error_ = ParseError{{1, 1}, "out of memory reading the YAML"};
    return stream;
  }
  Builder builder(parser.text(), parser.prepared(), max_depth, *stream.tree_);

  while (true) {
    yaml_event_t event;
    if (!yaml_parser_parse(parser.get(), &event)) {
      stream.error_ = syntax_error(*parser.get(), builder.positions(),
                                   count_characters(parser.text()));
      break;
    }
    bool ok = false;
    try {
      ok = builder.handle(event, stream.documents_, stream.error_);
    } catch (const TooManyNodes& too_many) {
      stream.error_ =
          ParseError{builder.positions().at(too_many.mark),
                     "the file holds more than " + std::to_string(kMaxNodes) +
                         " YAML values, more than a CV can use"};
    }
    bool done = event.type == YAML_STREAM_END_EVENT;
    yaml_event_delete(&event);
    if (!ok || done)
      break;
  }

  stream.document_starts_ = std::move(builder.document_starts);
  if (stream.error_) {
    stream.documents_.clear();
    stream.document_starts_.clear();
  }
  return stream;
}

size_t Stream::node_count() const {
  return tree_ ? tree_->nodes.size() : 0;
}

void visit_top_level_keys(std::string_view source, int max_depth,
                          const std::function<bool(std::string_view)>& visit) {
  EventParser parser(source);
  if (!parser.ready())
    return;
  // Depth 1 is inside the top-level mapping, where keys and values
  // alternate.
  int depth = 0;
  bool root_is_map = false;
  bool at_key = true;
  bool going = true;
  while (going) {
    yaml_event_t event;
    if (!yaml_parser_parse(parser.get(), &event))
      break;
    switch (event.type) {
    case YAML_MAPPING_START_EVENT:
    case YAML_SEQUENCE_START_EVENT:
      if (depth == 0)
        root_is_map = event.type == YAML_MAPPING_START_EVENT;
      else if (depth == 1)
        at_key = !at_key;
      // libyaml slows down with the square of the nesting depth; the
      // reader reports a file this deep.
      going = ++depth <= max_depth;
      break;
    case YAML_MAPPING_END_EVENT:
    case YAML_SEQUENCE_END_EVENT:
      --depth;
      going = depth > 0;
      break;
    case YAML_SCALAR_EVENT:
    case YAML_ALIAS_EVENT:
      if (depth == 1 && root_is_map) {
        if (at_key && event.type == YAML_SCALAR_EVENT)
          going = visit({reinterpret_cast<const char*>(event.data.scalar.value),
                         event.data.scalar.length});
        at_key = !at_key;
      }
      going = going && depth > 0;
      break;
    case YAML_STREAM_END_EVENT:
      going = false;
      break;
    default:
      break;
    }
    yaml_event_delete(&event);
  }
}

} // namespace cvc::yaml
