#include "ui/settings/LaunchSettingsEdit.h"

#include <QCheckBox>
#include <QEvent>
#include <QFormLayout>
#include <QGroupBox>
#include <QLabel>
#include <QLineEdit>
#include <QVBoxLayout>

#include <array>
#include <span>

namespace sms::ui {
namespace {

using LaunchText = std::optional<std::string> api::ServerLaunchConfiguration::*;

// A line of the form: its edit's object name, label, placeholder, and the
// launch member it fills (none for the role and the user-data location).
struct Field
{
    const char *objectName;
    const char *label;
    const char *placeholder;
    LaunchText member;
};

#define SMS_TR(text) QT_TRANSLATE_NOOP("sms::ui::LaunchSettingsEdit", text)
constexpr std::array<Field, 1> kRoleFields{{
    {"launchRoleEdit", SMS_TR("Launch &role:"),
     SMS_TR("Optional: the IAM role CloudFormation launches the application with, e.g. sms-launch-role"), nullptr},
}};
constexpr std::array<Field, 6> kServerFields{{
    {"instanceTypeEdit", SMS_TR("&Instance type:"), SMS_TR("e.g. m5.large"),
     &api::ServerLaunchConfiguration::instanceType},
    {"vpcEdit", SMS_TR("&VPC:"), SMS_TR("e.g. vpc-0a1b2c3d (the subnet names it too)"),
     &api::ServerLaunchConfiguration::vpc},
    {"subnetEdit", SMS_TR("S&ubnet:"), SMS_TR("e.g. subnet-0a1b2c3d"), &api::ServerLaunchConfiguration::subnet},
    {"securityGroupEdit", SMS_TR("Security &group:"), SMS_TR("e.g. sg-0a1b2c3d"),
     &api::ServerLaunchConfiguration::securityGroup},
    {"ec2KeyNameEdit", SMS_TR("EC2 &key pair:"), SMS_TR("Optional: the key pair to log in with"),
     &api::ServerLaunchConfiguration::ec2KeyName},
    {"instanceProfileEdit", SMS_TR("IA&M instance profile:"), SMS_TR("Optional"),
     &api::ServerLaunchConfiguration::iamInstanceProfileName},
}};
constexpr std::array<Field, 2> kUserDataFields{{
    {"userDataBucketEdit", SMS_TR("Bu&cket:"), SMS_TR("e.g. my-launch-scripts"), nullptr},
    {"userDataKeyEdit", SMS_TR("&Object key:"), SMS_TR("e.g. user-data/web.sh"), nullptr},
}};
#undef SMS_TR

QString toQString(const std::optional<std::string> &text)
{
    return QString::fromStdString(text.value_or(std::string()));
}

} // namespace

LaunchSettingsEdit::LaunchSettingsEdit(QWidget *parent)
    : QWidget(parent)
    , m_roleForm(new QFormLayout)
    , m_serverForm(new QFormLayout)
    , m_userDataForm(new QFormLayout)
    , m_autoLaunch(new QCheckBox(this))
    , m_servers(new QGroupBox(this))
    , m_publicIp(new QCheckBox(m_servers))
    , m_userData(new QGroupBox(this))
{
    m_autoLaunch->setObjectName(QStringLiteral("autoLaunchCheck"));
    m_publicIp->setObjectName(QStringLiteral("publicIpCheck"));
    for (QFormLayout *form : {m_roleForm, m_serverForm, m_userDataForm})
        form->setFieldGrowthPolicy(QFormLayout::AllNonFixedFieldsGrow);
    for (const Field &f : kRoleFields)
        addField(m_roleForm, f.objectName);
    m_roleForm->addRow(QString(), m_autoLaunch);
    for (const Field &f : kServerFields)
        addField(m_serverForm, f.objectName);
    m_serverForm->addRow(QString(), m_publicIp);
    for (const Field &f : kUserDataFields)
        addField(m_userDataForm, f.objectName);
    m_servers->setLayout(m_serverForm);
    m_userData->setLayout(m_userDataForm);

    auto *layout = new QVBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->addLayout(m_roleForm);
    layout->addWidget(m_servers);
    layout->addWidget(m_userData);
    connect(m_autoLaunch, &QCheckBox::toggled, this, &LaunchSettingsEdit::changed);
    connect(m_publicIp, &QCheckBox::toggled, this, &LaunchSettingsEdit::changed);
    retranslate();
}

QLineEdit *LaunchSettingsEdit::addField(QFormLayout *form, const char *objectName)
{
    auto *edit = new QLineEdit(this);
    edit->setObjectName(QLatin1String(objectName));
    auto *label = new QLabel(this);
    label->setBuddy(edit);
    form->addRow(label, edit);
    connect(edit, &QLineEdit::textChanged, this, &LaunchSettingsEdit::changed);
    return edit;
}

QLineEdit *LaunchSettingsEdit::field(const char *objectName) const
{
    return findChild<QLineEdit *>(QLatin1String(objectName));
}

QString LaunchSettingsEdit::text(const char *objectName) const
{
    return field(objectName)->text().trimmed();
}

void LaunchSettingsEdit::retranslate()
{
    const std::pair<QFormLayout *, std::span<const Field>> forms[] = {
        {m_roleForm, kRoleFields}, {m_serverForm, kServerFields}, {m_userDataForm, kUserDataFields}};
    for (const auto &[form, fields] : forms) {
        for (const Field &f : fields) {
            QLineEdit *edit = field(f.objectName);
            qobject_cast<QLabel *>(form->labelForField(edit))->setText(tr(f.label));
            edit->setPlaceholderText(tr(f.placeholder));
        }
    }
    m_autoLaunch->setText(tr("Launch &automatically as soon as every server is replicated"));
    m_servers->setTitle(tr("Every server is launched with"));
    m_publicIp->setText(tr("Associate a &public IP address"));
    m_userData->setTitle(tr("User data script in S3 (optional: both or neither)"));
}

void LaunchSettingsEdit::changeEvent(QEvent *event)
{
    if (event->type() == QEvent::LanguageChange)
        retranslate();
    QWidget::changeEvent(event);
}

void LaunchSettingsEdit::setFrom(const models::ApplicationSettings &settings)
{
    m_shown = settings.launch;
    const api::ServerLaunchConfiguration launch = settings.launch.value_or(api::ServerLaunchConfiguration{});
    field("launchRoleEdit")->setText(QString::fromStdString(settings.launchRoleName));
    m_autoLaunch->setChecked(settings.autoLaunch.value_or(false));
    for (const Field &f : kServerFields)
        field(f.objectName)->setText(toQString(launch.*f.member));
    m_publicIp->setChecked(launch.associatePublicIpAddress.value_or(false));
    const api::S3Location location
        = launch.userData ? launch.userData->s3Location.value_or(api::S3Location{}) : api::S3Location{};
    field("userDataBucketEdit")->setText(toQString(location.bucket));
    field("userDataKeyEdit")->setText(toQString(location.key));
}

QString LaunchSettingsEdit::problem() const
{
    const bool bucket = !text("userDataBucketEdit").isEmpty();
    const bool key = !text("userDataKeyEdit").isEmpty();
    if (bucket != key)
        return bucket ? tr("The user data names a bucket but no object key: give both, or neither.")
                      : tr("The user data names an object key but no bucket: give both, or neither.");
    return {};
}

void LaunchSettingsEdit::applyTo(models::ApplicationSettings &settings) const
{
    // Starts from what was shown, so that members without a field survive.
    api::ServerLaunchConfiguration launch = m_shown.value_or(api::ServerLaunchConfiguration{});
    for (const Field &f : kServerFields) {
        const QString value = text(f.objectName);
        launch.*f.member = value.isEmpty() ? std::nullopt : std::optional(value.toStdString());
    }
    const QString bucket = text("userDataBucketEdit");
    const QString key = text("userDataKeyEdit");
    launch.userData.reset();
    if (!bucket.isEmpty() && !key.isEmpty()) {
        api::S3Location location;
        location.bucket = bucket.toStdString();
        location.key = key.toStdString();
        api::UserData userData;
        userData.s3Location = std::move(location);
        launch.userData = std::move(userData);
    }
    // Untouched, the fields leave launching to later; once anything is set
    // the public IP box says yes or no (unless it was unset and stays unticked).
    const bool publicIpWasUnset = m_shown && !m_shown->associatePublicIpAddress;
    launch.associatePublicIpAddress.reset();
    if (launch != api::ServerLaunchConfiguration{} || m_publicIp->isChecked()) {
        if (m_publicIp->isChecked() || !publicIpWasUnset)
            launch.associatePublicIpAddress = m_publicIp->isChecked();
        settings.launch = std::move(launch);
    } else {
        settings.launch.reset();
    }
    settings.launchRoleName = text("launchRoleEdit").toStdString();
    settings.autoLaunch = m_autoLaunch->isChecked() ? std::optional<bool>(true) : std::nullopt;
}

} // namespace sms::ui
