#include "models/InstanceTypes.h"

#include <algorithm>
#include <array>

namespace sms::models {
namespace {

using namespace std::string_view_literals;

// Sizes shared by many families. The tables are AWS's current generation
// (docs.aws.amazon.com/ec2/latest/instancetypes), the previous generations left out.
constexpr std::array kBurstable{"nano"sv, "micro"sv, "small"sv, "medium"sv, "large"sv, "xlarge"sv, "2xlarge"sv};
constexpr std::array kToMetal{"medium"sv,   "large"sv,    "xlarge"sv,   "2xlarge"sv,  "4xlarge"sv,
                              "8xlarge"sv,  "12xlarge"sv, "16xlarge"sv, "24xlarge"sv, "32xlarge"sv,
                              "48xlarge"sv, "metal"sv};
constexpr std::array kLargeTo24{"large"sv,    "xlarge"sv,   "2xlarge"sv,  "4xlarge"sv, "8xlarge"sv,
                                "12xlarge"sv, "16xlarge"sv, "24xlarge"sv, "metal"sv};
constexpr std::array kLargeTo32{"large"sv,    "xlarge"sv,   "2xlarge"sv,  "4xlarge"sv,  "8xlarge"sv,
                                "12xlarge"sv, "16xlarge"sv, "24xlarge"sv, "32xlarge"sv, "metal"sv};
constexpr std::array kLargeTo48{"large"sv,    "xlarge"sv,   "2xlarge"sv,  "4xlarge"sv,  "8xlarge"sv,  "12xlarge"sv,
                                "16xlarge"sv, "24xlarge"sv, "32xlarge"sv, "48xlarge"sv, "metal"sv};
constexpr std::array kM5{"large"sv, "xlarge"sv, "2xlarge"sv, "4xlarge"sv, "8xlarge"sv, "12xlarge"sv, "16xlarge"sv,
                         "24xlarge"sv, "metal"sv};
constexpr std::array kC5{"large"sv, "xlarge"sv, "2xlarge"sv, "4xlarge"sv, "9xlarge"sv, "12xlarge"sv, "18xlarge"sv,
                         "24xlarge"sv, "metal"sv};
constexpr std::array kX2{"large"sv, "xlarge"sv, "2xlarge"sv, "4xlarge"sv, "8xlarge"sv, "12xlarge"sv, "16xlarge"sv,
                         "24xlarge"sv, "32xlarge"sv, "metal"sv};
constexpr std::array kStorage{"large"sv, "xlarge"sv, "2xlarge"sv, "4xlarge"sv, "8xlarge"sv, "16xlarge"sv, "metal"sv};
constexpr std::array kD3{"xlarge"sv, "2xlarge"sv, "4xlarge"sv, "8xlarge"sv};
constexpr std::array kGpu{"xlarge"sv, "2xlarge"sv, "4xlarge"sv, "8xlarge"sv, "12xlarge"sv, "16xlarge"sv, "24xlarge"sv,
                          "48xlarge"sv};
constexpr std::array kP{"48xlarge"sv};
constexpr std::array kInf2{"xlarge"sv, "8xlarge"sv, "24xlarge"sv, "48xlarge"sv};
constexpr std::array kTrn1{"2xlarge"sv, "32xlarge"sv};
constexpr std::array kMac{"metal"sv};

constexpr std::array<InstanceFamily, 49> kFamilies{{
    // general purpose
    {"t4g"sv, kBurstable},  {"t3"sv, kBurstable},   {"t3a"sv, kBurstable},  {"m7g"sv, kToMetal},
    {"m7i"sv, kLargeTo48},  {"m7a"sv, kToMetal},    {"m6g"sv, kLargeTo24},  {"m6i"sv, kLargeTo32},
    {"m6a"sv, kLargeTo48},  {"m6in"sv, kLargeTo32}, {"m5"sv, kM5},          {"m5a"sv, kM5},
    {"m5n"sv, kM5},         {"m5zn"sv, kLargeTo24}, {"mac1"sv, kMac},       {"mac2"sv, kMac},
    // compute optimised
    {"c7g"sv, kToMetal},    {"c7i"sv, kLargeTo48},  {"c7a"sv, kToMetal},    {"c6g"sv, kLargeTo24},
    {"c6i"sv, kLargeTo32},  {"c6a"sv, kLargeTo48},  {"c6in"sv, kLargeTo32}, {"c5"sv, kC5},
    {"c5a"sv, kLargeTo24},  {"c5n"sv, kC5},
    // memory optimised
    {"r7g"sv, kToMetal},    {"r7i"sv, kLargeTo48},  {"r7a"sv, kToMetal},    {"r6g"sv, kLargeTo24},
    {"r6i"sv, kLargeTo32},  {"r6a"sv, kLargeTo48},  {"r5"sv, kM5},          {"r5a"sv, kM5},
    {"r5n"sv, kM5},         {"x2idn"sv, kX2},       {"x2iedn"sv, kX2},      {"z1d"sv, kLargeTo24},
    // storage optimised
    {"i4i"sv, kStorage},    {"i3en"sv, kLargeTo24}, {"d3"sv, kD3},
    // accelerated computing
    {"g5"sv, kGpu},         {"g4dn"sv, kGpu},       {"g6"sv, kGpu},         {"p4d"sv, kP},
    {"p5"sv, kP},           {"inf2"sv, kInf2},      {"trn1"sv, kTrn1},      {"dl1"sv, kGpu},
}};

bool isLowerAlnum(char c)
{
    return (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9');
}

// Lower-case letters, digits and inner hyphens, not empty.
bool isWord(std::string_view text)
{
    return !text.empty() && text.front() != '-' && text.back() != '-'
        && std::all_of(text.begin(), text.end(), [](char c) { return isLowerAlnum(c) || c == '-'; });
}

} // namespace

std::span<const InstanceFamily> instanceFamilies()
{
    return kFamilies;
}

std::vector<std::string> instanceTypeNames()
{
    std::vector<std::string> names;
    for (const InstanceFamily &family : kFamilies)
        for (const std::string_view size : family.sizes)
            names.push_back(std::string(family.family) + "." + std::string(size));
    return names;
}

bool isInstanceTypeForm(std::string_view text)
{
    const std::size_t dot = text.find('.');
    if (dot == std::string_view::npos)
        return false;
    const std::string_view family = text.substr(0, dot);
    return isWord(family) && family.front() >= 'a' && family.front() <= 'z' && isWord(text.substr(dot + 1));
}

bool isKnownInstanceType(std::string_view text)
{
    const std::size_t dot = text.find('.');
    if (dot == std::string_view::npos)
        return false;
    const std::string_view family = text.substr(0, dot);
    const std::string_view size = text.substr(dot + 1);
    return std::any_of(kFamilies.begin(), kFamilies.end(), [&](const InstanceFamily &f) {
        return f.family == family && std::find(f.sizes.begin(), f.sizes.end(), size) != f.sizes.end();
    });
}

} // namespace sms::models
