#pragma once
// ApplicationSettingsDialog: an application's replication and launch
// settings and its groups' launch order, as the plan holds them
// (models/PlanTypes.h). For each kind the user says what the plan does with
// the endpoint's: leave them (not managed by this plan), set them to the
// ones shown, or remove them. The caller puts the result into the plan as
// one undo step (PlanEditor::editApplicationSettings).

#include "models/PlanTypes.h"

#include <QDialog>

#include <optional>
#include <vector>

class QComboBox;
class QDialogButtonBox;
class QLabel;
class QTableWidget;
class QTabWidget;

namespace sms::ui {

class LaunchSettingsEdit;
class ReplicationSettingsEdit;

class ApplicationSettingsDialog : public QDialog
{
    Q_OBJECT

public:
    // What the plan does with the endpoint's settings of a kind; the order of the menus.
    enum class Management { Leave, Set, Remove };

    // `serverSettings`: the plan's, to tell how many of the application's
    // servers have settings of their own.
    ApplicationSettingsDialog(const models::PlanApplication &app,
                              const std::vector<models::PlanServerSettings> &serverSettings, QWidget *parent = nullptr);

    models::ApplicationSettings settings() const;
    // One per group of the application, in its order.
    std::vector<std::optional<int>> launchOrders() const;
    // What keeps OK from being pressed, in a sentence; empty when nothing.
    QString problem() const;

protected:
    void changeEvent(QEvent *event) override;

private:
    QWidget *replicationTab();
    QWidget *launchTab();
    void fillLaunchOrders();
    Management management(const QComboBox *box) const;
    void retranslate();
    void recheck();

    models::PlanApplication m_app;
    int m_ownReplication = 0;  // servers with replication settings of their own
    int m_ownLaunch = 0;
    QLabel *m_heading;
    QTabWidget *m_tabs;
    QLabel *m_replicationModeLabel;
    QComboBox *m_replicationMode;
    ReplicationSettingsEdit *m_replication;
    QLabel *m_replicationNote;
    QLabel *m_launchModeLabel;
    QComboBox *m_launchMode;
    LaunchSettingsEdit *m_launch;
    QLabel *m_ordersLabel;
    QTableWidget *m_orders;
    QLabel *m_launchNote;
    QLabel *m_problem;
    QDialogButtonBox *m_buttons;
};

} // namespace sms::ui
