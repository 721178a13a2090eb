#pragma once
// Renders any SMS response as text tables, like the AWS CLI's --output table:
// the response's scalar members as a key/value table, then one table per list
// of structures, with nested members flattened into dotted column names.

#include "api/JsonCodec.h"

#include <string>
#include <vector>

namespace sms::cli {

std::string renderTables(const std::string &title, const api::Json &response);

// One table of the rows given, under `header`, for commands that choose their
// columns; the title alone when there are no rows, as for an empty list.
std::string renderRows(const std::string &title, const std::vector<std::string> &header,
                       const std::vector<std::vector<std::string>> &rows);

} // namespace sms::cli
