#pragma once
// LocalOptions: sms-local's command line (the names are fixed by DESIGN.md's
// "Interfaces others rely on"), parsed and checked before anything starts.

#include "api/Result.h"
#include "sandbox/SandboxServer.h"
#include "sandbox/SandboxState.h"

#include <QHostAddress>
#include <QString>
#include <QStringList>

#include <cstdint>
#include <optional>

namespace sms::local {

struct LocalOptions
{
    QHostAddress bind = QHostAddress(QHostAddress::LocalHost);
    quint16 port = 0;
    std::size_t servers = 3000;
    std::uint64_t seed = 1;
    QString catalogFile;
    QString stateFile;
    QString s3Dir;
    double timeScale = 1.0;
    double failureRate = 0.05;
    QString region;  // signatures must name it; ARNs carry it
    std::optional<sandbox::AuthSettings> auth;  // absent with --no-auth
    bool keysGiven = false;  // --access-key/--secret-key: the secret is the user's own, never printed
    sandbox::FaultSettings faults;
    sandbox::Limits limits;
    bool help = false;
    bool version = false;
};

Result<LocalOptions> parseLocalOptions(const QStringList &arguments);
QString localUsage();

} // namespace sms::local
