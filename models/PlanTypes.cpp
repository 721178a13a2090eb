#include "models/PlanTypes.h"

#include <algorithm>

namespace sms::models {

PlanPosition findKey(const std::vector<PlanApplication> &applications, PlanKey key)
{
    // Plans hold tens of applications with up to ten groups each: a scan is
    // cheaper than keeping an index in step with every edit.
    for (int a = 0; a < int(applications.size()); ++a) {
        const PlanApplication &app = applications[std::size_t(a)];
        if (app.key == key)
            return {a, -1};
        for (int g = 0; g < int(app.serverGroups.size()); ++g) {
            if (app.serverGroups[std::size_t(g)].key == key)
                return {a, g};
        }
    }
    return {};
}

PlanKey largestKey(const std::vector<PlanApplication> &applications)
{
    PlanKey largest = kNoKey;
    for (const PlanApplication &app : applications) {
        largest = std::max(largest, app.key);
        for (const PlanServerGroup &group : app.serverGroups)
            largest = std::max(largest, group.key);
    }
    return largest;
}

} // namespace sms::models
