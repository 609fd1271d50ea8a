// The Markdown writer: a CV page (plain CommonMark, or the academicpages
// Jekyll page) and the academicpages collection items.
#pragma once

#include "diagnostics.hpp"
#include "model.hpp"

#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace cvc {

enum class MarkdownFlavor {
  /// A CV for a README or a pandoc pipeline: ATX headings, no front matter.
  CommonMark,
  /// `_pages/cv.md` of the academicpages template: front matter and setext
  /// headings, with no Liquid tag coming from a field.
  Academicpages,
};

/// Returns the flavour called `name` (`commonmark`, `academicpages`), or
/// nothing for another name.
std::optional<MarkdownFlavor> parse_markdown_flavor(std::string_view name);

struct MarkdownOptions {
  MarkdownFlavor flavor = MarkdownFlavor::CommonMark;
  /// A folder with the user's copies of templates/markdown; empty for none.
  std::string template_dir;
};

/// Writes the CV page. Reports template errors and dropped links to
/// `diagnostics`; returns nothing when a template fails.
std::optional<std::string> write_markdown(const Cv& cv,
                                          const MarkdownOptions& options,
                                          Diagnostics& diagnostics);

/// One academicpages collection item.
struct CollectionFile {
  /// The path inside the site: `_talks/2012-01-01-talk-1.md`.
  std::string path;
  std::string content;
};

/// Returns the collection that a section feeds (`publications`, `talks`,
/// `teaching`, `portfolio`), or an empty string: the section's entry in
/// `settings.academicpages_collections` if it has one, else a guess from
/// its title.
std::string collection_of_section(const Cv& cv, const Section& section);

/// Writes one file per entry of every section that feeds a collection.
/// Entries without a day-precise date are dated YYYY-01-01 or YYYY-MM-01;
/// entries without any ISO date get no date prefix, with a warning. Returns
/// nothing when a template fails.
std::optional<std::vector<CollectionFile>>
write_collections(const Cv& cv, const MarkdownOptions& options,
                  Diagnostics& diagnostics);

/// Makes an ASCII slug from text: ICU's `Any-Latin; Latin-ASCII; Lower`,
/// then runs of other characters become one `-`. Text with no letter or
/// digit left gets `item-` and a hash of the text, so the slug is stable.
std::string make_slug(std::string_view text);

/// The front matter key that holds the hash of a generated file.
constexpr std::string_view kHashKey = "cvconvert_hash";

/// Returns whether `content` is a generated file that nobody changed since:
/// its front matter holds `cvconvert_hash` and the hash matches the rest of
/// the file.
bool is_unchanged_generated_file(std::string_view content);

/// What saving the collection files did, by path.
struct CollectionSaveReport {
  std::vector<std::string> written;
  /// Files whose content was already the generated content.
  std::vector<std::string> unchanged;
  /// Files edited by hand (or not written by this tool), left alone.
  std::vector<std::string> skipped;
  /// Files that could not be written, with the error.
  std::vector<std::string> errors;
};

/// Saves the files under `directory`, each atomically. A file that exists
/// and was changed since it was generated is skipped unless `force`.
CollectionSaveReport save_collections(const std::string& directory,
                                      const std::vector<CollectionFile>& files,
                                      bool force);

} // namespace cvc
