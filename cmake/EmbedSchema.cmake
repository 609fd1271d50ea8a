# Writes OUTPUT, a C++ file that returns the text of SCHEMA, so that
# `cvconvert schema` needs no installed file.
file(READ "${SCHEMA}" content)
file(WRITE "${OUTPUT}.tmp"
"// Generated from schema/cv.schema.json by cmake/EmbedSchema.cmake; do not
// edit.
#include \"schema.hpp\"

namespace cvc {

std::string_view cv_json_schema() {
  return R\"cvcschema(${content})cvcschema\";
}

} // namespace cvc
")
file(COPY_FILE "${OUTPUT}.tmp" "${OUTPUT}" ONLY_IF_DIFFERENT)
