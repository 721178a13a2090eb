<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="en_US">
<context>
    <name>sms::ui::ApplicationReviewPage</name>
    <message numerus="yes">
        <source>%n error(s) above keep the application from being created: go Back to the page concerned and fix it.</source>
        <translation>
            <numerusform>%n error above keep the application from being created: go Back to the page concerned and fix it.</numerusform>
            <numerusform>%n errors above keep the application from being created: go Back to the page concerned and fix it.</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>sms::ui::ApplicationSettingsDialog</name>
    <message numerus="yes">
        <source>The application&apos;s replication settings cannot be removed at the endpoint: its servers have replication settings of their own (%n server(s)).</source>
        <translation>
            <numerusform>The application's replication settings cannot be removed at the endpoint: its servers have replication settings of their own (%n server).</numerusform>
            <numerusform>The application's replication settings cannot be removed at the endpoint: its servers have replication settings of their own (%n servers).</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>The application&apos;s launch settings cannot be removed at the endpoint: its servers have launch settings of their own (%n server(s)).</source>
        <translation>
            <numerusform>The application's launch settings cannot be removed at the endpoint: its servers have launch settings of their own (%n server).</numerusform>
            <numerusform>The application's launch settings cannot be removed at the endpoint: its servers have launch settings of their own (%n servers).</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>sms::models::ApplicationsTreeModel</name>
    <message numerus="yes">
        <source>%n server(s) in %1</source>
        <translation>
            <numerusform>%n server in %1</numerusform>
            <numerusform>%n servers in %1</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n group(s)</source>
        <translation>
            <numerusform>%n group</numerusform>
            <numerusform>%n groups</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n server(s)</source>
        <translation>
            <numerusform>%n server</numerusform>
            <numerusform>%n servers</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>sms::ui::DraftSummary</name>
    <message numerus="yes">
        <source>%1. “%2”: %n server(s)</source>
        <translation>
            <numerusform>%1. “%2”: %n server</numerusform>
            <numerusform>%1. “%2”: %n servers</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>sms::ui::EndpointActions</name>
    <message numerus="yes">
        <source>Read %n server(s) from the endpoint.</source>
        <translation>
            <numerusform>Read %n server from the endpoint.</numerusform>
            <numerusform>Read %n servers from the endpoint.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n new to the plan</source>
        <translation>
            <numerusform>%n new to the plan</numerusform>
            <numerusform>%n new to the plan</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n given the endpoint&apos;s settings</source>
        <translation>
            <numerusform>%n given the endpoint's settings</numerusform>
            <numerusform>%n given the endpoint's settings</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n edit(s) of the plan kept</source>
        <translation>
            <numerusform>%n edit of the plan kept</numerusform>
            <numerusform>%n edits of the plan kept</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n deleted from the plan left out</source>
        <translation>
            <numerusform>%n deleted from the plan left out</numerusform>
            <numerusform>%n deleted from the plan left out</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Read %n application(s) from the endpoint</source>
        <translation>
            <numerusform>Read %n application from the endpoint</numerusform>
            <numerusform>Read %n applications from the endpoint</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Sending %n application(s)</source>
        <translation>
            <numerusform>Sending %n application</numerusform>
            <numerusform>Sending %n applications</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Deleting %n application(s)</source>
        <translation>
            <numerusform>Deleting %n application</numerusform>
            <numerusform>Deleting %n applications</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>sms::ui::GroupArrangement</name>
    <message numerus="yes">
        <source>%n server(s)</source>
        <translation>
            <numerusform>%n server</numerusform>
            <numerusform>%n servers</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>sms::ui::InventoryImportDialog</name>
    <message numerus="yes">
        <source>%n server(s) to import</source>
        <translation>
            <numerusform>%n server to import</numerusform>
            <numerusform>%n servers to import</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n template(s) skipped</source>
        <translation>
            <numerusform>%n template skipped</numerusform>
            <numerusform>%n templates skipped</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n blank row(s) skipped</source>
        <translation>
            <numerusform>%n blank row skipped</numerusform>
            <numerusform>%n blank rows skipped</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n row(s) below cannot be imported and will be left out; the other rows will be imported.</source>
        <translation>
            <numerusform>%n row below cannot be imported and will be left out; the other rows will be imported.</numerusform>
            <numerusform>%n rows below cannot be imported and will be left out; the other rows will be imported.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>… and %n more row(s).</source>
        <translation>
            <numerusform>… and %n more row.</numerusform>
            <numerusform>… and %n more rows.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Import %n Server(s)</source>
        <translation>
            <numerusform>Import %n Server</numerusform>
            <numerusform>Import %n Servers</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n added</source>
        <translation>
            <numerusform>%n added</numerusform>
            <numerusform>%n added</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n replaced</source>
        <translation>
            <numerusform>%n replaced</numerusform>
            <numerusform>%n replaced</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n already in the catalog from the endpoint</source>
        <translation>
            <numerusform>%n already in the catalog from the endpoint</numerusform>
            <numerusform>%n already in the catalog from the endpoint</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Imported %n server(s): %1.</source>
        <translation>
            <numerusform>Imported %n server: %1.</numerusform>
            <numerusform>Imported %n servers: %1.</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>sms::ui::LaunchGraphText</name>
    <message numerus="yes">
        <source>%n server(s)</source>
        <translation>
            <numerusform>%n server</numerusform>
            <numerusform>%n servers</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%1
