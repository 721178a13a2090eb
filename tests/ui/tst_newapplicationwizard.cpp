// The new-application wizard driven page by page as a user would: fields
// typed, catalog rows selected and added, groups proposed and rearranged,
// then Finish, which must be one undo step that undo takes back whole.

#include "ui/NewApplicationWizard.h"

#include "models/PlanMimeTypes.h"
#include "tests/models/PlanFixtures.h"
#include "tests/support/SelectServers.h"
#include "ui/CatalogPane.h"
#include "ui/wizard/ApplicationDetailsPage.h"
#include "ui/problems/PlanIssuesList.h"
#include "ui/wizard/ApplicationReviewPage.h"
#include "ui/wizard/GroupArrangement.h"
#include "ui/wizard/LaunchSettingsPage.h"
#include "ui/wizard/ReplicationSettingsPage.h"
#include "ui/wizard/ServerChoicePage.h"
#include "ui/wizard/ServerGroupsPage.h"
#include "ui/wizard/TagRowsEdit.h"
#include "ui/wizard/WizardStepList.h"

#include <QApplication>
#include <QCheckBox>
#include <QComboBox>
#include <QDateTimeEdit>
#include <QLabel>
#include <QLineEdit>
#include <QListWidget>
#include <QPushButton>
#include <QRadioButton>
#include <QSpinBox>
#include <QTableView>
#include <QTableWidget>
#include <QTest>
#include <QTextBrowser>

#include <memory>

using sms::models::PlanKey;
using sms::ui::NewApplicationWizard;
namespace models = sms::models;
namespace testing = sms::models::testing;

namespace {

sms::api::Server vm(const std::string &id, const std::string &name, const std::string &path)
{
    sms::api::Server server = testing::makeServer(id, name);
    server.vmServer->vmPath = path;
    return server;
}

// Two web servers and two databases in folders of their own, a third web
// server in a folder of the same name elsewhere, planned in "Legacy" (so
// choosing it moves it), and servers without a folder or a dash in the name.
models::PlanData fixture()
{
    std::vector<sms::api::Server> catalog{
        vm("s-web1", "web-01", "/dc1/prod/web/web-01"), vm("s-web2", "web-02", "/dc1/prod/web/web-02"),
        vm("s-db1", "db-01", "/dc1/prod/db/db-01"),     vm("s-db2", "db-02", "/dc1/prod/db/db-02"),
        vm("s-web3", "web-03", "/dc2/web/web-03"),      vm("s-misc", "MISC", "MISC"),
        vm("s-x", "x-01", "/dc2/x/x-01"),
    };
    return testing::planFrom(QStringLiteral("Legacy{old:s-x,s-web3}"), std::move(catalog));
}

// Groups in the fixtures' notation: "{db:s-db1,s-db2;web:s-web1}".
QString notationOf(const std::vector<models::PlanServerGroup> &groups)
{
    models::PlanApplication app;
    app.serverGroups = groups;
    return testing::notationOf({app});
}

// Drags server ids over `viewport` and drops them at `at`, as a drag from
// a view would (Qt delivers a drop only where the drag entered); true when
// the drop was taken.
bool dropServers(QWidget *viewport, QPoint at, const std::vector<std::string> &ids, Qt::DropAction action)
{
    const auto data = models::serverIdsMimeData(ids);
    QDragEnterEvent enter(at, action, data.get(), Qt::LeftButton, Qt::NoModifier);
    QCoreApplication::sendEvent(viewport, &enter);
    QDragMoveEvent move(at, action, data.get(), Qt::LeftButton, Qt::NoModifier);
    QCoreApplication::sendEvent(viewport, &move);
    QDropEvent drop(at, action, data.get(), Qt::LeftButton, Qt::NoModifier);
    QCoreApplication::sendEvent(viewport, &drop);
    return drop.isAccepted();
}

QString launchOrders(const std::vector<models::PlanServerGroup> &groups)
{
    QStringList orders;
    for (const models::PlanServerGroup &group : groups)
        orders << (group.launchOrder ? QString::number(*group.launchOrder) : QStringLiteral("-"));
    return orders.join(QLatin1Char(','));
}

} // namespace

class TestNewApplicationWizard : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void init();
    void cleanup();

    void nameIsRequiredAndUnused_data();
    void nameIsRequiredAndUnused();
    void problemWaitsForInput_data();
    void problemWaitsForInput();
    void stepIndicator();
    void tagKeysMustBeUniqueAndPresent();
    void noServerChosenBlocks();
    void choiceSurvivesFiltersAndTellsOfMoves();
    void proposeGroupsByFolder();
    void proposeGroupsByPattern();
    void badPatternIsExplained_data();
    void badPatternIsExplained();
    void moveServersBetweenGroups();
    void emptyGroupBlocksAndIsNamed();
    void groupNameCannotBeBlank();
    void launchOrderFollowsTheSpinBoxes();
    void replicationOnceOrEvery();
    void kmsKeyOnlyWhenEncrypted();
    void userDataNeedsBucketAndKey();
    void reviewErrorDisablesFinish();
    void reviewChecksTheDraftInThePlan_data();
    void reviewChecksTheDraftInThePlan();
    void finishIsOneUndoStep();
    void backKeepsEveryEntry();

