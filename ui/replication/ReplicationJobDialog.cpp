#include "ui/replication/ReplicationJobDialog.h"

#include "ui/settings/ReplicationSettingsEdit.h"
#include "ui/wizard/CheckedWizardPage.h"  // newProblemLabel

#include <QDialogButtonBox>
#include <QEvent>
#include <QFormLayout>
#include <QLabel>
#include <QLineEdit>
#include <QPushButton>
#include <QVBoxLayout>

namespace sms::ui {

ReplicationJobDialog::ReplicationJobDialog(Purpose purpose, const QString &serverName, QWidget *parent)
    : QDialog(parent)
    , m_purpose(purpose)
    , m_serverName(serverName)
    , m_heading(new QLabel(this))
    , m_origin(new QLabel(this))
    , m_settings(new ReplicationSettingsEdit(this))
    , m_roleLabel(new QLabel(this))
    , m_role(new QLineEdit(this))
    , m_descriptionLabel(new QLabel(this))
    , m_description(new QLineEdit(this))
    , m_problem(newProblemLabel(this))
    , m_buttons(new QDialogButtonBox(QDialogButtonBox::Ok | QDialogButtonBox::Cancel, this))
{
    setObjectName(QStringLiteral("ReplicationJobDialog"));
    m_role->setObjectName(QStringLiteral("roleEdit"));
    m_description->setObjectName(QStringLiteral("descriptionEdit"));
    m_problem->setObjectName(QStringLiteral("problemLabel"));
    m_heading->setTextFormat(Qt::PlainText);
    m_heading->setWordWrap(true);
    m_origin->setWordWrap(true);
    m_origin->setTextFormat(Qt::PlainText);
    m_origin->setForegroundRole(QPalette::PlaceholderText);
    m_settings->setForExistingJob(purpose == Purpose::Update);
    m_roleLabel->setBuddy(m_role);
    m_descriptionLabel->setBuddy(m_description);
    m_description->setMaxLength(255);  // SMS's Description shape

    auto *extra = new QFormLayout;
    extra->setFieldGrowthPolicy(QFormLayout::AllNonFixedFieldsGrow);
    extra->addRow(m_roleLabel, m_role);
    extra->addRow(m_descriptionLabel, m_description);
    auto *layout = new QVBoxLayout(this);
    layout->addWidget(m_heading);
    layout->addWidget(m_origin);
    layout->addSpacing(6);
    layout->addWidget(m_settings);
    layout->addLayout(extra);
    layout->addStretch();
    layout->addWidget(m_problem);
    layout->addWidget(m_buttons);

    connect(m_buttons, &QDialogButtonBox::accepted, this, &QDialog::accept);
    connect(m_buttons, &QDialogButtonBox::rejected, this, &QDialog::reject);
    connect(m_settings, &ReplicationSettingsEdit::changed, this, &ReplicationJobDialog::recheck);
    retranslate();
    recheck();
}

void ReplicationJobDialog::retranslate()
{
    const bool create = m_purpose == Purpose::Create;
    setWindowTitle(create ? tr("Create Replication Job") : tr("Edit Replication Job"));
    m_heading->setText(create ? tr("Replicate %1 on its own, outside any application's replication.").arg(m_serverName)
                              : tr("Change how %1 is replicated. Runs already made are kept.").arg(m_serverName));
    m_roleLabel->setText(tr("&IAM role:"));
    m_role->setPlaceholderText(tr("Optional: SMS's default role when empty, e.g. sms"));
    m_descriptionLabel->setText(tr("&Description:"));
    m_description->setPlaceholderText(tr("Optional"));
    m_buttons->button(QDialogButtonBox::Ok)->setText(create ? tr("Create Job") : tr("Save Changes"));
}

void ReplicationJobDialog::changeEvent(QEvent *event)
{
    if (event->type() == QEvent::LanguageChange)
        retranslate();
    QDialog::changeEvent(event);
}

void ReplicationJobDialog::setSettings(const api::ServerReplicationParameters &settings, const QString &origin)
{
    m_settings->setReplication(settings);
    m_origin->setText(origin);
    m_origin->setVisible(!origin.isEmpty());
    recheck();
}

void ReplicationJobDialog::setRoleName(const QString &roleName)
{
    m_role->setText(roleName);
}

void ReplicationJobDialog::setDescription(const QString &description)
{
    m_description->setText(description);
}

services::ReplicationTarget ReplicationJobDialog::target() const
{
    services::ReplicationTarget target;
    target.settings = m_settings->replication();
    target.roleName = m_role->text().trimmed().toStdString();
    target.description = m_description->text().trimmed().toStdString();
    return target;
}

QString ReplicationJobDialog::problem() const
{
    return m_settings->problem();
}

void ReplicationJobDialog::recheck()
{
    const QString text = problem();
    m_problem->setText(text);
    m_problem->setVisible(!text.isEmpty());
    m_buttons->button(QDialogButtonBox::Ok)->setEnabled(text.isEmpty());
}

} // namespace sms::ui
