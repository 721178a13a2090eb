#include "models/ConnectorsModel.h"

#include "api/QtText.h"

#include <QColor>
#include <QDateTime>
#include <QLocale>
#include <QStringList>
#include <QVersionNumber>

namespace sms::models {
namespace {

const QColor kHealthyColour(0x2e, 0x9d, 0x4f);
const QColor kUnhealthyColour(0xd0, 0x3a, 0x2f);
const QColor kUnknownColour(0x8a, 0x8a, 0x8a);

using api::toQString;

QString idOf(const api::Connector &connector)
{
    return toQString(connector.connectorId);
}

// "1.10.0" after "1.9.2": the numbers zero-padded, so that a plain string
// comparison (all a proxy does with an unknown type) orders them numerically.
QString versionSortKey(const QString &version)
{
    qsizetype suffixAt = 0;
    const QVersionNumber number = QVersionNumber::fromString(version, &suffixAt);
    QStringList parts;
    for (int segment : number.segments())
        parts << QStringLiteral("%1").arg(segment, 10, 10, QLatin1Char('0'));
    return parts.join(QLatin1Char('.')) + version.mid(suffixAt);
}

bool isHealthy(const api::Connector &connector)
{
    return connector.status && *connector.status == api::ConnectorStatus::Healthy;
}

const std::vector<api::OpenEnum<api::ConnectorCapability>> &capabilitiesOf(const api::Connector &connector)
{
    static const std::vector<api::OpenEnum<api::ConnectorCapability>> none;
    return connector.capabilityList ? *connector.capabilityList : none;
}

QDateTime associatedOn(const api::Connector &connector)
{
    if (!connector.associatedOn)
        return {};
    return QDateTime::fromMSecsSinceEpoch(qint64(connector.associatedOn->epochSeconds * 1000.0), Qt::UTC);
}

} // namespace

ConnectorsModel::ConnectorsModel(QObject *parent)
    : QAbstractTableModel(parent)
{
}

int ConnectorsModel::rowCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : int(m_rows.size());
}

int ConnectorsModel::columnCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : ColumnCount;
}

QString ConnectorsModel::statusText(const api::Connector &connector)
{
    if (!connector.status)
        return {};
    if (!connector.status->isKnown())
        return toQString(*connector.status); // a status this build does not know, as sent
    switch (connector.status->value()) {
    case api::ConnectorStatus::Healthy: return tr("Healthy");
    case api::ConnectorStatus::Unhealthy: return tr("Unhealthy");
    case api::ConnectorStatus::Unknown: break;
    }
    return {};
}

QString ConnectorsModel::vmManagerTypeText(const api::OpenEnum<api::VmManagerType> &type)
{
    if (!type.isKnown())
        return toQString(type); // a type this build does not know, as sent
    switch (type.value()) {
    case api::VmManagerType::Vsphere: return tr("vSphere");
    case api::VmManagerType::Scvmm: return tr("SCVMM");
    case api::VmManagerType::HypervManager: return tr("Hyper-V Manager");
    case api::VmManagerType::Unknown: break;
    }
    return {};
}

QString ConnectorsModel::capabilityText(const api::OpenEnum<api::ConnectorCapability> &capability)
{
    if (!capability.isKnown())
        return toQString(capability);
    switch (capability.value()) {
    case api::ConnectorCapability::Vsphere: return tr("vSphere");
    case api::ConnectorCapability::Scvmm: return tr("SCVMM");
    case api::ConnectorCapability::HypervManager: return tr("Hyper-V Manager");
    case api::ConnectorCapability::SnapshotBatching: return tr("Snapshot batching");
    case api::ConnectorCapability::SmsOptimized: return tr("SMS optimized");
    case api::ConnectorCapability::Unknown: break;
    }
    return {};
}

QString ConnectorsModel::text(const api::Connector &connector, int column) const
{
    switch (column) {
    case ConnectorId: return idOf(connector);
    case Status: return statusText(connector);
    case Version: return toQString(connector.version);
    case VmManager: {
        const QString name = toQString(connector.vmManagerName);
        if (!connector.vmManagerType)
            return name;
        const QString type = vmManagerTypeText(*connector.vmManagerType);
        return name.isEmpty() ? type : tr("%1 (%2)").arg(name, type);
    }
    case IpAddress: return toQString(connector.ipAddress);
    case MacAddress: return toQString(connector.macAddress);
    case Capabilities: {
        QStringList names;
        for (const auto &capability : capabilitiesOf(connector))
            names << capabilityText(capability);
        return names.join(tr(", "));
    }
    case AssociatedOn: {
        const QDateTime when = associatedOn(connector);
        return when.isValid() ? QLocale().toString(when.toLocalTime(), QLocale::ShortFormat) : QString();
    }
    }
    return {};
}

QVariant ConnectorsModel::raw(const api::Connector &connector, int column) const
{
    switch (column) {
    case Status: return connector.status ? toQString(*connector.status) : QString();
    case Version: return versionSortKey(toQString(connector.version));
    case VmManager: return toQString(connector.vmManagerName);
    case AssociatedOn: return associatedOn(connector);
    default: return text(connector, column);
    }
}

