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

std::string write_file_atomically(const std::string& path,
                                  std::string_view content) {
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
  // mkstemp creates the file readable by its owner only; outputs get the
  // usual permissions that the umask leaves.
  mode_t mask = ::umask(0);
  ::umask(mask);
  ::fchmod(fd, 0666 & ~mask);
  if (::close(fd) != 0 || std::rename(pattern.c_str(), path.c_str()) != 0) {
    std::string message = "cannot write " + path + ": " + std::strerror(errno);
    ::unlink(pattern.c_str());
    return message;
  }
  return {};
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
