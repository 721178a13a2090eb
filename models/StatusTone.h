#pragma once
// Tone: how a status feels at a glance, for the replication monitor's tables
// and the plan's live status columns. A model gives it on a role; the UI maps
// it to an icon and a palette colour, so the meaning is decided once in
// models/ (ReplicationWords) and the look once in ui/.

namespace sms::models {

// Ordered by how much it asks for attention: the worse of two tones wins.
enum class Tone { Neutral, Busy, Good, Warning, Bad };

// The one of the two that asks for more attention: Bad over Warning over Busy
// over Good over Neutral (a run in progress says more than "replicated").
inline Tone worseTone(Tone a, Tone b)
{
    constexpr int kRank[] = {0, 2, 1, 3, 4}; // Neutral, Busy, Good, Warning, Bad
    return kRank[int(a)] >= kRank[int(b)] ? a : b;
}

} // namespace sms::models
