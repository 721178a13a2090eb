#include "models/ValidationChecks.h"

#include <QRegularExpression>
#include <QString>

#include <algorithm>
#include <cctype>
#include <set>

namespace sms::models {
namespace {

using Severity = PlanIssue::Severity;

struct Reporter
{
    std::vector<PlanIssue> &out;
    const PlanApplication &app;

    void operator()(Severity severity, const char *code, std::string where, std::string message,
                    PlanKey group = kNoKey, std::string serverId = {}) const
    {
        PlanIssue issue;
        issue.severity = severity;
        issue.code = code;
        issue.where = std::move(where);
        issue.message = std::move(message);
        issue.subject = PlanSubject{app.key, group, std::move(serverId)};
        out.push_back(std::move(issue));
    }
};

bool isBlank(const std::optional<std::string> &text)
{
    return !text || std::all_of(text->begin(), text->end(), [](unsigned char c) { return std::isspace(c) != 0; });
}

bool isComplete(const std::optional<api::S3Location> &location)
{
    return location && !isBlank(location->bucket) && !isBlank(location->key);
}

// The model's InstanceId pattern: an EC2 instance or a managed instance.
bool isInstanceId(const std::string &id)
{
    static const QRegularExpression pattern(QStringLiteral("^(i-(\\w{8}|\\w{17})|mi-\\w{17})$"));
    return pattern.match(QString::fromStdString(id)).hasMatch();
}

std::string quoted(const std::string &text)
{
    return "\"" + text + "\"";
}

} // namespace

bool isValidationName(const std::string &name)
{
    const QString text = QString::fromStdString(name);
    return !text.isEmpty() && text.size() <= 255
        && std::none_of(text.begin(), text.end(), [](QChar c) { return c.isSpace(); });
}

void checkValidationSettings(std::vector<PlanIssue> &out, const PlanApplication &app, const std::string &path,
                             const std::string &label)
{
    const ApplicationSettings &settings = app.settings;
    if (!settings.validation)
        return;
    const Reporter report{out, app};
    const AppValidationSettings &validation = *settings.validation;
    if (settings.removeValidation)
        report(Severity::Error, "removed-settings-given", path,
               label + " removes its validation settings at the endpoint (removeValidation), yet the plan gives some."
                       " Drop removeValidation or those settings.");

    std::set<std::string> names;
    const auto checkName = [&](const std::string &where, const std::string &name, PlanKey group,
                               const std::string &serverId) {
        if (!isValidationName(name))
            report(Severity::Error, "validation-name-invalid", where,
                   label + " has a validation named " + quoted(name)
                       + "; SMS takes a name of 1 to 255 characters without spaces.",
                   group, serverId);
        else if (!names.insert(name).second)
            report(Severity::Error, "validation-name-duplicate", where,
                   label + " has more than one validation named " + quoted(name) + "; give each its own name.", group,
                   serverId);
    };
    const auto checkScriptType = [&](const std::string &where, const auto &type, PlanKey group,
                                     const std::string &serverId) {
        if (type && !type->isKnown())
            report(Severity::Error, "unknown-script-type", where,
                   label + " has a validation script type " + quoted(std::string(type->toString()))
                       + ", which SMS does not know; choose SHELL_SCRIPT or POWERSHELL_SCRIPT.",
                   group, serverId);
    };

    for (std::size_t i = 0; i < validation.appValidations.size(); ++i) {
        const api::AppValidationConfiguration &entry = validation.appValidations[i];
        const std::string where = path + ".validation.appValidations[" + std::to_string(i) + "]";
        const std::string name = entry.name.value_or("");
        checkName(where, name, kNoKey, {});
        const api::SSMValidationParameters ssm = entry.ssmValidationParameters.value_or(api::SSMValidationParameters{});
        const bool hasSource = ssm.source && isComplete(ssm.source->s3Location);
        if (!hasSource && isBlank(ssm.command))
            report(Severity::Error, "validation-source-missing", where,
                   label + ": validation " + quoted(name)
                       + " has neither an SSM document in S3 (bucket and key) nor a command; give it one.");
        if (isBlank(ssm.instanceId))
            report(Severity::Error, "validation-instance-invalid", where,
                   label + ": validation " + quoted(name) + " names no instance to run its SSM document on.");
        else if (!isInstanceId(*ssm.instanceId))
            report(Severity::Error, "validation-instance-invalid", where,
                   label + ": validation " + quoted(name) + " runs on " + quoted(*ssm.instanceId)
                       + ", which is not an instance id (i-… or mi-…).");
        checkScriptType(where, ssm.scriptType, kNoKey, {});
    }

    for (std::size_t i = 0; i < validation.serverValidations.size(); ++i) {
        const PlanServerValidation &entry = validation.serverValidations[i];
        const std::string where = path + ".validation.serverValidations[" + std::to_string(i) + "] ("
                                + entry.serverId + ")";
        const auto group = std::find_if(app.serverGroups.begin(), app.serverGroups.end(), [&](const PlanServerGroup &g) {
            return std::find(g.serverIds.begin(), g.serverIds.end(), entry.serverId) != g.serverIds.end();
        });
        const PlanKey groupKey = group == app.serverGroups.end() ? kNoKey : group->key;
        checkName(where, entry.name, groupKey, entry.serverId);
        if (group == app.serverGroups.end())
            report(Severity::Error, "validation-server-elsewhere", where,
                   label + " validates server " + entry.serverId
                       + ", which is in none of its server groups; add the server or remove its validation.");
        const api::UserDataValidationParameters userData = entry.userData.value_or(api::UserDataValidationParameters{});
        if (!userData.source || !isComplete(userData.source->s3Location))
            report(Severity::Error, "validation-source-missing", where,
                   label + ": validation " + quoted(entry.name) + " of server " + entry.serverId
                       + " has no script in S3 (bucket and key); give it one.",
                   groupKey, entry.serverId);
        checkScriptType(where, userData.scriptType, groupKey, entry.serverId);
    }
}

} // namespace sms::models
