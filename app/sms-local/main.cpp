// sms-local: a local AWS Server Migration Service endpoint, for trying,
// training, rehearsing and testing now that AWS has closed the hosted service.

#include "AcceptedCredentials.h"
#include "LocalOptions.h"
#include "ShutdownSignals.h"

#include "sandbox/CatalogFile.h"
#include "sandbox/SandboxEngine.h"
#include "sandbox/SandboxServer.h"
#include "sandbox/StateFile.h"
#include "sandbox/StateKeeper.h"

#include <QCoreApplication>
#include <QFileInfo>
#include <QUrl>

#include <cstdio>
#include <memory>

namespace {

using namespace sms;

// The state to start from: the saved one, else a catalog file, else a generated estate.
Result<sandbox::SandboxState> initialState(const local::LocalOptions &options)
{
    if (!options.stateFile.isEmpty() && QFileInfo::exists(options.stateFile))
        return sandbox::loadState(options.stateFile);
    if (!options.catalogFile.isEmpty()) {
        auto estate = sandbox::loadCatalogFile(options.catalogFile);
        if (!estate)
            return estate.error();
        return sandbox::SandboxState::fromEstate(std::move(estate).value(), options.seed);
    }
    return sandbox::SandboxState::fromEstate(sandbox::generateEstate(options.servers, options.seed), options.seed);
}

} // namespace

int main(int argc, char *argv[])
{
    QCoreApplication app(argc, argv);
    QCoreApplication::setApplicationName(QStringLiteral("sms-local"));
    QCoreApplication::setApplicationVersion(QStringLiteral(SMS_VERSION));

    auto options = local::parseLocalOptions(app.arguments());
    if (!options) {
        std::fprintf(stderr, "sms-local: %s\nRun 'sms-local --help' for usage.\n", options.error().message.c_str());
        return 2;
    }
    if (options->help) {
        std::fputs(qPrintable(local::localUsage()), stdout);
        return 0;
    }
    if (options->version) {
        std::printf("sms-local %s (Qt %s)\n", SMS_VERSION, qVersion());
        return 0;
    }

    auto state = initialState(options.value());
    if (!state) {
        std::fprintf(stderr, "sms-local: %s\n", state.error().message.c_str());
        return 1;
    }
    state->failureRate = options->failureRate;
    state->limits = options->limits;

    sandbox::EngineOptions engineOptions;
    engineOptions.timeScale = options->timeScale;
    engineOptions.s3Dir = options->s3Dir;
    engineOptions.region = options->region;
    sandbox::SandboxEngine engine(std::move(state).value(), engineOptions);
    sandbox::SandboxServer server(options->auth);
    engine.registerWith(server);
    server.setFaults(options->faults);

    std::unique_ptr<sandbox::StateKeeper> keeper;
    if (!options->stateFile.isEmpty()) {
        keeper = std::make_unique<sandbox::StateKeeper>(engine, options->stateFile);
        QObject::connect(keeper.get(), &sandbox::StateKeeper::saveFailed, [](const SmsError &error) {
            std::fprintf(stderr, "sms-local: %s\n", error.message.c_str());
        });
        if (!QFileInfo::exists(options->stateFile) && !keeper->saveNow())  // a new state file exists from the start
            return 1;
        keeper->watch(server);
    }

    const quint16 port = server.listenOn(options->bind, options->port);
    if (port == 0) {
        std::fprintf(stderr, "sms-local: cannot listen on %s port %u.\n", qPrintable(options->bind.toString()),
                     unsigned(options->port));
        return 1;
    }
    local::ShutdownSignals signals;
    QObject::connect(&signals, &local::ShutdownSignals::shutdownRequested, &app, &QCoreApplication::quit);

    // QUrl puts an IPv6 address in brackets: http://[::1]:PORT.
    QUrl url;
    url.setScheme(QStringLiteral("http"));
    url.setHost(options->bind.toString());
    url.setPort(port);
    std::printf("sms-local listening on %s\n", qPrintable(url.toString()));
    std::fflush(stdout);  // the first line on its own: scripts wait for it
    std::fputs(qPrintable(local::acceptedCredentialsText(options.value())), stdout);
    std::fflush(stdout);
    const int code = app.exec();
    if (keeper && !keeper->saveNow())
        return 1;
    return code;
}
