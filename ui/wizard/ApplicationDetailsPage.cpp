#include "ui/wizard/ApplicationDetailsPage.h"

#include "ui/wizard/TagRowsEdit.h"

#include <QFormLayout>
#include <QLabel>
#include <QLineEdit>

#include <algorithm>

namespace sms::ui {

ApplicationDetailsPage::ApplicationDetailsPage(const models::PlanDocument &document, QWidget *parent)
    : CheckedWizardPage(parent)
    , m_document(document)
    , m_name(new QLineEdit(this))
    , m_description(new QLineEdit(this))
    , m_role(new QLineEdit(this))
    , m_tags(new TagRowsEdit(this))
    , m_nameLabel(new QLabel(this))
    , m_descriptionLabel(new QLabel(this))
    , m_roleLabel(new QLabel(this))
    , m_tagsLabel(new QLabel(this))
{
    m_name->setObjectName(QStringLiteral("nameEdit"));
    m_description->setObjectName(QStringLiteral("descriptionEdit"));
    m_role->setObjectName(QStringLiteral("roleEdit"));
    m_nameLabel->setBuddy(m_name);
    m_descriptionLabel->setBuddy(m_description);
    m_roleLabel->setBuddy(m_role);
    m_tagsLabel->setBuddy(m_tags);

    auto *form = new QFormLayout;
    form->setFieldGrowthPolicy(QFormLayout::AllNonFixedFieldsGrow);
    form->addRow(m_nameLabel, m_name);
    form->addRow(m_descriptionLabel, m_description);
    form->addRow(m_roleLabel, m_role);
    form->addRow(m_tagsLabel, m_tags);
    body()->addLayout(form);
    body()->addStretch();

    for (QLineEdit *edit : {m_name, m_description, m_role})
        connect(edit, &QLineEdit::textChanged, this, &ApplicationDetailsPage::noteInput);
    connect(m_tags, &TagRowsEdit::changed, this, &ApplicationDetailsPage::noteInput);
    awaitInput();  // no name yet is not an error yet
    retranslate();
    recheck();
}

void ApplicationDetailsPage::retranslate()
{
    setTitle(tr("Application"));
    setSubTitle(tr("Name the application and describe it. SMS creates it with these details."));
    m_nameLabel->setText(tr("Na&me:"));
    m_descriptionLabel->setText(tr("&Description:"));
    m_roleLabel->setText(tr("Service &role:"));
    m_tagsLabel->setText(tr("&Tags:"));
    m_name->setPlaceholderText(tr("Required, e.g. Payroll"));
    m_description->setPlaceholderText(tr("Optional"));
    m_role->setPlaceholderText(tr("Optional: the IAM role SMS uses for the application, e.g. sms-app-role"));
    m_tags->retranslate();
}

bool ApplicationDetailsPage::nameIsTaken(const QString &name) const
{
    const std::string text = name.toStdString();
    const auto &apps = m_document.applications();
    return std::any_of(apps.begin(), apps.end(), [&](const models::PlanApplication &app) { return app.name == text; });
}

QString ApplicationDetailsPage::problem() const
{
    const QString name = m_name->text().trimmed();
    if (name.isEmpty())
        return tr("Give the application a name.");
    if (nameIsTaken(name))
        return tr("The plan already has an application named \u201C%1\u201D: choose another name.").arg(name);
    return m_tags->problem();
}

models::ApplicationFields ApplicationDetailsPage::fields() const
{
    models::ApplicationFields fields;
    fields.name = m_name->text().trimmed().toStdString();
    fields.description = m_description->text().trimmed().toStdString();
    fields.roleName = m_role->text().trimmed().toStdString();
    fields.tags = m_tags->tags();
    return fields;
}

} // namespace sms::ui