private:
    template <typename T>
    T *child(QWidget *page, const char *name) const
    {
        T *widget = page->findChild<T *>(QLatin1String(name));
        if (!widget)
            qFatal("no %s named %s", T::staticMetaObject.className(), name);
        return widget;
    }
    // Next, which must reach `expected`.
    bool nextTo(int expected);
    void fillDetails(const QString &name);
    // Selects the catalog rows of `ids` as shown now and presses Add.
    void chooseInCatalog(const std::vector<std::string> &ids);
    // From the first page to the groups page with `ids` chosen.
    void reachGroups(const std::vector<std::string> &ids);
    void reachReview();
    // Types into a cell's editor and ends with Return, which must not press Next.
    void typeIntoCell(QTableWidget *table, int row, int column, const QString &text);
    QString problemOf(sms::ui::CheckedWizardPage *page) const;

    std::unique_ptr<models::PlanDocument> m_document;
    std::unique_ptr<NewApplicationWizard> m_wizard;
};

void TestNewApplicationWizard::init()
{
    m_document = std::make_unique<models::PlanDocument>();
    m_document->reset(fixture());
    m_wizard = std::make_unique<NewApplicationWizard>(*m_document);
    m_wizard->show();
    QVERIFY(QTest::qWaitForWindowExposed(m_wizard.get()));
    QCOMPARE(m_wizard->currentId(), int(NewApplicationWizard::DetailsPageId));
}

void TestNewApplicationWizard::cleanup()
{
    m_wizard.reset();
    m_document.reset();
}

bool TestNewApplicationWizard::nextTo(int expected)
{
    m_wizard->next();
    return m_wizard->currentId() == expected;
}

QString TestNewApplicationWizard::problemOf(sms::ui::CheckedWizardPage *page) const
{
    // isHidden(), not isVisible(): pages other than the current one are hidden as a whole.
    return page->problemLabel()->isHidden() ? QString() : page->problemLabel()->text();
}

void TestNewApplicationWizard::fillDetails(const QString &name)
{
    auto *page = m_wizard->detailsPage();
    page->nameEdit()->setFocus();
    page->nameEdit()->selectAll();
    QTest::keyClicks(page->nameEdit(), name);
}

void TestNewApplicationWizard::chooseInCatalog(const std::vector<std::string> &ids)
{
    selectServers(m_wizard->serversPage()->catalogPane()->view(), ids);
    QTest::mouseClick(child<QPushButton>(m_wizard->serversPage(), "addServersButton"), Qt::LeftButton);
}

void TestNewApplicationWizard::reachGroups(const std::vector<std::string> &ids)
{
    fillDetails(QStringLiteral("Shop"));
    QVERIFY(nextTo(NewApplicationWizard::ServersPageId));
    chooseInCatalog(ids);
    QVERIFY(nextTo(NewApplicationWizard::GroupsPageId));
}

void TestNewApplicationWizard::typeIntoCell(QTableWidget *table, int row, int column, const QString &text)
{
    const int page = m_wizard->currentId();
    table->setCurrentCell(row, column);
    table->editItem(table->item(row, column));
    auto *editor = qobject_cast<QLineEdit *>(table->indexWidget(table->model()->index(row, column)));
    QVERIFY(editor);
    editor->selectAll();
    QTest::keyClick(editor, Qt::Key_Backspace);
    QTest::keyClicks(editor, text);
    QTest::keyClick(editor, Qt::Key_Return);
    QCoreApplication::processEvents();  // the delegate commits on a queued call
    QCOMPARE(table->item(row, column)->text(), text);
    QCOMPARE(m_wizard->currentId(), page);
}

void TestNewApplicationWizard::reachReview()
{
    QVERIFY(nextTo(NewApplicationWizard::ReplicationPageId));
    QVERIFY(nextTo(NewApplicationWizard::LaunchPageId));
    QVERIFY(nextTo(NewApplicationWizard::ReviewPageId));
}

void TestNewApplicationWizard::nameIsRequiredAndUnused_data()
{
    QTest::addColumn<QString>("name");
    QTest::addColumn<QString>("problem");
    QTest::addRow("empty") << "" << "Give the application a name.";
    QTest::addRow("blank") << "   " << "Give the application a name.";
    QTest::addRow("taken") << "Legacy"
                           << "The plan already has an application named \u201CLegacy\u201D: choose another name.";
    QTest::addRow("taken, with spaces") << " Legacy "
                                        << "The plan already has an application named \u201CLegacy\u201D: choose"
                                           " another name.";
    QTest::addRow("new") << "Shop" << "";
}

void TestNewApplicationWizard::nameIsRequiredAndUnused()
{
    QFETCH(QString, name);
    QFETCH(QString, problem);
    fillDetails(name);
    auto *page = m_wizard->detailsPage();
    // Next shows what is missing even when nothing was typed.
    m_wizard->next();
    QCOMPARE(m_wizard->currentId(),
             int(problem.isEmpty() ? NewApplicationWizard::ServersPageId : NewApplicationWizard::DetailsPageId));
    QCOMPARE(problemOf(page), problem);
    QCOMPARE(page->isComplete(), problem.isEmpty());
    if (!problem.isEmpty())
        QVERIFY(!m_wizard->button(QWizard::NextButton)->isEnabled());
}

