# Shared build helpers: the warning set and the test/benchmark target makers.

add_library(tiersim_warnings INTERFACE)
target_compile_options(tiersim_warnings INTERFACE
  -Wall -Wextra -Wpedantic -Wshadow -Wnon-virtual-dtor -Wold-style-cast
  -Wcast-align -Woverloaded-virtual -Wimplicit-fallthrough
  # Designated initializers (house style) leave the rest defaulted on purpose.
  -Wno-missing-field-initializers
  # GCC 12 at -O2 warns falsely inside std::string's operator+ (GCC bug
  # 105329); clang has no such warning.
  $<$<CXX_COMPILER_ID:GNU>:-Wno-restrict>)

# tiersim_add_library(NAME <name> SOURCES ... DEPS ...)
# Creates tiersim_<name> with the alias tiersim::<name>, C++20, our warnings.
function(tiersim_add_library)
  cmake_parse_arguments(ARG "" "NAME" "SOURCES;PUBLIC_DEPS;PRIVATE_DEPS" ${ARGN})
  add_library(tiersim_${ARG_NAME} STATIC ${ARG_SOURCES})
  add_library(tiersim::${ARG_NAME} ALIAS tiersim_${ARG_NAME})
  target_compile_features(tiersim_${ARG_NAME} PUBLIC cxx_std_20)
  target_include_directories(tiersim_${ARG_NAME} PUBLIC ${PROJECT_SOURCE_DIR})
  target_link_libraries(tiersim_${ARG_NAME}
    PUBLIC ${ARG_PUBLIC_DEPS}
    PRIVATE tiersim_warnings ${ARG_PRIVATE_DEPS})
endfunction()

# tiersim_add_test(NAME <name> SOURCES ... DEPS ... [LABELS ...])
# One GoogleTest executable; each TEST becomes a ctest test. LABELS tag them
# (`integration`: real sockets and threads, also run under ThreadSanitizer).
function(tiersim_add_test)
  cmake_parse_arguments(ARG "" "NAME" "SOURCES;DEPS;LABELS" ${ARGN})
  add_executable(${ARG_NAME} ${ARG_SOURCES})
  target_link_libraries(${ARG_NAME} PRIVATE ${ARG_DEPS} tiersim_warnings
    GTest::gmock GTest::gtest_main)
  if(ARG_LABELS)
    gtest_discover_tests(${ARG_NAME} DISCOVERY_TIMEOUT 60
      PROPERTIES LABELS "${ARG_LABELS}")
  else()
    gtest_discover_tests(${ARG_NAME} DISCOVERY_TIMEOUT 60)
  endif()
endfunction()

# tiersim_add_benchmark(NAME <name> SOURCES ... DEPS ...)
function(tiersim_add_benchmark)
  cmake_parse_arguments(ARG "" "NAME" "SOURCES;DEPS" ${ARGN})
  add_executable(${ARG_NAME} ${ARG_SOURCES})
  target_link_libraries(${ARG_NAME} PRIVATE ${ARG_DEPS} tiersim_warnings
    benchmark::benchmark_main)
endfunction()
