#pragma once
// ApplicationSettingsDialog: an application's replication and launch
// settings and its groups' launch order, as the plan holds them
// (models/PlanTypes.h). For each kind the user says what the plan does with
// the endpoint's: leave them (not managed by this plan), set them to the
// ones shown, or remove them. The caller puts the result into the plan as
// one undo step (PlanEditor::editApplicationSettings).
//
// Beside the plan's, it shows what the endpoint has now: given a client
// (readEndpointSettings), it reads the application's configurations in the
// background and sums them up under each kind's menu; choosing "Set them to
// these" when the plan has none of that kind starts from the endpoint's. The
// read is the dialog's child, so closing the dialog cancels it.

#include "models/PlanTypes.h"
#include "services/EndpointSettingsReader.h"

#include <QDialog>

#include <optional>
#include <vector>

class QComboBox;
class QDialogButtonBox;
class QLabel;
class QTableWidget;
class QTabWidget;

namespace sms::client {
class SmsClient;
} // namespace sms::client

namespace sms::ui {

class LaunchSettingsEdit;
class ReplicationSettingsEdit;
class ValidationSettingsEdit;

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

    // Shows the endpoint's settings of the application: read through
    // `client` when it has an appId, else why there are none to show
    // (`client` nullptr: not connected). `client` must outlive the dialog.
    void readEndpointSettings(client::SmsClient *client);
    // What the endpoint has, under each kind's menu.
    QLabel *replicationEndpointLabel() const { return m_replicationEndpoint; }
    QLabel *launchEndpointLabel() const { return m_launchEndpoint; }
    ValidationSettingsEdit *validationEdit() const { return m_validation; }

protected:
    void changeEvent(QEvent *event) override;

private:
    QWidget *replicationTab();
    QWidget *launchTab();
    void fillLaunchOrders();
    Management management(const QComboBox *box) const;
    void retranslate();
    void recheck();
    // Where the endpoint's settings stand.
    enum class EndpointState { NotAsked, Offline, NotCreated, Reading, Read, Gone, Failed };
    void onEndpointRead(services::EndpointSettingsRead read);
    void showEndpoint();
    QString endpointStatusText() const;
    QString launchOrdersText() const;
    // A kind switched to Set with nothing of the plan's starts from the endpoint's.
    void startFromEndpoint();

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
    ValidationSettingsEdit *m_validation;
    QLabel *m_problem;
    QDialogButtonBox *m_buttons;
    QLabel *m_replicationEndpoint;
    QLabel *m_launchEndpoint;
    EndpointState m_endpointState = EndpointState::NotAsked;
    std::optional<services::EndpointSettings> m_endpoint;
    QString m_endpointError;
    // The fields still show what the dialog put there, so the endpoint's may replace them.
    bool m_replicationUntouched;
    bool m_launchUntouched;
    bool m_prefilling = false;
};

} // namespace sms::ui
