#pragma once
// The drag-and-drop and clipboard formats of the planner: named constants so
// that every view, model and test agrees on them.

#include "models/PlanTypes.h"

#include <QMimeData>
#include <QStringList>

#include <memory>
#include <string>
#include <vector>

namespace sms::models {

// Server ids, one per line (UTF-8): from the catalog or the applications tree.
inline constexpr char kServerIdsMimeType[] = "application/x-sms-planner-server-ids";
// Plan keys of server groups, one per line: groups dragged in the tree.
inline constexpr char kGroupKeysMimeType[] = "application/x-sms-planner-group-keys";

std::unique_ptr<QMimeData> serverIdsMimeData(const std::vector<std::string> &serverIds);
std::vector<std::string> serverIdsFrom(const QMimeData &data);
// Whether `data` (the clipboard's, say; may be null) holds server ids to paste.
bool holdsServerIds(const QMimeData *data);
std::unique_ptr<QMimeData> groupKeysMimeData(const std::vector<PlanKey> &groups);
std::vector<PlanKey> groupKeysFrom(const QMimeData &data);

} // namespace sms::models
