#include "ui/wizard/DraftSummary.h"

#include "api/QtText.h"
#include "models/CatalogTableModel.h"
#include "ui/settings/SettingsSummary.h"


#include <algorithm>

namespace sms::ui {
namespace {

using api::toQString;

QString escaped(const QString &text)
{
    return text.toHtmlEscaped();
}

QString line(const QString &name, const QString &value)
{
    return SettingsSummary::line(name, value);
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
    text += heading(tr("Replication"))
        + SettingsSummary::replicationHtml(draft.settings.replication.value_or(api::ServerReplicationParameters{}));
    text += heading(tr("Launch")) + SettingsSummary::launchHtml(draft.settings);
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

} // namespace sms::ui
