#include "ui/CsvExport.h"

#include "models/AtomicWrite.h"
#include "models/InventoryExport.h"
#include "models/PlanDocument.h"

#include <QCoreApplication>
#include <QDir>
#include <QFileDialog>
#include <QMessageBox>

namespace sms::ui {
namespace {

// The messages' translation context.
struct Text
{
    Q_DECLARE_TR_FUNCTIONS(sms::ui::CsvExport)
};

} // namespace

QString writeCsvExport(const models::PlanDocument &document, CsvExport what, const QString &path, bool &failed)
{
    const models::PlanData &plan = document.data();
    const std::string csv = what == CsvExport::Catalog
                                ? models::exportCatalogCsv(plan.catalog, plan.applications, plan.inventory)
                                : models::exportApplicationsCsv(plan.applications, plan.catalog, plan.serverSettings);
    const QString reason = models::writeAtomically(path, QByteArrayView(csv.data(), qsizetype(csv.size())));
    failed = !reason.isEmpty();
    if (failed)
        return Text::tr("Could not write %1: %2.").arg(QDir::toNativeSeparators(path), reason);
    std::size_t rows = what == CsvExport::Catalog ? plan.catalog.servers.size() : 0;
    if (what == CsvExport::Applications)
        for (const models::PlanApplication &app : plan.applications)
            for (const models::PlanServerGroup &group : app.serverGroups)
                rows += group.serverIds.size();
    return Text::tr("Exported %n server row(s) to %1.", nullptr, int(rows)).arg(QDir::toNativeSeparators(path));
}

QString exportCsv(QWidget *parent, const models::PlanDocument &document, CsvExport what)
{
    const QString title = what == CsvExport::Catalog ? Text::tr("Export Catalog") : Text::tr("Export Applications");
    const QString path = QFileDialog::getSaveFileName(parent, title, QString(), Text::tr("CSV files (*.csv);;All files (*)"));
    if (path.isEmpty())
        return {};
    bool failed = false;
    const QString message = writeCsvExport(document, what, path, failed);
    if (failed) {
        QMessageBox::warning(parent, title, message);
        return {};
    }
    return message;
}

} // namespace sms::ui
