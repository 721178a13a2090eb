#pragma once
// A ColumnMapping guessed from a CSV's header row, for a file imported without
// one: each field takes the first header that is one of its usual names
// ("VM Name", "Hostname" or "Server Name" for vmName, "vCPUs" or "Num CPU" for
// cpus, "RAM (MB)" for memoryMb, ...). Headers are compared with case, spaces
// and punctuation ignored, and one column serves one field. The catalog
// export's own headers (the field names) are guessed right, so an export
// imports back as it was.

#include "models/ColumnMapping.h"

#include <string>
#include <vector>

namespace sms::models {

ColumnMapping guessColumnMapping(const std::vector<std::string> &headers);

} // namespace sms::models
