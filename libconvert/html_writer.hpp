// The standalone HTML5 page writer.
#pragma once

#include "diagnostics.hpp"
#include "model.hpp"

#include <optional>
#include <string>
#include <vector>

namespace cvc {

struct HtmlOptions {
  /// A folder with the user's copy of cv.css (see templates/html); empty
  /// for none.
  std::string template_dir;
  /// CSS to embed after the built-in stylesheet (from --css FILE).
  std::string extra_css;
  /// Whether to leave out the built-in stylesheet.
  bool no_builtin_css = false;
  /// Stylesheets to link with <link rel="stylesheet">, in order.
  std::vector<std::string> stylesheet_links;
  /// Whether to embed cv.photo as a data URI.
  bool embed_photo = false;
  /// The folder that a relative cv.photo path is resolved against: the
  /// folder of the CV file, or empty for the working directory.
  std::string base_dir;
};

/// Writes the CV as one self-contained HTML5 page. Reports unsafe links,
/// a photo that cannot be embedded and invalid stylesheets to
/// `diagnostics`; returns nothing when the page cannot be written.
std::optional<std::string> write_html(const Cv& cv, const HtmlOptions& options,
                                      Diagnostics& diagnostics);

/// Returns the MIME type of an image from its first bytes: image/png,
/// image/jpeg, image/webp or image/gif, or an empty string for anything
/// else.
std::string image_mime_type(std::string_view bytes);

} // namespace cvc