void TestNewApplicationWizard::problemWaitsForInput_data()
{
    QTest::addColumn<int>("pageId");
    QTest::addColumn<QString>("problem");
    QTest::addRow("details") << int(NewApplicationWizard::DetailsPageId) << "Give the application a name.";
    QTest::addRow("servers") << int(NewApplicationWizard::ServersPageId)
                             << "Choose at least one server: select it in the catalog and press Add.";
}

// A page that opens empty does not open with a red error: it shows once the
// user has typed (and erased) or pressed Next.
void TestNewApplicationWizard::problemWaitsForInput()
{
    QFETCH(int, pageId);
    QFETCH(QString, problem);
    if (pageId == NewApplicationWizard::ServersPageId) {
        fillDetails(QStringLiteral("Shop"));
        QVERIFY(nextTo(NewApplicationWizard::ServersPageId));
    }
    auto *page = qobject_cast<sms::ui::CheckedWizardPage *>(m_wizard->currentPage());
    QVERIFY(page);
    QCOMPARE(problemOf(page), QString());
    QVERIFY(m_wizard->button(QWizard::NextButton)->isEnabled());
    QVERIFY(!nextTo(pageId + 1));
    QCOMPARE(problemOf(page), problem);
    QVERIFY(!m_wizard->button(QWizard::NextButton)->isEnabled());
    if (pageId == NewApplicationWizard::DetailsPageId) {
        // Typed and erased: the problem is the user's now.
        init();
        fillDetails(QStringLiteral("S"));
        QCOMPARE(problemOf(m_wizard->detailsPage()), QString());
        QTest::keyClick(m_wizard->detailsPage()->nameEdit(), Qt::Key_Backspace);
        QCOMPARE(problemOf(m_wizard->detailsPage()), problem);
    }
}

void TestNewApplicationWizard::stepIndicator()
{
    sms::ui::WizardStepList *steps = m_wizard->stepList();
    QVERIFY(steps);
    QCOMPARE(steps->positionText(), QStringLiteral("Step 1 of 6"));
    QVERIFY(steps->isVisible());
    fillDetails(QStringLiteral("Shop"));
    QVERIFY(nextTo(NewApplicationWizard::ServersPageId));
    QCOMPARE(steps->positionText(), QStringLiteral("Step 2 of 6"));
    QCOMPARE(steps->accessibleName(), QStringLiteral("Step 2 of 6: Servers"));
    m_wizard->back();
    QCOMPARE(steps->positionText(), QStringLiteral("Step 1 of 6"));
}

void TestNewApplicationWizard::tagKeysMustBeUniqueAndPresent()
{
    fillDetails(QStringLiteral("Shop"));
    auto *page = m_wizard->detailsPage();
    QTableWidget *tags = page->tagsEdit()->table();
    const auto setRow = [&](int row, const QString &key, const QString &value) {
        typeIntoCell(tags, row, 0, key);
        typeIntoCell(tags, row, 1, value);
    };
    QTest::mouseClick(child<QPushButton>(page, "addTagButton"), Qt::LeftButton);
    QTest::keyClick(QApplication::focusWidget(), Qt::Key_Escape);
    page->tagsEdit()->addRow();
    QTest::keyClick(QApplication::focusWidget(), Qt::Key_Escape);
    QCOMPARE(tags->rowCount(), 2);
    QVERIFY(page->isComplete());  // rows left empty are no tags
    setRow(0, QStringLiteral("env"), QStringLiteral("prod"));
    setRow(1, QStringLiteral(" env"), QStringLiteral("test"));
    QCOMPARE(problemOf(page), QStringLiteral("The tag key \u201Cenv\u201D is used twice: tag keys must be unique."));
    QVERIFY(!nextTo(NewApplicationWizard::ServersPageId));
    setRow(1, QString(), QStringLiteral("test"));
    QCOMPARE(problemOf(page),
             QStringLiteral("The tag in row 2 has a value but no key: give it a key or remove the row."));
    setRow(1, QStringLiteral("owner"), QString());
    QCOMPARE(problemOf(page), QString());
    QCOMPARE(testing::tagsText(page->fields().tags), QStringLiteral("env=prod,owner=?"));  // no value: none stored
    tags->selectRow(0);
    QTest::mouseClick(child<QPushButton>(page, "removeTagButton"), Qt::LeftButton);
    QCOMPARE(testing::tagsText(page->fields().tags), QStringLiteral("owner=?"));
}

void TestNewApplicationWizard::noServerChosenBlocks()
{
    fillDetails(QStringLiteral("Shop"));
    QVERIFY(nextTo(NewApplicationWizard::ServersPageId));
    auto *page = m_wizard->serversPage();
    QVERIFY(!nextTo(NewApplicationWizard::GroupsPageId));
    QCOMPARE(problemOf(page), QStringLiteral("Choose at least one server: select it in the catalog and press Add."));
    QVERIFY(!m_wizard->button(QWizard::NextButton)->isEnabled());

    chooseInCatalog({"s-db1"});
    QCOMPARE(problemOf(page), QString());
    page->chosenView()->topLevelItem(0)->setSelected(true);
    QTest::mouseClick(child<QPushButton>(page, "removeServersButton"), Qt::LeftButton);
    QVERIFY(page->chosenServerIds().empty());
    QVERIFY(!page->isComplete());
}

