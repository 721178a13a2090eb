// libFuzzer target: what the client makes of an HTTP answer, any status and
// any body: error bodies, HTML pages, truncated or hostile JSON.

#include "client/ResponseInterpreter.h"

#include <cstdint>
#include <cstdlib>

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t *data, std::size_t size)
{
    if (size < 2)
        return 0;
    sms::client::HttpResponse response;
    response.status = 100 + (data[0] | (data[1] << 8)) % 500;
    response.body = QByteArray(reinterpret_cast<const char *>(data + 2), qsizetype(size - 2));
    response.contentType = "text/html";
    response.requestId = "fuzz";

    const auto checked = sms::client::checkStatus(response);
    if (checked.ok()) {
        (void)sms::client::parseBody(response);
        (void)sms::client::decodeBody<sms::api::GetServersResponse>(response);
        (void)sms::client::decodeBody<sms::api::GetAppResponse>(response);
    } else if (checked.error().code.empty() || checked.error().httpStatus != response.status) {
        std::abort();  // every error must name a code and the status it came with
    }
    return 0;
}
