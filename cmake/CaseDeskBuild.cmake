# Build habits shared by every target: warnings, sanitizers, compiler cache, precompiled Qt headers.

find_program(CCACHE_PROGRAM ccache)
if(CCACHE_PROGRAM)
  # Precompiled headers need this sloppiness, or ccache never hits.
  set(CMAKE_CXX_COMPILER_LAUNCHER
      ${CMAKE_COMMAND} -E env "CCACHE_SLOPPINESS=pch_defines,time_macros,include_file_mtime,include_file_ctime"
      ${CCACHE_PROGRAM})
endif()

add_library(casedesk_build_flags INTERFACE)
target_compile_options(casedesk_build_flags INTERFACE -Wall -Wextra -Wpedantic -Wold-style-cast)
if(CASEDESK_WERROR)
  target_compile_options(casedesk_build_flags INTERFACE -Werror
    # GCC 12 false positives in libstdc++ headers at -O2 (GCC bugs 105329, 105651).
    -Wno-error=restrict -Wno-error=array-bounds -Wno-error=stringop-overflow)
endif()
if(CASEDESK_SANITIZE)
  target_compile_options(casedesk_build_flags INTERFACE -fsanitize=address,undefined -fno-omit-frame-pointer
                                                        -fno-sanitize-recover=undefined)
  target_link_options(casedesk_build_flags INTERFACE -fsanitize=address,undefined)
endif()
target_compile_definitions(casedesk_build_flags INTERFACE QT_NO_CAST_FROM_ASCII QT_NO_URL_CAST_FROM_STRING
                                                          QT_NO_NARROWING_CONVERSIONS_IN_CONNECT)

# casedesk_add_module(NAME SOURCES... DEPENDS targets...): one library per module under modules/.
function(casedesk_add_module name)
  cmake_parse_arguments(ARG "" "" "SOURCES;DEPENDS" ${ARGN})
  add_library(casedesk_${name} STATIC ${ARG_SOURCES})
  target_include_directories(casedesk_${name} PUBLIC ${PROJECT_SOURCE_DIR}/modules)
  target_link_libraries(casedesk_${name} PUBLIC ${ARG_DEPENDS} PRIVATE casedesk_build_flags)
  target_precompile_headers(casedesk_${name} PRIVATE ${PROJECT_SOURCE_DIR}/cmake/pch_core.h)
endfunction()
