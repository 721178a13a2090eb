#pragma once
// sms-plan plan validate | diff | apply | import-csv | export-csv | graph |
// template | export-template: plan files on the command line. Exit codes as in
// ExitCodes.h (PlanExitCode).

#include "CommandLine.h"

#include "api/Result.h"
#include "models/PlanTypes.h"
#include "services/EndpointSnapshot.h"

#include <QObject>

namespace sms::client {
class SmsClient;
} // namespace sms::client

namespace sms::services {
struct ChangeSet;
} // namespace sms::services

namespace sms::cli {

class PlanCommand : public QObject
{
    Q_OBJECT

public:
    PlanCommand(CommandLine line, QObject *parent = nullptr);

    // What is wrong with the command's words and options; empty when nothing.
    QString usageProblem() const;
    bool needsEndpoint() const;
    // `client` is set when needsEndpoint(); finished() follows, queued.
    void start(client::SmsClient *client);

Q_SIGNALS:
    void finished(int exitCode);

private:
    void validate();
    void diff();
    void apply();
    void importCsv();
    void exportCsv();
    void exportTemplate();
    void graph();
    void planTemplate();

    // Reads the endpoint, then calls `then` with the snapshot. For a diff of
    // m_plan, only the validation configurations the diff looks at are read.
    void readEndpoint(std::function<void(const services::EndpointSnapshot &)> then, bool forDiff = false);
    void printChanges(const services::ChangeSet &changes);
    // `snapshot` is what the changes were diffed against; the apply starts from it.
    void confirmAndApply(const services::ChangeSet &changes, const services::EndpointSnapshot &snapshot);
    void runApply(services::EndpointSnapshot snapshot);
    // Saves the plan to its file; false (and finished) when that failed.
    bool save();
    // `document` to standard output, or to -o's file whole; finished either way.
    void writeResult(const std::string &document);
    Result<models::PlanData> readPlan();
    // Reads the plan into m_plan and finds the application --app names in
    // it; nullptr (and finished) when either is not there.
    const models::PlanApplication *readPlanApplication();
    void fail(const std::string &message);
    void finish(int exitCode);

    CommandLine m_line;
    QString m_subcommand;
    QString m_file;
    client::SmsClient *m_client = nullptr;
    models::PlanData m_plan;
    bool m_finished = false;
};

} // namespace sms::cli