%n server(s) · launch %2</source>
        <translation>
            <numerusform>%1
%n server · launch %2</numerusform>
            <numerusform>%1
%n servers · launch %2</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Delete %n item(s) from the launch graph</source>
        <translation>
            <numerusform>Delete %n item from the launch graph</numerusform>
            <numerusform>Delete %n items from the launch graph</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>sms::ui::MainWindow</name>
    <message numerus="yes">
        <source>Add %n server(s) to:</source>
        <translation>
            <numerusform>Add %n server to:</numerusform>
            <numerusform>Add %n servers to:</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Cut %n server(s): paste them onto a server group.</source>
        <translation>
            <numerusform>Cut %n server: paste them onto a server group.</numerusform>
            <numerusform>Cut %n servers: paste them onto a server group.</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>sms::ui::NewApplicationWizard</name>
    <message numerus="yes">
        <source>New application “%1” with %n server(s)</source>
        <translation>
            <numerusform>New application “%1” with %n server</numerusform>
            <numerusform>New application “%1” with %n servers</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>sms::models::PlanEditor</name>
    <message numerus="yes">
        <source>%n server(s) moved out of another application: a server belongs to one application at most.</source>
        <translation>
            <numerusform>%n server moved out of another application: a server belongs to one application at most.</numerusform>
            <numerusform>%n servers moved out of another application: a server belongs to one application at most.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>New server group “%1” with %n server(s)</source>
        <translation>
            <numerusform>New server group “%1” with %n server</numerusform>
            <numerusform>New server group “%1” with %n servers</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>New application “%1” with %n server(s)</source>
        <translation>
            <numerusform>New application “%1” with %n server</numerusform>
            <numerusform>New application “%1” with %n servers</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Move %n server group(s)</source>
        <translation>
            <numerusform>Move %n server group</numerusform>
            <numerusform>Move %n server groups</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>New application “%1” from %n server group(s)</source>
        <translation>
            <numerusform>New application “%1” from %n server group</numerusform>
            <numerusform>New application “%1” from %n server groups</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Delete %n item(s)</source>
        <translation>
            <numerusform>Delete %n item</numerusform>
            <numerusform>Delete %n items</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Remove %n launch dependency(ies)</source>
        <translation>
            <numerusform>Remove %n launch dependency</numerusform>
            <numerusform>Remove %n launch dependencies</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Refresh %n application(s) from the endpoint</source>
        <translation>
            <numerusform>Refresh %n application from the endpoint</numerusform>
            <numerusform>Refresh %n applications from the endpoint</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Import %n server(s)</source>
        <translation>
            <numerusform>Import %n server</numerusform>
            <numerusform>Import %n servers</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>sms::ui::PlanIssuesList</name>
    <message numerus="yes">
        <source>%n error(s)</source>
        <translation>
            <numerusform>%n error</numerusform>
            <numerusform>%n errors</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n warning(s)</source>
        <translation>
            <numerusform>%n warning</numerusform>
            <numerusform>%n warnings</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>(And %n more like it.)</source>
        <translation>
            <numerusform>(And %n more like it.)</numerusform>
            <numerusform>(And %n more like it.)</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>sms::ui::ProblemsPane</name>
    <message numerus="yes">
        <source>%n error(s)</source>
        <translation>
            <numerusform>%n error</numerusform>
            <numerusform>%n errors</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n warning(s)</source>
        <translation>
            <numerusform>%n warning</numerusform>
            <numerusform>%n warnings</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>sms::ui::ReviewChangesDialog</name>
    <message numerus="yes">
        <source>Applying the plan makes %n change(s) at the endpoint, in this order.</source>
        <translation>
            <numerusform>Applying the plan makes %n change at the endpoint, in this order.</numerusform>
            <numerusform>Applying the plan makes %n changes at the endpoint, in this order.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n application(s) at the endpoint are not in the plan and are left alone.</source>
        <translation>
            <numerusform>%n application at the endpoint are not in the plan and are left alone.</numerusform>
            <numerusform>%n applications at the endpoint are not in the plan and are left alone.</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>sms::ui::ServerChoicePage</name>
    <message numerus="yes">
        <source>%n server(s) chosen.</source>
        <translation>
            <numerusform>%n server chosen.</numerusform>
            <numerusform>%n servers chosen.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n of them will move here from the application they are in now.</source>
        <translation>
            <numerusform>%n of them will move here from the application they are in now.</numerusform>
            <numerusform>%n of them will move here from the application they are in now.</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>sms::ui::ServerGroupsPage</name>
    <message numerus="yes">
        <source>%n group(s) proposed by VM folder.</source>
        <translation>
            <numerusform>%n group proposed by VM folder.</numerusform>
            <numerusform>%n groups proposed by VM folder.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n group(s) proposed by the name pattern.</source>
        <translation>
            <numerusform>%n group proposed by the name pattern.</numerusform>
            <numerusform>%n groups proposed by the name pattern.</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>sms::ui::SettingsSummary</name>
    <message numerus="yes">
        <source>Every %n hour(s)</source>
        <translation>
            <numerusform>Every %n hour</numerusform>
            <numerusform>Every %n hours</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>The %n most recent</source>
        <translation>
            <numerusform>The %n most recent</numerusform>
            <numerusform>The %n most recent</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>sms::ui::StateSummaryChart</name>
    <message numerus="yes">
        <source>%1