void TestNewApplicationWizard::choiceSurvivesFiltersAndTellsOfMoves()
{
    fillDetails(QStringLiteral("Shop"));
    QVERIFY(nextTo(NewApplicationWizard::ServersPageId));
    auto *page = m_wizard->serversPage();
    sms::ui::CatalogPane *catalog = page->catalogPane();

    QTest::keyClicks(catalog->filterEdit(), QStringLiteral("db-"));
    QCOMPARE(catalog->view()->model()->rowCount(), 2);
    chooseInCatalog({"s-db1", "s-db2"});
    catalog->filterEdit()->clear();
    QTest::keyClicks(catalog->filterEdit(), QStringLiteral("web-03"));
    chooseInCatalog({"s-web3"});
    catalog->filterEdit()->clear();
    QCOMPARE(catalog->view()->model()->rowCount(), 7);
    QCOMPARE(page->chosenServerIds(), (std::vector<std::string>{"s-db1", "s-db2", "s-web3"}));

    // s-web3 is in Legacy: the list and the summary say it moves.
    const QString summary = child<QLabel>(page, "chosenSummary")->text();
    QVERIFY2(summary.contains(QStringLiteral("3 server")) && summary.contains(QStringLiteral("1 of them will move")),
             qPrintable(summary));
    const auto moving = page->chosenView()->findItems(QStringLiteral("Legacy"), Qt::MatchExactly, 3);
    QCOMPARE(moving.size(), 1);
    QCOMPARE(moving.front()->text(1), QStringLiteral("s-web3"));

    // Servers dragged from the catalog join the choice too; one chosen twice counts once.
    QVERIFY(dropServers(page->chosenView()->viewport(), QPoint(10, 10), {"s-web1", "s-db1"}, Qt::CopyAction));
    QCOMPARE(page->chosenServerIds(), (std::vector<std::string>{"s-db1", "s-db2", "s-web3", "s-web1"}));
}

void TestNewApplicationWizard::proposeGroupsByFolder()
{
    reachGroups({"s-web1", "s-web2", "s-db1", "s-db2", "s-web3", "s-misc"});
    auto *page = m_wizard->groupsPage();
    QCOMPARE(notationOf(page->groups()), QStringLiteral("{Group 1:s-web1,s-web2,s-db1,s-db2,s-web3,s-misc}"));
    QVERIFY(page->proposeByFolder());
    // Two folders end in "web": those groups are named by their whole folder.
    QCOMPARE(notationOf(page->groups()), QStringLiteral("{db:s-db1,s-db2;/dc1/prod/web:s-web1,s-web2;"
                                                        "/dc2/web:s-web3;No folder:s-misc}"));
    QCOMPARE(launchOrders(page->groups()), QStringLiteral("1,2,3,4"));
    QVERIFY(page->noticeLabel()->text().startsWith(QStringLiteral("4 group(s) proposed by VM folder.")));
    QVERIFY(page->isComplete());
}

void TestNewApplicationWizard::proposeGroupsByPattern()
{
    reachGroups({"s-web1", "s-web2", "s-db1", "s-db2", "s-web3", "s-misc"});
    auto *page = m_wizard->groupsPage();
    QCOMPARE(page->patternEdit()->text(), QStringLiteral("^(\\w+)-"));
    QVERIFY(page->proposeByPattern());
    QCOMPARE(notationOf(page->groups()),
             QStringLiteral("{db:s-db1,s-db2;web:s-web1,s-web2,s-web3;Not matched:s-misc}"));
    QCOMPARE(launchOrders(page->groups()), QStringLiteral("1,2,3"));

    page->patternEdit()->setText(QStringLiteral("(\\d+)$"));
    QVERIFY(page->proposeByPattern());
    QCOMPARE(notationOf(page->groups()),
             QStringLiteral("{01:s-web1,s-db1;02:s-web2,s-db2;03:s-web3;Not matched:s-misc}"));
}

void TestNewApplicationWizard::badPatternIsExplained_data()
{
    QTest::addColumn<QString>("pattern");
    QTest::addColumn<QString>("start");
    QTest::addRow("unbalanced") << "^(\\w+-" << "The pattern is not a valid regular expression: ";
    QTest::addRow("no capture") << "^\\w+-"
                                << "The pattern needs exactly one capture group in parentheses, e.g. ^(\\w+)-; it has 0.";
    QTest::addRow("two captures") << "^(\\w+)-(\\d+)"
                                  << "The pattern needs exactly one capture group in parentheses, e.g. ^(\\w+)-; it has 2.";
    QTest::addRow("empty") << "" << "Type a pattern with one capture group";
}

