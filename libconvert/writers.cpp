#include "writers.hpp"

#include "html_writer.hpp"
#include "json_writer.hpp"
#include "latex_writer.hpp"
#include "markdown_writer.hpp"

#include <filesystem>

namespace cvc {

namespace {

std::optional<std::string> write_latex_format(const Cv& cv,
                                              const WriteOptions& options,
                                              Diagnostics& diagnostics) {
  LatexOptions latex;
  latex.template_dir = options.template_dir;
  latex.source_name = options.source_name;
  std::optional<LatexDocument> document = write_latex(cv, latex, diagnostics);
  if (!document)
    return std::nullopt;
  return document->text;
}

// The flavour is checked by the tools; an unknown name writes CommonMark.
std::optional<std::string> write_markdown_format(const Cv& cv,
                                                 const WriteOptions& options,
                                                 Diagnostics& diagnostics) {
  MarkdownOptions markdown;
  markdown.flavor = parse_markdown_flavor(options.flavor)
                        .value_or(MarkdownFlavor::CommonMark);
  markdown.template_dir = options.template_dir;
  return write_markdown(cv, markdown, diagnostics);
}

std::optional<std::string> write_html_format(const Cv& cv,
                                             const WriteOptions& options,
                                             Diagnostics& diagnostics) {
  HtmlOptions html;
  html.template_dir = options.template_dir;
  if (!options.source_name.empty() && options.source_name != "<stdin>")
    html.base_dir =
        std::filesystem::path(options.source_name).parent_path().string();
  return write_html(cv, html, diagnostics);
}

std::optional<std::string> write_json_format(const Cv& cv,
                                             const WriteOptions& options,
                                             Diagnostics& diagnostics) {
  std::optional<JsonFlavor> flavor = json_flavor_from_name(options.flavor);
  if (!flavor) {
    diagnostics.error({}, "unknown JSON flavour '" + options.flavor + "'",
                      "use jsonresume or academicpages");
    return std::nullopt;
  }
  return write_json_resume(cv, *flavor, diagnostics);
}

} // namespace

const std::vector<OutputFormat>& output_formats() {
  static const std::vector<OutputFormat> formats = {
      {"latex", "tex", write_latex_format},
      {"markdown", "md", write_markdown_format},
      {"json", "json", write_json_format},
      {"html", "html", write_html_format},
  };
  return formats;
}

const OutputFormat* find_output_format(std::string_view name) {
  for (const OutputFormat& format : output_formats())
    if (format.name == name)
      return &format;
  return nullptr;
}

} // namespace cvc
