#pragma once
// The wizard's launch page: the application's launch settings
// (LaunchSettingsEdit), which every one of its servers starts from.

#include "models/PlanTypes.h"
#include "ui/wizard/CheckedWizardPage.h"

namespace sms::ui {

class LaunchSettingsEdit;

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
    LaunchSettingsEdit *m_edit;
};

} // namespace sms::ui
