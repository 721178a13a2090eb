#pragma once
// What sms-local tells its user after the "listening" line: the key pair a
// client must sign with, or that it accepts anything (--no-auth). The
// default pair is public demo data and is printed whole; a secret given with
// --secret-key is the user's own and is never printed.

#include "LocalOptions.h"

#include <QString>

namespace sms::local {

// One or more lines, each ending in '\n'.
QString acceptedCredentialsText(const LocalOptions &options);

} // namespace sms::local
