#include "latex_escape.hpp"

#include "links.hpp"
#include "markup.hpp"
#include "unicode.hpp"

#include <unicode/translit.h>
#include <unicode/uchar.h>
#include <unicode/ucnv.h>
#include <unicode/uscript.h>

#include <algorithm>
#include <array>
#include <memory>
#include <mutex>
#include <set>

namespace cvc {

namespace {

// Font encodings whose inputenc .dfu file declares a code point.
enum EncodingBit : unsigned {
  kT1 = 1,
  kTS1 = 2,
  kT5 = 4,
  kLGR = 8,
  kT2A = 16,
};

struct UnicodeRow {
  char32_t cp;
  unsigned encodings;
};

constexpr UnicodeRow kUnicodeTable[] = {
#include "latex_unicode_table.inc"
};

unsigned encodings_of(char32_t cp) {
  auto found = std::lower_bound(
      std::begin(kUnicodeTable), std::end(kUnicodeTable), cp,
      [](const UnicodeRow& row, char32_t value) { return row.cp < value; });
  if (found == std::end(kUnicodeTable) || found->cp != cp)
    return 0;
  return found->encodings;
}

struct Replacement {
  char32_t cp;
  const char* latex;
};

// Characters that no text encoding declares but that LaTeX can typeset
// from its math fonts or with a spacing command.
constexpr Replacement kReplacements[] = {
    {0x00A0, "~"},
    {0x00AD, "\\-"},
    {0x2002, "\\enspace{}"},
    {0x2003, "\\quad{}"},
    {0x2004, "\\ "},
    {0x2005, "\\ "},
    {0x2006, "\\,"},
    {0x2007, "~"},
    {0x2008, "\\,"},
    {0x2009, "\\,"},
    {0x200A, "\\,"},
    {0x200B, "\\hspace{0pt}"},
    {0x2010, "-"},
    {0x2011, "\\mbox{-}"},
    {0x2028, " "},
    {0x2029, " "},
    {0x202F, "\\nobreak\\,"},
    {0x2032, "\\ensuremath{\\prime}"},
    {0x205F, "\\:"},
    {0x2190, "\\ensuremath{\\leftarrow}"},
    {0x2192, "\\ensuremath{\\rightarrow}"},
    {0x2194, "\\ensuremath{\\leftrightarrow}"},
    {0x21D0, "\\ensuremath{\\Leftarrow}"},
    {0x21D2, "\\ensuremath{\\Rightarrow}"},
    {0x21D4, "\\ensuremath{\\Leftrightarrow}"},
    {0x2200, "\\ensuremath{\\forall}"},
    {0x2202, "\\ensuremath{\\partial}"},
    {0x2203, "\\ensuremath{\\exists}"},
    {0x2205, "\\ensuremath{\\emptyset}"},
    {0x2207, "\\ensuremath{\\nabla}"},
    {0x2208, "\\ensuremath{\\in}"},
    {0x2209, "\\ensuremath{\\notin}"},
    {0x220F, "\\ensuremath{\\prod}"},
    {0x2211, "\\ensuremath{\\sum}"},
    {0x2212, "\\ensuremath{-}"},
    {0x2217, "\\ensuremath{\\ast}"},
    {0x221A, "\\ensuremath{\\surd}"},
    {0x221D, "\\ensuremath{\\propto}"},
    {0x221E, "\\ensuremath{\\infty}"},
    {0x2227, "\\ensuremath{\\wedge}"},
    {0x2228, "\\ensuremath{\\vee}"},
    {0x2229, "\\ensuremath{\\cap}"},
    {0x222A, "\\ensuremath{\\cup}"},
    {0x222B, "\\ensuremath{\\int}"},
    {0x223C, "\\ensuremath{\\sim}"},
    {0x2248, "\\ensuremath{\\approx}"},
    {0x2260, "\\ensuremath{\\neq}"},
    {0x2261, "\\ensuremath{\\equiv}"},
    {0x2264, "\\ensuremath{\\leq}"},
    {0x2265, "\\ensuremath{\\geq}"},
    {0x226A, "\\ensuremath{\\ll}"},
    {0x226B, "\\ensuremath{\\gg}"},
    {0x2282, "\\ensuremath{\\subset}"},
    {0x2283, "\\ensuremath{\\supset}"},
    {0x2286, "\\ensuremath{\\subseteq}"},
    {0x2287, "\\ensuremath{\\supseteq}"},
    {0x2295, "\\ensuremath{\\oplus}"},
    {0x2297, "\\ensuremath{\\otimes}"},
    {0x22C5, "\\ensuremath{\\cdot}"},
    {0x3000, "\\quad{}"},
};

const char* replacement_of(char32_t cp) {
  auto found = std::lower_bound(
      std::begin(kReplacements), std::end(kReplacements), cp,
      [](const Replacement& row, char32_t value) { return row.cp < value; });
  if (found == std::end(kReplacements) || found->cp != cp)
    return nullptr;
  return found->latex;
}

// LaTeX accent commands for combining marks that NFC could not merge into
// a precomposed character (`q` + U+0301).
const char* accent_command(char32_t mark) {
  switch (mark) {
  case 0x0300:
    return "\\`";
  case 0x0301:
    return "\\'";
  case 0x0302:
    return "\\^";
  case 0x0303:
    return "\\~";
  case 0x0304:
    return "\\=";
  case 0x0306:
    return "\\u";
  case 0x0307:
    return "\\.";
  case 0x0308:
    return "\\\"";
  case 0x030A:
    return "\\r";
  case 0x030B:
    return "\\H";
  case 0x030C:
    return "\\v";
  case 0x0323:
    return "\\d";
  case 0x0327:
    return "\\c";
  case 0x0328:
    return "\\k";
  case 0x0331:
    return "\\b";
  default:
    return nullptr;
  }
}

bool is_ascii_alnum(char32_t cp) {
  return (cp >= 'a' && cp <= 'z') || (cp >= 'A' && cp <= 'Z') ||
         (cp >= '0' && cp <= '9');
}

bool is_kana(char32_t cp) {
  return (cp >= 0x3040 && cp <= 0x30FF) || (cp >= 0x31F0 && cp <= 0x31FF) ||
         (cp >= 0xFF66 && cp <= 0xFF9F);
}

bool is_cjk(char32_t cp) {
  return is_kana(cp) || (cp >= 0x3001 && cp <= 0x303F) ||
         (cp >= 0x3400 && cp <= 0x4DBF) || (cp >= 0x4E00 && cp <= 0x9FFF) ||
         (cp >= 0xF900 && cp <= 0xFAFF) || (cp >= 0xFF01 && cp <= 0xFF65) ||
         (cp >= 0x20000 && cp <= 0x2FA1F);
}

// How one code point is typeset under pdflatex.
enum class Run {
  Base,       // T1, with TS1 symbols and math replacements
  Vietnamese, // T5
  Greek,      // LGR
  Cyrillic,   // T2A
  Cjk,        // CJKutf8
};

enum class CharAction {
  Typeset,         // in `run`
  Transliterate,   // a script with no pdflatex fonts here
  DropInvisible,   // a format or control character
  DropUnsupported, // a symbol no font has (an emoji)
};

struct CharClass {
  CharAction action = CharAction::Typeset;
  Run run = Run::Base;
};

unsigned script_bit(Run run) {
  switch (run) {
  case Run::Vietnamese:
    return kScriptVietnamese;
  case Run::Greek:
    return kScriptGreek;
  case Run::Cyrillic:
    return kScriptCyrillic;
  case Run::Cjk:
    return kScriptChinese | kScriptJapanese;
  case Run::Base:
    return 0;
  }
  return 0;
}

CharClass classify(char32_t cp, unsigned allowed) {
  CharClass out;
  if (cp < 0x80)
    return out;
  if (cp >= 0x0300 && cp <= 0x036F)
    return out; // combining marks are handled with their base letter
  if (replacement_of(cp))
    return out;
  unsigned encodings = encodings_of(cp);
  if (encodings & (kT1 | kTS1))
    return out;

  auto in = [&](Run run) -> CharClass {
    unsigned bit = script_bit(run);
    if ((allowed & bit) == 0)
      return {CharAction::Transliterate, Run::Base};
    return {CharAction::Typeset, run};
  };
  if (encodings & kT5)
    return in(Run::Vietnamese);
  if (encodings & kT2A)
    return in(Run::Cyrillic);
  if (encodings & kLGR)
    return in(Run::Greek);
  if (is_cjk(cp))
    return in(Run::Cjk);

  int8_t category = u_charType(static_cast<UChar32>(cp));
  if (category == U_FORMAT_CHAR || category == U_CONTROL_CHAR ||
      (cp >= 0xFE00 && cp <= 0xFE0F) || (cp >= 0xE0100 && cp <= 0xE01EF))
    return {CharAction::DropInvisible, Run::Base};
  bool letter = u_isalpha(static_cast<UChar32>(cp)) ||
                category == U_NON_SPACING_MARK ||
                category == U_COMBINING_SPACING_MARK ||
                category == U_DECIMAL_DIGIT_NUMBER;
  if (letter)
    return {CharAction::Transliterate, Run::Base};
  if (category == U_SPACE_SEPARATOR)
    return {CharAction::Typeset, Run::Base};
  return {CharAction::DropUnsupported, Run::Base};
}

// Transliterates text in scripts that pdflatex cannot typeset here into
// ASCII Latin (`Any-Latin; Latin-ASCII`), for example Arabic or Hangul.
std::string transliterate_to_ascii(const std::u32string& text) {
  static std::unique_ptr<icu::Transliterator> transliterator = [] {
    UErrorCode status = U_ZERO_ERROR;
    std::unique_ptr<icu::Transliterator> t(icu::Transliterator::createInstance(
        "Any-Latin; Latin-ASCII", UTRANS_FORWARD, status));
    return U_SUCCESS(status) ? std::move(t) : nullptr;
  }();
  // One transliterator serves every thread, and it is not safe to use
  // from two at once.
  static std::mutex mutex;
  icu::UnicodeString value = icu::UnicodeString::fromUTF32(
      reinterpret_cast<const UChar32*>(text.data()),
      static_cast<int32_t>(text.size()));
  if (transliterator) {
    std::lock_guard<std::mutex> lock(mutex);
    transliterator->transliterate(value);
  }
  std::string out;
  value.toUTF8String(out);
  // Whatever the transliterator left outside ASCII is dropped.
  out.erase(std::remove_if(
                out.begin(), out.end(),
                [](char c) { return static_cast<unsigned char>(c) >= 0x80; }),
            out.end());
  return out;
}

// Whether a character is in a legacy character set: GB 2312 for the gbsn
// font, JIS X 0208 (through EUC-JP) for the min font.
bool encodable(const char* charset, char32_t cp) {
  struct ConverterDeleter {
    void operator()(UConverter* converter) const { ucnv_close(converter); }
  };
  using Converter = std::unique_ptr<UConverter, ConverterDeleter>;
  auto open = [](const char* name) {
    UErrorCode status = U_ZERO_ERROR;
    Converter converter(ucnv_open(name, &status));
    if (U_FAILURE(status))
      return Converter();
    ucnv_setFromUCallBack(converter.get(), UCNV_FROM_U_CALLBACK_STOP, nullptr,
                          nullptr, nullptr, &status);
    return converter;
  };
  static Converter gb2312 = open("GB2312");
  static Converter euc_jp = open("EUC-JP");
  // A converter keeps state between calls, so threads take turns.
  static std::mutex mutex;
  UConverter* converter =
      std::string_view(charset) == "GB2312" ? gb2312.get() : euc_jp.get();
  if (!converter)
    return false;
  std::lock_guard<std::mutex> lock(mutex);
  ucnv_reset(converter);
  UErrorCode status = U_ZERO_ERROR;
  UChar units[2];
  int32_t length = 0;
  U16_APPEND_UNSAFE(units, length, static_cast<UChar32>(cp));
  char out[8];
  status = U_ZERO_ERROR;
  ucnv_fromUChars(converter, out, sizeof out, units, length, &status);
  return U_SUCCESS(status);
}

std::u32string decode(std::string_view text) {
  std::u32string out;
  size_t pos = 0;
  while (pos < text.size())
    out += next_code_point(text, pos);
  return out;
}

std::string join_code_points(const std::set<char32_t>& cps) {
  std::string out;
  for (char32_t cp : cps) {
    if (!out.empty())
      out += ", ";
    out += code_point_name(cp);
    out += " '";
    append_utf8(out, cp);
    out += "'";
  }
  return out;
}

std::string field_name(std::string_view field) {
  return field.empty() ? std::string("a field")
                       : "'" + std::string(field) + "'";
}

bool allowed_in_run(Run run, char32_t cp) {
  // T5 and T2A hold ASCII letters and digits, so a word stays in one font.
  if (run == Run::Vietnamese)
    return is_ascii_alnum(cp) || (encodings_of(cp) & kT5);
  if (run == Run::Cyrillic)
    return is_ascii_alnum(cp) || (encodings_of(cp) & kT2A);
  if (run == Run::Greek)
    return (encodings_of(cp) & kLGR) && cp >= 0x0370;
  if (run == Run::Cjk)
    return is_cjk(cp);
  return false;
}

} // namespace

const char* latex_ascii_escape(char c, char next) {
  switch (c) {
  case '\\':
    return "\\textbackslash{}";
  case '{':
    return "\\{";
  case '}':
    return "\\}";
  case '$':
    return "\\$";
  case '&':
    return "\\&";
  case '#':
    return "\\#";
  case '%':
    return "\\%";
  case '_':
    return "\\_";
  case '~':
    return "\\textasciitilde{}";
  case '^':
    return "\\textasciicircum{}";
  case '<':
    return "\\textless{}";
  case '>':
    return "\\textgreater{}";
  case '|':
    return "\\textbar{}";
  case '"':
    return "\\textquotedbl{}";
  case '\'':
    return "\\textquotesingle{}";
  case '`':
    return "\\textasciigrave{}";
  // Braces keep `[` from being read as an optional argument.
  case '[':
    return "{[}";
  case ']':
    return "{]}";
  case '-':
    return next == '-' ? "-{}" : nullptr;
  case ',':
    return next == ',' ? ",{}" : nullptr;
  case '\n':
  case '\t':
  case '\r':
    return " ";
  default:
    return nullptr;
  }
}

LatexEscaper::LatexEscaper(std::string engine, Diagnostics& diagnostics,
                           unsigned allowed)
    : unicode_engine_(engine == "xelatex" || engine == "lualatex"),
      allowed_(allowed), diagnostics_(diagnostics) {}

std::string LatexEscaper::escape(std::string_view text, LatexContext context,
                                 std::string_view field, SourcePos pos) {
  switch (context) {
  case LatexContext::Text:
    return escape_text(text, field, pos);
  case LatexContext::Url:
    return escape_url(text);
  case LatexContext::Email:
    return escape_email(text);
  case LatexContext::PdfString:
    return escape_pdf_string(text);
  }
  return {};
}

namespace {

// Words longer than this may break after `/`, `_`, `-` and `.`, so that a
// long path or identifier does not run into the margin.
constexpr size_t kLongWord = 30;

bool breaks_after(char32_t cp) {
  return cp == '/' || cp == '_' || cp == '-' || cp == '.';
}

// Measures the words of a text, split at spaces. Each word is measured
// once, however many of its characters need its length.
template <typename Text> class WordMeasure {
public:
  explicit WordMeasure(const Text& text) : text_(text) {}

  // Returns the length of the word that contains the non-space text[i].
  size_t length_at(size_t i) {
    if (i < start_ || i >= end_) {
      start_ = i;
      while (start_ > 0 && text_[start_ - 1] != ' ')
        --start_;
      end_ = i;
      while (end_ < text_.size() && text_[end_] != ' ')
        ++end_;
    }
    return end_ - start_;
  }

private:
  const Text& text_;
  size_t start_ = 0;
  size_t end_ = 0;
};

// Appends ASCII text escaped for pdflatex: the common case, which needs
// neither decoding nor font runs. It writes what the general path writes.
void append_ascii_text(std::string_view text, std::string& out) {
  // The characters that latex_ascii_escape or a line break may act on;
  // runs of other characters are copied as they are.
  static constexpr auto special = [] {
    std::array<bool, 128> table{};
    for (char c : std::string_view("\\{}$&#%_~^<>|\"'`[]-,\n\t\r/."))
      table[static_cast<unsigned char>(c)] = true;
    return table;
  }();
  WordMeasure<std::string_view> word(text);
  for (size_t i = 0; i < text.size(); ++i) {
    size_t run = i;
    while (run < text.size() && !special[static_cast<unsigned char>(text[run])])
      ++run;
    out.append(text, i, run - i);
    i = run;
    if (i == text.size())
      break;
    char c = text[i];
    char next = i + 1 < text.size() ? text[i + 1] : '\0';
    if (const char* escaped = latex_ascii_escape(c, next))
      out += escaped;
    else
      out += c;
    if (breaks_after(static_cast<unsigned char>(c)) && next != '\0' &&
        next != ' ' && word.length_at(i) >= kLongWord)
      out += "\\allowbreak{}";
  }
}

} // namespace

std::string LatexEscaper::escape_text(std::string_view text,
                                      std::string_view field, SourcePos pos) {
  std::string out;
  append_text(out, text, field, pos);
  return out;
}

void LatexEscaper::append_text(std::string& out, std::string_view text,
                               std::string_view field, SourcePos pos) {
  if (!unicode_engine_) {
    // ASCII words before the first non-ASCII character and after the last
    // take the ASCII path. The cut is just after a space: no font run,
    // word length or escape reaches across a space, and the ASCII part has
    // nothing to warn about, so the result is the same.
    auto ascii = [](char c) { return static_cast<unsigned char>(c) < 0x80; };
    auto first = std::find_if_not(text.begin(), text.end(), ascii);
    if (first == text.end()) {
      append_ascii_text(text, out);
      return;
    }
    size_t head = text.rfind(' ', static_cast<size_t>(first - text.begin()));
    head = head == std::string_view::npos ? 0 : head + 1;
    size_t last = static_cast<size_t>(
        std::find_if_not(text.rbegin(), text.rend(), ascii).base() -
        text.begin());
    size_t tail = text.find(' ', last);
    tail = tail == std::string_view::npos ? text.size() : tail + 1;
    append_ascii_text(text.substr(0, head), out);
    out += escape_general(text.substr(head, tail - head), field, pos);
    append_ascii_text(text.substr(tail), out);
    return;
  }
  out += escape_general(text, field, pos);
}

std::string LatexEscaper::escape_general(std::string_view text,
                                         std::string_view field,
                                         SourcePos pos) {
  std::u32string cps = decode(text);
  if (unicode_engine_) {
    // fontspec typesets every character; only ASCII needs escapes.
    std::string out;
    for (size_t i = 0; i < cps.size(); ++i) {
      char32_t cp = cps[i];
      if (cp < 0x80) {
        char next = i + 1 < cps.size() && cps[i + 1] < 0x80
                        ? static_cast<char>(cps[i + 1])
                        : '\0';
        const char* escaped = latex_ascii_escape(static_cast<char>(cp), next);
        if (escaped)
          out += escaped;
        else
          out += static_cast<char>(cp);
      } else if (cp == 0x00A0) {
        out += '~';
      } else {
        append_utf8(out, cp);
      }
    }
    return out;
  }

  // First pass: transliterate or drop what pdflatex cannot typeset.
  std::u32string kept;
  std::set<char32_t> invisible;
  std::set<char32_t> unsupported;
  std::u32string to_transliterate;
  std::u32string transliterated_from;
  auto flush_transliteration = [&] {
    if (to_transliterate.empty())
      return;
    std::string ascii = transliterate_to_ascii(to_transliterate);
    bool letters = std::any_of(ascii.begin(), ascii.end(), [](char c) {
      return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') ||
             (c >= '0' && c <= '9');
    });
    if (!letters) {
      // Nothing readable came out, so the text is dropped with a warning.
      for (char32_t cp : to_transliterate)
        unsupported.insert(cp);
      to_transliterate.clear();
      return;
    }
    if (!transliterated_from.empty())
      transliterated_from += U"', '";
    transliterated_from += to_transliterate;
    for (char c : ascii)
      kept += static_cast<char32_t>(c);
    to_transliterate.clear();
  };
  for (char32_t cp : cps) {
    CharClass cls = classify(cp, allowed_);
    if (cls.action == CharAction::Transliterate) {
      to_transliterate += cp;
      continue;
    }
    flush_transliteration();
    if (cls.action == CharAction::DropInvisible)
      invisible.insert(cp);
    else if (cls.action == CharAction::DropUnsupported)
      unsupported.insert(cp);
    else
      kept += cp;
  }
  flush_transliteration();

  if (!invisible.empty())
    diagnostics_.warning(pos, "removed invisible characters from " +
                                  field_name(field) + ": " +
                                  join_code_points(invisible));
  if (!unsupported.empty())
    diagnostics_.warning(pos,
                         "dropped characters that pdflatex cannot typeset "
                         "from " +
                             field_name(field) + ": " +
                             join_code_points(unsupported),
                         "set 'design: engine: xelatex' to keep them");
  if (!transliterated_from.empty()) {
    std::string original;
    for (char32_t cp : transliterated_from)
      append_utf8(original, cp);
    diagnostics_.warning(pos,
                         "transliterated '" + original + "' in " +
                             field_name(field) +
                             " to Latin letters: pdflatex has no fonts for "
                             "that script here",
                         "set 'design: engine: xelatex' to keep the original "
                         "script");
  }

  // Second pass: split into runs of one font encoding. A run of T5 or T2A
  // starts at the beginning of its word, so the whole word shares a font.
  struct Segment {
    Run run;
    std::u32string cps;
  };
  std::vector<Segment> segments;
  for (char32_t cp : kept) {
    CharClass cls = classify(cp, allowed_);
    Run run = cls.run;
    if (!segments.empty() && segments.back().run != Run::Base &&
        allowed_in_run(segments.back().run, cp)) {
      segments.back().cps += cp;
      continue;
    }
    if (segments.empty() || segments.back().run != run) {
      Segment next{run, {}};
      if ((run == Run::Vietnamese || run == Run::Cyrillic) &&
          !segments.empty() && segments.back().run == Run::Base) {
        std::u32string& previous = segments.back().cps;
        size_t word_start = previous.size();
        while (word_start > 0 && allowed_in_run(run, previous[word_start - 1]))
          --word_start;
        next.cps = previous.substr(word_start);
        previous.erase(word_start);
        if (previous.empty())
          segments.pop_back();
      }
      segments.push_back(std::move(next));
    }
    segments.back().cps += cp;
  }

  std::string out;
  for (const Segment& segment : segments) {
    const std::u32string& s = segment.cps;
    switch (segment.run) {
    case Run::Base: {
      WordMeasure<std::u32string> word(s);
      for (size_t i = 0; i < s.size(); ++i) {
        char32_t cp = s[i];
        char32_t next = i + 1 < s.size() ? s[i + 1] : 0;
        const char* accent = accent_command(next);
        if (accent && cp < 0x80 && is_ascii_alnum(cp)) {
          out += accent;
          out += '{';
          out += static_cast<char>(cp);
          out += '}';
          ++i;
          continue;
        }
        if (cp < 0x80) {
          const char* escaped = latex_ascii_escape(
              static_cast<char>(cp), next < 0x80 ? static_cast<char>(next) : 0);
          if (escaped)
            out += escaped;
          else
            out += static_cast<char>(cp);
          if (breaks_after(cp) && next != 0 && next != ' ' &&
              word.length_at(i) >= kLongWord)
            out += "\\allowbreak{}";
        } else if (const char* replacement = replacement_of(cp)) {
          out += replacement;
        } else if (cp >= 0x0300 && cp <= 0x036F) {
          // A mark left without an ASCII base letter: LaTeX has no way to
          // stack it, so it is dropped with the base kept.
          diagnostics_.warning(pos, "dropped combining mark " +
                                        code_point_name(cp) + " in " +
                                        field_name(field));
        } else {
          append_utf8(out, cp);
        }
      }
      break;
    }
    case Run::Vietnamese:
    case Run::Cyrillic:
    case Run::Greek: {
      scripts_ |= script_bit(segment.run);
      const char* encoding = segment.run == Run::Vietnamese ? "T5"
                             : segment.run == Run::Cyrillic ? "T2A"
                                                            : "LGR";
      out += "{\\fontencoding{";
      out += encoding;
      out += "}\\selectfont ";
      for (char32_t cp : s)
        append_utf8(out, cp);
      out += '}';
      break;
    }
    case Run::Cjk: {
      // The gbsn font covers GB 2312 and the min font JIS X 0208: text with
      // kana prefers min, other text gbsn, and a character missing from the
      // preferred set takes the other font.
      bool japanese = std::any_of(s.begin(), s.end(), is_kana);
      const char* open_font = nullptr;
      std::set<char32_t> missing;
      for (char32_t cp : s) {
        bool in_gb = encodable("GB2312", cp);
        bool in_jis = encodable("EUC-JP", cp);
        const char* font = nullptr;
        if (japanese ? in_jis : in_gb)
          font = japanese ? "min" : "gbsn";
        else if (japanese ? in_gb : in_jis)
          font = japanese ? "gbsn" : "min";
        if (!font) {
          missing.insert(cp);
          continue;
        }
        if (open_font != font) {
          if (open_font)
            out += "\\end{CJK}";
          out += "\\begin{CJK}{UTF8}{";
          out += font;
          out += "}";
          open_font = font;
          scripts_ |= font[0] == 'm' ? kScriptJapanese : kScriptChinese;
        }
        append_utf8(out, cp);
      }
      if (open_font)
        out += "\\end{CJK}";
      if (!missing.empty())
        diagnostics_.warning(pos,
                             "dropped characters that the installed CJK "
                             "fonts lack from " +
                                 field_name(field) + ": " +
                                 join_code_points(missing),
                             "set 'design: engine: xelatex' to keep them");
      break;
    }
    }
  }
  return out;
}

std::string LatexEscaper::escape_url(std::string_view url) const {
  // Inside a macro argument hyperref takes `\#`, `\%` and `\&` for `#`,
  // `%` and `&`; `\string` turns `_`, `~` and `$` into plain characters, so
  // the PDF link gets them unchanged.
  static constexpr char hex[] = "0123456789ABCDEF";
  std::string out;
  for (char c : url) {
    unsigned char byte = static_cast<unsigned char>(c);
    switch (c) {
    case '#':
      out += "\\#";
      continue;
    case '%':
      out += "\\%";
      continue;
    case '&':
      // `\string&` would still end a table cell in moderncv's header.
      out += "\\&";
      continue;
    case '_':
    case '~':
    case '$':
      out += "\\string";
      out += c;
      continue;
    default:
      break;
    }
    bool unsafe = byte >= 0x80 || byte <= 0x20 || byte == 0x7F || c == '"' ||
                  c == '<' || c == '>' || c == '\\' || c == '^' || c == '`' ||
                  c == '{' || c == '|' || c == '}';
    if (unsafe) {
      out += "\\%";
      out += hex[byte >> 4];
      out += hex[byte & 0x0F];
    } else {
      out += c;
    }
  }
  return out;
}

std::string LatexEscaper::escape_email(std::string_view email) const {
  std::string out;
  for (char c : email) {
    switch (c) {
    case '#':
      out += "\\#";
      break;
    case '%':
      out += "\\%";
      break;
    case '&':
      out += "\\&";
      break;
    case '_':
    case '~':
    case '$':
    case '^':
      out += "\\string";
      out += c;
      break;
    case '{':
      out += "\\{";
      break;
    case '}':
      out += "\\}";
      break;
    case '\\':
      out += "\\textbackslash{}";
      break;
    default:
      out += c;
    }
  }
  return out;
}

std::string LatexEscaper::escape_pdf_string(std::string_view text) const {
  // hyperref's \pdfstringdef turns these commands into their characters.
  std::string out;
  size_t pos = 0;
  while (pos < text.size()) {
    size_t start = pos;
    char32_t cp = next_code_point(text, pos);
    if (cp < 0x80) {
      const char* escaped = nullptr;
      switch (cp) {
      case '\\':
        escaped = "\\textbackslash{}";
        break;
      case '{':
        escaped = "\\{";
        break;
      case '}':
        escaped = "\\}";
        break;
      case '$':
        escaped = "\\$";
        break;
      case '&':
        escaped = "\\&";
        break;
      case '#':
        escaped = "\\#";
        break;
      case '%':
        escaped = "\\%";
        break;
      case '_':
        escaped = "\\_";
        break;
      case '~':
        escaped = "\\textasciitilde{}";
        break;
      case '^':
        escaped = "\\textasciicircum{}";
        break;
      case '\n':
      case '\t':
      case '\r':
        escaped = " ";
        break;
      default:
        break;
      }
      if (escaped)
        out += escaped;
      else
        out += static_cast<char>(cp);
      continue;
    }
    CharClass cls = classify(cp, ~0u);
    if (cls.action == CharAction::DropInvisible ||
        cls.action == CharAction::DropUnsupported)
      continue;
    if (cp == 0x00A0) {
      out += ' ';
      continue;
    }
    out.append(text, start, pos - start);
  }
  return out;
}

std::string LatexEscaper::render(const MarkupNode& node, std::string_view field,
                                 SourcePos pos, int enclosing_lists) {
  std::string out;
  int saved = list_depth_;
  list_depth_ = enclosing_lists;
  render_node(node, field, pos, out, 0);
  list_depth_ = saved;
  return out;
}

namespace {

bool is_block(NodeKind kind) {
  return kind == NodeKind::Paragraph || kind == NodeKind::BulletList ||
         kind == NodeKind::OrderedList;
}

} // namespace

void LatexEscaper::render_node(const MarkupNode& node, std::string_view field,
                               SourcePos pos, std::string& out, int depth) {
  constexpr int kMaxDepth = 48;
  if (depth > kMaxDepth) {
    // Deeper markup is typeset as plain text instead of nesting further.
    out += escape_text(to_plain_text(node), field, pos);
    return;
  }
  switch (node.kind) {
  case NodeKind::Document:
  case NodeKind::Item: {
    bool first = true;
    for (const MarkupNode& child : node.children) {
      if (!first && is_block(child.kind) && child.kind == NodeKind::Paragraph)
        out += "\\cvcparbreak{}";
      render_node(child, field, pos, out, depth + 1);
      first = false;
    }
    break;
  }
  case NodeKind::Paragraph: {
    // A line break before any text or after all of it has no line to end.
    size_t first = 0;
    size_t last = node.children.size();
    while (first < last && node.children[first].kind == NodeKind::LineBreak)
      ++first;
    while (last > first && node.children[last - 1].kind == NodeKind::LineBreak)
      --last;
    for (size_t i = first; i < last; ++i)
      render_node(node.children[i], field, pos, out, depth + 1);
    break;
  }
  case NodeKind::BulletList:
  case NodeKind::OrderedList: {
    bool ordered = node.kind == NodeKind::OrderedList;
    if (list_depth_ >= kMaxListDepth) {
      // LaTeX nests lists four deep; deeper items become lines that start
      // with a dash (or their number) in the innermost list.
      int number = node.list_start;
      for (const MarkupNode& item : node.children) {
        out += "\\newline{}";
        out += ordered ? std::to_string(number++) + ". " : "\\textendash{} ";
        render_node(item, field, pos, out, depth + 1);
      }
      break;
    }
    ++list_depth_;
    out += ordered ? "\\begin{enumerate}" : "\\begin{itemize}";
    int number = node.list_start;
    for (const MarkupNode& item : node.children) {
      if (ordered)
        out += "\\item[{" + std::to_string(number++) + ".}] ";
      else
        out += "\\item ";
      render_node(item, field, pos, out, depth + 1);
    }
    out += ordered ? "\\end{enumerate}" : "\\end{itemize}";
    --list_depth_;
    break;
  }
  case NodeKind::Text:
    append_text(out, node.literal, field, pos);
    break;
  case NodeKind::Code:
    out += "\\texttt{";
    append_text(out, node.literal, field, pos);
    out += '}';
    break;
  case NodeKind::Emph:
  case NodeKind::Strong: {
    out += node.kind == NodeKind::Emph ? "\\emph{" : "\\textbf{";
    for (const MarkupNode& child : node.children)
      render_node(child, field, pos, out, depth + 1);
    out += '}';
    break;
  }
  case NodeKind::Link: {
    std::string inner;
    for (const MarkupNode& child : node.children)
      render_node(child, field, pos, inner, depth + 1);
    if (inner.empty())
      inner = escape_text(node.literal, field, pos);
    // A relative link in a PDF opens a file next to it on the reader's
    // machine, so only absolute links are kept.
    bool absolute = node.literal.find(':') != std::string::npos &&
                    node.literal.find(':') < node.literal.find_first_of("/?#");
    if (!is_safe_link(node.literal) || !absolute) {
      diagnostics_.warning(pos, "dropped link to '" + node.literal + "' in " +
                                    field_name(field) +
                                    ": only absolute http, https, mailto and "
                                    "tel links are kept");
      out += inner;
      break;
    }
    out += "\\href{" + escape_url(node.literal) + "}{" + inner + "}";
    break;
  }
  case NodeKind::SoftBreak:
    out += ' ';
    break;
  case NodeKind::LineBreak:
    out += "\\newline{}";
    break;
  }
}

std::string LatexEscaper::render_pdf_string(const MarkupNode& node) {
  return escape_pdf_string(to_plain_text(node));
}

} // namespace cvc
