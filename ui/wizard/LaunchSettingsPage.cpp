#include "ui/wizard/LaunchSettingsPage.h"

#include <QCheckBox>
#include <QFormLayout>
#include <QGroupBox>
#include <QLabel>
#include <QLineEdit>

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

#define SMS_TR(text) QT_TRANSLATE_NOOP("sms::ui::LaunchSettingsPage", text)
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

} // namespace

LaunchSettingsPage::LaunchSettingsPage(QWidget *parent)
    : CheckedWizardPage(parent)
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
    for (const Field &field : kRoleFields)
        addField(m_roleForm, field.objectName);
    m_roleForm->addRow(QString(), m_autoLaunch);
    for (const Field &field : kServerFields)
        addField(m_serverForm, field.objectName);
    m_serverForm->addRow(QString(), m_publicIp);
    for (const Field &field : kUserDataFields)
        addField(m_userDataForm, field.objectName);
    m_servers->setLayout(m_serverForm);
    m_userData->setLayout(m_userDataForm);

    body()->addLayout(m_roleForm);
    body()->addWidget(m_servers);
    body()->addWidget(m_userData);
    body()->addStretch();
    retranslate();
    recheck();
}

QLineEdit *LaunchSettingsPage::addField(QFormLayout *form, const char *objectName)
{
    auto *edit = new QLineEdit(this);
    edit->setObjectName(QLatin1String(objectName));
    auto *label = new QLabel(this);
    label->setBuddy(edit);
    form->addRow(label, edit);
    connect(edit, &QLineEdit::textChanged, this, &LaunchSettingsPage::recheck);
    return edit;
}

QString LaunchSettingsPage::text(const char *objectName) const
{
    return findChild<QLineEdit *>(QLatin1String(objectName))->text().trimmed();
}

void LaunchSettingsPage::retranslate()
{
    setTitle(tr("Launch"));
    setSubTitle(tr("How the application is launched in AWS once its servers are replicated. Every server is"
                   " launched with these settings; a server's own settings can override them later."));
    const std::pair<QFormLayout *, std::span<const Field>> forms[] = {
        {m_roleForm, kRoleFields}, {m_serverForm, kServerFields}, {m_userDataForm, kUserDataFields}};
    for (const auto &[form, fields] : forms) {
        for (const Field &field : fields) {
            auto *edit = findChild<QLineEdit *>(QLatin1String(field.objectName));
            qobject_cast<QLabel *>(form->labelForField(edit))->setText(tr(field.label));
            edit->setPlaceholderText(tr(field.placeholder));
        }
    }
    m_autoLaunch->setText(tr("Launch &automatically as soon as every server is replicated"));
    m_servers->setTitle(tr("Every server is launched with"));
    m_publicIp->setText(tr("Associate a &public IP address"));
    m_userData->setTitle(tr("User data script in S3 (optional: both or neither)"));
}

QString LaunchSettingsPage::problem() const
{
    const bool bucket = !text("userDataBucketEdit").isEmpty();
    const bool key = !text("userDataKeyEdit").isEmpty();
    if (bucket != key)
        return bucket ? tr("The user data names a bucket but no object key: give both, or neither.")
                      : tr("The user data names an object key but no bucket: give both, or neither.");
    return {};
}

void LaunchSettingsPage::applyTo(models::ApplicationSettings &settings) const
{
    api::ServerLaunchConfiguration launch;
    for (const Field &field : kServerFields) {
        if (const QString value = text(field.objectName); !value.isEmpty())
            launch.*field.member = value.toStdString();
    }
    const QString bucket = text("userDataBucketEdit");
    const QString key = text("userDataKeyEdit");
    if (!bucket.isEmpty() && !key.isEmpty()) {
        api::S3Location location;
        location.bucket = bucket.toStdString();
        location.key = key.toStdString();
        api::UserData userData;
        userData.s3Location = std::move(location);
        launch.userData = std::move(userData);
    }
    // Untouched, the page leaves launching to later; once anything is set the
    // public IP box says yes or no.
    if (launch != api::ServerLaunchConfiguration{} || m_publicIp->isChecked()) {
        launch.associatePublicIpAddress = m_publicIp->isChecked();
        settings.launch = std::move(launch);
    } else {
        settings.launch.reset();
    }
    settings.launchRoleName = text("launchRoleEdit").toStdString();
    settings.autoLaunch = m_autoLaunch->isChecked() ? std::optional<bool>(true) : std::nullopt;
}

} // namespace sms::ui
