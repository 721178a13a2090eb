#include "ui/wizard/GroupProposals.h"

#include "api/QtText.h"

#include <map>

namespace sms::ui {
namespace {

using models::PlanServerGroup;

const api::VmServer *vmOf(const models::PlanDocument &document, const std::string &serverId)
{
    const int row = document.catalogRow(serverId);
    if (row < 0)
        return nullptr;
    const api::Server &server = document.catalog().servers[std::size_t(row)];
    return server.vmServer ? &*server.vmServer : nullptr;
}

// The servers by the key `keyOf` gives each, in key order; an empty key
// means "shares nothing". `nameOf` names the group of a key.
template <typename KeyOf, typename NameOf>
std::vector<PlanServerGroup> groupBy(const std::vector<std::string> &serverIds, KeyOf &&keyOf, NameOf &&nameOf,
                                     const QString &otherName)
{
    std::map<std::string, std::vector<std::string>> byKey;
    std::vector<std::string> others;
    for (const std::string &id : serverIds) {
        const std::string key = keyOf(id);
        (key.empty() ? others : byKey[key]).push_back(id);
    }
    std::vector<PlanServerGroup> groups;
    const auto add = [&groups](std::string name, std::vector<std::string> ids) {
        PlanServerGroup group;
        group.name = std::move(name);
        group.serverIds = std::move(ids);
        group.launchOrder = int(groups.size()) + 1;
        groups.push_back(std::move(group));
    };
    for (auto &[key, ids] : byKey)
        add(nameOf(key), std::move(ids));
    if (!others.empty())
        add(otherName.toStdString(), std::move(others));
    return groups;
}

// The folder a VM sits in, as sms-local's ImportAppCatalog takes it: its path
// without the VM's own name; empty for a VM at the top or without a path.
std::string folderOf(const api::VmServer *vm)
{
    const std::string path = vm ? vm->vmPath.value_or(std::string()) : std::string();
    const auto slash = path.rfind('/');
    return slash == std::string::npos || slash == 0 ? std::string() : path.substr(0, slash);
}

std::string lastPart(const std::string &folder)
{
    return folder.substr(folder.rfind('/') + 1);
}

} // namespace

std::vector<PlanServerGroup> groupsByFolder(const models::PlanDocument &document,
                                            const std::vector<std::string> &serverIds, const QString &otherName)
{
    std::map<std::string, std::string> folders;  // folder -> its last part
    std::map<std::string, int> endings;          // last part -> how many folders end so
    for (const std::string &id : serverIds) {
        const std::string folder = folderOf(vmOf(document, id));
        if (!folder.empty() && folders.emplace(folder, lastPart(folder)).second)
            ++endings[folders[folder]];
    }
    return groupBy(
        serverIds, [&](const std::string &id) { return folderOf(vmOf(document, id)); },
        [&](const std::string &folder) {
            const std::string &last = folders[folder];
            return endings[last] > 1 || last.empty() ? folder : last;
        },
        otherName);
}

std::vector<PlanServerGroup> groupsByPattern(const models::PlanDocument &document,
                                             const std::vector<std::string> &serverIds,
                                             const QRegularExpression &pattern, const QString &otherName)
{
    return groupBy(
        serverIds,
        [&](const std::string &id) {
            const api::VmServer *vm = vmOf(document, id);
            const QString name = vm && vm->vmName ? api::toQString(vm->vmName) : api::toQString(id);
            return pattern.match(name).captured(1).toStdString();
        },
        [](const std::string &text) { return text; }, otherName);
}

} // namespace sms::ui
