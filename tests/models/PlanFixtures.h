#pragma once
// Builders and probes shared by the tests of models/: catalog servers and
// connectors, plans written in a compact notation, that notation read back,
// and look-ups of an application or group by its name.
//
// The notation: "A{G1:s1,s2;G2:} | B{}" is application A with the groups G1
// (servers s1 and s2) and G2 (no servers), then application B without groups.
// Keys are handed out in order of appearance, from 1.

#include "models/PlanDocument.h"

#include <QString>
#include <QStringList>
#include <QTest>

#include <string>
#include <utility>
#include <vector>

namespace sms::models::testing {

// A virtual machine of vcenter-1, named "vm-<id>" unless `vmName` is given.
inline api::Server makeServer(const std::string &id, const std::string &vmName = {})
{
    api::Server server;
    server.serverId = id;
    server.serverType = api::OpenEnum<api::ServerType>(api::ServerType::VirtualMachine);
    api::VmServer vm;
    vm.vmName = vmName.empty() ? "vm-" + id : vmName;
    vm.vmManagerName = "vcenter-1";
    vm.vmManagerType = api::OpenEnum<api::VmManagerType>(api::VmManagerType::Vsphere);
    vm.vmPath = "/dc1/" + id;
    server.vmServer = vm;
    return server;
}

// Servers first..last named "s<n>".
inline std::vector<api::Server> servers(int first, int last)
{
    std::vector<api::Server> page;
    for (int n = first; n <= last; ++n)
        page.push_back(makeServer("s" + std::to_string(n)));
    return page;
}

// The catalog the editing tests start from: s1..s20.
inline std::vector<api::Server> catalog()
{
    return servers(1, 20);
}

// A connector with every member set, an unknown capability among them.
inline api::Connector fullConnector()
{
    api::Connector connector;
    connector.connectorId = "c-0123456789abcdef0";
    connector.version = "1.2.3.4";
    connector.status = api::ConnectorStatus::Unhealthy;
    connector.capabilityList = std::vector<api::OpenEnum<api::ConnectorCapability>>{
        api::ConnectorCapability::Vsphere, api::ConnectorCapability::SnapshotBatching,
        api::OpenEnum<api::ConnectorCapability>::fromString("TELEPATHY")};
    connector.vmManagerName = "vcenter-01";
    connector.vmManagerType = api::VmManagerType::Vsphere;
    connector.vmManagerId = "vmm-1";
    connector.ipAddress = "10.0.0.5";
    connector.macAddress = "00:50:56:aa:bb:cc";
    connector.associatedOn = api::Timestamp{1700000000};
    return connector;
}

inline ReplicationJobSummary job(const std::string &id, const std::string &server, api::ReplicationJobState state)
{
    return {id, server, api::OpenEnum<api::ReplicationJobState>(state), {}};
}

// "key=value,key=value"; a missing key or value reads "?".
inline QString tagsText(const std::vector<api::Tag> &tags)
{
    QStringList texts;
    for (const api::Tag &tag : tags) {
        texts << QString::fromStdString(tag.key.value_or("?")) + QLatin1Char('=')
                     + QString::fromStdString(tag.value.value_or("?"));
    }
    return texts.join(QLatin1Char(','));
}

inline std::vector<api::Tag> tagsFrom(const QString &text)
{
    std::vector<api::Tag> tags;
    for (const QString &pair : text.split(QLatin1Char(','), Qt::SkipEmptyParts)) {
        api::Tag tag;
        tag.key = pair.section(QLatin1Char('='), 0, 0).toStdString();
        tag.value = pair.section(QLatin1Char('='), 1).toStdString();
        tags.push_back(tag);
    }
    return tags;
}

// "s1,s2" as server ids.
inline std::vector<std::string> idsFrom(const QString &text)
{
    std::vector<std::string> ids;
    for (const QString &id : text.split(QLatin1Char(','), Qt::SkipEmptyParts))
        ids.push_back(id.toStdString());
    return ids;
}

// A plan in the notation, over `catalog`.
inline PlanServerGroup namedGroup(const std::string &name, PlanKey key = kNoKey, std::vector<std::string> serverIds = {})
{
    PlanServerGroup group;
    group.key = key;
    group.name = name;
    group.serverIds = std::move(serverIds);
    return group;
}

inline PlanApplication namedApplication(const std::string &name, PlanKey key = kNoKey,
                                        std::vector<PlanServerGroup> groups = {})
{
    PlanApplication app;
    app.key = key;
    app.name = name;
    app.serverGroups = std::move(groups);
    return app;
}

inline PlanData planFrom(const QString &notation, std::vector<api::Server> catalog = {})
{
    PlanData data;
    data.catalog.servers = std::move(catalog);
    PlanKey key = kNoKey;
    for (const QString &appText : notation.split(QStringLiteral(" | "), Qt::SkipEmptyParts)) {
        const qsizetype open = appText.indexOf(QLatin1Char('{'));
        if (open <= 0 || !appText.endsWith(QLatin1Char('}')))
            qFatal("bad plan notation: %s", qPrintable(appText));
        PlanApplication app;
        app.key = ++key;
        app.name = appText.left(open).toStdString();
        for (const QString &groupText :
             appText.mid(open + 1, appText.size() - open - 2).split(QLatin1Char(';'), Qt::SkipEmptyParts)) {
            const qsizetype colon = groupText.indexOf(QLatin1Char(':'));
            PlanServerGroup group;
            group.key = ++key;
            group.name = groupText.left(colon).toStdString();
            group.serverIds = idsFrom(groupText.mid(colon + 1));
            app.serverGroups.push_back(std::move(group));
        }
        data.applications.push_back(std::move(app));
    }
    return data;
}

namespace detail {

inline QString notation(const std::vector<PlanApplication> &apps, bool withFields)
{
    QStringList appTexts;
    for (const PlanApplication &app : apps) {
        QStringList groupTexts;
        for (const PlanServerGroup &group : app.serverGroups) {
            QStringList ids;
            for (const std::string &id : group.serverIds)
                ids << QString::fromStdString(id);
            groupTexts << QString::fromStdString(group.name) + QLatin1Char(':') + ids.join(QLatin1Char(','));
        }
        QString fields;
        if (withFields && (!app.description.empty() || !app.roleName.empty() || !app.tags.empty())) {
            fields = QStringLiteral("[%1;%2;%3]").arg(QString::fromStdString(app.description),
                                                      QString::fromStdString(app.roleName), tagsText(app.tags));
        }
        appTexts << QString::fromStdString(app.name) + fields + QLatin1Char('{') + groupTexts.join(QLatin1Char(';'))
                        + QLatin1Char('}');
    }
    return appTexts.join(QStringLiteral(" | "));
}

} // namespace detail

// The notation of a plan's applications: names and servers.
inline QString notationOf(const std::vector<PlanApplication> &apps)
{
    return detail::notation(apps, false);
}

// The same, with an application's other fields, when set, after its name in
// brackets: "A[Shop;role;env=prod]{...}".
inline QString notationWithFields(const std::vector<PlanApplication> &apps)
{
    return detail::notation(apps, true);
}

// Everything PlanData holds about the plan, keys and endpoint ids included:
// two plans are the same when these texts and their catalogs are equal, and
// a failed comparison shows where they differ.
inline QString describe(const PlanData &data)
{
    QStringList appTexts;
    for (const PlanApplication &app : data.applications) {
        QStringList groupTexts;
        for (const PlanServerGroup &group : app.serverGroups) {
            QStringList ids;
            for (const std::string &id : group.serverIds)
                ids << QString::fromStdString(id);
            groupTexts << QStringLiteral("%1#%2<%3>:%4")
                              .arg(QString::fromStdString(group.name))
                              .arg(group.key)
                              .arg(QString::fromStdString(group.serverGroupId), ids.join(QLatin1Char(',')));
        }
        appTexts << QStringLiteral("%1#%2<%3>[%4;%5;%6]{%7}")
                        .arg(QString::fromStdString(app.name))
                        .arg(app.key)
                        .arg(QString::fromStdString(app.appId), QString::fromStdString(app.description),
                             QString::fromStdString(app.roleName), tagsText(app.tags), groupTexts.join(QLatin1Char(';')));
    }
    return appTexts.join(QStringLiteral(" | "));
}

// The key of the application or group of that name; kNoKey for no name, and
// for an unknown name a key no item has.
inline PlanKey keyOf(const PlanDocument &doc, const std::string &name)
{
    if (name.empty())
        return kNoKey;
    for (const PlanApplication &app : doc.applications()) {
        if (app.name == name)
            return app.key;
        for (const PlanServerGroup &group : app.serverGroups) {
            if (group.name == name)
                return group.key;
        }
    }
    return PlanKey(9999);
}

inline PlanKey keyOf(const PlanDocument &doc, const QString &name)
{
    return keyOf(doc, name.toStdString());
}

inline PlanKey keyOf(const PlanDocument &doc, const char *name)
{
    return keyOf(doc, std::string(name));
}

// "A,G1" as the keys of those applications and groups.
inline std::vector<PlanKey> keysFrom(const PlanDocument &doc, const QString &names)
{
    std::vector<PlanKey> keys;
    for (const QString &name : names.split(QLatin1Char(','), Qt::SkipEmptyParts))
        keys.push_back(keyOf(doc, name));
    return keys;
}

// Undo, then redo, `rounds` times: the plan must alternate exactly between
// `before` and the state it has now (catalog included), and `check`, which
// may fail the test, must pass after every step.
template <typename Check>
void undoRedoCycle(PlanDocument &doc, const PlanData &before, int rounds, const Check &check)
{
    const PlanData after = doc.data();
    const auto expect = [&](const PlanData &state) {
        QCOMPARE(describe(doc.data()), describe(state));
        QVERIFY(doc.catalog() == state.catalog);
        check();
    };
    for (int round = 0; round < rounds; ++round) {
        doc.undoStack().undo();
        expect(before);
        if (QTest::currentTestFailed())
            return;
        doc.undoStack().redo();
        expect(after);
        if (QTest::currentTestFailed())
            return;
    }
}

} // namespace sms::models::testing
