#pragma once
// SettingsEditor: the launch and replication settings of what is selected,
// field by field (issue 14). For one server, a server group (all its
// servers) or servers picked across groups it edits the servers' own
// settings as one (models/BulkSettings.h): a field shows the servers' value,
// or "Mixed" where they differ, and a field left alone keeps each server's
// own. For an application it edits the application's settings, the
// defaults every server starts from. Each field says where its value comes
// from and can go back to the application's (a reset), and flags what the
// launch would refuse before any apply (models/LaunchFieldChecks.h). Every
// change is one PlanEditor call, so one undo step however many servers.

#include "models/PlanTypes.h"
#include "ui/settings/SettingFields.h"

#include <QPointer>
#include <QTimer>
#include <QWidget>

#include <string>
#include <vector>

class QGroupBox;
class QFormLayout;
class QLabel;
class QPushButton;

namespace sms::models {
class PlanEditor;
}

namespace sms::ui {

class SettingFieldRow;

class SettingsEditor : public QWidget
{
    Q_OBJECT

public:
    explicit SettingsEditor(models::PlanEditor &editor, QWidget *parent = nullptr);

    // Servers by id; those in no application are left out (settings there have no effect).
    void showServers(std::vector<std::string> serverIds);
    void showGroup(models::PlanKey group);
    void showApplication(models::PlanKey application);

    // The servers edited now (for an application, its servers).
    std::vector<std::string> servers() const;
    SettingFieldRow *row(SettingKind kind, const char *member) const;

protected:
    void changeEvent(QEvent *event) override;
    void showEvent(QShowEvent *event) override;

private:
    enum class Scope { Servers, Group, Application };

    void showScope(Scope scope, models::PlanKey key, std::vector<std::string> serverIds);
    void retranslate();
    void scheduleRefresh();
    void refresh();
    void refreshServers();
    void refreshApplication(const models::PlanApplication &app);
    QString heading() const;
    // The value `text` for every server (or the application); nullopt takes the field back to the application's.
    void commit(SettingFieldRow *row, const std::optional<QString> &text);
    void commitToApplication(const SettingField &field, const std::optional<QString> &text);
    // Why a logical ID cannot go to the servers edited: one id for many, or one another server has.
    QString logicalIdRefusal(const QString &text) const;
    // The selected servers whose logical ID another server of their application has too, in words.
    QString duplicateLogicalIds() const;
    void generateLogicalIds();
    void checkRow(SettingFieldRow *row, const std::optional<QString> &value);

    QPointer<models::PlanEditor> m_editor;
    Scope m_scope = Scope::Servers;
    models::PlanKey m_key = models::kNoKey;
    std::vector<std::string> m_chosen;  // Scope::Servers: the servers as chosen
    std::vector<std::string> m_servers;  // the planned ones edited, as of the last refresh
    QTimer m_refreshTimer;
    QLabel *m_title;
    QLabel *m_scopeText;
    QGroupBox *m_launch;
    QGroupBox *m_replication;
    QFormLayout *m_launchForm;
    QFormLayout *m_replicationForm;
    QPushButton *m_generate;
    std::vector<SettingFieldRow *> m_rows;
};

} // namespace sms::ui
