#include "cloudformation/CloudFormationTemplate.h"

#include "api/TextLimits.h"
#include "cloudformation/LogicalIds.h"

#include <yaml-cpp/yaml.h>

#include <algorithm>
#include <array>
#include <cctype>
#include <cstdint>
#include <iterator>
#include <optional>
#include <set>
#include <string_view>

namespace sms::cloudformation {
namespace {

using api::Json;

// The service's answer to a template it cannot build: HTTP 400, as SMS words it.
SmsError invalidParameter(std::string message)
{
    return SmsError::make(ErrorCode::InvalidParameterException, std::move(message), 400);
}

constexpr std::size_t kMaxDescriptionLength = 1024;

// An optional text that is set and not empty, or null.
const std::string *given(const std::optional<std::string> &text)
{
    return text && !text->empty() ? &*text : nullptr;
}

// The members of an optional list; an absent list is empty.
template <typename T>
const std::vector<T> &items(const std::optional<std::vector<T>> &list)
{
    static const std::vector<T> none;
    return list ? *list : none;
}

bool isAlnum(char c)
{
    return std::isalnum(static_cast<unsigned char>(c)) != 0;
}

struct Instance
{
    api::ServerLaunchConfiguration config;
    std::string serverId;
    std::string vmName;               // the server id when the VM has no name
    std::optional<int> launchOrder;
    std::string logicalId;
};

// The explicit logicalId with its invalid characters dropped, else one derived
// from the VM name, else from the server id.
std::string wantedLogicalId(const Instance &instance)
{
    if (const std::string *explicitId = given(instance.config.logicalId)) {
        std::string id;
        std::copy_if(explicitId->begin(), explicitId->end(), std::back_inserter(id), isAlnum);
        if (!id.empty())
            return id;
    }
    for (const std::string &name : {instance.vmName, instance.serverId}) {
        if (std::string id = logicalIdFromName(name); !id.empty())
            return id;
    }
    return "Server";
}

std::string vmNameOf(const api::Server &server)
{
    if (server.vmServer && given(server.vmServer->vmName))
        return *server.vmServer->vmName;
    return {};
}

// The servers to launch: the launch configuration's first, then the rest of
// the app's servers with a default configuration.
Result<std::vector<Instance>> collectInstances(const TemplateInput &input)
{
    std::map<std::string, std::string> vmNames;
    for (const api::ServerGroup &group : input.serverGroups) {
        for (const api::Server &server : items(group.serverList)) {
            if (std::string name = vmNameOf(server); given(server.serverId) && !name.empty())
                vmNames.emplace(*server.serverId, std::move(name));
        }
    }

    std::vector<Instance> instances;
    std::set<std::string> seen;
    std::map<std::string, std::optional<int>> groupOrder;
    const auto add = [&](api::ServerLaunchConfiguration config, const std::string &serverId, std::optional<int> order) {
        if (!seen.insert(serverId).second)
            return;  // a server configured twice launches once, as first configured
        std::string vmName = vmNameOf(*config.server);
        if (vmName.empty()) {
            const auto known = vmNames.find(serverId);
            vmName = known != vmNames.end() ? known->second : serverId;
        }
        instances.push_back({std::move(config), serverId, std::move(vmName), order, {}});
    };

    for (const api::ServerGroupLaunchConfiguration &group : items(input.launch.serverGroupLaunchConfigurations)) {
        if (const std::string *groupId = given(group.serverGroupId))
            groupOrder[*groupId] = group.launchOrder;
        for (const api::ServerLaunchConfiguration &config : items(group.serverLaunchConfigurations)) {
            if (!config.server || !given(config.server->serverId))
                return invalidParameter("A server launch configuration of server group "
                                        + group.serverGroupId.value_or("(no id)") + " names no server.");
            add(config, *config.server->serverId, group.launchOrder);
        }
    }
    for (const api::ServerGroup &group : input.serverGroups) {
        const auto order = groupOrder.find(group.serverGroupId.value_or(""));
        for (const api::Server &server : items(group.serverList)) {
            if (!given(server.serverId))
                continue;
            api::ServerLaunchConfiguration config;
            config.server = server;
            add(std::move(config), *server.serverId, order != groupOrder.end() ? order->second : std::nullopt);
        }
    }

    const std::string app = input.app.appId.value_or("(no id)");
    if (instances.empty())
        return invalidParameter("App " + app + " has no servers to launch.");
    if (instances.size() > kMaxTemplateInstances)
        return invalidParameter("App " + app + " has " + std::to_string(instances.size())
                                + " servers; a CloudFormation template launches at most "
                                + std::to_string(kMaxTemplateInstances) + " ("
                                + std::to_string(kMaxTemplateOutputs) + " outputs).");
    return instances;
}

// Single quotes for the shell: nothing inside is special but the quote itself.
std::string shellQuoted(const std::string &text)
{
    std::string quoted = "'";
    for (const char c : text)
        quoted += c == '\'' ? std::string("'\\''") : std::string(1, c);
    return quoted + "'";
}

// The user data names an S3 object; the instance fetches and runs it at first
// boot (its instance profile must be allowed to read the object).
Json userDataScript(const api::S3Location &location)
{
    const std::string script = "#!/bin/bash\n"
                               "# The user-data script of the SMS launch configuration.\n"
                               "set -euo pipefail\n"
                               "script=$(mktemp)\n"
                               "aws s3 cp " + shellQuoted("s3://" + *location.bucket + "/" + *location.key) + " \"$script\"\n"
                               "chmod +x \"$script\"\n"
                               "\"$script\"\n";
    return Json{{"Fn::Base64", script}};
}

Json tagsOf(const Instance &instance, const std::vector<api::Tag> &appTags)
{
    Json tags = Json::array();
    for (const api::Tag &tag : appTags) {
        const std::string *key = given(tag.key);
        // "aws:" keys are reserved to AWS, and Name is the instance's own.
        if (!key || key->starts_with("aws:") || *key == "Name")
            continue;
        tags.push_back({{"Key", *key}, {"Value", tag.value.value_or("")}});
    }
    tags.push_back({{"Key", "Name"}, {"Value", instance.vmName}});
    return tags;
}

bool knowsAmi(const Instance &instance, const TemplateInput &input)
{
    const auto ami = input.amiByServerId.find(instance.serverId);
    return ami != input.amiByServerId.end() && !ami->second.empty();
}

// The server's AMI, or a Ref to the parameter `amiParameter` names when the
// input allows one.
Result<Json> imageIdOf(const Instance &instance, const TemplateInput &input, const std::string &amiParameter)
{
    if (knowsAmi(instance, input))
        return Json(input.amiByServerId.at(instance.serverId));
    if (!input.amiParameters)
        return invalidParameter("Server " + instance.serverId + " (" + instance.vmName
                                + ") has no AMI yet: its replication job has not completed a replication run.");
    return Json{{"Ref", amiParameter}};
}

Result<Json> instanceProperties(const Instance &instance, const TemplateInput &input, const std::string &amiParameter)
{
    const api::ServerLaunchConfiguration &config = instance.config;
    auto imageId = imageIdOf(instance, input, amiParameter);
    if (!imageId)
        return imageId.error();

    Json properties;
    properties["ImageId"] = std::move(imageId).value();
    const std::string *instanceType = given(config.instanceType);
    properties["InstanceType"] = instanceType ? *instanceType : kDefaultInstanceType;
    if (const std::string *keyName = given(config.ec2KeyName))
        properties["KeyName"] = *keyName;
    if (const std::string *profile = given(config.iamInstanceProfileName))
        properties["IamInstanceProfile"] = *profile;

    // A public IP can only be asked for on a network interface, and then the
    // subnet and security groups must be given there, not on the instance.
    const std::string *subnet = given(config.subnet);
    const std::string *securityGroup = given(config.securityGroup);
    if (config.associatePublicIpAddress) {
        Json networkInterface = {{"DeviceIndex", "0"},
                                 {"AssociatePublicIpAddress", *config.associatePublicIpAddress},
                                 {"DeleteOnTermination", true}};
        if (subnet)
            networkInterface["SubnetId"] = *subnet;
        if (securityGroup)
            networkInterface["GroupSet"] = Json::array({*securityGroup});
        properties["NetworkInterfaces"] = Json::array({networkInterface});
    } else {
        if (subnet)
            properties["SubnetId"] = *subnet;
        if (securityGroup)
            properties["SecurityGroupIds"] = Json::array({*securityGroup});
    }

    if (config.userData && config.userData->s3Location) {
        const api::S3Location &location = *config.userData->s3Location;
        if (!given(location.bucket) || !given(location.key))
            return invalidParameter("The user data of server " + instance.serverId + " (" + instance.vmName
                                    + ") needs an S3 bucket and key.");
        properties["UserData"] = userDataScript(location);
    }
    properties["Tags"] = tagsOf(instance, input.tags);
    return properties;
}

// Each instance waits for every instance of the closest earlier launch order.
std::map<std::string, Json> dependencies(const std::vector<Instance> &instances)
{
    std::map<int, std::vector<std::string>> idsByOrder;
    for (const Instance &instance : instances) {
        if (instance.launchOrder)
            idsByOrder[*instance.launchOrder].push_back(instance.logicalId);
    }
    std::map<std::string, Json> dependsOn;
    for (const Instance &instance : instances) {
        if (!instance.launchOrder)
            continue;
        auto previous = idsByOrder.find(*instance.launchOrder);
        if (previous == idsByOrder.begin())
            continue;
        std::vector<std::string> ids = std::prev(previous)->second;
        std::sort(ids.begin(), ids.end());
        dependsOn[instance.logicalId] = ids;
    }
    return dependsOn;
}

std::string descriptionOf(const api::AppSummary &app)
{
    std::string description = "Launches the servers of SMS application \"" + app.name.value_or("") + "\" ("
                              + app.appId.value_or("no id") + ")";
    if (const std::string *text = given(app.description))
        description += ": " + *text;
    return std::string(utf8Prefix(description, kMaxDescriptionLength));
}

// --- YAML -------------------------------------------------------------------

// yaml-cpp quotes what YAML would misread as structure ("a: b", "null", ""),
// but not what it would read as another type, like "0", "true" or
// "2010-09-09": quote anything that may start a number, date or boolean.
bool readsAsNonString(std::string_view text)
{
    static constexpr std::array<std::string_view, 10> words{"true", "false", "yes", "no", "on",
                                                            "off",  "y",     "n",   "null", "~"};
    if (text.empty() || std::isdigit(static_cast<unsigned char>(text.front())) || text.front() == '+'
        || text.front() == '-' || text.front() == '.')
        return true;
    std::string lower(text);
    std::transform(lower.begin(), lower.end(), lower.begin(), [](unsigned char c) { return char(std::tolower(c)); });
    return std::find(words.begin(), words.end(), lower) != words.end();
}

// A literal block reads back exactly only when the text ends in a single
// newline (the block's clipped end), does not start with a space (yaml-cpp
// writes no indentation indicator) and holds nothing that needs escaping.
bool fitsLiteralBlock(std::string_view text)
{
    if (text.size() < 2 || text.back() != '\n' || text[text.size() - 2] == '\n' || text.front() == ' ')
        return false;
    return std::none_of(text.begin(), text.end(), [](unsigned char c) { return c < 0x20 && c != '\n' && c != '\t'; });
}

void emitString(YAML::Emitter &out, const std::string &text)
{
    const bool hasControl = std::any_of(text.begin(), text.end(), [](unsigned char c) { return c < 0x20; });
    if (fitsLiteralBlock(text))
        out << YAML::Literal;
    else if (hasControl || readsAsNonString(text))
        out << YAML::DoubleQuoted;
    out << text;
}

void emitYaml(YAML::Emitter &out, const Json &value)
{
    switch (value.type()) {
    case Json::value_t::object:
        out << YAML::BeginMap;
        for (auto it = value.begin(); it != value.end(); ++it) {
            out << YAML::Key;
            emitString(out, it.key());
            out << YAML::Value;
            emitYaml(out, it.value());
        }
        out << YAML::EndMap;
        break;
    case Json::value_t::array:
        out << YAML::BeginSeq;
        for (const Json &item : value)
            emitYaml(out, item);
        out << YAML::EndSeq;
        break;
    case Json::value_t::string:
        emitString(out, value.get_ref<const std::string &>());
        break;
    case Json::value_t::boolean:
        out << value.get<bool>();
        break;
    case Json::value_t::number_integer:
        out << value.get<std::int64_t>();
        break;
    case Json::value_t::number_unsigned:
        out << value.get<std::uint64_t>();
        break;
    case Json::value_t::number_float:
        out << value.get<double>();
        break;
    default:  // null, and the kinds JSON text cannot hold
        out << YAML::Null;
        break;
    }
}

} // namespace

Result<Json> cloudFormationTemplate(const TemplateInput &input)
{
    auto collected = collectInstances(input);
    if (!collected)
        return collected.error();
    std::vector<Instance> instances = std::move(collected).value();

    // Explicit logical ids first, so that a derived one never takes their name.
    LogicalIdAllocator ids;
    for (const bool explicitPass : {true, false}) {
        for (Instance &instance : instances) {
            if (bool(given(instance.config.logicalId)) == explicitPass)
                instance.logicalId = ids.allocate(wantedLogicalId(instance));
        }
    }

    const std::map<std::string, Json> dependsOn = dependencies(instances);
    Json parameters = Json::object();
    Json resources = Json::object();
    Json outputs = Json::object();
    for (const Instance &instance : instances) {
        std::string amiParameter;
        if (input.amiParameters && !knowsAmi(instance, input)) {
            amiParameter = ids.allocate(instance.logicalId + "ImageId");
            parameters[amiParameter] = {
                {"Type", "AWS::EC2::Image::Id"},
                {"Description", "The AMI of server " + instance.serverId + " (" + instance.vmName
                                    + "), which its replication job has not made yet"}};
        }
        auto properties = instanceProperties(instance, input, amiParameter);
        if (!properties)
            return properties.error();
        Json &resource = resources[instance.logicalId];
        resource["Type"] = "AWS::EC2::Instance";
        resource["Properties"] = std::move(properties).value();
        if (const auto it = dependsOn.find(instance.logicalId); it != dependsOn.end())
            resource["DependsOn"] = it->second;

        outputs[ids.allocate(instance.logicalId + "InstanceId")] = {
            {"Description", "Instance id of " + instance.vmName},
            {"Value", {{"Ref", instance.logicalId}}}};
        outputs[ids.allocate(instance.logicalId + "PrivateIp")] = {
            {"Description", "Private IP address of " + instance.vmName},
            {"Value", {{"Fn::GetAtt", Json::array({instance.logicalId, "PrivateIp"})}}}};
    }

    Json tmpl{{"AWSTemplateFormatVersion", "2010-09-09"},
              {"Description", descriptionOf(input.app)},
              {"Resources", std::move(resources)},
              {"Outputs", std::move(outputs)}};
    if (!parameters.empty())
        tmpl["Parameters"] = std::move(parameters);
    return tmpl;
}

std::string renderTemplate(const Json &tmpl, api::OutputFormat format)
{
    if (format != api::OutputFormat::Yaml)
        return tmpl.dump(2, ' ', false, Json::error_handler_t::replace) + "\n";
    YAML::Emitter out;
    out.SetIndent(2);
    emitYaml(out, tmpl);
    return std::string(out.c_str()) + "\n";
}

} // namespace sms::cloudformation
