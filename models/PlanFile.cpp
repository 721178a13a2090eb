// The plan file on disk: atomic writes and all-or-nothing reads.

#include "models/PlanFile.h"

#include "models/AtomicWrite.h"
#include "models/CatalogListsCheck.h"
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

// The file's bytes, with the parser's padding after them.
Result<std::unique_ptr<char[]>> readPadded(const QString &path, std::size_t &size)
{
    QFile file(path);
    if (!file.open(QIODevice::ReadOnly))
        return fileError("Could not open the plan " + quoted(path) + ": " + file.errorString().toStdString() + ".");
    size = std::size_t(file.size());
    auto buffer = std::make_unique_for_overwrite<char[]>(size + detail::kPlanDecodePadding);
    std::size_t done = 0;
    while (done < size) {
        const qint64 got = file.read(buffer.get() + done, qint64(size - done));
        if (got <= 0)
            return fileError("Could not read the plan " + quoted(path) + ": "
                             + (got < 0 ? file.errorString().toStdString() : std::string("it ended early")) + ".");
        done += std::size_t(got);
    }
    std::fill_n(buffer.get() + size, detail::kPlanDecodePadding, '\0');
    return buffer;
}

Result<PlanData> readAndDecode(const QString &path, bool checkOnly)
{
    std::size_t size = 0;
    auto buffer = readPadded(path, size);
    if (!buffer)
        return buffer.error();
    return detail::decodePlanBuffer(buffer->get(), size, /*padded=*/true, "The file " + quoted(path),
                                    [&buffer] { buffer->reset(); }, checkOnly);
}

} // namespace

Result<PlanData> readPlanFile(const QString &path)
{
    return readAndDecode(path, /*checkOnly=*/false);
}

Result<void> checkPlanFile(const QString &path)
{
    // First the low-memory way (CatalogListsCheck.h); a file it is not sure
    // of is read again and checked by the decoder alone, which words the error.
    {
        std::size_t size = 0;
        auto buffer = readPadded(path, size);
        if (!buffer)
            return buffer.error();
        if (detail::checkAndBlankCatalogLists(buffer->get(), size)
            && detail::decodePlanBuffer(buffer->get(), size, /*padded=*/true, {}, {}, /*checkOnly=*/true))
            return {};
    }
    auto checked = readAndDecode(path, /*checkOnly=*/true);
    return checked ? Result<void>() : Result<void>(checked.error());
}

} // namespace sms::models
