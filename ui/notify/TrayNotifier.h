#pragma once
// TrayNotifier: a Notifier through a system tray message, where the desktop
// has a tray; elsewhere the window's alert (a flashing task bar entry) and a
// status bar line, so that the notice is never lost.

#include "ui/notify/Notifier.h"

#include <QObject>

class QMainWindow;
class QSystemTrayIcon;

namespace sms::ui {

class TrayNotifier : public QObject, public Notifier
{
    Q_OBJECT

public:
    explicit TrayNotifier(QMainWindow *window);
    void notify(const Notice &notice) override;

private:
    QMainWindow *m_window;
    QSystemTrayIcon *m_tray = nullptr;  // created on the first notice, when the desktop has a tray
};

} // namespace sms::ui
