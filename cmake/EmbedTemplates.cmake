# Writes OUTPUT, a C++ file that holds every file under TEMPLATE_DIR as a
# string, so that the tools need no installed template folder.
file(GLOB_RECURSE template_files RELATIVE "${TEMPLATE_DIR}" "${TEMPLATE_DIR}/*")
list(SORT template_files)
set(body "")
foreach(name IN LISTS template_files)
  file(READ "${TEMPLATE_DIR}/${name}" content)
  string(APPEND body "    {\"${name}\", R\"cvctemplate(${content})cvctemplate\"},\n")
endforeach()
file(WRITE "${OUTPUT}.tmp"
"// Generated from templates/ by cmake/EmbedTemplates.cmake; do not edit.
#include \"templates.hpp\"

namespace cvc {

const std::map<std::string_view, std::string_view>& builtin_templates() {
  static const std::map<std::string_view, std::string_view> templates = {
${body}  };
  return templates;
}

} // namespace cvc
")
file(COPY_FILE "${OUTPUT}.tmp" "${OUTPUT}" ONLY_IF_DIFFERENT)