void TestNewApplicationWizard::badPatternIsExplained()
{
    QFETCH(QString, pattern);
    QFETCH(QString, start);
    reachGroups({"s-web1", "s-db1"});
    auto *page = m_wizard->groupsPage();
    const QString before = notationOf(page->groups());
    page->patternEdit()->setFocus();
    page->patternEdit()->selectAll();
    QTest::keyClick(page->patternEdit(), Qt::Key_Backspace);
    QTest::keyClicks(page->patternEdit(), pattern);  // typing picks the pattern proposal
    QVERIFY(page->patternError()->isVisible());
    QVERIFY2(page->patternError()->text().startsWith(start), qPrintable(page->patternError()->text()));
    QVERIFY(!child<QPushButton>(page, "proposeButton")->isEnabled());
    QVERIFY(!page->proposeByPattern());
    QCOMPARE(notationOf(page->groups()), before);

    // Fixed, the message goes.
    page->patternEdit()->setText(QStringLiteral("^(\\w+)-"));
    QVERIFY(!page->patternError()->isVisible());
    QVERIFY(child<QPushButton>(page, "proposeButton")->isEnabled());
}

void TestNewApplicationWizard::moveServersBetweenGroups()
{
    reachGroups({"s-web1", "s-web2", "s-db1", "s-db2"});
    auto *page = m_wizard->groupsPage();
    sms::ui::GroupArrangement *tree = page->arrangement();
    page->proposeByPattern();
    QCOMPARE(notationOf(page->groups()), QStringLiteral("{db:s-db1,s-db2;web:s-web1,s-web2}"));

    // With the keyboard's way: select, choose the target, Move.
    tree->clearSelection();
    tree->topLevelItem(1)->child(0)->setSelected(true);  // s-web1
    page->moveTarget()->setCurrentIndex(0);
    QVERIFY(page->moveButton()->isEnabled());
    QTest::mouseClick(page->moveButton(), Qt::LeftButton);
    QCOMPARE(notationOf(page->groups()), QStringLiteral("{db:s-db1,s-db2,s-web1;web:s-web2}"));

    // A drop on a server's upper half puts the servers before it.
    QTreeWidgetItem *web2 = tree->topLevelItem(1)->child(0);
    const QPoint upperHalf = tree->visualItemRect(web2).topLeft() + QPoint(20, 2);
    QVERIFY(dropServers(tree->viewport(), upperHalf, {"s-db2"}, Qt::MoveAction));
    QCOMPARE(notationOf(page->groups()), QStringLiteral("{db:s-db1,s-web1;web:s-db2,s-web2}"));

    // A drop on a group appends to it.
    const QPoint onDb = tree->visualItemRect(tree->topLevelItem(0)).center();
    QVERIFY(dropServers(tree->viewport(), onDb, {"s-web2"}, Qt::MoveAction));
    QCOMPARE(notationOf(page->groups()), QStringLiteral("{db:s-db1,s-web1,s-web2;web:s-db2}"));
}

void TestNewApplicationWizard::emptyGroupBlocksAndIsNamed()
{
    reachGroups({"s-web1", "s-db1"});
    auto *page = m_wizard->groupsPage();
    sms::ui::GroupArrangement *tree = page->arrangement();
    const int added = tree->addGroup(QStringLiteral("spare"));
    QCOMPARE(problemOf(page),
             QStringLiteral("Empty groups are not allowed: \u201Cspare\u201D has no servers. Move servers into it or"
                            " remove it."));
    QVERIFY(!m_wizard->button(QWizard::NextButton)->isEnabled());
    QVERIFY(!nextTo(NewApplicationWizard::ReplicationPageId));

    tree->moveServers({"s-db1"}, added);
    QCOMPARE(problemOf(page), QString());
    QCOMPARE(notationOf(page->groups()), QStringLiteral("{Group 1:s-web1;spare:s-db1}"));

    // Removing a group hands its servers to the first group that stays.
    tree->clearSelection();
    tree->topLevelItem(added)->setSelected(true);
    QTest::mouseClick(child<QPushButton>(page, "removeGroupButton"), Qt::LeftButton);
    QCOMPARE(notationOf(page->groups()), QStringLiteral("{Group 1:s-web1,s-db1}"));
    QCOMPARE(page->noticeLabel()->text(), QStringLiteral("The servers of the removed groups are now in \u201CGroup 1\u201D."));
}

void TestNewApplicationWizard::groupNameCannotBeBlank()
{
    reachGroups({"s-web1"});
    sms::ui::GroupArrangement *tree = m_wizard->groupsPage()->arrangement();
    QTreeWidgetItem *group = tree->topLevelItem(0);
    group->setText(sms::ui::GroupArrangement::NameColumn, QStringLiteral("  front  "));
    QCOMPARE(notationOf(tree->groups()), QStringLiteral("{front:s-web1}"));
    group->setText(sms::ui::GroupArrangement::NameColumn, QStringLiteral("   "));
    QCOMPARE(group->text(sms::ui::GroupArrangement::NameColumn), QStringLiteral("front"));
    QCOMPARE(notationOf(tree->groups()), QStringLiteral("{front:s-web1}"));
}

