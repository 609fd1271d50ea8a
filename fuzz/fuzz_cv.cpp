// A libFuzzer target: bytes go to the reader that the tools would pick, and
// to every writer when they form a valid CV. That reader is the JSON
// Resume one for JSON and for YAML with `basics` at the top, else the CV
// reader. Built with -DCVCONVERT_FUZZ=ON and clang; the same function
// replays the regression corpus in the normal test build.
#include "diagnostics.hpp"
#include "json_reader.hpp"
#include "reader.hpp"
#include "writers.hpp"

#include <cstddef>
#include <cstdint>
#include <string>

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  std::string text(reinterpret_cast<const char*>(data), size);
  cvc::Diagnostics diagnostics("fuzz.yaml", text);
  cvc::ReadLimits limits;
  limits.max_input_bytes = 1 << 20;
  std::optional<cvc::Cv> cv = cvc::is_json_resume("fuzz.yaml", text)
                                  ? cvc::read_json_resume(diagnostics)
                                  : cvc::read_cv(diagnostics, limits);
  for (const cvc::Diagnostic& diagnostic : diagnostics.all())
    cvc::format_diagnostic(diagnostic, "fuzz.yaml", text, false);
  if (!cv)
    return 0;
  for (const cvc::OutputFormat& format : cvc::output_formats()) {
    cvc::Diagnostics writer_diagnostics("fuzz.yaml", text);
    format.write(*cv, cvc::WriteOptions{}, writer_diagnostics);
  }
  return 0;
}
