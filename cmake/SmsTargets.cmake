# One helper per kind of target. Each rejects arguments it does not know, so a
# typo in a CMakeLists fails the configure step instead of being ignored.

function(_sms_reject_unparsed prefix)
    if(${prefix}_UNPARSED_ARGUMENTS)
        message(FATAL_ERROR "Unknown arguments: ${${prefix}_UNPARSED_ARGUMENTS}")
    endif()
endfunction()

function(sms_set_warnings target)
    if(MSVC)
        target_compile_options(${target} PRIVATE /W4 $<$<BOOL:${SMS_WERROR}>:/WX>)
    else()
        target_compile_options(${target} PRIVATE -Wall -Wextra -Wpedantic
                               $<$<BOOL:${SMS_WERROR}>:-Werror>)
    endif()
    target_compile_definitions(${target} PRIVATE QT_NO_CAST_FROM_ASCII QT_NO_KEYWORDS)
endfunction()

# sms_add_library(NAME SOURCES ... [PUBLIC_DEPS ...] [PRIVATE_DEPS ...])
function(sms_add_library name)
    cmake_parse_arguments(ARG "" "" "SOURCES;PUBLIC_DEPS;PRIVATE_DEPS" ${ARGN})
    _sms_reject_unparsed(ARG)
    add_library(${name} STATIC ${ARG_SOURCES})
    target_include_directories(${name} PUBLIC ${PROJECT_SOURCE_DIR})
    target_link_libraries(${name} PUBLIC ${ARG_PUBLIC_DEPS} PRIVATE ${ARG_PRIVATE_DEPS})
    sms_set_warnings(${name})
endfunction()

# sms_add_executable(NAME SOURCES ... [DEPS ...])
function(sms_add_executable name)
    cmake_parse_arguments(ARG "" "" "SOURCES;DEPS" ${ARGN})
    _sms_reject_unparsed(ARG)
    qt_add_executable(${name} ${ARG_SOURCES})
    target_link_libraries(${name} PRIVATE ${ARG_DEPS})
    sms_set_warnings(${name})
endfunction()

# sms_add_test(NAME SOURCES ... [DEPS ...] [LABELS ...])
# Every test runs offscreen and finds its data through SMS_TEST_DATA.
function(sms_add_test name)
    cmake_parse_arguments(ARG "" "" "SOURCES;DEPS;LABELS" ${ARGN})
    _sms_reject_unparsed(ARG)
    qt_add_executable(${name} ${ARG_SOURCES})
    target_link_libraries(${name} PRIVATE Qt6::Test ${ARG_DEPS})
    target_compile_definitions(${name} PRIVATE
        SMS_TEST_DATA="${PROJECT_SOURCE_DIR}/tests/data")
    sms_set_warnings(${name})
    add_test(NAME ${name} COMMAND ${name})
    set_tests_properties(${name} PROPERTIES
        ENVIRONMENT "QT_QPA_PLATFORM=offscreen"
        LABELS "${ARG_LABELS}"
        TIMEOUT 300)
endfunction()

# sms_add_plural_forms(TARGET)
# The English plural forms ("1 server", "3 servers") built into TARGET as
# :/i18n/sms-planner_en.qm. scripts/update-translations.sh regenerates the .ts.
function(sms_add_plural_forms target)
    find_package(Qt6 REQUIRED COMPONENTS LinguistTools)
    qt_add_lrelease(${target}
        TS_FILES ${PROJECT_SOURCE_DIR}/translations/sms-planner_en.ts
        QM_FILES_OUTPUT_VARIABLE qm_files
    )
    qt_add_resources(${target} translations PREFIX /i18n BASE ${CMAKE_CURRENT_BINARY_DIR} FILES ${qm_files})
endfunction()
