#include "ui/NewApplicationWizard.h"

#include "ui/wizard/ApplicationDetailsPage.h"
#include "ui/wizard/ApplicationDraft.h"
#include "ui/wizard/ApplicationReviewPage.h"
#include "ui/wizard/LaunchSettingsPage.h"
#include "ui/wizard/ReplicationSettingsPage.h"
#include "ui/wizard/ServerChoicePage.h"
#include "ui/wizard/ServerGroupsPage.h"
#include "ui/wizard/WizardStepList.h"

#include <QEvent>
#include <QScreen>

#include <numeric>

namespace sms::ui {

NewApplicationWizard::NewApplicationWizard(models::PlanDocument &document, QWidget *parent)
    : QWizard(parent)
    , m_document(document)
    , m_catalog(document)
    , m_details(new ApplicationDetailsPage(document, this))
    , m_servers(new ServerChoicePage(m_catalog, this))
    , m_groups(new ServerGroupsPage(document, *m_servers, this))
    , m_replication(new ReplicationSettingsPage(this))
    , m_launch(new LaunchSettingsPage(this))
    , m_review(new ApplicationReviewPage(document, [this] { return draft(); }, this))
{
    setObjectName(QStringLiteral("newApplicationWizard"));
    setPage(DetailsPageId, m_details);
    setPage(ServersPageId, m_servers);
    setPage(GroupsPageId, m_groups);
    setPage(ReplicationPageId, m_replication);
    setPage(LaunchPageId, m_launch);
    setPage(ReviewPageId, m_review);
    setOption(QWizard::NoBackButtonOnStartPage);
    setWizardStyle(QWizard::ModernStyle);
    m_steps = new WizardStepList(this);
    // The catalog and group views want room; below this their columns clip.
    setMinimumSize(960, 680);
    resize(QSize(1280, 860).boundedTo(screen()->availableGeometry().size()));  // Next stays on a 768-line screen
    retranslate();
}

NewApplicationWizard::~NewApplicationWizard() = default;

void NewApplicationWizard::retranslate()
{
    setWindowTitle(tr("New Application"));
}

void NewApplicationWizard::changeEvent(QEvent *event)
{
    if (event->type() == QEvent::LanguageChange)
        retranslate();
    QWizard::changeEvent(event);
}

void NewApplicationWizard::chooseServers(const std::vector<std::string> &serverIds)
{
    m_servers->choose(serverIds);
}

models::PlanApplication NewApplicationWizard::draft() const
{
    const models::ApplicationFields fields = m_details->fields();
    models::PlanApplication app;
    app.name = fields.name;
    app.description = fields.description;
    app.roleName = fields.roleName;
    app.tags = fields.tags;
    app.serverGroups = m_groups->groups();
    app.settings.replication = m_replication->replication();
    m_launch->applyTo(app.settings);
    return app;
}

bool NewApplicationWizard::applyRequested() const
{
    return m_review->applyNow();
}

void NewApplicationWizard::accept()
{
    // Finish is only on the review page, and only while it finds no error;
    // a programmatic accept() is held to the same.
    if (currentId() != ReviewPageId || !m_review->isComplete() || m_created != models::kNoKey)
        return;
    models::PlanApplication app = draft();
    const int servers = std::accumulate(app.serverGroups.begin(), app.serverGroups.end(), 0,
                                        [](int sum, const models::PlanServerGroup &g) { return sum + int(g.serverIds.size()); });
    const QString undoText = tr("New application \u201C%1\u201D with %n server(s)", nullptr, servers)
                                 .arg(QString::fromStdString(app.name));
    m_created = addApplication(m_document, std::move(app), undoText);
    QWizard::accept();
}

} // namespace sms::ui
