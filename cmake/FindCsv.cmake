# FindCsv: libcsv (Debian libcsv-dev), the RFC 4180 parser and writer behind
# the CSV inventories in models/. It ships no CMake config or pkg-config file.
#
# Defines Csv_FOUND, Csv_INCLUDE_DIR, Csv_LIBRARY and the imported target Csv::Csv.

find_path(Csv_INCLUDE_DIR NAMES csv.h)
find_library(Csv_LIBRARY NAMES csv)

if(Csv_INCLUDE_DIR AND EXISTS "${Csv_INCLUDE_DIR}/csv.h")
    file(STRINGS "${Csv_INCLUDE_DIR}/csv.h" _csv_version_lines REGEX "^#define CSV_(MAJOR|MINOR|RELEASE) ")
    string(REGEX REPLACE ".*CSV_MAJOR ([0-9]+).*" "\\1" _csv_major "${_csv_version_lines}")
    string(REGEX REPLACE ".*CSV_MINOR ([0-9]+).*" "\\1" _csv_minor "${_csv_version_lines}")
    string(REGEX REPLACE ".*CSV_RELEASE ([0-9]+).*" "\\1" _csv_release "${_csv_version_lines}")
    set(Csv_VERSION "${_csv_major}.${_csv_minor}.${_csv_release}")
endif()

include(FindPackageHandleStandardArgs)
find_package_handle_standard_args(Csv
    REQUIRED_VARS Csv_LIBRARY Csv_INCLUDE_DIR
    VERSION_VAR Csv_VERSION)
mark_as_advanced(Csv_INCLUDE_DIR Csv_LIBRARY)

if(Csv_FOUND AND NOT TARGET Csv::Csv)
    add_library(Csv::Csv UNKNOWN IMPORTED GLOBAL)  # sms_models links it privately; its users need it too
    set_target_properties(Csv::Csv PROPERTIES
        IMPORTED_LOCATION "${Csv_LIBRARY}"
        INTERFACE_INCLUDE_DIRECTORIES "${Csv_INCLUDE_DIR}")
endif()
