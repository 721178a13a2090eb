#include "AppCommand.h"

#include "ErrorReport.h"

#include "services/AppLookup.h"

namespace sms::cli {

AppCommand::AppCommand(CommandLine line, int appWord, QObject *parent)
    : Command(parent)
    , m_line(std::move(line))
    , m_appWord(appWord)
{
}

void AppCommand::start(client::SmsClient &client)
{
    m_client = &client;
    services::lookUpApp(client, m_line.words.value(m_appWord), this, [this](Result<api::AppSummary> app) {
        if (!app)
            return finish(reportLookupError(app.error()));
        act(app.value());
    });
}

} // namespace sms::cli