QString ConnectorsModel::toolTip(const api::Connector &connector, int column) const
{
    switch (column) {
    case Status:
        if (!connector.status)
            return tr("The endpoint did not report this connector's health.");
        return isHealthy(connector) ? tr("The connector is healthy and can serve catalog imports and replication.")
                                    : tr("The connector is not healthy: catalog imports and replication through it "
                                         "fail until it recovers.");
    case VmManager: {
        QStringList lines;
        if (connector.vmManagerName)
            lines << tr("Name: %1").arg(toQString(connector.vmManagerName));
        if (connector.vmManagerType)
            lines << tr("Type: %1").arg(vmManagerTypeText(*connector.vmManagerType));
        if (connector.vmManagerId)
            lines << tr("Id: %1").arg(toQString(connector.vmManagerId));
        return lines.join(QLatin1Char('\n'));
    }
    case Capabilities: {
        QStringList lines;
        for (const auto &capability : capabilitiesOf(connector))
            lines << capabilityText(capability);
        return lines.join(QLatin1Char('\n'));
    }
    case AssociatedOn: {
        const QDateTime when = associatedOn(connector);
        return when.isValid() ? QLocale().toString(when.toLocalTime(), QLocale::LongFormat) : QString();
    }
    default: return text(connector, column);
    }
}

QVariant ConnectorsModel::data(const QModelIndex &index, int role) const
{
    if (!checkIndex(index, CheckIndexOption::IndexIsValid | CheckIndexOption::ParentIsInvalid))
        return {};
    const api::Connector &connector = m_rows[std::size_t(index.row())];
    const int column = index.column();
    switch (role) {
    case Qt::DisplayRole: return text(connector, column);
    case Qt::ToolTipRole: {
        const QString tip = toolTip(connector, column);
        return tip.isEmpty() ? QVariant() : QVariant(tip);
    }
    case Qt::DecorationRole:
        // A swatch beside the words: the words carry the meaning, the colour finds it fast.
        if (column != Status)
            return {};
        if (!connector.status)
            return {};
        if (isHealthy(connector))
            return kHealthyColour;
        return *connector.status == api::ConnectorStatus::Unhealthy ? kUnhealthyColour : kUnknownColour;
    case Qt::ForegroundRole:
        if (column == Status && connector.status && *connector.status == api::ConnectorStatus::Unhealthy)
            return kUnhealthyColour;
        return {};
    case RawRole: return raw(connector, column);
    case ConnectorIdRole: return idOf(connector);
    case HealthyRole: return isHealthy(connector);
    case StatusRole: return connector.status ? toQString(*connector.status) : QString();
    default: return {};
    }
}

QVariant ConnectorsModel::headerData(int section, Qt::Orientation orientation, int role) const
{
    if (orientation != Qt::Horizontal || role != Qt::DisplayRole)
        return QAbstractTableModel::headerData(section, orientation, role);
    switch (section) {
    case ConnectorId: return tr("Connector id");
    case Status: return tr("Status");
    case Version: return tr("Version");
    case VmManager: return tr("VM manager");
    case IpAddress: return tr("IP address");
    case MacAddress: return tr("MAC address");
    case Capabilities: return tr("Capabilities");
    case AssociatedOn: return tr("Associated on");
    }
    return {};
}

void ConnectorsModel::setConnectors(std::vector<api::Connector> connectors)
{
    // Where each id sits in the new list; a repeated id keeps its first.
    QHash<QString, std::size_t> incoming;
    incoming.reserve(qsizetype(connectors.size()));
    for (std::size_t i = 0; i < connectors.size(); ++i)
    {
        const QString id = idOf(connectors[i]);
        if (!incoming.contains(id))
            incoming.insert(id, i);
    }

    removeGone(incoming);

    // Rows that stay are updated in place, one dataChanged per run of changed rows.
    std::vector<bool> placed(connectors.size(), false);
    int runStart = -1;
    const auto endRun = [this, &runStart](int end) {
        if (runStart >= 0)
            Q_EMIT dataChanged(index(runStart, 0), index(end - 1, ColumnCount - 1));
        runStart = -1;
    };
    for (int row = 0; row < int(m_rows.size()); ++row) {
        const std::size_t from = incoming.value(idOf(m_rows[std::size_t(row)]));
        placed[from] = true;
        if (m_rows[std::size_t(row)] == connectors[from]) {
            endRun(row);
            continue;
        }
        m_rows[std::size_t(row)] = std::move(connectors[from]);
        if (runStart < 0)
            runStart = row;
    }
    endRun(int(m_rows.size()));

    // New ids, in the order the endpoint listed them, in one insertion.
    std::vector<std::size_t> added;
    for (std::size_t i = 0; i < connectors.size(); ++i) {
        if (!placed[i] && incoming.value(idOf(connectors[i])) == i)
            added.push_back(i);
    }
    if (!added.empty()) {
        const int first = int(m_rows.size());
        beginInsertRows({}, first, first + int(added.size()) - 1);
        m_rows.reserve(m_rows.size() + added.size());
        for (std::size_t i : added)
            m_rows.push_back(std::move(connectors[i]));
        reindex();
        endInsertRows();
    }
}

void ConnectorsModel::removeGone(const QHash<QString, std::size_t> &incoming)
{
    // Bottom up, one removal per run of gone rows, so the rows above keep their numbers.
    for (int row = int(m_rows.size()) - 1; row >= 0; --row) {
        if (incoming.contains(idOf(m_rows[std::size_t(row)])))
            continue;
        const int last = row;
        while (row > 0 && !incoming.contains(idOf(m_rows[std::size_t(row - 1)])))
            --row;
        beginRemoveRows({}, row, last);
        m_rows.erase(m_rows.begin() + row, m_rows.begin() + last + 1);
        reindex();
        endRemoveRows();
    }
}

void ConnectorsModel::reindex()
{
    m_rowOf.clear();
    for (int row = 0; row < int(m_rows.size()); ++row)
        m_rowOf.insert(idOf(m_rows[std::size_t(row)]), row);
}

} // namespace sms::models
