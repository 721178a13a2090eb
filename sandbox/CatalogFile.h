#pragma once
// CatalogFile: the estate behind `sms-local --catalog FILE`, read from a file
// instead of generated, so that a team can rehearse against its own servers.
//
// - JSON: the GetServers response (`{"serverList": [...]}`) or a bare array of
//   Server objects, as `aws sms get-servers` prints them; the SMS codec reads
//   them, so unknown enum values are kept as everywhere else.
// - CSV (a `.csv` file): RFC 4180, a header row naming columns in any case:
//   vmName (required), vmManagerName, vmManagerType (VSPHERE, SCVMM,
//   HYPERV-MANAGER), vmPath, vmId, vmManagerId, serverId, replicable
//   (true/false). Other columns are ignored; an empty cell is a missing value.
//
// What the file leaves out is filled in from what it says, never from chance,
// so the same file always gives the same ids: serverType VIRTUAL_MACHINE,
// manager type VSPHERE, a manager name per type, vmManagerId from the
// manager's type and name, vmId from the row number, serverId from the
// manager id and vmId. Each VM manager gets one healthy connector. Servers
// start without replication jobs (a replicationJobId in the file is dropped).
//
// A bad file loads nothing: the error (InvalidConfiguration) names the file,
// the line (CSV) or array index (JSON), and the problem, for up to the first
// kMaxListedBadRows bad rows.

#include "api/Result.h"
#include "sandbox/EstateGenerator.h"

#include <QByteArrayView>
#include <QString>

namespace sms::sandbox {

enum class CatalogFormat { Json, Csv };

inline constexpr int kMaxListedBadRows = 10;

// CSV for a name ending in `.csv` (any case), JSON otherwise.
CatalogFormat catalogFormatFor(const QString &path);

// The estate in `text`; `sourceName` names it in error messages.
Result<Estate> loadCatalog(QByteArrayView text, CatalogFormat format, const QString &sourceName);

// The estate in the file at `path`, in the format its name says.
Result<Estate> loadCatalogFile(const QString &path);

} // namespace sms::sandbox
