#pragma once
// PropertiesPane: the details of what is selected, in the Properties dock.
// An application's name, description, IAM role and tags are edited here, a
// server group's name too; each committed change is one PlanEditor call, so
// one undo step. Everything else (endpoint ids, counts, a server's catalog
// entry) is shown read-only. The pane follows the document: a change to the
// shown item, an undo or a reset refreshes it, and a deleted item clears it.
//
// The forms are private classes of PropertiesPane.cpp; the pane only picks
// the one that fits the selection and tells it when the document changed.

#include "models/PlanTypes.h"

#include <string>
#include <vector>

#include <QPointer>
#include <QTimer>
#include <QWidget>

class QLabel;
class QScrollArea;

namespace sms::models {
class PlanEditor;
}

namespace sms::ui {

class ApplicationForm;
class GroupForm;
class ServerForm;
class SettingsEditor;

class PropertiesPane : public QWidget
{
    Q_OBJECT

public:
    enum class Showing { Hint, Summary, Application, Group, Server };

    explicit PropertiesPane(models::PlanEditor &editor, QWidget *parent = nullptr);
    ~PropertiesPane() override;

    void showApplication(models::PlanKey application);
    void showGroup(models::PlanKey group);
    void showServer(const QString &serverId);
    // Several items are selected: a summary line, and the settings editor
    // over `serverIds` (the servers among them and in the groups among them).
    void showSelectionSummary(int applications, int groups, int servers, std::vector<std::string> serverIds = {});
    SettingsEditor *settingsEditor() const { return m_settings; }
    // Nothing is selected: a hint on what the pane is for.
    void clear();

    Showing showing() const { return m_showing; }

protected:
    void changeEvent(QEvent *event) override;

private:
    void showMessage(Showing kind);
    void showForm(Showing kind);
    QString messageText() const;
    // Document signals arrive in bursts and mid-command (a moved group is
    // removed, then inserted again): one refresh after the burst sees the end state.
    void scheduleRefresh();
    void refresh();

    // A main window destroys its editor (a value member) before its docks.
    QPointer<models::PlanEditor> m_editor;
    Showing m_showing = Showing::Hint;
    struct Summary
    {
        int applications = 0;
        int groups = 0;
        int servers = 0;
    } m_summary;
    bool m_bulkEdit = false;  // the summary's selection has servers to edit the settings of
    QTimer m_refreshTimer;
    QScrollArea *m_scroll;
    QWidget *m_content;
    QLabel *m_message;
    ApplicationForm *m_applicationForm;
    GroupForm *m_groupForm;
    ServerForm *m_serverForm;
    SettingsEditor *m_settings;  // below the form: the selection's launch and replication settings
};

} // namespace sms::ui
