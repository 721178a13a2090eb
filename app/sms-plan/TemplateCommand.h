#pragma once
// sms-plan apps template APP [--format json|yaml] [-o FILE]: GenerateTemplate
// for the application APP names (services/AppLookup). SMS writes the template
// to S3 and answers where: that answer is printed (JSON, or the s3:// URL with
// --output table), and a line on standard error says what was done. With -o,
// the template is then read from S3 (client/ObjectReader) into FILE. Exit
// codes as in ExitCodes.h.

#include "AppCommand.h"

namespace sms::cli {

class TemplateCommand : public AppCommand
{
    Q_OBJECT

public:
    explicit TemplateCommand(CommandLine line, QObject *parent = nullptr);

    // What is wrong with the command's words and options; empty when nothing.
    QString usageProblem() const;

protected:
    void act(const api::AppSummary &app) override;

private:
    void save(const api::AppSummary &app, const api::S3Location &location, const std::string &url);
};

} // namespace sms::cli
