#pragma once
// NewApplicationWizard: walks a user through creating an application in the
// open plan: its details, its servers (from the plan's catalog, with the
// Catalog pane's filters), their server groups and launch order, replication
// and launch settings, then a review with the plan's checks. Finish adds the
// application as one undo step; the pages live in ui/wizard/.
//
//     NewApplicationWizard wizard(document, this);
//     wizard.chooseServers(selectedIds);            // optional head start
//     if (wizard.exec() == QDialog::Accepted) {
//         select(wizard.createdApplication());
//         if (wizard.applyRequested()) apply(...);
//     }

#include "models/CatalogTableModel.h"
#include "models/PlanDocument.h"

#include <QWizard>

namespace sms::ui {

class ApplicationDetailsPage;
class ApplicationReviewPage;
class LaunchSettingsPage;
class ReplicationSettingsPage;
class ServerChoicePage;
class ServerGroupsPage;
class WizardStepList;

class NewApplicationWizard : public QWizard
{
    Q_OBJECT

public:
    enum PageId { DetailsPageId, ServersPageId, GroupsPageId, ReplicationPageId, LaunchPageId, ReviewPageId };

    explicit NewApplicationWizard(models::PlanDocument &document, QWidget *parent = nullptr);
    ~NewApplicationWizard() override;

    // Starts with these servers chosen, e.g. the catalog's selection.
    void chooseServers(const std::vector<std::string> &serverIds);
    // The application as the pages describe it now (no keys yet).
    models::PlanApplication draft() const;

    // After Finish: the new application's key (kNoKey until then, and after Cancel).
    models::PlanKey createdApplication() const { return m_created; }
    // After Finish: whether the user asked to apply the application to the endpoint now.
    bool applyRequested() const;

    // Finish: adds the application, when the review page has no errors.
    void accept() override;

    ApplicationDetailsPage *detailsPage() const { return m_details; }
    ServerChoicePage *serversPage() const { return m_servers; }
    ServerGroupsPage *groupsPage() const { return m_groups; }
    ReplicationSettingsPage *replicationPage() const { return m_replication; }
    LaunchSettingsPage *launchPage() const { return m_launch; }
    ApplicationReviewPage *reviewPage() const { return m_review; }
    WizardStepList *stepList() const { return m_steps; }

protected:
    void changeEvent(QEvent *event) override;

private:
    void retranslate();

    models::PlanDocument &m_document;
    models::CatalogTableModel m_catalog;
    ApplicationDetailsPage *m_details;
    ServerChoicePage *m_servers;
    ServerGroupsPage *m_groups;
    ReplicationSettingsPage *m_replication;
    LaunchSettingsPage *m_launch;
    ApplicationReviewPage *m_review;
    WizardStepList *m_steps = nullptr;
    models::PlanKey m_created = models::kNoKey;
};

} // namespace sms::ui
