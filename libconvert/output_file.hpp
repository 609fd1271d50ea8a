// Output files that appear whole or not at all.
#pragma once

#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

namespace cvc {

/// Writes `content` to a temporary file in the folder of `path` and renames
/// it into place, so a failed run leaves any existing file untouched. A
/// symbolic link keeps pointing at the file it names, an existing file
/// keeps its permissions, and an output that is not a regular file (a
/// FIFO, /dev/null) is written to directly. A file that already contains
/// `content` only gets a new modification time.
/// Returns an empty string on success, else the error message.
std::string write_file_atomically(const std::string& path,
                                  std::string_view content);

/// A set of output files that appear together or not at all. Each file is
/// first written to a temporary file in its own folder; commit() renames
/// them all into place. Temporary files and the folders created for them
/// are removed when the set is destroyed without a commit.
class StagedOutputs {
public:
  StagedOutputs() = default;
  StagedOutputs(const StagedOutputs&) = delete;
  StagedOutputs& operator=(const StagedOutputs&) = delete;
  ~StagedOutputs();

  /// Writes `content` to a temporary file beside `path`, creating the
  /// missing folders. A regular file that already contains `content` is left
  /// as it is and only gets a new modification time at commit. Returns an
  /// empty string on success, else the error.
  std::string stage(const std::string& path, std::string_view content);

  /// Renames every staged file into place. When one rename fails, the
  /// files renamed before it are put back as they were. Returns an empty
  /// string on success, else the error.
  /// NOTE: a crash during commit() can leave some files new and others
  /// old, since the renames are several system calls.
  std::string commit();

  /// The final paths of the staged files, in staging order.
  std::vector<std::string> paths() const;

private:
  struct File {
    std::string path;
    // Empty when the file already contains the content.
    std::string temporary;
    bool unchanged() const { return temporary.empty(); }
  };
  std::vector<File> files_;
  std::vector<std::string> created_folders_;
  bool committed_ = false;
};

/// Returns whether two paths name the same existing file (the same device
/// and inode), through links of any kind.
bool same_file(const std::string& a, const std::string& b);

/// Reads a whole file, or standard input for `-`, but at most `max_bytes`
/// and one byte more, so that the caller can tell an input over the limit
/// without reading all of it. Returns false and sets `error` on failure.
bool read_input(const std::string& path, std::string& content,
                std::string& error, size_t max_bytes = SIZE_MAX - 1);

} // namespace cvc