void TestNewApplicationWizard::launchOrderFollowsTheSpinBoxes()
{
    reachGroups({"s-web1", "s-db1"});
    auto *page = m_wizard->groupsPage();
    page->proposeByPattern();
    sms::ui::GroupArrangement *tree = page->arrangement();
    QCOMPARE(tree->launchOrderBox(0)->maximum(), 2);
    // A group added gets the next order and widens every range; removed, it narrows them again.
    const int spare = tree->addGroup();
    QCOMPARE(tree->launchOrderBox(spare)->value(), 3);
    QCOMPARE(tree->launchOrderBox(0)->maximum(), 3);
    tree->removeGroups({spare});
    QCOMPARE(tree->launchOrderBox(1)->maximum(), 2);

    tree->launchOrderBox(0)->setValue(2);  // db launches after web
    tree->launchOrderBox(1)->setValue(1);
    QCOMPARE(launchOrders(page->groups()), QStringLiteral("2,1"));
    reachReview();
    const QString summary = m_wizard->reviewPage()->summaryView()->toPlainText();
    const auto web = summary.indexOf(QStringLiteral("1. \u201Cweb\u201D: 1 server"));
    const auto db = summary.indexOf(QStringLiteral("2. \u201Cdb\u201D: 1 server"));
    QVERIFY2(web >= 0 && db > web, qPrintable(summary));
    m_wizard->accept();
    const PlanKey key = m_wizard->createdApplication();
    const auto &app = m_document->application(m_document->positionOf(key).application);
    QCOMPARE(launchOrders(app.serverGroups), QStringLiteral("2,1"));
}

void TestNewApplicationWizard::replicationOnceOrEvery()
{
    auto *page = m_wizard->replicationPage();
    auto *frequency = child<QSpinBox>(page, "frequencyBox");
    QCOMPARE(frequency->minimum(), 1);
    QCOMPARE(frequency->maximum(), 24);
    frequency->setValue(6);
    auto replication = page->replication();
    QCOMPARE(replication.frequency, std::optional<int>(6));
    QVERIFY(!replication.runOnce);

    child<QRadioButton>(page, "onceButton")->click();
    QVERIFY(!frequency->isEnabled());
    replication = page->replication();
    QCOMPARE(replication.runOnce, std::optional<bool>(true));
    QVERIFY(!replication.frequency);  // both would only earn a warning

    child<QComboBox>(page, "licenseBox")->setCurrentIndex(2);
    child<QSpinBox>(page, "amisBox")->setValue(3);
    auto *seed = child<QCheckBox>(page, "seedCheck");
    auto *seedTime = child<QDateTimeEdit>(page, "seedTimeEdit");
    QVERIFY(!seedTime->isEnabled());
    seed->setChecked(true);
    QVERIFY(seedTime->isEnabled());
    const QDateTime when = QDateTime::currentDateTime().addDays(2);
    seedTime->setDateTime(when);
    replication = page->replication();
    QCOMPARE(replication.licenseType->toString(), std::string_view("BYOL"));
    QCOMPARE(replication.numberOfRecentAmisToKeep, std::optional<int>(3));
    QCOMPARE(qint64(replication.seedTime->epochSeconds), seedTime->dateTime().toSecsSinceEpoch());

    seedTime->setDateTime(QDateTime::currentDateTime().addSecs(-3600));
    QCOMPARE(problemOf(page),
             QStringLiteral("The seed time has passed: choose a time to come, or untick it to start at once."));
    seed->setChecked(false);
    QCOMPARE(problemOf(page), QString());
    QVERIFY(!page->replication().seedTime);
}

void TestNewApplicationWizard::kmsKeyOnlyWhenEncrypted()
{
    auto *page = m_wizard->replicationPage();
    auto *encrypted = child<QCheckBox>(page, "encryptedCheck");
    auto *kms = child<QLineEdit>(page, "kmsKeyEdit");
    QVERIFY(!kms->isEnabled());
    encrypted->setChecked(true);
    QVERIFY(kms->isEnabled());
    kms->setText(QStringLiteral(" alias/sms "));
    auto replication = page->replication();
    QCOMPARE(replication.encrypted, std::optional<bool>(true));
    QCOMPARE(replication.kmsKeyId, std::optional<std::string>("alias/sms"));

    encrypted->setChecked(false);
    QVERIFY(!kms->isEnabled());
    replication = page->replication();
    QVERIFY(!replication.encrypted);
    QVERIFY(!replication.kmsKeyId);  // a key without encryption would only earn a warning
}

void TestNewApplicationWizard::userDataNeedsBucketAndKey()
{
    auto *page = m_wizard->launchPage();
    models::ApplicationSettings settings;
    page->applyTo(settings);
    QVERIFY(!settings.launch);  // nothing typed: no launch settings yet

    child<QLineEdit>(page, "userDataBucketEdit")->setText(QStringLiteral("scripts"));
    QCOMPARE(problemOf(page),
             QStringLiteral("The user data names a bucket but no object key: give both, or neither."));
    child<QLineEdit>(page, "userDataKeyEdit")->setText(QStringLiteral("web.sh"));
    QCOMPARE(problemOf(page), QString());
    child<QLineEdit>(page, "instanceTypeEdit")->setText(QStringLiteral("m5.large"));
    child<QLineEdit>(page, "launchRoleEdit")->setText(QStringLiteral("sms-launch"));
    child<QCheckBox>(page, "autoLaunchCheck")->setChecked(true);
    page->applyTo(settings);
    QVERIFY(settings.launch);
    QCOMPARE(settings.launch->instanceType, std::optional<std::string>("m5.large"));
    QCOMPARE(settings.launch->userData->s3Location->bucket, std::optional<std::string>("scripts"));
    QCOMPARE(settings.launch->userData->s3Location->key, std::optional<std::string>("web.sh"));
    QCOMPARE(settings.launch->associatePublicIpAddress, std::optional<bool>(false));
    QCOMPARE(settings.launchRoleName, std::string("sms-launch"));
    QCOMPARE(settings.autoLaunch, std::optional<bool>(true));
}

