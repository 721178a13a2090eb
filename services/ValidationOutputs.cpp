#include "services/ValidationOutputs.h"

namespace sms::services {

client::CallHandle readValidationOutputs(client::SmsClient &client, const std::string &appId, QObject *context,
                                         std::function<void(ValidationOutputsRead)> done)
{
    api::GetAppValidationOutputRequest request;
    request.appId = appId;
    return client.getAppValidationOutput(
        request, context, [done = std::move(done)](Result<api::GetAppValidationOutputResponse> answer) {
            if (!answer)
                done(answer.error());
            else
                done(std::move(answer.value().validationOutputList).value_or(std::vector<api::ValidationOutput>{}));
        });
}

} // namespace sms::services
