// TeX injection payloads: each one, put in every kind of field, must be
// typeset as the characters typed, and none may read or write a file.
#include "markup.hpp"
#include "support.hpp"

#include <catch2/catch.hpp>

#include <filesystem>

using namespace cvc;

namespace {

// Quotes a value for a YAML double-quoted scalar.
std::string yaml_quoted(const std::string& value) {
  std::string out = "\"";
  for (char c : value) {
    if (c == '"' || c == '\\')
      out += '\\';
    out += c;
  }
  return out + "\"";
}

// A CV with the payload in the headline, a section title, an entry's
// title, company, location, a highlight, a one-line entry and a link text.
std::string cv_with(const std::string& payload) {
  std::string q = yaml_quoted(payload);
  return "cv:\n"
         "  name: Ada Payload\n"
         "  headline: " +
         q +
         "\n"
         "  sections:\n"
         "    " +
         q +
         ":\n"
         "      - company: " +
         q +
         "\n"
         "        position: " +
         q +
         "\n"
         "        location: " +
         q +
         "\n"
         "        date: 2020\n"
         "        highlights:\n"
         "          - " +
         q +
         "\n"
         "    Skills:\n"
         "      - label: Payload\n"
         "        details: " +
         q + "\n";
}

// Payloads that try to run TeX, and the text each must show as.
struct Payload {
  const char* name;
  const char* text;
};

const Payload kPayloads[] = {
    {"input", "\\input{/etc/passwd}"},
    {"include", "\\include{/etc/hostname}"},
    {"write18", "\\write18{touch /tmp/cvconvert-pwned-write18}"},
    {"immediate write18",
     "\\immediate\\write18{touch /tmp/cvconvert-pwned-immediate}"},
    {"openout", "\\newwrite\\f\\immediate\\openout\\f=/tmp/cvconvert-pwned-"
                "openout.tex\\immediate\\write\\f{x}"},
    {"catcode", "\\catcode`\\@=0 @input{/etc/passwd}"},
    {"def", "\\def\\x{\\input{/etc/passwd}}\\x"},
    {"caret notation", "^^5cinput{/etc/passwd}"},
    {"unbalanced braces", "}}}{ \\end{document}"},
    {"end document", "\\end{document}"},
    {"csname", "\\csname input\\endcsname{/etc/passwd}"},
    {"makeatletter", "\\makeatletter\\@input{/etc/passwd}"},
    {"comment", "100% done % \\input{/etc/passwd}"},
    {"math", "$\\input{/etc/passwd}$"},
    {"active tilde", "~\\input~{/etc/passwd}"},
};

std::string without_blanks(const std::string& text) {
  std::string out;
  for (char c : text)
    if (c != ' ' && c != '\n' && c != '-')
      out += c;
  return out;
}

size_t occurrences(const std::string& text, const std::string& part) {
  size_t count = 0;
  for (size_t at = text.find(part); at != std::string::npos;
       at = text.find(part, at + 1))
    ++count;
  return count;
}

} // namespace

TEST_CASE("TeX injection payloads stay text") {
  for (const Payload& payload : kPayloads) {
    DYNAMIC_SECTION(payload.name) {
      for (const char* marker :
           {"/tmp/cvconvert-pwned-write18", "/tmp/cvconvert-pwned-immediate",
            "/tmp/cvconvert-pwned-openout.tex"})
        std::filesystem::remove(marker);

      Cv cv = test::parse_valid(cv_with(payload.text));
      std::string tex = test::latex_of(cv);
      std::string pdf = test::compile_pdf(tex);
      std::string text = test::pdf_text(pdf);
      INFO("payload: " << payload.text << "\nPDF text: " << text);

      // Every field shows the payload: the section title as typed, and the
      // six fields that take Markdown (headline, position, company,
      // location, highlight, details) as CommonMark reads it, where `\@`
      // is an escaped `@`. Line breaks may fall inside a long payload, and
      // pdf_text joins a hyphen at a line end, so blanks and hyphens are
      // ignored.
      std::string compact = without_blanks(text);
      std::string typed = without_blanks(payload.text);
      std::string markdown =
          without_blanks(to_plain_text(parse_inline_markup(payload.text)));
      CHECK(occurrences(compact, typed) + occurrences(compact, markdown) -
                (typed == markdown ? occurrences(compact, typed) : 0) >=
            7);
      CHECK(occurrences(compact, markdown) >= 6);
      CHECK(text.find("root:x:0:0") == std::string::npos);
      CHECK_FALSE(std::filesystem::exists("/tmp/cvconvert-pwned-write18"));
      CHECK_FALSE(std::filesystem::exists("/tmp/cvconvert-pwned-immediate"));
      CHECK_FALSE(std::filesystem::exists("/tmp/cvconvert-pwned-openout.tex"));
    }
  }
}
