#include "ui/notify/ReplicationNotice.h"

#include <QCoreApplication>
#include <QStringList>

#include <algorithm>

namespace sms::ui {
namespace {

struct Text
{
    Q_DECLARE_TR_FUNCTIONS(sms::ui::ReplicationNotice)
};

using Kind = models::ReplicationEvent::Kind;

QString q(const std::string &text)
{
    return QString::fromStdString(text);
}

QString serverOf(const models::ReplicationEvent &event)
{
    return q(event.vmName.empty() ? event.serverId : event.vmName);
}

// One line for one event, e.g. "web-01 (Payroll): replication run failed: disk full".
QString lineOf(const models::ReplicationEvent &event)
{
    QString line;
    switch (event.kind) {
    case Kind::RunFailed:
        line = event.appName.empty() ? Text::tr("%1: replication run failed").arg(serverOf(event))
                                     : Text::tr("%1 (%2): replication run failed").arg(serverOf(event), q(event.appName));
        break;
    case Kind::JobStalled:
        line = event.appName.empty() ? Text::tr("%1: replication run stalled").arg(serverOf(event))
                                     : Text::tr("%1 (%2): replication run stalled").arg(serverOf(event), q(event.appName));
        break;
    case Kind::AppReplicated:
        line = Text::tr("%1 is replicated").arg(q(event.appName.empty() ? event.appId : event.appName));
        break;
    }
    if (!event.message.empty() && event.kind != Kind::AppReplicated)
        line += QStringLiteral(": ") + q(event.message);
    return line;
}

} // namespace

Notice replicationNotice(const models::ReplicationEvents &events)
{
    if (events.empty())
        return {};
    const auto count = [&events](Kind kind) {
        return int(std::count_if(events.begin(), events.end(), [kind](const auto &e) { return e.kind == kind; }));
    };
    const int failed = count(Kind::RunFailed);
    const int stalled = count(Kind::JobStalled);
    const int replicated = count(Kind::AppReplicated);
    Notice notice;
    notice.urgency = failed + stalled > 0 ? Notice::Urgency::Warning : Notice::Urgency::Information;
    if (events.size() == 1) {
        const auto &event = events.front();
        notice.title = event.kind == Kind::RunFailed  ? Text::tr("Replication run failed")
                       : event.kind == Kind::JobStalled ? Text::tr("Replication run stalled")
                                                        : Text::tr("Application replicated");
        notice.body = lineOf(event);
        return notice;
    }
    QStringList parts;
    if (failed)
        parts << Text::tr("%n run(s) failed", nullptr, failed);
    if (stalled)
        parts << Text::tr("%n run(s) stalled", nullptr, stalled);
    if (replicated)
        parts << Text::tr("%n application(s) replicated", nullptr, replicated);
    notice.title = parts.join(QStringLiteral(", "));
    // Failures first: they are what the user must act on.
    models::ReplicationEvents ordered = events;
    std::stable_sort(ordered.begin(), ordered.end(), [](const auto &a, const auto &b) { return a.kind < b.kind; });
    constexpr int kShown = 5;
    QStringList lines;
    for (int i = 0; i < int(ordered.size()) && i < kShown; ++i)
        lines << lineOf(ordered[std::size_t(i)]);
    if (int(ordered.size()) > kShown)
        lines << Text::tr("and %n more", nullptr, int(ordered.size()) - kShown);
    notice.body = lines.join(QLatin1Char('\n'));
    return notice;
}

} // namespace sms::ui
