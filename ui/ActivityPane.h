#pragma once
// ActivityPane: the API calls of this session, for a dock. It shows the
// ActivityLogModel (newest at the bottom, capped), can show errors only,
// copies request ids and rows, and follows the newest call unless the user
// has scrolled up to read an older one.

#include "client/CallRecord.h"
#include "models/ActivityLogModel.h"

#include <QWidget>

class QAction;
class QCheckBox;
class QSortFilterProxyModel;
class QToolButton;
class QTreeView;

namespace sms::ui {

// A finished call as a log entry: errors in plain words (services::plainWords).
models::ActivityEntry activityEntryOf(const client::CallRecord &record);

class ActivityPane : public QWidget
{
    Q_OBJECT

public:
    explicit ActivityPane(QWidget *parent = nullptr);

    const models::ActivityLogModel &log() const { return m_log; }
    bool errorsOnly() const;

public Q_SLOTS:
    // Connect SmsClient::callFinished here.
    void record(const sms::client::CallRecord &call);
    void setErrorsOnly(bool on);
    void clear();

protected:
    void changeEvent(QEvent *event) override;

private:
    void retranslate();
    void setInitialColumnWidths();
    void showContextMenu(const QPoint &position);
    void copySelectedRows() const;
    void copyRequestId() const;
    std::vector<int> selectedLogRows() const; // rows of m_log, oldest first
    void followNewest(int maximum);

    models::ActivityLogModel m_log;
    QSortFilterProxyModel *m_errorsFilter;
    QCheckBox *m_errorsOnly;
    QToolButton *m_clear;
    QTreeView *m_view;
    QAction *m_copyRows;
    QAction *m_copyRequestId;
    bool m_following = true; // the view shows the newest row: keep it so
};

} // namespace sms::ui
