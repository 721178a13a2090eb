// The Problems dock: the plan's checks as a table (ProblemsModel, checked by
// QAbstractItemModelTester, changing only the rows that differ), run again a
// moment after the plan changes (PlanChecker), and a double-click that
// selects what an issue is about in the Applications pane.

#include "ui/problems/ProblemsPane.h"

#include "api/SmsQuotas.h"
#include "models/ApplicationCommands.h"
#include "models/PlanDocument.h"
#include "tests/models/PlanFixtures.h"
#include "tests/support/Strings.h"
#include "ui/ApplicationsPane.h"

#include <QAbstractItemModelTester>
#include <QElapsedTimer>
#include <QLabel>
#include <QSignalSpy>
#include <QTest>
#include <QTreeView>

namespace models = sms::models;
namespace testing = sms::models::testing;
using sms::models::PlanIssue;
using sms::models::ProblemsModel;

namespace {

PlanIssue issue(const char *code, PlanIssue::Severity severity = PlanIssue::Severity::Warning)
{
    PlanIssue made;
    made.code = code;
    made.severity = severity;
    made.message = std::string("About ") + code + ".";
    made.where = "applications[0]";
    return made;
}

// "w:a,e:b" → a warning a and an error b.
std::vector<PlanIssue> issuesFrom(const QString &text)
{
    std::vector<PlanIssue> list;
    for (const QString &item : text.split(QLatin1Char(','), Qt::SkipEmptyParts)) {
        const auto severity = item.startsWith(QLatin1Char('e')) ? PlanIssue::Severity::Error : PlanIssue::Severity::Warning;
        list.push_back(issue(qPrintable(item.mid(2)), severity));
    }
    return list;
}

QString codesOf(const QAbstractItemModel &model)
{
    QStringList codes;
    for (int row = 0; row < model.rowCount(); ++row)
        codes << model.index(row, 0).data(ProblemsModel::CodeRole).toString();
    return codes.join(QLatin1Char(','));
}

QStringList codesOf(const std::vector<PlanIssue> &issues)
{
    QStringList codes;
    for (const PlanIssue &issue : issues)
        codes << QString::fromStdString(issue.code);
    return codes;
}

// A plan of `servers` catalog servers in applications of 50 (SMS's most),
// none with launch settings, so that its checks find nothing but what a test adds.
models::PlanData bigPlan(int servers)
{
    models::PlanData plan;
    plan.catalog.servers = testing::servers(1, servers);
    models::PlanKey key = models::kNoKey;
    for (int first = 1; first <= servers; first += sms::api::kServersPerApplication) {
        models::PlanApplication app = testing::namedApplication("app-" + std::to_string(first), ++key);
        models::PlanServerGroup group = testing::namedGroup("g", ++key);
        for (int s = first; s < first + sms::api::kServersPerApplication && s <= servers; ++s)
            group.serverIds.push_back("s" + std::to_string(s));
        app.serverGroups.push_back(std::move(group));
        plan.applications.push_back(std::move(app));
    }
    return plan;
}

} // namespace

