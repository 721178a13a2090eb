// Random sequences of what a user does with a plan against an in-process
// sandbox: refresh, apply, edits (validation settings too), undo and redo,
// in any order. Whatever the
// order, a plan never retires an application it holds, and no apply deletes
// an endpoint application the plan holds. (One such sequence, apply then
// refresh then apply, once deleted the user's applications.)

#include "client/SmsClient.h"
#include "models/PlanEditor.h"
#include "models/PlanRules.h"
#include "services/ApplyIntoDocument.h"
#include "services/RefreshMerge.h"
#include "PlanRuns.h"
#include "tests/models/ValidationFixtures.h"

#include <QRandomGenerator>
#include <QTest>

#include <set>

using namespace sms;
using namespace sms::models;
using namespace sms::services;
using namespace sms::testing;

namespace {

std::set<std::string> endpointAppIds(SandboxHost &host)
{
    std::set<std::string> ids;
    for (const sandbox::AppRecord &app : host.engine().state().apps)
        ids.insert(app.id);
    return ids;
}

std::set<std::string> heldAppIds(const PlanDocument &document)
{
    std::set<std::string> ids;
    for (const PlanApplication &app : document.applications())
        if (!app.appId.empty())
            ids.insert(app.appId);
    return ids;
}

// One user session: the steps it took, for the failure message.
class Session
{
public:
    Session(SandboxHost &host, client::SmsClient &client, quint32 seed)
        : m_host(host)
        , m_client(client)
        , m_random(seed)
        , m_editor(m_document)
    {
        PlanData plan = planOf(host, 3);
        plan.planId.clear();  // ensurePlanId gives one, as the GUI does
        m_document.reset(plan);
    }

    QString log() const { return m_steps.join(QStringLiteral(", ")); }

    // A step at random; false when an invariant broke (the test says which).
    bool step()
    {
        switch (m_random.bounded(9)) {
        case 0:
        case 1: return refresh();
        case 2:
        case 3: return applyPlan();
        case 4: return edit();
        case 5: return deleteApplication();
        case 6:
            m_steps << QStringLiteral("undo");
            m_document.undoStack().undo();
            return true;
        case 7:
            m_steps << QStringLiteral("redo");
            m_document.undoStack().redo();
            return true;
        default: return newApplication();
        }
    }

    QString brokenRule() const
    {
        for (const std::string &id : m_document.data().retiredAppIds)
            if (holdsAppId(m_document.applications(), id))
                return QStringLiteral("%1 is both held and retired").arg(QString::fromStdString(id));
        return {};
    }

    QString deletedHeld() const { return m_deletedHeld; }

private:
    bool refresh()
    {
        m_steps << QStringLiteral("refresh");
        const auto read = snapshot(m_client);
        if (!read || !read->ok())
            return false;
        m_editor.refreshApplications(mergeRefresh(m_document.data(), read->value()).applications);
        return true;
    }

    bool applyPlan()
    {
        m_steps << QStringLiteral("apply");
        m_document.ensurePlanId();
        const std::set<std::string> held = heldAppIds(m_document);
        const std::set<std::string> before = endpointAppIds(m_host);
        QObject context;
        auto *applier = new PlanApplier(m_client, m_document.data(), &context);
        recordInto(*applier, m_document);
        std::optional<Result<int>> result;
        QObject::connect(applier, &PlanApplier::finished, &context, [&](const Result<int> &r) { result = r; });
        applier->start();
        if (!QTest::qWaitFor([&] { return result.has_value(); }, 60'000))
            return false;
        // SMS may refuse a change (a server another endpoint application has): that stops
        // the run with its reason, which is fine here; deleting what the plan holds is not.
        if (!result->ok())
            m_steps.last() += QStringLiteral(" (stopped: %1)").arg(QString::fromStdString(result->error().code));
        const std::set<std::string> after = endpointAppIds(m_host);
        for (const std::string &id : held)
            if (before.count(id) && !after.count(id))
                m_deletedHeld = QString::fromStdString(id);
        return !result->ok() || !applier->remaining().hasChanges();
    }

    PlanKey randomApplication()
    {
        const auto &apps = m_document.applications();
        return apps.empty() ? kNoKey : apps[m_random.bounded(quint32(apps.size()))].key;
    }

    bool edit()
    {
        const PlanKey key = randomApplication();
        if (key == kNoKey)
            return true;
        const PlanPosition at = m_document.positionOf(key);
        const quint32 which = m_random.bounded(3);
        if (which == 0) {
            m_steps << QStringLiteral("rename");
            m_editor.renameApplication(key, "renamed " + std::to_string(m_random.bounded(1000)));
        } else if (which == 1) {
            m_steps << QStringLiteral("settings");
            ApplicationSettings settings = m_document.application(at.application).settings;
            settings.replication.emplace().frequency = int(m_random.bounded(1, 25));
            m_editor.editApplicationSettings(key, settings, {});
        } else {
            m_steps << QStringLiteral("validation");
            const PlanApplication &app = m_document.application(at.application);
            ApplicationSettings settings = app.settings;
            AppValidationSettings &validation = settings.validation.emplace();
            validation.appValidations = {models::testing::ssmValidation("check-" + std::to_string(m_random.bounded(1000)))};
            for (const PlanServerGroup &group : app.serverGroups)
                if (!group.serverIds.empty()) {
                    validation.serverValidations = {models::testing::userDataValidation(group.serverIds.back(), "answers")};
                    break;
                }
            m_editor.editApplicationSettings(key, settings, {});
        }
        return true;
    }

    bool deleteApplication()
    {
        const PlanKey key = randomApplication();
        if (key == kNoKey)
            return true;
        m_steps << QStringLiteral("delete");
        m_editor.deleteItems({key}, {});
        return true;
    }

    bool newApplication()
    {
        // A server no application has yet.
        for (const api::Server &server : m_document.catalog().servers) {
            if (m_document.placementOf(*server.serverId).isPlanned())
                continue;
            m_steps << QStringLiteral("new");
            m_editor.newApplicationFromServers({*server.serverId});
            return true;
        }
        return true;
    }

    SandboxHost &m_host;
    client::SmsClient &m_client;
    QRandomGenerator m_random;
    PlanDocument m_document;
    PlanEditor m_editor;
    QStringList m_steps;
    QString m_deletedHeld;
};

} // namespace

class TestPlanSequences : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void nothingThePlanHoldsIsDeleted_data()
    {
        QTest::addColumn<quint32>("seed");
        for (quint32 seed : {1u, 2u, 3u, 4u, 5u, 6u})
            QTest::addRow("seed %u", seed) << seed;
    }

    void nothingThePlanHoldsIsDeleted()
    {
        QFETCH(quint32, seed);
        SandboxHost host({.servers = 60, .demoApplications = false});
        client::SmsClient client(host.start().value());
        Session session(host, client, seed);
        for (int i = 0; i < 30; ++i) {
            const bool ok = session.step();
            QVERIFY2(session.brokenRule().isEmpty(), qPrintable(session.brokenRule() + QStringLiteral(" after ") + session.log()));
            QVERIFY2(session.deletedHeld().isEmpty(),
                     qPrintable(QStringLiteral("%1 was deleted while the plan held it, after ").arg(session.deletedHeld())
                                + session.log()));
            QVERIFY2(ok, qPrintable(QStringLiteral("a step failed: ") + session.log()));
        }
    }
};

QTEST_GUILESS_MAIN(TestPlanSequences)
#include "tst_plansequences.moc"
