# Every target of ours compiles with these; third-party headers come in as SYSTEM.
add_library(gpuaas_warnings INTERFACE)
target_compile_options(gpuaas_warnings INTERFACE -Wall -Wextra -Werror -Wpedantic
  -Wno-missing-field-initializers)
