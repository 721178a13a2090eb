// The plan file on disk: atomic writes and all-or-nothing reads.

#include "models/PlanFile.h"

#include "models/AtomicWrite.h"
#include "models/PlanDecoder.h"

#include <QFile>

#include <algorithm>
#include <memory>

namespace sms::models {
namespace {

std::string quoted(const QString &path)
{
    return "\"" + path.toStdString() + "\"";
}

SmsError fileError(const std::string &message)
{
    return SmsError::make(ErrorCode::InvalidRequest, message);
}

} // namespace

Result<void> writePlanFile(const QString &path, const PlanData &plan)
{
    const std::string text = encodePlan(plan);
    if (const QString reason = writeAtomically(path, text); !reason.isEmpty())
        return fileError("Could not save the plan to " + quoted(path) + ": " + reason.toStdString()
                         + ". The file on disk, if there was one, is unchanged.");
    return {};
}

namespace {

// The file's bytes with the parser's padding after them, decoded.
Result<PlanData> readAndDecode(const QString &path, bool checkOnly)
{
    QFile file(path);
    if (!file.open(QIODevice::ReadOnly))
        return fileError("Could not open the plan " + quoted(path) + ": " + file.errorString().toStdString() + ".");
    const qint64 size = file.size();
    auto buffer = std::make_unique_for_overwrite<char[]>(std::size_t(size) + detail::kPlanDecodePadding);
    qint64 done = 0;
    while (done < size) {
        const qint64 got = file.read(buffer.get() + done, size - done);
        if (got <= 0)
            return fileError("Could not read the plan " + quoted(path) + ": "
                             + (got < 0 ? file.errorString().toStdString() : std::string("it ended early")) + ".");
        done += got;
    }
    std::fill_n(buffer.get() + size, detail::kPlanDecodePadding, '\0');
    return detail::decodePlanBuffer(buffer.get(), std::size_t(size), /*padded=*/true, "The file " + quoted(path),
                                    [&buffer] { buffer.reset(); }, checkOnly);
}

} // namespace

Result<PlanData> readPlanFile(const QString &path)
{
    return readAndDecode(path, /*checkOnly=*/false);
}

Result<void> checkPlanFile(const QString &path)
{
    auto checked = readAndDecode(path, /*checkOnly=*/true);
    return checked ? Result<void>() : Result<void>(checked.error());
}

} // namespace sms::models
