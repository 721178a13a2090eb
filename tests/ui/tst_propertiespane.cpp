#include "ui/PropertiesPane.h"

#include "models/PlanEditor.h"

#include <QApplication>
#include <QDir>
#include <QImage>
#include <QLabel>
#include <QLineEdit>
#include <QPushButton>
#include <QScrollArea>
#include <QScrollBar>
#include <QTableWidget>
#include <QTest>
#include <QTextEdit>
#include <QWheelEvent>

using sms::models::PlanKey;
using sms::ui::PropertiesPane;

namespace {

// Keys of the fixture plan.
constexpr PlanKey kWeb = 1;
constexpr PlanKey kFront = 2;
constexpr PlanKey kBack = 3;
constexpr PlanKey kBilling = 4;

const QString kLongPath = QStringLiteral(
    "/Datacenter-Frankfurt/vm/Production/WebTier/FrontendServersWithAVeryLongFolderNameThatHasNoSpaces/web-fra-00042");

sms::api::Server server(const std::string &id, const std::string &name, const std::string &path,
                        std::optional<std::string> job = {}, std::optional<bool> terminated = {})
{
    sms::api::Server server;
    server.serverId = id;
    server.serverType = sms::api::ServerType::VirtualMachine;
    sms::api::VmServer vm;
    vm.vmName = name;
    vm.vmManagerName = "vcenter-fra.example.com";
    vm.vmManagerType = sms::api::VmManagerType::Vsphere;
    vm.vmPath = path;
    vm.vmServerAddress = sms::api::VmServerAddress{"vcenter-fra-0001", "vm-" + id.substr(2, 4)};
    server.vmServer = vm;
    server.replicationJobId = std::move(job);
    server.replicationJobTerminated = terminated;
    return server;
}

sms::models::PlanData fixture()
{
    sms::models::PlanData data;
    data.catalog.servers = {
        server("s-1111111111111111a", "web-fra-00042", kLongPath.toStdString(), "sms-job-0123456789abcdef0"),
        server("s-2222222222222222b", "web-fra-00043", "/Datacenter-Frankfurt/vm/Production/WebTier/web-fra-00043"),
        server("s-3333333333333333c", "db-fra-00001", "/Datacenter-Frankfurt/vm/Production/db-fra-00001",
               "sms-job-fedcba98765432100", true),
    };
    data.catalog.replicationJobs = {
        {"sms-job-0123456789abcdef0", "s-1111111111111111a", sms::api::ReplicationJobState::Active,
         "Replication run 3 of 5 in progress"},
    };
    sms::models::PlanApplication web;
    web.key = kWeb;
    web.appId = "app-0123456789abcdef0";
    web.name = "Web tier";
    web.description = "Customer-facing web servers";
    web.roleName = "sms-migration";
    web.tags = {{"env", "prod"}, {"owner", "web-team"}};
    web.serverGroups.resize(2);
    web.serverGroups[0].key = kFront;
    web.serverGroups[0].serverGroupId = "sg-0123456789abcdef0";
    web.serverGroups[0].name = "Front";
    web.serverGroups[0].serverIds = {"s-1111111111111111a", "s-2222222222222222b"};
    web.serverGroups[1].key = kBack;
    web.serverGroups[1].name = "Back";
    web.serverGroups[1].serverIds = {"s-9999999999999999z"};  // not in the catalog
    sms::models::PlanApplication billing;
    billing.key = kBilling;
    billing.name = "Billing";
    data.applications = {web, billing};
    return data;
}

// The text of a read-only value; every form has a "heading", so the shown one.
QString valueText(const QWidget &pane, const char *objectName)
{
    const auto values = pane.findChildren<QTextEdit *>(QLatin1String(objectName));
    for (const QTextEdit *value : values) {
        if (values.size() == 1 || value->isVisibleTo(&pane))
            return value->toPlainText();
    }
    return QStringLiteral("<no %1 shown>").arg(QLatin1String(objectName));
}

// Puts `text` into a line edit as a user does (select all, type) and ends
// the edit with Return, which emits editingFinished.
void typeAndCommit(QLineEdit *edit, const QString &text)
{
    edit->setFocus();
    edit->selectAll();
    if (text.isEmpty())
        QTest::keyClick(edit, Qt::Key_Backspace);
    else
        QTest::keyClicks(edit, text);
    QTest::keyClick(edit, Qt::Key_Return);
}

// A cell editor commits Return on a queued call, then is deleted later.
void finishEditing()
{
    QCoreApplication::processEvents();
    QCoreApplication::sendPostedEvents(nullptr, QEvent::DeferredDelete);
}

// Opens the cell editor of a tag cell, types `text` over it and ends with `end`.
void editCell(QTableWidget *table, int row, int column, const QString &text, Qt::Key end = Qt::Key_Return)
{
    table->setCurrentCell(row, column);
    table->editItem(table->item(row, column));
    auto *editor = qobject_cast<QLineEdit *>(table->indexWidget(table->model()->index(row, column)));
    QVERIFY(editor);
    editor->selectAll();
    QTest::keyClicks(editor, text);
    QTest::keyClick(editor, end);
    finishEditing();
}

QLineEdit *openEditor(QTableWidget *table)
{
    return qobject_cast<QLineEdit *>(table->indexWidget(table->currentIndex()));
}

// Every visible value and label fits the pane: nothing runs past the right
// edge, and every wrapped value got the height its text needs.
void checkNothingClipped(const QWidget &pane)
{
    const int right = pane.width();
    const auto widgets = pane.findChildren<QWidget *>();
    for (const QWidget *widget : widgets) {
        if (!widget->isVisibleTo(&pane) || qobject_cast<const QScrollBar *>(widget))
            continue;
        const QRect box(widget->mapTo(&pane, QPoint(0, 0)), widget->size());
        if (qobject_cast<const QLabel *>(widget) || qobject_cast<const QTextEdit *>(widget)
            || qobject_cast<const QLineEdit *>(widget) || qobject_cast<const QPushButton *>(widget)) {
            QVERIFY2(box.right() < right, qPrintable(widget->objectName() + QStringLiteral(" runs past the edge")));
        }
        if (const auto *text = qobject_cast<const QTextEdit *>(widget)) {
            QVERIFY2(text->height() >= text->heightForWidth(text->width()),
                     qPrintable(text->objectName() + QStringLiteral(" is cut off: ") + text->toPlainText()));
        }
        if (const auto *label = qobject_cast<const QLabel *>(widget); label && label->wordWrap()) {
            QVERIFY2(label->height() >= label->heightForWidth(label->width()),
                     qPrintable(label->objectName() + QStringLiteral(" is cut off: ") + label->text()));
        }
    }
}

} // namespace

