# Compares cv2latex's output for every sample and test case with the golden
# file in tests/golden/, or with MODE=accept rewrites the golden files.
file(GLOB inputs "${SOURCE_DIR}/samples/*.yaml" "${SOURCE_DIR}/tests/cases/*.yaml")
set(failed "")
foreach(input IN LISTS inputs)
  get_filename_component(name "${input}" NAME_WE)
  file(RELATIVE_PATH relative "${SOURCE_DIR}" "${input}")
  execute_process(
    COMMAND "${CV2LATEX}" "${relative}" --quiet
    WORKING_DIRECTORY "${SOURCE_DIR}"
    OUTPUT_VARIABLE actual RESULT_VARIABLE status)
  if(NOT status EQUAL 0)
    list(APPEND failed "${name} (cv2latex exited with ${status})")
    continue()
  endif()
  set(golden "${SOURCE_DIR}/tests/golden/${name}.tex")
  if(MODE STREQUAL "accept")
    file(WRITE "${golden}" "${actual}")
    continue()
  endif()
  if(NOT EXISTS "${golden}")
    list(APPEND failed "${name} (no golden file)")
    continue()
  endif()
  file(READ "${golden}" expected)
  if(NOT actual STREQUAL expected)
    file(WRITE "${CMAKE_CURRENT_BINARY_DIR}/${name}.actual.tex" "${actual}")
    list(APPEND failed "${name} (differs: diff ${golden} ${CMAKE_CURRENT_BINARY_DIR}/${name}.actual.tex)")
  endif()
endforeach()
if(failed)
  string(REPLACE ";" "\n  " failed "${failed}")
  message(FATAL_ERROR "golden files that do not match:\n  ${failed}\n"
    "If the change is intended, run: cmake --build BUILD --target accept-golden\n"
    "and review the diff of tests/golden/ before committing.")
endif()
