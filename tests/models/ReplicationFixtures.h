#pragma once
// Replication monitor passes written in a compact notation, for the tests of
// models::ReplicationStore. A pass is a list of items:
//   "app:ID[:REPLICATION_STATUS[:LAUNCH_STATUS]]"      ListApps' entry, named "name-ID"
//   "server:APP:SERVER[:JOB]"                         GetApp's server (VM "vm-SERVER", group "g1")
//   "job:JOB:SERVER[:STATE]"                          GetReplicationJobs' entry
//   "run:JOB:RUN:STATE[:STAGE:PROGRESS]"              a run of JOB (GetReplicationRuns); a
//                                                     COMPLETED or FAILED run completed a minute
//                                                     before the pass, with message "why-RUN"
// Enum texts are wire texts, so a value the build does not know can be written too.

#include "models/ReplicationSnapshot.h"

#include <QString>
#include <QStringList>

#include <memory>

namespace sms::models::testing {

inline std::string text(const QString &s)
{
    return s.toStdString();
}

template <typename E>
api::OpenEnum<E> wire(const QString &s)
{
    return api::OpenEnum<E>::fromString(s.toStdString());
}

inline void addItem(ReplicationSnapshot &pass, const QString &item)
{
    const QStringList f = item.split(QLatin1Char(':'));
    const QString kind = f.value(0);
    if (kind == QLatin1String("app")) {
        api::AppSummary app;
        app.appId = text(f.value(1));
        app.name = "name-" + text(f.value(1));
        app.status = api::AppStatus::Active;
        app.replicationStatus = wire<api::AppReplicationStatus>(f.value(2, QStringLiteral("REPLICATION_IN_PROGRESS")));
        app.launchStatus = wire<api::AppLaunchStatus>(f.value(3, QStringLiteral("READY_FOR_LAUNCH")));
        pass.apps.push_back(std::move(app));
    } else if (kind == QLatin1String("server")) {
        MonitoredServer server{text(f.value(2)), "vm-" + text(f.value(2)), "g1", text(f.value(3))};
        pass.appServers[text(f.value(1))].push_back(std::move(server));
    } else if (kind == QLatin1String("job")) {
        api::ReplicationJob job;
        job.replicationJobId = text(f.value(1));
        job.serverId = text(f.value(2));
        job.state = wire<api::ReplicationJobState>(f.value(3, QStringLiteral("ACTIVE")));
        pass.jobs.push_back(std::move(job));
    } else if (kind == QLatin1String("run")) {
        api::ReplicationRun run;
        run.replicationRunId = text(f.value(2));
        run.state = wire<api::ReplicationRunState>(f.value(3));
        if (f.size() > 4) {
            api::ReplicationRunStageDetails stage;
            stage.stage = text(f.value(4));
            stage.stageProgress = text(f.value(5));
            run.stageDetails = stage;
        }
        if (*run.state == api::ReplicationRunState::Completed || *run.state == api::ReplicationRunState::Failed) {
            run.completedTime = api::Timestamp{pass.takenAt - 60};
            run.statusMessage = "why-" + text(f.value(2));
        }
        pass.runs[text(f.value(1))].push_back(std::move(run));
    } else {
        qFatal("unknown pass item %s", qPrintable(item));
    }
}

inline std::shared_ptr<ReplicationSnapshot> passFrom(const QStringList &items, double takenAt = 1'700'000'000)
{
    auto pass = std::make_shared<ReplicationSnapshot>();
    pass->takenAt = takenAt;
    for (const QString &item : items)
        addItem(*pass, item);
    return pass;
}

} // namespace sms::models::testing