class TestPropertiesPane : public QObject
{
    Q_OBJECT

private:
    void settle() { QCoreApplication::processEvents(); }

    sms::models::PlanDocument *m_document = nullptr;
    sms::models::PlanEditor *m_editor = nullptr;
    PropertiesPane *m_pane = nullptr;

    QLineEdit *edit(const char *name) const { return m_pane->findChild<QLineEdit *>(QLatin1String(name)); }
    QLabel *label(const char *name) const { return m_pane->findChild<QLabel *>(QLatin1String(name)); }
    QTableWidget *tags() const { return m_pane->findChild<QTableWidget *>(QStringLiteral("tagsTable")); }
    const sms::models::PlanApplication &web() const
    {
        return m_document->application(m_document->positionOf(kWeb).application);
    }
    const sms::models::PlanServerGroup &front() const
    {
        const auto position = m_document->positionOf(kFront);
        return m_document->group(position.application, position.group);
    }

private Q_SLOTS:
    void init()
    {
        m_document = new sms::models::PlanDocument;
        m_editor = new sms::models::PlanEditor(*m_document);
        m_document->reset(fixture());
        m_pane = new PropertiesPane(*m_editor);
        m_pane->resize(320, 640);
        m_pane->show();
        QVERIFY(QTest::qWaitForWindowExposed(m_pane));
    }

    void cleanup()
    {
        delete m_pane;
        delete m_editor;
        delete m_document;
    }

    void hintWhenNothingIsSelected()
    {
        m_pane->showApplication(kWeb);
        m_pane->clear();
        QCOMPARE(m_pane->showing(), PropertiesPane::Showing::Hint);
        QVERIFY(label("message")->isVisible());
        QVERIFY(label("message")->text().contains(QStringLiteral("Select an application")));
        QVERIFY(!edit("nameEdit")->isVisible());
    }

