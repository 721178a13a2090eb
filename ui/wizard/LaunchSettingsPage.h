#pragma once
// The wizard's launch page: the role CloudFormation launches the application
// with, whether it launches by itself once replicated, what every server is
// launched with (instance type, network, key pair, public IP, instance
// profile) and an optional user-data script in S3 (bucket and key, or neither).

#include "models/PlanTypes.h"
#include "ui/wizard/CheckedWizardPage.h"

class QCheckBox;
class QFormLayout;
class QGroupBox;
class QLabel;
class QLineEdit;

namespace sms::ui {

class LaunchSettingsPage : public CheckedWizardPage
{
    Q_OBJECT

public:
    explicit LaunchSettingsPage(QWidget *parent = nullptr);

    QString problem() const override;
    // Sets the launch members of `settings`: launch, launchRoleName, autoLaunch.
    void applyTo(models::ApplicationSettings &settings) const;

protected:
    void retranslate() override;

private:
    // A labelled line edit in `form`, named for tests and the launch member it fills.
    QLineEdit *addField(QFormLayout *form, const char *objectName);
    QString text(const char *objectName) const;

    QFormLayout *m_roleForm;
    QFormLayout *m_serverForm;
    QFormLayout *m_userDataForm;
    QCheckBox *m_autoLaunch;
    QGroupBox *m_servers;
    QCheckBox *m_publicIp;
    QGroupBox *m_userData;
};

} // namespace sms::ui
