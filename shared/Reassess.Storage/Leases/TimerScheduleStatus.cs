using System.Text.Json.Serialization;

namespace Reassess.Storage.Leases;

/// <summary>
/// A timer's schedule status as Azure Functions stores it (<c>{"Last": …, "Next": …, "LastUpdated": …}</c>): the
/// occurrence that last ran, the one expected next, and the instant <see cref="Next"/> was computed from. A timer that
/// never ran has <see cref="Last"/> = 0001-01-01T00:00:00+00:00, as Azure writes it.
/// </summary>
public sealed record TimerScheduleStatus(DateTimeOffset Last, DateTimeOffset Next, DateTimeOffset LastUpdated)
{
    [JsonIgnore]
    public bool HasRun => Last != default;
}