%2: %n server(s)</source>
        <translation>
            <numerusform>%1
%2: %n server</numerusform>
            <numerusform>%1
%2: %n servers</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%1 of %n applications, worst first</source>
        <translation>
            <numerusform>%1 of %n applications, worst first</numerusform>
            <numerusform>%1 of %n applications, worst first</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>sms::ui::ValidationResultsDialog</name>
    <message numerus="yes">
        <source>%n validation(s), as the endpoint reported them.</source>
        <translation>
            <numerusform>%n validation, as the endpoint reported them.</numerusform>
            <numerusform>%n validations, as the endpoint reported them.</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>sms::models::ServerCommands</name>
    <message numerus="yes">
        <source>Remove %n server(s) from their applications</source>
        <translation>
            <numerusform>Remove %n server from their applications</numerusform>
            <numerusform>Remove %n servers from their applications</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Place %n server(s) in “%1”</source>
        <translation>
            <numerusform>Place %n server in “%1”</numerusform>
            <numerusform>Place %n servers in “%1”</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Change the settings of %n server(s)</source>
        <translation>
            <numerusform>Change the settings of %n server</numerusform>
            <numerusform>Change the settings of %n servers</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>sms::ui::CsvExport</name>
    <message numerus="yes">
        <source>Exported %n server row(s) to %1.</source>
        <translation>
            <numerusform>Exported %n server row to %1.</numerusform>
            <numerusform>Exported %n server rows to %1.</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>sms::ui::ReplicationNotice</name>
    <message numerus="yes">
        <source>%n run(s) failed</source>
        <translation>
            <numerusform>%n run failed</numerusform>
            <numerusform>%n runs failed</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n run(s) stalled</source>
        <translation>
            <numerusform>%n run stalled</numerusform>
            <numerusform>%n runs stalled</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n application(s) replicated</source>
        <translation>
            <numerusform>%n application replicated</numerusform>
            <numerusform>%n applications replicated</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>and %n more</source>
        <translation>
            <numerusform>and %n more</numerusform>
            <numerusform>and %n more</numerusform>
        </translation>
    </message>
</context>
</TS>
