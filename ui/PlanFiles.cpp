#include "ui/PlanFiles.h"

#include "models/PlanFile.h"

#include <QDir>
#include <QFileDialog>
#include <QFileInfo>
#include <QLocale>
#include <QMessageBox>
#include <QPushButton>
#include <QSettings>
#include <QStandardPaths>

#ifdef __GLIBC__
#include <malloc.h>
#endif

namespace sms::ui {
namespace {

constexpr int kAutosaveIntervalMs = 60'000;
constexpr int kMaxRecentFiles = 10;
const QString kRecentKey = QStringLiteral("files/recent");

QString recoveryDirectory()
{
    return QDir(QStandardPaths::writableLocation(QStandardPaths::AppDataLocation)).filePath(QStringLiteral("recovery"));
}

// The old plan's many small blocks stay with the C library after they are
// freed, while the new plan's parser takes fresh large ones from the system:
// give the old ones back first, or both count as resident at once.
void releaseFreedMemory()
{
#ifdef __GLIBC__
    malloc_trim(0);
#endif
}

QString fileFilter()
{
    return QObject::tr("Migration plans (*.smsplan);;All files (*)");
}

} // namespace

PlanFiles::PlanFiles(models::PlanDocument &document, QWidget *window)
    : QObject(window)
    , m_document(document)
    , m_window(window)
    , m_recovery(recoveryDirectory())
{
    m_autosave.setInterval(kAutosaveIntervalMs);
    connect(&m_autosave, &QTimer::timeout, this, &PlanFiles::autosave);
    // The clock runs only while there is something unsaved to keep.
    connect(&m_document, &models::PlanDocument::modifiedChanged, this, [this](bool modified) {
        if (modified && !m_autosave.isActive())
            m_autosave.start();
        else if (!modified)
            m_autosave.stop();
    });
}

PlanFiles::~PlanFiles()
{
    // A clean exit leaves nothing to recover (the unsaved-changes prompt ran).
    m_recovery.discard();
}

QString PlanFiles::displayName() const
{
    return m_path.isEmpty() ? tr("Untitled") : QFileInfo(m_path).fileName();
}

bool PlanFiles::newPlan()
{
    if (!maybeSave())
        return false;
    // A new plan keeps the catalog that was read: the work starts from it.
    models::PlanData data;
    data.catalog = m_document.catalog();
    m_document.reset(std::move(data));
    setPath({});
    m_recovery.discard();
    return true;
}

bool PlanFiles::open()
{
    if (!maybeSave())
        return false;
    const QString start = m_path.isEmpty() ? QStandardPaths::writableLocation(QStandardPaths::DocumentsLocation)
                                           : QFileInfo(m_path).absolutePath();
    const QString path = QFileDialog::getOpenFileName(m_window, tr("Open Plan"), start, fileFilter());
    return !path.isEmpty() && openFile(path);
}

bool PlanFiles::openFile(const QString &path)
{
    // A bad file must leave the plan on screen as it was. With a small plan
    // on screen, the file is simply read beside it. A big one (it was saved
    // or discarded at the prompt) is checked whole first and only then let
    // go, before the file is read again for real: two big plans are never
    // in memory at once. The check costs a third of an open.
    releaseFreedMemory();
    const bool big = m_document.catalog().servers.size() >= kCheckFirstFrom;
    if (big) {
        if (auto check = models::checkPlanFile(path); !check) {
            showError(tr("Could not open the plan"), QString::fromStdString(check.error().message));
            return false;
        }
        m_document.reset({});
        releaseFreedMemory();
    }
    auto plan = models::readPlanFile(path);
    if (!plan) {
        if (big)  // changed or gone since the check: the plan on screen went already
            setPath({});
        showError(tr("Could not open the plan"), QString::fromStdString(plan.error().message));
        return false;
    }
    m_document.reset(std::move(plan).value());
    setPath(QFileInfo(path).absoluteFilePath());
    addRecent(m_path);
    m_recovery.discard();
    Q_EMIT message(tr("Opened %1").arg(QDir::toNativeSeparators(m_path)));
    return true;
}

bool PlanFiles::save()
{
    return m_path.isEmpty() ? saveAs() : saveTo(m_path);
}

bool PlanFiles::saveAs()
{
    QString start = m_path;
    if (start.isEmpty())
        start = QDir(QStandardPaths::writableLocation(QStandardPaths::DocumentsLocation))
                    .filePath(tr("Migration plan.smsplan"));
    QString path = QFileDialog::getSaveFileName(m_window, tr("Save Plan As"), start, fileFilter());
    if (path.isEmpty())
        return false;
    if (QFileInfo(path).suffix().isEmpty())
        path += QStringLiteral(".smsplan");
    return saveTo(path);
}

bool PlanFiles::saveTo(const QString &path)
{
    const auto written = models::writePlanFile(path, m_document.data());
    if (!written) {
        showError(tr("Could not save the plan"), QString::fromStdString(written.error().message));
        return false;
    }
    m_document.markSaved();
    setPath(QFileInfo(path).absoluteFilePath());
    addRecent(m_path);
    m_recovery.discard();
    Q_EMIT message(tr("Saved %1").arg(QDir::toNativeSeparators(m_path)));
    return true;
}

bool PlanFiles::maybeSave()
{
    if (!m_document.isModified())
        return true;
    QMessageBox box(QMessageBox::Warning, tr("Unsaved changes"),
                    tr("The plan \u201C%1\u201D has changes that are not saved.").arg(displayName()),
                    QMessageBox::Save | QMessageBox::Discard | QMessageBox::Cancel, m_window);
    box.setInformativeText(tr("Save them before going on?"));
    box.setDefaultButton(QMessageBox::Save);
    switch (box.exec()) {
    case QMessageBox::Save: return save();
    case QMessageBox::Discard: return true;
    default: return false;
    }
}

void PlanFiles::offerRecovery()
{
    for (const models::RecoveryEntry &entry : m_recovery.orphans()) {
        const QString original = entry.originalPath.isEmpty() ? tr("an untitled plan")
                                                              : QDir::toNativeSeparators(entry.originalPath);
        QMessageBox box(QMessageBox::Question, tr("Recover unsaved work"),
                        tr("SMS Migration Planner did not close properly. Unsaved changes to %1 from %2 were kept.")
                            .arg(original, QLocale().toString(entry.savedAt, QLocale::ShortFormat)),
                        QMessageBox::NoButton, m_window);
        if (!entry.summary.isEmpty())
            box.setInformativeText(entry.summary);
        QPushButton *restore = box.addButton(tr("Restore"), QMessageBox::AcceptRole);
        box.addButton(tr("Discard"), QMessageBox::DestructiveRole);
        QPushButton *later = box.addButton(tr("Decide Later"), QMessageBox::RejectRole);
        box.setDefaultButton(restore);
        box.exec();
        if (box.clickedButton() == later)
            continue;
        if (box.clickedButton() == restore) {
            auto plan = m_recovery.restore(entry);
            if (!plan) {
                showError(tr("Could not recover the plan"), QString::fromStdString(plan.error().message));
                continue;
            }
            if (!maybeSave())
                continue;
            m_document.reset(std::move(plan).value());
            // Recovered work is unsaved work: the close prompt asks for it, and
            // this session's recovery file keeps it from now on.
            m_document.markUnsaved();
            setPath(entry.originalPath);
            autosave();
        }
        m_recovery.remove(entry);
        return;  // one plan per window
    }
}

QStringList PlanFiles::recentFiles() const
{
    return QSettings().value(kRecentKey).toStringList();
}

void PlanFiles::clearRecentFiles()
{
    QSettings().remove(kRecentKey);
    Q_EMIT recentFilesChanged();
}

void PlanFiles::setPath(const QString &path)
{
    m_path = path;
    Q_EMIT filePathChanged(path);
}

void PlanFiles::addRecent(const QString &path)
{
    QStringList files = recentFiles();
    files.removeAll(path);
    files.prepend(path);
    while (files.size() > kMaxRecentFiles)
        files.removeLast();
    QSettings().setValue(kRecentKey, files);
    Q_EMIT recentFilesChanged();
}

void PlanFiles::autosave()
{
    if (!m_document.isModified())
        return;
    const auto saved = m_recovery.save(m_path, m_document.data());
    if (!saved)
        Q_EMIT message(tr("Could not write the recovery file: %1").arg(QString::fromStdString(saved.error().message)));
}

void PlanFiles::showError(const QString &title, const QString &text)
{
    QMessageBox::warning(m_window, title, text);
}

} // namespace sms::ui
