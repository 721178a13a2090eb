// Review Changes with the plan's checks: they show above the changes, an
// error keeps Apply disabled and a warning does not.

#include "ui/ReviewChangesDialog.h"

#include "tests/models/PlanFixtures.h"
#include "ui/problems/PlanIssuesList.h"

#include <QLabel>
#include <QPushButton>
#include <QTest>
#include <QTreeWidget>

namespace models = sms::models;
namespace services = sms::services;
namespace testing = sms::models::testing;

Q_DECLARE_METATYPE(sms::models::PlanData)

namespace {

// A plan whose one change is a CreateApp, against an endpoint with its catalog.
services::ChangeSet changesOf(const models::PlanData &plan)
{
    services::EndpointSnapshot endpoint;
    endpoint.servers = plan.catalog.servers;
    return services::diffPlan(plan, endpoint);
}

} // namespace

class TestReviewChangesDialog : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void checksShowAndErrorsBlock_data()
    {
        QTest::addColumn<models::PlanData>("plan");
        QTest::addColumn<QStringList>("codes");  // the list's rows
        QTest::addColumn<bool>("applyEnabled");
        QTest::addColumn<QString>("heading");    // what the label above them starts with

        const auto catalog = testing::servers(1, 3);
        QTest::addRow("no issues") << testing::planFrom(QStringLiteral("Payroll{web:s1}"), catalog) << QStringList{}
                                   << true << "The plan's checks find nothing to fix.";
        QTest::addRow("a duplicate name warns")
            << testing::planFrom(QStringLiteral("Payroll{web:s1} | Payroll{db:s2}"), catalog)
            << QStringList{QStringLiteral("duplicate-application-name")} << true
            << "The plan's checks: 0 error(s), 1 warning(s). They do not block";
        models::PlanData badFrequency = testing::planFrom(QStringLiteral("Payroll{web:s1,s2}"), catalog);
        badFrequency.applications[0].settings.replication = sms::api::ServerReplicationParameters{};
        badFrequency.applications[0].settings.replication->frequency = 48;
        QTest::addRow("an error blocks, counted once per kind")
            << badFrequency << QStringList{QStringLiteral("frequency-out-of-range")} << false
            << "The plan's checks: 2 error(s), 0 warning(s). Apply stays disabled";
    }

    void checksShowAndErrorsBlock()
    {
        QFETCH(models::PlanData, plan);
        QFETCH(QStringList, codes);
        QFETCH(bool, applyEnabled);
        QFETCH(QString, heading);
        sms::ui::ReviewChangesDialog dialog(changesOf(plan), models::validatePlan(plan));
        dialog.show();
        QVERIFY(QTest::qWaitForWindowExposed(&dialog));

        QVERIFY(dialog.tree()->topLevelItemCount() > 0);  // there is something to apply
        QStringList shown;
        for (int i = 0; i < dialog.issuesView()->count(); ++i)
            shown << dialog.issuesView()->item(i)->data(sms::ui::PlanIssuesList::CodeRole).toString();
        QCOMPARE(shown, codes);
        QCOMPARE(dialog.issuesView()->isVisible(), !codes.isEmpty());
        const QString label = dialog.issuesLabel()->text().remove(QLatin1Char('&'));
        QVERIFY2(label.startsWith(heading), qPrintable(label));
        QCOMPARE(dialog.applyButton()->isEnabled(), applyEnabled);
    }
};

QTEST_MAIN(TestReviewChangesDialog)
#include "tst_reviewchangesdialog.moc"
