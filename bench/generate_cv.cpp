// Writes a CV in the RenderCV format with a chosen number of entries, for
// the benchmarks: publications with long abstracts, jobs with highlights,
// talks, skills and text, with Markdown and non-ASCII text throughout.
//
//   generate_cv PUBLICATIONS JOBS [OTHERS]
#include <cstdio>
#include <cstdlib>
#include <string>

namespace {

const char* const kNames[] = {"Łukasz Wróblewski", "Zoë Müller",
                              "Nguyễn Văn An",     "Işıl Yücetürk",
                              "Ana María Pérez",   "Søren Kierkegaard"};

// A paragraph of about 1,100 characters with inline markup.
const char* kAbstract =
    "We study **sparse mixture-of-experts** models and propose a merging "
    "scheme based on *Nash bargaining*, with `O(n log n)` cost. Experiments "
    "on language modelling, text classification and zero-shot robustness "
    "under data corruption show consistent gains over averaging-based "
    "merges; see [the appendix](https://example.org/appendix_a?x=1&y=2#s3). "
    "The method scales to Qwen1.5-MoE (14B) and DeepSeek-MoE (16B), where it "
    "proves effective in both zero-shot and fine-tuning settings. We also "
    "report ablations on the number of experts, the bargaining weights and "
    "the momentum term, and discuss limits: 100% of runs converge, but "
    "variance grows with depth & width. Code and data are released under "
    "the MIT licence. Further work will look at routers trained jointly "
    "with the merge, and at the effect of tokenisers on expert "
    "specialisation in multilingual settings (Ελληνικά, Русский, 中文).";

} // namespace

int main(int argc, char** argv) {
  if (argc < 3) {
    std::fprintf(stderr, "usage: generate_cv PUBLICATIONS JOBS [OTHERS]\n");
    return 2;
  }
  long publications = std::strtol(argv[1], nullptr, 10);
  long jobs = std::strtol(argv[2], nullptr, 10);
  long others = argc > 3 ? std::strtol(argv[3], nullptr, 10) : 0;

  std::printf("cv:\n  name: Ada Benchmark\n  headline: Researcher & "
              "engineer\n  email: ada_b@example.org\n  website: "
              "https://ada.example.org\n  sections:\n");
  if (publications > 0) {
    std::printf("    Publications:\n");
    for (long i = 0; i < publications; ++i)
      std::printf("      - title: \"Paper %ld on *efficient* inference\"\n"
                  "        authors: [\"%s\", \"Ada Benchmark\"]\n"
                  "        journal: \"Journal of Examples #%ld\"\n"
                  "        date: %04ld-%02ld\n"
                  "        doi: 10.1000/jex_%ld\n"
                  "        summary: \"%s\"\n",
                  i, kNames[i % 6], i % 40, 1990 + i % 35, 1 + i % 12, i,
                  kAbstract);
  }
  if (jobs > 0) {
    std::printf("    Experience:\n");
    for (long i = 0; i < jobs; ++i)
      std::printf("      - company: \"Company %ld & Sons\"\n"
                  "        position: Engineer\n"
                  "        start_date: %04ld-%02ld\n"
                  "        end_date: %04ld-%02ld\n"
                  "        location: Zürich, CH\n"
                  "        highlights:\n"
                  "          - \"Cut costs by **35%%** with "
                  "[a cache](https://example.org/c_%ld)\"\n"
                  "          - \"Led a team of %ld in %s's group\"\n"
                  "          - \"Wrote C++ and `snake_case_names`\"\n",
                  i, 1980 + i % 40, 1 + i % 12, 1981 + i % 40, 1 + i % 12, i,
                  i % 9 + 2, kNames[i % 6]);
  }
  if (others > 0) {
    std::printf("    Talks:\n");
    for (long i = 0; i < others; ++i)
      std::printf("      - name: \"Talk %ld: γράφοι & graphs\"\n"
                  "        type: Talk\n        venue: Example Meeting\n"
                  "        date: %04ld\n        location: Kraków, PL\n",
                  i, 2000 + i % 25);
    std::printf("    Skills:\n");
    for (long i = 0; i < others; ++i)
      std::printf("      - label: \"Skill %ld\"\n"
                  "        details: \"C#, C++, F#, 100%% tests\"\n",
                  i);
  }
  return 0;
}
