#include "ui/settings/SettingsSummary.h"

#include "api/QtText.h"

#include <QDateTime>
#include <QLocale>

namespace sms::ui {

using api::toQString;

QString SettingsSummary::line(const QString &name, const QString &value)
{
    return value.isEmpty() ? QString()
                           : QStringLiteral("<b>%1</b> %2<br>").arg(name.toHtmlEscaped(), value.toHtmlEscaped());
}

QString SettingsSummary::replicationHtml(const api::ServerReplicationParameters &replication)
{
    const QString frequency = replication.runOnce.value_or(false)
        ? tr("Once")
        : tr("Every %n hour(s)", nullptr, replication.frequency.value_or(0));
    const QString seed = replication.seedTime
        ? QLocale().toString(QDateTime::fromSecsSinceEpoch(qint64(replication.seedTime->epochSeconds)),
                             QLocale::ShortFormat)
        : tr("As soon as replication starts");
    const QString license = replication.licenseType ? toQString(replication.licenseType) : tr("Chosen by SMS");
    const int amis = replication.numberOfRecentAmisToKeep.value_or(0);
    const QString kept = amis == 0 ? tr("All") : tr("The %n most recent", nullptr, amis);
    QString encryption = tr("Off");
    if (replication.encrypted.value_or(false))
        encryption = replication.kmsKeyId ? tr("On, with KMS key %1").arg(toQString(replication.kmsKeyId))
                                          : tr("On, with the account's default key");
    return QStringLiteral("<p>") + line(tr("Replicates:"), frequency)
        + line(tr("Seed replication:"), seed) + line(tr("License type:"), license) + line(tr("AMIs kept:"), kept)
        + line(tr("Encryption:"), encryption) + QStringLiteral("</p>");
}

QString SettingsSummary::launchHtml(const models::ApplicationSettings &settings)
{
    QString text = QStringLiteral("<p>");
    text += line(tr("Launch role:"), toQString(settings.launchRoleName));
    text += line(tr("Launches:"), settings.autoLaunch.value_or(false) ? tr("Automatically, once every server is replicated")
                                                                      : tr("When you start it"));
    if (!settings.launch)
        return text + tr("No launch settings yet: every server would launch with the account's defaults.").toHtmlEscaped()
            + QStringLiteral("</p>");
    const api::ServerLaunchConfiguration &launch = *settings.launch;
    text += line(tr("Instance type:"), toQString(launch.instanceType));
    text += line(tr("VPC:"), toQString(launch.vpc));
    text += line(tr("Subnet:"), toQString(launch.subnet));
    text += line(tr("Security group:"), toQString(launch.securityGroup));
    text += line(tr("EC2 key pair:"), toQString(launch.ec2KeyName));
    text += line(tr("IAM instance profile:"), toQString(launch.iamInstanceProfileName));
    text += line(tr("Public IP address:"), launch.associatePublicIpAddress.value_or(false) ? tr("Yes") : tr("No"));
    if (launch.userData && launch.userData->s3Location) {
        const api::S3Location &location = *launch.userData->s3Location;
        text += line(tr("User data:"), QStringLiteral("s3://%1/%2").arg(toQString(location.bucket), toQString(location.key)));
    }
    return text + QStringLiteral("</p>");
}

} // namespace sms::ui
