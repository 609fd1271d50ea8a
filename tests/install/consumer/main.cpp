// Reads a CV from standard input and writes it in the format named by the
// first argument, through the installed writer registry.
#include <cvconvert/reader.hpp>
#include <cvconvert/writers.hpp>

#include <iostream>
#include <iterator>

int main(int argc, char** argv) {
  if (argc != 2)
    return 2;
  std::string source((std::istreambuf_iterator<char>(std::cin)),
                     std::istreambuf_iterator<char>());
  cvc::Diagnostics diagnostics("<stdin>", source);
  std::optional<cvc::Cv> cv = cvc::read_cv(diagnostics);
  const cvc::OutputFormat* format = cvc::find_output_format(argv[1]);
  if (!cv || !format)
    return 1;
  std::optional<std::string> text = format->write(*cv, {}, diagnostics);
  if (!text)
    return 1;
  std::cout << *text;
  return 0;
}
