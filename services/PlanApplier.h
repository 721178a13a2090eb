#pragma once
// PlanApplier: makes the endpoint match a plan, one change at a time.
//
// It reads the endpoint whole once (or starts from the snapshot its caller's
// diff of the same plan read: Review, `plan apply`), to resolve the plan's
// servers and to refuse a plan with unresolvable ones before changing
// anything. Then, for each application in the plan's order that the snapshot
// shows differing, it reads that application afresh, diffs it (PlanDiff.h),
// runs the first change, and starts over with a fresh read, until the
// application has no change left; then it deletes the applications the plan
// retired. So a run that stops anywhere (a failure, a cancel, a crash)
// resumes where it stopped when run again, and a create that SMS made but
// whose answer was lost is found again by its client token.
//
// A change that fails with a retryable error (throttling, 5xx, a dropped
// connection, once the client's own retries are spent) is tried again from a
// fresh read a few times; any other failure stops the run there, with the
// change and SMS's reason, and nothing after it is touched.
//
// Last it reads every application once more, a window at a time
// (client/RequestWindow.h), and diffs it again: what still differs (remaining()), a
// change made meanwhile by someone else included, is what a caller must
// report instead of "the endpoint matches the plan".
//
// The ids the endpoint gives are recorded in the applier's copy of the plan
// and announced (idsRecorded) for the caller to keep in its document or file.

#include "api/Result.h"
#include "client/RequestWindow.h"
#include "models/PlanTypes.h"
#include "services/AppSync.h"
#include "services/PlanDiff.h"
#include "services/SnapshotReader.h"

#include <QObject>

#include <memory>
#include <optional>

namespace sms::client {
class SmsClient;
} // namespace sms::client

namespace sms::services {

class PlanApplier : public QObject
{
    Q_OBJECT

public:
    // Tries of one change (each from a fresh read) before a retryable error stops the run.
    static constexpr int kMaxTries = 5;

    // `client` must outlive the applier. Give the plan a planId first
    // (PlanDocument::ensurePlanId), or creates go without client tokens.
    PlanApplier(client::SmsClient &client, models::PlanData plan, QObject *parent = nullptr);
    ~PlanApplier() override;

    // Reads the endpoint, then applies.
    void start();
    // Applies from `snapshot`, read for a diff of this same plan just before
    // (the changes the user saw), instead of reading the endpoint again.
    void startFrom(EndpointSnapshot snapshot);
    // The call in flight is canceled (SMS may have done it anyway: run again
    // to converge); finished() reports Canceled.
    void cancel();

    // The plan with every id recorded so far.
    const models::PlanData &plan() const { return m_plan; }
    // After a run that finished without error: what a fresh read still finds
    // different (no changes: the endpoint matches the plan).
    const ChangeSet &remaining() const { return m_remaining; }

Q_SIGNALS:
    // Before each change: how many ran, of about how many, and which is next.
    void progress(int done, int total, const QString &current);
    void changeApplied(const sms::services::Change &change);
    // The endpoint's ids of an application and its groups, after it was created or updated.
    void idsRecorded(sms::models::PlanKey application, const sms::services::EndpointIds &ids);
    // A retired application is gone from the endpoint; drop it from retiredAppIds.
    void retiredDeleted(const QString &appId);
    // The number of changes run, or why the run stopped.
    void finished(const sms::Result<int> &result);

private:
    void readSnapshot();
    void onSnapshot(const Result<EndpointSnapshot> &snapshot);
    // Diffs the plan against the snapshot's applications and the catalog.
    void begin(const std::vector<EndpointApplication> &applications, std::vector<api::Server> servers);
    void nextApplication();
    void readCurrent();
    // Reads `app` afresh and hands the read to `then`.
    void readAfresh(const models::PlanApplication &app, void (PlanApplier::*then)(ApplicationRead));
    // False when the read failed: it is tried again from `again`, or the run stops naming `what`.
    bool readOk(const ApplicationRead &read, void (PlanApplier::*again)(), const std::string &what);
    void onCurrentRead(ApplicationRead read);
    void run(const Change &change);
    void onChangeDone(const Change &change, const Result<EndpointIds> &result);
    void nextRetired();
    void verify();
    void verifyApplication(std::size_t index, int tries);
    void onVerified(std::size_t index, int tries, ApplicationRead read);
    // A retryable failure goes back to `again` while tries are left.
    bool retry(const SmsError &error, void (PlanApplier::*again)());
    void record(models::PlanKey application, const EndpointIds &ids);
    void fail(const std::string &what, const SmsError &error);
    void finish(Result<int> result);

    client::SmsClient &m_client;
    models::PlanData m_plan;
    std::vector<api::Server> m_endpointServers;
    ChangeSet m_remaining;
    std::unique_ptr<DiffContext> m_context;  // over m_plan and m_endpointServers
    std::vector<models::PlanKey> m_differing;  // applications the snapshot showed differing, sorted
    client::RequestWindow m_verifyWindow;
    std::vector<std::vector<Change>> m_verifiedChanges;  // by plan application, after the changes
    std::size_t m_toVerify = 0;
    client::CallHandle m_call;
    std::size_t m_app = 0;     // the application being brought in line
    int m_roundsOnApp = 0;     // changes run on it, against endless loops
    int m_tries = 0;           // of the change (or read) in hand
    int m_done = 0;
    int m_total = 0;
    bool m_finished = false;
};

// What a finished run says: that a fresh read found the endpoint matching
// the plan, or what still differs, a change a line.
std::string appliedSummary(int applied, const ChangeSet &remaining);

} // namespace sms::services

Q_DECLARE_METATYPE(sms::services::Change)
Q_DECLARE_METATYPE(sms::Result<int>)
