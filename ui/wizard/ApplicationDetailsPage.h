#pragma once
// The wizard's first page: the application's name (required, and not one the
// plan already has), description, service role and tags.

#include "models/PlanDocument.h"
#include "ui/wizard/CheckedWizardPage.h"

class QLabel;
class QLineEdit;

namespace sms::ui {

class TagRowsEdit;

class ApplicationDetailsPage : public CheckedWizardPage
{
    Q_OBJECT

public:
    ApplicationDetailsPage(const models::PlanDocument &document, QWidget *parent = nullptr);

    QString problem() const override;
    // Name and tags as they will be stored (trimmed, empty rows dropped).
    models::ApplicationFields fields() const;

    QLineEdit *nameEdit() const { return m_name; }
    QLineEdit *descriptionEdit() const { return m_description; }
    QLineEdit *roleEdit() const { return m_role; }
    TagRowsEdit *tagsEdit() const { return m_tags; }

protected:
    void retranslate() override;

private:
    bool nameIsTaken(const QString &name) const;

    const models::PlanDocument &m_document;
    QLineEdit *m_name;
    QLineEdit *m_description;
    QLineEdit *m_role;
    TagRowsEdit *m_tags;
    QLabel *m_nameLabel;
    QLabel *m_descriptionLabel;
    QLabel *m_roleLabel;
    QLabel *m_tagsLabel;
};

} // namespace sms::ui
