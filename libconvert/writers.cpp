#include "writers.hpp"

#include "latex_writer.hpp"
#include "markdown_writer.hpp"

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

} // namespace

const std::vector<OutputFormat>& output_formats() {
  static const std::vector<OutputFormat> formats = {
      {"latex", "tex", write_latex_format},
      {"markdown", "md", write_markdown_format},
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
