# Helpers that give every component the same shape:
#   ponte_library(NAME <component> SOURCES ... DEPS ...)   -> target ponte_<c>, alias ponte::<c>
#   ponte_test(NAME <test> SOURCES ... DEPS ...)            -> GoogleTest binary registered in CTest
#   ponte_benchmark(NAME <bench> SOURCES ... DEPS ...)      -> Google Benchmark binary

set(PONTE_WARNINGS -Wall -Wextra -Wpedantic -Wshadow -Wconversion -Wsign-conversion
    -Wnon-virtual-dtor -Wold-style-cast -Wcast-align -Wunused -Woverloaded-virtual
    -Wnull-dereference -Wimplicit-fallthrough
    # Designated initializers that leave members at their defaults are idiomatic
    # here ({.create_if_missing = true}); -Wextra would flag every one.
    -Wno-missing-field-initializers)
if(CMAKE_CXX_COMPILER_ID STREQUAL "GNU")
  # g++ 12 at -O2/-O3 reports false -Wrestrict positives inside libstdc++'s
  # std::string operator+ (GCC bug 105329).
  list(APPEND PONTE_WARNINGS -Wno-restrict)
endif()

function(ponte_target_options target)
  target_compile_options(${target} PRIVATE ${PONTE_WARNINGS})
  if(PONTE_WERROR)
    target_compile_options(${target} PRIVATE -Werror)
  endif()
  if(PONTE_SANITIZE)
    target_compile_options(${target} PRIVATE -fsanitize=address,undefined -fno-omit-frame-pointer
                           -fno-sanitize-recover=undefined)
    target_link_options(${target} PRIVATE -fsanitize=address,undefined)
  endif()
endfunction()

function(ponte_library)
  cmake_parse_arguments(ARG "" "NAME" "SOURCES;DEPS;PRIVATE_DEPS" ${ARGN})
  add_library(ponte_${ARG_NAME} STATIC ${ARG_SOURCES})
  add_library(ponte::${ARG_NAME} ALIAS ponte_${ARG_NAME})
  target_include_directories(ponte_${ARG_NAME} PUBLIC ${PROJECT_SOURCE_DIR}/src)
  target_link_libraries(ponte_${ARG_NAME} PUBLIC ${ARG_DEPS} PRIVATE ${ARG_PRIVATE_DEPS})
  ponte_target_options(ponte_${ARG_NAME})
endfunction()

function(ponte_test)
  if(NOT PONTE_BUILD_TESTS)
    return()
  endif()
  cmake_parse_arguments(ARG "" "NAME" "SOURCES;DEPS;LABELS" ${ARGN})
  add_executable(${ARG_NAME} ${ARG_SOURCES})
  target_link_libraries(${ARG_NAME} PRIVATE ${ARG_DEPS} GTest::gmock GTest::gtest_main)
  target_compile_definitions(${ARG_NAME} PRIVATE
    PONTE_DATA_DIR="${PONTE_DATA_DIR}" PONTE_SHARED_DIR="${PONTE_SHARED_DIR}"
    PONTE_BINARY="$<TARGET_FILE_DIR:ponte>/ponte")
  ponte_target_options(${ARG_NAME})
  include(GoogleTest)
  gtest_discover_tests(${ARG_NAME} DISCOVERY_TIMEOUT 60
    PROPERTIES LABELS "${ARG_LABELS}"
    ENVIRONMENT "PONTE_DATA_DIR=${PONTE_DATA_DIR}")
endfunction()

function(ponte_benchmark)
  if(NOT PONTE_BUILD_BENCH OR NOT TARGET benchmark::benchmark)
    return()
  endif()
  cmake_parse_arguments(ARG "" "NAME" "SOURCES;DEPS" ${ARGN})
  add_executable(${ARG_NAME} ${ARG_SOURCES})
  target_link_libraries(${ARG_NAME} PRIVATE ${ARG_DEPS} benchmark::benchmark)
  ponte_target_options(${ARG_NAME})
endfunction()
