#pragma once
// What the apps and jobs commands share: CliRunner connects finished() and
// quits with its code. finish() is queued, so that start() has returned (and
// nothing of the command runs any more) before anyone reacts.

#include <QObject>
#include <QTimer>

namespace sms::cli {

class Command : public QObject
{
    Q_OBJECT

public:
    using QObject::QObject;

Q_SIGNALS:
    void finished(int exitCode);

protected:
    void finish(int exitCode)
    {
        QTimer::singleShot(0, this, [this, exitCode] { Q_EMIT finished(exitCode); });
    }
};

} // namespace sms::cli
