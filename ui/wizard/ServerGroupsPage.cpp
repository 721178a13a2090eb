#include "ui/wizard/ServerGroupsPage.h"

#include "ui/wizard/GroupArrangement.h"
#include "ui/wizard/GroupProposals.h"
#include "ui/wizard/ServerChoicePage.h"

#include <QComboBox>
#include <QGridLayout>
#include <QGroupBox>
#include <QHBoxLayout>
#include <QLabel>
#include <QLineEdit>
#include <QPushButton>
#include <QRadioButton>
#include <QRegularExpression>
#include <QVBoxLayout>

namespace sms::ui {

ServerGroupsPage::ServerGroupsPage(const models::PlanDocument &document, const ServerChoicePage &servers,
                                   QWidget *parent)
    : CheckedWizardPage(parent)
    , m_document(document)
    , m_servers(servers)
    , m_hint(new QLabel(this))
    , m_arrangement(new GroupArrangement(document, this))
    , m_addGroup(new QPushButton(this))
    , m_renameGroup(new QPushButton(this))
    , m_removeGroup(new QPushButton(this))
    , m_moveLabel(new QLabel(this))
    , m_moveTarget(new QComboBox(this))
    , m_move(new QPushButton(this))
    , m_proposals(new QGroupBox(this))
    , m_byFolder(new QRadioButton(m_proposals))
    , m_byPattern(new QRadioButton(m_proposals))
    , m_pattern(new QLineEdit(QStringLiteral("^(\\w+)-"), m_proposals))
    , m_patternError(newProblemLabel(m_proposals))
    , m_propose(new QPushButton(m_proposals))
    , m_notice(new QLabel(this))
{
    m_arrangement->setObjectName(QStringLiteral("groupArrangement"));
    m_pattern->setObjectName(QStringLiteral("patternEdit"));
    m_patternError->setObjectName(QStringLiteral("patternError"));
    m_notice->setObjectName(QStringLiteral("groupsNotice"));
    m_propose->setObjectName(QStringLiteral("proposeButton"));
    m_removeGroup->setObjectName(QStringLiteral("removeGroupButton"));
    m_hint->setWordWrap(true);
    m_notice->setWordWrap(true);
    m_moveLabel->setBuddy(m_moveTarget);
    m_moveTarget->setSizeAdjustPolicy(QComboBox::AdjustToMinimumContentsLengthWithIcon);
    m_moveTarget->setMinimumContentsLength(14);
    m_byFolder->setChecked(true);
    m_patternError->hide();

    auto *buttons = new QVBoxLayout;
    buttons->addWidget(m_addGroup);
    buttons->addWidget(m_renameGroup);
    buttons->addWidget(m_removeGroup);
    buttons->addSpacing(16);
    buttons->addWidget(m_moveLabel);
    buttons->addWidget(m_moveTarget);
    buttons->addWidget(m_move);
    buttons->addStretch();
    auto *arrange = new QHBoxLayout;
    arrange->addWidget(m_arrangement, 1);
    arrange->addLayout(buttons);

    auto *proposals = new QGridLayout(m_proposals);
    proposals->addWidget(m_byFolder, 0, 0, 1, 2);  // its long label must not widen the radio column
    proposals->addWidget(m_propose, 0, 2);
    proposals->addWidget(m_byPattern, 1, 0);
    proposals->addWidget(m_pattern, 1, 1);
    proposals->addWidget(m_patternError, 2, 1, 1, 2);
    proposals->setColumnStretch(1, 1);

    body()->addWidget(m_hint);
    body()->addLayout(arrange, 1);
    body()->addWidget(m_proposals);
    body()->addWidget(m_notice);

    connect(m_arrangement, &GroupArrangement::arrangementChanged, this, &ServerGroupsPage::refreshControls);
    connect(m_arrangement, &QTreeWidget::itemSelectionChanged, this, &ServerGroupsPage::refreshControls);
    connect(m_arrangement, &QTreeWidget::currentItemChanged, this, &ServerGroupsPage::refreshControls);
    connect(m_addGroup, &QPushButton::clicked, this, [this] {
        const int row = m_arrangement->addGroup();
        m_arrangement->setCurrentItem(m_arrangement->topLevelItem(row));
        renameCurrentGroup();
    });
    connect(m_renameGroup, &QPushButton::clicked, this, &ServerGroupsPage::renameCurrentGroup);
    connect(m_removeGroup, &QPushButton::clicked, this, &ServerGroupsPage::removeSelectedGroups);
    connect(m_move, &QPushButton::clicked, this, &ServerGroupsPage::moveSelectedServers);
    connect(m_byFolder, &QRadioButton::toggled, this, &ServerGroupsPage::showPatternProblem);
    connect(m_pattern, &QLineEdit::textChanged, this, &ServerGroupsPage::showPatternProblem);
    connect(m_pattern, &QLineEdit::textEdited, this, [this] { m_byPattern->setChecked(true); });
    connect(m_propose, &QPushButton::clicked, this,
            [this] { m_byFolder->isChecked() ? proposeByFolder() : proposeByPattern(); });
    retranslate();
    refreshControls();
}

void ServerGroupsPage::retranslate()
{
    setTitle(tr("Server groups"));
    setSubTitle(tr("Arrange the servers into groups that launch together, and set the order the groups launch in."));
    m_hint->setText(tr("Drag servers from group to group, or select them and use Move. Double-click a group, or"
                       " press F2, to rename it. A group with a lower launch order launches first; groups with the"
                       " same number launch together."));
    m_addGroup->setText(tr("Add &Group"));
    m_renameGroup->setText(tr("&Rename Group"));
    m_removeGroup->setText(tr("Remo&ve Group"));
    m_removeGroup->setToolTip(tr("Its servers go to the first group that stays."));
    m_moveLabel->setText(tr("Move selected servers &to:"));
    m_move->setText(tr("&Move"));
    m_proposals->setTitle(tr("Propose groups"));
    m_byFolder->setText(tr("By VM &folder (the folder of each VM's path)"));
    m_byPattern->setText(tr("By name &pattern:"));
    m_pattern->setToolTip(tr("A regular expression with one capture group: servers whose VM names give the same"
                             " captured text form a group."));
    m_propose->setText(tr("Propo&se Groups"));
    m_propose->setToolTip(tr("Replaces the groups above with the proposal."));
    m_arrangement->retranslate();
    showPatternProblem();
}

void ServerGroupsPage::initializePage()
{
    const QString fresh = m_arrangement->syncServers(m_servers.chosenServerIds());
    if (fresh.isEmpty())
        m_notice->clear();
    else if (m_arrangement->groupCount() == 1)
        m_notice->setText(tr("All chosen servers are in \u201C%1\u201D. Drag them into groups of their own, or let"
                             " the planner propose groups.")
                              .arg(fresh));
    else
        m_notice->setText(tr("The servers chosen since you were last here are in the new group \u201C%1\u201D: drag"
                             " them where they belong.")
                              .arg(fresh));
}

QString ServerGroupsPage::problem() const
{
    QStringList empty;
    for (const models::PlanServerGroup &group : groups()) {
        if (group.serverIds.empty())
            empty << QStringLiteral("\u201C%1\u201D").arg(QString::fromStdString(group.name));
    }
    if (m_arrangement->groupCount() == 0)
        return tr("Add a group for the servers.");
    if (empty.size() == 1)
        return tr("Empty groups are not allowed: %1 has no servers. Move servers into it or remove it.")
            .arg(empty.front());
    if (!empty.isEmpty())
        return tr("Empty groups are not allowed: %1 have no servers. Move servers into them or remove them.")
            .arg(empty.join(QStringLiteral(", ")));
    return {};
}

std::vector<models::PlanServerGroup> ServerGroupsPage::groups() const
{
    return m_arrangement->groups();
}

QString ServerGroupsPage::patternProblem() const
{
    const QRegularExpression pattern(m_pattern->text());
    if (m_pattern->text().isEmpty())
        return tr("Type a pattern with one capture group, e.g. ^(\\w+)-");
    if (!pattern.isValid())
        return tr("The pattern is not a valid regular expression: %1 (at character %2).")
            .arg(pattern.errorString())
            .arg(pattern.patternErrorOffset() + 1);
    if (pattern.captureCount() != 1)
        return tr("The pattern needs exactly one capture group in parentheses, e.g. ^(\\w+)-; it has %1.")
            .arg(pattern.captureCount());
    return {};
}

bool ServerGroupsPage::proposeByFolder()
{
    m_byFolder->setChecked(true);
    auto groups = groupsByFolder(m_document, m_servers.chosenServerIds(), tr("No folder"));
    const int count = int(groups.size());
    propose(std::move(groups), tr("%n group(s) proposed by VM folder.", nullptr, count));
    return true;
}

bool ServerGroupsPage::proposeByPattern()
{
    m_byPattern->setChecked(true);
    if (!patternProblem().isEmpty())
        return false;
    auto groups = groupsByPattern(m_document, m_servers.chosenServerIds(), QRegularExpression(m_pattern->text()),
                                  tr("Not matched"));
    const int count = int(groups.size());
    propose(std::move(groups), tr("%n group(s) proposed by the name pattern.", nullptr, count));
    return true;
}

void ServerGroupsPage::propose(std::vector<models::PlanServerGroup> groups, const QString &how)
{
    m_arrangement->setGroups(groups);
    m_notice->setText(how + QLatin1Char(' ') + tr("Drag servers between them, or rename them, as you need."));
}

void ServerGroupsPage::showPatternProblem()
{
    const QString reason = m_byPattern->isChecked() ? patternProblem() : QString();
    m_patternError->setText(reason);
    m_patternError->setVisible(!reason.isEmpty());
    m_propose->setEnabled(reason.isEmpty());
}

void ServerGroupsPage::refreshControls()
{
    const QTreeWidgetItem *current = m_arrangement->currentItem();
    m_renameGroup->setEnabled(current != nullptr);
    m_removeGroup->setEnabled(!m_arrangement->selectedGroupRows().empty());
    const int target = m_moveTarget->currentIndex();
    m_moveTarget->clear();
    for (int row = 0; row < m_arrangement->groupCount(); ++row)
        m_moveTarget->addItem(m_arrangement->topLevelItem(row)->text(GroupArrangement::NameColumn));
    m_moveTarget->setCurrentIndex(std::clamp(target, 0, m_moveTarget->count() - 1));
    m_move->setEnabled(!m_arrangement->selectedServerIds().empty() && m_moveTarget->count() > 0);
    recheck();
}

void ServerGroupsPage::moveSelectedServers()
{
    m_arrangement->moveServers(m_arrangement->selectedServerIds(), m_moveTarget->currentIndex());
}

void ServerGroupsPage::removeSelectedGroups()
{
    const QString home = m_arrangement->removeGroups(m_arrangement->selectedGroupRows());
    if (!home.isEmpty())
        m_notice->setText(tr("The servers of the removed groups are now in \u201C%1\u201D.").arg(home));
}

void ServerGroupsPage::renameCurrentGroup()
{
    QTreeWidgetItem *item = m_arrangement->currentItem();
    if (!item)
        return;
    QTreeWidgetItem *group = item->parent() ? item->parent() : item;
    m_arrangement->setCurrentItem(group);
    m_arrangement->editItem(group, GroupArrangement::NameColumn);
}

} // namespace sms::ui
