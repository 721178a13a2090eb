#pragma once
// What one finished call looked like, for the Activity pane and --debug:
// never the request or response bodies, so no secret can leak through it.

#include <QDateTime>
#include <QString>

namespace sms::client {

struct CallRecord
{
    QString operation;
    QDateTime started;
    qint64 elapsedMs = 0;
    int attempts = 0;
    int httpStatus = 0;       // of the last attempt; 0 when none answered
    QString requestId;
    QString errorCode;        // empty on success
    QString errorMessage;

    bool succeeded() const { return errorCode.isEmpty(); }
};

} // namespace sms::client
