#pragma once
// ValidationSettingsEdit: the Validation tab of Application Settings. What
// the plan does with the endpoint's validation configuration (leave it, set
// it to these, remove it), the application's SSM validations (name, SSM
// document in S3 or a command, instance, script type, timeout, output
// bucket) and its servers' user-data scripts (server, name, script in S3,
// script type), a row each. The plan checks (models/ValidationChecks.h)
// run on every change and the first problem is shown under the tables.

#include "models/PlanTypes.h"

#include <QWidget>

class QComboBox;
class QLabel;
class QPushButton;
class QTableWidget;

namespace sms::ui {

class ValidationSettingsEdit : public QWidget
{
    Q_OBJECT

public:
    enum AppColumn { AppName, Instance, AppScriptType, DocumentBucket, DocumentKey, Command, Timeout, OutputBucket,
                     AppColumns };
    enum ServerColumn { Server, ServerName, ScriptBucket, ScriptKey, ServerScriptType, ServerColumns };

    // `app` gives the servers a script can check and the settings to start from.
    explicit ValidationSettingsEdit(const models::PlanApplication &app, QWidget *parent = nullptr);

    // Sets `validation` and `removeValidation` of `settings` as the tab says.
    void applyTo(models::ApplicationSettings &settings) const;
    // The first of the plan checks' messages for these settings; empty when none.
    QString problem() const;

    QComboBox *modeBox() const { return m_mode; }
    QTableWidget *appTable() const { return m_apps; }
    QTableWidget *serverTable() const { return m_servers; }
    QPushButton *addAppButton() const { return m_addApp; }
    QPushButton *addServerButton() const { return m_addServer; }

Q_SIGNALS:
    void changed();

protected:
    void changeEvent(QEvent *event) override;

private:
    void addAppRow(const api::AppValidationConfiguration &validation);
    void addServerRow(const models::PlanServerValidation &validation);
    QComboBox *scriptTypeBox(const std::optional<api::OpenEnum<api::ScriptType>> &type);
    models::AppValidationSettings validation() const;
    void retranslate();
    void updateEnabled();

    models::PlanApplication m_app;
    QLabel *m_modeLabel;
    QComboBox *m_mode;
    QLabel *m_appsLabel;
    QTableWidget *m_apps;
    QPushButton *m_addApp;
    QPushButton *m_removeApp;
    QLabel *m_serversLabel;
    QTableWidget *m_servers;
    QPushButton *m_addServer;
    QPushButton *m_removeServer;
    QLabel *m_note;
};

} // namespace sms::ui