    void summaryOfSeveralItems()
    {
        m_pane->showSelectionSummary(2, 1, 3);
        QCOMPARE(m_pane->showing(), PropertiesPane::Showing::Summary);
        const QString text = label("message")->text();
        QVERIFY2(text.startsWith(QStringLiteral("Selected \u2014 applications: 2, server groups: 1, servers: 3.")),
                 qPrintable(text));
        for (const QLineEdit *line : m_pane->findChildren<QLineEdit *>())
            QVERIFY(!line->isVisible());
        m_pane->showSelectionSummary(0, 0, 5);
        QVERIFY2(label("message")->text().startsWith(QStringLiteral("Selected \u2014 servers: 5.")),
                 qPrintable(label("message")->text()));
        m_pane->showSelectionSummary(0, 0, 0);
        QCOMPARE(m_pane->showing(), PropertiesPane::Showing::Hint);
    }

    void applicationDetails()
    {
        m_pane->showApplication(kWeb);
        QCOMPARE(m_pane->showing(), PropertiesPane::Showing::Application);
        QCOMPARE(valueText(*m_pane, "heading"), QStringLiteral("Application: Web tier"));
        QCOMPARE(edit("nameEdit")->text(), QStringLiteral("Web tier"));
        QCOMPARE(edit("descriptionEdit")->text(), QStringLiteral("Customer-facing web servers"));
        QCOMPARE(edit("roleNameEdit")->text(), QStringLiteral("sms-migration"));
        QCOMPARE(tags()->rowCount(), 2);
        QCOMPARE(tags()->item(1, 0)->text(), QStringLiteral("owner"));
        QCOMPARE(tags()->item(1, 1)->text(), QStringLiteral("web-team"));
        QCOMPARE(valueText(*m_pane, "appIdValue"), QStringLiteral("app-0123456789abcdef0"));
        QCOMPARE(valueText(*m_pane, "groupCountValue"), QStringLiteral("2"));
        QCOMPARE(valueText(*m_pane, "serverCountValue"), QStringLiteral("3"));

        m_pane->showApplication(kBilling);
        QCOMPARE(valueText(*m_pane, "appIdValue"), QStringLiteral("Not on the endpoint yet"));
        QCOMPARE(tags()->rowCount(), 0);

        m_pane->showApplication(kFront);  // a group's key is no application
        QCOMPARE(m_pane->showing(), PropertiesPane::Showing::Hint);
    }

    void editApplicationField_data()
    {
        QTest::addColumn<QString>("field");
        QTest::addColumn<QString>("typed");
        QTest::addColumn<QString>("stored");

        QTest::addRow("name") << "nameEdit" << "Storefront" << "Storefront";
        QTest::addRow("name, trimmed") << "nameEdit" << "  Storefront  " << "Storefront";
        QTest::addRow("description") << "descriptionEdit" << "Shop and checkout" << "Shop and checkout";
        QTest::addRow("description, emptied") << "descriptionEdit" << "" << "";
        QTest::addRow("role") << "roleNameEdit" << "sms-role-2" << "sms-role-2";
        QTest::addRow("role, emptied") << "roleNameEdit" << "" << "";
    }

    void editApplicationField()
    {
        QFETCH(QString, field);
        QFETCH(QString, typed);
        QFETCH(QString, stored);
        const sms::models::ApplicationFields before = sms::models::fieldsOf(web());
        auto storedOf = [&](const sms::models::PlanApplication &app) {
            if (field == QLatin1String("nameEdit"))
                return QString::fromStdString(app.name);
            if (field == QLatin1String("descriptionEdit"))
                return QString::fromStdString(app.description);
            return QString::fromStdString(app.roleName);
        };
        const QString old = storedOf(web());

        m_pane->showApplication(kWeb);
        QLineEdit *line = edit(field.toLatin1().constData());
        QVERIFY(line);
        typeAndCommit(line, typed);

        QCOMPARE(m_document->undoStack().count(), 1);  // one change, one undo step
        QCOMPARE(storedOf(web()), stored);
        QCOMPARE(line->text(), stored);
        sms::models::ApplicationFields others = sms::models::fieldsOf(web());
        if (field == QLatin1String("nameEdit"))
            others.name = before.name;
        else if (field == QLatin1String("descriptionEdit"))
            others.description = before.description;
        else
            others.roleName = before.roleName;
        QVERIFY(others == before);  // nothing else changed
        if (field == QLatin1String("nameEdit")) {
            settle();
            QCOMPARE(valueText(*m_pane, "heading"), QStringLiteral("Application: ") + stored);
        }

        // A second editingFinished (focus leaving after Return) adds nothing.
        Q_EMIT line->editingFinished();
        QCOMPARE(m_document->undoStack().count(), 1);

        m_document->undoStack().undo();
        settle();
        QCOMPARE(storedOf(web()), old);
        QCOMPARE(line->text(), old);
        m_document->undoStack().redo();
        settle();
        QCOMPARE(line->text(), stored);
    }

