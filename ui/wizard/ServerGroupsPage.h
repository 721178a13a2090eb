#pragma once
// The wizard's groups page: the chosen servers arranged into server groups
// (GroupArrangement), with buttons to add, rename and remove groups and to
// move servers, a launch order per group, and proposals that arrange the
// servers by VM folder or by a name pattern (checked as it is typed).
// Entering the page again after the choice of servers changed keeps the
// groups: only the servers that left or came are taken out or added.

#include "ui/wizard/CheckedWizardPage.h"

#include "models/PlanDocument.h"

class QComboBox;
class QGroupBox;
class QLabel;
class QLineEdit;
class QPushButton;
class QRadioButton;

namespace sms::ui {

class GroupArrangement;
class ServerChoicePage;

class ServerGroupsPage : public CheckedWizardPage
{
    Q_OBJECT

public:
    ServerGroupsPage(const models::PlanDocument &document, const ServerChoicePage &servers,
                     QWidget *parent = nullptr);

    void initializePage() override;
    QString problem() const override;
    std::vector<models::PlanServerGroup> groups() const;

    // Replaces the groups with a proposal: by folder, or by the pattern when
    // it is usable (returns false, with the reason shown, when it is not).
    bool proposeByFolder();
    bool proposeByPattern();
    // Why the pattern cannot propose groups, or empty.
    QString patternProblem() const;

    GroupArrangement *arrangement() const { return m_arrangement; }
    QLineEdit *patternEdit() const { return m_pattern; }
    QLabel *patternError() const { return m_patternError; }
    QLabel *noticeLabel() const { return m_notice; }
    QComboBox *moveTarget() const { return m_moveTarget; }
    QPushButton *moveButton() const { return m_move; }

protected:
    void retranslate() override;

private:
    void propose(std::vector<models::PlanServerGroup> groups, const QString &how);
    void refreshControls();
    void showPatternProblem();
    void moveSelectedServers();
    void removeSelectedGroups();
    void renameCurrentGroup();

    const models::PlanDocument &m_document;
    const ServerChoicePage &m_servers;
    QLabel *m_hint;
    GroupArrangement *m_arrangement;
    QPushButton *m_addGroup;
    QPushButton *m_renameGroup;
    QPushButton *m_removeGroup;
    QLabel *m_moveLabel;
    QComboBox *m_moveTarget;
    QPushButton *m_move;
    QGroupBox *m_proposals;
    QRadioButton *m_byFolder;
    QRadioButton *m_byPattern;
    QLineEdit *m_pattern;
    QLabel *m_patternError;
    QPushButton *m_propose;
    QLabel *m_notice;
};

} // namespace sms::ui
