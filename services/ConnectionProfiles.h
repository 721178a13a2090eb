#pragma once
// ConnectionProfiles: the AWS profiles a user can pick in the connection
// chooser, read from the shared config and credentials files. For each it
// says which region it would use and whether it has credentials configured,
// and never more: no key, token or command line leaves this file, only
// whether one is there.

#include "api/Result.h"
#include "client/AwsEnvironment.h"

#include <QString>

#include <vector>

namespace sms::services {

struct ConnectionProfile
{
    // How the profile would sign, as far as presence tells it.
    enum class Credentials {
        None,        // nothing usable: it can only name a region or endpoint
        AccessKeys,  // aws_access_key_id and aws_secret_access_key
        Process,     // credential_process
        Unsupported, // role_arn, SSO or web identity: needs calls this client does not make
    };

    QString name;
    // The profile's own `region`, else the default region; empty when neither.
    // Unlike the SDK chain, where AWS_REGION beats the profile, picking a
    // profile here means its region: the chooser passes it explicitly.
    QString region;
    bool regionFromProfile = false;
    Credentials credentials = Credentials::None;

    bool hasCredentials() const
    {
        return credentials == Credentials::AccessKeys || credentials == Credentials::Process;
    }
};

struct ConnectionProfiles
{
    std::vector<ConnectionProfile> profiles; // "default" first, then by name
    QString defaultRegion;    // AWS_REGION, else AWS_DEFAULT_REGION; may be empty
    QString selectedProfile;  // AWS_PROFILE, else "default"
    // AWS_ACCESS_KEY_ID is set: the chain signs with those keys whatever
    // profile is picked, which the chooser should say.
    bool environmentHasKeys = false;
    QString credentialsFilePath; // where we looked, whether or not it exists
    QString configFilePath;

    const ConnectionProfile *find(const QString &name) const;
};

// Reads both files once. A missing file is no profiles; an unreadable one is
// an error. Reads two small local files: cheap enough for the GUI thread,
// and it never runs a credential_process.
Result<ConnectionProfiles> listConnectionProfiles(const client::AwsEnvironment &environment);

} // namespace sms::services
