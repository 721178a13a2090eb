#include "AcceptedCredentials.h"

namespace sms::local {

QString acceptedCredentialsText(const LocalOptions &options)
{
    QString text;
    if (!options.auth) {
        text = QStringLiteral("Authentication is off (--no-auth): requests are accepted signed or not.\n");
    } else {
        for (const sandbox::SandboxKey &key : options.auth->keys) {
            const QString secret = options.keysGiven
                ? QStringLiteral("the secret access key given with --secret-key")
                : QStringLiteral("secret access key %1 (the sandbox's public demo key pair)").arg(key.secretAccessKey);
            text += QStringLiteral("Sign requests with access key id %1 and %2, region %3.\n")
                        .arg(key.accessKeyId, secret, options.auth->region);
        }
    }
    return text;
}

} // namespace sms::local
