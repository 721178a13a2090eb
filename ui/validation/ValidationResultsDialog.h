#pragma once
// ValidationResultsDialog: what became of an endpoint application's
// validations (GetAppValidationOutput through services/ValidationOutputs):
// each validation's name, what it checks, status, message and when it last
// ran, as SMS or a server-side script (NotifyAppValidationOutput) reported
// it. Refresh reads again; the read is the dialog's, so closing it cancels
// the read.

#include "client/SmsCall.h"
#include "models/ValidationOutputsModel.h"
#include "services/ValidationOutputs.h"

#include <QDialog>

#include <string>

class QDialogButtonBox;
class QLabel;
class QPushButton;
class QTableView;

namespace sms::services {
class EndpointSession;
}

namespace sms::ui {

class ValidationResultsDialog : public QDialog
{
    Q_OBJECT

public:
    // `session` must outlive the dialog; it is read at each refresh, so a
    // reconnect is followed.
    ValidationResultsDialog(services::EndpointSession &session, std::string appId, QString appName,
                            QWidget *parent = nullptr);

    void refresh();
    QTableView *view() const { return m_view; }
    QLabel *statusLabel() const { return m_status; }
    QPushButton *refreshButton() const { return m_refresh; }
    const models::ValidationOutputsModel &model() const { return m_model; }

protected:
    void changeEvent(QEvent *event) override;

private:
    void onRead(services::ValidationOutputsRead read);
    void retranslate();
    void showState();

    enum class State { Reading, Read, Offline, Failed };

    services::EndpointSession &m_session;
    std::string m_appId;
    QString m_appName;
    models::ValidationOutputsModel m_model;
    QLabel *m_heading;
    QTableView *m_view;
    QLabel *m_status;
    QDialogButtonBox *m_buttons;
    QPushButton *m_refresh;
    client::CallHandle m_call;
    State m_state = State::Reading;
    QString m_error;
};

} // namespace sms::ui