void TestNewApplicationWizard::reviewErrorDisablesFinish()
{
    reachGroups({"s-web1", "s-db1"});
    QVERIFY(nextTo(NewApplicationWizard::ReplicationPageId));
    QVERIFY(nextTo(NewApplicationWizard::LaunchPageId));
    auto *launch = m_wizard->launchPage();
    child<QLineEdit>(launch, "userDataBucketEdit")->setText(QStringLiteral("ab"));  // SMS takes 3 to 63 characters
    child<QLineEdit>(launch, "userDataKeyEdit")->setText(QStringLiteral("web.sh"));
    QVERIFY(nextTo(NewApplicationWizard::ReviewPageId));

    auto *review = m_wizard->reviewPage();
    QVERIFY(!m_wizard->button(QWizard::FinishButton)->isEnabled());
    // (No translator is installed here: plurals read "(s)".)
    QCOMPARE(problemOf(review), QStringLiteral("2 error(s) above keep the application from being created: go Back to"
                                               " the page concerned and fix it."));
    // The same error for both servers: one row, the other counted, both in the tooltip.
    QListWidget *issues = review->issuesView();
    QVERIFY(issues->count() >= 1);
    const QString first = issues->item(0)->text();
    QVERIFY2(first.contains(QStringLiteral("userData bucket of 2 characters"))
                 && first.endsWith(QStringLiteral("(And 1 more like it.)")),
             qPrintable(first));
    QCOMPARE(issues->item(0)->toolTip().count(QStringLiteral("userData bucket")), 2);
    QCOMPARE(issues->item(0)->data(Qt::UserRole).toString(), QStringLiteral("s3-location-invalid"));
    QCOMPARE(issues->item(0)->foreground().color(), sms::ui::problemColour(issues->palette()));
    // The launch settings lack a subnet and a security group: warnings, shown, not blocking.
    QVERIFY(issues->count() >= 2);
    QVERIFY(issues->item(1)->foreground().color() != sms::ui::problemColour(issues->palette()));

    m_wizard->accept();  // Finish held back, however it is asked for
    QCOMPARE(m_document->undoStack().count(), 0);
    QCOMPARE(m_wizard->createdApplication(), models::kNoKey);

    m_wizard->back();
    child<QLineEdit>(launch, "userDataBucketEdit")->setText(QStringLiteral("abc-scripts"));
    QVERIFY(nextTo(NewApplicationWizard::ReviewPageId));
    QVERIFY(m_wizard->button(QWizard::FinishButton)->isEnabled());
    QCOMPARE(problemOf(review), QString());
}

void TestNewApplicationWizard::reviewChecksTheDraftInThePlan_data()
{
    QTest::addColumn<QString>("planned");  // an application added to the plan while the wizard is open
    QTest::addColumn<QString>("expected");  // the first check's code, or "" for none
    QTest::addRow("a second Shop") << "Shop" << "duplicate-application-name";
    QTest::addRow("another name") << "Payroll" << "";
}

// The details page refuses a name the plan had when it was shown; the
// review checks the draft against the plan as it is now, so a second
// application of a name is reported, not "nothing to fix".
void TestNewApplicationWizard::reviewChecksTheDraftInThePlan()
{
    QFETCH(QString, planned);
    QFETCH(QString, expected);
    reachGroups({"s-web1"});
    const int row = int(m_document->applications().size());
    m_document->insertApplication(row, testing::namedApplication(planned.toStdString(), m_document->newKey()));
    reachReview();

    auto *review = m_wizard->reviewPage();
    QListWidget *issues = review->issuesView();
    const QString codes = [&] {
        QStringList list;
        for (int i = 0; i < issues->count(); ++i)
            list << issues->item(i)->data(Qt::UserRole).toString();
        return list.join(QLatin1Char(','));
    }();
    // The launch page leaves no launch settings, so nothing else is reported.
    QCOMPARE(codes, expected);
    if (!expected.isEmpty())
        QVERIFY2(issues->item(0)->text().contains(QStringLiteral("has the same name as applications[1]")),
                 qPrintable(issues->item(0)->text()));
    QVERIFY(m_wizard->button(QWizard::FinishButton)->isEnabled());  // a warning does not block
}

