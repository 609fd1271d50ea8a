# Compares cv2md's output with the golden files in tests/golden/markdown/:
# every sample and test case in both flavours, and the academicpages
# collection items of every sample. MODE=accept rewrites the golden files.
file(GLOB inputs "${SOURCE_DIR}/samples/*.yaml" "${SOURCE_DIR}/tests/cases/*.yaml")
set(golden_dir "${SOURCE_DIR}/tests/golden/markdown")
set(work_dir "${CMAKE_CURRENT_BINARY_DIR}/golden-markdown")
file(REMOVE_RECURSE "${work_dir}")
set(failed "")

# Compares one output with its golden file, or rewrites it in accept mode.
function(compare name actual)
  set(golden "${golden_dir}/${name}")
  if(MODE STREQUAL "accept")
    file(WRITE "${golden}" "${actual}")
    return()
  endif()
  if(NOT EXISTS "${golden}")
    set(failed ${failed} "${name} (no golden file)" PARENT_SCOPE)
    return()
  endif()
  file(READ "${golden}" expected)
  if(NOT actual STREQUAL expected)
    file(WRITE "${work_dir}/actual/${name}" "${actual}")
    set(failed ${failed} "${name} (differs: diff ${golden} ${work_dir}/actual/${name})" PARENT_SCOPE)
  endif()
endfunction()

foreach(input IN LISTS inputs)
  get_filename_component(name "${input}" NAME_WE)
  file(RELATIVE_PATH relative "${SOURCE_DIR}" "${input}")
  foreach(flavor commonmark academicpages)
    execute_process(
      COMMAND "${CV2MD}" "${relative}" --quiet --flavor ${flavor}
      WORKING_DIRECTORY "${SOURCE_DIR}"
      OUTPUT_VARIABLE actual RESULT_VARIABLE status)
    if(NOT status EQUAL 0)
      list(APPEND failed "${name}.${flavor}.md (cv2md exited with ${status})")
      continue()
    endif()
    compare("${name}.${flavor}.md" "${actual}")
  endforeach()
endforeach()

file(GLOB samples "${SOURCE_DIR}/samples/*.yaml")
foreach(input IN LISTS samples)
  get_filename_component(name "${input}" NAME_WE)
  set(site "${work_dir}/${name}")
  execute_process(
    COMMAND "${CV2MD}" "${input}" --quiet --collections "${site}"
    RESULT_VARIABLE status)
  if(NOT status EQUAL 0)
    list(APPEND failed "${name} collections (cv2md exited with ${status})")
    continue()
  endif()
  file(GLOB_RECURSE items RELATIVE "${site}" "${site}/*.md")
  list(SORT items)
  set(listing "")
  foreach(item IN LISTS items)
    file(READ "${site}/${item}" content)
    string(APPEND listing "==> ${item} <==\n${content}")
  endforeach()
  compare("${name}.collections.txt" "${listing}")
endforeach()

if(failed)
  string(REPLACE ";" "\n  " failed "${failed}")
  message(FATAL_ERROR "golden Markdown files that do not match:\n  ${failed}\n"
    "If the change is intended, run: cmake --build BUILD --target accept-golden\n"
    "and review the diff of tests/golden/markdown/ before committing.")
endif()
