#include "ui/launch/LaunchGraphDot.h"

#include "ui/launch/LaunchGraphText.h"

#include <map>

namespace sms::ui {
namespace {

// A dot ID string: quoted, with its quotes and backslashes escaped, and line
// breaks as dot's centred "\n".
std::string quoted(const QString &text)
{
    std::string out = "\"";
    for (const char c : text.toStdString()) {
        if (c == '"' || c == '\\')
            out += '\\';
        if (c == '\n')
            out += "\\n";
        else if (c != '\r')
            out += c;
    }
    return out + '"';
}

std::string nodeId(std::size_t index)
{
    return "g" + std::to_string(index);
}

} // namespace

std::string launchGraphDot(const QString &applicationName, const LaunchGraphFacts &facts)
{
    std::string dot = "digraph " + quoted(applicationName) + " {\n";
    dot += "  label=" + quoted(LaunchGraphText::tr("Launch order of %1").arg(applicationName)) + ";\n";
    dot += "  labelloc=t;\n  rankdir=TB;\n  node [shape=box, style=rounded];\n";
    std::map<int, std::vector<std::size_t>> byOrder;
    for (std::size_t i = 0; i < facts.nodes.size(); ++i) {
        const GroupNodeFacts &node = facts.nodes[i];
        byOrder[node.launchOrder].push_back(i);
        const QString label = LaunchGraphText::tr("%1\n%n server(s) · launch %2", nullptr, node.serverCount)
                                  .arg(node.name)
                                  .arg(node.launchOrder);
        dot += "  " + nodeId(i) + " [label=" + quoted(label);
        if (!node.warnings.isEmpty())
            dot += ", color=orange, tooltip=" + quoted(node.warnings.join(QLatin1Char('\n')));
        dot += "];\n";
    }
    for (const auto &[order, nodes] : byOrder) {
        dot += "  { rank=same;";
        for (const std::size_t i : nodes)
            dot += ' ' + nodeId(i) + ';';
        dot += " }\n";
    }
    for (const GraphEdgeFacts &edge : facts.edges) {
        dot += "  " + nodeId(std::size_t(edge.before)) + " -> " + nodeId(std::size_t(edge.after));
        dot += edge.inferred ? " [style=dashed];\n" : ";\n";
    }
    return dot + "}\n";
}

} // namespace sms::ui
