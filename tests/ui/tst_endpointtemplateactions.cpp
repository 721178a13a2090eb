// Generate Template and Generate Change Set from the Applications on the
// endpoint pane, on the window's embedded sandbox: the message says where
// SMS wrote the document, and the viewer shows it as sms-local wrote it
// (read back from its bucket as from S3), in the format asked for; an
// application without AMIs gets SMS's refusal in words and no viewer.

#include "models/EndpointAppsModel.h"
#include "ui/MainWindow.h"
#include "ui/replication/EndpointAppsPane.h"
#include "ui/replication/ReplicationWorkspace.h"
#include "ui/templates/EndpointTemplateActions.h"
#include "ui/templates/TemplateViewer.h"

#include <QAction>
#include <QComboBox>
#include <QItemSelectionModel>
#include <QMenu>
#include <QSignalSpy>
#include <QStandardPaths>
#include <QTableView>
#include <QTest>
#include <QToolBar>
#include <QToolButton>

using namespace sms;
using Document = ui::EndpointTemplateActions::Document;

class TestEndpointTemplateActions : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase()
    {
        QStandardPaths::setTestModeEnabled(true);
        ui::StartOptions options;
        options.sandbox = true;
        options.sandboxOptions.servers = 200;
        options.sandboxOptions.failureRate = 0;
        m_window = std::make_unique<ui::MainWindow>(options);
        m_window->show();
        m_actions = m_window->findChild<ui::EndpointTemplateActions *>();
        QVERIFY(m_actions);
        QTRY_VERIFY_WITH_TIMEOUT(appRow(QStringLiteral("Payroll")).isValid(), 30000);
    }

    void cleanupTestCase() { m_window.reset(); }

    void onThePanesToolbarAndContextMenu()
    {
        ui::EndpointAppsPane *pane = m_window->replication()->applicationsPane();
        QVERIFY(pane->applicationsView()->actions().contains(m_actions->menuAction()));
        auto *button = qobject_cast<QToolButton *>(
            pane->findChild<QToolBar *>()->widgetForAction(m_actions->menuAction()));
        QVERIFY(button);
        QCOMPARE(button->popupMode(), QToolButton::InstantPopup);
        QCOMPARE(m_actions->menuAction()->menu()->actions().size(), 4);
    }

    void generates_data()
    {
        QTest::addColumn<QString>("app");
        QTest::addColumn<bool>("changeSet");
        QTest::addColumn<bool>("yaml");
        QTest::addColumn<QString>("says");  // the message begins so
        QTest::addColumn<QString>("opening");  // the viewer's document; empty: no viewer

        QTest::addRow("template, JSON") << "Payroll" << false << false
                                        << "The template of Payroll is at s3://sms-local-templates/"
                                        << "{\n  \"AWSTemplateFormatVersion\": \"2010-09-09\"";
        QTest::addRow("template, YAML") << "Payroll" << false << true
                                        << "The template of Payroll is at s3://sms-local-templates/"
                                        << "AWSTemplateFormatVersion: \"2010-09-09\"";
        QTest::addRow("change set, YAML") << "Payroll" << true << true
                                          << "The change set of Payroll is at s3://sms-local-templates/"
                                          << "AWSTemplateFormatVersion: \"2010-09-09\"";
        QTest::addRow("change set, not launched") << "Intranet" << true << false
                                                  << "No change set for Intranet: " << "";
        QTest::addRow("not replicated") << "CRM" << false << false << "No template for CRM: " << "";
    }

    void generates()
    {
        QFETCH(QString, app);
        QFETCH(bool, changeSet);
        QFETCH(bool, yaml);
        QFETCH(QString, says);
        QFETCH(QString, opening);

        QTableView *view = m_window->replication()->applicationsPane()->applicationsView();
        view->selectionModel()->select(appRow(app), QItemSelectionModel::ClearAndSelect | QItemSelectionModel::Rows);
        QAction *action = m_actions->action(changeSet ? Document::ChangeSet : Document::Template,
                                            yaml ? api::OutputFormat::Yaml : api::OutputFormat::Json);
        QVERIFY(action->isEnabled());

        QSignalSpy messages(m_actions, &ui::EndpointTemplateActions::message);
        action->trigger();
        QVERIFY(messages.wait(20000));
        const QString message = messages.first().first().toString();
        QVERIFY2(message.startsWith(says), qPrintable(message));
        if (opening.isEmpty()) {
            QVERIFY(!m_actions->lastViewer() || !m_actions->lastViewer()->isVisible()
                    || !m_actions->lastViewer()->windowTitle().contains(app));
            return;
        }
        QVERIFY2(message.endsWith(yaml ? QLatin1String(".yaml") : QLatin1String(".json")), qPrintable(message));
        // Read back from the sandbox's bucket as from S3, then shown.
        QTRY_VERIFY_WITH_TIMEOUT(m_actions->lastViewer() && m_actions->lastViewer()->isVisible()
                                     && m_actions->lastViewer()->windowTitle().contains(app),
                                 10000);
        ui::TemplateViewer *viewer = m_actions->lastViewer();
        QCOMPARE(viewer->format(), yaml ? api::OutputFormat::Yaml : api::OutputFormat::Json);
        QVERIFY(!viewer->findChild<QComboBox *>(QStringLiteral("format"))->isEnabled());  // as written
        QVERIFY2(viewer->text().startsWith(opening), qPrintable(viewer->text().left(80)));
        QVERIFY(viewer->text().contains(QLatin1String("AWS::EC2::Instance")));
        viewer->close();
    }

    void disabledWithoutASelection()
    {
        m_window->replication()->applicationsPane()->applicationsView()->clearSelection();
        QVERIFY(!m_actions->menuAction()->isEnabled());
        QVERIFY(!m_actions->action(Document::Template, api::OutputFormat::Json)->isEnabled());
    }

private:
    QModelIndex appRow(const QString &name) const
    {
        QAbstractItemModel *model = m_window->replication()->applicationsPane()->applicationsView()->model();
        const QModelIndexList found = model->match(model->index(0, models::EndpointAppsModel::Name), Qt::DisplayRole,
                                                   name, 1, Qt::MatchExactly);
        return found.isEmpty() ? QModelIndex() : found.first();
    }

    std::unique_ptr<ui::MainWindow> m_window;
    ui::EndpointTemplateActions *m_actions = nullptr;
};

QTEST_MAIN(TestEndpointTemplateActions)
#include "tst_endpointtemplateactions.moc"
