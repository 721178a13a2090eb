#include "TemplateCommand.h"

#include "AppCallReport.h"

#include "api/JsonCodec.h"
#include "client/ObjectReader.h"
#include "client/SmsClient.h"
#include "models/AtomicWrite.h"

namespace sms::cli {

TemplateCommand::TemplateCommand(CommandLine line, QObject *parent)
    : AppCommand(std::move(line), 2, parent)  // apps template APP
{
}

QString TemplateCommand::usageProblem() const
{
    if (line().words.size() != 3)
        return QStringLiteral("apps template needs one APP (a name or an app- id)");
    if (!templateFormat(line().format))
        return QStringLiteral("apps template --format takes json or yaml, not %1").arg(line().format);
    return {};
}

void TemplateCommand::act(const api::AppSummary &app)
{
    api::GenerateTemplateRequest request;
    request.appId = app.appId;
    request.templateFormat = *templateFormat(line().format);
    client().generateTemplate(request, this, [this, app](const Result<api::GenerateTemplateResponse> &result) {
        if (!result)
            return finish(reportCallError("GenerateTemplate", result.error()));
        const api::S3Location location = result->s3Location.value_or(api::S3Location{});
        const std::string url = client::s3Url(location);
        writeOut(line().output == OutputFormat::Json ? api::serialize(result.value(), 4) + "\n" : url + "\n", stdout);
        writeOut("Generated the CloudFormation template of " + appText(app) + " at " + url + ".\n", stderr);
        if (line().outFile.isEmpty())
            return finish(Success);
        save(app, location, url);
    });
}

void TemplateCommand::save(const api::AppSummary &app, const api::S3Location &location, const std::string &url)
{
    auto *reader = new client::ObjectReader(client().config(), this);
    reader->read(location, this, [this, app, url](const Result<QByteArray> &content) {
        if (!content)
            return finish(reportCallError("GetObject", content.error()));
        if (const QString reason = models::writeAtomically(line().outFile, content.value()); !reason.isEmpty()) {
            writeOut("Could not write " + line().outFile.toStdString() + ": " + reason.toStdString() + ".\n", stderr);
            return finish(OtherError);
        }
        writeOut("Saved the template of " + appText(app) + " from " + url + " to " + line().outFile.toStdString()
                     + ".\n",
                 stderr);
        finish(Success);
    });
}

} // namespace sms::cli
