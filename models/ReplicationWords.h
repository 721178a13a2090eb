#pragma once
// Words for the replication and launch states the endpoint reports, and their
// tones. A value this build does not know shows as its wire text and has a
// neutral tone: the service adds states over time.

#include "api/SmsEnums.h"
#include "api/OpenEnum.h"
#include "models/StatusTone.h"

#include <QString>

#include <optional>
#include <string>

namespace sms::models {

QString appStatusText(const std::optional<api::OpenEnum<api::AppStatus>> &status);
QString appReplicationText(const std::optional<api::OpenEnum<api::AppReplicationStatus>> &status);
QString appLaunchText(const std::optional<api::OpenEnum<api::AppLaunchStatus>> &status);
QString jobStateText(const std::optional<api::OpenEnum<api::ReplicationJobState>> &state);
QString validationStatusText(const std::optional<api::OpenEnum<api::ValidationStatus>> &status);

Tone appStatusTone(const std::optional<api::OpenEnum<api::AppStatus>> &status);
Tone appReplicationTone(const std::optional<api::OpenEnum<api::AppReplicationStatus>> &status);
Tone appLaunchTone(const std::optional<api::OpenEnum<api::AppLaunchStatus>> &status);
// The state's own tone. ReplicationJobsModel::toneOf adds what the row knows
// besides (a run in progress, stalled, overdue, no AMI yet).
Tone jobStateTone(const std::optional<api::OpenEnum<api::ReplicationJobState>> &state);
Tone validationStatusTone(const std::optional<api::OpenEnum<api::ValidationStatus>> &status);

// A run in progress: "Uploading 45%" ("Running" when the endpoint names no stage).
QString runProgressText(const std::string &stage, std::optional<int> percent);
// "Uploading 45% (stalled)": a state or run that has not moved over several passes.
QString stalledText(const QString &text);

} // namespace sms::models
