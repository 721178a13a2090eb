// The CloudFormation viewer: switching between JSON and YAML shows the one
// template both ways, Copy takes what is shown, Save As writes it whole (and
// a save that cannot happen leaves nothing behind and says why); Preview
// CloudFormation opens it for a plan application, or says why it cannot.

#include "ui/templates/PlanTemplatePreview.h"
#include "ui/templates/TemplateViewer.h"

#include "tests/support/FileBytes.h"

#include <QApplication>
#include <QClipboard>
#include <QComboBox>
#include <QMessageBox>
#include <QPlainTextEdit>
#include <QPushButton>
#include <QTemporaryDir>
#include <QTest>
#include <QTimer>

using namespace sms;
using namespace sms::ui;
using api::Json;

namespace {

// "Payroll": one group of two servers, s-1 with an AMI, s-2 without.
models::PlanData payroll(int servers = 2)
{
    models::PlanData plan;
    models::PlanApplication &app = plan.applications.emplace_back();
    app.key = 1;
    app.name = "Payroll";
    models::PlanServerGroup &group = app.serverGroups.emplace_back();
    group.key = 2;
    group.name = "web";
    for (int s = 1; s <= servers; ++s) {
        api::Server &server = plan.catalog.servers.emplace_back();
        server.serverId = "s-" + std::to_string(s);
        server.vmServer.emplace();
        server.vmServer->vmName = "web-0" + std::to_string(s);
        group.serverIds.push_back(*server.serverId);
    }
    plan.catalog.replicationJobs.push_back(
        {"sms-job-1", "s-1", api::ReplicationJobState::Active, std::string(), "ami-0123456789abcdef0"});
    return plan;
}

} // namespace

class TestTemplateViewer : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void showsAndSavesEitherFormat_data()
    {
        QTest::addColumn<bool>("yaml");
        QTest::addColumn<QString>("opening");  // how the document starts
        QTest::addColumn<QString>("amiLine");  // how s-1's AMI is written

        QTest::addRow("json") << false << "{\n  \"AWSTemplateFormatVersion\": \"2010-09-09\""
                              << "\"ImageId\": \"ami-0123456789abcdef0\"";
        QTest::addRow("yaml") << true << "AWSTemplateFormatVersion: \"2010-09-09\""
                              << "ImageId: ami-0123456789abcdef0";
    }

    void showsAndSavesEitherFormat()
    {
        QFETCH(bool, yaml);
        QFETCH(QString, opening);
        QFETCH(QString, amiLine);

        QWidget parent;
        TemplateViewer *viewer = previewCloudFormation(&parent, payroll(), 1);
        QVERIFY(viewer);
        QVERIFY(viewer->isVisible());
        QVERIFY(viewer->windowTitle().contains(QLatin1String("Payroll")));
        auto *text = viewer->findChild<QPlainTextEdit *>(QStringLiteral("template"));
        auto *format = viewer->findChild<QComboBox *>(QStringLiteral("format"));
        QVERIFY(text && format);
        QVERIFY(text->isReadOnly());
        QCOMPARE(viewer->format(), api::OutputFormat::Json);  // SMS's default

        format->setCurrentIndex(format->findText(yaml ? QStringLiteral("YAML") : QStringLiteral("JSON")));
        QCOMPARE(viewer->format(), yaml ? api::OutputFormat::Yaml : api::OutputFormat::Json);
        QVERIFY2(viewer->text().startsWith(opening), qPrintable(viewer->text().left(80)));
        QVERIFY(viewer->text().contains(amiLine));
        QVERIFY(viewer->text().contains(QLatin1String("AWS::EC2::Image::Id")));  // s-2's AMI, a parameter

        QTest::mouseClick(viewer->findChild<QPushButton *>(QStringLiteral("copy")), Qt::LeftButton);
        QCOMPARE(QApplication::clipboard()->text(), viewer->text());

        QTemporaryDir dir;
        const QString path = dir.filePath(QStringLiteral("payroll.template"));
        QCOMPARE(viewer->saveTo(path), QString());
        QCOMPARE(QString::fromUtf8(readBytes(path)), viewer->text());

        const QString nowhere = dir.filePath(QStringLiteral("missing/payroll.template"));
        QVERIFY(!viewer->saveTo(nowhere).isEmpty());
        QVERIFY(!QFile::exists(nowhere));
    }

    void switchingBackShowsTheSameDocument()
    {
        QWidget parent;
        TemplateViewer *viewer = previewCloudFormation(&parent, payroll(), 1);
        QVERIFY(viewer);
        const QString json = viewer->text();
        viewer->setFormat(api::OutputFormat::Yaml);
        QVERIFY(viewer->text() != json);
        viewer->setFormat(api::OutputFormat::Json);
        QCOMPARE(viewer->text(), json);
    }

    void saysWhyATemplateCannotBeBuilt_data()
    {
        QTest::addColumn<int>("servers");
        QTest::addColumn<QString>("words");

        QTest::addRow("no servers") << 0 << "has no servers to launch";
        QTest::addRow("too many") << 101 << "has 101 servers; a CloudFormation template launches at most 100";
    }

    void saysWhyATemplateCannotBeBuilt()
    {
        QFETCH(int, servers);
        QFETCH(QString, words);

        QWidget parent;
        QString shown;
        QTimer::singleShot(0, this, [&shown] {
            if (auto *box = qobject_cast<QMessageBox *>(QApplication::activeModalWidget())) {
                shown = box->text();
                box->close();
            }
        });
        QVERIFY(!previewCloudFormation(&parent, payroll(servers), 1));
        QVERIFY2(shown.contains(words) && shown.contains(QLatin1String("Payroll")), qPrintable(shown));
        QVERIFY(!parent.findChild<TemplateViewer *>());
    }
};

QTEST_MAIN(TestTemplateViewer)
#include "tst_templateviewer.moc"
