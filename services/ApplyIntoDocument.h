#pragma once
// What an apply learns goes into the plan document as it comes: the ids the
// endpoint gives, and retired applications gone from the endpoint. The GUI's
// apply and the tests that drive it share this wiring.

namespace sms::models {
class PlanDocument;
} // namespace sms::models

namespace sms::services {

class PlanApplier;

// Connects `applier` to `document` for as long as both live.
void recordInto(PlanApplier &applier, models::PlanDocument &document);

} // namespace sms::services
