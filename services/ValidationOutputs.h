#pragma once
// What became of an endpoint application's validations (GetAppValidationOutput),
// for the validation results view: one call, its answer handed over as the
// list of outputs (empty when the application has none configured).

#include "api/Result.h"
#include "api/SmsTypes.h"
#include "client/SmsClient.h"

#include <functional>
#include <string>
#include <vector>

namespace sms::services {

using ValidationOutputsRead = Result<std::vector<api::ValidationOutput>>;

// `done` runs once, unless `context` goes first; `client` must outlive the
// call. The handle cancels it.
client::CallHandle readValidationOutputs(client::SmsClient &client, const std::string &appId, QObject *context,
                                         std::function<void(ValidationOutputsRead)> done);

} // namespace sms::services
