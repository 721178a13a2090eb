#pragma once
// The EC2 instance types a launch can name: current generation families and
// their sizes, for the settings editor's searchable list. The list is a
// convenience, not a rule: AWS adds types faster than a release, so any text
// of the form family.size stays allowed (isInstanceTypeForm), and only other
// text is flagged.

#include <span>
#include <string>
#include <string_view>
#include <vector>

namespace sms::models {

struct InstanceFamily
{
    std::string_view family;               // "m5"
    std::span<const std::string_view> sizes;  // "large", "xlarge", …, smallest first
};

// The families, grouped by kind (general purpose, compute, memory, storage,
// accelerated) and in each kind newest first.
std::span<const InstanceFamily> instanceFamilies();

// Every "family.size" of instanceFamilies(), in that order.
std::vector<std::string> instanceTypeNames();

// "m5.large", "u-6tb1.112xlarge", "mac2-m2pro.metal": a family of lower-case
// letters, digits and hyphens starting with a letter, a dot, and a size.
bool isInstanceTypeForm(std::string_view text);

// In instanceFamilies().
bool isKnownInstanceType(std::string_view text);

} // namespace sms::models
