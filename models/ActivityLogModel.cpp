#include "models/ActivityLogModel.h"

#include <QColor>
#include <QLocale>

#include <algorithm>
#include <iterator>

namespace sms::models {
namespace {

// Readable on light and dark bases alike; the Outcome cell also carries a
// swatch, so colour is never the only sign.
const QColor kErrorColour(0xd0, 0x3a, 0x2f);
const QColor kOkColour(0x2e, 0x9d, 0x4f);

} // namespace

ActivityLogModel::ActivityLogModel(QObject *parent, int capacity)
    : QAbstractTableModel(parent)
    , m_capacity(std::max(1, capacity))
{
}

int ActivityLogModel::rowCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : int(m_entries.size());
}

int ActivityLogModel::columnCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : ColumnCount;
}

QString ActivityLogModel::text(const ActivityEntry &entry, int column)
{
    switch (column) {
    case Time: return entry.started.toLocalTime().toString(QStringLiteral("HH:mm:ss.zzz"));
    case Operation: return entry.operation;
    case Duration: return QLocale().toString(entry.durationMs);
    case Outcome: return entry.succeeded() ? tr("OK") : entry.errorCode;
    case Attempts: return QLocale().toString(entry.attempts);
    case RequestId: return entry.requestId;
    case Message: return entry.message;
    }
    return {};
}

QVariant ActivityLogModel::raw(const ActivityEntry &entry, int column) const
{
    switch (column) {
    case Time: return entry.started;
    case Operation: return entry.operation;
    case Duration: return entry.durationMs;
    case Outcome: return entry.errorCode;
    case Attempts: return entry.attempts;
    case RequestId: return entry.requestId;
    case Message: return entry.message;
    }
    return {};
}

QString ActivityLogModel::toolTip(const ActivityEntry &entry, int column) const
{
    switch (column) {
    case Time: return QLocale().toString(entry.started.toLocalTime(), QLocale::LongFormat);
    case Outcome:
        if (entry.succeeded())
            return entry.httpStatus ? tr("Succeeded (HTTP %1)").arg(entry.httpStatus) : tr("Succeeded");
        return entry.httpStatus ? tr("%1 (HTTP %2)").arg(entry.errorCode).arg(entry.httpStatus)
                                : tr("%1 (no HTTP answer)").arg(entry.errorCode);
    case Attempts: return entry.attempts == 1 ? tr("1 attempt") : tr("%1 attempts").arg(entry.attempts);
    case Message:
        // The whole message, which the cell elides.
        return entry.message;
    default: return text(entry, column);
    }
}

QVariant ActivityLogModel::data(const QModelIndex &index, int role) const
{
    if (!checkIndex(index, CheckIndexOption::IndexIsValid | CheckIndexOption::ParentIsInvalid))
        return {};
    const ActivityEntry &entry = m_entries[std::size_t(index.row())];
    const int column = index.column();
    switch (role) {
    case Qt::DisplayRole: return text(entry, column);
    case Qt::ToolTipRole: {
        const QString tip = toolTip(entry, column);
        return tip.isEmpty() ? QVariant() : QVariant(tip);
    }
    case Qt::TextAlignmentRole:
        if (column == Duration || column == Attempts)
            return int(Qt::AlignRight | Qt::AlignVCenter);
        return {};
    case Qt::ForegroundRole:
        if (!entry.succeeded() && (column == Outcome || column == Message))
            return kErrorColour;
        return {};
    case Qt::DecorationRole:
        if (column == Outcome)
            return entry.succeeded() ? kOkColour : kErrorColour;
        return {};
    case RawRole: return raw(entry, column);
    case SucceededRole: return entry.succeeded();
    case ErrorCodeRole: return entry.errorCode;
    case HttpStatusRole: return entry.httpStatus;
    default: return {};
    }
}

QVariant ActivityLogModel::headerData(int section, Qt::Orientation orientation, int role) const
{
    if (orientation != Qt::Horizontal || role != Qt::DisplayRole)
        return QAbstractTableModel::headerData(section, orientation, role);
    switch (section) {
    case Time: return tr("Time");
    case Operation: return tr("Operation");
    case Duration: return tr("Duration (ms)");
    case Outcome: return tr("Result");
    case Attempts: return tr("Attempts");
    case RequestId: return tr("Request id");
    case Message: return tr("Message");
    }
    return {};
}

void ActivityLogModel::append(ActivityEntry entry)
{
    std::vector<ActivityEntry> one;
    one.push_back(std::move(entry));
    append(std::move(one));
}

void ActivityLogModel::append(std::vector<ActivityEntry> entries)
{
    if (entries.empty())
        return;
    const auto capacity = std::size_t(m_capacity);
    // A batch larger than the log keeps only its newest entries.
    auto first = entries.begin();
    if (entries.size() > capacity)
        first += std::ptrdiff_t(entries.size() - capacity);
    const std::size_t incoming = std::size_t(entries.end() - first);

    const std::size_t overflow = m_entries.size() + incoming > capacity ? m_entries.size() + incoming - capacity : 0;
    if (overflow > 0) {
        beginRemoveRows({}, 0, int(overflow) - 1);
        m_entries.erase(m_entries.begin(), m_entries.begin() + std::ptrdiff_t(overflow));
        endRemoveRows();
    }

    const int firstRow = int(m_entries.size());
    beginInsertRows({}, firstRow, firstRow + int(incoming) - 1);
    m_entries.insert(m_entries.end(), std::make_move_iterator(first), std::make_move_iterator(entries.end()));
    endInsertRows();
}

void ActivityLogModel::clear()
{
    if (m_entries.empty())
        return;
    beginRemoveRows({}, 0, int(m_entries.size()) - 1);
    m_entries.clear();
    endRemoveRows();
}

} // namespace sms::models
