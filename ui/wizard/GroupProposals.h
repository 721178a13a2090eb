#pragma once
// Server groups proposed from what servers have in common: the VM folder they
// sit in, or a part of their name that a pattern picks out. Pure functions
// over the plan's catalog, so that the groups page and its tests agree.
//
// Each proposal lists every given server once, in groups ordered by what they
// share, with the servers that share nothing last in a group called
// `otherName`; launch orders run 1, 2, 3… in that order.

#include "models/PlanDocument.h"

#include <QRegularExpression>

namespace sms::ui {

// By the folder of each server's vmPath (the path without the VM's own
// name). A group is named after its folder's last part, or after the whole
// folder path where two folders end alike.
std::vector<models::PlanServerGroup> groupsByFolder(const models::PlanDocument &document,
                                                    const std::vector<std::string> &serverIds,
                                                    const QString &otherName);

// By the text the pattern's first capture group takes from each VM name
// (the server id for a server without one).
std::vector<models::PlanServerGroup> groupsByPattern(const models::PlanDocument &document,
                                                     const std::vector<std::string> &serverIds,
                                                     const QRegularExpression &pattern, const QString &otherName);

} // namespace sms::ui
