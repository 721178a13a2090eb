#include "services/OnDemandLimit.h"

#include "client/Pager.h"
#include "client/RequestWindow.h"

#include <QCoreApplication>
#include <QDateTime>
#include <QPointer>

#include <algorithm>
#include <cmath>
#include <memory>

namespace sms::services {
namespace {

struct Text
{
    Q_DECLARE_TR_FUNCTIONS(sms::services)
};

// "3 h 12 min", "45 min", "2 h": the wait, in whole minutes rounded up.
QString durationWords(double seconds)
{
    const auto minutes = qint64(std::ceil(std::max(seconds, 0.0) / 60.0));
    if (minutes < 60)
        return Text::tr("%1 min").arg(std::max<qint64>(minutes, 1));
    if (minutes % 60 == 0)
        return Text::tr("%1 h").arg(minutes / 60);
    return Text::tr("%1 h %2 min").arg(minutes / 60).arg(minutes % 60);
}

// "14:05 UTC", "14:05 UTC tomorrow", "14:05 UTC on 2026-12-09".
QString timeWords(const QDateTime &at, const QDateTime &now)
{
    const QString clock = at.toString(QStringLiteral("HH:mm")) + QLatin1Char(' ') + at.timeZoneAbbreviation();
    const qint64 days = now.date().daysTo(at.date());
    if (days == 0)
        return clock;
    if (days == 1)
        return Text::tr("%1 tomorrow").arg(clock);
    return Text::tr("%1 on %2").arg(clock, at.date().toString(Qt::ISODate));
}

// A run the endpoint reports as begun has its scheduled start in the past.
bool hasStarted(const api::ReplicationRun &run)
{
    return run.state && !(*run.state == api::ReplicationRunState::Pending);
}

} // namespace

double nextOnDemandRunAllowed(const std::vector<api::ReplicationRun> &runs, double now)
{
    std::vector<double> starts;
    for (const api::ReplicationRun &run : runs)
        if (run.type && *run.type == api::ReplicationRunType::OnDemand && run.scheduledStartTime)
            starts.push_back(run.scheduledStartTime->epochSeconds);
    if (starts.size() < std::size_t(kOnDemandRunsPerWindow))
        return now;
    // With L allowed per window, a run may start once the L-th newest start
    // has left the window.
    std::nth_element(starts.begin(), starts.begin() + (kOnDemandRunsPerWindow - 1), starts.end(), std::greater<>());
    return std::max(now, starts[kOnDemandRunsPerWindow - 1] + kOnDemandWindowSeconds);
}

OnDemandAllowance nextOnDemandRunAllowed(const std::vector<JobRuns> &jobs, double now)
{
    OnDemandAllowance last{std::string(), now};
    for (const JobRuns &job : jobs) {
        const double at = nextOnDemandRunAllowed(job.runs, now);
        if (last.serverName.empty() || at > last.allowedAt)
            last = {job.serverName, at};
    }
    return last;
}

double endpointNow(const std::vector<JobRuns> &jobs, double wallNow)
{
    double now = wallNow;
    for (const JobRuns &job : jobs) {
        for (const api::ReplicationRun &run : job.runs) {
            if (run.completedTime)
                now = std::max(now, run.completedTime->epochSeconds);
            if (run.scheduledStartTime && hasStarted(run))
                now = std::max(now, run.scheduledStartTime->epochSeconds);
        }
    }
    return now;
}

QString onDemandLimitWords(const OnDemandAllowance &allowance, double now, const QTimeZone &zone)
{
    const QString limit = Text::tr("SMS allows %1 on-demand runs per server in 24 hours")
                              .arg(kOnDemandRunsPerWindow);
    const QString server = QString::fromStdString(allowance.serverName);
    if (allowance.allowedAt <= now) {
        return server.isEmpty() ? Text::tr("%1; the next one is allowed now.").arg(limit)
                                : Text::tr("%1; the next one for %2 is allowed now.").arg(limit, server);
    }
    // Rounded up to the minute, as the wait is, so the two agree.
    const auto secondsUp = qint64(std::ceil(allowance.allowedAt / 60.0)) * 60;
    const QDateTime at = QDateTime::fromSecsSinceEpoch(secondsUp, zone);
    const QDateTime from = QDateTime::fromSecsSinceEpoch(qint64(std::floor(now)), zone);
    const QString when = Text::tr("%1 (in %2)").arg(timeWords(at, from), durationWords(allowance.allowedAt - now));
    return server.isEmpty() ? Text::tr("%1; the next one is allowed at %2.").arg(limit, when)
                            : Text::tr("%1; the next one for %2 is allowed at %3.").arg(limit, server, when);
}

void readJobRuns(client::SmsClient &client, const std::vector<std::string> &jobIds, QObject *context,
                 JobRunsCallback done)
{
    struct Read
    {
        std::vector<JobRuns> jobs;
        std::vector<QPointer<client::PagerBase>> pagers;
        client::RequestWindow window;
        std::size_t pending = 0;
        bool finished = false;
        JobRunsCallback done;
    };
    auto read = std::make_shared<Read>();
    read->jobs.resize(jobIds.size());
    read->pending = jobIds.size();
    read->done = std::move(done);
    if (jobIds.empty()) {
        // Reported later all the same, as every answer is.
        QMetaObject::invokeMethod(context, [read] { read->done(std::move(read->jobs)); }, Qt::QueuedConnection);
        return;
    }
    // Queued reads hold the read weakly: a context destroyed meanwhile leaves
    // nothing behind.
    const std::weak_ptr<Read> weak = read;
    for (std::size_t i = 0; i < jobIds.size(); ++i) {
        read->jobs[i].replicationJobId = jobIds[i];
        read->window.add([&client, context, weak, i] {
            const auto read = weak.lock();
            if (!read)
                return;
            api::GetReplicationRunsRequest request;
            request.replicationJobId = read->jobs[i].replicationJobId;
            const auto pager = client::paginate(
                client, std::move(request), context, nullptr,
                [read, i](Result<api::GetReplicationRunsResponse> merged) {
                    if (read->finished)
                        return;
                    if (!merged) {
                        read->finished = true;
                        read->window.clear();
                        for (const auto &other : read->pagers)
                            if (other)
                                other->cancel();  // their answers are not wanted any more
                        read->done(merged.error());
                        return;
                    }
                    JobRuns &job = read->jobs[i];
                    job.runs = std::move(merged.value().replicationRunList).value_or(std::vector<api::ReplicationRun>());
                    const auto &info = merged.value().replicationJob;
                    if (info && info->vmServer && info->vmServer->vmName)
                        job.serverName = *info->vmServer->vmName;
                    else if (info && info->serverId)
                        job.serverName = *info->serverId;
                    else
                        job.serverName = job.replicationJobId;
                    if (--read->pending == 0) {
                        read->finished = true;
                        read->done(std::move(read->jobs));
                        return;
                    }
                    read->window.done();
                });
            read->pagers.emplace_back(pager.data());
        });
    }
}

} // namespace sms::services