    void invalidNameIsRefused_data()
    {
        QTest::addColumn<QString>("typed");
        QTest::addRow("empty") << "";
        QTest::addRow("blank") << "   ";
    }

    void invalidNameIsRefused()
    {
        QFETCH(QString, typed);
        m_pane->showApplication(kWeb);
        QLineEdit *name = edit("nameEdit");
        QLabel *reason = label("nameEditError");
        QVERIFY(reason);
        QVERIFY(!reason->isVisible());

        typeAndCommit(name, typed);
        QCOMPARE(m_document->undoStack().count(), 0);
        QCOMPARE(web().name, std::string("Web tier"));
        QVERIFY(reason->isVisible());
        QCOMPARE(reason->text(), QStringLiteral("A name is required."));
        QCOMPARE(name->text(), typed);  // what the user typed stays, to be fixed

        // A document change elsewhere leaves the edit in progress alone.
        m_editor->renameGroup(kFront, "Edge");
        settle();
        QCOMPARE(name->text(), typed);
        QVERIFY(reason->isVisible());

        // Escape brings the stored name back.
        QTest::keyClick(name, Qt::Key_Escape);
        QCOMPARE(name->text(), QStringLiteral("Web tier"));
        QVERIFY(!reason->isVisible());
        QCOMPARE(m_document->undoStack().count(), 1);  // the group rename only
    }

    void fixingTheNameClearsTheReason()
    {
        m_pane->showApplication(kWeb);
        QLineEdit *name = edit("nameEdit");
        typeAndCommit(name, QString());
        QVERIFY(label("nameEditError")->isVisible());
        QTest::keyClicks(name, QStringLiteral("Shop"));
        QVERIFY(!label("nameEditError")->isVisible());  // gone as soon as it is fixed
        QTest::keyClick(name, Qt::Key_Return);
        QCOMPARE(web().name, std::string("Shop"));
        QCOMPARE(m_document->undoStack().count(), 1);
    }

    void editInProgressSurvivesRefresh()
    {
        m_pane->showApplication(kWeb);
        QLineEdit *description = edit("descriptionEdit");
        description->setFocus();
        description->selectAll();
        QTest::keyClicks(description, QStringLiteral("Half-typed"));

        m_editor->renameApplication(kWeb, "Renamed elsewhere");  // e.g. in the tree
        settle();
        QCOMPARE(edit("nameEdit")->text(), QStringLiteral("Renamed elsewhere"));
        QCOMPARE(valueText(*m_pane, "heading"), QStringLiteral("Application: Renamed elsewhere"));
        QCOMPARE(description->text(), QStringLiteral("Half-typed"));

        // The same item announced again (the selection moved with its row) is a refresh too.
        m_pane->showApplication(kWeb);
        QCOMPARE(description->text(), QStringLiteral("Half-typed"));

        QTest::keyClick(description, Qt::Key_Return);
        QCOMPARE(web().description, std::string("Half-typed"));
        QCOMPARE(web().name, std::string("Renamed elsewhere"));  // committed alone, not the old name
        QCOMPARE(m_document->undoStack().count(), 2);
    }

    void editTagValue()
    {
        m_pane->showApplication(kWeb);
        editCell(tags(), 0, 1, QStringLiteral("staging"));
        QCOMPARE(m_document->undoStack().count(), 1);
        QCOMPARE(web().tags.size(), std::size_t(2));
        QCOMPARE(web().tags[0].value.value_or(""), std::string("staging"));
        QCOMPARE(web().tags[1].key.value_or(""), std::string("owner"));

        m_document->undoStack().undo();
        settle();
        QCOMPARE(tags()->item(0, 1)->text(), QStringLiteral("prod"));
    }

    void addTag()
    {
        m_pane->showApplication(kWeb);
        QTest::mouseClick(m_pane->findChild<QPushButton *>(QStringLiteral("addTagButton")), Qt::LeftButton);
        QCOMPARE(tags()->rowCount(), 3);
        QLineEdit *key = openEditor(tags());
        QVERIFY(key);
        QTest::keyClicks(key, QStringLiteral("team"));
        QTest::keyClick(key, Qt::Key_Tab);  // commits the key, opens the value
        QCOMPARE(m_document->undoStack().count(), 1);
        QLineEdit *value = openEditor(tags());
        QVERIFY(value);
        QTest::keyClicks(value, QStringLiteral("blue"));
        QTest::keyClick(value, Qt::Key_Return);
        finishEditing();
        QCOMPARE(m_document->undoStack().count(), 2);
        QCOMPARE(web().tags.size(), std::size_t(3));
        QCOMPARE(web().tags[2].key.value_or(""), std::string("team"));
        QCOMPARE(web().tags[2].value.value_or(""), std::string("blue"));
        QVERIFY(!label("tagsError")->isVisible());
    }

