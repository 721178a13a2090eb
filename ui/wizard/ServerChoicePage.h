#pragma once
// The wizard's servers page: the plan's catalog with the Catalog pane's own
// filters above, the servers chosen for the application below. Selected rows
// join the choice with Add, a double-click or a drag into the list; the
// choice survives any filter. A server that is in another application is
// shown as such: choosing it moves it to the new application.

#include "models/CatalogTableModel.h"
#include "ui/wizard/CheckedWizardPage.h"

#include <unordered_set>

class QLabel;
class QPushButton;
class QTreeWidget;

namespace sms::ui {

class CatalogPane;

class ServerChoicePage : public CheckedWizardPage
{
    Q_OBJECT

public:
    ServerChoicePage(models::CatalogTableModel &catalog, QWidget *parent = nullptr);

    QString problem() const override;
    // The chosen servers, in the order they were chosen.
    const std::vector<std::string> &chosenServerIds() const { return m_chosen; }
    // Servers already chosen, and servers not in the catalog, are passed over.
    void choose(const std::vector<std::string> &serverIds);
    void unchoose(const std::vector<std::string> &serverIds);
    void addSelected();
    void removeSelected();

    CatalogPane *catalogPane() const { return m_catalog; }
    QTreeWidget *chosenView() const { return m_chosenView; }

protected:
    void retranslate() override;
    bool eventFilter(QObject *watched, QEvent *event) override;

private:
    void updateSummary();

    const models::PlanDocument &m_document;
    CatalogPane *m_catalog;
    QLabel *m_hint;
    QPushButton *m_add;
    QPushButton *m_remove;
    QLabel *m_summary;
    QTreeWidget *m_chosenView;
    std::vector<std::string> m_chosen;
    std::unordered_set<std::string> m_chosenSet;
};

} // namespace sms::ui
