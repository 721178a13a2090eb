#pragma once
// sms-plan apps launch|terminate APP: LaunchApp and TerminateApp for the
// application APP names (services/AppLookup). Like the AWS CLI, they ask and
// do not confirm; `apps wait APP --until launched|terminated` follows the
// launch status until it settles. Exit codes as in ExitCodes.h.

#include "AppCommand.h"

namespace sms::cli {

class LaunchCommand : public AppCommand
{
    Q_OBJECT

public:
    explicit LaunchCommand(CommandLine line, QObject *parent = nullptr);

    // What is wrong with the command's words and options; empty when nothing.
    QString usageProblem() const;

protected:
    void act(const api::AppSummary &app) override;
};

} // namespace sms::cli