    void addedTagLeftEmptyIsDropped()
    {
        m_pane->showApplication(kWeb);
        QTest::mouseClick(m_pane->findChild<QPushButton *>(QStringLiteral("addTagButton")), Qt::LeftButton);
        QLineEdit *key = openEditor(tags());
        QVERIFY(key);
        QTest::keyClick(key, Qt::Key_Escape);
        finishEditing();
        QCOMPARE(tags()->rowCount(), 2);
        QVERIFY(!label("tagsError")->isVisible());
        QCOMPARE(m_document->undoStack().count(), 0);
    }

    void invalidTagsAreRefused_data()
    {
        QTest::addColumn<int>("row");
        QTest::addColumn<int>("column");
        QTest::addColumn<QString>("typed");
        QTest::addColumn<QString>("reason");
        QTest::addRow("duplicate key") << 1 << 0 << "env" << "The key \u201Cenv\u201D is used twice: tag keys must be unique.";
        QTest::addRow("blank key") << 0 << 0 << " " << "Tag 1 has no key: every tag needs one.";
    }

    void invalidTagsAreRefused()
    {
        QFETCH(int, row);
        QFETCH(int, column);
        QFETCH(QString, typed);
        QFETCH(QString, reason);
        m_pane->showApplication(kWeb);
        editCell(tags(), row, column, typed);
        QCOMPARE(m_document->undoStack().count(), 0);
        QCOMPARE(web().tags[0].key.value_or(""), std::string("env"));
        QCOMPARE(web().tags[1].key.value_or(""), std::string("owner"));
        QLabel *error = label("tagsError");
        QVERIFY(error->isVisible());
        QCOMPARE(error->text(), reason);
        QCOMPARE(tags()->item(row, column)->text(), typed);  // kept to be fixed

        // Another field's commit leaves the table as typed.
        typeAndCommit(edit("roleNameEdit"), QStringLiteral("other-role"));
        settle();
        QCOMPARE(m_document->undoStack().count(), 1);
        QCOMPARE(tags()->item(row, column)->text(), typed);
        QVERIFY(web().tags[0].key == std::optional<std::string>("env"));

        // Escape on the table brings the stored tags back.
        tags()->setFocus();
        QTest::keyClick(tags(), Qt::Key_Escape);
        QCOMPARE(tags()->item(0, 0)->text(), QStringLiteral("env"));
        QCOMPARE(tags()->item(1, 0)->text(), QStringLiteral("owner"));
        QVERIFY(!error->isVisible());
    }

    void removeTag()
    {
        m_pane->showApplication(kWeb);
        tags()->selectRow(0);
        auto *remove = m_pane->findChild<QPushButton *>(QStringLiteral("removeTagButton"));
        QVERIFY(remove->isEnabled());
        QTest::mouseClick(remove, Qt::LeftButton);
        QCOMPARE(m_document->undoStack().count(), 1);
        QCOMPARE(web().tags.size(), std::size_t(1));
        QCOMPARE(web().tags[0].key.value_or(""), std::string("owner"));
        QCOMPARE(tags()->rowCount(), 1);
        m_document->undoStack().undo();
        settle();
        QCOMPARE(tags()->rowCount(), 2);
    }

    void groupDetailsAndRename()
    {
        m_pane->showGroup(kFront);
        QCOMPARE(m_pane->showing(), PropertiesPane::Showing::Group);
        QCOMPARE(valueText(*m_pane, "heading"), QStringLiteral("Server group: Front"));
        QCOMPARE(valueText(*m_pane, "groupIdValue"), QStringLiteral("sg-0123456789abcdef0"));
        QCOMPARE(valueText(*m_pane, "groupServerCountValue"), QStringLiteral("2"));
        QCOMPARE(valueText(*m_pane, "groupApplicationValue"), QStringLiteral("Web tier"));
        QLineEdit *name = edit("groupNameEdit");

        typeAndCommit(name, QStringLiteral(" Edge "));
        QCOMPARE(m_document->undoStack().count(), 1);
        QCOMPARE(front().name, std::string("Edge"));
        QCOMPARE(name->text(), QStringLiteral("Edge"));

        typeAndCommit(name, QString());
        QCOMPARE(m_document->undoStack().count(), 1);
        QVERIFY(label("groupNameEditError")->isVisible());
        QCOMPARE(front().name, std::string("Edge"));
        QTest::keyClick(name, Qt::Key_Escape);
        QCOMPARE(name->text(), QStringLiteral("Edge"));

        m_document->undoStack().undo();
        settle();
        QCOMPARE(name->text(), QStringLiteral("Front"));
        QCOMPARE(valueText(*m_pane, "heading"), QStringLiteral("Server group: Front"));

        m_pane->showGroup(kBack);
        QCOMPARE(valueText(*m_pane, "groupIdValue"), QStringLiteral("Not on the endpoint yet"));
    }

