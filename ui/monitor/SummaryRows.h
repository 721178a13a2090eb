#pragma once
// Which applications the summary chart gives a bar, and in what order. A
// monitor answers "what needs me?" first: the applications with failed
// servers on top, then failing, paused, and those still pending or
// replicating; ties keep the endpoint's order, so bars do not trade places
// from pass to pass. At most `maxRows` of them: a hundred bars in one chart
// read as a blur, and each category label costs QBarCategoryAxis a layout
// (a hundred labels took 10 ms of a 16 ms frame). The rest are only counted.

#include "models/ReplicationHistory.h"

#include <vector>

namespace sms::ui {

struct SummaryRows
{
    std::vector<models::ApplicationCounts> shown; // the bars, top first
    int hidden = 0;                               // applications left out
};

SummaryRows summaryRows(const std::vector<models::ApplicationCounts> &all, int maxRows);

} // namespace sms::ui
