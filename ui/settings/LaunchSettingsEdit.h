#pragma once
// LaunchSettingsEdit: the fields of an application's launch settings: the
// role CloudFormation launches it with, whether it launches by itself once
// replicated, what every server is launched with (instance type, network,
// key pair, public IP, instance profile) and an optional user-data script in
// S3 (bucket and key, or neither). The wizard's launch page and the
// Application Settings dialog both show it.

#include "models/PlanTypes.h"

#include <QWidget>

class QCheckBox;
class QFormLayout;
class QGroupBox;
class QLineEdit;

namespace sms::ui {

class LaunchSettingsEdit : public QWidget
{
    Q_OBJECT

public:
    explicit LaunchSettingsEdit(QWidget *parent = nullptr);

    // Shows the launch members of `settings`. Members of its launch that no
    // field shows (logicalId, configureScript, …) are kept by applyTo().
    void setFrom(const models::ApplicationSettings &settings);
    // Sets the launch members of `settings`: launch, launchRoleName, autoLaunch.
    void applyTo(models::ApplicationSettings &settings) const;
    // What is wrong with the input, in a sentence; empty when nothing.
    QString problem() const;

Q_SIGNALS:
    void changed();

protected:
    void changeEvent(QEvent *event) override;

private:
    void retranslate();
    // A labelled line edit in `form`, named for tests and the launch member it fills.
    QLineEdit *addField(QFormLayout *form, const char *objectName);
    QLineEdit *field(const char *objectName) const;
    QString text(const char *objectName) const;

    QFormLayout *m_roleForm;
    QFormLayout *m_serverForm;
    QFormLayout *m_userDataForm;
    QCheckBox *m_autoLaunch;
    QGroupBox *m_servers;
    QCheckBox *m_publicIp;
    QGroupBox *m_userData;
    // What setFrom() showed, for the members no field shows.
    std::optional<api::ServerLaunchConfiguration> m_shown;
};

} // namespace sms::ui