    void movedGroupStaysShown()
    {
        m_pane->showGroup(kFront);
        m_editor->moveGroups({kFront}, kBilling);  // removed from one application, inserted in the other
        settle();
        QCOMPARE(m_pane->showing(), PropertiesPane::Showing::Group);
        QCOMPARE(valueText(*m_pane, "groupApplicationValue"), QStringLiteral("Billing"));
    }

    void serverDetails()
    {
        m_pane->showServer(QStringLiteral("s-1111111111111111a"));
        QCOMPARE(m_pane->showing(), PropertiesPane::Showing::Server);
        QCOMPARE(valueText(*m_pane, "heading"), QStringLiteral("Server: web-fra-00042"));
        QCOMPARE(valueText(*m_pane, "vmNameValue"), QStringLiteral("web-fra-00042"));
        QCOMPARE(valueText(*m_pane, "serverIdValue"), QStringLiteral("s-1111111111111111a"));
        QCOMPARE(valueText(*m_pane, "serverTypeValue"), QStringLiteral("VIRTUAL_MACHINE"));
        QCOMPARE(valueText(*m_pane, "vmManagerValue"), QStringLiteral("vcenter-fra.example.com"));
        QCOMPARE(valueText(*m_pane, "vmManagerTypeValue"), QStringLiteral("VSPHERE"));
        QCOMPARE(valueText(*m_pane, "vmManagerIdValue"), QStringLiteral("vcenter-fra-0001"));
        QCOMPARE(valueText(*m_pane, "vmIdValue"), QStringLiteral("vm-1111"));
        QCOMPARE(valueText(*m_pane, "vmPathValue"), kLongPath);
        QCOMPARE(valueText(*m_pane, "replicationJobValue"), QStringLiteral("sms-job-0123456789abcdef0"));
        QCOMPARE(valueText(*m_pane, "jobStateValue"), QStringLiteral("ACTIVE\nReplication run 3 of 5 in progress"));
        QCOMPARE(valueText(*m_pane, "jobTerminatedValue"), QStringLiteral("No"));
        QCOMPARE(valueText(*m_pane, "plannedInValue"), QStringLiteral("Web tier \u203A Front"));
        QVERIFY(!label("serverNote")->isVisible());

        // The pane follows the plan: the server moves out of its application.
        m_editor->removeServers({"s-1111111111111111a"});
        settle();
        QCOMPARE(valueText(*m_pane, "plannedInValue"), QStringLiteral("No application"));

        m_pane->showServer(QStringLiteral("s-3333333333333333c"));
        QCOMPARE(valueText(*m_pane, "jobTerminatedValue"), QStringLiteral("Yes"));
        QVERIFY(valueText(*m_pane, "jobStateValue").startsWith(QStringLiteral("Not known")));

        m_pane->showServer(QStringLiteral("s-2222222222222222b"));
        QCOMPARE(valueText(*m_pane, "replicationJobValue"), QStringLiteral("None"));
        QVERIFY(!m_pane->findChild<QTextEdit *>(QStringLiteral("jobStateValue"))->isVisible());
    }

    // What an imported inventory said, shown when known and followed as it changes.
    void serverInventoryDetails()
    {
        m_pane->showServer(QStringLiteral("s-1111111111111111a"));
        QVERIFY(!m_pane->findChild<QTextEdit *>(QStringLiteral("cpusValue"))->isVisible());
        sms::models::InventoryDetails details;
        details.serverId = "s-1111111111111111a";
        details.cpus = 4;
        details.memoryMb = 16384;
        details.operatingSystem = "Ubuntu Linux (64-bit)";
        details.datacenter = "Frankfurt";
        details.cluster = "Cluster-A";
        m_document->exchangeInventory({details});
        settle();
        QCOMPARE(valueText(*m_pane, "cpusValue"), QStringLiteral("4"));
        QCOMPARE(valueText(*m_pane, "memoryValue"), QLocale().formattedDataSize(16384LL << 20, 1, QLocale::DataSizeIecFormat));
        QCOMPARE(valueText(*m_pane, "operatingSystemValue"), QStringLiteral("Ubuntu Linux (64-bit)"));
        QCOMPARE(valueText(*m_pane, "placementValue"), QStringLiteral("Frankfurt \u203A Cluster-A"));
        QVERIFY(m_pane->findChild<QTextEdit *>(QStringLiteral("cpusValue"))->isVisible());
        QVERIFY(!m_pane->findChild<QTextEdit *>(QStringLiteral("powerStateValue"))->isVisible());
    }

