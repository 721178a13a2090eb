#pragma once
// CatalogNoMatchNotice: what the catalog table shows in its middle when the
// filters hide every server, saying so and offering to clear them, instead of
// an empty table that looks like an empty (or unread) catalog.

#include <QWidget>

class QAbstractItemView;
class QLabel;
class QPushButton;

namespace sms::ui {

class CatalogNoMatchNotice : public QWidget
{
    Q_OBJECT

public:
    // Lies over `view`'s viewport, which it follows in size.
    explicit CatalogNoMatchNotice(QAbstractItemView *view);

    // `text`: the filter text (may be empty); `otherFilters`: a manager, a
    // type or "not in any application" is set too.
    void showFor(const QString &text, bool otherFilters);
    QLabel *messageLabel() const { return m_message; }
    QPushButton *clearButton() const { return m_clear; }

Q_SIGNALS:
    void clearRequested();

protected:
    bool eventFilter(QObject *watched, QEvent *event) override;

private:
    void fitViewport();

    QAbstractItemView *m_view;
    QLabel *m_message;
    QPushButton *m_clear;
};

} // namespace sms::ui
