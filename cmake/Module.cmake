# gpuaas_module(NAME SOURCES ... DEPS ...): one static library per module, rooted at src/.
function(gpuaas_module name)
  cmake_parse_arguments(ARG "" "" "SOURCES;DEPS;PRIVATE_DEPS" ${ARGN})
  add_library(gpuaas_${name} STATIC ${ARG_SOURCES})
  target_include_directories(gpuaas_${name} PUBLIC ${PROJECT_SOURCE_DIR}/src)
  target_link_libraries(gpuaas_${name} PUBLIC ${ARG_DEPS} PRIVATE gpuaas_warnings ${ARG_PRIVATE_DEPS})
endfunction()

# gpuaas_unit_test(NAME SOURCES ... DEPS ...): a GoogleTest binary labelled `unit`.
function(gpuaas_unit_test name)
  cmake_parse_arguments(ARG "" "" "SOURCES;DEPS" ${ARGN})
  add_executable(${name} ${ARG_SOURCES})
  target_link_libraries(${name} PRIVATE ${ARG_DEPS} gpuaas_test_support GTest::gtest_main gpuaas_warnings)
  add_test(NAME ${name} COMMAND ${name})
  set_tests_properties(${name} PROPERTIES LABELS unit TIMEOUT 120)
endfunction()
