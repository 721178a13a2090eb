#pragma once
// The endpoint as a plan: its catalog and every application with its server
// groups, launch order, replication and launch settings, such that the plan
// diffs against that endpoint with no change (`sms-plan plan
// export-template`, a starting point for planning).
//
// SMS keeps settings per server; a plan keeps them per application with the
// servers that differ on their own (PlanSettings.h). The settings most of an
// application's servers share become the application's, and a server with
// other settings gets its own. A server's own settings can only add to the
// application's, not take a member away, so when some server lacks a member
// the shared settings have, every server gets its own instead. Launch
// logicalIds, which SMS makes up, are left out: a plan without one leaves
// them to SMS. One thing a plan cannot say: that a server of an application
// with settings has none. Such a server gets the application's, so the first
// diff proposes to give them to it.

#include "models/PlanTypes.h"
#include "services/EndpointSnapshot.h"

namespace sms::services {

// Keys are given in order from 1. The catalog's source is left to the caller.
models::PlanData planFromEndpoint(const EndpointSnapshot &endpoint);
// The same without the catalog: the applications and servers' own settings.
models::PlanData applicationsFromEndpoint(const std::vector<EndpointApplication> &applications);

} // namespace sms::services
