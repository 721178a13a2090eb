#include "ui/settings/SettingsEditor.h"

#include "models/BulkSettings.h"
#include "models/LogicalIds.h"
#include "models/PlanEditor.h"
#include "ui/settings/MemberText.h"
#include "ui/settings/SettingFieldRow.h"

#include <QEvent>
#include <QFormLayout>
#include <QGroupBox>
#include <QLabel>
#include <QLocale>
#include <QPushButton>
#include <QVBoxLayout>

#include <algorithm>
#include <cstring>
#include <iterator>
#include <unordered_map>
#include <unordered_set>

namespace sms::ui {
namespace {

using models::PlanKey;

bool isLogicalId(const SettingField &field)
{
    return field.kind == SettingKind::Launch && std::strcmp(field.member, "logicalId") == 0;
}

// One field of the selection, read from what the servers own and what they will be put with.
template <typename T>
FieldValues valuesOf(const models::OwnedAcross<T> &own, const models::OwnedAcross<T> &effective, const char *member)
{
    FieldValues values;
    values.ownMixed = own.mixed.count(member) > 0;
    values.own = values.ownMixed ? std::nullopt : memberText(own.common, member);
    values.effectiveMixed = effective.mixed.count(member) > 0;
    values.effective = values.effectiveMixed ? std::nullopt : memberText(effective.common, member);
    return values;
}

template <typename T>
FieldValues applicationValues(const std::optional<T> &settings, const char *member)
{
    FieldValues values;
    values.own = settings ? memberText(*settings, member) : std::nullopt;
    values.effective = values.own;
    return values;
}

} // namespace

SettingsEditor::SettingsEditor(models::PlanEditor &editor, QWidget *parent)
    : QWidget(parent)
    , m_editor(&editor)
    , m_title(new QLabel(this))
    , m_scopeText(new QLabel(this))
    , m_launch(new QGroupBox(this))
    , m_replication(new QGroupBox(this))
    , m_launchForm(new QFormLayout(m_launch))
    , m_replicationForm(new QFormLayout(m_replication))
    , m_generate(new QPushButton(this))
{
    m_title->setObjectName(QStringLiteral("settingsTitle"));
    m_scopeText->setObjectName(QStringLiteral("settingsScope"));
    m_generate->setObjectName(QStringLiteral("generateLogicalIdsButton"));
    QFont bold = m_title->font();
    bold.setBold(true);
    m_title->setFont(bold);
    m_title->setWordWrap(true);
    m_scopeText->setWordWrap(true);
    m_scopeText->setForegroundRole(QPalette::PlaceholderText);
    for (QFormLayout *form : {m_launchForm, m_replicationForm}) {
        form->setFieldGrowthPolicy(QFormLayout::AllNonFixedFieldsGrow);
        form->setRowWrapPolicy(QFormLayout::WrapLongRows);
    }

    for (const SettingField &field : settingFields()) {
        auto *row = new SettingFieldRow(field, this);
        auto *label = new QLabel(this);
        label->setBuddy(row);
        (field.kind == SettingKind::Launch ? m_launchForm : m_replicationForm)->addRow(label, row);
        connect(row, &SettingFieldRow::committed, this, [this, row](const QString &text) { commit(row, text); });
        connect(row, &SettingFieldRow::resetRequested, this, [this, row] { commit(row, std::nullopt); });
        connect(row, &SettingFieldRow::edited, this, [this, row](const QString &text) {
            // Once shown, a problem follows the typing, so it goes away when fixed.
            if (!row->problem().isEmpty())
                checkRow(row, text.trimmed().isEmpty() ? std::nullopt : std::optional(text.trimmed()));
        });
        if (isLogicalId(field))
            row->addTrailingWidget(m_generate);
        m_rows.push_back(row);
    }
    connect(m_generate, &QPushButton::clicked, this, &SettingsEditor::generateLogicalIds);

    auto *layout = new QVBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->addWidget(m_title);
    layout->addWidget(m_scopeText);
    layout->addWidget(m_launch);
    layout->addWidget(m_replication);

    m_refreshTimer.setSingleShot(true);
    m_refreshTimer.setInterval(0);
    connect(&m_refreshTimer, &QTimer::timeout, this, &SettingsEditor::refresh);
    const models::PlanDocument *document = &editor.document();
    // A bulk edit of 5,000 servers says serverSettingsChanged 5,000 times: one refresh after them.
    connect(document, &models::PlanDocument::serverSettingsChanged, this, &SettingsEditor::scheduleRefresh);
    for (auto signal : {&models::PlanDocument::applicationChanged, &models::PlanDocument::applicationRemoved})
        connect(document, signal, this, &SettingsEditor::scheduleRefresh);
    for (auto signal : {&models::PlanDocument::groupChanged, &models::PlanDocument::groupRemoved,
                        &models::PlanDocument::groupInserted, &models::PlanDocument::placementsChanged})
        connect(document, signal, this, &SettingsEditor::scheduleRefresh);
    connect(document, &models::PlanDocument::serversInserted, this, &SettingsEditor::scheduleRefresh);
    connect(document, &models::PlanDocument::serversRemoved, this, &SettingsEditor::scheduleRefresh);
    connect(document, &models::PlanDocument::resetDone, this, &SettingsEditor::scheduleRefresh);
    retranslate();
}

void SettingsEditor::showServers(std::vector<std::string> serverIds)
{
    showScope(Scope::Servers, models::kNoKey, std::move(serverIds));
}

void SettingsEditor::showGroup(PlanKey group)
{
    showScope(Scope::Group, group, {});
}

void SettingsEditor::showApplication(PlanKey application)
{
    showScope(Scope::Application, application, {});
}

void SettingsEditor::showScope(Scope scope, PlanKey key, std::vector<std::string> serverIds)
{
    const bool same = scope == m_scope && key == m_key && serverIds == m_chosen;
    m_scope = scope;
    m_key = key;
    m_chosen = std::move(serverIds);
    if (!same) {
        for (SettingFieldRow *row : m_rows)
            row->setProblem({});
    }
    refresh();
}

std::vector<std::string> SettingsEditor::servers() const
{
    return m_servers;
}

SettingFieldRow *SettingsEditor::row(SettingKind kind, const char *member) const
{
    for (SettingFieldRow *row : m_rows)
        if (row->field().kind == kind && std::strcmp(row->field().member, member) == 0)
            return row;
    return nullptr;
}

void SettingsEditor::changeEvent(QEvent *event)
{
    if (event->type() == QEvent::LanguageChange)
        retranslate();
    QWidget::changeEvent(event);
}

void SettingsEditor::retranslate()
{
    m_title->setText(tr("Launch and replication settings"));
    m_launch->setTitle(tr("Launch"));
    m_replication->setTitle(tr("Replication"));
    m_generate->setText(tr("Generate"));
    m_generate->setToolTip(tr("Give each server a logical ID from its VM name, unique in its application"));
    for (SettingFieldRow *row : m_rows) {
        QFormLayout *form = row->field().kind == SettingKind::Launch ? m_launchForm : m_replicationForm;
        if (auto *label = qobject_cast<QLabel *>(form->labelForField(row)))
            label->setText(SettingFieldTexts::label(row->field()));
        row->retranslate();
    }
    if (m_editor)
        refresh();
}

// Hidden, it waits for showEvent: a 5,000-server selection left behind costs nothing per edit.
void SettingsEditor::scheduleRefresh()
{
    if (isVisible())
        m_refreshTimer.start();
}

void SettingsEditor::showEvent(QShowEvent *event)
{
    QWidget::showEvent(event);
    refresh();
}

QString SettingsEditor::heading() const
{
    const QLocale locale;
    const int count = int(m_servers.size());
    switch (m_scope) {
    case Scope::Application:
        return tr("The application's own settings: every server starts from them, and a server's own setting "
                  "overrides them.");
    case Scope::Group:
        return tr("Every server of the group (%1): a change here becomes each server's own setting.")
            .arg(locale.toString(count));
    case Scope::Servers:
        if (count == 0)
            return tr("Put the server in an application to give it launch and replication settings.");
        if (count == 1)
            return tr("The server's own settings, over its application's.");
        return tr("%1 servers: a field changed here is set on all of them; a field left alone keeps each server's "
                  "own value.")
            .arg(locale.toString(count));
    }
    return {};
}

void SettingsEditor::refresh()
{
    m_refreshTimer.stop();
    if (!m_editor)
        return;
    const models::PlanDocument &document = m_editor->document();
    if (m_scope == Scope::Application) {
        const models::PlanPosition position = document.positionOf(m_key);
        if (!position.isValid() || position.isGroup())
            return;
        const models::PlanApplication &app = document.application(position.application);
        m_servers.clear();
        for (const models::PlanServerGroup &group : app.serverGroups)
            m_servers.insert(m_servers.end(), group.serverIds.begin(), group.serverIds.end());
        refreshApplication(app);
    } else {
        m_servers.clear();
        if (m_scope == Scope::Group) {
            const models::PlanPosition position = document.positionOf(m_key);
            if (position.isGroup())
                m_servers = document.group(position.application, position.group).serverIds;
        } else {
            for (const std::string &id : m_chosen)
                if (document.placementOf(id).isPlanned())
                    m_servers.push_back(id);
        }
        refreshServers();
    }
    m_scopeText->setText(heading());
    m_generate->setEnabled(!m_servers.empty());
}

void SettingsEditor::refreshServers()
{
    const models::PlanData &plan = m_editor->document().data();
    const auto ownLaunch = models::launchAcross(plan, m_servers);
    const auto ownReplication = models::replicationAcross(plan, m_servers);
    const auto launch = models::effectiveLaunchAcross(plan, m_servers);
    const auto replication = models::effectiveReplicationAcross(plan, m_servers);
    const bool many = m_servers.size() > 1;
    const bool none = m_servers.empty();
    m_launch->setVisible(!none);
    m_replication->setVisible(!none);
    const QString duplicates = none ? QString() : duplicateLogicalIds();

    for (SettingFieldRow *row : m_rows) {
        const SettingField &field = row->field();
        const FieldValues values = field.kind == SettingKind::Launch ? valuesOf(ownLaunch, launch, field.member)
                                                                     : valuesOf(ownReplication, replication, field.member);
        QString origin;
        if (values.ownMixed)
            origin = values.own || values.effectiveMixed || !values.effective
                         ? tr("Mixed: the servers differ; left alone, each keeps its own")
                         : tr("Mixed: some servers have their own, the others the application's");
        else if (values.own)
            origin = many ? tr("Own setting of all %1 servers").arg(QLocale().toString(qlonglong(m_servers.size())))
                          : tr("The server's own setting");
        else if (values.effectiveMixed)
            origin = tr("From their applications, which differ");
        else if (values.effective)
            origin = tr("From the application");
        else
            origin = tr("Not set: SMS's default");
        row->setEditable(true);
        row->showValues(values, origin, values.own || values.ownMixed);
        if (isLogicalId(field) && !duplicates.isEmpty() && row->problem().isEmpty())
            row->setProblem(duplicates);
        else if (!values.ownMixed && !values.effectiveMixed)
            checkRow(row, values.effective);
    }
}

void SettingsEditor::refreshApplication(const models::PlanApplication &app)
{
    m_launch->setVisible(true);
    m_replication->setVisible(true);
    for (SettingFieldRow *row : m_rows) {
        const SettingField &field = row->field();
        const FieldValues values = field.kind == SettingKind::Launch
                                       ? applicationValues(app.settings.launch, field.member)
                                       : applicationValues(app.settings.replication, field.member);
        QString origin = values.own ? tr("The application's setting") : tr("Not set: SMS's default");
        // One logical ID for every server would be a duplicate: each server has its own.
        if (isLogicalId(field))
            origin = tr("Each server has its own; Generate gives every server of the application one");
        row->setEditable(!isLogicalId(field) || values.own);
        row->showValues(values, origin, bool(values.own));
        checkRow(row, values.effective);
    }
}

void SettingsEditor::checkRow(SettingFieldRow *row, const std::optional<QString> &value)
{
    QString problem = value ? SettingFieldTexts::refusal(row->field(), *value) : QString();
    if (problem.isEmpty())
        problem = SettingFieldTexts::warning(row->field(), value);
    row->setProblem(problem);
}

void SettingsEditor::commit(SettingFieldRow *row, const std::optional<QString> &text)
{
    if (!m_editor)
        return;
    const SettingField &field = row->field();
    if (text) {
        QString refusal = SettingFieldTexts::refusal(field, *text);
        if (refusal.isEmpty() && isLogicalId(field) && m_scope != Scope::Application)
            refusal = logicalIdRefusal(text->trimmed());
        if (!refusal.isEmpty()) {
            row->setProblem(refusal);  // the text stays for the user to mend; nothing is written
            return;
        }
    }
    row->setProblem({});
    if (m_scope == Scope::Application)
        return commitToApplication(field, text);
    if (m_servers.empty())
        return;
    models::BulkSettingsEdit edit;
    const std::string member = field.member;
    if (field.kind == SettingKind::Launch) {
        if (text)
            setMemberText(edit.launch.set, field.member, *text);
        else
            edit.launch.cleared.insert(member);
    } else {
        if (text)
            setMemberText(edit.replication.set, field.member, *text);
        else
            edit.replication.cleared.insert(member);
    }
    m_editor->editServerSettings(m_servers, edit);
    scheduleRefresh();
}

void SettingsEditor::commitToApplication(const SettingField &field, const std::optional<QString> &text)
{
    const models::PlanDocument &document = m_editor->document();
    const models::PlanPosition position = document.positionOf(m_key);
    if (!position.isValid() || position.isGroup())
        return;
    const models::PlanApplication &app = document.application(position.application);
    models::ApplicationSettings settings = app.settings;
    const auto edit = [&](auto &kind) {
        auto value = kind.value_or(std::decay_t<decltype(*kind)>{});
        if (text)
            setMemberText(value, field.member, *text);
        else
            clearMember(value, field.member);
        kind = value == std::decay_t<decltype(*kind)>{} ? std::nullopt : std::optional(value);
    };
    if (field.kind == SettingKind::Launch)
        edit(settings.launch);
    else
        edit(settings.replication);
    std::vector<std::optional<int>> launchOrders;
    for (const models::PlanServerGroup &group : app.serverGroups)
        launchOrders.push_back(group.launchOrder);
    m_editor->editApplicationSettings(m_key, std::move(settings), launchOrders);
    scheduleRefresh();
}

QString SettingsEditor::logicalIdRefusal(const QString &text) const
{
    if (m_servers.size() > 1)
        return tr("One logical ID cannot go to %1 servers: each needs its own in its application. Use Generate.")
            .arg(QLocale().toString(qlonglong(m_servers.size())));
    const models::PlanDocument &document = m_editor->document();
    const std::string &serverId = m_servers.front();
    const models::PlanPosition position = document.positionOf(document.placementOf(serverId).application);
    if (!position.isValid())
        return {};
    for (const models::ServerLogicalId &other : models::logicalIdsOf(document.data(), document.application(position.application)))
        if (other.serverId != serverId && other.logicalId == text.toStdString())
            return tr("Server %1 of this application has the logical ID %2: each server needs its own.")
                .arg(QString::fromStdString(other.serverId), text);
    return {};
}

QString SettingsEditor::duplicateLogicalIds() const
{
    const models::PlanDocument &document = m_editor->document();
    const std::unordered_set<std::string_view> selected(m_servers.begin(), m_servers.end());
    std::unordered_set<PlanKey> applications;
    for (const std::string &id : m_servers)
        applications.insert(document.placementOf(id).application);
    int shared = 0;
    QString example;
    for (const PlanKey key : applications) {
        const models::PlanPosition position = document.positionOf(key);
        if (!position.isValid())
            continue;
        const auto ids = models::logicalIdsOf(document.data(), document.application(position.application));
        std::unordered_map<std::string_view, int> counts;
        for (const models::ServerLogicalId &id : ids)
            ++counts[id.logicalId];
        for (const models::ServerLogicalId &id : ids) {
            if (counts[id.logicalId] < 2 || !selected.count(id.serverId))
                continue;
            ++shared;
            if (example.isEmpty())
                example = QString::fromStdString(id.logicalId);
        }
    }
    if (shared == 0)
        return {};
    if (m_servers.size() == 1)
        return tr("Another server of the application has the logical ID %1 too: SMS refuses a launch "
                  "configuration that repeats one. Give this one its own, or use Generate.")
            .arg(example);
    return tr("%1 of these servers share a logical ID (%2, …) with another server of their application: SMS refuses "
              "that. Use Generate.")
        .arg(QLocale().toString(shared), example);
}

void SettingsEditor::generateLogicalIds()
{
    if (!m_editor || m_servers.empty())
        return;
    const models::PlanDocument &document = m_editor->document();
    // Grouped by application: ids are unique within each.
    std::vector<std::pair<PlanKey, std::vector<std::string>>> byApplication;
    for (const std::string &id : m_servers) {
        const PlanKey app = document.placementOf(id).application;
        auto found = std::find_if(byApplication.begin(), byApplication.end(),
                                  [app](const auto &entry) { return entry.first == app; });
        if (found == byApplication.end()) {
            byApplication.emplace_back(app, std::vector<std::string>{});
            found = std::prev(byApplication.end());
        }
        found->second.push_back(id);
    }
    std::vector<models::ServerSettingsEdit> edits;
    for (const auto &entry : byApplication) {
        const models::PlanPosition position = document.positionOf(entry.first);
        if (!position.isValid())
            continue;
        for (models::ServerLogicalId &id :
             models::generateLogicalIds(document.data(), document.application(position.application), entry.second)) {
            models::ServerSettingsEdit edit{std::move(id.serverId), {}};
            edit.edit.launch.set.logicalId = std::move(id.logicalId);
            edits.push_back(std::move(edit));
        }
    }
    m_editor->editEachServerSettings(edits);
    if (SettingFieldRow *logicalId = row(SettingKind::Launch, "logicalId"))
        logicalId->setProblem({});
    scheduleRefresh();
}

} // namespace sms::ui
