#include "ui/notify/TrayNotifier.h"

#include <QApplication>
#include <QMainWindow>
#include <QStatusBar>
#include <QSystemTrayIcon>

namespace sms::ui {

// Not the window's child: its owner (ReplicationWorkspace) holds it alone.
TrayNotifier::TrayNotifier(QMainWindow *window)
    : m_window(window)
{
}

void TrayNotifier::notify(const Notice &notice)
{
    m_window->statusBar()->showMessage(notice.title + QStringLiteral(": ") + notice.body.section(QLatin1Char('\n'), 0, 0),
                                       15000);
    if (!m_tray && QSystemTrayIcon::isSystemTrayAvailable() && QSystemTrayIcon::supportsMessages()) {
        m_tray = new QSystemTrayIcon(m_window->windowIcon(), this);
        m_tray->setToolTip(QApplication::applicationDisplayName());
        connect(m_tray, &QSystemTrayIcon::messageClicked, m_window, [this] {
            m_window->showNormal();
            m_window->raise();
            m_window->activateWindow();
        });
        m_tray->show();
    }
    if (m_tray) {
        m_tray->showMessage(notice.title, notice.body,
                            notice.urgency == Notice::Urgency::Warning ? QSystemTrayIcon::Warning
                                                                       : QSystemTrayIcon::Information);
    }
    if (!m_window->isActiveWindow())
        QApplication::alert(m_window);
}

} // namespace sms::ui
