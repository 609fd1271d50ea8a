// A YAML node tree built from libyaml's event parser, with the source
// position of every node. An alias is the node that its anchor named, not
// a copy, so the tree stays as large as the file however aliases nest.
#pragma once

#include "diagnostics.hpp"

#include <cstdint>
#include <functional>
#include <iterator>
#include <memory>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace cvc::yaml {

enum class NodeType { Undefined, Null, Scalar, Sequence, Map };

struct Tree;

/// A handle on one node of a parsed stream; it is valid while the `Stream`
/// that made it lives. A default handle is undefined (a missing key).
class Node {
public:
  Node() = default;
  Node(const Tree* tree, uint32_t index) : tree_(tree), index_(index) {}

  NodeType type() const;
  bool is_defined() const { return tree_ != nullptr; }
  bool is_null() const { return type() == NodeType::Null; }
  bool is_scalar() const { return type() == NodeType::Scalar; }
  bool is_sequence() const { return type() == NodeType::Sequence; }
  bool is_map() const { return type() == NodeType::Map; }

  /// The value of a scalar; empty for other nodes.
  const std::string& text() const;
  /// The tag: `?` when a plain scalar or a collection has none, `!` when a
  /// quoted or block scalar has none, else the resolved tag
  /// (`tag:yaml.org,2002:str` for `!!str`).
  const std::string& tag() const;
  /// The first character of a scalar's source text that was taken out
  /// before parsing, because YAML does not allow it there (a control
  /// character, U+FFFE, U+FFFF), or 0.
  char32_t removed() const;
  /// Where the node starts (1-based line, 1-based byte column), or {0, 0}
  /// for an undefined node.
  SourcePos pos() const;
  /// The byte offset where the node starts: the same for an alias and its
  /// anchor, so it distinguishes a second visit of a value from the first.
  size_t offset() const;

  /// Items of a sequence, or pairs of a map.
  size_t size() const;
  /// The i-th item of a sequence.
  Node item(size_t i) const;
  /// The key and the value of the i-th pair of a map.
  Node key(size_t i) const;
  Node value(size_t i) const;
  /// The value of the first scalar key equal to `key` in a map, or an
  /// undefined node.
  Node get(std::string_view key) const;

  /// Iterates over the items of a sequence.
  class iterator {
  public:
    using iterator_category = std::forward_iterator_tag;
    using value_type = Node;
    using difference_type = std::ptrdiff_t;
    using pointer = const Node*;
    using reference = Node;

    iterator(const Node* node, size_t i) : node_(node), i_(i) {}
    Node operator*() const { return node_->item(i_); }
    iterator& operator++() {
      ++i_;
      return *this;
    }
    bool operator==(const iterator& other) const { return i_ == other.i_; }

  private:
    const Node* node_;
    size_t i_;
  };
  iterator begin() const { return {this, 0}; }
  iterator end() const { return {this, is_sequence() ? size() : 0}; }

private:
  const Tree* tree_ = nullptr;
  uint32_t index_ = 0;
};

/// An error of the YAML syntax, at the position libyaml gives.
struct ParseError {
  SourcePos pos;
  std::string message;
};

/// Every document of a YAML stream, or the first syntax error.
class Stream {
public:
  /// Parses `source` (UTF-8). Collections nested deeper than `max_depth`
  /// are an error, so that no reader of the tree recurses without bound.
  static Stream parse(std::string_view source, int max_depth);

  const std::optional<ParseError>& error() const { return error_; }
  const std::vector<Node>& documents() const { return documents_; }
  /// Returns the start of each document: its `---`, or its first node.
  const std::vector<SourcePos>& document_starts() const {
    return document_starts_;
  }
  /// The number of nodes, aliases not counted.
  size_t node_count() const;

private:
  std::shared_ptr<Tree> tree_;
  std::vector<Node> documents_;
  std::vector<SourcePos> document_starts_;
  std::optional<ParseError> error_;
};

/// Calls `visit` with each key of the first document's top-level mapping,
/// in order, without building a tree, until `visit` returns false or the
/// document ends. Stops quietly at a syntax error or at nesting deeper than
/// `max_depth`.
void visit_top_level_keys(std::string_view source, int max_depth,
                          const std::function<bool(std::string_view)>& visit);

} // namespace cvc::yaml
