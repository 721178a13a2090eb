#pragma once
// ActivityLogModel: the API calls this session made, oldest first, for the
// Activity pane. Entries arrive in batches (one beginInsertRows each); the
// log keeps the newest `capacity` entries and drops the oldest in one
// beginRemoveRows, so a long session costs bounded memory.
//
// Its entry is its own: models do not depend on client/, so the ui turns a
// client::CallRecord into an ActivityEntry.

#include <QAbstractTableModel>
#include <QDateTime>
#include <QString>

#include <deque>
#include <vector>

namespace sms::models {

struct ActivityEntry
{
    QDateTime started;
    QString operation;
    qint64 durationMs = 0;
    int attempts = 0;
    int httpStatus = 0;  // of the last attempt; 0 when none answered
    QString requestId;
    QString errorCode;   // empty on success
    QString message;     // plain words for the user; empty on success

    bool succeeded() const { return errorCode.isEmpty(); }
};

class ActivityLogModel : public QAbstractTableModel
{
    Q_OBJECT

public:
    enum Column { Time, Operation, Duration, Outcome, Attempts, RequestId, Message, ColumnCount };
    enum Role {
        RawRole = Qt::UserRole, // the cell's raw value: QDateTime, qint64, int or QString
        SucceededRole,          // bool, on every column
        ErrorCodeRole,          // QString, empty on success, on every column
        HttpStatusRole,         // int, on every column
    };

    static constexpr int kDefaultCapacity = 5000;

    explicit ActivityLogModel(QObject *parent = nullptr, int capacity = kDefaultCapacity);

    int rowCount(const QModelIndex &parent = {}) const override;
    int columnCount(const QModelIndex &parent = {}) const override;
    QVariant data(const QModelIndex &index, int role = Qt::DisplayRole) const override;
    QVariant headerData(int section, Qt::Orientation orientation, int role = Qt::DisplayRole) const override;

    void append(ActivityEntry entry);
    // One insertion (and at most one removal) however many entries there are.
    void append(std::vector<ActivityEntry> entries);
    void clear();

    int capacity() const { return m_capacity; }
    const ActivityEntry &entry(int row) const { return m_entries[std::size_t(row)]; }

    // What the cells show, for copying rows as text.
    static QString text(const ActivityEntry &entry, int column);

private:
    QVariant raw(const ActivityEntry &entry, int column) const;
    QString toolTip(const ActivityEntry &entry, int column) const;

    std::deque<ActivityEntry> m_entries; // oldest first: drops at the front are cheap
    int m_capacity;
};

} // namespace sms::models