class TestProblemsPane : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase() { qRegisterMetaType<std::vector<PlanIssue>>(); }

    void modelChangesOnlyWhatDiffers_data()
    {
        QTest::addColumn<QString>("before");
        QTest::addColumn<QString>("after");
        QTest::addColumn<QString>("shown");    // codes, errors first
        QTest::addColumn<int>("inserted");     // rows inserted, removed and changed in place
        QTest::addColumn<int>("removed");
        QTest::addColumn<int>("changed");
        QTest::addRow("first check") << "" << "w:a,e:b" << "b,a" << 2 << 0 << 0;
        QTest::addRow("the same again") << "w:a,w:b" << "w:a,w:b" << "a,b" << 0 << 0 << 0;
        QTest::addRow("one fixed in the middle") << "w:a,w:b,w:c" << "w:a,w:c" << "a,c" << 0 << 1 << 0;
        QTest::addRow("one new in the middle") << "w:a,w:c" << "w:a,w:b,w:c" << "a,b,c" << 1 << 0 << 0;
        QTest::addRow("one replaced") << "w:a,w:b,w:c" << "w:a,w:x,w:c" << "a,x,c" << 0 << 0 << 1;
        QTest::addRow("all fixed") << "w:a,e:b" << "" << "" << 0 << 2 << 0;
    }

    void modelChangesOnlyWhatDiffers()
    {
        QFETCH(QString, before);
        QFETCH(QString, after);
        QFETCH(QString, shown);
        QFETCH(int, inserted);
        QFETCH(int, removed);
        QFETCH(int, changed);
        ProblemsModel model;
        QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::QtTest);
        model.setIssues(issuesFrom(before));

        int insertedRows = 0, removedRows = 0, changedRows = 0;
        connect(&model, &QAbstractItemModel::rowsInserted, this,
                [&](const QModelIndex &, int first, int last) { insertedRows += last - first + 1; });
        connect(&model, &QAbstractItemModel::rowsRemoved, this,
                [&](const QModelIndex &, int first, int last) { removedRows += last - first + 1; });
        connect(&model, &QAbstractItemModel::dataChanged, this,
                [&](const QModelIndex &from, const QModelIndex &to) { changedRows += to.row() - from.row() + 1; });
        QSignalSpy resets(&model, &QAbstractItemModel::modelReset);
        model.setIssues(issuesFrom(after));

        QCOMPARE(codesOf(model), shown);
        QCOMPARE(insertedRows, inserted);
        QCOMPARE(removedRows, removed);
        QCOMPARE(changedRows, changed);
        QCOMPARE(resets.count(), 0);
        QCOMPARE(model.errorCount() + model.warningCount(), model.rowCount());
    }

    void modelShowsWhatAndWhere()
    {
        ProblemsModel model;
        QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::QtTest);
        QPixmap red(8, 8);
        red.fill(Qt::red);
        model.setIcons(QIcon(red), QIcon());
        model.setIssues({issue("unknown-server", PlanIssue::Severity::Error)});
        QCOMPARE(model.index(0, ProblemsModel::Problem).data().toString(), QStringLiteral("About unknown-server."));
        QCOMPARE(model.index(0, ProblemsModel::Where).data().toString(), QStringLiteral("applications[0]"));
        QVERIFY(!model.index(0, ProblemsModel::Problem).data(Qt::DecorationRole).value<QIcon>().isNull());
        QCOMPARE(model.index(0, 0).data(ProblemsModel::SeverityRole).toInt(), int(PlanIssue::Severity::Error));
        QCOMPARE(model.errorCount(), 1);
    }

    // The pane follows the plan: an edit is checked once, after a pause.
    void followsThePlan_data()
    {
        QTest::addColumn<QString>("plan");
        QTest::addColumn<QString>("rename");     // the second application's new name
        QTest::addColumn<QStringList>("before");
        QTest::addColumn<QStringList>("after");
        QTest::addRow("a duplicate name fixed")
            << "Payroll{web:s1} | Payroll{db:s2}" << "Billing" << strings({"duplicate-application-name"})
            << QStringList{};
        QTest::addRow("a duplicate name made")
            << "Payroll{web:s1} | Billing{db:s2}" << "Payroll" << QStringList{}
            << strings({"duplicate-application-name"});
    }

    void followsThePlan()
    {
        QFETCH(QString, plan);
        QFETCH(QString, rename);
        QFETCH(QStringList, before);
        QFETCH(QStringList, after);
        models::PlanDocument document;
        document.reset(testing::planFrom(plan, testing::servers(1, 3)));
        sms::ui::ProblemsPane pane(document);
        QAbstractItemModelTester tester(pane.view()->model(), QAbstractItemModelTester::FailureReportingMode::QtTest);
        QSignalSpy checks(&pane.checker(), &models::PlanChecker::checked);
        pane.checker().checkNow();
        QCOMPARE(codesOf(checks.takeLast().at(0).value<std::vector<PlanIssue>>()), before);
        QCOMPARE(pane.view()->model()->rowCount(), int(before.size()));

        models::ApplicationFields fields = models::fieldsOf(document.application(1));
        fields.name = rename.toStdString();
        document.undoStack().push(new models::EditApplicationCommand(document, document.application(1).key, fields));
        QVERIFY(pane.checker().isPending());  // not at once: edits come in bursts
        QCOMPARE(checks.count(), 0);
        QTRY_COMPARE(checks.count(), 1);
        QCOMPARE(codesOf(checks.takeLast().at(0).value<std::vector<PlanIssue>>()), after);
        QCOMPARE(pane.view()->model()->rowCount(), int(after.size()));
        QVERIFY(pane.summaryLabel()->text().startsWith(after.isEmpty() ? QStringLiteral("The plan's checks find nothing")
                                                                        : QStringLiteral("0 error(s), 1 warning(s)")));
    }

    // Double-click asks for the subject; the Applications pane selects it.
    void activatingSelectsTheSubject_data()
    {
        QTest::addColumn<QString>("code");
        QTest::addColumn<QString>("selected");  // the Applications pane's current row, by its name
        QTest::addRow("an application") << "duplicate-application-name" << "Payroll";
        QTest::addRow("a group") << "empty-group" << "db";
        QTest::addRow("a server") << "unknown-server" << "s9";
    }

    void activatingSelectsTheSubject()
    {
        QFETCH(QString, code);
        QFETCH(QString, selected);
        models::PlanDocument document;
        document.reset(testing::planFrom(QStringLiteral("Payroll{web:s1,s9;db:} | Payroll{x:s2}"), testing::servers(1, 3)));
        models::PlanEditor editor(document);
        models::ApplicationsTreeModel tree(editor);
        sms::ui::ApplicationsPane applications(tree);
        sms::ui::ProblemsPane pane(document);
        connect(&pane, &sms::ui::ProblemsPane::showRequested, &applications, &sms::ui::ApplicationsPane::selectSubject);

        const QAbstractItemModel &model = *pane.view()->model();
        int row = 0;
        while (row < model.rowCount() && model.index(row, 0).data(ProblemsModel::CodeRole).toString() != code)
            ++row;
        QVERIFY(row < model.rowCount());
        QSignalSpy asked(&pane, &sms::ui::ProblemsPane::showRequested);
        Q_EMIT pane.view()->activated(model.index(row, ProblemsModel::Where));
        QCOMPARE(asked.count(), 1);
        const QModelIndex current = applications.view()->currentIndex();
        QVERIFY(current.isValid());
        const QString name = current.data(models::ApplicationsTreeModel::ServerIdRole).toString();
        QCOMPARE(name.isEmpty() ? current.siblingAtColumn(0).data().toString() : name, selected);
        if (code == QLatin1String("duplicate-application-name"))
            QCOMPARE(current.row(), 1);  // the second one, which the issue is about
    }

    // A 100,000-server plan: how long its checks take (with the table
    // filled), and that the pause before the next run grows with it. The
    // times are printed for the docs.
    void bigPlanStaysResponsive_data()
    {
        QTest::addColumn<bool>("warnEveryServer");
        QTest::addRow("no issues") << false;
        QTest::addRow("a warning per server") << true;  // launch settings without subnet or security group
    }

    void bigPlanStaysResponsive()
    {
        QFETCH(bool, warnEveryServer);
        constexpr int kServers = 100000;
        models::PlanData plan = bigPlan(kServers);
        if (warnEveryServer)
            for (models::PlanApplication &app : plan.applications)
                app.settings.launch.emplace().instanceType = "m5.large";
        models::PlanDocument document;
        document.reset(std::move(plan));
        sms::ui::ProblemsPane pane(document);  // no model tester: it would be timed too
        constexpr int kRuns = 5;
        QElapsedTimer clock;
        clock.start();
        for (int i = 0; i < kRuns; ++i)
            pane.checker().checkNow();
        qInfo("%s: %.1f ms a check over %d servers (validatePlan alone %.1f ms)", QTest::currentDataTag(),
              double(clock.nsecsElapsed()) / kRuns / 1e6, kServers,
              double(pane.checker().lastDuration().count()) / 1000);
        QCOMPARE(pane.view()->model()->rowCount(), warnEveryServer ? kServers : 0);
        QVERIFY(pane.checker().delay() >= models::PlanChecker::kMinimumDelay);
        QVERIFY(pane.checker().delay().count() >= pane.checker().lastDuration().count() / 1000 * 4 - 1);
    }
};

QTEST_MAIN(TestProblemsPane)
#include "tst_problemspane.moc"
