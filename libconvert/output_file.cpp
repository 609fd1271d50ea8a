#include "output_file.hpp"

#include <cerrno>
#include <cstdio>
#include <cstring>
#include <filesystem>
#include <fstream>
#include <iostream>
#include <iterator>
#include <sstream>

#include <fcntl.h>
#include <sys/stat.h>
#include <unistd.h>

namespace cvc {

namespace {

// Writes `content` to a new temporary file in the folder of `path` and
// stores its name in `temporary`. Returns the error message, if any.
std::string write_temporary(const std::string& path, std::string_view content,
                            std::string& temporary) {
  std::filesystem::path target(path);
  std::filesystem::path folder = target.parent_path();
  if (folder.empty())
    folder = ".";
  std::string pattern =
      (folder / ("." + target.filename().string() + ".XXXXXX")).string();
  int fd = mkstemp(pattern.data());
  if (fd < 0)
    return "cannot write " + path + ": " + std::strerror(errno);

  const char* data = content.data();
  size_t left = content.size();
  while (left > 0) {
    ssize_t written = ::write(fd, data, left);
    if (written < 0) {
      if (errno == EINTR)
        continue;
      std::string message =
          "cannot write " + path + ": " + std::strerror(errno);
      ::close(fd);
      ::unlink(pattern.c_str());
      return message;
    }
    data += written;
    left -= static_cast<size_t>(written);
  }
  // mkstemp creates the file readable by its owner only. A file replaced
  // keeps its permissions; a new one gets those that the umask leaves.
  struct stat existing;
  if (::stat(path.c_str(), &existing) == 0 && S_ISREG(existing.st_mode)) {
    ::fchmod(fd, existing.st_mode & 07777);
  } else {
    mode_t mask = ::umask(0);
    ::umask(mask);
    ::fchmod(fd, 0666 & ~mask);
  }
  if (::close(fd) != 0) {
    std::string message = "cannot write " + path + ": " + std::strerror(errno);
    ::unlink(pattern.c_str());
    return message;
  }
  temporary = pattern;
  return {};
}

// Returns whether `path` is a regular file (not a link) that contains exactly
// `content`.
bool holds_content(const std::string& path, std::string_view content) {
  struct stat status;
  if (::lstat(path.c_str(), &status) != 0 || !S_ISREG(status.st_mode) ||
      static_cast<size_t>(status.st_size) != content.size())
    return false;
  std::ifstream in(path, std::ios::binary);
  std::string existing(content.size(), '\0');
  in.read(existing.data(), static_cast<std::streamsize>(existing.size()));
  return in.gcount() == static_cast<std::streamsize>(existing.size()) &&
         existing == content;
}

} // namespace

// Writes straight into an output that is not a regular file (a FIFO, a
// terminal, /dev/null): renaming over it would replace the device or pipe.
std::string write_stream(const std::string& path, std::string_view content) {
  std::ofstream out(path, std::ios::binary | std::ios::app);
  out.write(content.data(), static_cast<std::streamsize>(content.size()));
  out.flush();
  if (!out)
    return "cannot write " + path + ": " + std::strerror(errno);
  return {};
}

std::string write_file_atomically(const std::string& requested,
                                  std::string_view content) {
  namespace fs = std::filesystem;
  std::error_code code;
  // A symbolic link stays a link: the file it points to is replaced.
  std::string path = requested;
  if (fs::is_symlink(requested, code)) {
    fs::path target = fs::read_symlink(requested, code);
    if (target.is_relative())
      target = fs::path(requested).parent_path() / target;
    path = target.string();
  }
  fs::file_status status = fs::status(path, code);
  if (fs::exists(status) && fs::is_directory(status))
    return "cannot write " + requested + ": it is a directory";
  if (fs::exists(status) && !fs::is_regular_file(status))
    return write_stream(path, content);

  if (holds_content(path, content)) {
    ::utimensat(AT_FDCWD, path.c_str(), nullptr, 0);
    return {};
  }
  std::string temporary;
  std::string error = write_temporary(path, content, temporary);
  if (!error.empty())
    return error;
  if (std::rename(temporary.c_str(), path.c_str()) != 0) {
    std::string message =
        "cannot write " + requested + ": " + std::strerror(errno);
    ::unlink(temporary.c_str());
    return message;
  }
  return {};
}

bool same_file(const std::string& a, const std::string& b) {
  struct stat first;
  struct stat second;
  return ::stat(a.c_str(), &first) == 0 && ::stat(b.c_str(), &second) == 0 &&
         first.st_dev == second.st_dev && first.st_ino == second.st_ino;
}

StagedOutputs::~StagedOutputs() {
  if (committed_)
    return;
  for (const File& file : files_)
    if (!file.unchanged())
      ::unlink(file.temporary.c_str());
  // The deepest folders were created last; only empty ones are removed.
  for (auto folder = created_folders_.rbegin();
       folder != created_folders_.rend(); ++folder)
    ::rmdir(folder->c_str());
}

std::string StagedOutputs::stage(const std::string& path,
                                 std::string_view content) {
  namespace fs = std::filesystem;
  std::error_code code;
  fs::path folder = fs::path(path).parent_path();
  std::vector<fs::path> missing;
  for (fs::path f = folder; !f.empty() && !fs::exists(f, code);
       f = f.parent_path())
    missing.push_back(f);
  for (auto f = missing.rbegin(); f != missing.rend(); ++f) {
    if (!fs::create_directory(*f, code) && code)
      return "cannot create folder " + f->string() + ": " + code.message();
    created_folders_.push_back(f->string());
  }

  File file{path, {}};
  // An output that already contains this content is not written again, only
  // touched at commit, so that make still sees it as newer than the CV.
  if (holds_content(path, content)) {
    files_.push_back(std::move(file));
    return {};
  }
  std::string error = write_temporary(path, content, file.temporary);
  if (!error.empty())
    return error;
  files_.push_back(std::move(file));
  return {};
}

std::string StagedOutputs::commit() {
  committed_ = true;
  // Each existing file gets a second name first, so that a rename that
  // fails half-way can put the earlier files back as they were.
  std::vector<std::string> backups(files_.size());
  std::string error;
  for (size_t i = 0; i < files_.size() && error.empty(); ++i) {
    struct stat status;
    if (files_[i].unchanged() || ::lstat(files_[i].path.c_str(), &status) != 0)
      continue;
    if (S_ISDIR(status.st_mode)) {
      error = "cannot write " + files_[i].path + ": it is a directory";
      break;
    }
    std::string backup = files_[i].temporary + ".old";
    if (::link(files_[i].path.c_str(), backup.c_str()) != 0)
      error = "cannot write " + files_[i].path + ": " + std::strerror(errno);
    else
      backups[i] = backup;
  }

  size_t renamed = 0;
  for (; renamed < files_.size() && error.empty(); ++renamed) {
    const File& file = files_[renamed];
    if (file.unchanged())
      continue;
    if (std::rename(file.temporary.c_str(), file.path.c_str()) != 0) {
      error = "cannot write " + file.path + ": " + std::strerror(errno);
      break;
    }
  }

  if (!error.empty()) {
    for (size_t i = 0; i < renamed; ++i) {
      if (files_[i].unchanged())
        continue;
      if (backups[i].empty())
        ::unlink(files_[i].path.c_str());
      else
        std::rename(backups[i].c_str(), files_[i].path.c_str());
    }
    for (size_t i = renamed; i < files_.size(); ++i)
      if (!files_[i].unchanged())
        ::unlink(files_[i].temporary.c_str());
  }
  if (error.empty())
    for (const File& file : files_)
      if (file.unchanged())
        ::utimensat(AT_FDCWD, file.path.c_str(), nullptr, 0);
  for (const std::string& backup : backups)
    if (!backup.empty())
      ::unlink(backup.c_str());
  if (!error.empty())
    for (auto folder = created_folders_.rbegin();
         folder != created_folders_.rend(); ++folder)
      ::rmdir(folder->c_str());
  return error;
}

std::vector<std::string> StagedOutputs::paths() const {
  std::vector<std::string> result;
  for (const File& file : files_)
    result.push_back(file.path);
  return result;
}

namespace {

bool read_bounded(std::istream& in, std::string& content, size_t max_bytes) {
  content.clear();
  char buffer[65536];
  while (content.size() <= max_bytes) {
    in.read(buffer, sizeof buffer);
    std::streamsize count = in.gcount();
    if (count <= 0)
      break;
    size_t room = max_bytes + 1 - content.size();
    content.append(buffer, std::min(room, static_cast<size_t>(count)));
  }
  return !in.bad();
}

} // namespace

bool read_input(const std::string& path, std::string& content,
                std::string& error, size_t max_bytes) {
  if (path == "-") {
    if (!read_bounded(std::cin, content, max_bytes)) {
      error = "cannot read standard input";
      return false;
    }
    return true;
  }
  std::error_code ec;
  if (std::filesystem::is_directory(path, ec)) {
    error = "cannot read " + path + ": it is a directory";
    return false;
  }
  std::ifstream in(path, std::ios::binary);
  if (!in) {
    error = "cannot read " + path + ": " + std::strerror(errno);
    return false;
  }
  if (!read_bounded(in, content, max_bytes)) {
    error = "cannot read " + path;
    return false;
  }
  return true;
}

} // namespace cvc
