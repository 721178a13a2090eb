#pragma once
// PlanFiles: the File menu's work for one window: New, Open, Save, Save As,
// recent files, the unsaved-changes prompt, and crash recovery (an autosave
// to a recovery file every minute while the plan has unsaved changes,
// offered back at the next start after a crash).

#include "models/PlanDocument.h"
#include "models/RecoveryStore.h"

#include <QObject>
#include <QPointer>
#include <QTimer>

class QWidget;

namespace sms::ui {

class PlanFiles : public QObject
{
    Q_OBJECT

public:
    // From this many catalog servers on screen, openFile() checks a file
    // before it lets go of that plan, and only then reads it (see there).
    static constexpr std::size_t kCheckFirstFrom = 10'000;

    PlanFiles(models::PlanDocument &document, QWidget *window);
    ~PlanFiles() override;

    QString filePath() const { return m_path; }
    // For the title bar: the file's name, or "Untitled".
    QString displayName() const;

    // Each returns false when the user canceled or it failed (the error was shown).
    bool newPlan();
    bool open();
    bool openFile(const QString &path);
    bool save();
    bool saveAs();
    // Asks what to do with unsaved changes; true when it is fine to go on.
    bool maybeSave();
    // Saves to `path` without asking (Save and Save As end here).
    bool saveTo(const QString &path);
    // At start-up: offers plans a crashed session left behind.
    void offerRecovery();

    QStringList recentFiles() const;
    void clearRecentFiles();

Q_SIGNALS:
    void filePathChanged(const QString &path);
    void recentFilesChanged();
    void message(const QString &text);

private:
    void setPath(const QString &path);
    void addRecent(const QString &path);
    void autosave();
    void showError(const QString &title, const QString &text);

    models::PlanDocument &m_document;
    QPointer<QWidget> m_window;
    models::RecoveryStore m_recovery;
    QTimer m_autosave;
    QString m_path;
};

} // namespace sms::ui
