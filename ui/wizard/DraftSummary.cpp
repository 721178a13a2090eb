#include "ui/wizard/DraftSummary.h"

#include "api/QtText.h"
#include "models/CatalogTableModel.h"

#include <QDateTime>
#include <QLocale>

#include <algorithm>

namespace sms::ui {
namespace {

using api::toQString;

QString escaped(const QString &text)
{
    return text.toHtmlEscaped();
}

// One "name: value" line; nothing when the value is empty.
QString line(const QString &name, const QString &value)
{
    return value.isEmpty() ? QString()
                           : QStringLiteral("<b>%1</b> %2<br>").arg(escaped(name), escaped(value));
}

QString heading(const QString &text)
{
    return QStringLiteral("<h3>%1</h3>").arg(escaped(text));
}

} // namespace

QString DraftSummary::html(const models::PlanDocument &document, const models::PlanApplication &draft)
{
    QStringList tags;
    for (const api::Tag &tag : draft.tags)
        tags << (tag.value ? toQString(tag.key) + QLatin1Char('=') + toQString(tag.value) : toQString(tag.key));
    QString text = QStringLiteral("<h2>%1</h2>").arg(escaped(tr("Application \u201C%1\u201D").arg(toQString(draft.name))));
    text += QStringLiteral("<p>")
        + line(tr("Description:"), toQString(draft.description))
        + line(tr("Service role:"), toQString(draft.roleName))
        + line(tr("Tags:"), tags.join(QStringLiteral(", ")))
        + QStringLiteral("</p>");
    text += groupsHtml(document, draft);
    text += replicationHtml(draft.settings.replication.value_or(api::ServerReplicationParameters{}));
    text += launchHtml(draft.settings);
    return text;
}

QString DraftSummary::groupsHtml(const models::PlanDocument &document, const models::PlanApplication &draft)
{
    std::vector<const models::PlanServerGroup *> ordered;
    for (const models::PlanServerGroup &group : draft.serverGroups)
        ordered.push_back(&group);
    std::stable_sort(ordered.begin(), ordered.end(), [](const auto *a, const auto *b) {
        return a->launchOrder.value_or(0) < b->launchOrder.value_or(0);
    });
    QString text = heading(tr("Server groups, in launch order"));
    for (const models::PlanServerGroup *group : ordered) {
        text += QStringLiteral("<p><b>%1</b><br>")
                    .arg(escaped(tr("%1. \u201C%2\u201D: %n server(s)", nullptr, int(group->serverIds.size()))
                                     .arg(QString::number(group->launchOrder.value_or(0)), toQString(group->name))));
        QStringList servers;
        for (const std::string &id : group->serverIds) {
            const int row = document.catalogRow(id);
            const api::Server *server = row < 0 ? nullptr : &document.catalog().servers[std::size_t(row)];
            const QString name = server && server->vmServer ? toQString(server->vmServer->vmName) : QString();
            QString entry = name.isEmpty() ? toQString(id) : tr("%1 (%2)").arg(name, toQString(id));
            if (const QString from = server ? models::CatalogTableModel::applicationText(document, *server) : QString();
                !from.isEmpty())
                entry += QLatin1Char(' ') + tr("\u2014 moves from \u201C%1\u201D").arg(from);
            servers << escaped(entry);
        }
        text += servers.join(QStringLiteral("<br>")) + QStringLiteral("</p>");
    }
    return text;
}

QString DraftSummary::replicationHtml(const api::ServerReplicationParameters &replication)
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
    return heading(tr("Replication")) + QStringLiteral("<p>") + line(tr("Replicates:"), frequency)
        + line(tr("Seed replication:"), seed) + line(tr("License type:"), license) + line(tr("AMIs kept:"), kept)
        + line(tr("Encryption:"), encryption) + QStringLiteral("</p>");
}

QString DraftSummary::launchHtml(const models::ApplicationSettings &settings)
{
    QString text = heading(tr("Launch")) + QStringLiteral("<p>");
    text += line(tr("Launch role:"), toQString(settings.launchRoleName));
    text += line(tr("Launches:"), settings.autoLaunch.value_or(false) ? tr("Automatically, once every server is replicated")
                                                                      : tr("When you start it"));
    if (!settings.launch)
        return text + escaped(tr("No launch settings yet: every server would launch with the account's defaults."))
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
