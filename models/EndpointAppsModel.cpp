#include "models/EndpointAppsModel.h"

#include "api/QtText.h"
#include "models/EpochText.h"
#include "models/ReplicationWords.h"

#include <QStringList>

namespace sms::models {
namespace {

using api::toQString;

std::optional<double> lastLaunched(const api::AppSummary &app)
{
    return app.launchDetails ? epochSecondsOf(app.launchDetails->latestLaunchTime) : std::nullopt;
}

} // namespace

EndpointAppsModel::EndpointAppsModel(QObject *parent)
    : KeyedTableModel(parent)
{
}

int EndpointAppsModel::columnCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : ColumnCount;
}

Tone EndpointAppsModel::toneOf(const api::AppSummary &app)
{
    return worseTone(appStatusTone(app.status),
                     worseTone(appReplicationTone(app.replicationStatus), appLaunchTone(app.launchStatus)));
}

QStringList EndpointAppsModel::messagesOf(const api::AppSummary &app)
{
    QStringList messages;
    for (const auto *message : {&app.statusMessage, &app.replicationStatusMessage, &app.launchStatusMessage}) {
        if (*message && !(*message)->empty())
            messages << toQString(*message);
    }
    return messages;
}

QString EndpointAppsModel::text(const EndpointAppRow &row, int column) const
{
    const api::AppSummary &app = row.app;
    switch (column) {
    case Name: return app.name ? toQString(app.name) : toQString(row.appId);
    case Status: return appStatusText(app.status);
    case ReplicationStatus: return appReplicationText(app.replicationStatus);
    case LaunchStatus: return appLaunchText(app.launchStatus);
    case Servers: return row.servers ? QLocale().toString(*row.servers) : QString();
    case LastReplicated: return localDateTimeText(epochSecondsOf(app.latestReplicationTime));
    case LastLaunched: return localDateTimeText(lastLaunched(app));
    case Message: return messagesOf(app).join(tr(" \u00B7 "));
    }
    return {};
}

QVariant EndpointAppsModel::raw(const EndpointAppRow &row, int column) const
{
    const api::AppSummary &app = row.app;
    switch (column) {
    case Status: return toQString(app.status);
    case ReplicationStatus: return toQString(app.replicationStatus);
    case LaunchStatus: return toQString(app.launchStatus);
    case Servers: return row.servers ? QVariant(*row.servers) : QVariant();
    case LastReplicated: return localDateTime(epochSecondsOf(app.latestReplicationTime));
    case LastLaunched: return localDateTime(lastLaunched(app));
    default: return text(row, column);
    }
}

Tone EndpointAppsModel::tone(const EndpointAppRow &row, int column) const
{
    switch (column) {
    case Status: return appStatusTone(row.app.status);
    case ReplicationStatus: return appReplicationTone(row.app.replicationStatus);
    case LaunchStatus: return appLaunchTone(row.app.launchStatus);
    default: return toneOf(row.app);
    }
}

QVariant EndpointAppsModel::data(const QModelIndex &index, int role) const
{
    if (!checkIndex(index, CheckIndexOption::IndexIsValid | CheckIndexOption::ParentIsInvalid))
        return {};
    const EndpointAppRow &r = row(index.row());
    const int column = index.column();
    switch (role) {
    case Qt::DisplayRole: return text(r, column);
    case Qt::ToolTipRole:
        switch (column) {
        case Message: {
            const QStringList messages = messagesOf(r.app);
            return messages.isEmpty() ? QVariant() : QVariant(messages.join(QLatin1Char('\n')));
        }
        case LastReplicated: return localDateTimeText(epochSecondsOf(r.app.latestReplicationTime), QLocale::LongFormat);
        case LastLaunched: return localDateTimeText(lastLaunched(r.app), QLocale::LongFormat);
        default: return {};
        }
    case Qt::TextAlignmentRole:
        return column == Servers ? QVariant(int(Qt::AlignRight | Qt::AlignVCenter)) : QVariant();
    case RawRole: return raw(r, column);
    case AppIdRole: return toQString(r.appId);
    case ToneRole: return int(tone(r, column));
    default: return {};
    }
}

QVariant EndpointAppsModel::headerData(int section, Qt::Orientation orientation, int role) const
{
    if (orientation != Qt::Horizontal || role != Qt::DisplayRole)
        return QAbstractTableModel::headerData(section, orientation, role);
    switch (section) {
    case Name: return tr("Name");
    case Status: return tr("Status");
    case ReplicationStatus: return tr("Replication status");
    case LaunchStatus: return tr("Launch status");
    case Servers: return tr("Servers");
    case LastReplicated: return tr("Last replicated");
    case LastLaunched: return tr("Last launched");
    case Message: return tr("Message");
    }
    return {};
}

} // namespace sms::models