void TestNewApplicationWizard::finishIsOneUndoStep()
{
    const models::PlanData before = m_document->data();
    fillDetails(QStringLiteral("Shop"));
    m_wizard->detailsPage()->descriptionEdit()->setText(QStringLiteral("Web shop"));
    m_wizard->detailsPage()->roleEdit()->setText(QStringLiteral("sms-app"));
    QVERIFY(nextTo(NewApplicationWizard::ServersPageId));
    chooseInCatalog({"s-web1", "s-web3", "s-db1"});
    QVERIFY(nextTo(NewApplicationWizard::GroupsPageId));
    m_wizard->groupsPage()->proposeByPattern();
    QVERIFY(nextTo(NewApplicationWizard::ReplicationPageId));
    child<QSpinBox>(m_wizard->replicationPage(), "frequencyBox")->setValue(4);
    QVERIFY(nextTo(NewApplicationWizard::LaunchPageId));
    child<QLineEdit>(m_wizard->launchPage(), "instanceTypeEdit")->setText(QStringLiteral("t3.small"));
    QVERIFY(nextTo(NewApplicationWizard::ReviewPageId));
    const QString summary = m_wizard->reviewPage()->summaryView()->toPlainText();
    QVERIFY2(summary.contains(QStringLiteral("web-03 (s-web3) \u2014 moves from \u201CLegacy\u201D")), qPrintable(summary));
    child<QCheckBox>(m_wizard->reviewPage(), "applyNowCheck")->setChecked(true);

    QVERIFY(m_wizard->button(QWizard::FinishButton)->isEnabled());
    QTest::mouseClick(m_wizard->button(QWizard::FinishButton), Qt::LeftButton);
    QCOMPARE(m_wizard->result(), int(QDialog::Accepted));
    QVERIFY(m_wizard->applyRequested());
    QCOMPARE(m_document->undoStack().count(), 1);
    QCOMPARE(m_document->undoStack().text(0), QStringLiteral("New application \u201CShop\u201D with 3 server(s)"));
    const PlanKey key = m_wizard->createdApplication();
    QVERIFY(key != models::kNoKey);
    QCOMPARE(testing::notationWithFields(m_document->applications()),
             QStringLiteral("Legacy{old:s-x} | Shop[Web shop;sms-app;]{db:s-db1;web:s-web1,s-web3}"));
    const models::PlanApplication &shop = m_document->application(m_document->positionOf(key).application);
    QCOMPARE(shop.settings.replication->frequency, std::optional<int>(4));
    QCOMPARE(shop.settings.launch->instanceType, std::optional<std::string>("t3.small"));
    QCOMPARE(launchOrders(shop.serverGroups), QStringLiteral("1,2"));
    QCOMPARE(m_document->placementOf("s-web3").application, key);

    // Undo takes the application away and puts s-web3 back in its old place; redo brings all back.
    testing::undoRedoCycle(*m_document, before, 2, [&] {});
    m_document->undoStack().undo();
    QCOMPARE(testing::notationOf(m_document->applications()), QStringLiteral("Legacy{old:s-x,s-web3}"));
}

void TestNewApplicationWizard::backKeepsEveryEntry()
{
    fillDetails(QStringLiteral("Shop"));
    m_wizard->detailsPage()->tagsEdit()->addRow();
    m_wizard->detailsPage()->tagsEdit()->table()->item(0, 0)->setText(QStringLiteral("env"));
    QVERIFY(nextTo(NewApplicationWizard::ServersPageId));
    chooseInCatalog({"s-web1", "s-web2", "s-db1"});
    QVERIFY(nextTo(NewApplicationWizard::GroupsPageId));
    auto *groups = m_wizard->groupsPage();
    groups->proposeByPattern();
    groups->arrangement()->topLevelItem(1)->setText(sms::ui::GroupArrangement::NameColumn, QStringLiteral("front"));
    groups->arrangement()->launchOrderBox(0)->setValue(2);
    QCOMPARE(notationOf(groups->groups()), QStringLiteral("{db:s-db1;front:s-web1,s-web2}"));

    // Back to the servers: one leaves the choice, another joins.
    m_wizard->back();
    QCOMPARE(m_wizard->currentId(), int(NewApplicationWizard::ServersPageId));
    QCOMPARE(m_wizard->serversPage()->chosenServerIds().size(), std::size_t(3));
    m_wizard->serversPage()->unchoose({"s-web2"});
    chooseInCatalog({"s-db2"});
    QVERIFY(nextTo(NewApplicationWizard::GroupsPageId));
    QCOMPARE(notationOf(groups->groups()), QStringLiteral("{db:s-db1;front:s-web1;Group 1:s-db2}"));
    QCOMPARE(launchOrders(groups->groups()), QStringLiteral("2,2,3"));
    QVERIFY(groups->noticeLabel()->text().contains(QStringLiteral("\u201CGroup 1\u201D")));

    // Taking every server of a group out leaves the group, named as empty.
    m_wizard->back();
    m_wizard->serversPage()->unchoose({"s-db1"});
    QVERIFY(nextTo(NewApplicationWizard::GroupsPageId));
    QCOMPARE(notationOf(groups->groups()), QStringLiteral("{db:;front:s-web1;Group 1:s-db2}"));
    QVERIFY(problemOf(groups).contains(QStringLiteral("\u201Cdb\u201D has no servers")));

    // And the first page still holds what was typed.
    m_wizard->back();
    m_wizard->back();
    QCOMPARE(m_wizard->currentId(), int(NewApplicationWizard::DetailsPageId));
    QCOMPARE(m_wizard->detailsPage()->nameEdit()->text(), QStringLiteral("Shop"));
    QCOMPARE(testing::tagsText(m_wizard->detailsPage()->fields().tags), QStringLiteral("env=?"));
}

QTEST_MAIN(TestNewApplicationWizard)
#include "tst_newapplicationwizard.moc"
