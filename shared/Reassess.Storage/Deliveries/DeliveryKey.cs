using Reassess.Core.Time;
using Reassess.Storage.Tables;

namespace Reassess.Storage.Deliveries;

/// <summary>
/// What a delivery is of: the weekly message of an ISO week (<c>2026-W10</c>), or one alert (<c>alert:{id}</c>), sent
/// the day it happens. It is the delivery table's partition, so a week's deliveries are read with one query.
/// </summary>
public readonly record struct DeliveryKey
{
    private const string AlertPrefix = "alert:";

    private DeliveryKey(string value) => Value = value;

    /// <summary>The partition key: the week as written, or the alert prefix and the escaped alert id.</summary>
    public string Value { get; }

    public static DeliveryKey Week(IsoWeek week) => new(week.ToString());

    /// <summary>An alert by its id (any text; made safe as a key).</summary>
    public static DeliveryKey Alert(string alertId)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(alertId);
        return new(StorageKeys.Validate(AlertPrefix + StorageKeys.Encode(alertId), "Alert id"));
    }

    /// <summary>A key as read back from its row.</summary>
    internal static DeliveryKey FromStored(string partitionKey) => new(partitionKey);

    public override string ToString() => Value;
}
