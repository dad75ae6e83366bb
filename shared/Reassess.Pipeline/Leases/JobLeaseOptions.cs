namespace Reassess.Pipeline.Leases;

/// <summary>
/// How job leases are held. Defaults follow Azure's listener singleton: a 60 s lease renewed at half its period, so a
/// host that dies frees its jobs within a minute.
/// </summary>
public sealed record JobLeaseOptions
{
    /// <summary>15–60 s: the range blob storage allows for a lease with an end.</summary>
    public TimeSpan LeasePeriod { get; init; } = TimeSpan.FromSeconds(60);

    /// <summary>How often a waiting acquirer tries again.</summary>
    public TimeSpan PollInterval { get; init; } = TimeSpan.FromSeconds(1);

    /// <summary>How often a held lease is renewed; null means half the lease period.</summary>
    public TimeSpan? RenewInterval { get; init; }

    internal TimeSpan EffectiveRenewInterval => RenewInterval ?? LeasePeriod / 2;

    internal void Validate()
    {
        if (LeasePeriod < TimeSpan.FromSeconds(15) || LeasePeriod > TimeSpan.FromSeconds(60))
            throw new ArgumentOutOfRangeException(nameof(LeasePeriod), LeasePeriod, "A blob lease lasts 15 to 60 seconds.");
        if (PollInterval <= TimeSpan.Zero)
            throw new ArgumentOutOfRangeException(nameof(PollInterval), PollInterval, "The poll interval must be positive.");
        if (EffectiveRenewInterval <= TimeSpan.Zero || EffectiveRenewInterval >= LeasePeriod)
            throw new ArgumentOutOfRangeException(nameof(RenewInterval), RenewInterval, "Renewal must come sooner than the lease expires.");
    }
}