    void serverNotInCatalog()
    {
        m_pane->showServer(QStringLiteral("s-9999999999999999z"));
        QCOMPARE(valueText(*m_pane, "heading"), QStringLiteral("Server: s-9999999999999999z"));
        QVERIFY(label("serverNote")->isVisible());
        QVERIFY(label("serverNote")->text().contains(QStringLiteral("not in the catalog")));
        QVERIFY(!m_pane->findChild<QTextEdit *>(QStringLiteral("vmPathValue"))->isVisible());
        QCOMPARE(valueText(*m_pane, "plannedInValue"), QStringLiteral("Web tier \u203A Back"));
    }

    void deletionClearsThePane_data()
    {
        QTest::addColumn<bool>("group");
        QTest::addRow("application") << false;
        QTest::addRow("group") << true;
    }

    void deletionClearsThePane()
    {
        QFETCH(bool, group);
        if (group)
            m_pane->showGroup(kFront);
        else
            m_pane->showApplication(kWeb);
        m_editor->deleteItems({group ? kFront : kWeb}, {});
        settle();
        QCOMPARE(m_pane->showing(), PropertiesPane::Showing::Hint);
        QVERIFY(label("message")->isVisible());
        QVERIFY(!edit("nameEdit")->isVisible());
        QVERIFY(!edit("groupNameEdit")->isVisible());

        // Deleting the application of a shown group clears it too.
        m_document->undoStack().undo();
        m_pane->showGroup(kBack);
        m_editor->deleteItems({kWeb}, {});
        settle();
        QCOMPARE(m_pane->showing(), PropertiesPane::Showing::Hint);
    }

    void resetReplacesThePlan()
    {
        m_pane->showApplication(kWeb);
        m_document->reset(fixture());
        QCOMPARE(m_pane->showing(), PropertiesPane::Showing::Hint);  // keys of the old plan mean nothing now

        m_pane->showServer(QStringLiteral("s-2222222222222222b"));
        sms::models::PlanData data = fixture();
        data.catalog.servers[1].vmServer->vmName = "web-fra-renamed";
        m_document->reset(std::move(data));
        settle();
        QCOMPARE(m_pane->showing(), PropertiesPane::Showing::Server);
        QCOMPARE(valueText(*m_pane, "vmNameValue"), QStringLiteral("web-fra-renamed"));
    }

    // A value ignores the wheel, so that Qt passes a real (spontaneous) one
    // on to the pane's scroll area. A synthetic event is not passed on, so
    // this checks the first half; the second is Qt's.
    void wheelOverAValueIsLeftToThePane()
    {
        m_pane->resize(320, 200);
        m_pane->showServer(QStringLiteral("s-1111111111111111a"));
        settle();
        QVERIFY(m_pane->findChild<QScrollArea *>()->verticalScrollBar()->maximum() > 0);
        for (const char *name : {"vmNameValue", "vmPathValue"}) {
            QWidget *value = m_pane->findChild<QTextEdit *>(QLatin1String(name))->viewport();
            const QPoint at = value->rect().center();
            for (Qt::KeyboardModifier modifier : {Qt::NoModifier, Qt::ControlModifier}) {
                QWheelEvent wheel(at, value->mapToGlobal(at), QPoint(), QPoint(0, -120), Qt::NoButton, modifier,
                                  Qt::NoScrollPhase, false);
                QCoreApplication::sendEvent(value, &wheel);
                QVERIFY(!wheel.isAccepted());
            }
        }
    }

    // A main window destroys its document and editor (value members) before
    // its docks: a field that loses focus on the way out must not commit.
    void teardownWithAnEditInProgress_data()
    {
        QTest::addColumn<bool>("documentFirst");
        QTest::addColumn<bool>("inTable");
        QTest::addColumn<bool>("paneIsWindow");
        for (bool inTable : {false, true}) {
            const char *field = inTable ? "cell editor" : "name";
            QTest::addRow("window first, %s", field) << false << inTable << false;
            QTest::addRow("document first, %s", field) << true << inTable << false;
            QTest::addRow("pane as window, %s", field) << false << inTable << true;
        }
    }

