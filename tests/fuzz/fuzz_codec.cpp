// libFuzzer target: the typed JSON reader and writer on untrusted text.
// The first byte picks one of the 70 request and response types; the rest is
// the JSON. Besides crashes and sanitizer reports it checks a property: what
// parses must serialize, parse again, and come back equal.

#include "api/JsonCodec.h"
#include "api/SmsOperations.h"

#include <cstdint>
#include <cstdlib>
#include <string_view>

namespace {

template <typename T>
void roundTrip(std::string_view text)
{
    const auto first = sms::api::parse<T>(text);
    if (!first)
        return;
    const std::string compact = sms::api::serialize(first.value());
    const auto second = sms::api::parse<T>(compact);
    if (!second || !(second.value() == first.value()))
        std::abort();  // the writer produced something the reader reads differently
    if (sms::api::serialize(first.value(), 4).empty())
        std::abort();
}

using Target = void (*)(std::string_view);

constexpr Target kTargets[] = {
#define SMS_FUZZ_TARGETS(Op, method) &roundTrip<sms::api::Op##Request>, &roundTrip<sms::api::Op##Response>,
    SMS_FOR_EACH_OPERATION(SMS_FUZZ_TARGETS)
#undef SMS_FUZZ_TARGETS
};

} // namespace

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t *data, std::size_t size)
{
    if (size == 0)
        return 0;
    const Target target = kTargets[data[0] % std::size(kTargets)];
    target(std::string_view(reinterpret_cast<const char *>(data + 1), size - 1));
    return 0;
}
