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

# tiersim_generate_domain_list(INPUT <list.txt> OUTPUT <rows.inc>)
# Compiles a list of domains kept as data into C++ initializer rows
# {"domain", "group"}, one per domain, for a source to #include inside a
# braced array. The list holds one lowercase domain a line; blank lines and
# '#' comments are skipped, and a "# service: <name>" line names the group of
# the domains after it. Runs at configure time; editing the list re-runs
# CMake, and OUTPUT is rewritten only when its rows change. A malformed line
# stops the configure step, naming the line.
function(tiersim_generate_domain_list)
  cmake_parse_arguments(ARG "" "INPUT;OUTPUT" "" ${ARGN})
  set_property(DIRECTORY APPEND PROPERTY CMAKE_CONFIGURE_DEPENDS ${ARG_INPUT})
  file(STRINGS ${ARG_INPUT} lines)
  set(group "")
  set(rows "")
  foreach(line IN LISTS lines)
    string(STRIP "${line}" line)
    if(line MATCHES "^# service: (.+)$")
      set(group "${CMAKE_MATCH_1}")
      if(NOT group MATCHES "^[A-Za-z0-9 !.&()-]+$")
        message(FATAL_ERROR "${ARG_INPUT}: service name '${group}' has a character other than letters, digits, blanks and !.&()-")
      endif()
    elseif(line STREQUAL "" OR line MATCHES "^#")
      continue()
    elseif(NOT line MATCHES "^[a-z0-9.-]+$")
      message(FATAL_ERROR "${ARG_INPUT}: '${line}' is not a lowercase domain name")
    elseif(group STREQUAL "")
      message(FATAL_ERROR "${ARG_INPUT}: '${line}' comes before any '# service: <name>' line")
    else()
      string(APPEND rows "{\"${line}\", \"${group}\"},\n")
    endif()
  endforeach()
  file(CONFIGURE OUTPUT ${ARG_OUTPUT} CONTENT
    "// Generated from ${ARG_INPUT} by tiersim_generate_domain_list; edit that file.\n${rows}"
    @ONLY)
endfunction()
