#pragma once
// AppCommand: what the commands that act on one application share. APP, a
// word of the command line, is looked up (services/AppLookup: an app- id or
// the exact name), then act() makes the command's calls for it.

#include "Command.h"
#include "CommandLine.h"

#include "api/SmsTypes.h"

namespace sms::client {
class SmsClient;
} // namespace sms::client

namespace sms::cli {

class AppCommand : public Command
{
    Q_OBJECT

public:
    // `appWord`: which of the line's words is APP.
    AppCommand(CommandLine line, int appWord, QObject *parent = nullptr);

    // `client` must outlive the command; finished() follows, queued.
    void start(client::SmsClient &client);

protected:
    virtual void act(const api::AppSummary &app) = 0;
    const CommandLine &line() const { return m_line; }
    client::SmsClient &client() const { return *m_client; }

private:
    CommandLine m_line;
    int m_appWord;
    client::SmsClient *m_client = nullptr;
};

} // namespace sms::cli
