#include "models/RunProgress.h"

#include <algorithm>
#include <array>
#include <cctype>

namespace sms::models {
namespace {

struct StageShare
{
    std::string_view name;
    double from;
    double to;
};
// Mirrors sms-local's stages (see the header); in the order a run goes through them.
constexpr std::array<StageShare, 4> kStages = {{{"Preparing", 0.0, 0.10},
                                                {"Uploading", 0.10, 0.60},
                                                {"Converting", 0.60, 0.85},
                                                {"Creating AMI", 0.85, 1.0}}};

bool sameWords(std::string_view a, std::string_view b)
{
    return std::equal(a.begin(), a.end(), b.begin(), b.end(), [](char x, char y) {
        return std::tolower(static_cast<unsigned char>(x)) == std::tolower(static_cast<unsigned char>(y));
    });
}

} // namespace

std::optional<int> stagePercent(std::string_view stageProgress)
{
    std::size_t i = 0;
    while (i < stageProgress.size() && stageProgress[i] == ' ')
        ++i;
    int value = 0;
    std::size_t digits = 0;
    for (; i < stageProgress.size() && std::isdigit(static_cast<unsigned char>(stageProgress[i])) && digits < 4;
         ++i, ++digits)
        value = value * 10 + (stageProgress[i] - '0');
    if (digits == 0)
        return std::nullopt;
    return std::clamp(value, 0, 100);
}

std::optional<double> runFraction(std::string_view stage, std::optional<int> percent)
{
    const auto it = std::find_if(kStages.begin(), kStages.end(),
                                 [stage](const StageShare &share) { return sameWords(share.name, stage); });
    if (it == kStages.end())
        return std::nullopt;
    return it->from + (it->to - it->from) * (percent.value_or(0) / 100.0);
}

} // namespace sms::models
