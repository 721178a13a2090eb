#pragma once
// Renders any SMS response as text tables, like the AWS CLI's --output table:
// the response's scalar members as a key/value table, then one table per list
// of structures, with nested members flattened into dotted column names.

#include "api/JsonCodec.h"

#include <string>

namespace sms::cli {

std::string renderTables(const std::string &title, const api::Json &response);

} // namespace sms::cli
