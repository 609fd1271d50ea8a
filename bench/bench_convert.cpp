// Google Benchmark of the library: reading, each writer and the whole path
// from YAML text to every format, for CVs of growing size.
#include "diagnostics.hpp"
#include "reader.hpp"
#include "writers.hpp"

#include <benchmark/benchmark.h>

#include <array>
#include <cstdio>
#include <fstream>
#include <map>
#include <sstream>
#include <string>

namespace {

// The generated CV for `entries` entries: a fifth publications, the rest
// jobs, talks and skills, made by the generate_cv program next to this one.
const std::string& cv_text(long entries) {
  static std::map<long, std::string> cache;
  auto found = cache.find(entries);
  if (found != cache.end())
    return found->second;
  std::string command = std::string(CVCONVERT_GENERATOR) + " " +
                        std::to_string(entries / 5) + " " +
                        std::to_string(entries / 5) + " " +
                        std::to_string(entries * 3 / 10);
  FILE* pipe = popen(command.c_str(), "r");
  std::string text;
  std::array<char, 65536> buffer;
  size_t count;
  while (pipe && (count = fread(buffer.data(), 1, buffer.size(), pipe)) > 0)
    text.append(buffer.data(), count);
  if (pipe)
    pclose(pipe);
  return cache.emplace(entries, std::move(text)).first->second;
}

cvc::Cv read(const std::string& text) {
  cvc::Diagnostics diagnostics("bench.yaml", text);
  std::optional<cvc::Cv> cv = cvc::read_cv(diagnostics);
  if (!cv)
    std::abort();
  return std::move(*cv);
}

void BM_Read(benchmark::State& state) {
  const std::string& text = cv_text(state.range(0));
  for (auto _ : state)
    benchmark::DoNotOptimize(read(text));
  state.SetBytesProcessed(state.iterations() * text.size());
}

void BM_Write(benchmark::State& state, const char* format_name) {
  cvc::Cv cv = read(cv_text(state.range(0)));
  const cvc::OutputFormat* format = cvc::find_output_format(format_name);
  for (auto _ : state) {
    cvc::Diagnostics diagnostics;
    benchmark::DoNotOptimize(format->write(cv, {}, diagnostics));
  }
}

void BM_AllFormats(benchmark::State& state) {
  const std::string& text = cv_text(state.range(0));
  for (auto _ : state) {
    cvc::Cv cv = read(text);
    for (const cvc::OutputFormat& format : cvc::output_formats()) {
      cvc::Diagnostics diagnostics;
      benchmark::DoNotOptimize(format.write(cv, {}, diagnostics));
    }
  }
}

} // namespace

BENCHMARK(BM_Read)->RangeMultiplier(10)->Range(10, 10000)->Unit(
    benchmark::kMillisecond);
BENCHMARK_CAPTURE(BM_Write, latex, "latex")
    ->RangeMultiplier(10)
    ->Range(10, 10000)
    ->Unit(benchmark::kMillisecond);
BENCHMARK_CAPTURE(BM_Write, markdown, "markdown")
    ->RangeMultiplier(10)
    ->Range(10, 10000)
    ->Unit(benchmark::kMillisecond);
BENCHMARK_CAPTURE(BM_Write, json, "json")
    ->RangeMultiplier(10)
    ->Range(10, 10000)
    ->Unit(benchmark::kMillisecond);
BENCHMARK_CAPTURE(BM_Write, html, "html")
    ->RangeMultiplier(10)
    ->Range(10, 10000)
    ->Unit(benchmark::kMillisecond);
BENCHMARK(BM_AllFormats)
    ->RangeMultiplier(10)
    ->Range(10, 10000)
    ->Unit(benchmark::kMillisecond);

BENCHMARK_MAIN();
