// libFuzzer target: the plan decoder on any bytes, and checkPlanFile's
// low-memory pass against it. That pass may say "not sure" of a good file,
// but when it says a file is fine, the decoder must agree
// (models/CatalogListsCheck.h).

#include "models/CatalogListsCheck.h"
#include "models/PlanDecoder.h"
#include "models/PlanFile.h"

#include <cstdint>
#include <cstdlib>
#include <cstring>
#include <vector>

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t *data, std::size_t size)
{
    const std::string_view text(reinterpret_cast<const char *>(data), size);
    const bool decoded = sms::models::decodePlan(text).ok();

    std::vector<char> padded(size + sms::models::detail::kPlanDecodePadding, '\0');
    std::memcpy(padded.data(), data, size);
    if (sms::models::detail::checkAndBlankCatalogLists(padded.data(), size)) {
        const bool rest
            = sms::models::detail::decodePlanBuffer(padded.data(), size, /*padded=*/true, "The plan", {}, true).ok();
        if (rest && !decoded)
            std::abort();  // the quick check passed a file the decoder refuses
    }
    return 0;
}
