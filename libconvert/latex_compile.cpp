#include "latex_compile.hpp"

#include "latex_escape.hpp"

#include <cerrno>
#include <chrono>
#include <csignal>
#include <cstdint>
#include <cstdio>
#include <cstdlib>
#include <cstring>
#include <filesystem>
#include <fstream>
#include <sstream>
#include <thread>

#include <fcntl.h>
#include <sys/wait.h>
#include <unistd.h>

namespace cvc {

namespace {

// The signal that interrupted a TeX run, if any. The wait loop checks it,
// kills TeX's process group and removes the folder before the signal is
// raised again.
volatile std::sig_atomic_t g_interrupting_signal = 0;

void remember_signal(int signal) {
  g_interrupting_signal = signal;
}

namespace fs = std::filesystem;

std::string read_file(const fs::path& path) {
  std::ifstream in(path, std::ios::binary);
  std::ostringstream out;
  out << in.rdbuf();
  return out.str();
}

struct RunResult {
  bool started = false;
  bool timed_out = false;
  int exit_code = -1;
};

// Runs `argv` in `folder` in a new process group, with standard input from
// /dev/null and both outputs to `log_path`.
RunResult run_process(const std::vector<std::string>& argv,
                      const fs::path& folder, const fs::path& log_path,
                      int timeout_seconds) {
  RunResult result;
  pid_t pid = fork();
  if (pid < 0)
    return result;
  if (pid == 0) {
    setpgid(0, 0);
    if (chdir(folder.c_str()) != 0)
      _exit(127);
    int in = open("/dev/null", O_RDONLY);
    int out = open(log_path.c_str(), O_WRONLY | O_CREAT | O_TRUNC, 0600);
    if (in < 0 || out < 0)
      _exit(127);
    dup2(in, STDIN_FILENO);
    dup2(out, STDOUT_FILENO);
    dup2(out, STDERR_FILENO);
    // Paranoid file access: TeX may read and write only below this folder
    // (and read its own installed files), and never run a shell command.
    setenv("openin_any", "p", 1);
    setenv("openout_any", "p", 1);
    setenv("shell_escape", "f", 1);
    std::vector<char*> args;
    for (const std::string& arg : argv)
      args.push_back(const_cast<char*>(arg.c_str()));
    args.push_back(nullptr);
    execvp(args[0], args.data());
    _exit(127);
  }
  setpgid(pid, pid);
  result.started = true;
  auto deadline =
      std::chrono::steady_clock::now() + std::chrono::seconds(timeout_seconds);
  while (true) {
    int status = 0;
    pid_t done = waitpid(pid, &status, WNOHANG);
    if (done == pid) {
      result.exit_code = WIFEXITED(status) ? WEXITSTATUS(status) : 128;
      return result;
    }
    if (done < 0 && errno != EINTR)
      return result;
    if (g_interrupting_signal != 0) {
      kill(-pid, SIGKILL);
      waitpid(pid, &status, 0);
      result.timed_out = false;
      result.exit_code = 128 + g_interrupting_signal;
      return result;
    }
    if (std::chrono::steady_clock::now() >= deadline) {
      kill(-pid, SIGKILL);
      waitpid(pid, &status, 0);
      result.timed_out = true;
      return result;
    }
    std::this_thread::sleep_for(std::chrono::milliseconds(5));
  }
}

// Pulls the first TeX error out of a log written with -file-line-error:
// `./cv.tex:12: message` (or a package file and its line), then the lines
// of context up to the `l.NN` line that shows the source text.
std::string tex_error(const std::string& log) {
  std::istringstream in(log);
  std::string line;
  std::string message;
  int context = 0;
  while (std::getline(in, line)) {
    if (message.empty()) {
      size_t colon = line.find(':');
      size_t second =
          colon == std::string::npos ? colon : line.find(": ", colon + 1);
      bool located = second != std::string::npos && second > colon + 1 &&
                     line.find_first_not_of("0123456789", colon + 1) == second;
      if (located || line.rfind("! ", 0) == 0) {
        message = line.rfind("./", 0) == 0 ? line.substr(2) : line;
        if (message.rfind("! ", 0) == 0)
          message = message.substr(2);
        context = 1;
      }
      continue;
    }
    if (line.rfind("l.", 0) == 0) {
      size_t space = line.find(' ');
      std::string source =
          space == std::string::npos ? "" : line.substr(space + 1);
      return message + "\n  near: " + source;
    }
    if (++context > 12)
      break;
  }
  if (!message.empty())
    return message;
  return "the engine stopped without a TeX error; see its log";
}

std::string engine_package(const std::string& engine) {
  if (engine == "xelatex")
    return "texlive-xetex";
  if (engine == "lualatex")
    return "texlive-luatex";
  return "texlive-latex-base";
}

bool needs_another_pass(const std::string& log) {
  return log.find("Rerun to get") != std::string::npos ||
         log.find("Label(s) may have changed") != std::string::npos ||
         log.find("Rerun LaTeX") != std::string::npos;
}

bool kpsewhich_finds(const std::string& file) {
  // The name comes from a fixed table, never from the CV.
  std::string command = "kpsewhich '" + file + "' >/dev/null 2>&1";
  return std::system(command.c_str()) == 0;
}

} // namespace

std::vector<TexRequirement> missing_tex_files(unsigned scripts,
                                              const std::string& engine,
                                              bool with_class) {
  std::vector<TexRequirement> wanted;
  if (with_class)
    wanted.push_back({"moderncv.cls", "texlive-latex-extra"});
  if (engine == "pdflatex") {
    if (with_class)
      wanted.push_back({"lmodern.sty", "lmodern"});
    if (scripts & kScriptVietnamese)
      wanted.push_back({"t5enc.def", "texlive-lang-other"});
    if (scripts & kScriptGreek)
      wanted.push_back({"lgrenc.def", "texlive-lang-greek"});
    if (scripts & kScriptCyrillic) {
      wanted.push_back({"t2aenc.def", "texlive-lang-cyrillic"});
      wanted.push_back({"sfrm1000.pfb", "cm-super"});
    }
    if (scripts & (kScriptChinese | kScriptJapanese))
      wanted.push_back({"CJKutf8.sty", "latex-cjk-common"});
    if (scripts & kScriptChinese)
      wanted.push_back({"c70gbsn.fd", "latex-cjk-chinese-arphic-gbsn00lp"});
    if (scripts & kScriptJapanese)
      wanted.push_back({"c70min.fd", "latex-cjk-japanese-wadalab"});
  } else if (with_class) {
    wanted.push_back({"fontspec.sty", "texlive-latex-recommended"});
  }
  std::vector<TexRequirement> missing;
  for (const TexRequirement& requirement : wanted)
    if (!kpsewhich_finds(requirement.file))
      missing.push_back(requirement);
  return missing;
}

unsigned installed_scripts(const std::string& engine) {
  unsigned installed = 0;
  for (unsigned bit : {kScriptVietnamese, kScriptGreek, kScriptCyrillic,
                       kScriptChinese, kScriptJapanese}) {
    if (missing_tex_files(bit, engine, false).empty())
      installed |= bit;
  }
  return installed;
}

namespace {

constexpr std::string_view kFingerprintKey = "/CvconvertTexHash";

} // namespace

std::string tex_fingerprint(const std::string& tex, const std::string& engine) {
  uint64_t hash = 14695981039346656037ull;
  for (char c : engine + '\n' + tex) {
    hash ^= static_cast<unsigned char>(c);
    hash *= 1099511628211ull;
  }
  char hex[17];
  std::snprintf(hex, sizeof hex, "%016llx",
                static_cast<unsigned long long>(hash));
  return hex;
}

std::string with_fingerprint(const std::string& tex, const std::string& engine,
                             const std::string& fingerprint) {
  if (engine != "pdflatex")
    return tex;
  const std::string marker = "\\begin{document}";
  size_t at = tex.find(marker);
  if (at == std::string::npos)
    return tex;
  at += marker.size();
  // On the same line, so that TeX's line numbers match the .tex file.
  return tex.substr(0, at) + "\\pdfinfo{" + std::string(kFingerprintKey) +
         " (" + fingerprint + ")}" + tex.substr(at);
}

bool pdf_has_fingerprint(const std::string& path,
                         const std::string& fingerprint) {
  std::error_code ec;
  if (!fs::is_regular_file(path, ec))
    return false;
  // pdfTeX writes the information dictionary uncompressed.
  std::string pdf = read_file(path);
  std::string entry = std::string(kFingerprintKey) + "(" + fingerprint + ")";
  std::string spaced = std::string(kFingerprintKey) + " (" + fingerprint + ")";
  return pdf.find(entry) != std::string::npos ||
         pdf.find(spaced) != std::string::npos;
}

std::string aux_cache_path(const std::string& output) {
  std::string base;
  if (const char* cache = std::getenv("XDG_CACHE_HOME"); cache && *cache)
    base = cache;
  else if (const char* home = std::getenv("HOME"); home && *home)
    base = std::string(home) + "/.cache";
  else
    return {};
  std::error_code ec;
  fs::path absolute = fs::absolute(output, ec);
  return base + "/cvconvert/" + tex_fingerprint(absolute.string(), "aux") +
         ".aux";
}

namespace {

CompileResult compile_in_folder(const std::string& tex,
                                const CompileOptions& options);

} // namespace

CompileResult compile_latex(const std::string& tex,
                            const CompileOptions& options) {
  const int signals[] = {SIGINT, SIGTERM, SIGHUP};
  struct sigaction handler {};
  handler.sa_handler = remember_signal;
  sigemptyset(&handler.sa_mask);
  struct sigaction previous[3];
  g_interrupting_signal = 0;
  for (int i = 0; i < 3; ++i)
    sigaction(signals[i], &handler, &previous[i]);

  CompileResult result = compile_in_folder(tex, options);

  for (int i = 0; i < 3; ++i)
    sigaction(signals[i], &previous[i], nullptr);
  if (int signal = g_interrupting_signal) {
    // The folder is gone and TeX is dead: now the signal takes its course.
    std::raise(signal);
  }
  return result;
}

namespace {

CompileResult compile_in_folder(const std::string& tex,
                                const CompileOptions& options) {
  CompileResult result;
  std::string pattern =
      (fs::temp_directory_path() / "cvconvert-XXXXXX").string();
  if (!mkdtemp(pattern.data())) {
    result.error = std::string("cannot create a temporary folder: ") +
                   std::strerror(errno);
    return result;
  }
  fs::path folder(pattern);
  struct Cleanup {
    fs::path folder;
    ~Cleanup() {
      std::error_code ec;
      fs::remove_all(folder, ec);
    }
  } cleanup{folder};

  {
    std::ofstream out(folder / "cv.tex", std::ios::binary);
    out << tex;
    if (!out) {
      result.error = "cannot write the TeX file to " + folder.string();
      return result;
    }
  }

  std::error_code ec;
  if (!options.aux_cache.empty() && fs::is_regular_file(options.aux_cache, ec))
    fs::copy_file(options.aux_cache, folder / "cv.aux", ec);

  std::vector<std::string> argv = {
      options.engine,     "-interaction=nonstopmode", "-halt-on-error",
      "-no-shell-escape", "-file-line-error",         "cv.tex"};
  constexpr int kMaxPasses = 3;
  for (int pass = 1; pass <= kMaxPasses; ++pass) {
    RunResult run = run_process(argv, folder, folder / "engine-output.txt",
                                options.timeout_seconds);
    result.passes = pass;
    if (!run.started || run.exit_code == 127) {
      result.error = options.engine +
                     " not found: install it with apt-get "
                     "install " +
                     engine_package(options.engine);
      return result;
    }
    if (run.timed_out) {
      result.error = options.engine + " timed out after " +
                     std::to_string(options.timeout_seconds) + " s";
      return result;
    }
    std::string log = read_file(folder / "cv.log");
    if (run.exit_code != 0) {
      result.error = options.engine + " failed: " + tex_error(log);
      return result;
    }
    if (!needs_another_pass(log))
      break;
  }
  result.pdf = read_file(folder / "cv.pdf");
  if (result.pdf.empty()) {
    result.error = options.engine + " wrote no PDF";
    return result;
  }
  if (!options.aux_cache.empty()) {
    // The cache only saves time, so a failure to write it is ignored.
    fs::create_directories(fs::path(options.aux_cache).parent_path(), ec);
    fs::copy_file(folder / "cv.aux", options.aux_cache,
                  fs::copy_options::overwrite_existing, ec);
  }
  result.ok = true;
  return result;
}

} // namespace

} // namespace cvc