    void teardownWithAnEditInProgress()
    {
        QFETCH(bool, documentFirst);
        QFETCH(bool, inTable);
        QFETCH(bool, paneIsWindow);
        // Like a main window: the pane inside a window that outlives the document.
        auto *document = new sms::models::PlanDocument;
        auto *editor = new sms::models::PlanEditor(*document);
        document->reset(fixture());
        auto *window = paneIsWindow ? nullptr : new QWidget;
        auto *pane = new PropertiesPane(*editor, window);
        if (paneIsWindow)
            window = pane;
        pane->resize(320, 640);
        window->show();
        QVERIFY(QTest::qWaitForWindowActive(window));
        pane->showApplication(kWeb);
        auto *table = pane->findChild<QTableWidget *>(QStringLiteral("tagsTable"));
        if (inTable) {
            table->setFocus();
            table->setCurrentCell(0, 1);
            table->editItem(table->item(0, 1));
            QLineEdit *cell = openEditor(table);
            QVERIFY(cell);
            cell->selectAll();
            QTest::keyClicks(cell, QStringLiteral("half"));
        } else {
            auto *name = pane->findChild<QLineEdit *>(QStringLiteral("nameEdit"));
            name->setFocus();
            name->selectAll();
            QTest::keyClicks(name, QStringLiteral("Half-typed"));
        }
        if (documentFirst) {
            delete editor;
            delete document;
            delete window;
        } else {
            delete window;
            QCoreApplication::processEvents();
            // An edit may be committed as its field loses focus on the way
            // out, but only whole, while the pane is still whole.
            QVERIFY(document->undoStack().count() <= 1);
            const auto &app = document->application(0);
            if (inTable)
                QVERIFY(app.tags[0].value == std::optional<std::string>("prod") || app.tags[0].value == std::optional<std::string>("half"));
            else
                QVERIFY(app.name == "Web tier" || app.name == "Half-typed");
            delete editor;
            delete document;
        }
        QCoreApplication::processEvents();
    }

    // Renders each kind at a dock's width and checks that nothing is cut off
    // or runs past the edge.
    void renders_data()
    {
        QTest::addColumn<int>("kind");
        QTest::addColumn<int>("width");
        QTest::addColumn<QString>("file");
        QTest::addRow("application") << 0 << 320 << "props-app.png";
        QTest::addRow("group") << 1 << 320 << "props-group.png";
        QTest::addRow("server") << 2 << 320 << "props-server.png";
        QTest::addRow("server not in catalog") << 3 << 320 << "props-missing.png";
        QTest::addRow("summary") << 4 << 320 << "props-summary.png";
        QTest::addRow("hint") << 5 << 320 << "props-hint.png";
        QTest::addRow("application, narrow") << 0 << 240 << "props-app-narrow.png";
        QTest::addRow("server, narrow") << 2 << 240 << "props-server-narrow.png";
    }

    void renders()
    {
        QFETCH(int, kind);
        QFETCH(int, width);
        QFETCH(QString, file);
        m_pane->resize(width, 640);
        m_editor->renameApplication(kWeb, "Customer web storefront (Frankfurt, production)");
        switch (kind) {
        case 0: m_pane->showApplication(kWeb); break;
        case 1: m_pane->showGroup(kFront); break;
        case 2: m_pane->showServer(QStringLiteral("s-1111111111111111a")); break;
        case 3: m_pane->showServer(QStringLiteral("s-9999999999999999z")); break;
        case 4: m_pane->showSelectionSummary(2, 1, 14); break;
        default: m_pane->clear(); break;
        }
        if (kind == 0) {
            // An invalid edit in progress, to see the reason's look.
            typeAndCommit(edit("nameEdit"), QString());
        }
        settle();
        checkNothingClipped(*m_pane);
        // SMS_RENDER_DIR=/tmp keeps the pictures, to look at after a layout change.
        const QImage picture = m_pane->grab().toImage();
        QVERIFY(!picture.isNull());
        if (const QString out = qEnvironmentVariable("SMS_RENDER_DIR"); !out.isEmpty())
            QVERIFY(picture.save(QDir(out).filePath(file)));
    }
};

QTEST_MAIN(TestPropertiesPane)
#include "tst_propertiespane.moc"
